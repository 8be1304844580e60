//! What a borrower should know about a way out: legal caps and limits it
//! breaks, fees taken up front, months over budget, risky lenders.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::limits::{CapCheck, LenderKind};
use crate::money::Money;
use crate::rate::Rate;

/// Something the borrower should know about an option.
///
/// ```
/// use overdue::{limits::LenderKind, limits::Warning};
/// let w = Warning::LenderRisk { lender: LenderKind::PrivateLender };
/// assert!(w.to_string().contains("private lender"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Warning {
    /// The option's annual rate, as a court compares it (interest, penalties
    /// and fees together as a simple annual rate: the nominal rate of its
    /// payments, monthly periods), is above the private-lending cap on its
    /// contract date: the part above is not enforceable (void above 36 % for
    /// contracts before 2020-08-20).
    AboveLegalCap {
        /// The check.
        check: CapCheck,
    },
    /// A licensed institution's interest, penalties and fees together, as a
    /// simple annual rate, are above 24 %: courts reduce the excess at the
    /// borrower's request (Supreme People's Court, 法发〔2017〕22号, art. 2).
    AboveCourtLimit {
        /// The simple annual rate of the option's payments.
        #[serde(with = "crate::serde_str")]
        #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
        annual_rate: Decimal,
        /// The limit, 24 % a year.
        limit: Rate,
    },
    /// A debt-relief service takes its fee before any debt is settled: the
    /// US Telemarketing Sales Rule forbids it for telemarketed debt relief
    /// (16 CFR 310.4(a)(5)(i)).
    AdvanceFee {
        /// The fee taken up front.
        fee: Money,
    },
    /// Some months ask more than the budget leaves.
    OverBudget {
        /// How many months.
        months: u32,
        /// The largest monthly total.
        peak: Money,
        /// What the budget leaves each month.
        budget: Money,
    },
    /// A lender kind with known risks.
    LenderRisk {
        /// The lender.
        lender: LenderKind,
    },
    /// Debt-management services charge up front and may not be licensed.
    ServiceRisk,
    /// The service's fee is more than the reduction it negotiates.
    FeeAboveSavings {
        /// The fee.
        fee: Money,
        /// What the reduction saves against paying the whole debt at settlement.
        savings: Money,
    },
}

impl Warning {
    /// Whether the option breaks a legal cap or limit (what keeps it from
    /// being affordable, with the budget).
    pub(crate) fn breaks_a_legal_limit(&self) -> bool {
        matches!(self, Warning::AboveLegalCap { .. } | Warning::AboveCourtLimit { .. })
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let percent = |rate: Decimal| rate.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(rate);
        match self {
            Warning::AboveCourtLimit { annual_rate, limit } => write!(
                f,
                "the lender's interest, penalties and fees, {:.2} % as a simple annual rate, are above \
                 the {} courts allow a licensed lender: the excess can be reduced on request \
                 (Supreme People's Court, 法发〔2017〕22号, art. 2)",
                percent(*annual_rate),
                limit
            ),
            Warning::AboveLegalCap { check } => write!(
                f,
                "simple annual rate {:.2} % is above the {} private-lending cap: the excess is not \
                 enforceable{} (Supreme People's Court private-lending provisions, arts. 25 and 29)",
                percent(check.annual_rate),
                check.cap,
                if check.void { ", void above 36 %" } else { "" }
            ),
            Warning::OverBudget { months, peak, budget } => write!(
                f,
                "{months} month(s) above the budget of {} (peak {})",
                budget.grouped(),
                peak.grouped()
            ),
            Warning::LenderRisk { lender } => match lender {
                LenderKind::FamilyOrFriends => f.write_str("family or friends: put the plan in writing"),
                LenderKind::PrivateLender => f.write_str(
                    "private lender: check the contract and the 4 × LPR cap (private-lending provisions, \
                     art. 25); beware of aggressive collection",
                ),
                LenderKind::LicensedInstitution => f.write_str("licensed institution"),
            },
            Warning::AdvanceFee { fee } => write!(
                f,
                "fee {} taken before any debt is settled (US: forbidden, 16 CFR 310.4(a)(5)(i))",
                fee.grouped()
            ),
            Warning::ServiceRisk => f.write_str(
                "debt-management service: its fee is its own, not a lender's charge, so lending caps do \
                 not limit it; fees are often charged up front; check the firm is licensed",
            ),
            Warning::FeeAboveSavings { fee, savings } => write!(
                f,
                "the service fee {} is more than the {} its reduction saves against paying the whole \
                 debt at settlement",
                fee.grouped(),
                savings.grouped()
            ),
        }
    }
}
