//! Charges posted in time order across installments, where a cap shared by
//! time decides who gets the room (the annualised cap, or a per-installment
//! cap taking the whole loan's penalty): at every due date and fee day, every
//! late installment in turn, oldest first. Once the annualised cap has no
//! room left on a day, every later installment's charge that day is cut, so
//! the walk stops there and cuts what they accrued when it next reaches them.

use std::cmp::Reverse;

use super::penalty::Late;
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
        let stops = self.t.stops;
        if self.charged_off.is_some_and(|co| start >= co) && stops.penalty && stops.compound && stops.fees {
            // charged off, and nothing more accrues on a late installment: nothing to walk
            return Ok(());
        }
        let Some(late) = self.late()? else {
            return Ok(());
        };
        self.adopt_oldest(&late, start);
        let last = self.walk_end(&late);
        // a replay point costs its late installments, whether or not the cap lets the walk reach them
        self.count_work(u64::try_from(last - late.oldest).unwrap_or(u64::MAX))?;
        for k in late.oldest..last {
            if self.annualised_room(end)?.is_some_and(|room| room <= 0) {
                // nothing more fits today: the rest is cut when the walk next reaches it
                break;
            }
            if !self.is_late(k) {
                continue;
            }
            self.cut_unreached(k, &late, start)?;
            self.accrue_late(k, &late, start, end)?;
        }
        Ok(())
    }

    /// Brings every late installment the walks did not reach up to `upto`
    /// (an event or the statement date): what it accrued since is cut.
    pub(super) fn catch_up(&mut self, upto: i32) -> Result<()> {
        let Some(late) = self.late()? else {
            return Ok(());
        };
        self.adopt_oldest(&late, self.settled.min(upto));
        for k in late.oldest..self.walk_end(&late) {
            if self.is_late(k) {
                self.cut_unreached(k, &late, upto)?;
            }
        }
        Ok(())
    }

    /// Installment `k`'s charges from where it was last reached up to
    /// `upto`, all cut: on each day in between the cap had no room left when
    /// the walk came to it.
    fn cut_unreached(&mut self, k: usize, late: &Late, upto: i32) -> Result<()> {
        let from = self.inst.get(k).map_or(upto, |i| i.settled);
        if from < upto {
            self.cut_only = true;
            let cut = self.accrue_late(k, late, from, upto);
            self.cut_only = false;
            cut?;
        }
        Ok(())
    }

    /// Where only the oldest late installment accrues anything, the walks
    /// visit no other: one that becomes the oldest (the one before it was
    /// paid) accrued nothing up to where they `reached`, and starts there.
    fn adopt_oldest(&mut self, late: &Late, reached: i32) {
        if self.only_oldest_accrues() && self.walked_oldest != Some(late.oldest) {
            self.walked_oldest = Some(late.oldest);
            let from = self.inst.get(late.oldest).map_or(reached, |i| i.settled.max(reached));
            self.mark_settled(late.oldest, from);
        }
    }

    /// Where a walk over the late installments from the oldest ends: after
    /// the oldest when only it accrues anything, else after the last
    /// installment fallen due.
    pub(super) fn walk_end(&self, late: &Late) -> usize {
        if self.only_oldest_accrues() {
            late.oldest.saturating_add(1).min(self.next_due)
        } else {
            self.next_due
        }
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
