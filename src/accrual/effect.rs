//! What a restructure or deferral would change, against keeping the
//! original schedule.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::accrual::ledger::Ledger;
use crate::accrual::statement::InstallmentStatement;
use crate::accrual::statement::Statement;
use crate::component::Component;
use crate::error::Result;
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
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
/// # use overdue::restructure::{DeferralInterest, Restructure, Shift};
/// # use overdue::NaiveDate; use overdue::dec;
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

impl Ledger {
    /// What `restructure` would change, against keeping the original
    /// schedule (see [`PlanEffect`](crate::accrual::PlanEffect)). The ledger itself is
    /// not changed.
    ///
    /// # Errors
    /// As for [`Ledger::restructure`]; [`Error::Overflow`](crate::Error::Overflow).
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
    /// # use overdue::restructure::{NewPlan, Restructure};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_principal(Money::new(dec!(3000))?, Rate::ZERO, 3, d(2026, 1, 1))?;
    /// let ledger = Ledger::new(plan, OverduePolicy::new())?;
    /// let effect = ledger.plan_effect(&Restructure::new(d(2026, 2, 10), NewPlan::Reamortise))?;
    /// assert_eq!((effect.original_owed, effect.new_total), (Money::new(dec!(3000))?, Money::new(dec!(3000))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn plan_effect(&self, restructure: &crate::restructure::Restructure) -> Result<crate::accrual::PlanEffect> {
        let day = restructure.date();
        let before = self.statement(day)?;
        let mut with = self.clone();
        with.restructure(restructure.clone())?;
        let after = with.statement(day)?;
        let summary = after
            .restructures
            .last()
            .cloned()
            .ok_or_else(|| crate::error::overflow("restructure summary"))?;
        let first = usize::try_from(summary.first_installment)
            .unwrap_or(usize::MAX)
            .saturating_sub(1);
        let installments = after.installments.get(first..).unwrap_or_default().to_vec();
        let down: Vec<_> = after
            .allocations
            .iter()
            .filter(|a| a.source == crate::accrual::AllocationSource::DownPayment && a.date == day)
            .flat_map(|a| a.parts.iter())
            .collect();
        let down_part = |c: Component| Money::sum(down.iter().filter(|p| p.component == c).map(|p| p.amount));
        let new_sum = |c: Component| {
            let parts: Vec<Money> = installments
                .iter()
                .flat_map(|i| [i.charged.get(c), i.upcoming.get(c)])
                .collect();
            Money::sum(parts)
        };
        let signed = |a: Money, b: Money| {
            a.as_decimal()
                .checked_sub(b.as_decimal())
                .ok_or_else(|| crate::error::overflow("plan effect"))
        };
        let extra_interest = signed(
            new_sum(Component::Interest)?.checked_add(down_part(Component::Interest)?)?,
            before.outstanding.interest.checked_add(before.upcoming.interest)?,
        )?;
        let extra_fees = signed(
            new_sum(Component::Fees)?.checked_add(down_part(Component::Fees)?)?,
            before.outstanding.fees.checked_add(before.upcoming.fees)?,
        )?;
        let scheduled = |i: &crate::accrual::InstallmentStatement| i.charged.total()?.checked_add(i.upcoming.total()?);
        let new_total = Money::sum(installments.iter().map(|i| scheduled(i).unwrap_or(Money::ZERO)))?
            .checked_add(summary.down_payment)?;
        // the original, paid with the new plan's amounts on the new plan's dates
        let mut original = self.clone();
        if !summary.down_payment.is_zero() {
            original.book_internal(day, summary.down_payment)?;
        }
        let mut last = day;
        for i in &installments {
            let total = scheduled(i)?;
            if !total.is_zero() {
                original.book_internal(i.due_date, total)?;
            }
            last = last.max(i.due_date);
        }
        let end = original.statement(last)?;
        let charges = |st: &Statement| -> Result<Money> {
            st.charged
                .penalty_interest
                .checked_add(st.charged.compound_interest)?
                .checked_add(st.charged.fees)
        };
        Ok(crate::accrual::PlanEffect {
            summary,
            installments,
            original_owed: before.outstanding.total()?.checked_add(before.upcoming.total()?)?,
            new_total,
            extra_interest,
            extra_fees,
            penalties_avoided: charges(&end)?.saturating_sub(charges(&before)?),
        })
    }
}
