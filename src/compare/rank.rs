//! Ranking the ways out: what the borrower can afford first, then the
//! chosen key; and the shortest term that fits the budget.

use chrono::Datelike;

use super::order::Order;
use super::owed::Today;
use super::path::{monthly_totals, Payments};
use super::request::Comparison;
use super::result::OptionResult;
use super::way_out::WayOut;
use super::weigh::Weighing;
use crate::error::Result;
use crate::limits::Warning;
use crate::money::Money;
use crate::restructure::NewPlan;

impl Weighing<'_> {
    pub(super) fn rank(&self, options: &mut [OptionResult]) -> Result<()> {
        let key = |o: &OptionResult| match self.rank_by {
            super::RankBy::Npv => o.npv,
            super::RankBy::TotalPaid => o.total_paid,
            super::RankBy::PeakMonthlyPayment => o.peak_monthly,
        };
        let group = |o: &OptionResult| self.order == Order::AffordableFirst && !o.affordable;
        options.sort_by(|a, b| {
            group(a)
                .cmp(&group(b))
                .then_with(|| key(a).cmp(&key(b)))
                .then_with(|| a.label.cmp(&b.label))
        });
        let affordable = options.iter().filter(|o| o.affordable).count();
        let budget = self.monthly_budget()?;
        let best = options.first().map(key).unwrap_or(Money::ZERO);
        let best_label = options.first().map(|o| o.label.clone()).unwrap_or_default();
        for (i, o) in options.iter_mut().enumerate() {
            o.rank = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let k = key(o);
            let mut reason = if i == 0 {
                format!("lowest {} ({})", self.rank_by, k.grouped())
            } else if k >= best {
                format!(
                    "{} {}, {} more than {best_label}",
                    self.rank_by,
                    k.grouped(),
                    k.saturating_sub(best).grouped()
                )
            } else {
                format!(
                    "{} {}, {} less than {best_label}",
                    self.rank_by,
                    k.grouped(),
                    best.saturating_sub(k).grouped()
                )
            };
            if o.affordable {
                reason.push_str("; fits the budget every month");
            } else {
                if let Some(m) = o.first_over_budget {
                    reason.push_str(&format!(
                        "; over budget in {}-{:02} by {} ({} to pay against {})",
                        m.month.year(),
                        m.month.month(),
                        m.over_by.grouped(),
                        m.paid.grouped(),
                        budget.grouped()
                    ));
                }
                if o.warnings.iter().any(Warning::breaks_a_legal_limit) {
                    reason.push_str("; above a legal limit");
                }
                if self.order == Order::AffordableFirst && affordable > 0 {
                    reason.push_str(&format!("; ranked after the {affordable} option(s) that fit"));
                }
            }
            if !o.warnings.is_empty() {
                reason.push_str(&format!("; {} warning(s)", o.warnings.len()));
            }
            o.reason = reason;
        }
        Ok(())
    }
}

impl Comparison {
    /// The shortest term, up to `max_installments`, for which `way` fits the
    /// budget in every month: a refinance or a restructure into a new
    /// schedule with that many installments. A way out with no term to
    /// choose (paying now, staying, a deferral or a re-amortisation, a
    /// debt-management service) is returned as it is if it fits. `None` when
    /// nothing fits.
    ///
    /// # Errors
    /// The errors of working the way out (see [`Comparison::run`]).
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Comparison, WayOut, Budget};
    /// # use overdue::compare::Refinance;
    /// # use overdue::limits::LenderKind;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(6000))?, Rate::annual(dec!(0.12))?, 6, d(2026, 1, 1))?;
    /// let ledger = Ledger::new(plan, OverduePolicy::new())?; // nothing paid: 3 installments overdue on 04-15
    /// let c = Comparison::new(ledger, d(2026, 4, 15), Budget::new(Money::new(dec!(1500))?, Money::new(dec!(800))?), Rate::ZERO);
    /// let family = WayOut::Refinance(Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 1));
    /// let Some(WayOut::Refinance(fits)) = c.fit_to_budget(&family, 24)? else { panic!() };
    /// assert_eq!(fits.installments(), 9); // about 6,150 owed, 700 a month
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn fit_to_budget(&self, way: &WayOut, max_installments: u32) -> Result<Option<WayOut>> {
        let today = self.ledger.statement(self.as_of)?;
        let fits = |w: &WayOut| -> Result<bool> {
            let path = self.weighing().context.path(w, &Today::Loan(&today))?;
            self.within_budget(&path.payments)
        };
        let with_term = |n: u32| -> Option<WayOut> {
            match way {
                WayOut::Refinance(r) => Some(WayOut::Refinance((*r).with_installments(n))),
                WayOut::Restructure(r) => match r.plan() {
                    NewPlan::Schedule(terms) => Some(WayOut::Restructure(
                        r.clone().with_plan(NewPlan::Schedule(terms.with_installments(n))),
                    )),
                    _ => None,
                },
                _ => None,
            }
        };
        if with_term(1).is_none() {
            return Ok(if fits(way)? { Some(way.clone()) } else { None });
        }
        for n in 1..=max_installments {
            let Some(candidate) = with_term(n) else { break };
            // a term the way out cannot take (too many periods for the amount) is no fit
            if let Ok(true) = fits(&candidate) {
                return Ok(Some(candidate));
            }
        }
        Ok(None)
    }

    /// Whether no calendar month of `payments` is above the budget.
    fn within_budget(&self, payments: &Payments) -> Result<bool> {
        let budget = self.monthly_budget()?;
        Ok(monthly_totals(payments)?.iter().all(|m| m.1 <= budget))
    }
}
