//! The legal-limit job: a contract's cash flows (and, for a US card, a late
//! fee) against the limits a court or regulator applies, the same checks the
//! comparison makes on each way out.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{CapCheck, LenderKind, PrivateLendingCap, UsLateFeeSafeHarbor, Warning};
use crate::calendar::Frequency;
use crate::cost::{nominal_annual_rate, xirr, CashFlow};
use crate::error::Result;
use crate::money::Money;
use crate::rate::Rate;
use crate::rate::RateTable;

/// What a licensed institution may charge before a Chinese court reduces the
/// excess at the borrower's request: 24 % a year of interest, penalties and
/// fees together (Supreme People's Court, 法发〔2017〕22号, art. 2).
const LICENSED_COURT_LIMIT: Decimal = Decimal::from_parts(24, 0, 0, false, 2);

/// A legal-limit job: a contract's cash flows and who lent, and optionally a
/// US card's late fee.
///
/// The rate checks compare what a court compares: interest, penalties and
/// fees together as a simple annual rate, the nominal rate (monthly periods)
/// of the flows' internal rate of return (Supreme People's Court
/// private-lending provisions, arts. 25 and 29), not the compounded effective
/// rate. A private lender (or family and friends) is held to the
/// private-lending cap on the contract date (4 × the one-year LPR; 24 %, void
/// above 36 %, before 2020-08-20); a licensed institution to 24 %.
///
/// ```
/// use overdue::{dec, CashFlow, limits::LenderKind, limits::LimitsRequest, NaiveDate};
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// // 10,000 lent on 2026-01-01, 11,160 repaid a year later: 11.6 % a year
/// let flows = vec![CashFlow::new(d(2026, 1, 1), dec!(10000)), CashFlow::new(d(2027, 1, 1), dec!(-11160))];
/// let result = LimitsRequest::new(flows).with_lender(LenderKind::PrivateLender).run()?;
/// assert!(!result.private_lending_cap.unwrap().exceeded); // under 4 × 3.00 % = 12 %
/// assert!(result.warnings.is_empty());
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LimitsRequest {
    /// The contract's cash flows, the borrower's view (received positive,
    /// paid negative), in any order; none to check only a late fee.
    #[serde(default)]
    pub flows: Vec<CashFlow>,
    /// Who lent (default: a licensed institution).
    #[serde(default)]
    pub lender: LenderKind,
    /// The contract date, whose LPR sets the private-lending cap (default:
    /// the earliest flow's date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "crate::dates::option::serialize")]
    pub contract_date: Option<NaiveDate>,
    /// The one-year LPR table (default: the built-in one,
    /// [`RateTable::china_lpr_one_year`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lpr: Option<RateTable>,
    /// A US card late fee to check against Regulation Z's safe harbor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_fee: Option<LateFeeToCheck>,
}

/// A US credit-card late fee to check against the Regulation Z safe harbor
/// (12 CFR 1026.52(b)(1)(ii), amounts as adjusted each year: see
/// [`UsLateFeeSafeHarbor`]).
///
/// ```
/// use overdue::{dec, limits::LateFeeToCheck, Money, NaiveDate, limits::Violation};
///
/// let fee = LateFeeToCheck::new(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(), Money::new(dec!(35))?, Money::new(dec!(100))?)
///     .with_violation(Violation::RepeatWithinSixCycles);
/// assert_eq!(fee.violation, Violation::RepeatWithinSixCycles);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LateFeeToCheck {
    /// The day the fee was charged.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub date: NaiveDate,
    /// The fee.
    pub amount: Money,
    /// The minimum payment that was late (the fee may not exceed it).
    pub minimum_payment_due: Money,
    /// A first late payment or a repeat (default: first).
    #[serde(default)]
    pub violation: Violation,
}

/// Whether a late payment is the first or a repeat within the next six
/// billing cycles, which sets the safe-harbor amount (12 CFR
/// 1026.52(b)(1)(ii)(B)).
///
/// ```
/// use overdue::limits::Violation;
/// assert_eq!(Violation::default(), Violation::First);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Violation {
    /// The first late payment (the lower amount). The default.
    #[default]
    First,
    /// Another late payment within the six billing cycles after one that
    /// was charged a fee (the higher amount).
    RepeatWithinSixCycles,
}

impl LateFeeToCheck {
    /// A first violation's fee of `amount` on `date`, for a late minimum
    /// payment of `minimum_payment_due`.
    ///
    /// ```
    /// use overdue::{dec, limits::LateFeeToCheck, Money, NaiveDate, limits::Violation};
    /// let fee = LateFeeToCheck::new(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(), Money::new(dec!(35))?, Money::new(dec!(100))?);
    /// assert_eq!(fee.violation, Violation::First);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(date: NaiveDate, amount: Money, minimum_payment_due: Money) -> LateFeeToCheck {
        LateFeeToCheck {
            date,
            amount,
            minimum_payment_due,
            violation: Violation::First,
        }
    }

    /// A first violation or a repeat.
    ///
    /// ```
    /// use overdue::{dec, limits::LateFeeToCheck, Money, NaiveDate, limits::Violation};
    /// let fee = LateFeeToCheck::new(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(), Money::new(dec!(35))?, Money::new(dec!(100))?)
    ///     .with_violation(Violation::RepeatWithinSixCycles);
    /// assert_eq!(fee.violation, Violation::RepeatWithinSixCycles);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_violation(mut self, violation: Violation) -> LateFeeToCheck {
        self.violation = violation;
        self
    }
}

/// A late fee checked against the safe harbor.
///
/// ```
/// use overdue::{dec, limits::LateFeeToCheck, limits::LimitsRequest, Money, NaiveDate};
/// let fee = LateFeeToCheck::new(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(), Money::new(dec!(35))?, Money::new(dec!(100))?);
/// let check = LimitsRequest::new(vec![]).with_late_fee(fee).run()?.late_fee.unwrap();
/// assert_eq!((check.max_fee.to_string().as_str(), check.excess.to_string().as_str()), ("30", "5"));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LateFeeCheck {
    /// The fee charged.
    pub amount: Money,
    /// The largest fee the safe harbor allows on its date.
    pub max_fee: Money,
    /// Whether the fee is above it.
    pub exceeded: bool,
    /// How much above it; zero if within.
    pub excess: Money,
}

/// What a [`LimitsRequest`] found.
///
/// ```
/// use overdue::{dec, CashFlow, limits::LimitsRequest, NaiveDate};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// // a licensed lender at 60 % a year (5 % a month, simple)
/// let flows = vec![CashFlow::new(d(2026, 1, 1), dec!(1000)), CashFlow::new(d(2026, 2, 1), dec!(-1050))];
/// let result = LimitsRequest::new(flows).run()?;
/// let limit = result.licensed_court_limit.unwrap();
/// assert!(limit.exceeded);
/// assert_eq!(result.warnings.len(), 1);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LimitsResult {
    /// The flows' simple annual rate, as a court compares it (none without flows).
    #[serde(with = "crate::serde_str::option")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::optional_decimal"))]
    pub simple_annual_rate: Option<Decimal>,
    /// The flows' effective annual rate (XIRR), for reference.
    #[serde(with = "crate::serde_str::option")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::optional_decimal"))]
    pub effective_annual_rate: Option<Decimal>,
    /// The private-lending cap check, for a private lender or family and friends.
    pub private_lending_cap: Option<CapCheck>,
    /// The 24 % court limit check, for a licensed institution.
    pub licensed_court_limit: Option<CapCheck>,
    /// The late-fee check, when the request gave a fee.
    pub late_fee: Option<LateFeeCheck>,
    /// The warnings the comparison would give: a limit broken.
    pub warnings: Vec<Warning>,
}

impl LimitsRequest {
    /// The flows of a licensed institution's contract dated by its earliest
    /// flow, with the built-in LPR table.
    ///
    /// ```
    /// use overdue::{limits::LenderKind, limits::LimitsRequest};
    /// assert_eq!(LimitsRequest::new(vec![]).lender, LenderKind::LicensedInstitution);
    /// ```
    pub fn new(flows: Vec<CashFlow>) -> LimitsRequest {
        LimitsRequest {
            flows,
            lender: LenderKind::default(),
            contract_date: None,
            lpr: None,
            late_fee: None,
        }
    }

    /// Who lent.
    ///
    /// ```
    /// use overdue::{limits::LenderKind, limits::LimitsRequest};
    /// let r = LimitsRequest::new(vec![]).with_lender(LenderKind::FamilyOrFriends);
    /// assert_eq!(r.lender, LenderKind::FamilyOrFriends);
    /// ```
    pub fn with_lender(mut self, lender: LenderKind) -> LimitsRequest {
        self.lender = lender;
        self
    }

    /// The contract date.
    ///
    /// ```
    /// use overdue::{limits::LimitsRequest, NaiveDate};
    /// let day = NaiveDate::from_ymd_opt(2019, 5, 1).unwrap();
    /// assert_eq!(LimitsRequest::new(vec![]).with_contract_date(day).contract_date, Some(day));
    /// ```
    pub fn with_contract_date(mut self, date: NaiveDate) -> LimitsRequest {
        self.contract_date = Some(date);
        self
    }

    /// The one-year LPR table.
    ///
    /// ```
    /// use overdue::{limits::LimitsRequest, rate::RateTable};
    /// let r = LimitsRequest::new(vec![]).with_lpr(RateTable::china_lpr_one_year());
    /// assert!(r.lpr.is_some());
    /// ```
    pub fn with_lpr(mut self, table: RateTable) -> LimitsRequest {
        self.lpr = Some(table);
        self
    }

    /// A late fee to check.
    ///
    /// ```
    /// use overdue::{dec, limits::LateFeeToCheck, limits::LimitsRequest, Money, NaiveDate};
    /// let fee = LateFeeToCheck::new(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(), Money::new(dec!(25))?, Money::new(dec!(100))?);
    /// assert!(LimitsRequest::new(vec![]).with_late_fee(fee).late_fee.is_some());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_late_fee(mut self, fee: LateFeeToCheck) -> LimitsRequest {
        self.late_fee = Some(fee);
        self
    }

    /// Runs the checks.
    ///
    /// # Errors
    /// As [`xirr`](crate::xirr) when no rate solves the flows;
    /// [`RateTable::rate_on`] for a contract date before the LPR table;
    /// [`UsLateFeeSafeHarbor::max_fee`] for a fee dated before 2010-08-22.
    ///
    /// ```
    /// use overdue::{dec, CashFlow, limits::LimitsRequest, NaiveDate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// // money received and never repaid: no rate solves it
    /// assert!(LimitsRequest::new(vec![CashFlow::new(day, dec!(1000))]).run().is_err());
    /// ```
    pub fn run(&self) -> Result<LimitsResult> {
        let mut result = LimitsResult {
            simple_annual_rate: None,
            effective_annual_rate: None,
            private_lending_cap: None,
            licensed_court_limit: None,
            late_fee: None,
            warnings: Vec::new(),
        };
        let contract_date = self.contract_date.or_else(|| self.flows.iter().map(|f| f.date).min());
        if let (Some(day), false) = (contract_date, self.flows.is_empty()) {
            let effective = xirr(&self.flows)?;
            let simple = nominal_annual_rate(effective, Frequency::Monthly)?.value();
            let lpr = self.lpr.clone().unwrap_or_else(RateTable::china_lpr_one_year);
            let checks = court_checks((day, self.lender), simple, &lpr)?;
            result.warnings = checks.warnings();
            result.simple_annual_rate = Some(simple);
            result.effective_annual_rate = Some(effective.value());
            result.private_lending_cap = checks.private_lending_cap;
            result.licensed_court_limit = checks.licensed_court_limit;
        }
        if let Some(fee) = &self.late_fee {
            let max_fee = UsLateFeeSafeHarbor::default().max_fee(fee.date, fee.violation, fee.minimum_payment_due)?;
            result.late_fee = Some(LateFeeCheck {
                amount: fee.amount,
                max_fee,
                exceeded: fee.amount > max_fee,
                excess: fee.amount.saturating_sub(max_fee),
            });
        }
        Ok(result)
    }
}

/// The court's checks of a contract's simple annual rate.
pub(crate) struct CourtChecks {
    /// Against the private-lending cap, when its rules apply.
    pub(crate) private_lending_cap: Option<CapCheck>,
    /// Against the 24 % limit, for a licensed institution.
    pub(crate) licensed_court_limit: Option<CapCheck>,
}

impl CourtChecks {
    /// A warning for each limit broken.
    pub(crate) fn warnings(&self) -> Vec<Warning> {
        let mut warnings = Vec::new();
        if let Some(check) = self.private_lending_cap.filter(|c| c.exceeded) {
            warnings.push(Warning::AboveLegalCap { check });
        }
        if let Some(check) = self.licensed_court_limit.filter(|c| c.exceeded) {
            warnings.push(Warning::AboveCourtLimit {
                annual_rate: check.annual_rate,
                limit: check.cap,
            });
        }
        warnings
    }
}

/// The limits a contract of `lender` made on `day` is held to, checked at
/// the simple annual rate `simple` of its interest, penalties and fees.
pub(crate) fn court_checks(
    (day, lender): (NaiveDate, LenderKind),
    simple: Decimal,
    lpr: &RateTable,
) -> Result<CourtChecks> {
    let mut checks = CourtChecks {
        private_lending_cap: None,
        licensed_court_limit: None,
    };
    // the cap applies to interest, penalties and fees together as a simple annual rate
    // (Supreme People's Court private-lending provisions, arts. 25 and 29): the nominal
    // annual rate of the payments, not the compounded effective one
    if lender.private_lending_rules() {
        checks.private_lending_cap = Some(PrivateLendingCap::on(day, lpr)?.check_annual(simple)?);
    }
    // a licensed lender's interest, penalties and fees together above 24 %/year: a court
    // reduces the excess at the borrower's request (法发〔2017〕22号, art. 2)
    if lender == LenderKind::LicensedInstitution {
        let limit = PrivateLendingCap {
            enforceable: Rate::annual(LICENSED_COURT_LIMIT)?,
            void_above: None,
        };
        checks.licensed_court_limit = Some(limit.check_annual(simple)?);
    }
    Ok(checks)
}
