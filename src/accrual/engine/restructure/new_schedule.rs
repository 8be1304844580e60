//! The new plan's installments: its schedule built on the new terms, the
//! arrears placed on its rows, and any amount due at once.

use super::reamortise::PlanTerms;
use super::Placement;
use crate::accrual::engine::terms::installment_cap;
use crate::accrual::engine::{cadd, date, day, Book, Inst, InstTerms};
use crate::component::Component;
use crate::components::PerComponent;
use crate::error::{overflow, Result};
use crate::money::Money;
use crate::restructure::{NewPlan, Restructure};
use crate::schedule::{Schedule, ScheduleOptions};

/// What a schedule's row asks, in minor units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(in crate::accrual::engine) struct RowAmounts {
    pub(in crate::accrual::engine) principal: i128,
    pub(in crate::accrual::engine) interest: i128,
    pub(in crate::accrual::engine) fee: i128,
}

impl Book<'_> {
    /// Builds the new schedule of `principal` on `terms` (a floating loan
    /// keeps floating unless the new terms give a rate), makes it the plan in
    /// force and adds its installments, with the arrears placed on them.
    /// Returns the number of the first new installment and how many there are.
    pub(super) fn new_installments(
        &mut self,
        r: &Restructure,
        d: i32,
        principal: i128,
        terms: &PlanTerms,
        placement: &Placement,
    ) -> Result<(usize, usize)> {
        let o = self.plan.clone();
        let mut options = ScheduleOptions::new(
            Money::from_minor(principal, self.t.scale)?,
            terms.rate,
            terms.count,
            date(d)?,
        )
        .with_method(terms.method)
        .with_frequency(terms.frequency)
        .with_basis(terms.basis)
        .with_rounding(o.rounding())
        .with_interest(o.interest());
        // a floating loan keeps floating unless new terms give a rate
        // (its resets still counted from the original loan's disbursement)
        if let (Some(f), false) = (o.floating(), matches!(r.plan(), NewPlan::Schedule(_))) {
            let anchor = f.resets_from().unwrap_or(o.disbursement());
            options = options.with_floating(f.clone().with_resets_from(anchor));
        }
        if let Some(first_due) = terms.first_due {
            options = options.with_first_due(date(first_due)?);
        }
        let schedule = Schedule::build(&options)?;
        self.plan = std::borrow::Cow::Owned(options);
        self.next_due = self.next_due.max(self.inst.len());
        self.first_open = self.inst.len();
        let first_number = self.inst.len() + 1;
        if placement.now.iter().any(|&x| x > 0) {
            self.push_row(d, d, RowAmounts::default(), placement.now)?;
        }
        self.push_schedule_rows(&schedule, d, placement)?;
        Ok((first_number, self.inst.len() + 1 - first_number))
    }

    /// Adds the rows of the new schedule, the spread amounts shared over
    /// them (the last row takes the remainder) and the carried ones on the
    /// first. A bullet plan of many periods has one row.
    fn push_schedule_rows(&mut self, schedule: &Schedule, d: i32, placement: &Placement) -> Result<()> {
        let scale = self.t.scale;
        let n = i128::try_from(schedule.installments().len().max(1)).map_err(|_| overflow("installment count"))?;
        let mut start = d;
        for (j, row) in schedule.installments().iter().enumerate() {
            let j = i128::try_from(j).map_err(|_| overflow("installment index"))?;
            let mut extra = PerComponent::ZERO;
            for c in Component::ALL {
                let total = placement.spread[c];
                let mut part = total / n;
                if j == n - 1 {
                    part = total - part * (n - 1);
                }
                if j == 0 {
                    part = cadd(part, placement.first[c])?;
                }
                extra[c] = part;
            }
            let due = day(row.due_date);
            let sched = RowAmounts {
                principal: row.principal.to_minor("principal", scale)?,
                interest: row.interest.to_minor("interest", scale)?,
                fee: row.fee.to_minor("fee", scale)?,
            };
            self.push_row(due, start, sched, extra)?;
            start = due;
        }
        Ok(())
    }

    /// Adds an installment of the plan in force: `sched`, its amounts from
    /// its schedule; `extra`, the amounts placed on it.
    pub(in crate::accrual::engine) fn push_row(
        &mut self,
        due: i32,
        start: i32,
        sched: RowAmounts,
        extra: PerComponent<i128>,
    ) -> Result<()> {
        let RowAmounts {
            principal,
            interest,
            fee,
        } = sched;
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
        let rate = match self.plan.floating() {
            None => self.plan.rate(),
            Some(f) => f.rate_in_force(self.plan.disbursement(), date(start)?)?,
        };
        self.rows.to_mut().push(InstTerms {
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
        self.owes_on(self.inst.len());
        self.inst.push(Inst {
            charged,
            out: charged,
            scheduled_fee_out: charged[Component::Fees],
            ..Inst::default()
        });
        Ok(())
    }
}
