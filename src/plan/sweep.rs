//! "What if I pay more?": the least-cost plan at each of a range of monthly
//! budgets, each searched from the plan found at the budget below it.

use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::book::least_cost_from;
use super::report::{at_scale, finest_scale};
use super::{MonthlyBudget, Plan, PlanResult};
use crate::error::{Error, Result};
use crate::money::Money;

/// The most budgets one sweep runs.
pub const MAX_SWEEP_BUDGETS: usize = 60;

/// Monthly budgets from `from` to `to` in steps of `step` (both ends
/// included when the steps reach `to` exactly; the last budget is never
/// above `to`). Written `FROM..TO/STEP` on the command line.
///
/// ```
/// use overdue::{dec, Money, plan::BudgetRange};
/// let range: BudgetRange = "1500..2500/500".parse()?;
/// let budgets: Vec<String> = range.budgets()?.iter().map(|b| b.to_string()).collect();
/// assert_eq!(budgets, ["1500", "2000", "2500"]);
/// assert_eq!(range, BudgetRange::new(Money::new(dec!(1500))?, Money::new(dec!(2500))?, Money::new(dec!(500))?));
/// assert!("2500..1500/500".parse::<BudgetRange>()?.budgets().is_err());
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetRange {
    /// The smallest budget.
    pub from: Money,
    /// The largest budget.
    pub to: Money,
    /// The step between budgets (above zero).
    pub step: Money,
}

impl BudgetRange {
    /// The budgets from `from` to `to` in steps of `step`.
    ///
    /// ```
    /// use overdue::{dec, Money, plan::BudgetRange};
    /// let range = BudgetRange::new(Money::new(dec!(100))?, Money::new(dec!(350))?, Money::new(dec!(100))?);
    /// assert_eq!(range.budgets()?.len(), 3); // 100, 200, 300
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(from: Money, to: Money, step: Money) -> BudgetRange {
        BudgetRange { from, to, step }
    }

    /// Every budget of the range, smallest first.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a step of zero, `to` below `from`, or more than
    /// [`MAX_SWEEP_BUDGETS`] budgets.
    ///
    /// ```
    /// use overdue::{dec, Error, Money, plan::BudgetRange};
    /// let range = BudgetRange::new(Money::new(dec!(100))?, Money::new(dec!(200))?, Money::ZERO);
    /// assert!(matches!(range.budgets(), Err(Error::Invalid { field: "budget range", .. })));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn budgets(&self) -> Result<Vec<Money>> {
        let invalid = |reason: String| {
            Err(Error::Invalid {
                field: "budget range",
                reason,
            })
        };
        if self.step.as_decimal() <= rust_decimal::Decimal::ZERO {
            return invalid(format!("the step {} is not above zero", self.step));
        }
        if self.to < self.from {
            return invalid(format!("the range ends ({}) before it starts ({})", self.to, self.from));
        }
        let mut budgets = vec![self.from];
        let mut next = self.from.checked_add(self.step)?;
        while next <= self.to {
            if budgets.len() == MAX_SWEEP_BUDGETS {
                return invalid(format!(
                    "{}..{}/{} has more than {MAX_SWEEP_BUDGETS} budgets",
                    self.from, self.to, self.step
                ));
            }
            budgets.push(next);
            next = next.checked_add(self.step)?;
        }
        Ok(budgets)
    }
}

impl FromStr for BudgetRange {
    type Err = Error;

    /// Reads `FROM..TO/STEP` (`1500..3000/250`), each a decimal.
    fn from_str(text: &str) -> Result<BudgetRange> {
        let parse = |part: &str| Money::new(crate::money::parse_decimal(part.trim()).map_err(|_| bad(text))?);
        let (from, rest) = text.split_once("..").ok_or_else(|| bad(text))?;
        let (to, step) = rest.split_once('/').ok_or_else(|| bad(text))?;
        Ok(BudgetRange::new(parse(from)?, parse(to)?, parse(step)?))
    }
}

fn bad(text: &str) -> Error {
    Error::Parse {
        field: "budget range",
        value: format!("{text:?} (expected FROM..TO/STEP, like 1500..3000/250)"),
    }
}

/// A sweep's request: a plan, whose loans, dates and months are kept and
/// whose budget is replaced by each budget of the range in turn.
///
/// ```
/// # use overdue::{dec, Money, NaiveDate, Plan};
/// use overdue::plan::{MonthlyBudget, SweepRequest};
/// let plan = Plan::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), MonthlyBudget::Constant(Money::new(dec!(500))?), 10, 3);
/// let request = SweepRequest::new(plan, "500..900/100".parse()?);
/// assert_eq!(request.budgets.budgets()?.len(), 5);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SweepRequest {
    /// The loans and the plan's dates; its own budget is not used.
    pub plan: Plan,
    /// The monthly budgets to try.
    pub budgets: BudgetRange,
}

impl SweepRequest {
    /// A sweep of `plan` over `budgets`.
    ///
    /// ```
    /// # use overdue::{dec, Money, NaiveDate, Plan};
    /// # use overdue::plan::{MonthlyBudget, SweepRequest};
    /// # let plan = Plan::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), MonthlyBudget::Constant(Money::new(dec!(500))?), 10, 3);
    /// let request = SweepRequest::new(plan, "500..500/100".parse()?);
    /// assert_eq!(request.plan.as_of(), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(plan: Plan, budgets: BudgetRange) -> SweepRequest {
        SweepRequest { plan, budgets }
    }
}

/// The least-cost plan at one budget of a sweep.
///
/// ```
/// use overdue::plan::SweepPoint;
/// let json = r#"{"budget": "2000.00", "more_a_month": "500.00", "cost": "9000.00", "saved": "120.00",
///                "total_paid": "9000.00", "still_owed": "0.00", "debt_free_on": "2027-03-10",
///                "days_90_plus": 0, "peak_days_past_due": 40}"#;
/// let p: SweepPoint = serde_json::from_str(json).unwrap();
/// assert_eq!(p.peak_days_past_due, 40);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SweepPoint {
    /// The monthly budget.
    pub budget: Money,
    /// How much more a month than the sweep's smallest budget.
    pub more_a_month: Money,
    /// The least-cost plan's cost: what it pays plus what is owed at the horizon.
    pub cost: Money,
    /// What paying `more_a_month` more saves against the smallest budget's
    /// plan (its cost less this one's): interest, penalty and fees not
    /// incurred. Never negative.
    pub saved: Money,
    /// Everything the plan pays.
    pub total_paid: Money,
    /// Everything still owed at the horizon.
    pub still_owed: Money,
    /// The payday that settles the last loan, if the plan settles them all.
    #[serde(serialize_with = "crate::dates::option::serialize")]
    pub debt_free_on: Option<NaiveDate>,
    /// Loan-months at 90 or more days past due.
    pub days_90_plus: u32,
    /// The most days past due any loan reaches under the plan.
    pub peak_days_past_due: u32,
}

impl SweepPoint {
    /// The point of `result`, the plan at `budget`, against the sweep's
    /// `lowest` point (none: this is it); amounts written at `scale` places.
    fn of(result: &PlanResult, budget: Money, lowest: Option<&SweepPoint>, scale: u32) -> Result<SweepPoint> {
        let budget = at_scale(budget, scale)?;
        let (low_budget, low_cost) = lowest.map_or((budget, result.cost), |low| (low.budget, low.cost));
        let more_a_month = at_scale(budget.checked_sub(low_budget)?, scale)?;
        let saved = at_scale(low_cost.checked_sub(result.cost)?, scale)?;
        let settled: Option<Vec<NaiveDate>> = result.loans.iter().map(|l| l.settled_on).collect();
        Ok(SweepPoint {
            budget,
            more_a_month,
            cost: result.cost,
            saved,
            total_paid: result.total_paid,
            still_owed: result.still_owed,
            debt_free_on: settled.and_then(|days| days.into_iter().max()),
            days_90_plus: result.damage.days_90_plus,
            peak_days_past_due: result.loans.iter().map(|l| l.worst_days_past_due).max().unwrap_or(0),
        })
    }
}

/// The least-cost plan at each budget of a range, smallest budget first.
///
/// The cost never rises with the budget: the plan at each budget is
/// searched with the plan found at the budget below it among its starting
/// points (that plan fits the larger budget and costs the same there), so
/// paying more never shows a dearer plan. Each budget's search refines for
/// cost only (a plan's least-damage refinement is left out), and is never
/// dearer than the simple strategies at that budget. The debt-free date and the credit
/// damage usually improve too, but only the cost is promised.
///
/// ```
/// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Plan, Rate, Schedule};
/// # use overdue::accrual::PenaltyRate;
/// # use overdue::plan::{Debt, MonthlyBudget};
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let late = OverduePolicy::new().with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005))?));
/// let loan = Ledger::new(Schedule::equal_installment(Money::new(dec!(6000))?, Rate::annual(dec!(0.18))?, 6, d(2026, 6, 5))?, late)?;
/// let plan = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(Money::ZERO), 10, 12).debt(Debt::new("A", loan));
/// let sweep = plan.sweep(&"600..1200/200".parse()?)?;
/// assert_eq!(sweep.points.len(), 4);
/// assert!(sweep.points.windows(2).all(|w| w[1].cost <= w[0].cost));  // paying more never costs more
/// let more = sweep.pay_more(Money::new(dec!(400))?).unwrap();         // "pay 400 more a month"
/// assert!(more.saved > Money::ZERO && more.debt_free_on.is_some());
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BudgetSweep {
    /// One point per budget, smallest budget first.
    pub points: Vec<SweepPoint>,
}

impl BudgetSweep {
    /// The point `extra` above the smallest budget ("pay `extra` more a
    /// month"), if the sweep has it.
    ///
    /// ```
    /// use overdue::{Money, plan::BudgetSweep};
    /// let sweep: BudgetSweep = serde_json::from_str(r#"{"points": []}"#).unwrap();
    /// assert!(sweep.pay_more(Money::ZERO).is_none());
    /// ```
    pub fn pay_more(&self, extra: Money) -> Option<&SweepPoint> {
        self.points.iter().find(|p| p.more_a_month == extra)
    }
}

impl Plan {
    /// The least-cost plan at each budget of `budgets` (the plan's own
    /// budget is not used): "what if I pay more?". With one loan, each
    /// point's `saved` is the interest, penalty and fees that paying
    /// `more_a_month` more saves.
    ///
    /// # Errors
    /// What [`BudgetRange::budgets`] refuses; as for [`Plan::run`].
    ///
    /// ```
    /// # use overdue::{Error, Money, NaiveDate, Plan};
    /// # use overdue::plan::MonthlyBudget;
    /// let plan = Plan::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), MonthlyBudget::Constant(Money::ZERO), 10, 3);
    /// assert!(matches!(plan.sweep(&"100..300/100".parse()?), Err(Error::Invalid { field: "plan", .. })));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn sweep(&self, budgets: &BudgetRange) -> Result<BudgetSweep> {
        let mut points: Vec<SweepPoint> = Vec::new();
        let mut carried: Option<Vec<Vec<Money>>> = None;
        for budget in budgets.budgets()? {
            let mut plan = self.clone();
            plan.budget = MonthlyBudget::Constant(budget);
            plan.validate()?;
            let (result, amounts) = least_cost_from(&plan, carried.as_deref())?;
            points.push(SweepPoint::of(&result, budget, points.first(), finest_scale(self))?);
            carried = Some(amounts);
        }
        Ok(BudgetSweep { points })
    }
}
