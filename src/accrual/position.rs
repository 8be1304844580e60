//! A statement's headline figures alone: what a portfolio run reads from
//! every loan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::accrual::statement::LoanStatus;
use crate::components::Components;
use crate::money::Money;

/// Where a loan stands on a date, in the figures a portfolio run reads:
/// exactly those of [`Ledger::statement`](crate::Ledger::statement) on the
/// same date, without the installments, allocations and records a
/// statement lists (see [`Ledger::position`](crate::Ledger::position)).
///
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let s = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 1, 15))?;
/// let ledger = Ledger::new(s, OverduePolicy::new())?;
/// let position = ledger.position(d(2026, 2, 25))?;
/// assert_eq!(position.days_past_due, 10);
/// assert_eq!(position.payoff.to_string(), "1200.00");
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// The date: events on it are included, and accrual counts the days before it.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub as_of: NaiveDate,
    /// [`Statement::days_past_due`](crate::accrual::Statement::days_past_due).
    pub days_past_due: u32,
    /// [`Statement::bucket`](crate::accrual::Statement::bucket).
    pub bucket: String,
    /// [`Statement::status`](crate::accrual::Statement::status).
    pub status: LoanStatus,
    /// [`Statement::charged_off_on`](crate::accrual::Statement::charged_off_on).
    #[serde(serialize_with = "crate::dates::option::serialize")]
    pub charged_off_on: Option<NaiveDate>,
    /// [`Statement::outstanding`](crate::accrual::Statement::outstanding).
    pub outstanding: Components,
    /// [`Statement::upcoming`](crate::accrual::Statement::upcoming).
    pub upcoming: Components,
    /// [`Statement::credit_balance`](crate::accrual::Statement::credit_balance).
    pub credit_balance: Money,
    /// [`Statement::payoff`](crate::accrual::Statement::payoff).
    pub payoff: Money,
}
