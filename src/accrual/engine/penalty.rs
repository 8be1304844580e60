//! Penalty and compound interest on late installments, accrued over a stretch
//! of days in one product, and the grace period that waives it.

use super::{cadd, Book, Clock, Inst, Pending};
use crate::accrual::policy::PenaltyBase;
use crate::component::Component;
use crate::error::{overflow, Result};

/// An installment's current stretch of constant penalty bases: where it
/// started, up to where it was accrued, and the rounded penalty and compound
/// interest posted over it so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Piece {
    start: i32,
    end: i32,
    base: i128,
    compound_base: i128,
    penalty: i128,
    compound: i128,
}

impl Piece {
    /// Whether accrual from `t0` on these bases continues this stretch.
    fn continues(&self, t0: i32, base: i128, compound_base: i128) -> bool {
        self.end == t0 && self.base == base && self.compound_base == compound_base && (base != 0 || compound_base != 0)
    }
}

/// What an installment's penalty and compound interest are charged on, in minor units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Bases {
    penalty: i128,
    compound: i128,
}

/// The late installments a settlement goes through, oldest first, and what
/// they accrue on.
pub(super) struct Late {
    /// The oldest late installment (under a penalty on the whole outstanding
    /// principal, the one that bears it).
    pub(super) oldest: usize,
    /// The charge-off day, after which charges it stops are not accrued.
    pub(super) freeze: i32,
    /// The principal outstanding on the whole loan, when the penalty is charged on it.
    pub(super) whole_principal: i128,
}

/// What [`Book::save_late`] keeps to undo a settlement.
struct Saved {
    inst: Vec<(usize, Inst)>,
    charges: i128,
    beyond: i128,
    settled: i32,
    split_work: u64,
    spill_from: usize,
}

impl Book<'_> {
    /// Accrues the stretch `[t0, t1)` over which every balance is constant:
    /// contract interest, and whether the loan is charged off in it. The late
    /// installments' penalties and fees are posted when they are settled
    /// ([`Book::settle`]): at once when a shared cap makes the order of
    /// postings matter, else at the next event or reading.
    pub(super) fn accrue(&mut self, t0: i32, t1: i32) -> Result<()> {
        let Some(oldest) = self.oldest_open_late() else {
            let stop = match (self.t.stops.interest, self.charged_off) {
                (true, Some(co)) => co,
                _ => i32::MAX,
            };
            return self.accrue_contract(t0, t1, stop);
        };
        let mut freeze = i32::MAX;
        if let Some(co) = self.charged_off {
            freeze = co;
        } else if let Some(limit) = self.t.charge_off {
            let candidate = self.due(oldest).saturating_add(limit);
            // on the charge-off day itself nothing more is charged
            if candidate <= t1 {
                let co = candidate.max(t0);
                self.charged_off = Some(co);
                freeze = co;
            }
        }
        self.accrue_contract(t0, t1, if self.t.stops.interest { freeze } else { i32::MAX })?;
        if self.postings_in_time_order() {
            self.walk(t1)?;
        }
        Ok(())
    }

    /// Whether every late installment's charges must post at every stretch,
    /// in time order across installments: under the annualised cap (whose
    /// room grows with the days), or a per-installment cap that takes the
    /// whole loan's penalty. The lifetime cap is met in time order by
    /// [`Book::settle`] itself.
    pub(super) fn postings_in_time_order(&self) -> bool {
        let t = self.t;
        t.annualised_cap.is_some() || (t.base == PenaltyBase::OutstandingPrincipal && t.installment_limit.is_some())
    }

    /// The oldest installment fallen due that is still overdue.
    pub(super) fn oldest_open_late(&self) -> Option<usize> {
        // a late installment owes something: none before `owing_from` does
        (self.owing_from..self.next_due).find(|&k| self.is_late(k))
    }

    /// Posts what every late installment accrued since the last settlement
    /// up to the start of day `upto`: its penalty and compound interest, one
    /// product per stretch of its own constant balance (rounded once), and
    /// its late fees. Its own fee days split the stretch where fees bear
    /// interest or a cap applies, so that a fee posts in time order with the
    /// penalty around it. Nothing else splits it: another installment
    /// falling due changes nothing on this one.
    pub(super) fn settle(&mut self, upto: i32) -> Result<()> {
        if self.postings_in_time_order() {
            self.walk(upto)?;
            return self.catch_up(upto);
        }
        if upto <= self.settled {
            return Ok(());
        }
        match self.t.lifetime_cap {
            Some(cap) if self.charges < cap && !self.postings_in_time_order() => {
                self.settle_under_lifetime_cap(upto, cap)
            }
            _ => self.settle_each(upto),
        }
    }

    /// [`Book::settle`] under a lifetime cap with room left. While all that
    /// accrued fits, the order of postings does not matter. Otherwise the
    /// cap is reached in time order, as if every stretch had posted at its
    /// end: everything up to the last due date where all still fits is
    /// posted, then the stretches from there (to each due date and fee day)
    /// one by one, oldest installment first, until the cap is used up; past
    /// it every charge is cut, in any order.
    fn settle_under_lifetime_cap(&mut self, upto: i32, cap: i128) -> Result<()> {
        let room = cap - self.charges;
        // most often it all fits: settle as if uncapped, and undo only if it did not
        let saved = self.save_late();
        self.lifetime_cap_off = true;
        let settled = self.settle_each(upto);
        self.lifetime_cap_off = false;
        settled?;
        if self.charges - saved.charges <= room {
            return Ok(());
        }
        self.restore(saved);
        // the due dates in between, where every replay stops: the last where all still fits
        let rows = self.rows.get(..self.next_due).unwrap_or_default();
        let (mut fits, mut over) = (
            rows.partition_point(|r| r.due <= self.settled),
            rows.partition_point(|r| r.due < upto),
        );
        let mut fits_day = self.settled;
        while fits < over {
            let mid = fits + (over - fits) / 2;
            let day = self.due(mid);
            if self.trial_charges(day)? <= room {
                fits = mid + 1;
                fits_day = day;
            } else {
                over = mid;
            }
        }
        self.settle_each(fits_day)?;
        while self.settled < upto && self.charges < cap {
            let end = self.next_stop_after(self.settled).min(upto);
            self.settle_stretch_in_order(end)?;
        }
        self.settle_each(upto)
    }

    /// What a settlement changes: the late installments, and the loan's totals.
    fn save_late(&self) -> Saved {
        let inst = (0..self.next_due)
            .filter(|&k| self.is_late(k))
            .filter_map(|k| Some((k, self.inst.get(k)?.clone())))
            .collect();
        Saved {
            inst,
            charges: self.charges,
            beyond: self.beyond,
            settled: self.settled,
            split_work: self.split_work,
            spill_from: self.spill_from,
        }
    }

    /// Undoes a settlement.
    fn restore(&mut self, saved: Saved) {
        for (k, inst) in saved.inst {
            if let Some(i) = self.inst.get_mut(k) {
                *i = inst;
            }
        }
        self.charges = saved.charges;
        self.beyond = saved.beyond;
        self.settled = saved.settled;
        self.split_work = saved.split_work;
        self.spill_from = saved.spill_from;
    }

    /// What settling up to `upto` would charge, before the lifetime cap.
    fn trial_charges(&self, upto: i32) -> Result<i128> {
        let mut trial = self.lean();
        trial.lifetime_cap_off = true;
        trial.settle_each(upto)?;
        Ok(trial.charges - self.charges)
    }

    /// The first day after `a` where a replay of every stretch would stop:
    /// an installment's due date or a late installment's fee day.
    fn next_stop_after(&self, a: i32) -> i32 {
        let rows = self.rows.get(..self.next_due).unwrap_or_default();
        let due = rows
            .get(rows.partition_point(|r| r.due <= a))
            .map_or(i32::MAX, |r| r.due);
        let fee_day = (0..self.next_due)
            .filter(|&k| self.is_late(k) && self.fee_days_matter())
            .filter_map(|k| self.next_own_fee_day(k, a))
            .min()
            .unwrap_or(i32::MAX);
        due.min(fee_day)
    }

    /// Posts one stretch from the last settlement up to `end`, in which no
    /// installment falls due and no fee is charged but on `end`: every late
    /// installment in turn, oldest first.
    fn settle_stretch_in_order(&mut self, end: i32) -> Result<()> {
        let from = self.settled;
        self.settled = end;
        let Some(late) = self.late()? else {
            return Ok(());
        };
        for k in late.oldest..self.walk_end(&late) {
            if self.is_late(k) {
                self.count_work(1)?;
                self.accrue_late(k, &late, from, end)?;
            }
        }
        Ok(())
    }

    /// The principal outstanding on the whole loan, when the penalty is
    /// charged on it.
    pub(super) fn whole_principal(&self) -> Result<i128> {
        if self.t.base != PenaltyBase::OutstandingPrincipal {
            return Ok(0);
        }
        self.inst
            .iter()
            .try_fold(0i128, |s, i| cadd(s, i.out[Component::Principal]))
    }

    /// [`Book::settle`], each late installment on its own.
    fn settle_each(&mut self, upto: i32) -> Result<()> {
        let from = self.settled;
        if upto <= from {
            return Ok(());
        }
        self.settled = upto;
        let Some(late) = self.late()? else {
            return Ok(());
        };
        for k in late.oldest..self.walk_end(&late) {
            if !self.is_late(k) {
                continue;
            }
            // here every late installment is visited once per event: no need to look for idle ones
            self.count_work(1)?;
            let (is_oldest, whole, freeze) = (k == late.oldest, late.whole_principal, late.freeze);
            let mut t0 = from;
            while let Some(fee_day) = self.own_fee_day_within(k, t0, upto) {
                self.count_work(1)?;
                self.accrue_installment(k, is_oldest, whole, t0, fee_day, freeze)?;
                t0 = fee_day;
            }
            self.accrue_installment(k, is_oldest, whole, t0, upto, freeze)?;
            self.mark_settled(k, upto);
        }
        Ok(())
    }

    /// What an installment's penalty and compound interest are charged on.
    fn bases(&self, inst: &Inst, is_oldest: bool, whole_principal: i128) -> Result<Bases> {
        let t = self.t;
        let interest = inst.interest_bearing();
        let mut penalty = match t.base {
            PenaltyBase::OverduePrincipal => inst.out[Component::Principal],
            PenaltyBase::OverdueInstallment => cadd(inst.out[Component::Principal], interest)?,
            PenaltyBase::OutstandingPrincipal if is_oldest => whole_principal,
            PenaltyBase::OutstandingPrincipal => 0,
        };
        if t.interest_on_fees {
            penalty = cadd(penalty, inst.out[Component::Fees])?;
        }
        let compound = if t.compound { interest } else { 0 };
        Ok(Bases { penalty, compound })
    }

    /// Whether late installment `k` accrues nothing over `[t0, t1)`: nothing
    /// bears penalty or compound interest on it, nothing is held from a
    /// grace period, and none of its late fees falls in `(t0, t1]`. A walk
    /// passes it by, which posts exactly what visiting it would (nothing).
    fn accrues_nothing(&self, k: usize, late: &Late, t0: i32, t1: i32) -> Result<bool> {
        let Some(inst) = self.inst.get(k) else { return Ok(true) };
        let bases = self.bases(inst, k == late.oldest, late.whole_principal)?;
        if bases != Bases::default() || inst.pending != Pending::default() {
            return Ok(false);
        }
        Ok(self.t.fee.is_none() || self.next_own_fee_day(k, t0).is_none_or(|f| f > t1))
    }

    /// Whether only the oldest late installment can accrue anything: the
    /// penalty is on the whole outstanding principal (which the oldest
    /// bears) and no installment has charges of its own (compound interest,
    /// late fees, interest on fees).
    pub(super) fn only_oldest_accrues(&self) -> bool {
        let t = self.t;
        t.base == PenaltyBase::OutstandingPrincipal && !t.compound && t.fee.is_none() && !t.interest_on_fees
    }

    /// The late installments a settlement goes through (oldest first) and
    /// what they accrue on, or `None` when none is late.
    pub(super) fn late(&self) -> Result<Option<Late>> {
        let Some(oldest) = self.oldest_open_late() else {
            return Ok(None);
        };
        Ok(Some(Late {
            oldest,
            freeze: self.charged_off.unwrap_or(i32::MAX),
            whole_principal: self.whole_principal()?,
        }))
    }

    /// Posts what late installment `k` accrued over `[t0, t1)`, unless it
    /// accrued nothing; either way it is settled up to `t1`.
    pub(super) fn accrue_late(&mut self, k: usize, late: &Late, t0: i32, t1: i32) -> Result<()> {
        if !self.accrues_nothing(k, late, t0, t1)? {
            self.accrue_installment(k, k == late.oldest, late.whole_principal, t0, t1, late.freeze)?;
        }
        self.mark_settled(k, t1);
        Ok(())
    }

    pub(super) fn accrue_installment(
        &mut self,
        k: usize,
        is_oldest: bool,
        whole_principal: i128,
        t0: i32,
        t1: i32,
        freeze: i32,
    ) -> Result<()> {
        let t = self.t;
        let Some(it) = self.rows.get(k).copied() else {
            return Ok(());
        };
        let Some(inst) = self.inst.get(k) else { return Ok(()) };
        let Bases {
            penalty: base,
            compound: compound_base,
        } = self.bases(inst, is_oldest, whole_principal)?;
        let in_grace = t.waive_grace && !inst.grace_done;
        let until = |stops: bool| if stops { t1.min(freeze) } else { t1 };
        // one product for each stretch of the installment's own constant bases, rounded as a
        // running total: each posting is what the rounded total grew by
        let mut piece = inst.piece;
        // a rate without a factor per day (an annual or monthly rate under ACT/ACT ISDA) costs
        // a year-by-year fraction per stretch: its stretches are the ones every installment
        // shares (a new piece at each posting), so each factor is computed once for all of them
        if !piece.continues(t0, base, compound_base) || t.penalty.per_day.is_none() {
            piece = Piece {
                start: t0.max(t.penalty_start(it.due)),
                base,
                compound_base,
                ..Piece::default()
            };
        }
        let penalty_total = self.penalty_interest(base, piece.start, until(t.stops.penalty))?;
        let compound_total = self.penalty_interest(compound_base, piece.start, until(t.stops.compound))?;
        let penalty = (penalty_total - piece.penalty).max(0);
        let compound = (compound_total - piece.compound).max(0);
        piece.penalty = piece.penalty.max(penalty_total);
        piece.compound = piece.compound.max(compound_total);
        piece.end = t1;
        if let Some(inst) = self.inst.get_mut(k) {
            inst.piece = piece;
        }
        let (fees, fee_cut) = self.late_fees(k, t0, t1, if t.stops.fees { freeze } else { i32::MAX })?;

        if in_grace {
            let past_grace = t1 - it.due > t.grace;
            let (p, c) = {
                let inst = self.inst.get_mut(k).ok_or_else(|| overflow("installment index"))?;
                inst.pending.penalty = cadd(inst.pending.penalty, penalty)?;
                inst.pending.compound = cadd(inst.pending.compound, compound)?;
                if !past_grace {
                    (0, 0)
                } else {
                    inst.grace_done = true;
                    let p = std::mem::take(&mut inst.pending);
                    (p.penalty, p.compound)
                }
            };
            self.post_penalty(k, is_oldest, p, t1)?;
            self.post(k, Component::CompoundInterest, c, t1)?;
        } else {
            self.post_penalty(k, is_oldest, penalty, t1)?;
            self.post(k, Component::CompoundInterest, compound, t1)?;
        }
        if let Some(inst) = self.inst.get_mut(k) {
            inst.cut = cadd(inst.cut, fee_cut)?;
        }
        self.post(k, Component::Fees, fees, t1)
    }

    /// Penalty interest on `base` from `start` to `end`. Every installment late
    /// through a stretch shares its factor: it is computed once a stretch.
    pub(super) fn penalty_interest(&mut self, base: i128, start: i32, end: i32) -> Result<i128> {
        if base == 0 || start >= end {
            return Ok(0);
        }
        let f = match self.factor_memo {
            Some((s, e, f)) if (s, e) == (start, end) => f,
            _ => {
                let f = self.t.penalty.factor_with(start, end, Some(&mut self.origin_days))?;
                self.factor_memo = Some((start, end, f));
                f
            }
        };
        Clock::apply(base, f, self.t.rounding)
    }

    /// Posts penalty interest on installment `k` on day `d`. A penalty on the
    /// whole outstanding principal is the loan's, not one installment's: under
    /// a per-installment cap each late installment takes what its own cap
    /// allows, oldest first, so curing the oldest never opens more room than
    /// leaving it late.
    pub(super) fn post_penalty(&mut self, k: usize, is_oldest: bool, amount: i128, d: i32) -> Result<()> {
        let whole_loan = is_oldest && self.t.base == PenaltyBase::OutstandingPrincipal;
        if !whole_loan || self.t.installment_limit.is_none() {
            return self.post(k, Component::PenaltyInterest, amount, d);
        }
        let mut left = amount;
        let own = left.min(self.cap_room(k, left));
        self.post(k, Component::PenaltyInterest, own, d)?;
        left -= own;
        // every installment before `spill_from` but the oldest is paid or has its cap used up
        // for good: skip them
        self.spill_from = self.spill_from.max(k + 1);
        let mut j = self.spill_from;
        while left > 0 && j < self.next_due {
            let room = if self.is_late(j) { self.cap_room(j, left) } else { 0 };
            if room <= 0 && j == self.spill_from {
                self.spill_from += 1;
            }
            let x = left.min(room);
            if x > 0 {
                self.post(j, Component::PenaltyInterest, x, d)?;
                left -= x;
            }
            j += 1;
        }
        // what fits no installment's cap is cut, and recorded on the oldest
        self.post(k, Component::PenaltyInterest, left, d)
    }

    /// What installment `k`'s own cap still allows (`unlimited` without one).
    fn cap_room(&self, k: usize, unlimited: i128) -> i128 {
        match (self.rows.get(k).and_then(|r| r.cap), self.inst.get(k)) {
            (Some(cap), Some(i)) => (cap - i.charges).max(0),
            _ => unlimited,
        }
    }

    /// Drops the pending penalties of installments cleared within a waive grace.
    pub(super) fn close_grace(&mut self, d: i32) {
        let (grace, tolerance) = (self.t.grace, self.t.tolerance);
        for (inst, it) in self.inst.iter_mut().zip(self.rows.iter()).take(self.next_due) {
            if !inst.grace_done && inst.contractual() <= tolerance && d - it.due <= grace {
                inst.grace_waived = inst
                    .grace_waived
                    .saturating_add(inst.pending.penalty.saturating_add(inst.pending.compound));
                inst.pending = Pending::default();
                inst.grace_done = true;
            }
        }
    }
}
