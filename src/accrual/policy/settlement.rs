//! What early settlement charges of interest not yet due.

use serde::{Deserialize, Serialize};

/// What an early settlement (a payment of the whole payoff amount before the
/// last due date) owes for installments not yet due.
///
/// The default is [`EarlySettlement::AccruedInterest`].
///
/// ```
/// use overdue::{accrual::EarlySettlement, OverduePolicy};
/// let p = OverduePolicy::new().with_early_settlement(EarlySettlement::CurrentPeriod);
/// assert_eq!(p.early_settlement(), EarlySettlement::CurrentPeriod);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EarlySettlement {
    /// Unpaid principal, plus the current period's interest and scheduled
    /// fee pro rata to the day (days since the period began / days in the
    /// period, rounded); later periods' interest is not owed. The default.
    #[default]
    AccruedInterest,
    /// Unpaid principal plus the whole interest and fee of the current period.
    CurrentPeriod,
    /// Everything scheduled: no interest is saved by settling early.
    AllScheduled,
}
