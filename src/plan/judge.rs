//! How the search judges a plan: each loan's column of payments replayed
//! from the month it changes, its damage and cost read in passing, within a
//! budget of loan-months replayed.

use std::cell::Cell;
use std::collections::HashMap;

use super::allocate::{Key, Objective, Standing};
use super::replay::{pay_month, payment_ids, tapes, Calendar};
use super::result::CreditDamage;
use super::Plan;
use crate::accrual::Tape;
use crate::error::{overflow, Result};
use crate::money::Money;

/// The most loan-months one refinement replays (a trial replays a loan
/// from the first month it changes to the horizon, and is checked against
/// this before each move): enough for small plans to climb to the top and
/// spend the rest on kicks (three loans over four months: over 1,500
/// trials), and a bounded cost on large ones (ten loans over 24 months:
/// about 300 trials, a few milliseconds).
pub(super) const MAX_WORK: usize = 6_000;

pub(super) fn scale(plan: &Plan, i: usize) -> u32 {
    plan.debts
        .get(i)
        .map(|d| d.ledger.policy().rounding().scale())
        .unwrap_or(2)
}

/// Judges one loan's payments over the whole plan, remembering each answer.
pub(super) struct Judge<'a> {
    pub(super) plan: &'a Plan,
    calendar: &'a Calendar,
    objective: Objective,
    memo: HashMap<(usize, Vec<Money>), (Key, Vec<Money>)>,
    /// Loan-months replayed so far (see [`MAX_WORK`]).
    work: Cell<usize>,
    clearing_memo: HashMap<(usize, Vec<Money>), Vec<Money>>,
    /// Each loan's payment id by month.
    ids: Vec<Vec<String>>,
    /// Each loan's payments as the search last took them, and its replay
    /// open before each payday under them: a trial that changes a month
    /// replays from that month, not from the loan's disbursement.
    bases: Vec<Base<'a>>,
}

/// A loan's payments (by month) and, for each month `k` of them, its replay
/// open before payday `k` with the credit damage of the month-ends before it.
pub(super) struct Base<'a> {
    column: Vec<Money>,
    open: Vec<(Tape<'a>, CreditDamage)>,
}

impl<'a> Judge<'a> {
    pub(super) fn new(plan: &'a Plan, calendar: &'a Calendar, objective: Objective) -> Result<Judge<'a>> {
        let bases = tapes(plan, calendar)?
            .into_iter()
            .map(|tape| Base {
                column: Vec::new(),
                open: vec![(tape, CreditDamage::default())],
            })
            .collect();
        Ok(Judge {
            plan,
            calendar,
            objective,
            memo: HashMap::new(),
            work: Cell::new(0),
            clearing_memo: HashMap::new(),
            ids: payment_ids(plan, calendar),
            bases,
        })
    }

    /// Whether the search has replayed all it may.
    pub(super) fn spent(&self) -> bool {
        self.work.get() >= MAX_WORK
    }

    /// The base's replay of loan `i` nearest before payday `k` that
    /// `column`'s payments share: the month `m` it opens before (the first
    /// month they differ, `k` at most) and the replay.
    pub(super) fn opening(&self, i: usize, column: &[Money], k: usize) -> Result<(usize, (Tape<'a>, CreditDamage))> {
        let base = self.bases.get(i).ok_or_else(|| overflow("plan loan"))?;
        let same = column.iter().zip(&base.column).take_while(|(a, b)| a == b).count();
        let m = same.min(k).min(base.open.len().saturating_sub(1));
        let open = base.open.get(m).cloned().ok_or_else(|| overflow("plan replay"))?;
        Ok((m, open))
    }

    /// Books month `k` of `column` on loan `i`'s replay and reads its month-end.
    pub(super) fn month(
        &self,
        i: usize,
        column: &[Money],
        k: usize,
        tape: &mut Tape<'a>,
        damage: &mut CreditDamage,
    ) -> Result<()> {
        self.work.set(self.work.get().saturating_add(1));
        let ids = self.ids.get(i).ok_or_else(|| overflow("plan payment id"))?;
        let amount = column.get(k).copied().unwrap_or(Money::ZERO);
        let days_past_due = pay_month(tape, ids, self.calendar, k, amount)?;
        if self.objective == Objective::Damage {
            damage.count(days_past_due);
        }
        Ok(())
    }

    /// Loan `i` paid `column`, from month `m` on, given its replay open
    /// before payday `m`: its key, and (when `keep`) its replay open before
    /// each payday from `m` on.
    pub(super) fn run(
        &self,
        i: usize,
        column: &[Money],
        m: usize,
        open: (Tape<'a>, CreditDamage),
        keep: bool,
    ) -> Result<(Key, Vec<(Tape<'a>, CreditDamage)>)> {
        let (mut tape, mut damage) = open;
        let mut kept = Vec::new();
        for k in m..self.calendar.month_ends.len() {
            if keep {
                kept.push((tape.clone(), damage));
            }
            self.month(i, column, k, &mut tape, &mut damage)?;
        }
        let owed = tape.into_standing(self.calendar.horizon()?)?.1;
        let key = Key {
            damage,
            cost: Money::sum(column.iter().copied())?.checked_add(owed)?.as_decimal(),
        };
        Ok((key, kept))
    }

    /// Where loan `i`'s replay starts for `column`: the first month it
    /// differs from the base (the last month at most).
    pub(super) fn start(&self, i: usize, column: &[Money]) -> Result<(usize, (Tape<'a>, CreditDamage))> {
        self.opening(i, column, self.calendar.month_ends.len().saturating_sub(1))
    }

    /// Takes `column` as loan `i`'s base: the trials after it replay from
    /// the month they differ from it.
    pub(super) fn rebase(&mut self, i: usize, column: &[Money]) -> Result<()> {
        let (m, open) = self.start(i, column)?;
        let (key, kept) = self.run(i, column, m, open, true)?;
        self.memo.insert((i, column.to_vec()), (key, column.to_vec()));
        let base = self.bases.get_mut(i).ok_or_else(|| overflow("plan loan"))?;
        base.open.truncate(m);
        base.open.extend(kept);
        base.column = column.to_vec();
        Ok(())
    }

    /// What clears loan `j`'s installments in turn on payday `k`, after its
    /// payments of the months before.
    pub(super) fn clearing(&mut self, j: usize, columns: &[Vec<Money>], k: usize) -> Result<Vec<Money>> {
        let column = columns.get(j).map(Vec::as_slice).unwrap_or_default();
        let prefix: Vec<Money> = column.iter().take(k).copied().collect();
        if let Some(found) = self.clearing_memo.get(&(j, prefix.clone())) {
            return Ok(found.clone());
        }
        let (m, (mut tape, mut damage)) = self.opening(j, column, k)?;
        for month in m..k {
            self.month(j, column, month, &mut tape, &mut damage)?;
        }
        let payday = self.calendar.paydays.get(k).ok_or_else(|| overflow("plan payday"))?;
        let month_end = self
            .calendar
            .month_ends
            .get(k)
            .ok_or_else(|| overflow("plan month end"))?;
        let amounts = Standing::of(&tape, *payday, *month_end, scale(self.plan, j))?.clearing_amounts()?;
        self.clearing_memo.insert((j, prefix), amounts.clone());
        Ok(amounts)
    }

    /// Loan `i` paid `column` (by month): its key. A column may pay more
    /// than the loan owes (the plan caps it when booked); the surplus then
    /// only adds to the cost, so the search never prefers it.
    pub(super) fn outcome(&mut self, i: usize, column: &[Money]) -> Result<(Key, Vec<Money>)> {
        if let Some(found) = self.memo.get(&(i, column.to_vec())) {
            return Ok(found.clone());
        }
        let (m, open) = self.start(i, column)?;
        let (key, _) = self.run(i, column, m, open, false)?;
        self.memo.insert((i, column.to_vec()), (key, column.to_vec()));
        Ok((key, column.to_vec()))
    }
}
