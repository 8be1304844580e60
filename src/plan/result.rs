//! What a plan reports: month by month, loan by loan, and in total.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{PlanStrategy, PlanWarning};
use crate::accrual::Timeline;
use crate::error::{Error, Result};
use crate::money::Money;

/// One loan in one month of a plan.
///
/// ```
/// use overdue::plan::LoanMonth;
/// let json = r#"{"label": "A", "payment": "0.00", "days_past_due": 31, "bucket": "M2", "owed": "0.00"}"#;
/// let m: LoanMonth = serde_json::from_str(json).unwrap();
/// assert_eq!(m.days_past_due, 31);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LoanMonth {
    /// The loan.
    pub label: String,
    /// What the plan pays it on the payday.
    pub payment: Money,
    /// Its days past due at the month's end (the most in the month after
    /// the payment: with no payment, days past due only grow).
    pub days_past_due: u32,
    /// The bucket of those days, by the loan's own policy.
    pub bucket: String,
    /// Its payoff at the month's end.
    pub owed: Money,
}

/// One month of a plan.
///
/// ```
/// use overdue::plan::PlanMonth;
/// let json = r#"{"payday": "2026-10-10", "month_end": "2026-11-09", "budget": "2200.00",
///                "paid": "2200.00", "left": "0.00", "loans": []}"#;
/// let m: PlanMonth = serde_json::from_str(json).unwrap();
/// assert!(m.loans.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlanMonth {
    /// The day the payments are made.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub payday: NaiveDate,
    /// The month's last day (the day before the next payday).
    #[serde(serialize_with = "crate::dates::serialize")]
    pub month_end: NaiveDate,
    /// The month's budget.
    pub budget: Money,
    /// What the plan pays in the month, over all loans (never above the budget).
    pub paid: Money,
    /// The money left: budget − paid.
    pub left: Money,
    /// Each loan, in the plan's order.
    pub loans: Vec<LoanMonth>,
}

/// One loan over a whole plan.
///
/// ```
/// use overdue::plan::LoanOutcome;
/// let json = r#"{"label": "A", "paid": "0.00", "still_owed": "0.00", "worst_days_past_due": 0, "settled_on": null}"#;
/// let o: LoanOutcome = serde_json::from_str(json).unwrap();
/// assert_eq!(o.settled_on, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LoanOutcome {
    /// The loan.
    pub label: String,
    /// What the plan paid it.
    pub paid: Money,
    /// Its payoff at the horizon.
    pub still_owed: Money,
    /// Its most days past due from the plan's first day to the horizon.
    pub worst_days_past_due: u32,
    /// The payday whose payment settled it, if one did.
    #[serde(serialize_with = "crate::dates::option::serialize")]
    pub settled_on: Option<NaiveDate>,
    /// What happens to it under the plan, from the plan's first day to the
    /// horizon ([`Ledger::timeline`](crate::Ledger::timeline) of the loan
    /// with the plan's payments); none when it would list more than
    /// [`MAX_TIMELINE_ENTRIES`](crate::accrual::MAX_TIMELINE_ENTRIES) milestones.
    #[serde(default)]
    pub timeline: Option<Timeline>,
}

/// Loan-months at each depth of delinquency, measured at each month's end.
/// Each count includes the deeper ones (a month at 95 days counts in all
/// four), and the derived order is the least-credit-damage order: 90+
/// first, then 60+, 30+, and any days past due.
///
/// ```
/// use overdue::plan::CreditDamage;
/// let (mut a, mut b) = (CreditDamage::default(), CreditDamage::default());
/// (a.days_60_plus, a.days_30_plus, a.past_due) = (2, 2, 5);
/// (b.days_90_plus, b.days_60_plus, b.days_30_plus, b.past_due) = (1, 1, 1, 1);
/// assert!(a < b); // no month at 90+ beats any
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CreditDamage {
    /// Loan-months at 90 or more days past due.
    pub days_90_plus: u32,
    /// Loan-months at 60 or more.
    pub days_60_plus: u32,
    /// Loan-months at 30 or more.
    pub days_30_plus: u32,
    /// Loan-months at 1 or more.
    pub past_due: u32,
}

impl CreditDamage {
    /// Counts one loan-month at `days_past_due`.
    pub(crate) fn count(&mut self, days_past_due: u32) {
        let add = |n: &mut u32, when: bool| *n = n.saturating_add(u32::from(when));
        add(&mut self.days_90_plus, days_past_due >= 90);
        add(&mut self.days_60_plus, days_past_due >= 60);
        add(&mut self.days_30_plus, days_past_due >= 30);
        add(&mut self.past_due, days_past_due >= 1);
    }

    /// The sum of two counts.
    pub(crate) fn plus(self, other: CreditDamage) -> CreditDamage {
        CreditDamage {
            days_90_plus: self.days_90_plus.saturating_add(other.days_90_plus),
            days_60_plus: self.days_60_plus.saturating_add(other.days_60_plus),
            days_30_plus: self.days_30_plus.saturating_add(other.days_30_plus),
            past_due: self.past_due.saturating_add(other.past_due),
        }
    }
}

/// Loan-months in one delinquency bucket.
///
/// ```
/// use overdue::plan::BucketMonths;
/// let b: BucketMonths = serde_json::from_str(r#"{"bucket": "M1", "loan_months": 4}"#).unwrap();
/// assert_eq!(b.loan_months, 4);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BucketMonths {
    /// The bucket's label (loans with their own buckets add their labels).
    pub bucket: String,
    /// How many month-ends a loan spent in it.
    pub loan_months: u32,
}

/// A plan worked through: every month, every loan, and the totals.
///
/// `cost = total_paid + still_owed`; each loan's figures are what its own
/// ledger says after the plan's payments.
///
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Plan};
/// # use overdue::plan::{Debt, MonthlyBudget, PlanStrategy};
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let a = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 7, 5))?, OverduePolicy::new())?;
/// let result = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(Money::new(dec!(2000))?), 10, 2)
///     .debt(Debt::new("A", a)).run(PlanStrategy::AsScheduled)?;
/// assert_eq!(result.loans[0].settled_on, Some(d(2026, 10, 10)));
/// assert!(result.still_owed.is_zero());
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlanResult {
    /// The strategy.
    pub strategy: PlanStrategy,
    /// The plan's last day.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub horizon: NaiveDate,
    /// Month by month.
    pub months: Vec<PlanMonth>,
    /// Loan by loan.
    pub loans: Vec<LoanOutcome>,
    /// Everything paid over the plan.
    pub total_paid: Money,
    /// Everything still owed at the horizon (the loans' payoffs).
    pub still_owed: Money,
    /// What the strategy minimises first: `total_paid + still_owed`.
    pub cost: Money,
    /// The payments and what is still owed at the horizon, discounted to the
    /// plan's first day at its discount rate.
    pub npv: Money,
    /// Loan-months at 90+, 60+, 30+ and any days past due.
    pub damage: CreditDamage,
    /// Loan-months in each bucket (loans' own labels), least delinquent first.
    pub bucket_months: Vec<BucketMonths>,
    /// What the borrower should know: a loan the plan leaves on the way to
    /// charge-off or legal action, a remainder it could have cleared.
    #[serde(default)]
    pub warnings: Vec<PlanWarning>,
}

/// Every strategy's plan for the same inputs.
///
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Plan};
/// # use overdue::plan::{Debt, MonthlyBudget, PlanStrategy};
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let a = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 7, 5))?, OverduePolicy::new())?;
/// let all = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(Money::new(dec!(300))?), 10, 2)
///     .debt(Debt::new("A", a)).compare()?;
/// assert_eq!(all.get(PlanStrategy::Snowball)?.strategy, PlanStrategy::Snowball);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlanComparison {
    /// One plan per strategy, in [`PlanStrategy::ALL`] order.
    pub plans: Vec<PlanResult>,
    /// The recommended strategy (see [`Plan::compare`](super::Plan::compare)).
    pub recommended: PlanStrategy,
}

/// How much dearer the least-damage plan may be and still be recommended.
const DAMAGE_PREMIUM: Decimal = Decimal::from_parts(5, 0, 0, false, 2);

impl PlanComparison {
    pub(super) fn new(plans: Vec<PlanResult>) -> Result<PlanComparison> {
        let find = |s: PlanStrategy| plans.iter().find(|p| p.strategy == s);
        let recommended = match (find(PlanStrategy::LeastCost), find(PlanStrategy::LeastCreditDamage)) {
            (Some(cost), Some(damage)) => {
                let limit = cost
                    .cost
                    .as_decimal()
                    .checked_mul(Decimal::ONE + DAMAGE_PREMIUM)
                    .ok_or_else(|| crate::error::overflow("plan recommendation"))?;
                if damage.damage < cost.damage && damage.cost.as_decimal() <= limit {
                    PlanStrategy::LeastCreditDamage
                } else {
                    PlanStrategy::LeastCost
                }
            }
            _ => PlanStrategy::LeastCost,
        };
        Ok(PlanComparison { plans, recommended })
    }

    /// The plan of one strategy.
    ///
    /// # Errors
    /// [`Error::Invalid`] if it is not in the comparison.
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Plan};
    /// # use overdue::plan::{Debt, MonthlyBudget, PlanStrategy};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let a = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 7, 5))?, OverduePolicy::new())?;
    /// let all = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(Money::new(dec!(300))?), 10, 2).debt(Debt::new("A", a)).compare()?;
    /// assert!(all.get(PlanStrategy::LeastCost)?.cost <= all.get(PlanStrategy::AsScheduled)?.cost);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn get(&self, strategy: PlanStrategy) -> Result<&PlanResult> {
        self.plans
            .iter()
            .find(|p| p.strategy == strategy)
            .ok_or_else(|| Error::Invalid {
                field: "plan comparison",
                reason: format!("no {strategy} plan"),
            })
    }

    /// The recommended plan.
    ///
    /// # Errors
    /// As for [`PlanComparison::get`].
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Plan};
    /// # use overdue::plan::{Debt, MonthlyBudget};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let a = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 7, 5))?, OverduePolicy::new())?;
    /// let all = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(Money::new(dec!(300))?), 10, 2).debt(Debt::new("A", a)).compare()?;
    /// assert_eq!(all.recommended()?.strategy, all.recommended);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn recommended(&self) -> Result<&PlanResult> {
        self.get(self.recommended)
    }
}
