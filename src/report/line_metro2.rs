//! The Metro 2 fields of a credit line: the line's, as a line of credit
//! (portfolio type `C`), and each draw's, as a loan of its own.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Metro2Record, Metro2Status};
use crate::error::{Error, Result};
use crate::money::Money;
use crate::revolving::{CreditLine, DrawLedger};

/// One draw's Metro 2 fields, as a loan of its own.
///
/// ```
/// # use overdue::revolving::{CreditLine, Draw};
/// # use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
/// # let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// # let thousand = Money::new(overdue::dec!(1000))?;
/// # let line = CreditLine::new(thousand, 10, OverduePolicy::new())?
/// #     .with_draw(Draw::new("d1", d(1, 5), thousand, Terms::new(Rate::ZERO, 3)));
/// let draw = &line.metro2(d(3, 31))?.draws[0];
/// assert_eq!((draw.id.as_str(), draw.record.account_status.code()), ("d1", "71")); // 49 days
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DrawMetro2 {
    /// The draw's id.
    pub id: String,
    /// Its fields, as [`Ledger::metro2`](crate::Ledger::metro2) gives them
    /// for the draw's own ledger.
    pub record: Metro2Record,
}

/// A credit line's Metro 2 Base Segment fields, as a lender reports a
/// line of credit (the CDIA's guidelines for credit line accounts: portfolio
/// type `C`, account type `15`, the assigned credit limit, the highest
/// credit utilized, terms duration `LOC`), and each draw's.
///
/// The line's own fields, from its draws':
/// - `account_status` (17A): the worst of the draws' (`11` up to `84`,
///   then `64`, then `97`), a draw paid off counting as current: the line
///   stays open, so it is never `13` (closing it is the lender's act).
/// - `payment_history_profile` (18): month by month the worst of the
///   draws' characters (`B` before anything was drawn, then `D`, `0`, `1`
///   to `6`, `L`).
/// - `amount_past_due` (22) and `current_balance` (21): the draws' summed.
/// - no payment rating (the line is never `13`) and no special comment.
///
/// ```
/// use overdue::revolving::{CreditLine, Draw};
/// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
/// use overdue::dec;
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let terms = Terms::new(Rate::ZERO, 2);
/// let line = CreditLine::new(Money::new(dec!(5000))?, 10, OverduePolicy::new())?
///     .with_draw(Draw::new("a", d(1, 5), Money::new(dec!(1000))?, terms))     // due 10 Feb, 10 Mar
///     .with_draw(Draw::new("b", d(2, 1), Money::new(dec!(1000))?, terms))     // due 10 Mar, 10 Apr
///     .with_payment(Payment::new("feb", d(2, 10), Money::new(dec!(500))?)?)
///     .with_payment(Payment::new("mar", d(3, 10), Money::new(dec!(500))?)?);
/// let m = line.metro2(d(4, 30))?;
/// assert_eq!((m.portfolio_type, m.account_type.as_str()), ('C', "15"));
/// assert_eq!(m.highest_credit, Money::new(dec!(2000))?);  // on 1 February: all of a and of b
/// assert_eq!(m.draws[0].record.account_status.code(), "13"); // a: paid
/// assert_eq!(m.line.account_status.code(), "71");            // b: 51 days unpaid at the end of 30 April
/// assert_eq!(m.line.current_balance, Money::new(dec!(1000))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LineMetro2 {
    /// Portfolio Type (8): `C`, a line of credit.
    pub portfolio_type: char,
    /// Account Type (9): `15`, check credit or line of credit.
    pub account_type: String,
    /// Credit Limit (11): the line's limit.
    pub credit_limit: Money,
    /// Highest Credit (12): the most principal owed on the line at once,
    /// right after a draw (draws come before payments on their day).
    pub highest_credit: Money,
    /// Terms Duration (13): `LOC`.
    pub terms_duration: String,
    /// Scheduled Monthly Payment Amount (15): the draws' installments due
    /// in the reporting month, as scheduled (principal, interest and
    /// scheduled fees; none past due).
    pub scheduled_monthly_payment: Money,
    /// The line's own fields (17A, 18, 21, 22 from the draws').
    pub line: Metro2Record,
    /// Each draw's fields, in the order drawn.
    pub draws: Vec<DrawMetro2>,
}

impl CreditLine {
    /// The line's Metro 2 fields with `as_of` as the Date of Account
    /// Information ([`LineMetro2`]): the line's and each draw's.
    ///
    /// # Errors
    /// As [`CreditLine::statement`]; as each draw's
    /// [`Ledger::metro2`](crate::Ledger::metro2).
    ///
    /// ```
    /// use overdue::revolving::{CreditLine, Draw};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let thousand = Money::new(overdue::dec!(1000))?;
    /// let line = CreditLine::new(thousand, 10, OverduePolicy::new())?
    ///     .with_draw(Draw::new("d1", d(1, 5), thousand, Terms::new(Rate::ZERO, 4)));
    /// // nothing paid: February's installment is 49 days past due at the end of 31 March
    /// let m = line.metro2(d(3, 31))?;
    /// assert_eq!((m.line.account_status.code(), m.line.payment_history_profile.get(..2)), ("71", Some("00")));
    /// assert_eq!(m.scheduled_monthly_payment, Money::new(overdue::dec!(250))?); // due 10 March
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn metro2(&self, as_of: NaiveDate) -> Result<LineMetro2> {
        let books = self.ledgers(as_of)?;
        let draws = books
            .iter()
            .map(|book| {
                Ok(DrawMetro2 {
                    id: book.id.clone(),
                    record: book.ledger.metro2(as_of)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(LineMetro2 {
            portfolio_type: 'C',
            account_type: "15".to_owned(),
            credit_limit: self.limit(),
            highest_credit: highest_credit(&books)?,
            terms_duration: "LOC".to_owned(),
            scheduled_monthly_payment: scheduled_in_month(&books, as_of)?,
            line: line_record(&draws, as_of)?,
            draws,
        })
    }
}

/// How bad a status is, for the line's worst: a paid draw counts as current.
fn status_severity(s: Metro2Status) -> u32 {
    match s {
        Metro2Status::Current | Metro2Status::Paid => 0,
        Metro2Status::Late30 => 1,
        Metro2Status::Late60 => 2,
        Metro2Status::Late90 => 3,
        Metro2Status::Late120 => 4,
        Metro2Status::Late150 => 5,
        Metro2Status::Late180 => 6,
        Metro2Status::PaidAfterChargeOff => 7,
        Metro2Status::ChargedOff => 8,
    }
}

/// How bad a Payment History Profile character is: `B` (no history) least.
fn profile_severity(c: char) -> u32 {
    match c {
        'B' => 0,
        'D' => 1,
        'L' => 9,
        c => c.to_digit(10).map_or(0, |d| d + 2),
    }
}

/// The line's own fields from its draws'.
fn line_record(draws: &[DrawMetro2], as_of: NaiveDate) -> Result<Metro2Record> {
    let status = draws
        .iter()
        .map(|d| d.record.account_status)
        .max_by_key(|s| status_severity(*s))
        .map_or(Metro2Status::Current, |s| match s {
            Metro2Status::Paid => Metro2Status::Current,
            s => s,
        });
    let profile = (0..24)
        .map(|k| {
            draws
                .iter()
                .filter_map(|d| d.record.payment_history_profile.chars().nth(k))
                .max_by_key(|c| profile_severity(*c))
                .unwrap_or('B')
        })
        .collect();
    Ok(Metro2Record {
        date: as_of,
        account_status: status,
        payment_rating: None,
        payment_history_profile: profile,
        amount_past_due: Money::sum(draws.iter().map(|d| d.record.amount_past_due))?,
        current_balance: Money::sum(draws.iter().map(|d| d.record.current_balance))?,
        special_comment: None,
    })
}

/// The most principal owed at once: right after each day's draws (before
/// that day's payments), the draws made before it as they stood at the end
/// of the day before, and that day's draws in full.
fn highest_credit(books: &[DrawLedger]) -> Result<Money> {
    let mut highest = Money::ZERO;
    for day in books.iter().map(|b| b.drawn_on) {
        let before = day.pred_opt().ok_or(Error::DateOutOfRange {
            operation: "the day before a draw",
        })?;
        let mut owed = Money::ZERO;
        for book in books.iter().filter(|b| b.drawn_on <= day) {
            let principal = if book.drawn_on == day {
                book.ledger.schedule().principal()
            } else {
                book.ledger.statement(before)?.outstanding.principal
            };
            owed = owed.checked_add(principal)?;
        }
        highest = highest.max(owed);
    }
    Ok(highest)
}

/// The draws' installments due in `as_of`'s month, as scheduled.
fn scheduled_in_month(books: &[DrawLedger], as_of: NaiveDate) -> Result<Money> {
    let same_month = |d: NaiveDate| d.year() == as_of.year() && d.month() == as_of.month();
    Money::sum(books.iter().flat_map(|b| {
        b.ledger
            .schedule()
            .installments()
            .iter()
            .filter(|i| same_month(i.due_date))
            .map(|i| i.payment)
            .collect::<Vec<_>>()
    }))
}
