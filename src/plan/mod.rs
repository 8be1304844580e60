//! One monthly budget spread over several overdue loans (多头借贷): each
//! month's payments booked through each loan's own ledger, under a chosen
//! [`PlanStrategy`], and the strategies side by side.
//!
//! A [`Plan`] holds [`Debt`]s (a label, a ledger, a lender) and a
//! [`MonthlyBudget`]; [`Plan::run`] follows one strategy and
//! [`Plan::compare`] runs them all ([`PlanComparison`]); a [`Consolidation`]
//! weighs one new loan that pays chosen loans off. See the
//! [plan guide](crate::guide::plan).

mod allocate;
mod book;
mod consolidate;
mod judge;
mod refine;
mod replay;
mod report;
mod result;
mod sweep;
mod warning;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::accrual::Ledger;
use crate::error::{Error, Result};
use crate::limits::LenderKind;
use crate::money::Money;
use crate::rate::Rate;

pub use consolidate::{Consolidation, ConsolidationResult};
pub use result::{BucketMonths, CreditDamage, LoanMonth, LoanOutcome, PlanComparison, PlanMonth, PlanResult};
pub use sweep::{BudgetRange, BudgetSweep, SweepPoint, SweepRequest, MAX_SWEEP_BUDGETS};
pub use warning::PlanWarning;

/// The longest plan, in months (ten years).
pub const MAX_PLAN_MONTHS: u32 = 120;

/// One loan in a plan: a label, its ledger (schedule, policy, events so
/// far) and who lent it.
///
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
/// # use overdue::limits::LenderKind;
/// # use overdue::plan::Debt;
/// # use overdue::NaiveDate; use overdue::dec;
/// let s = Schedule::equal_installment(Money::new(dec!(3000))?, Rate::annual(dec!(0.24))?, 6,
///     NaiveDate::from_ymd_opt(2026, 1, 10).unwrap())?;
/// let debt = Debt::new("platform A", Ledger::new(s, OverduePolicy::new())?);
/// assert_eq!(debt.lender, LenderKind::LicensedInstitution);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Debt {
    /// How the borrower calls it; unique within a plan.
    pub label: String,
    /// The loan as booked so far.
    pub ledger: Ledger,
    /// Who lent it (the default: a licensed institution).
    #[serde(default)]
    pub lender: LenderKind,
}

impl Debt {
    /// A loan from a licensed institution.
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
    /// # use overdue::plan::Debt;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let s = Schedule::equal_installment(Money::new(dec!(3000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 10).unwrap())?;
    /// let debt = Debt::new("card", Ledger::new(s, OverduePolicy::new())?);
    /// assert_eq!(debt.label, "card");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(label: impl Into<String>, ledger: Ledger) -> Debt {
        Debt {
            label: label.into(),
            ledger,
            lender: LenderKind::default(),
        }
    }

    /// Who lent it.
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
    /// # use overdue::limits::LenderKind;
    /// # use overdue::plan::Debt;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let s = Schedule::equal_installment(Money::new(dec!(3000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 10).unwrap())?;
    /// let debt = Debt::new("cousin", Ledger::new(s, OverduePolicy::new())?).with_lender(LenderKind::FamilyOrFriends);
    /// assert_eq!(debt.lender, LenderKind::FamilyOrFriends);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_lender(mut self, lender: LenderKind) -> Debt {
        self.lender = lender;
        self
    }
}

/// What the borrower can pay towards all their loans each month.
///
/// ```
/// use overdue::{Money, plan::MonthlyBudget};
/// use overdue::dec;
/// let b = MonthlyBudget::ByMonth(vec![Money::new(dec!(1500))?, Money::new(dec!(2200))?]);
/// assert_eq!(b.for_month(1), Some(Money::new(dec!(2200))?));
/// assert_eq!(MonthlyBudget::Constant(Money::new(dec!(2200))?).for_month(40), Some(Money::new(dec!(2200))?));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum MonthlyBudget {
    /// The same amount every month.
    Constant(Money),
    /// One amount per month of the plan, the first for the first payday.
    ByMonth(Vec<Money>),
}

impl MonthlyBudget {
    /// The budget of month `index` (0 is the first payday), if the plan has it.
    ///
    /// ```
    /// use overdue::{Money, plan::MonthlyBudget};
    /// assert_eq!(MonthlyBudget::ByMonth(vec![Money::ZERO]).for_month(1), None);
    /// ```
    pub fn for_month(&self, index: usize) -> Option<Money> {
        match self {
            MonthlyBudget::Constant(m) => Some(*m),
            MonthlyBudget::ByMonth(months) => months.get(index).copied(),
        }
    }
}

/// How a plan spreads each month's budget over the loans.
///
/// Every strategy books real payments through each loan's own ledger; the
/// plan's figures are what those ledgers say. See the [`guide::plan`](crate::guide::plan).
///
/// ```
/// use overdue::plan::PlanStrategy;
/// assert_eq!(PlanStrategy::default(), PlanStrategy::LeastCost);
/// assert_eq!(PlanStrategy::ALL.len(), 5);
/// assert_eq!(PlanStrategy::Avalanche.to_string(), "avalanche");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PlanStrategy {
    /// The least cost: what is paid plus what is still owed at the horizon
    /// (the default).
    #[default]
    LeastCost,
    /// The least credit damage: the fewest loan-months at 90+ days past due,
    /// then 60+, then 30+, then any; cost breaks ties.
    LeastCreditDamage,
    /// Money first to the loan whose balance grows fastest.
    Avalanche,
    /// Money first to the loan with the smallest payoff.
    Snowball,
    /// Each loan's installments in due-date order, oldest first, and nothing
    /// paid ahead.
    AsScheduled,
}

impl PlanStrategy {
    /// Every strategy, in the order plans are compared.
    pub const ALL: [PlanStrategy; 5] = [
        PlanStrategy::LeastCost,
        PlanStrategy::LeastCreditDamage,
        PlanStrategy::Avalanche,
        PlanStrategy::Snowball,
        PlanStrategy::AsScheduled,
    ];
}

impl std::fmt::Display for PlanStrategy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PlanStrategy::LeastCost => "least cost",
            PlanStrategy::LeastCreditDamage => "least credit damage",
            PlanStrategy::Avalanche => "avalanche",
            PlanStrategy::Snowball => "snowball",
            PlanStrategy::AsScheduled => "as scheduled",
        })
    }
}

/// A monthly budget spread over several loans for a number of months.
///
/// Month 0 starts on the first payday on or after `as_of` (the
/// `payment_day` of the month, or the month's last day when it is shorter);
/// each month runs to the day before the next payday, and the horizon is the
/// last day of the last month. Each month, the strategy splits that month's
/// budget over the loans; each payment is booked on the payday through the
/// loan's ledger, never more than its payoff that day.
///
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Plan};
/// # use overdue::accrual::PenaltyRate;
/// # use overdue::plan::{Debt, MonthlyBudget, PlanStrategy};
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let late = OverduePolicy::new().with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005))?));
/// let a = Ledger::new(Schedule::equal_installment(Money::new(dec!(6000))?, Rate::annual(dec!(0.18))?, 6, d(2026, 6, 5))?, late.clone())?;
/// let b = Ledger::new(Schedule::equal_installment(Money::new(dec!(3000))?, Rate::annual(dec!(0.24))?, 6, d(2026, 7, 20))?, late)?;
/// let plan = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(Money::new(dec!(1500))?), 10, 3)
///     .debt(Debt::new("A", a))
///     .debt(Debt::new("B", b));
/// let result = plan.run(PlanStrategy::LeastCost)?;
/// assert_eq!(result.months.len(), 3);
/// assert!(result.months.iter().all(|m| m.paid <= m.budget));          // never over budget
/// assert_eq!(result.cost, result.total_paid.checked_add(result.still_owed)?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    as_of: NaiveDate,
    budget: MonthlyBudget,
    payment_day: u32,
    months: u32,
    #[serde(default)]
    debts: Vec<Debt>,
    #[serde(default = "zero_rate")]
    discount_rate: Rate,
}

fn zero_rate() -> Rate {
    Rate::ZERO
}

impl Plan {
    /// A plan from `as_of`, paying on day `payment_day` of each month for
    /// `months` months, with no loans yet and a zero discount rate.
    ///
    /// ```
    /// # use overdue::{Money, Plan};
    /// # use overdue::plan::MonthlyBudget;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let plan = Plan::new(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(), MonthlyBudget::Constant(Money::new(dec!(2200))?), 10, 6);
    /// assert!(plan.debts().is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(as_of: NaiveDate, budget: MonthlyBudget, payment_day: u32, months: u32) -> Plan {
        Plan {
            as_of,
            budget,
            payment_day,
            months,
            debts: Vec::new(),
            discount_rate: Rate::ZERO,
        }
    }

    /// Adds a loan.
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Plan};
    /// # use overdue::plan::{Debt, MonthlyBudget};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let s = Schedule::equal_installment(Money::new(dec!(3000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 10).unwrap())?;
    /// let plan = Plan::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), MonthlyBudget::Constant(Money::new(dec!(500))?), 10, 3)
    ///     .debt(Debt::new("A", Ledger::new(s, OverduePolicy::new())?));
    /// assert_eq!(plan.debts().len(), 1);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn debt(mut self, debt: Debt) -> Plan {
        self.debts.push(debt);
        self
    }

    /// The annual rate at which the borrower discounts future payments, for
    /// the plan's NPV (default zero).
    ///
    /// ```
    /// # use overdue::{Money, Rate, Plan};
    /// # use overdue::plan::MonthlyBudget;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let plan = Plan::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), MonthlyBudget::Constant(Money::new(dec!(500))?), 10, 3)
    ///     .with_discount_rate(Rate::annual(dec!(0.05))?);
    /// assert_eq!(plan.discount_rate(), Rate::annual(dec!(0.05))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_discount_rate(mut self, rate: Rate) -> Plan {
        self.discount_rate = rate;
        self
    }

    /// The loans.
    ///
    /// ```
    /// # use overdue::{Money, Plan};
    /// # use overdue::plan::MonthlyBudget;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let plan = Plan::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), MonthlyBudget::Constant(Money::new(dec!(500))?), 10, 3);
    /// assert!(plan.debts().is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn debts(&self) -> &[Debt] {
        &self.debts
    }

    /// The discount rate.
    ///
    /// ```
    /// # use overdue::{Money, Plan};
    /// # use overdue::plan::MonthlyBudget;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let plan = Plan::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), MonthlyBudget::Constant(Money::new(dec!(500))?), 10, 3);
    /// assert!(plan.discount_rate().is_zero());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn discount_rate(&self) -> Rate {
        self.discount_rate
    }

    /// The plan's first day.
    ///
    /// ```
    /// # use overdue::{Money, Plan};
    /// # use overdue::plan::MonthlyBudget;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    /// let plan = Plan::new(day, MonthlyBudget::Constant(Money::new(dec!(900))?), 10, 3);
    /// assert_eq!(plan.as_of(), day);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// Runs the plan under one strategy.
    ///
    /// # Errors
    /// [`Error::Invalid`] for no loans, two loans with the same label, a
    /// loan with nothing owed on `as_of`, a payment day outside 1–31, a plan
    /// of 0 or more than [`MAX_PLAN_MONTHS`] months, or a budget by month
    /// shorter than the plan; [`Error::DateOrder`] for a loan disbursed after
    /// `as_of`; any error of the loans' ledgers.
    ///
    /// ```
    /// # use overdue::{Error, Money, Plan};
    /// # use overdue::plan::{MonthlyBudget, PlanStrategy};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let plan = Plan::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), MonthlyBudget::Constant(Money::new(dec!(500))?), 10, 3);
    /// assert!(matches!(plan.run(PlanStrategy::Snowball), Err(Error::Invalid { field: "plan", .. })));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn run(&self, strategy: PlanStrategy) -> Result<PlanResult> {
        self.validate()?;
        book::run(self, strategy)
    }

    /// Every strategy on the same inputs, and the one recommended.
    ///
    /// The recommendation is the least credit damage plan when it costs no
    /// more than 5 % above the least-cost plan, and the least-cost plan
    /// otherwise: a counsellor trades a little money for a cleaner record,
    /// not a lot.
    ///
    /// # Errors
    /// As for [`Plan::run`].
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Plan};
    /// # use overdue::accrual::PenaltyRate;
    /// # use overdue::plan::{Debt, MonthlyBudget, PlanStrategy};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let late = OverduePolicy::new().with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.001))?));
    /// let a = Ledger::new(Schedule::equal_installment(Money::new(dec!(2000))?, Rate::ZERO, 4, d(2026, 7, 5))?, late)?;
    /// let plan = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(Money::new(dec!(600))?), 10, 4).debt(Debt::new("A", a));
    /// let all = plan.compare()?;
    /// assert_eq!(all.plans.len(), 5);
    /// let best = all.recommended()?;
    /// assert!(all.plans.iter().all(|p| best.cost <= p.cost || p.strategy == PlanStrategy::LeastCreditDamage));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn compare(&self) -> Result<PlanComparison> {
        self.validate()?;
        PlanComparison::new(book::run_all(self, &PlanStrategy::ALL)?)
    }

    /// The budget of month `index`.
    fn budget_of(&self, index: usize) -> Result<Money> {
        self.budget.for_month(index).ok_or_else(|| Error::Invalid {
            field: "plan budget",
            reason: format!("the budget by month has no amount for month {}", index + 1),
        })
    }

    fn validate(&self) -> Result<()> {
        let invalid = |reason: String| Err(Error::Invalid { field: "plan", reason });
        if self.debts.is_empty() {
            return invalid("a plan needs at least one loan".into());
        }
        if !(1..=31).contains(&self.payment_day) {
            return invalid(format!(
                "payment day {} is not a day of the month (1–31)",
                self.payment_day
            ));
        }
        if !(1..=MAX_PLAN_MONTHS).contains(&self.months) {
            return invalid(format!(
                "a plan runs 1 to {MAX_PLAN_MONTHS} months, not {}",
                self.months
            ));
        }
        for (i, d) in self.debts.iter().enumerate() {
            if self.debts.iter().take(i).any(|e| e.label == d.label) {
                return invalid(format!("two loans are labelled {:?}", d.label));
            }
        }
        for index in 0..self.months {
            self.budget_of(usize::try_from(index).unwrap_or(usize::MAX))?;
        }
        // every date a plan gives lies within years 0001 to 9999
        let horizon = self
            .as_of
            .checked_add_months(chrono::Months::new(self.months.saturating_add(1)))
            .filter(|&end| end <= crate::dates::LAST);
        if horizon.is_none() {
            return Err(Error::DateOutOfRange {
                operation: "the plan's last month (after 9999-12-31)",
            });
        }
        Ok(())
    }
}
