//! Settling a loan: what the payoff owes on a date, what it credits back,
//! and receiving money.

use super::{cadd, posted_left, Alloc, Book, Credited, InstTerms, Part, Parts};
use crate::accrual::policy::EarlySettlement;
use crate::accrual::statement::{AllocationSource, RebateReason};
use crate::component::Component;
use crate::error::Result;

impl Book<'_> {
    /// What settles the loan on day `d`, part by part, before the credit
    /// balance. A negative part is interest or a scheduled fee paid ahead
    /// and not earned by `d`: settling credits it back.
    pub(super) fn payoff_parts(&self, d: i32) -> Result<Parts> {
        if self.paid_off {
            // computed from the installments, a paid-off loan would owe nothing, but would credit
            // back again part of the interest the payoff charged up to its day (the periods'
            // interest is then what was earned, and would be prorated a second time)
            debug_assert!(
                self.owed_parts(d).is_ok_and(|p| p.iter().all(|p| p.amount <= 0)),
                "a loan paid off owes nothing until something is charged"
            );
            return Ok(Vec::new());
        }
        self.owed_parts(d)
    }

    /// [`Book::payoff_parts`], from the installments.
    fn owed_parts(&self, d: i32) -> Result<Parts> {
        let start = self.owing_due_by(d);
        let mut parts = Vec::with_capacity((self.inst.len() - start).saturating_mul(2));
        let mut room = self.annualised_room(d)?;
        let earning = self.earning_day(d);
        let all_scheduled = self.t.settlement == EarlySettlement::AllScheduled;
        let open = self.inst.iter().zip(self.rows.iter()).enumerate().skip(start);
        for (k, (inst, it)) in open {
            if inst.closed {
                continue;
            }
            if it.due <= d {
                push_parts(&mut parts, k, Component::ALL.map(|c| (c, inst.out[c])));
                continue;
            }
            // a later period with nothing paid ahead or carried onto it: only its principal
            // (and any fee posted on it) is owed
            let untouched = inst.paid[Component::Interest] == 0
                && inst.paid[Component::Fees] == 0
                && it.posted_interest == 0
                && it.posted_fee == 0;
            if untouched && !all_scheduled && k != earning.1 {
                push_parts(
                    &mut parts,
                    k,
                    [
                        (Component::Fees, inst.out[Component::Fees] - inst.scheduled_fee_out),
                        (Component::PenaltyInterest, inst.out[Component::PenaltyInterest]),
                        (Component::CompoundInterest, inst.out[Component::CompoundInterest]),
                        (Component::Principal, inst.out[Component::Principal]),
                    ],
                );
                continue;
            }
            let settled = self.settled_early(k, earning, &mut room)?;
            push_parts(&mut parts, k, settled);
        }
        self.accrued_part(&mut parts, room)?;
        parts.retain(|p| p.amount != 0);
        Ok(parts)
    }

    /// What settles installment `k`, not yet due, early: what is earned of
    /// the period's own interest and fee (settling early charges it today,
    /// so together it must fit the annualised cap's `room`, interest first,
    /// as when an installment falls due the fee is cut first), what was
    /// paid of them beyond that coming back (negative), and late and
    /// returned-payment fees and penalties carried or posted on it, in full.
    fn settled_early(
        &self,
        k: usize,
        earning: (i32, usize),
        room: &mut Option<i128>,
    ) -> Result<[(Component, i128); 7]> {
        let (Some(inst), Some(it)) = (self.inst.get(k), self.rows.get(k)) else {
            return Ok([(Component::Fees, 0); 7]);
        };
        let mut earned_interest = self.earned(it.interest - it.posted_interest, k, *it, earning)?;
        let mut earned_fee = self.earned(it.fee - it.posted_fee, k, *it, earning)?;
        if let Some(room) = room.as_mut() {
            let allowed = cadd(earned_interest, earned_fee)?.min((*room).max(0));
            *room -= allowed;
            earned_interest = earned_interest.min(allowed);
            earned_fee = allowed - earned_interest;
        }
        let interest = early_part(
            it.interest,
            it.posted_interest,
            inst.out[Component::Interest],
            inst.paid[Component::Interest],
            earned_interest,
        );
        let fee = early_part(
            it.fee,
            it.posted_fee,
            inst.scheduled_fee_out,
            inst.paid[Component::Fees],
            earned_fee,
        );
        let other_fees = inst.out[Component::Fees] - inst.scheduled_fee_out;
        Ok([
            (Component::Fees, cadd(fee.max(0), other_fees)?),
            (Component::PenaltyInterest, inst.out[Component::PenaltyInterest]),
            (Component::CompoundInterest, inst.out[Component::CompoundInterest]),
            (Component::Interest, interest.max(0)),
            (Component::Principal, inst.out[Component::Principal]),
            (Component::Fees, fee.min(0)),
            (Component::Interest, interest.min(0)),
        ])
    }

    /// A floor under the payoff on day `d`: the unpaid principal, less what
    /// could be credited back of interest and fees paid ahead.
    fn payoff_floor(&self, d: i32) -> i128 {
        self.inst
            .iter()
            .zip(self.rows.iter())
            .skip(self.owing_due_by(d))
            .filter(|(inst, _)| !inst.closed)
            .fold(0i128, |floor, (inst, row)| {
                let ahead = if row.due > d {
                    inst.paid[Component::Interest].saturating_add(inst.paid[Component::Fees])
                } else {
                    0
                };
                floor
                    .saturating_add(inst.out[Component::Principal])
                    .saturating_sub(ahead)
            })
    }

    /// The first installment a payoff on day `d` may owe on: every open one
    /// before it fell due by `d` and owes nothing (nothing is credited back
    /// on an installment already due), and every one before the first open
    /// one was closed by a restructure.
    fn owing_due_by(&self, d: i32) -> usize {
        let open = self.rows.get(self.first_open..).unwrap_or_default();
        let due_by = self.first_open + open.partition_point(|i| i.due <= d);
        self.owing_from.min(due_by).max(self.first_open).min(self.inst.len())
    }

    /// The day interest is earned up to for a settlement on day `d` (the
    /// charge-off day, once charge-off has stopped contract interest), and
    /// the period current then (the first installment not yet due).
    pub(super) fn earning_day(&self, d: i32) -> (i32, usize) {
        let x = match (self.t.stops.interest, self.charged_off) {
            (true, Some(co)) => d.min(co),
            _ => d,
        };
        let open = self.rows.get(self.first_open..).unwrap_or_default();
        (x, self.first_open + open.partition_point(|i| i.due <= x))
    }

    /// What is earned by day `x` of a not-yet-due installment `k`'s own
    /// `amount` (interest or fee, not what was carried onto it), by the
    /// early-settlement rule, `current` being the period current on `x`.
    pub(super) fn earned(&self, amount: i128, k: usize, it: InstTerms, (x, current): (i32, usize)) -> Result<i128> {
        match self.t.settlement {
            EarlySettlement::AllScheduled => Ok(amount),
            _ if it.due <= x => Ok(amount),
            _ if k != current => Ok(0),
            EarlySettlement::CurrentPeriod => Ok(amount),
            _ => self.earned_share(amount, it, x),
        }
    }

    /// Credits back, on day `d`, the negative parts of a payoff: interest
    /// and scheduled fees paid ahead and unearned. The period's charge falls
    /// to what was earned and the money goes to the credit balance. Returns
    /// the amount.
    pub(super) fn realise_rebates(&mut self, payoff: &Parts, d: i32) -> Result<i128> {
        let mut total = 0i128;
        for &Part {
            installment: k,
            component: c,
            amount: x,
        } in payoff
        {
            let Some(inst) = self.inst.get_mut(k) else { continue };
            if x >= 0 {
                continue;
            }
            inst.paid[c] += x;
            inst.charged[c] += x;
            self.record_rebate(Credited {
                day: d,
                installment: k,
                component: c,
                amount: -x,
                reason: RebateReason::Unearned,
            });
            total = cadd(total, -x)?;
        }
        self.credit = cadd(self.credit, total)?;
        Ok(total)
    }

    /// Receives money on day `d`: settles the loan if it covers the payoff
    /// (crediting back unearned prepaid interest first), otherwise applies it
    /// by the allocation order.
    pub(super) fn receive(&mut self, source: AllocationSource, amount: i128, d: i32) -> Result<()> {
        self.post_accrued_now()?;
        self.first_owing();
        let available = cadd(amount, self.credit)?;
        let payoff = if self.paid_off || available < self.payoff_floor(d) {
            Vec::new() // cannot settle: the payoff is not needed
        } else {
            self.payoff_parts(d)?
        };
        let net = payoff.iter().try_fold(0i128, |s, p| cadd(s, p.amount))?;
        let settles = !payoff.is_empty() && available >= net;
        if settles {
            self.realise_rebates(&payoff, d)?;
        }
        let credit_used = std::mem::take(&mut self.credit);
        let available = cadd(amount, credit_used)?;
        let (parts, left) = if settles {
            let payoff: Parts = payoff.into_iter().filter(|p| p.amount > 0).collect();
            let total = payoff.iter().try_fold(0i128, |s, p| cadd(s, p.amount))?;
            for &Part {
                installment: k,
                component: c,
                amount: x,
            } in &payoff
            {
                if let Some(inst) = self.inst.get_mut(k) {
                    inst.take(c, x);
                }
            }
            // interest and scheduled fees not earned by the settlement date are never charged:
            // the periods end today with what they earned
            for (inst, row) in self.inst.iter_mut().zip(self.rows.to_mut().iter_mut()) {
                let (interest, fee) = (inst.out[Component::Interest], inst.out[Component::Fees]);
                inst.charged[Component::Interest] -= interest;
                inst.charged[Component::Fees] -= fee;
                row.interest -= interest.min(row.interest);
                row.fee -= fee.min(row.fee);
                inst.out[Component::Fees] = 0;
                inst.out[Component::Interest] = 0;
                inst.scheduled_fee_out = 0;
            }
            self.paid_off = true;
            (payoff, available - total)
        } else {
            self.allocate(available, d, true)?
        };
        self.credit = left;
        self.record(Alloc {
            source,
            date: d,
            amount,
            credit_used,
            parts,
            to_credit: left,
            settled: settles,
        });
        self.close_grace(d);
        Ok(())
    }
}

/// What settling owes (> 0) or credits back (< 0) of a not-yet-due
/// installment's interest or scheduled fee: `total` as charged to it, of
/// which `posted` was carried onto it already charged (owed in full, and
/// paid first), with `out` unpaid and `paid` paid. Of the rest, `earned` is
/// owed; what was paid beyond it is credited back.
fn early_part(total: i128, posted: i128, out: i128, paid: i128, earned: i128) -> i128 {
    let settled = total - out;
    let posted_left = posted_left(total, posted, out);
    let own_settled = (settled - posted).max(0);
    let owed = earned - own_settled;
    if owed >= 0 {
        posted_left + owed.min(out - posted_left)
    } else {
        -(-owed).min(paid)
    }
}

/// Adds the non-zero `amounts` of installment `k` to `parts`.
fn push_parts(parts: &mut Parts, k: usize, amounts: impl IntoIterator<Item = (Component, i128)>) {
    for (component, amount) in amounts {
        if amount != 0 {
            parts.push(Part {
                installment: k,
                component,
                amount,
            });
        }
    }
}
