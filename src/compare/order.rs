//! How a comparison orders its options: by what key, affordable first or
//! not, and the months that break the budget.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::Money;

/// What the ranking orders by (ascending). The default is [`RankBy::Npv`].
///
/// ```
/// assert_eq!(overdue::compare::RankBy::default(), overdue::compare::RankBy::Npv);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RankBy {
    /// The present value of the payments at the borrower's discount rate.
    /// The default.
    #[default]
    Npv,
    /// The total paid.
    TotalPaid,
    /// The largest amount paid in one calendar month.
    PeakMonthlyPayment,
}

impl fmt::Display for RankBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RankBy::Npv => "NPV",
            RankBy::TotalPaid => "total paid",
            RankBy::PeakMonthlyPayment => "peak monthly payment",
        })
    }
}

/// How the options are ordered.
///
/// The default is [`Order::AffordableFirst`].
///
/// ```
/// assert_eq!(overdue::compare::Order::default(), overdue::compare::Order::AffordableFirst);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Order {
    /// Options that fit the budget in every month and break no legal cap or limit
    /// rank before those that do not; within each group, by the ranking key
    /// (the default: what a credit counsellor would propose first is
    /// something the borrower can pay).
    #[default]
    AffordableFirst,
    /// By the ranking key alone, whatever the budget.
    MoneyOnly,
}

/// A calendar month whose payments are above the budget.
///
/// ```
/// use overdue::compare::MonthOverBudget;
/// let json = r#"{"month": "2026-05-01", "paid": "9921.50", "over_by": "8121.50"}"#;
/// let m: MonthOverBudget = serde_json::from_str(json).unwrap();
/// assert_eq!(m.over_by.to_string(), "8121.50");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MonthOverBudget {
    /// The month (its first day).
    #[serde(serialize_with = "crate::dates::serialize")]
    pub month: NaiveDate,
    /// What the option pays in it.
    pub paid: Money,
    /// How much that is above the budget.
    pub over_by: Money,
}
