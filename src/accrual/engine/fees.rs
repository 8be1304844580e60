//! Late fees: how many fall on an installment in a stretch of days, of what
//! amount, and the next day one is charged.

use super::{cadd, cmul, Book};
use crate::component::Component;
use crate::error::Result;

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
        if let Some(max) = fee.max {
            if each > max {
                cut = each - max;
                each = max;
            }
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

    /// The next day after `at` a late fee is charged (when fees bear interest
    /// or caps apply, fee days are segment boundaries).
    pub(super) fn next_fee_day(&self) -> Option<i32> {
        let fee = self.t.fee.as_ref()?;
        if self.charged_off.is_some() && self.t.stops.fees {
            return None;
        }
        (0..self.next_due)
            .filter(|&k| self.is_late(k))
            .filter_map(|k| {
                let f0 = self.t.first_fee_day(self.due(k));
                if self.at < f0 {
                    Some(f0)
                } else {
                    // the next multiple of `n` days after `at`; `n` is at most MAX_POLICY_DAYS
                    let n = fee.every?;
                    let periods = (self.at.checked_sub(f0)? / n).checked_add(1)?;
                    f0.checked_add(periods.checked_mul(n)?)
                }
            })
            .min()
    }
}
