//! Servicing rules that keep a borrower from being overcharged: late fees on
//! late fees (pyramiding), what charge-off stops, and the window in which two
//! equal payments look like a double debit.

use serde::{Deserialize, Serialize};

/// Whether a late fee may come from an earlier late fee (fee pyramiding).
///
/// Under [`Pyramiding::Forbidden`] (the default) a payment made on its
/// installment's due date or within grace that covers the installment's
/// principal, interest and scheduled fee pays that installment first, so the
/// only thing left unpaid is the earlier fee or penalty itself: no late fee and
/// no days past due come from it. This is the US FTC Credit Practices Rule,
/// 16 CFR 444.4. [`Pyramiding::Allowed`] applies every payment strictly by
/// the allocation order, where a jurisdiction permits it.
///
/// ```
/// use overdue::{OverduePolicy, accrual::Pyramiding};
/// assert_eq!(OverduePolicy::new().pyramiding(), Pyramiding::Forbidden);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Pyramiding {
    /// No late fee and no delinquency on a full, timely payment whose only
    /// shortfall comes from earlier fees or penalties (16 CFR 444.4). The default.
    #[default]
    Forbidden,
    /// Every payment follows the allocation order, even when that leaves a
    /// timely full payment short of its installment.
    Allowed,
}

/// An accrual that charge-off can stop.
///
/// [`OverduePolicy::charge_off_stops`](crate::OverduePolicy::charge_off_stops)
/// takes the set; the default stops all four, as a lender does when it moves a
/// charged-off loan to non-accrual. What is owed at charge-off stays owed.
///
/// ```
/// use overdue::{accrual::Accrual, OverduePolicy};
/// let p = OverduePolicy::new().with_charge_off_after(180).with_charge_off_stops(&[Accrual::PenaltyInterest]);
/// assert_eq!(p.charge_off_stops(), &[Accrual::PenaltyInterest]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Accrual {
    /// Penalty interest (罚息).
    PenaltyInterest,
    /// Compound interest on overdue interest (复利).
    CompoundInterest,
    /// Late fees, once or recurring.
    LateFees,
    /// Contract interest and scheduled fees of installments that fall due
    /// after charge-off (the current period's up to the charge-off day).
    ContractInterest,
}

impl Accrual {
    /// All four, the default set charge-off stops.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Accrual::ALL.len(), 4);
    /// ```
    pub const ALL: [Accrual; 4] = [
        Accrual::PenaltyInterest,
        Accrual::CompoundInterest,
        Accrual::LateFees,
        Accrual::ContractInterest,
    ];
}

pub(crate) fn default_charge_off_stops() -> Vec<Accrual> {
    Accrual::ALL.to_vec()
}
