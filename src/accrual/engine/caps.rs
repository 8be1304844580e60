//! Charges posted under the caps (per installment, lifetime, annualised), and
//! charges cut when they fall due or are not yet earned.

use super::{cadd, cmul, Book, Credited, InstTerms};
use crate::accrual::statement::RebateReason;
use crate::component::Component;
use crate::error::{overflow, Result};
use crate::money::RoundingMode;

impl Book<'_> {
    /// Posts a charge on installment `k` on day `d`, cut by the caps.
    pub(super) fn post(&mut self, k: usize, c: Component, amount: i128, d: i32) -> Result<()> {
        if amount <= 0 {
            return Ok(());
        }
        let t = self.t;
        let mut allowed = if self.cut_only { 0 } else { amount };
        let (Some(it), Some(inst)) = (self.rows.get(k), self.inst.get(k)) else {
            return Ok(());
        };
        if let Some(cap) = it.cap {
            allowed = allowed.min((cap - inst.charges).max(0));
        }
        if let Some(cap) = t.lifetime_cap.filter(|_| !self.lifetime_cap_off) {
            allowed = allowed.min((cap - self.charges).max(0));
        }
        // posting happens at the start of day `d`, before installments due on `d` fall due
        if let Some(room) = self.annualised_room(d)? {
            allowed = allowed.min(room.max(0));
        }
        self.charges = cadd(self.charges, allowed)?;
        self.beyond = cadd(self.beyond, allowed)?;
        let inst = self.inst.get_mut(k).ok_or_else(|| overflow("installment index"))?;
        inst.charged[c] = cadd(inst.charged[c], allowed)?;
        inst.out[c] = cadd(inst.out[c], allowed)?;
        inst.charges = cadd(inst.charges, allowed)?;
        inst.cut = cadd(inst.cut, amount - allowed)?;
        self.owes_on(k);
        Ok(())
    }

    /// Takes `amount` of component `c` (interest, or the scheduled fee) off
    /// installment `k`'s charges: what is unpaid first, then what was paid,
    /// which goes back to the credit balance as a rebate. Returns what it took.
    pub(super) fn cut(&mut self, k: usize, c: Component, amount: i128, rebate: Option<RebateReason>) -> Result<i128> {
        let at = self.at;
        let Some(inst) = self.inst.get_mut(k) else { return Ok(0) };
        if amount <= 0 {
            return Ok(0);
        }
        let unpaid = if c == Component::Fees {
            inst.scheduled_fee_out
        } else {
            inst.out[c]
        };
        let from_unpaid = amount.min(unpaid);
        inst.out[c] -= from_unpaid;
        if c == Component::Fees {
            inst.scheduled_fee_out -= from_unpaid;
        }
        let from_paid = (amount - from_unpaid).min(inst.paid[c]);
        inst.paid[c] -= from_paid;
        inst.charged[c] -= from_unpaid + from_paid;
        if from_paid > 0 {
            self.credit = cadd(self.credit, from_paid)?;
            self.record_rebate(Credited {
                day: at,
                installment: k,
                component: c,
                amount: from_paid,
                reason: rebate.unwrap_or(RebateReason::Unearned),
            });
        }
        Ok(from_unpaid + from_paid)
    }

    /// What the annualised cap still allows at the start of day `d`, if there is one.
    pub(super) fn annualised_room(&self, d: i32) -> Result<Option<i128>> {
        let Some(clock) = &self.t.annualised_cap else {
            return Ok(None);
        };
        // every posting on a day meets the same cap: compute it once a day
        let cap = match self.cap_memo.get() {
            Some((day, cap)) if day == d => cap,
            _ => {
                let f = clock.factor(self.t.disbursement, d)?;
                let cap = crate::money::div_round(cmul(self.t.principal, f.num)?, f.den, RoundingMode::TowardZero)?;
                self.cap_memo.set(Some((d, cap)));
                cap
            }
        };
        Ok(Some(cap - self.beyond))
    }

    /// The share of a period's `amount` earned from the period's start up
    /// to day `end` (pro rata to the day, rounded by the policy).
    pub(super) fn earned_share(&self, amount: i128, it: InstTerms, end: i32) -> Result<i128> {
        let length = i128::from(it.due - it.start).max(1);
        let elapsed = i128::from(end.saturating_sub(it.start)).clamp(0, length);
        match elapsed {
            0 => Ok(0),
            e if e == length => Ok(amount),
            e => self.t.rounding.div(cmul(amount, e)?, length),
        }
    }

    /// Installment `k` falls due today (`at`): its interest and scheduled fee
    /// count as charged. After a charge-off that stops contract interest,
    /// only the part earned up to the charge-off day is charged. The
    /// annualised cap cuts what does not fit (the fee first, then interest):
    /// unpaid first, then what was paid ahead, which is credited back.
    /// Amounts a restructure carried onto the row were counted when first
    /// charged and are not counted again.
    pub(super) fn fall_due(&mut self, k: usize) -> Result<()> {
        let Some(it) = self.rows.get(k).copied() else {
            return Ok(());
        };
        if self.inst.get(k).is_none_or(|i| i.closed) {
            return Ok(());
        }
        self.post_daily_on_due(k)?;
        self.watch_fee_days(k);
        let mut fresh = [
            (Component::Fees, it.fee - it.posted_fee),
            (Component::Interest, it.interest - it.posted_interest),
        ];
        if let (true, Some(co)) = (self.t.stops.interest, self.charged_off) {
            let earning = self.earning_day(co);
            for (c, amount) in &mut fresh {
                let kept = self.earned(*amount, k, it, earning)?;
                self.cut(k, *c, *amount - kept, None)?;
                *amount = kept;
            }
        }
        let counted = fresh.iter().try_fold(0i128, |s, (_, x)| cadd(s, *x))?;
        let Some(room) = self.annualised_room(self.at)? else {
            self.beyond = cadd(self.beyond, counted)?;
            return Ok(());
        };
        let mut excess = (counted - room.max(0)).max(0);
        let mut cut_total = 0;
        for (c, amount) in fresh {
            let x = self.cut(k, c, excess.min(amount), Some(RebateReason::OverCap))?;
            excess -= x;
            cut_total += x;
        }
        if let Some(inst) = self.inst.get_mut(k) {
            inst.cut = cadd(inst.cut, cut_total)?;
        }
        self.beyond = cadd(self.beyond, counted - cut_total)?;
        Ok(())
    }
}
