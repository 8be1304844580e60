//! Late fees: how many fall on an installment in a stretch of days, of what
//! amount, and the next day one is charged.

use super::{cadd, cmul, Book, MAX_SPLIT_WORK};
use crate::component::Component;
use crate::error::{Error, Result};

impl Book<'_> {
    /// Late fees charged on installment `k` on the days in `(t0, t1]` before
    /// `freeze`, and what the per-charge maximum cut from them.
    pub(super) fn late_fees(&self, k: usize, t0: i32, t1: i32, freeze: i32) -> Result<(i128, i128)> {
        let (Some(fee), Some(inst)) = (self.t.fee.as_ref(), self.inst.get(k)) else {
            return Ok((0, 0));
        };
        // a row of charges kept due by a restructure has no principal or interest: no late fee on it
        if self.rows.get(k).is_some_and(|r| r.principal == 0 && r.interest == 0) {
            return Ok((0, 0));
        }
        let f0 = self.t.first_fee_day(self.due(k));
        let upper = t1.min(freeze.saturating_sub(1));
        let charged_by = |x: i32| -> i128 {
            if x < f0 {
                0
            } else {
                fee.every.map_or(1, |n| i128::from((x - f0) / n) + 1)
            }
        };
        if upper <= t0 {
            return Ok((0, 0));
        }
        let count = charged_by(upper) - charged_by(t0);
        if count <= 0 {
            return Ok((0, 0));
        }
        let mut each = match fee.share {
            None => fee.flat,
            Some(share) => {
                let interest = inst.interest_bearing();
                let overdue = cadd(inst.out[Component::Principal], interest)?;
                self.t.rounding.div(cmul(overdue, share.num)?, share.den)?
            }
        };
        if let Some(min) = fee.min {
            each = each.max(min);
        }
        let mut cut = 0;
        if let Some(max) = fee.max
            && each > max
        {
            cut = each - max;
            each = max;
        }
        Ok((cmul(each, count)?, cmul(cut, count)?))
    }

    /// Whether late-fee days must be replay points now: fees bear interest,
    /// or a cap could still cut a fee posted out of time order. Once the
    /// lifetime cap is used up and no other cap applies, nothing more posts.
    pub(super) fn fee_days_matter(&self) -> bool {
        let t = self.t;
        if !t.fee_days_split {
            return false;
        }
        let lifetime_used_up = t.lifetime_cap.is_some_and(|cap| self.charges >= cap);
        t.interest_on_fees || t.annualised_cap.is_some() || t.installment_limit.is_some() || !lifetime_used_up
    }

    /// Installment `k`'s next fee day strictly inside `(t0, t1)`, where its
    /// own fee days split its accrual (fees bearing interest or capped).
    pub(super) fn own_fee_day_within(&self, k: usize, t0: i32, t1: i32) -> Option<i32> {
        if !self.fee_days_matter() {
            return None;
        }
        self.next_own_fee_day(k, t0).filter(|&f| f < t1)
    }

    /// The first day after `after` a late fee is charged on installment `k`.
    pub(super) fn next_own_fee_day(&self, k: usize, after: i32) -> Option<i32> {
        let fee = self.t.fee.as_ref()?;
        let f0 = self.t.first_fee_day(self.due(k));
        let next = if after < f0 {
            f0
        } else {
            // the next multiple of `n` days after `after`; `n` is at most MAX_POLICY_DAYS
            let n = fee.every?;
            let periods = (after.checked_sub(f0)? / n).checked_add(1)?;
            f0.checked_add(periods.checked_mul(n)?)?
        };
        // from the charge-off day on, a charge-off that stops fees charges none
        match self.charged_off {
            Some(co) if self.t.stops.fees && next >= co => None,
            _ => Some(next),
        }
    }

    /// Counts `n` installments settled one by one at a replay point (an
    /// event, a fee day, or under a cap shared by time every due date),
    /// within [`MAX_SPLIT_WORK`].
    pub(super) fn count_work(&mut self, n: u64) -> Result<()> {
        self.split_work = self.split_work.saturating_add(n);
        if self.split_work > MAX_SPLIT_WORK {
            return Err(Error::TooLarge {
                field: "installments settled one by one (replay points × installments late)",
                value: self.split_work,
                max: MAX_SPLIT_WORK,
            });
        }
        Ok(())
    }
}
