//! The plan's tables: a plan month by month, the strategies side by side,
//! and a budget sweep.

use std::fmt;

use super::{wrap, write_timeline, Align, Table};
use crate::plan::{BudgetSweep, PlanComparison, PlanResult};

/// The plan month by month: each loan's payment, days past due and what it
/// owes at the month's end, then the totals and each loan's outcome.
///
/// ```
/// # use overdue::{dec, plan::Debt, Ledger, Money, plan::MonthlyBudget, NaiveDate, OverduePolicy, Plan, plan::PlanStrategy, Rate, Schedule};
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// # let loan = |p| -> overdue::Result<Ledger> {
/// #     Ledger::new(Schedule::equal_installment(Money::new(p)?, Rate::annual(dec!(0.12))?, 3, d(2026, 1, 15))?, OverduePolicy::new())
/// # };
/// let plan = Plan::new(d(2026, 2, 20), MonthlyBudget::Constant(Money::new(dec!(500))?), 20, 3)
///     .debt(Debt::new("card", loan(dec!(1200))?));
/// let text = plan.run(PlanStrategy::AsScheduled)?.to_string();
/// assert!(text.starts_with("as scheduled\npaid "));
/// assert!(text.contains("card"));
/// # Ok::<(), overdue::Error>(())
/// ```
impl fmt::Display for PlanResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}\npaid {}, still owed on {} {}, cost {}, NPV {}\n",
            self.strategy,
            self.total_paid.grouped(),
            self.horizon,
            self.still_owed.grouped(),
            self.cost.grouped(),
            self.npv.grouped()
        )?;
        let mut table = Table::new(&[
            ("loan", Align::Left),
            ("payday", Align::Right),
            ("payment", Align::Right),
            ("dpd", Align::Right),
            ("bucket", Align::Left),
            ("owed", Align::Right),
            ("budget left", Align::Right),
        ]);
        for month in &self.months {
            for (i, loan) in month.loans.iter().enumerate() {
                table.row(vec![
                    loan.label.clone(),
                    if i == 0 {
                        month.payday.to_string()
                    } else {
                        String::new()
                    },
                    loan.payment.grouped(),
                    loan.days_past_due.to_string(),
                    loan.bucket.clone(),
                    loan.owed.grouped(),
                    if i == 0 { month.left.grouped() } else { String::new() },
                ]);
            }
        }
        writeln!(f, "{table}")?;
        let mut table = Table::new(&[
            ("loan", Align::Left),
            ("paid", Align::Right),
            ("still owed", Align::Right),
            ("worst dpd", Align::Right),
            ("settled", Align::Right),
        ]);
        for loan in &self.loans {
            table.row(vec![
                loan.label.clone(),
                loan.paid.grouped(),
                loan.still_owed.grouped(),
                loan.worst_days_past_due.to_string(),
                loan.settled_on.map_or_else(|| "not yet".to_owned(), |d| d.to_string()),
            ]);
        }
        write!(f, "{table}")?;
        for loan in &self.loans {
            if let Some(timeline) = loan.timeline.as_ref().filter(|t| !t.entries.is_empty()) {
                write_timeline(f, &format!("What happens to {} under this plan", loan.label), timeline)?;
            }
        }
        for w in &self.warnings {
            write!(f, "\n{}", wrap(&format!("! {w}"), "  "))?;
        }
        Ok(())
    }
}

/// Every strategy side by side, then the recommended plan in full.
///
/// ```
/// # use overdue::{dec, plan::Debt, Ledger, Money, plan::MonthlyBudget, NaiveDate, OverduePolicy, Plan, Rate, Schedule};
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// # let loan = |p| -> overdue::Result<Ledger> {
/// #     Ledger::new(Schedule::equal_installment(Money::new(p)?, Rate::annual(dec!(0.12))?, 3, d(2026, 1, 15))?, OverduePolicy::new())
/// # };
/// let plan = Plan::new(d(2026, 2, 20), MonthlyBudget::Constant(Money::new(dec!(500))?), 20, 3)
///     .debt(Debt::new("card", loan(dec!(1200))?))
///     .debt(Debt::new("app", loan(dec!(600))?));
/// let text = plan.compare()?.to_string();
/// assert!(text.contains("least cost"));
/// assert!(text.contains("Recommended:"));
/// # Ok::<(), overdue::Error>(())
/// ```
impl fmt::Display for PlanComparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut table = Table::new(&[
            ("strategy", Align::Left),
            ("paid", Align::Right),
            ("still owed", Align::Right),
            ("cost", Align::Right),
            ("NPV", Align::Right),
            ("90+ months", Align::Right),
            ("30+ months", Align::Right),
            ("any", Align::Right),
        ]);
        for p in &self.plans {
            table.row(vec![
                p.strategy.to_string(),
                p.total_paid.grouped(),
                p.still_owed.grouped(),
                p.cost.grouped(),
                p.npv.grouped(),
                p.damage.days_90_plus.to_string(),
                p.damage.days_30_plus.to_string(),
                p.damage.past_due.to_string(),
            ]);
        }
        writeln!(f, "{table}")?;
        match self.recommended() {
            Ok(best) => write!(f, "Recommended: {best}"),
            Err(_) => writeln!(f, "Recommended: {}", self.recommended),
        }
    }
}

/// One row per budget: the least-cost plan's cost, what paying more saves,
/// the debt-free date, loan-months at 90+ days and the peak days past due.
///
/// ```
/// # use overdue::{dec, plan::Debt, Ledger, Money, plan::MonthlyBudget, NaiveDate, OverduePolicy, Plan, Rate, Schedule};
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let loan = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::annual(dec!(0.12))?, 3, d(2026, 1, 15))?, OverduePolicy::new())?;
/// let plan = Plan::new(d(2026, 2, 20), MonthlyBudget::Constant(Money::ZERO), 20, 4).debt(Debt::new("card", loan));
/// let text = plan.sweep(&"300..500/100".parse()?)?.to_string();
/// assert!(text.starts_with("monthly budget"));
/// assert!(text.contains("  300.00"));
/// # Ok::<(), overdue::Error>(())
/// ```
impl fmt::Display for BudgetSweep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut table = Table::new(&[
            ("monthly budget", Align::Right),
            ("more a month", Align::Right),
            ("cost", Align::Right),
            ("saved", Align::Right),
            ("still owed", Align::Right),
            ("debt-free on", Align::Right),
            ("90+ months", Align::Right),
            ("peak dpd", Align::Right),
        ]);
        for p in &self.points {
            table.row(vec![
                p.budget.grouped(),
                p.more_a_month.grouped(),
                p.cost.grouped(),
                p.saved.grouped(),
                p.still_owed.grouped(),
                p.debt_free_on.map_or_else(|| "not yet".to_owned(), |d| d.to_string()),
                p.days_90_plus.to_string(),
                p.peak_days_past_due.to_string(),
            ]);
        }
        write!(f, "{table}")
    }
}
