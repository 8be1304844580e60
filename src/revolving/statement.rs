//! What a credit line owes on a date, line by line and draw by draw.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::accrual::{Ledger, Statement};
use crate::components::Components;
use crate::money::Money;

/// A credit line on a date: the figures a borrower's bill and a lender's
/// report read, and each draw's own statement.
///
/// ```
/// use overdue::revolving::{CreditLine, Draw};
/// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
/// use overdue::dec;
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let line = CreditLine::new(Money::new(dec!(10000))?, 10, OverduePolicy::new())?
///     .with_draw(Draw::new("d1", d(1, 5), Money::new(dec!(3000))?, Terms::new(Rate::daily(dec!(0.0005))?, 3)));
/// let st = line.statement(d(3, 20))?;          // the first installment (due 10 February) unpaid
/// assert_eq!((st.days_past_due, st.frozen), (38, true));
/// assert_eq!(st.available, Money::new(dec!(7000.00))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct LineStatement {
    /// What kind of account this is: a credit line (the default when
    /// absent) or a loan paid out in tranches.
    #[serde(default)]
    pub kind: LineKind,
    /// The statement date (events on it included).
    #[serde(serialize_with = "crate::dates::serialize")]
    pub as_of: NaiveDate,
    /// The line's limit; a tranche loan's approved amount.
    pub limit: Money,
    /// What may still be drawn: the limit less the principal outstanding (not
    /// below zero); on a tranche loan, what is approved and not yet paid out.
    pub available: Money,
    /// Whether a draw would be refused today: a draw is at least the line's
    /// freeze days past due.
    pub frozen: bool,
    /// Days past due of the line: the most of any draw (from the oldest
    /// unpaid due date on the line), as a lender reports the line.
    pub days_past_due: u32,
    /// The delinquency bucket for `days_past_due`.
    pub bucket: String,
    /// Everything owed on every draw, by component.
    pub outstanding: Components,
    /// What settles the whole line today: the sum of the draws' payoffs.
    pub payoff: Money,
    /// The next due date on or after the statement date, if any draw has one.
    #[serde(serialize_with = "crate::dates::option::serialize")]
    pub next_due_date: Option<NaiveDate>,
    /// The bill: what must be paid by `next_due_date` to be current on every
    /// draw (what has fallen due and is unpaid, and the installments due
    /// then, with their interest as scheduled).
    pub bill: Money,
    /// Each draw's statement, in the order drawn.
    pub draws: Vec<DrawStatement>,
    /// How each payment was shared among the draws, in date order.
    pub allocations: Vec<LineAllocation>,
    /// The reversals dated on or before the statement date: their payments
    /// are left out of the history (and of `allocations`).
    #[serde(default)]
    pub reversals: Vec<crate::accrual::Reversal>,
}

/// The account a [`LineStatement`] is of.
///
/// ```
/// use overdue::revolving::LineKind;
/// assert_eq!(serde_json::to_string(&LineKind::TrancheLoan)?, r#""tranche_loan""#);
/// assert_eq!(LineKind::default(), LineKind::CreditLine);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LineKind {
    /// A credit line ([`CreditLine`](super::CreditLine)): each draw a loan of
    /// its own, repaid principal available again.
    #[default]
    CreditLine,
    /// A loan paid out in tranches ([`TrancheLoan`](super::TrancheLoan)):
    /// each tranche a draw, the approved amount paid out once.
    TrancheLoan,
}

/// One draw's statement on the line's statement date.
///
/// ```
/// # use overdue::revolving::{CreditLine, Draw};
/// # use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
/// # let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// # let line = CreditLine::new(Money::ONE, 10, OverduePolicy::new())?
/// #     .with_draw(Draw::new("d1", d(1, 5), Money::ONE, Terms::new(Rate::ZERO, 1)));
/// let draw = &line.statement(d(1, 6))?.draws[0];
/// assert_eq!((draw.id.as_str(), draw.drawn_on), ("d1", d(1, 5)));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct DrawStatement {
    /// The draw's id.
    pub id: String,
    /// The day it was drawn.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub drawn_on: NaiveDate,
    /// Its statement, as a loan of its own.
    pub statement: Statement,
}

/// One draw as a loan of its own: its id, the day it was drawn, and its
/// [`Ledger`] (its schedule and the payments the line gave it), from
/// [`CreditLine::ledgers`](super::CreditLine::ledgers) or
/// [`TrancheLoan::ledgers`](super::TrancheLoan::ledgers).
///
/// ```
/// # use overdue::revolving::{CreditLine, Draw};
/// # use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
/// # let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// # let line = CreditLine::new(Money::ONE, 10, OverduePolicy::new())?
/// #     .with_draw(Draw::new("d1", d(1, 5), Money::ONE, Terms::new(Rate::ZERO, 1)));
/// let book = &line.ledgers(d(1, 6))?[0];
/// assert_eq!((book.id.as_str(), book.drawn_on), ("d1", d(1, 5)));
/// assert_eq!(book.ledger.schedule().installments().len(), 1);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DrawLedger {
    /// The draw's id.
    pub id: String,
    /// The day it was drawn.
    pub drawn_on: NaiveDate,
    /// Its ledger.
    pub ledger: Ledger,
}

/// The part of a line payment that went to one draw.
///
/// ```
/// # use overdue::revolving::{CreditLine, Draw};
/// # use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
/// # let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// # let line = CreditLine::new(Money::ONE, 10, OverduePolicy::new())?
/// #     .with_draw(Draw::new("d1", d(1, 5), Money::ONE, Terms::new(Rate::ZERO, 1)))
/// #     .with_payment(Payment::new("p1", d(1, 20), Money::ONE)?);
/// let a = &line.statement(d(2, 1))?.allocations[0];
/// assert_eq!((a.payment_id.as_str(), a.draw_id.as_str(), a.amount), ("p1", "d1", Money::ONE));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct LineAllocation {
    /// The line payment's id.
    pub payment_id: String,
    /// The day it was received.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub date: NaiveDate,
    /// The draw it went to.
    pub draw_id: String,
    /// How much went to that draw.
    pub amount: Money,
}
