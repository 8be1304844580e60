//! What a restructure or deferral would change, against keeping the
//! original schedule.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::accrual::statement::InstallmentStatement;
use crate::money::Money;
use crate::restructure::RestructureSummary;

/// What a restructure or deferral changes, against keeping the original
/// schedule. Built by [`Ledger::plan_effect`](crate::Ledger::plan_effect).
///
/// - `extra_interest` and `extra_fees` (signed): the new plan's interest
///   (deferral interest included) and fees (the plan fee included), plus what
///   the down payment paid of them, minus what the original schedule still
///   asks on the date (its unpaid interest and fees, future ones included).
/// - `penalties_avoided`: the penalty and compound interest and late fees the
///   original schedule would add if the borrower paid the new plan's amounts
///   on the new plan's dates instead (the new plan, paid on time, adds none).
///
/// ```
/// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(10000))?, Rate::annual(dec!(0.12))?, 12, d(2026, 1, 1))?;
/// let ledger = Ledger::new(plan, OverduePolicy::new())?;       // nothing paid: 3 installments overdue
/// let holiday = Restructure::deferral(d(2026, 4, 15), Shift::Periods(3), DeferralInterest::Accrue);
/// let effect = ledger.plan_effect(&holiday)?;
/// assert!(effect.extra_interest > dec!(0));      // the holiday costs interest
/// assert!(effect.penalties_avoided > Money::ZERO); // and avoids penalties
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct PlanEffect {
    /// What the restructure did.
    pub summary: RestructureSummary,
    /// The new plan's installments.
    pub installments: Vec<InstallmentStatement>,
    /// What the original schedule still asks on the date (all of it, paid on
    /// time), with future interest as scheduled: an annualised cap could still
    /// cut some of it when it falls due.
    pub original_owed: Money,
    /// What the new plan asks: the down payment plus every new installment.
    pub new_total: Money,
    /// Interest of the new plan minus interest left on the original (signed).
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub extra_interest: Decimal,
    /// Fees of the new plan minus fees left on the original (signed).
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub extra_fees: Decimal,
    /// Penalties and late fees the original would add on the new plan's dates.
    pub penalties_avoided: Money,
}
