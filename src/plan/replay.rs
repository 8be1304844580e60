//! How a plan books its payments on the loans: its calendar (paydays and
//! month ends), each loan's replay opened before the first payday, and the
//! payment of a month under its id. The search calls these; they never call
//! the search.

use chrono::{Datelike, Months, NaiveDate};

use super::Plan;
use crate::accrual::{Event, Ledger, Payment, Tape};
use crate::error::{overflow, Error, Result};
use crate::money::Money;

/// The plan's paydays (one more than its months: the last starts the month
/// after the horizon) and month ends.
pub(super) struct Calendar {
    pub paydays: Vec<NaiveDate>,
    pub month_ends: Vec<NaiveDate>,
}

impl Calendar {
    pub(super) fn of(plan: &Plan) -> Result<Calendar> {
        let out_of_range = || Error::DateOutOfRange {
            operation: "plan paydays",
        };
        let payday_in = |first: NaiveDate| -> Result<NaiveDate> {
            let next = first.checked_add_months(Months::new(1)).ok_or_else(out_of_range)?;
            let last_day = next.pred_opt().ok_or_else(out_of_range)?.day();
            first.with_day(plan.payment_day.min(last_day)).ok_or_else(out_of_range)
        };
        let month_start = plan.as_of.with_day(1).ok_or_else(out_of_range)?;
        let mut start = month_start;
        if payday_in(month_start)? < plan.as_of {
            start = start.checked_add_months(Months::new(1)).ok_or_else(out_of_range)?;
        }
        let paydays = (0..=plan.months)
            .map(|k| payday_in(start.checked_add_months(Months::new(k)).ok_or_else(out_of_range)?))
            .collect::<Result<Vec<_>>>()?;
        let month_ends = paydays
            .iter()
            .skip(1)
            .map(|d| d.pred_opt().ok_or_else(out_of_range))
            .collect::<Result<Vec<_>>>()?;
        Ok(Calendar { paydays, month_ends })
    }

    pub(super) fn horizon(&self) -> Result<NaiveDate> {
        self.month_ends.last().copied().ok_or_else(|| overflow("plan horizon"))
    }
}

/// Each loan's replay, open before the plan's first payday (see
/// [`Ledger::tape`]).
pub(super) fn tapes<'a>(plan: &'a Plan, calendar: &Calendar) -> Result<Vec<Tape<'a>>> {
    let first = calendar
        .paydays
        .first()
        .copied()
        .ok_or_else(|| overflow("plan paydays"))?;
    plan.debts.iter().map(|d| d.ledger.tape(first)).collect()
}

/// Each loan's payment id for each month (by loan, by month): what
/// [`pay`] books the month's payment under.
pub(super) fn payment_ids(plan: &Plan, calendar: &Calendar) -> Vec<Vec<String>> {
    plan.debts
        .iter()
        .map(|d| {
            calendar
                .paydays
                .iter()
                .map(|p| unique_id(&d.ledger, &payment_id(*p)))
                .collect()
        })
        .collect()
}

/// Pays `amount` in month `index` on a loan's replay (under its id for
/// the month, `ids`), and reads its days past due at the month's end.
pub(super) fn pay_month(
    tape: &mut Tape<'_>,
    ids: &[String],
    calendar: &Calendar,
    index: usize,
    amount: Money,
) -> Result<u32> {
    let (Some(payday), Some(end), Some(id)) = (
        calendar.paydays.get(index),
        calendar.month_ends.get(index),
        ids.get(index),
    ) else {
        return Err(overflow("plan month"));
    };
    pay_on_tape(tape, id, *payday, amount)?;
    tape.days_past_due(*end)
}

/// Adds `amount` (if any) on `payday` to a loan's replay, as [`pay`]
/// books it, under `id`.
fn pay_on_tape(tape: &mut Tape<'_>, id: &str, payday: NaiveDate, amount: Money) -> Result<()> {
    if amount.is_zero() {
        return Ok(());
    }
    tape.pay(Payment::new(id, payday, amount)?)
}

/// The id of the plan's payment on `payday`.
pub(super) fn payment_id(payday: NaiveDate) -> String {
    format!("plan {payday}")
}

/// Books `amount` (if any) on `payday` under the plan's payment id.
pub(super) fn pay(ledger: &mut Ledger, payday: NaiveDate, amount: Money) -> Result<()> {
    if amount.is_zero() {
        return Ok(());
    }
    let id = unique_id(ledger, &payment_id(payday));
    ledger.pay(Payment::new(id, payday, amount)?)
}

/// `id`, or `id #2`, `id #3` … if the ledger already has it.
fn unique_id(ledger: &Ledger, id: &str) -> String {
    let taken = |candidate: &str| {
        ledger
            .events()
            .iter()
            .any(|e| matches!(e, Event::Payment(p) if p.id() == candidate))
    };
    let mut candidate = id.to_string();
    let mut n = 1u32;
    while taken(&candidate) {
        n = n.saturating_add(1);
        candidate = format!("{id} #{n}");
    }
    candidate
}
