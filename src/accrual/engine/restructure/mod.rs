//! A restructure or deferral replayed: what is owed on its date becomes a
//! new plan, component by component.
//!
//! In order: the down payment; what is owed taken off the old installments
//! (this file); each component waived, capitalised or carried; the terms of
//! the new plan, kept from the plan in force when it is re-amortised
//! ([`reamortise`]) and moved by a deferral, with its interest
//! ([`deferral`]); then the new schedule's installments ([`new_schedule`]).

mod deferral;
mod new_schedule;
mod reamortise;

pub(super) use new_schedule::RowAmounts;

use super::{cadd, cmul, date, posted_left, share_of, Alloc, Book, Part, Parts, Pending};
use crate::accrual::statement::AllocationSource;
use crate::component::Component;
use crate::components::{Components, PerComponent};
use crate::error::{overflow, Error, Result};
use crate::money::Money;
use crate::restructure::{PlanFee, Restructure, RestructureSummary, Treatment, Waive};

/// What was owed on the restructure's date once the down payment was
/// applied, by component.
struct Arrears {
    down: i128,
    owed: PerComponent<i128>,
}

/// Where each component of the arrears goes: waived, into the new
/// principal, onto the first new installment, spread over all of them, or
/// due at once; and the restructure fee (on the fees placed).
struct Placement {
    waived: PerComponent<i128>,
    fee: i128,
    capitalised: PerComponent<i128>,
    first: PerComponent<i128>,
    spread: PerComponent<i128>,
    now: PerComponent<i128>,
}

impl Book<'_> {
    /// Replaces what is owed on day `d` by a new plan (see [`Restructure`](crate::restructure::Restructure)).
    pub(in crate::accrual::engine) fn restructure(&mut self, r: &Restructure, d: i32) -> Result<()> {
        let scale = self.t.scale;
        let arrears = self.take_arrears(r, d)?;
        let mut placement = self.place(r, &arrears)?;
        let terms = self.new_terms(r, d)?;
        let capitalised: i128 = placement.capitalised.iter().sum();
        let interest = self.deferral_interest(&terms, capitalised, &mut placement.first)?;
        let principal = cadd(capitalised, interest.capitalised)?;
        if principal <= 0 {
            return Err(Error::Invalid {
                field: "restructure",
                reason: "nothing is capitalised into the new principal".into(),
            });
        }
        let (first_number, count) = self.new_installments(r, d, principal, &terms, &placement)?;
        let mut carried = PerComponent::ZERO;
        for c in Component::ALL {
            carried[c] = cadd(cadd(placement.first[c], placement.spread[c])?, placement.now[c])?;
        }
        self.restructures.push(RestructureSummary {
            date: date(d)?,
            down_payment: Money::from_minor(arrears.down, scale)?,
            owed: Components::from_minor(&arrears.owed, scale)?,
            waived: Components::from_minor(&placement.waived, scale)?,
            capitalised: Components::from_minor(&placement.capitalised, scale)?,
            carried: Components::from_minor(&carried, scale)?,
            fee: Money::from_minor(placement.fee, scale)?,
            deferral_interest: Money::from_minor(interest.total, scale)?,
            new_principal: Money::from_minor(principal, scale)?,
            first_installment: u32::try_from(first_number).map_err(|_| overflow("installment number"))?,
            installments: u32::try_from(count).map_err(|_| overflow("installment count"))?,
        });
        Ok(())
    }

    /// Applies the down payment and takes what is then owed off the old
    /// installments, which close (what is left on them, interest not yet
    /// earned, is waived).
    fn take_arrears(&mut self, r: &Restructure, d: i32) -> Result<Arrears> {
        let scale = self.t.scale;
        let sum = |parts: &Parts| parts.iter().try_fold(0i128, |s, p| cadd(s, p.amount));
        self.post_accrued_now()?;
        self.close_accrual_window();
        let owed_total = sum(&self.payoff_parts(d)?)?;
        if owed_total <= 0 {
            return Err(Error::Invalid {
                field: "restructure",
                reason: format!("nothing is owed on {}", date(d)?),
            });
        }
        // the down payment, by the allocation order
        let down = match r.down_payment() {
            Some(m) => m.to_minor("down payment", scale)?,
            None => 0,
        };
        if cadd(down, self.credit)? >= owed_total {
            return Err(Error::DownPaymentTooLarge {
                down_payment: r.down_payment().unwrap_or(Money::ZERO).as_decimal(),
                owed: Money::from_minor(owed_total, scale)?.as_decimal(),
            });
        }
        if down > 0 || self.credit > 0 {
            self.receive(AllocationSource::DownPayment, down, d)?;
        }
        // interest paid ahead and not earned goes back, and the credit balance
        // pays principal: the down payment lowers what is owed by exactly its amount
        let mut parts = self.payoff_parts(d)?;
        self.realise_rebates(&parts, d)?;
        parts.retain(|p| p.amount > 0);
        self.credit_to_principal(&mut parts, r, d)?;
        self.count_not_yet_due(&parts, d)?;
        let mut owed = PerComponent::ZERO;
        for &Part {
            installment: k,
            component: c,
            amount: x,
        } in &parts
        {
            owed[c] = cadd(owed[c], x)?;
            if let Some(inst) = self.inst.get_mut(k) {
                let x = x.min(inst.out[c]);
                inst.out[c] -= x;
                inst.restructured[c] += x;
            }
        }
        self.close_old_installments();
        Ok(Arrears { down, owed })
    }

    /// Interest and fees of periods not yet due are charged now: counted
    /// once, here, against the annualised cap.
    fn count_not_yet_due(&mut self, parts: &Parts, d: i32) -> Result<()> {
        for &Part {
            installment: k,
            component: c,
            amount: x,
        } in parts
        {
            let (Some(it), Some(inst)) = (self.rows.get(k), self.inst.get(k)) else {
                continue;
            };
            if it.due <= d || !matches!(c, Component::Interest | Component::Fees) {
                continue;
            }
            let already = match c {
                Component::Interest => posted_left(it.interest, it.posted_interest, inst.out[Component::Interest]),
                _ => cadd(
                    posted_left(it.fee, it.posted_fee, inst.scheduled_fee_out),
                    inst.out[Component::Fees] - inst.scheduled_fee_out,
                )?,
            };
            self.beyond = cadd(self.beyond, (x - already).max(0))?;
        }
        Ok(())
    }

    /// Closes the installments of the plan in force: what is left on them is
    /// waived, and penalties held in a grace period are dropped.
    fn close_old_installments(&mut self) {
        for inst in self.inst.iter_mut().skip(self.first_open) {
            for c in Component::ALL {
                inst.waived[c] += inst.out[c];
            }
            inst.out = PerComponent::ZERO;
            inst.scheduled_fee_out = 0;
            inst.grace_waived = inst
                .grace_waived
                .saturating_add(inst.pending.penalty.saturating_add(inst.pending.compound));
            inst.pending = Pending::default();
            inst.grace_done = true;
            inst.closed = true;
        }
    }

    /// Waives what the restructure waives of each component, adds its fee,
    /// and places the rest by each component's treatment.
    fn place(&self, r: &Restructure, arrears: &Arrears) -> Result<Placement> {
        let scale = self.t.scale;
        let mut waived = PerComponent::ZERO;
        let mut rest = arrears.owed;
        for c in Component::ALL {
            let have = arrears.owed[c];
            let w = match r.component(c).waive() {
                Waive::Share(share) => share_of(have, share.exact()?)?.min(have),
                Waive::Amount(m) => {
                    let w = m.to_minor("waiver amount", scale)?;
                    if w > have {
                        return Err(Error::WaiverTooLarge {
                            component: c,
                            amount: m.as_decimal(),
                            outstanding: Money::from_minor(have, scale)?.as_decimal(),
                        });
                    }
                    w
                }
                _ => 0,
            };
            waived[c] = w;
            rest[c] = have - w;
        }
        let restructured: i128 = rest.iter().sum();
        let fee = match r.fee() {
            None => 0,
            Some(PlanFee::Flat(m)) => m.to_minor("restructure fee", scale)?,
            Some(PlanFee::Share(share)) => {
                let f = share.exact()?;
                self.t.rounding.div(cmul(restructured, f.num)?, f.den)?
            }
        };
        rest[Component::Fees] = cadd(rest[Component::Fees], fee)?;
        let mut placement = Placement {
            waived,
            fee,
            capitalised: PerComponent::ZERO,
            first: PerComponent::ZERO,
            spread: PerComponent::ZERO,
            now: PerComponent::ZERO,
        };
        for c in Component::ALL {
            let target = match r.component(c).treatment() {
                Treatment::CarryToFirst => &mut placement.first,
                Treatment::Spread => &mut placement.spread,
                Treatment::DueNow => &mut placement.now,
                _ => &mut placement.capitalised,
            };
            target[c] = rest[c];
        }
        Ok(placement)
    }

    /// Applies the whole credit balance to what is being restructured on
    /// day `d`, recording it as a credit-balance allocation: the principal
    /// parts first (oldest first), then the components the restructure does
    /// not waive, then those it waives a share of; never below an amount it
    /// waives. So the down payment lowers the debt restructured by exactly
    /// its amount, and no credit is left idle beside the new plan unless
    /// there is nothing more it may pay.
    fn credit_to_principal(&mut self, parts: &mut Parts, r: &Restructure, d: i32) -> Result<()> {
        let credit = std::mem::take(&mut self.credit);
        if credit == 0 {
            return Ok(());
        }
        let scale = self.t.scale;
        let mut left = credit;
        let mut paid = Vec::new();
        // what of each component must stay for the restructure to waive
        let mut keep = PerComponent::ZERO;
        for c in Component::ALL {
            if let Waive::Amount(m) = r.component(c).waive() {
                keep[c] = m.to_minor("waiver amount", scale)?;
            }
        }
        let waives_share = |c: Component| matches!(r.component(c).waive(), Waive::Share(_));
        let order = [
            Component::Principal,
            Component::Interest,
            Component::Fees,
            Component::PenaltyInterest,
            Component::CompoundInterest,
        ];
        for shared in [false, true] {
            for c in order {
                if waives_share(c) != shared {
                    continue;
                }
                let mut room = parts
                    .iter()
                    .filter(|p| p.component == c)
                    .try_fold(0i128, |s, p| cadd(s, p.amount))?
                    - keep[c];
                for part in parts.iter_mut().filter(|p| p.component == c) {
                    if left == 0 || room <= 0 {
                        break;
                    }
                    let Some(inst) = self.inst.get_mut(part.installment) else {
                        continue;
                    };
                    let x = inst.take(c, left.min(part.amount).min(room));
                    if x > 0 {
                        part.amount -= x;
                        left -= x;
                        room -= x;
                        paid.push(Part {
                            installment: part.installment,
                            component: c,
                            amount: x,
                        });
                    }
                }
            }
        }
        parts.retain(|p| p.amount > 0);
        self.credit = left;
        self.record(Alloc {
            source: AllocationSource::CreditBalance,
            date: d,
            amount: 0,
            credit_used: credit,
            parts: paid,
            to_credit: left,
            settled: false,
        });
        Ok(())
    }
}
