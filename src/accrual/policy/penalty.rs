//! Penalty interest: its rate and the balance it accrues on.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::rate::Rate;
use crate::ratio::Ratio;

/// The rate penalty interest (罚息) accrues at.
///
/// The default is [`PenaltyRate::ContractUplift`] with a 50 % uplift, the
/// Chinese bank convention (PBoC 2003: contract rate × (1 + 30 %–50 %)).
///
/// ```
/// use overdue::{accrual::PenaltyRate, Rate, Ratio};
/// use overdue::dec;
/// let online = PenaltyRate::Fixed(Rate::daily(dec!(0.0005))?);            // 万分之五 a day
/// let bank = PenaltyRate::ContractUplift(Ratio::new(dec!(0.5))?);           // contract × 1.5
/// assert_ne!(online, bank);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PenaltyRate {
    /// A fixed rate with its period: 0.05 %/day, 24 %/year.
    Fixed(Rate),
    /// The contract rate × (1 + uplift).
    ContractUplift(Ratio),
}

impl Default for PenaltyRate {
    fn default() -> PenaltyRate {
        PenaltyRate::ContractUplift(Ratio::new(rust_decimal::Decimal::new(5, 1)).unwrap_or(Ratio::ZERO))
    }
}

impl PenaltyRate {
    /// The rate in force for a loan whose contract rate is `contract`.
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow).
    ///
    /// ```
    /// use overdue::{accrual::PenaltyRate, Rate, Ratio};
    /// use overdue::dec;
    /// let p = PenaltyRate::ContractUplift(Ratio::new(dec!(0.5))?);
    /// assert_eq!(p.resolve(Rate::annual(dec!(0.0435))?)?, Rate::annual(dec!(0.06525))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn resolve(self, contract: Rate) -> Result<Rate> {
        match self {
            PenaltyRate::Fixed(rate) => Ok(rate),
            PenaltyRate::ContractUplift(uplift) => {
                let factor = rust_decimal::Decimal::ONE
                    .checked_add(uplift.as_decimal())
                    .ok_or_else(|| crate::error::overflow("penalty uplift"))?;
                contract.scaled(factor)
            }
        }
    }
}

/// What penalty interest is charged on, per overdue installment.
///
/// The default is [`PenaltyBase::OverduePrincipal`] (the bank convention,
/// with compound interest on the overdue interest: see
/// [`OverduePolicy::compound_interest`](crate::OverduePolicy::compound_interest)).
///
/// ```
/// use overdue::{accrual::Accrues, OverduePolicy, accrual::PenaltyBase};
/// let p = OverduePolicy::new().with_penalty_base(PenaltyBase::OverdueInstallment).with_compound_interest(Accrues::No);
/// assert_eq!(p.penalty_base(), PenaltyBase::OverdueInstallment);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PenaltyBase {
    /// The unpaid principal of each overdue installment. The default.
    #[default]
    OverduePrincipal,
    /// The unpaid principal and interest of each overdue installment (the
    /// usual online-lending base for a daily rate such as 0.05 %/day).
    OverdueInstallment,
    /// The whole unpaid principal of the loan, due or not, once any
    /// installment is overdue (default interest after acceleration). It is
    /// booked on the oldest overdue installment.
    OutstandingPrincipal,
}

/// Whether a charge accrues: compound interest on overdue interest
/// ([`OverduePolicy::with_compound_interest`](crate::OverduePolicy::with_compound_interest)),
/// penalty interest on unpaid fees
/// ([`OverduePolicy::with_interest_on_fees`](crate::OverduePolicy::with_interest_on_fees)).
///
/// ```
/// use overdue::{accrual::Accrues, OverduePolicy};
/// let no_compounding = OverduePolicy::new().with_compound_interest(Accrues::No);
/// assert!(!no_compounding.compound_interest());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Accrues {
    /// It accrues.
    Yes,
    /// It does not.
    No,
}
