//! Daily interest on the actual balance: accrued exactly between replay
//! points on the principal outstanding, posted when an installment falls due
//! and whenever money is received, and the installment split anew between
//! interest and principal.

use super::{cadd, cmul, Book, Clock, Inst, InstTerms, Part, Parts};
use crate::component::Component;
use crate::error::Result;
use crate::fraction::Fraction;
use crate::schedule::{DailyInstallments, Keep};

/// Whether an installment was paid ahead in full: its principal is paid and
/// what it received is at least its planned installment. The interest
/// accrued since then belongs to the next one. (Principal prepaid beyond the
/// installment, by the surplus rule, is not a payment of the installment.)
pub(super) fn paid_ahead(inst: &Inst, row: &InstTerms) -> bool {
    inst.out[Component::Principal] == 0
        && inst.paid[Component::Principal].saturating_add(inst.paid[Component::Interest]) >= row.payment.max(1)
}

/// `sum + balance × f`, exact; without reducing when the denominators agree
/// (every stretch of one period under one rate), which keeps the hot path to
/// a multiply and an add.
fn add_product(sum: Fraction, balance: i128, f: Fraction) -> Result<Fraction> {
    let term = cmul(balance, f.num)?;
    if sum.num == 0 {
        return Ok(Fraction { num: term, den: f.den });
    }
    if sum.den == f.den {
        return Ok(Fraction {
            num: cadd(sum.num, term)?,
            den: sum.den,
        });
    }
    sum.add(Fraction::new(term, f.den)?)
}

impl Book<'_> {
    /// The row whose period runs now: the first not yet due, or the last
    /// once every row has fallen due.
    pub(super) fn running_row(&self) -> usize {
        self.next_due
            .min(self.inst.len().saturating_sub(1))
            .max(self.first_open)
    }

    /// The principal outstanding on every open row.
    fn open_principal(&self) -> Result<i128> {
        self.inst
            .iter()
            .skip(self.first_open)
            .filter(|i| !i.closed)
            .try_fold(0i128, |s, i| cadd(s, i.out[Component::Principal]))
    }

    /// Accrues contract interest on the principal outstanding over the days
    /// `t0 ..= t1 − 1` (none from `stop` on, once charge-off stops it), at
    /// the rate of the period that runs.
    pub(super) fn accrue_contract(&mut self, t0: i32, t1: i32, stop: i32) -> Result<()> {
        let Some((day_count, _)) = self.t.daily else {
            return Ok(());
        };
        let end = t1.min(stop);
        if end <= t0 {
            return Ok(());
        }
        let balance = self.open_principal()?;
        let Some(row) = self.rows.get(self.running_row()) else {
            return Ok(());
        };
        if balance == 0 || row.rate.is_zero() {
            return Ok(());
        }
        // 30/360 days are counted from the period's start, as the schedule counts them
        let clock = match self.daily_clock.take() {
            Some((rate, start, clock)) if rate == row.rate && start == row.start => clock,
            _ => Clock::new(row.rate, day_count, super::date(row.start)?)?,
        };
        let mut from = t0;
        while from < end {
            // the next stretch that accrues, and where it stops
            let free = self.interest_free.iter().find(|&&(a, b)| a <= from && from < b);
            if let Some(&(_, b)) = free {
                from = b;
                continue;
            }
            let to = self
                .interest_free
                .iter()
                .filter(|&&(a, _)| a > from)
                .map(|&(a, _)| a)
                .fold(end, i32::min);
            let f = clock.factor(from, to)?;
            self.accrued = add_product(self.accrued, balance, f)?;
            from = to;
        }
        self.daily_clock = Some((row.rate, row.start, clock));
        Ok(())
    }

    /// The accrued interest not yet posted, as it would post now: the
    /// interest since the last due date, rounded once, less what was posted since.
    pub(super) fn accrued_minor(&self) -> Result<i128> {
        if self.accrued.num == 0 {
            return Ok(0);
        }
        Ok((self.t.rounding.div(self.accrued.num, self.accrued.den)? - self.posted_since_due).max(0))
    }

    /// Posts the interest accrued so far on row `k` (charged and owed,
    /// within the annualised cap).
    pub(super) fn post_accrued(&mut self, k: usize) -> Result<()> {
        let x = self.accrued_minor()?;
        self.posted_since_due = cadd(self.posted_since_due, x)?;
        if x <= 0 {
            return Ok(());
        }
        let allowed = match self.annualised_room(self.at)? {
            Some(room) => x.min(room.max(0)),
            None => x,
        };
        self.beyond = cadd(self.beyond, allowed)?;
        if let Some(row) = self.rows.to_mut().get_mut(k) {
            row.interest = cadd(row.interest, allowed)?;
            row.posted_interest = cadd(row.posted_interest, allowed)?;
        }
        let already_due = self.rows.get(k).is_some_and(|r| r.due < self.at);
        if let Some(inst) = self.inst.get_mut(k) {
            if already_due {
                inst.late_interest = cadd(inst.late_interest, allowed)?;
            }
            inst.charged[Component::Interest] = cadd(inst.charged[Component::Interest], allowed)?;
            inst.out[Component::Interest] = cadd(inst.out[Component::Interest], allowed)?;
            inst.cut = cadd(inst.cut, x - allowed)?;
        }
        self.owes_contractual_on(k);
        Ok(())
    }

    /// Before money is applied: the interest accrued to today is posted on
    /// the running period, so the money pays it and the rest reduces principal today.
    pub(super) fn post_accrued_now(&mut self) -> Result<()> {
        if self.t.daily.is_some() {
            self.post_accrued(self.running_row())?;
        }
        Ok(())
    }

    /// Closes the accrual window as a due date does: what follows rounds on its own
    /// (a restructure's new plan starts its first period here).
    pub(super) fn close_accrual_window(&mut self) {
        self.accrued = Fraction::ZERO;
        self.posted_since_due = 0;
    }

    /// Installment `k` falls due under daily interest: the interest of its
    /// period is posted on it and its principal becomes the planned
    /// installment less that interest. An installment paid ahead in full
    /// stays paid: the interest accrued since carries to the next one.
    pub(super) fn post_daily_on_due(&mut self, k: usize) -> Result<()> {
        if self.t.daily.is_none() {
            return Ok(());
        }
        let (Some(inst), Some(row)) = (self.inst.get(k), self.rows.get(k)) else {
            return Ok(());
        };
        if paid_ahead(inst, row) && k + 1 < self.inst.len() {
            return Ok(());
        }
        self.post_accrued(k)?;
        self.close_accrual_window();
        self.resplit(k)
    }

    /// Row `k`'s principal becomes its planned installment less the
    /// interest posted on it (never below what was paid of it): what it
    /// gains is taken from the last rows, what it loses goes to the last
    /// row. Under either rule: the later installments stay as planned, so
    /// what the borrower was told to pay still settles the loan, and
    /// [`DailyInstallments::Reamortise`] re-amortises only after a principal
    /// prepayment, the unscheduled principal change it names.
    fn resplit(&mut self, k: usize) -> Result<()> {
        let last = self.inst.len().saturating_sub(1);
        let (Some(row), Some(inst)) = (self.rows.get(k).copied(), self.inst.get(k)) else {
            return Ok(());
        };
        if k >= last {
            return Ok(()); // the last installment settles what remains
        }
        let later = self
            .inst
            .iter()
            .skip(k + 1)
            .try_fold(0i128, |s, i| cadd(s, i.out[Component::Principal]))?;
        let charged = inst.charged[Component::Principal];
        let target = (row.payment - row.interest)
            .max(inst.paid[Component::Principal])
            .min(cadd(charged, later)?);
        let diff = target - charged;
        if diff > 0 {
            let mut left = diff;
            for j in (k + 1..self.inst.len()).rev() {
                let x = left.min(self.inst.get(j).map_or(0, |i| i.out[Component::Principal]));
                self.move_principal(j, -x);
                left -= x;
            }
            self.move_principal(k, diff - left);
        } else if diff < 0 {
            // only what is still owed moves: principal waived or paid stays where it is
            let x = diff
                .checked_neg()
                .unwrap_or(0)
                .min(inst.out[Component::Principal].max(0));
            self.move_principal(k, -x);
            self.move_principal(last, x);
        }
        Ok(())
    }

    /// Adds `x` (or takes `−x`) of principal to row `k`'s charged and owed principal.
    fn move_principal(&mut self, k: usize, x: i128) {
        if x == 0 {
            return;
        }
        if let (Some(row), Some(inst)) = (self.rows.to_mut().get_mut(k), self.inst.get_mut(k)) {
            row.principal += x;
            inst.charged[Component::Principal] += x;
            inst.out[Component::Principal] += x;
        }
        self.owes_contractual_on(k);
    }

    /// What a principal prepayment keeps under daily interest: the
    /// installment, or the term.
    pub(super) fn daily_keep(&self, d: i32) -> Option<Keep> {
        match self.t.daily {
            Some((_, DailyInstallments::Reamortise)) => Some(Keep::Term),
            Some(_) => Some(self.kept_payment(d)),
            None => None,
        }
    }

    /// The accrued interest as it would post now, within `room` (what the
    /// annualised cap still allows, if there is one).
    pub(super) fn accrued_within(&self, room: Option<i128>) -> Result<i128> {
        let x = self.accrued_minor()?;
        Ok(room.map_or(x, |room| x.min(room.max(0))))
    }

    /// Adds the accrued interest to a payoff's `parts`, on the running period.
    pub(super) fn accrued_part(&self, parts: &mut Parts, room: Option<i128>) -> Result<()> {
        let x = self.accrued_within(room)?;
        if x > 0 {
            parts.push(Part {
                installment: self.running_row(),
                component: Component::Interest,
                amount: x,
            });
        }
        Ok(())
    }
}
