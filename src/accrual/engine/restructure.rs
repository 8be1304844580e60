//! A restructure or deferral replayed: what is owed on its date becomes a
//! new plan, component by component.

use super::terms::{days_i32, installment_cap};
use super::{
    cadd, cmul, date, day, overflow, posted_left, share_of, Alloc, Book, Inst, InstTerms, Part, Parts, Pending,
};
use crate::accrual::statement::AllocationSource;
use crate::component::Component;
use crate::components::{Components, PerComponent};
use crate::error::{Error, Result};
use crate::money::Money;
use crate::schedule::{Schedule, ScheduleOptions};

impl Book<'_> {
    /// Replaces what is owed on day `d` by a new plan (see [`Restructure`](crate::Restructure)).
    pub(super) fn restructure(&mut self, r: &crate::restructure::Restructure, d: i32) -> Result<()> {
        use crate::restructure::{DeferralInterest, NewPlan, PlanFee, Shift, Treatment, Waive};
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
        // 1. the down payment, by the allocation order
        let down = match r.get_down_payment() {
            Some(m) => m.to_minor("down payment", scale)?,
            None => 0,
        };
        if cadd(down, self.credit)? >= owed_total {
            return Err(Error::DownPaymentTooLarge {
                down_payment: r.get_down_payment().unwrap_or(Money::ZERO).as_decimal(),
                owed: Money::from_minor(owed_total, scale)?.as_decimal(),
            });
        }
        if down > 0 || self.credit > 0 {
            self.receive(AllocationSource::DownPayment, down, d)?;
        }
        // 2. interest paid ahead and not earned goes back, and the credit balance
        //    pays principal: the down payment lowers what is owed by exactly its amount
        let mut parts = self.payoff_parts(d)?;
        self.realise_rebates(&parts, d)?;
        parts.retain(|p| p.amount > 0);
        self.credit_to_principal(&mut parts, d)?;
        // interest and fees of periods not yet due are charged now (once, for the annualised cap)
        for &Part {
            installment: k,
            component: c,
            amount: x,
        } in &parts
        {
            if let (Some(it), Some(inst)) = (self.rows.get(k), self.inst.get(k)) {
                if it.due > d && matches!(c, Component::Interest | Component::Fees) {
                    let already = match c {
                        Component::Interest => {
                            posted_left(it.interest, it.posted_interest, inst.out[Component::Interest])
                        }
                        _ => cadd(
                            posted_left(it.fee, it.posted_fee, inst.scheduled_fee_out),
                            inst.out[Component::Fees] - inst.scheduled_fee_out,
                        )?,
                    };
                    self.beyond = cadd(self.beyond, (x - already).max(0))?;
                }
            }
        }
        // 3. take what is owed off the old installments; drop interest not yet earned
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
        // 4. waive, then place each component
        let mut waived = PerComponent::ZERO;
        let mut rest = owed;
        for c in Component::ALL {
            let have = owed[c];
            let w = match r.get_component(c).get_waive() {
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
        let fee = match r.get_fee() {
            None => 0,
            Some(PlanFee::Flat(m)) => m.to_minor("restructure fee", scale)?,
            Some(PlanFee::Share(share)) => {
                let f = share.exact()?;
                self.t.rounding.div(cmul(restructured, f.num)?, f.den)?
            }
        };
        rest[Component::Fees] = cadd(rest[Component::Fees], fee)?;
        let (mut capitalised, mut first, mut spread, mut now) = (
            PerComponent::ZERO,
            PerComponent::ZERO,
            PerComponent::ZERO,
            PerComponent::ZERO,
        );
        for c in Component::ALL {
            let target = match r.get_component(c).treatment() {
                Treatment::CarryToFirst => &mut first,
                Treatment::Spread => &mut spread,
                Treatment::DueNow => &mut now,
                _ => &mut capitalised,
            };
            target[c] = rest[c];
        }
        let mut principal: i128 = capitalised.iter().sum();
        // 5. the new terms; re-amortisation and deferral keep the plan in force and the
        //    periods it has left (a bullet has one installment but many periods)
        let o = self.plan.clone();
        let anchor = o.get_first_due()?;
        let mut future = 0u32;
        let mut next_due = None;
        for k in 0..o.installments() {
            let due = day(o.get_frequency().due_date(anchor, k)?);
            if due > d {
                future += 1;
                next_due = next_due.or(Some(due));
            }
        }
        let (rate, count, method, frequency, basis, first_due, holiday) = match r.get_plan() {
            NewPlan::Schedule(terms) => (
                terms.get_rate(),
                terms.get_installments(),
                terms.get_method(),
                terms.get_frequency(),
                terms.get_basis(),
                terms.get_first_due().map(day),
                None,
            ),
            plan => {
                let base = next_due.ok_or_else(|| Error::Invalid {
                    field: "restructure",
                    reason: "no installment of the current schedule is left to spread the arrears over".into(),
                })?;
                let (moved, holiday) = match plan {
                    NewPlan::Deferral { shift, interest } => {
                        let moved = match shift {
                            Shift::Periods(k) => day(o.get_frequency().due_date(date(base)?, k)?),
                            Shift::Days(n) => base.saturating_add(days_i32("deferral days", n)?),
                        };
                        (moved, Some((shift, interest)))
                    }
                    _ => (base, None),
                };
                (
                    o.rate(),
                    future,
                    o.get_method(),
                    o.get_frequency(),
                    o.get_basis(),
                    Some(moved),
                    holiday,
                )
            }
        };
        if let Some(first_due) = first_due {
            if first_due <= d {
                return Err(Error::DateOrder {
                    earlier: "restructure date",
                    earlier_date: date(d)?,
                    later: "new first due date",
                    later_date: date(first_due)?,
                });
            }
        }
        // 6. contract interest for a deferral period, on what is capitalised
        let mut deferral_interest = 0;
        if let (Some((_, DeferralInterest::Waive)), Some(base), Some(moved), true) =
            (holiday, next_due, first_due, self.t.daily.is_some())
        {
            // daily interest accrues through the deferral unless it is waived: then its days are free
            self.interest_free.push((base, moved));
        }
        if let (Some((shift, treatment)), Some(base), Some(moved), None) = (holiday, next_due, first_due, self.t.daily)
        {
            if treatment != DeferralInterest::Waive {
                let factor = match shift {
                    Shift::Periods(k) => rate.periodic_exact(frequency)?.scale(i128::from(k), 1)?,
                    _ => rate.factor_between(date(base)?, date(moved)?, crate::calendar::DayCount::Act365Fixed)?,
                };
                deferral_interest = factor.apply(principal, self.t.rounding)?;
                if treatment == DeferralInterest::Capitalise {
                    principal = cadd(principal, deferral_interest)?;
                } else {
                    first[Component::Interest] = cadd(first[Component::Interest], deferral_interest)?;
                    // charged now, carried onto the first installment: counted once, here
                    self.beyond = cadd(self.beyond, deferral_interest)?;
                }
            }
        }
        if principal <= 0 {
            return Err(Error::Invalid {
                field: "restructure",
                reason: "nothing is capitalised into the new principal".into(),
            });
        }
        let mut options = ScheduleOptions::new(Money::from_minor(principal, scale)?, rate, count, date(d)?)
            .method(method)
            .frequency(frequency)
            .basis(basis)
            .rounding(o.get_rounding())
            .interest(o.get_interest());
        // a floating loan keeps floating unless new terms give a rate
        // (its resets still counted from the original loan's disbursement)
        if let (Some(f), false) = (o.get_floating(), matches!(r.get_plan(), NewPlan::Schedule(_))) {
            let anchor = f.get_resets_from().unwrap_or(o.disbursement());
            options = options.floating(f.clone().resets_from(anchor));
        }
        if let Some(first_due) = first_due {
            options = options.first_due(date(first_due)?);
        }
        let schedule = Schedule::build(&options)?;
        self.plan = options;
        // 7. the new installments
        self.next_due = self.next_due.max(self.inst.len());
        self.first_open = self.inst.len();
        let first_number = self.inst.len() + 1;
        if now.iter().any(|&x| x > 0) {
            self.push_row(d, d, [0; 3], now)?;
        }
        // spread over the rows the new schedule has (a bullet plan of `count` periods has one)
        let n = i128::try_from(schedule.installments().len().max(1)).map_err(|_| overflow("installment count"))?;
        let mut start = d;
        for (j, row) in schedule.installments().iter().enumerate() {
            let j = i128::try_from(j).map_err(|_| overflow("installment index"))?;
            let mut extra = PerComponent::ZERO;
            for c in Component::ALL {
                let total = spread[c];
                let mut part = total / n;
                if j == n - 1 {
                    part = total - part * (n - 1);
                }
                if j == 0 {
                    part = cadd(part, first[c])?;
                }
                extra[c] = part;
            }
            let due = day(row.due_date);
            let sched = [
                row.principal.to_minor("principal", scale)?,
                row.interest.to_minor("interest", scale)?,
                row.fee.to_minor("fee", scale)?,
            ];
            self.push_row(due, start, sched, extra)?;
            start = due;
        }
        let mut carried = PerComponent::ZERO;
        for c in Component::ALL {
            carried[c] = cadd(cadd(first[c], spread[c])?, now[c])?;
        }
        self.restructures.push(crate::restructure::RestructureSummary {
            date: date(d)?,
            down_payment: Money::from_minor(down, scale)?,
            owed: Components::from_minor(&owed, scale)?,
            waived: Components::from_minor(&waived, scale)?,
            capitalised: Components::from_minor(&capitalised, scale)?,
            carried: Components::from_minor(&carried, scale)?,
            fee: Money::from_minor(fee, scale)?,
            deferral_interest: Money::from_minor(deferral_interest, scale)?,
            new_principal: Money::from_minor(principal, scale)?,
            first_installment: u32::try_from(first_number).map_err(|_| overflow("installment number"))?,
            installments: u32::try_from(self.inst.len() + 1 - first_number)
                .map_err(|_| overflow("installment count"))?,
        });
        Ok(())
    }

    /// Adds an installment of the plan in force: `sched` = principal,
    /// interest, fee from its schedule; `extra` = amounts placed on it.
    pub(super) fn push_row(&mut self, due: i32, start: i32, sched: [i128; 3], extra: PerComponent<i128>) -> Result<()> {
        let [principal, interest, fee] = sched;
        let (x_fees, x_penalty, x_compound, x_interest, x_principal) = (
            extra[Component::Fees],
            extra[Component::PenaltyInterest],
            extra[Component::CompoundInterest],
            extra[Component::Interest],
            extra[Component::Principal],
        );
        let charged = PerComponent::new([
            cadd(fee, x_fees)?,
            x_penalty,
            x_compound,
            cadd(interest, x_interest)?,
            cadd(principal, x_principal)?,
        ]);
        let payment = charged.iter().try_fold(0i128, |s, x| cadd(s, *x))?;
        // daily interest is posted as it is earned: only what was carried on is charged
        let charged = if self.t.daily.is_some() {
            PerComponent::new([
                charged[Component::Fees],
                x_penalty,
                x_compound,
                x_interest,
                charged[Component::Principal],
            ])
        } else {
            charged
        };
        let rate = match self.plan.get_floating() {
            None => self.plan.rate(),
            Some(f) => f.rate_in_force(self.plan.disbursement(), date(start)?)?,
        };
        self.rows.push(InstTerms {
            due,
            start,
            principal: charged[Component::Principal],
            interest: charged[Component::Interest],
            fee: charged[Component::Fees],
            cap: installment_cap(self.t.installment_limit, payment, self.t.scale)?,
            posted_interest: x_interest,
            posted_fee: x_fees,
            // what was carried on is added to the planned installment
            payment: cadd(cadd(charged[Component::Principal], interest)?, x_interest)?,
            planned_interest: cadd(interest, x_interest)?,
            rate,
        });
        self.inst.push(Inst {
            charged,
            out: charged,
            scheduled_fee_out: charged[Component::Fees],
            ..Inst::default()
        });
        Ok(())
    }

    /// Applies the whole credit balance to the principal parts of a payoff
    /// on day `d` (oldest first), recording it as a credit-balance allocation.
    fn credit_to_principal(&mut self, parts: &mut Parts, d: i32) -> Result<()> {
        let credit = std::mem::take(&mut self.credit);
        if credit == 0 {
            return Ok(());
        }
        let mut left = credit;
        let mut paid = Vec::new();
        for part in parts.iter_mut().filter(|p| p.component == Component::Principal) {
            let Some(inst) = self.inst.get_mut(part.installment) else {
                continue;
            };
            let x = inst.take(Component::Principal, left.min(part.amount));
            if x > 0 {
                part.amount -= x;
                left -= x;
                paid.push(Part {
                    installment: part.installment,
                    component: Component::Principal,
                    amount: x,
                });
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
