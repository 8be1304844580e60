//! Charges posted in time order across installments, where a cap shared by
//! time decides who gets the room (the annualised cap, or a per-installment
//! cap taking the whole loan's penalty): at every due date and fee day, every
//! late installment in turn, oldest first. Once the annualised cap has no
//! room left on a day, every later installment's charge that day is cut, so
//! the walk stops there and cuts what they accrued when it next reaches them.

use std::cmp::Reverse;

use super::{Book, Result};

impl Book<'_> {
    /// Posts the stretch from the last walk up to `end` (a due date, a fee
    /// day, an event or the statement date), every late installment in turn,
    /// oldest first, until the annualised cap has no room left.
    pub(super) fn walk(&mut self, end: i32) -> Result<()> {
        let start = self.settled;
        if end <= start {
            return Ok(());
        }
        self.settled = end;
        let Some(oldest) = self.oldest_open_late() else {
            return Ok(());
        };
        let freeze = self.charged_off.unwrap_or(i32::MAX);
        let whole_principal = self.whole_principal()?;
        for k in oldest..self.next_due {
            if self.annualised_room(end)?.is_some_and(|room| room <= 0) {
                // nothing more fits today: the rest is cut when the walk next reaches it
                break;
            }
            if !self.is_late(k) {
                continue;
            }
            self.cut_unreached(k, k == oldest, start, whole_principal, freeze)?;
            self.accrue_installment(k, k == oldest, whole_principal, start, end, freeze)?;
            self.mark_settled(k, end);
        }
        Ok(())
    }

    /// Brings every late installment the walks did not reach up to `upto`
    /// (an event or the statement date): what it accrued since is cut.
    pub(super) fn catch_up(&mut self, upto: i32) -> Result<()> {
        let Some(oldest) = self.oldest_open_late() else {
            return Ok(());
        };
        let freeze = self.charged_off.unwrap_or(i32::MAX);
        let whole_principal = self.whole_principal()?;
        for k in oldest..self.next_due {
            if self.is_late(k) {
                self.cut_unreached(k, k == oldest, upto, whole_principal, freeze)?;
            }
        }
        Ok(())
    }

    /// Installment `k`'s charges from where it was last reached up to
    /// `upto`, all cut: on each day in between the cap had no room left when
    /// the walk came to it.
    fn cut_unreached(
        &mut self,
        k: usize,
        is_oldest: bool,
        upto: i32,
        whole_principal: i128,
        freeze: i32,
    ) -> Result<()> {
        let from = self.inst.get(k).map_or(upto, |i| i.settled);
        if from < upto {
            self.cut_only = true;
            let cut = self.accrue_installment(k, is_oldest, whole_principal, from, upto, freeze);
            self.cut_only = false;
            cut?;
            self.mark_settled(k, upto);
        }
        Ok(())
    }

    /// Installment `k`'s charges are posted (or cut) up to `day`.
    pub(super) fn mark_settled(&mut self, k: usize, day: i32) {
        if let Some(inst) = self.inst.get_mut(k) {
            inst.settled = day;
        }
    }

    /// Installment `k` falls due: where postings go in time order, its fee
    /// days become replay points while it is late.
    pub(super) fn watch_fee_days(&mut self, k: usize) {
        if !self.postings_in_time_order() || !self.t.fee_days_split {
            return;
        }
        if let Some(day) = self.next_own_fee_day(k, self.at) {
            self.fee_stops.push(Reverse((day, k)));
        }
    }

    /// The next day after `at` a late fee is charged on any late installment,
    /// where postings go in time order and fee days matter.
    pub(super) fn next_fee_stop(&mut self) -> Option<i32> {
        if !self.postings_in_time_order() || !self.fee_days_matter() {
            return None;
        }
        while let Some(&Reverse((day, k))) = self.fee_stops.peek() {
            if !self.is_late(k) {
                // paid: it is never late again
                self.fee_stops.pop();
            } else if day <= self.at {
                self.fee_stops.pop();
                if let Some(next) = self.next_own_fee_day(k, self.at) {
                    self.fee_stops.push(Reverse((next, k)));
                }
            } else if self.next_own_fee_day(k, day - 1) != Some(day) {
                // a charge-off that stops fees came first
                self.fee_stops.pop();
            } else {
                return Some(day);
            }
        }
        None
    }
}
