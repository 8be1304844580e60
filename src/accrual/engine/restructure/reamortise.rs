//! The terms of the new plan: the restructure's own, or, when it
//! re-amortises or defers, those of the plan in force over the periods it
//! has left (a bullet has one installment but many periods), its first due
//! date moved by a deferral.

use crate::accrual::engine::terms::days_i32;
use crate::accrual::engine::{date, day, Book};
use crate::calendar::Frequency;
use crate::error::{Error, Result};
use crate::rate::Rate;
use crate::restructure::{DeferralInterest, NewPlan, Restructure, Shift};
use crate::schedule::{InterestBasis, Method};

/// The terms a restructure's new plan is built on, in days.
pub(super) struct PlanTerms {
    pub(super) rate: Rate,
    pub(super) count: u32,
    pub(super) method: Method,
    pub(super) frequency: Frequency,
    pub(super) basis: InterestBasis,
    /// The new first due date, when the plan sets or moves it.
    pub(super) first_due: Option<i32>,
    /// The next due date of the plan in force after the restructure's date.
    pub(super) next_due: Option<i32>,
    /// A deferral's shift and what becomes of its interest.
    pub(super) holiday: Option<(Shift, DeferralInterest)>,
}

impl Book<'_> {
    /// The terms of `r`'s new plan on day `d`; the new first due date must
    /// come after `d`.
    pub(super) fn new_terms(&self, r: &Restructure, d: i32) -> Result<PlanTerms> {
        let o = &self.plan;
        let anchor = o.first_due()?;
        let mut future = 0u32;
        let mut next_due = None;
        for k in 0..o.installments() {
            let due = day(o.frequency().due_date(anchor, k)?);
            if due > d {
                future += 1;
                next_due = next_due.or(Some(due));
            }
        }
        let terms = match r.plan() {
            NewPlan::Schedule(terms) => PlanTerms {
                rate: terms.rate(),
                count: terms.installments(),
                method: terms.method(),
                frequency: terms.frequency(),
                basis: terms.basis(),
                first_due: terms.first_due().map(day),
                next_due,
                holiday: None,
            },
            plan => {
                let base = next_due.ok_or_else(|| Error::Invalid {
                    field: "restructure",
                    reason: "no installment of the current schedule is left to spread the arrears over".into(),
                })?;
                let (moved, holiday) = match plan {
                    NewPlan::Deferral { shift, interest } => {
                        let moved = match shift {
                            Shift::Periods(k) => day(o.frequency().due_date(date(base)?, k)?),
                            Shift::Days(n) => base.saturating_add(days_i32("deferral days", n)?),
                        };
                        (moved, Some((shift, interest)))
                    }
                    _ => (base, None),
                };
                PlanTerms {
                    rate: o.rate(),
                    count: future,
                    method: o.method(),
                    frequency: o.frequency(),
                    basis: o.basis(),
                    first_due: Some(moved),
                    next_due,
                    holiday,
                }
            }
        };
        if let Some(first_due) = terms.first_due
            && first_due <= d
        {
            return Err(Error::DateOrder {
                earlier: "restructure date",
                earlier_date: date(d)?,
                later: "new first due date",
                later_date: date(first_due)?,
            });
        }
        Ok(terms)
    }
}
