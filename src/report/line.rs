//! The PBOC repayment records of a credit line: the line's, as a lender
//! reports the line, and each draw's, for a platform that reports draws as
//! loans of their own.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::pboc::{month_start, months_between, overdue_digit};
use super::{PbocMonth, PbocRecord};
use crate::error::{Error, Result};
use crate::money::Money;
use crate::revolving::{CreditLine, DrawLedger, TrancheLoan};

/// One draw's own repayment record.
///
/// ```
/// # use overdue::revolving::{CreditLine, Draw};
/// # use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
/// # let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// # let thousand = Money::new(overdue::dec!(1000))?;
/// # let line = CreditLine::new(thousand, 10, OverduePolicy::new())?
/// #     .with_draw(Draw::new("d1", d(1, 5), thousand, Terms::new(Rate::ZERO, 3)));
/// let draw = &line.pboc_records(d(3, 31))?.draws[0];
/// assert_eq!((draw.id.as_str(), draw.record.history.as_str()), ("d1", "*11"));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DrawRecord {
    /// The draw's id.
    pub id: String,
    /// Its record, as a loan of its own.
    pub record: PbocRecord,
}

/// A credit line's (or a tranche loan's) PBOC repayment records.
///
/// - **`line`**: the account as a lender reports a line, the default. Each
///   month takes the worst status of the draws open in it (`B` charged off,
///   then `7` down to `1`, then `N`), its days past due the most of any
///   draw's and its reporting date that draw's; a draw settled that month
///   counts as what it was on its reporting date (past due, or `N` if an
///   installment fell due); a month with nothing due on any draw is `*`.
///   The line stays open when its draws are repaid, so it is never `C`
///   (closing the line is the lender's act, not a repayment). The amount and number of
///   installments overdue are the draws' summed, the special transactions
///   all of theirs in date order.
/// - **`draws`**: each draw's record as a loan of its own
///   ([`Ledger::pboc_record`](crate::Ledger::pboc_record)), for a platform
///   that reports each draw separately.
///
/// ```
/// use overdue::revolving::{CreditLine, Draw};
/// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
/// use overdue::dec;
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let terms = Terms::new(Rate::ZERO, 2);
/// let line = CreditLine::new(Money::new(dec!(5000))?, 10, OverduePolicy::new())?
///     .with_draw(Draw::new("a", d(1, 5), Money::new(dec!(1000))?, terms))     // due 10 Feb and 10 Mar
///     .with_draw(Draw::new("b", d(2, 1), Money::new(dec!(1000))?, terms))     // due 10 Mar and 10 Apr
///     .with_payment(Payment::new("feb", d(2, 10), Money::new(dec!(500))?)?)
///     .with_payment(Payment::new("mar", d(3, 10), Money::new(dec!(500))?)?);
/// let records = line.pboc_records(d(4, 30))?;
/// assert_eq!(records.draws[0].record.history, "*NC");   // a: paid, settled in March
/// assert_eq!(records.draws[1].record.history, "*12");   // b: nothing of it paid
/// assert_eq!(records.line.history, "*N12");             // the line: the worst each month
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LineRecords {
    /// The line's record.
    pub line: PbocRecord,
    /// Each draw's record, in the order drawn.
    pub draws: Vec<DrawRecord>,
}

impl LineRecords {
    /// The records of the draws `books` (from
    /// [`CreditLine::ledgers`] or [`TrancheLoan::ledgers`]) for the months
    /// ending with `as_of`'s.
    ///
    /// # Errors
    /// The errors of each draw's [`Ledger::pboc_record`](crate::Ledger::pboc_record).
    ///
    /// ```
    /// use overdue::report::LineRecords;
    /// use overdue::NaiveDate;
    /// let nothing_drawn = LineRecords::of(&[], NaiveDate::from_ymd_opt(2026, 3, 31).unwrap())?;
    /// assert_eq!(nothing_drawn.line.history, "");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn of(books: &[DrawLedger], as_of: NaiveDate) -> Result<LineRecords> {
        let draws = books
            .iter()
            .map(|book| {
                Ok(DrawRecord {
                    id: book.id.clone(),
                    record: book.ledger.pboc_record(as_of)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let line = line_record(&draws, as_of)?;
        Ok(LineRecords { line, draws })
    }
}

impl CreditLine {
    /// The line's PBOC repayment records on `as_of`: the line's own and each
    /// draw's ([`LineRecords`]).
    ///
    /// # Errors
    /// As [`CreditLine::statement`].
    ///
    /// ```
    /// use overdue::revolving::{CreditLine, Draw};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let thousand = Money::new(overdue::dec!(1000))?;
    /// let line = CreditLine::new(thousand, 10, OverduePolicy::new())?
    ///     .with_draw(Draw::new("d1", d(1, 5), thousand, Terms::new(Rate::ZERO, 3)));
    /// // nothing paid: 1 day past due at the end of 10 February, 29 at the end of 10 March
    /// assert_eq!(line.pboc_records(d(3, 31))?.line.history, "*11");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn pboc_records(&self, as_of: NaiveDate) -> Result<LineRecords> {
        LineRecords::of(&self.ledgers(as_of)?, as_of)
    }
}

impl TrancheLoan {
    /// The contract's PBOC repayment records on `as_of`: the contract's own,
    /// month by month the worst of its tranches', and each tranche's
    /// ([`LineRecords`]).
    ///
    /// # Errors
    /// As [`TrancheLoan::statement`].
    ///
    /// ```
    /// use overdue::revolving::{Tranche, TrancheLoan};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(d(2, 15));
    /// let thousand = Money::new(overdue::dec!(1000))?;
    /// let loan = TrancheLoan::new(thousand, terms, OverduePolicy::new())?
    ///     .with_tranche(Tranche::new("t1", d(1, 15), thousand));
    /// assert_eq!(loan.pboc_records(d(2, 28))?.line.history, "*1");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn pboc_records(&self, as_of: NaiveDate) -> Result<LineRecords> {
        LineRecords::of(&self.ledgers(as_of)?, as_of)
    }
}

/// How bad a month's status is: `*` and `C` (nothing due, or settled) least,
/// then `N`, `1` to `7`, and `B` (charged off) worst.
fn severity(status: char) -> u32 {
    match status {
        'N' => 1,
        'B' => 9,
        c => c.to_digit(10).map_or(0, |d| d + 1),
    }
}

/// A draw's month as the open line sees it: a draw settled that month (`C`)
/// counts as what it was at its reporting date (past due, `N` when an
/// installment fell due, which a due day of 1 to 28 tells from the month's
/// end, else `*`), since the line itself is not settled.
fn open_status(month: &PbocMonth, month_end: NaiveDate) -> char {
    match month.status {
        'C' if month.days_past_due > 0 => overdue_digit(month.days_past_due),
        'C' if month.reporting_date != month_end => 'N',
        'C' => '*',
        status => status,
    }
}

/// The line's record from its draws': month by month, the worst.
fn line_record(draws: &[DrawRecord], as_of: NaiveDate) -> Result<PbocRecord> {
    let mut by_month: BTreeMap<&str, Vec<&PbocMonth>> = BTreeMap::new();
    for month in draws.iter().flat_map(|d| &d.record.months) {
        by_month.entry(month.month.as_str()).or_default().push(month);
    }
    let bad_date = || Error::DateOutOfRange {
        operation: "a month of the repayment record",
    };
    let mut months = Vec::new();
    let first = draws
        .iter()
        .filter_map(|d| d.record.months.first())
        .map(|m| m.month.as_str())
        .min()
        .and_then(|m| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok());
    if let Some(first) = first {
        let (starts, ends) = months_between(first, month_start(as_of).ok_or_else(bad_date)?)?;
        for (start, end) in starts.into_iter().zip(ends) {
            let key = format!("{:04}-{:02}", start.year(), start.month());
            let open = by_month.get(key.as_str()).map(Vec::as_slice).unwrap_or_default();
            let worst = open
                .iter()
                .map(|m| (open_status(m, end), m))
                .filter(|(status, _)| severity(*status) > 0)
                .max_by_key(|(status, m)| (severity(*status), std::cmp::Reverse(m.reporting_date)));
            months.push(match worst {
                Some((status, m)) => PbocMonth {
                    month: key,
                    reporting_date: m.reporting_date,
                    status,
                    days_past_due: open.iter().map(|m| m.days_past_due).max().unwrap_or(0),
                },
                None => PbocMonth {
                    month: key,
                    reporting_date: end,
                    status: '*',
                    days_past_due: 0,
                },
            });
        }
    }
    let mut special_transactions: Vec<_> = draws
        .iter()
        .flat_map(|d| d.record.special_transactions.iter().cloned())
        .collect();
    special_transactions.sort_by_key(|t| t.date);
    Ok(PbocRecord {
        history: months.iter().map(|m| m.status).collect(),
        highest_months_overdue: months.iter().map(|m| m.days_past_due.div_ceil(30)).max().unwrap_or(0),
        months,
        amount_overdue: Money::sum(draws.iter().map(|d| d.record.amount_overdue))?,
        installments_overdue: draws.iter().map(|d| d.record.installments_overdue).sum(),
        special_transactions,
    })
}
