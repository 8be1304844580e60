//! Contract interest for a deferral period: on what is capitalised, for the
//! periods or days the first due date moves, capitalised or carried onto the
//! first new installment, or waived. Under daily interest the interest keeps
//! accruing on the balance through the deferral, unless it is waived: then
//! its days are free of interest.

use super::reamortise::PlanTerms;
use crate::accrual::engine::{cadd, date, Book};
use crate::calendar::DayCount;
use crate::component::Component;
use crate::components::PerComponent;
use crate::error::Result;
use crate::restructure::{DeferralInterest, Shift};

/// A deferral's contract interest: all of it, and the part capitalised into
/// the new principal.
pub(super) struct DeferredInterest {
    pub(super) total: i128,
    pub(super) capitalised: i128,
}

impl Book<'_> {
    /// The deferral interest on `principal` (what is capitalised) under
    /// `terms`; interest that is not capitalised goes onto `first` (the first
    /// new installment), charged now and counted once against the caps.
    pub(super) fn deferral_interest(
        &mut self,
        terms: &PlanTerms,
        principal: i128,
        first: &mut PerComponent<i128>,
    ) -> Result<DeferredInterest> {
        let none = DeferredInterest {
            total: 0,
            capitalised: 0,
        };
        let (Some((shift, treatment)), Some(base), Some(moved)) = (terms.holiday, terms.next_due, terms.first_due)
        else {
            return Ok(none);
        };
        if self.t.daily.is_some() {
            if treatment == DeferralInterest::Waive {
                self.interest_free.push((base, moved));
            }
            return Ok(none);
        }
        if treatment == DeferralInterest::Waive {
            return Ok(none);
        }
        let factor = match shift {
            Shift::Periods(k) => terms.rate.periodic_exact(terms.frequency)?.scale(i128::from(k), 1)?,
            _ => terms
                .rate
                .factor_between(date(base)?, date(moved)?, DayCount::Act365Fixed)?,
        };
        let total = factor.apply(principal, self.t.rounding)?;
        if treatment == DeferralInterest::Capitalise {
            return Ok(DeferredInterest {
                total,
                capitalised: total,
            });
        }
        first[Component::Interest] = cadd(first[Component::Interest], total)?;
        self.beyond = cadd(self.beyond, total)?;
        Ok(DeferredInterest { total, capitalised: 0 })
    }
}
