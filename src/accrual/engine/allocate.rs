//! Applying money to what is owed: the allocation order, the no-pyramiding
//! rule, and where a prepayment goes.

use super::restructure::RowAmounts;
use super::{cadd, date, Book, Inst, InstTerms, Part, Parts};
use crate::accrual::allocation::{AllocationOrder, Direction, InstallmentState, Surplus, Tier};
use crate::accrual::policy::EarlySettlement;
use crate::accrual::servicing::Pyramiding;
use crate::component::Component;
use crate::components::PerComponent;
use crate::error::{overflow, Result};
use crate::schedule::{rebuild, Keep};

impl Book<'_> {
    /// Installment states on day `d`: the index of the current period's
    /// installment (the first due on or after `d`).
    pub(super) fn current(&self, d: i32) -> usize {
        let open = self.rows.get(self.first_open..).unwrap_or_default();
        self.first_open + open.partition_point(|i| i.due < d)
    }

    pub(super) fn state(&self, k: usize, d: i32, current: usize) -> InstallmentState {
        if self.due(k) < d {
            InstallmentState::PastDue
        } else if k == current {
            InstallmentState::Due
        } else {
            InstallmentState::NotYetDue
        }
    }

    /// Pays up to `limit` of component `c` of installment `k` out of `amount`.
    fn pay(&mut self, k: usize, c: Component, limit: i128, amount: &mut i128, parts: &mut Parts) {
        if *amount <= 0 {
            return;
        }
        if let Some(inst) = self.inst.get_mut(k) {
            let x = inst.take(c, limit.min(*amount));
            if x > 0 {
                *amount -= x;
                parts.push(Part {
                    installment: k,
                    component: c,
                    amount: x,
                });
            }
        }
    }

    /// Pays `amount` by the allocation order on day `d`; returns the parts
    /// and what is left.
    pub(super) fn allocate(&mut self, mut amount: i128, d: i32, with_surplus: bool) -> Result<(Parts, i128)> {
        let mut parts = Vec::new();
        let current = self.current(d);
        let start = self.first_owing();
        if self.t.pyramiding == Pyramiding::Forbidden {
            self.pay_full_installments(&mut amount, start, current, &mut parts);
        }
        let n = self.inst.len();
        // matured debts first, in the order they matured (Civil Code art. 560): the tiers
        // walk the past-due installments (those before `current`) before anything of the
        // current period's, so a payment never leaves an installment past due while it
        // pays one not yet due
        let tiers = self.t.allocation.tiers();
        for past_due_only in [true, false] {
            let end = if past_due_only { current.min(n) } else { n };
            for tier in tiers {
                if past_due_only && !tier.states().contains(&InstallmentState::PastDue) {
                    continue;
                }
                self.pay_tier(tier, start..end, d, current, &mut amount, &mut parts);
                if amount == 0 {
                    return Ok((parts, amount));
                }
            }
        }
        if with_surplus && amount > 0 {
            // under a contract that owes every scheduled interest however early it is paid,
            // a prepayment cannot save interest either: it pays the next installments ahead
            let surplus = match (self.t.allocation.surplus(), self.t.settlement) {
                (Surplus::ShortenTerm | Surplus::LowerInstallments, EarlySettlement::AllScheduled) => {
                    Surplus::NextInstallments
                }
                (surplus, _) => surplus,
            };
            let ahead: Vec<usize> = match surplus {
                Surplus::NextInstallments => (start..n).collect(),
                Surplus::LastInstallments => (start..n).rev().collect(),
                Surplus::LowerInstallments => {
                    let keep = self.daily_keep(d).unwrap_or(Keep::Term);
                    amount = self.prepay_principal(amount, d, keep, &mut parts)?;
                    Vec::new()
                }
                Surplus::ShortenTerm => {
                    let keep = self.daily_keep(d).unwrap_or_else(|| self.kept_payment(d));
                    amount = self.prepay_principal(amount, d, keep, &mut parts)?;
                    Vec::new()
                }
                _ => Vec::new(),
            };
            for k in ahead {
                for c in Component::ALL {
                    self.pay(k, c, i128::MAX, &mut amount, &mut parts);
                }
            }
        }
        Ok((parts, amount))
    }

    /// Pays `tier` over the installments in `range` in the states it names.
    fn pay_tier(
        &mut self,
        tier: &Tier,
        range: std::ops::Range<usize>,
        d: i32,
        current: usize,
        amount: &mut i128,
        parts: &mut Parts,
    ) {
        let components = tier.components();
        match tier.direction() {
            Direction::Horizontal => {
                for &c in components {
                    for k in range.clone() {
                        if tier.states().contains(&self.state(k, d, current)) {
                            self.pay(k, c, i128::MAX, amount, parts);
                        }
                    }
                }
            }
            _ => {
                for k in range {
                    if tier.states().contains(&self.state(k, d, current)) {
                        for &c in components {
                            self.pay(k, c, i128::MAX, amount, parts);
                        }
                    }
                }
            }
        }
    }

    /// No pyramiding (16 CFR 444.4): while the money covers the principal,
    /// interest and scheduled fee of the oldest installment that owes any
    /// (due or past due) in full, or short by no more than the amount
    /// tolerance, it pays them before anything else, in the order's
    /// component sequence. Its late fees and penalties, and earlier ones, are
    /// paid after, from what is left: a full payment is never made short, and
    /// so late, by a fee taken out of it first, and a payment a few minor
    /// units short leaves only those units, which the tolerance keeps from
    /// ageing the loan (Freddie Mac's Guide 8103.5: "the Servicer must not
    /// create a payment deficiency by deducting a late charge").
    fn pay_full_installments(&mut self, amount: &mut i128, start: usize, current: usize, parts: &mut Parts) {
        let t = self.t;
        for k in self.first_open.max(start)..self.inst.len().min(current.saturating_add(1)) {
            let Some(inst) = self.inst.get(k) else { break };
            if inst.closed {
                continue;
            }
            let need = inst.contractual();
            if need == 0 {
                continue;
            }
            if *amount < need.saturating_sub(t.tolerance) {
                return;
            }
            let scheduled_fee = inst.scheduled_fee_out;
            for &c in &t.contractual {
                let limit = if c == Component::Fees { scheduled_fee } else { i128::MAX };
                self.pay(k, c, limit, amount, parts);
            }
        }
    }

    /// The first installment from which every later one is untouched (not
    /// yet due, nothing paid, waived, posted or restructured), after the
    /// current period's: what a prepayment can rebuild.
    fn first_rebuildable(&self, d: i32) -> usize {
        let floor = self.current(d).saturating_add(1).max(self.first_open);
        let mut f = self.inst.len();
        while f > floor {
            let k = f - 1;
            let untouched = match (self.inst.get(k), self.rows.get(k)) {
                (Some(i), Some(r)) => r.due > d && untouched(i, r),
                _ => false,
            };
            if !untouched {
                break;
            }
            f = k;
        }
        f
    }

    /// What "keep the installment" keeps: the first rebuildable row's
    /// payment (principal plus interest) and principal.
    pub(super) fn kept_payment(&self, d: i32) -> Keep {
        let f = self.first_rebuildable(d);
        match (self.rows.get(f), self.inst.get(f)) {
            (Some(r), Some(i)) => {
                // without the principal prepaid on it, which is booked on the first rebuilt row
                let principal = r.principal - i.paid[Component::Principal];
                let payment = if self.t.daily.is_some() {
                    r.payment - i.paid[Component::Principal]
                } else {
                    principal.saturating_add(r.interest)
                };
                Keep::Payment { payment, principal }
            }
            _ => Keep::Term,
        }
    }

    /// Reduces principal by up to `amount` on day `d`: the installments after
    /// the current one are rebuilt on the lower balance (the same payment
    /// over fewer of them, or the same ones at a lower payment; each keeps
    /// its scheduled fee). Principal prepaid on them, now and before, is
    /// booked as paid on the first rebuilt installment. Returns what is left
    /// (kept as credit when there is nothing to rebuild).
    pub(super) fn prepay_principal(&mut self, amount: i128, d: i32, keep: Keep, parts: &mut Parts) -> Result<i128> {
        let f = self.first_rebuildable(d);
        let tail = self.rows.get(f..).unwrap_or_default().to_vec();
        let Some(first) = tail.first().copied() else {
            return Ok(amount);
        };
        let prepaid = self
            .inst
            .get(f..)
            .unwrap_or_default()
            .iter()
            .try_fold(0i128, |s, i| cadd(s, i.paid[Component::Principal]))?;
        let balance = tail.iter().try_fold(0i128, |s, r| cadd(s, r.principal))? - prepaid;
        if balance <= 0 {
            // nothing left to prepay (a settled loan): the rows and what paid them stay as they are
            return Ok(amount);
        }
        let x = amount.min(balance);
        let dues = tail.iter().map(|r| date(r.due)).collect::<Result<Vec<_>>>()?;
        let fees: Vec<i128> = tail.iter().map(|r| r.fee).collect();
        let rows = rebuild(&self.plan, balance - x, date(first.start)?, &dues, keep)?;
        self.rows.to_mut().truncate(f);
        self.inst.truncate(f);
        self.owes_on(f);
        let booked = cadd(prepaid, x)?;
        let mut start = first.start;
        for (j, (row, due)) in rows.iter().zip(tail.iter().map(|r| r.due)).enumerate() {
            let fee = fees.get(j).copied().unwrap_or(0);
            let extra = if j == 0 { booked } else { 0 };
            self.push_row(
                due,
                start,
                RowAmounts {
                    principal: cadd(row.principal, extra)?,
                    interest: row.interest,
                    fee,
                },
                PerComponent::ZERO,
            )?;
            start = due;
        }
        if rows.is_empty() {
            // the prepayment repays every rebuilt installment: one row carries it
            let booked = RowAmounts {
                principal: booked,
                ..RowAmounts::default()
            };
            self.push_row(first.due, first.start, booked, PerComponent::ZERO)?;
        }
        if let Some(inst) = self.inst.get_mut(f) {
            inst.take(Component::Principal, booked);
            if x > 0 {
                parts.push(Part {
                    installment: f,
                    component: Component::Principal,
                    amount: x,
                });
            }
        }
        self.shorten_plan(self.inst.len() - f, tail.len())?;
        Ok(amount - x)
    }

    /// After a rebuild left `kept` of `before` installments, the plan in
    /// force has that many fewer periods (re-amortisation and deferral count them).
    fn shorten_plan(&mut self, kept: usize, before: usize) -> Result<()> {
        let dropped = u32::try_from(before.saturating_sub(kept)).map_err(|_| overflow("installment count"))?;
        if dropped > 0 {
            self.plan = std::borrow::Cow::Owned(
                self.plan
                    .for_installments(self.plan.installments().saturating_sub(dropped).max(1))?,
            );
        }
        Ok(())
    }
}

/// Whether nothing has happened to an installment yet but principal paid
/// ahead: nothing carried or posted on it either (daily interest, a
/// restructure's arrears), which a rebuild would drop.
fn untouched(i: &Inst, r: &InstTerms) -> bool {
    !i.closed
        && r.posted_interest == 0
        && r.posted_fee == 0
        && Component::ALL
            .iter()
            .all(|&c| c == Component::Principal || i.paid[c] == 0)
        && i.waived == PerComponent::ZERO
        && i.restructured == PerComponent::ZERO
        && i.charges == 0
        && i.charged[Component::Principal] == r.principal
}

/// Principal, interest and the scheduled fee, in the order the allocation's
/// tiers first name them (what no pyramiding pays first).
pub(super) fn contractual_order(allocation: &AllocationOrder) -> Vec<Component> {
    let mut order = Vec::with_capacity(3);
    for tier in allocation.tiers() {
        for &c in tier.components() {
            if matches!(c, Component::Fees | Component::Interest | Component::Principal) && !order.contains(&c) {
                order.push(c);
            }
        }
    }
    for c in [Component::Fees, Component::Interest, Component::Principal] {
        if !order.contains(&c) {
            order.push(c);
        }
    }
    order
}
