//! A debt-management service: its fee, then the debt it negotiates down,
//! settled at the end of its term.

use chrono::Months;
use serde::{Deserialize, Serialize};

use super::owed::Today;
use super::path::{Context, Path};
use crate::error::{overflow, Error, Result};
use crate::limits::Warning;
use crate::money::Money;
use crate::ratio::Ratio;

/// What a debt-management service charges.
///
/// ```
/// use overdue::{Ratio, compare::ServiceFee};
/// use overdue::dec;
/// let fee = ServiceFee::ShareOfDebt(Ratio::new(dec!(0.15))?);
/// # let _ = fee;
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ServiceFee {
    /// A fixed amount, paid on signing.
    Flat(Money),
    /// A share of today's debt (the payoff amount), paid on signing.
    ShareOfDebt(Ratio),
    /// A share of what the negotiation saves, paid at settlement.
    ShareOfSavings(Ratio),
}

/// A debt-management service: it negotiates a reduction, and the borrower
/// pays the reduced debt when the settlement is reached.
///
/// ```
/// use overdue::{compare::DebtService, Ratio, compare::ServiceFee};
/// use overdue::dec;
/// let s = DebtService::new(ServiceFee::ShareOfDebt(Ratio::new(dec!(0.15))?), Ratio::new(dec!(0.2))?, 3);
/// assert_eq!(s.months(), 3);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DebtService {
    pub(super) fee: ServiceFee,
    pub(super) reduction: Ratio,
    pub(super) months: u32,
    #[serde(default)]
    pub(super) freeze_penalties: bool,
}

impl DebtService {
    /// A service charging `fee` that negotiates `reduction` off the debt,
    /// settled after `months`; penalties keep accruing meanwhile.
    ///
    /// ```
    /// use overdue::{compare::DebtService, Money, Ratio, compare::ServiceFee};
    /// let s = DebtService::new(ServiceFee::Flat(Money::ZERO), Ratio::ZERO, 1);
    /// assert!(!s.penalties_frozen());
    /// ```
    pub fn new(fee: ServiceFee, reduction: Ratio, months: u32) -> DebtService {
        DebtService {
            fee,
            reduction,
            months,
            freeze_penalties: false,
        }
    }

    /// The lender freezes penalties while the settlement is negotiated.
    ///
    /// ```
    /// use overdue::{compare::DebtService, Money, Ratio, compare::ServiceFee};
    /// assert!(DebtService::new(ServiceFee::Flat(Money::ZERO), Ratio::ZERO, 1).freeze_penalties().penalties_frozen());
    /// ```
    pub fn freeze_penalties(mut self) -> DebtService {
        self.freeze_penalties = true;
        self
    }

    /// The months until the settlement is paid.
    ///
    /// ```
    /// use overdue::{compare::DebtService, Money, Ratio, compare::ServiceFee};
    /// assert_eq!(DebtService::new(ServiceFee::Flat(Money::ZERO), Ratio::ZERO, 4).months(), 4);
    /// ```
    pub fn months(&self) -> u32 {
        self.months
    }

    /// Whether penalties are frozen meanwhile.
    ///
    /// ```
    /// use overdue::{compare::DebtService, Money, Ratio, compare::ServiceFee};
    /// assert!(!DebtService::new(ServiceFee::Flat(Money::ZERO), Ratio::ZERO, 4).penalties_frozen());
    /// ```
    pub fn penalties_frozen(&self) -> bool {
        self.freeze_penalties
    }
}

impl Context<'_> {
    /// A debt-management service: its fee, then the reduced debt at settlement.
    pub(super) fn debt_service_path(&self, s: &DebtService, today: &Today) -> Result<Path> {
        let settle = self
            .as_of
            .checked_add_months(Months::new(s.months))
            .ok_or(Error::DateOutOfRange {
                operation: "debt-service settlement date",
            })?;
        let at_settlement = self.owed.standing(settle)?;
        let debt = if s.freeze_penalties {
            today.payoff()
        } else {
            at_settlement.payoff
        };
        let rounding = self.owed.rounding();
        let share = |amount: Money, r: Ratio| -> Result<Money> {
            let v = amount
                .as_decimal()
                .checked_mul(r.as_decimal())
                .ok_or_else(|| overflow("debt-service share"))?;
            Money::new(rounding.round(v))
        };
        let reduction = share(debt, s.reduction)?;
        let settlement = debt.checked_sub(reduction.min(debt))?;
        let (fee_day, fee) = match s.fee {
            ServiceFee::Flat(m) => (self.as_of, m.round(rounding)),
            ServiceFee::ShareOfDebt(r) => (self.as_of, share(today.payoff(), r)?),
            ServiceFee::ShareOfSavings(r) => (settle, share(reduction, r)?),
        };
        let mut warnings = vec![Warning::ServiceRisk];
        // a fee before any debt is settled: unlawful in US telemarketed debt relief
        // (16 CFR 310.4(a)(5)(i))
        if fee_day < settle && !fee.is_zero() {
            warnings.push(Warning::AdvanceFee { fee });
        }
        // what the service saves against paying the whole debt at settlement
        let savings = at_settlement.payoff.saturating_sub(settlement);
        if fee > savings {
            warnings.push(Warning::FeeAboveSavings { fee, savings });
        }
        Ok(Path {
            payments: vec![(fee_day, fee), (settle, settlement)],
            highest_dpd: at_settlement.days_past_due,
            settled_on: settle,
            cured_on: settle,
            contract: (self.owed.contract_date(), self.lender),
            // the lender receives the settlement; the fee is the service's
            to_lender: Some(vec![(settle, settlement)]),
            warnings,
        })
    }
}
