//! Penalty and compound interest on late installments, accrued over a stretch
//! of days in one product, and the grace period that waives it.

use super::{cadd, Book, Clock, Pending};
use crate::accrual::policy::PenaltyBase;
use crate::component::Component;
use crate::error::{overflow, Result};

impl Book<'_> {
    pub(super) fn accrue(&mut self, t0: i32, t1: i32) -> Result<()> {
        let Some(oldest) = (0..self.next_due).find(|&k| self.is_late(k)) else {
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
        let whole_principal = if self.t.base == PenaltyBase::OutstandingPrincipal {
            self.inst
                .iter()
                .try_fold(0i128, |s, i| cadd(s, i.out[Component::Principal]))?
        } else {
            0
        };
        for k in oldest..self.next_due {
            if self.is_late(k) {
                self.accrue_installment(k, k == oldest, whole_principal, t0, t1, freeze)?;
            }
        }
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
        let interest = inst.interest_bearing();
        let mut base = match t.base {
            PenaltyBase::OverduePrincipal => inst.out[Component::Principal],
            PenaltyBase::OverdueInstallment => cadd(inst.out[Component::Principal], interest)?,
            PenaltyBase::OutstandingPrincipal if is_oldest => whole_principal,
            PenaltyBase::OutstandingPrincipal => 0,
        };
        if t.interest_on_fees {
            base = cadd(base, inst.out[Component::Fees])?;
        }
        let compound_base = if t.compound { interest } else { 0 };
        let in_grace = t.waive_grace && !inst.grace_done;
        let until = |stops: bool| if stops { t1.min(freeze) } else { t1 };
        let w0 = t0.max(t.penalty_start(it.due));
        let penalty = self.penalty_interest(base, w0, until(t.stops.penalty))?;
        let compound = self.penalty_interest(compound_base, w0, until(t.stops.compound))?;
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
                let f = self.t.penalty.factor(start, end)?;
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
        for j in k..self.next_due {
            if left <= 0 {
                break;
            }
            if j != k && !self.is_late(j) {
                continue;
            }
            let room = match (self.rows.get(j).and_then(|r| r.cap), self.inst.get(j)) {
                (Some(cap), Some(i)) => (cap - i.charges).max(0),
                _ => left,
            };
            let x = left.min(room);
            if x > 0 {
                self.post(j, Component::PenaltyInterest, x, d)?;
                left -= x;
            }
        }
        // what fits no installment's cap is cut, and recorded on the oldest
        self.post(k, Component::PenaltyInterest, left, d)
    }

    /// Drops the pending penalties of installments cleared within a waive grace.
    pub(super) fn close_grace(&mut self, d: i32) {
        let (grace, tolerance) = (self.t.grace, self.t.tolerance);
        for (inst, it) in self.inst.iter_mut().zip(&self.rows).take(self.next_due) {
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
