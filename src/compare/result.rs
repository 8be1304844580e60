//! What a comparison gives: each option worked out, ranked.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::order::{MonthOverBudget, Order, RankBy};
use super::way_out::WayOut;
use crate::accrual::{Statement, Timeline};
use crate::cost::CashFlow;
use crate::limits::Warning;
use crate::money::Money;

/// What an option does to the borrower's credit record.
///
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Comparison, Choice, WayOut, Budget};
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
/// let r = Comparison::new(ledger, d(2026, 3, 13), Budget::new(Money::new(dec!(500))?, Money::ZERO), Rate::ZERO)
///     .option(Choice::new("now", WayOut::PayNow)).run()?;
/// let credit = &r.options[0].credit;                     // the first installment was due 02-01
/// assert_eq!((credit.highest_days_past_due, credit.bucket.as_str()), (40, "M2"));
/// assert_eq!(credit.negative_record_until, d(2031, 3, 13)); // five years after settling today
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct CreditImpact {
    /// The most days past due the loan reaches on this path (a restructure
    /// or deferral paid on time adds none).
    pub highest_days_past_due: u32,
    /// The bucket of that.
    pub bucket: String,
    /// The day the overdue debt is settled (a refinance settles it today; a
    /// restructure when its last installment is paid).
    #[serde(serialize_with = "crate::dates::serialize")]
    pub settled_on: NaiveDate,
    /// The day the delinquency ends: cured (a restructure that leaves
    /// nothing past due ends it on its date) or settled.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub delinquency_ends: NaiveDate,
    /// How long the negative record may be kept: five years (by default)
    /// from the day the delinquency ends (征信业管理条例, art. 16).
    #[serde(serialize_with = "crate::dates::serialize")]
    pub negative_record_until: NaiveDate,
}

/// One option, worked out.
///
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Comparison, Choice, WayOut, Budget};
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
/// let r = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::new(dec!(500))?, Money::ZERO), Rate::ZERO)
///     .option(Choice::new("now", WayOut::PayNow)).run()?;
/// let now = &r.options[0];
/// assert_eq!(now.total_paid, r.payoff);
/// assert_eq!(now.cost, dec!(0));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct OptionResult {
    /// Its label.
    pub label: String,
    /// The way out.
    pub way: WayOut,
    /// What the borrower pays, when (borrower's view: paid is negative).
    pub cash_flows: Vec<CashFlow>,
    /// The total paid.
    pub total_paid: Money,
    /// Total paid − today's payoff (signed).
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub cost: Decimal,
    /// The present value of the payments at the borrower's discount rate
    /// (ACT/365F from the comparison date).
    pub npv: Money,
    /// The effective annual rate (XIRR) of the payments against today's
    /// payoff, to 10 places; none when there is no rate (everything paid
    /// today).
    #[serde(with = "crate::serde_str::option")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::optional_decimal"))]
    pub effective_rate: Option<Decimal>,
    /// The same as a nominal annual rate with monthly periods (the Chinese
    /// IRR method's nominal figure).
    #[serde(with = "crate::serde_str::option")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::optional_decimal"))]
    pub apr: Option<Decimal>,
    /// The largest total in one calendar month.
    pub peak_monthly: Money,
    /// The total over the calendar months from the first payment to the last.
    pub average_monthly: Money,
    /// Calendar months whose total is above the budget.
    pub months_over_budget: u32,
    /// Whether the borrower can take it: every month within the budget and
    /// no legal cap broken.
    #[serde(default)]
    pub affordable: bool,
    /// The first calendar month above the budget, if any.
    #[serde(default)]
    pub first_over_budget: Option<MonthOverBudget>,
    /// Warnings.
    pub warnings: Vec<Warning>,
    /// The credit impact.
    pub credit: CreditImpact,
    /// The first day on which staying overdue (then paying everything) costs
    /// more than this option in total; none within ten years.
    #[serde(serialize_with = "crate::dates::option::serialize")]
    pub break_even: Option<NaiveDate>,
    /// The longest stay (in days from the comparison date) that still costs
    /// no more than this option.
    pub longest_delay_days: Option<u32>,
    /// Its rank, 1 = best.
    pub rank: u32,
    /// Why it ranks where it does.
    pub reason: String,
}

/// Every option worked out and ranked. Built by [`Comparison::run`](crate::Comparison::run).
///
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Comparison, Choice, WayOut, Budget};
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
/// let r = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::new(dec!(500))?, Money::ZERO), Rate::ZERO)
///     .option(Choice::new("now", WayOut::PayNow)).run()?;
/// assert_eq!(r.options[0].rank, 1);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct ComparisonResult {
    /// The comparison date.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub as_of: NaiveDate,
    /// Today's payoff amount.
    pub payoff: Money,
    /// What the budget leaves each month.
    pub monthly_budget: Money,
    /// What the ranking ordered by.
    pub rank_by: RankBy,
    /// Whether affordable options ranked first.
    #[serde(default)]
    pub order: Order,
    /// Today's statement.
    pub statement: Statement,
    /// The options, best first.
    pub options: Vec<OptionResult>,
    /// What happens if nothing is paid: the loan left as it is, for
    /// [`UNPAID_TIMELINE_MONTHS`](crate::compare::UNPAID_TIMELINE_MONTHS)
    /// months from the comparison date ([`Ledger::timeline`](crate::Ledger::timeline));
    /// none when it would list more than
    /// [`MAX_TIMELINE_ENTRIES`](crate::accrual::MAX_TIMELINE_ENTRIES)
    /// milestones (a fee charged every day).
    #[serde(default)]
    pub if_unpaid: Option<Timeline>,
}
