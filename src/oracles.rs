//! The crate's own cross-checks for its test suite: each reads a loan two
//! ways (the fast path a replay takes, and a statement per point) so that a
//! property test can compare them. Behind the `test-oracles` feature; not
//! part of the API.

use crate::accrual::{Ledger, Payment, Statement};
use crate::error::{Error, Result};
use crate::money::Money;

/// For the tests: (days past due, charged off, paid off) at a point.
pub type Standing = (u32, bool, bool);

/// For the tests: the days past due, charge-off and payoff at the start
/// (`false`) or the end (`true`) of each point, read in one pass and,
/// beside them, from a statement per point. The two must agree.
///
/// # Errors
/// As [`Ledger::statement`](crate::Ledger::statement).
pub fn standings_both_ways(
    ledger: &Ledger,
    points: &[(chrono::NaiveDate, bool)],
) -> Result<(Vec<Standing>, Vec<Standing>)> {
    use crate::accrual::Through;
    let points: Vec<_> = points
        .iter()
        .map(|&(d, end)| (d, if end { Through::EndOf } else { Through::StartOf }))
        .collect();
    let flat = |s: &crate::accrual::Standing| (s.days_past_due, s.charged_off, s.paid_off);
    let fast = ledger.standings(&points)?;
    let mut slow = Vec::new();
    for &(d, through) in &points {
        // one point at a time: never out of order, so each is read from its own pass
        let (_, st) = ledger.standings_then(&[], (d, through))?;
        slow.push(flat(&crate::accrual::Standing::of(&st)));
    }
    Ok((fast.iter().map(flat).collect(), slow))
}

/// For the tests: the statements on each of `dates` (ascending) read
/// from one replay (a copy of the book closed at each, the book brought
/// past each date's last natural stop first) and, beside them, one
/// statement per date. The two must agree.
///
/// # Errors
/// As [`Ledger::statement`](crate::Ledger::statement).
pub fn statements_both_ways(ledger: &Ledger, dates: &[chrono::NaiveDate]) -> Result<(Vec<Statement>, Vec<Statement>)> {
    let fast = ledger.statements_on(dates)?;
    let slow = dates.iter().map(|d| ledger.statement(*d)).collect::<Result<Vec<_>>>()?;
    Ok((fast, slow))
}

/// For the tests: the journal as [`Ledger::journal`](crate::Ledger::journal)
/// books it (the statement read only on the days it may change) and,
/// beside it, with the statement read on every day. The two must agree.
///
/// # Errors
/// As [`Ledger::journal`](crate::Ledger::journal).
pub fn journals_both_ways(
    ledger: &Ledger,
    policy: &crate::books::BookingPolicy,
    through: chrono::NaiveDate,
) -> Result<(crate::books::Journal, crate::books::Journal)> {
    use crate::books::Reading;
    Ok((
        ledger.journal_reading(policy, through, Reading::WhenChanged)?,
        ledger.journal_reading(policy, through, Reading::EveryDay)?,
    ))
}

/// For the tests: a plan's way of reading a loan, beside the ledger's.
/// `steps` (in date order, all on or after `from`) either pay an amount
/// (`Some`) or read the loan on their date (`None`). Each reading gives,
/// from a tape of the ledger opened at `from` (as a plan reads its
/// loans), passed to each reading, the days past due and
/// payoff, the days past due read in passing, and what is owed on each
/// installment due within 45 days with the credit balance and payoff;
/// the other side gives the same from the ledger's statement with the
/// payments so far. The two must agree, and a
/// payment one side refuses the other refuses too (the readings stop there).
///
/// # Errors
/// As [`Ledger::statement`](crate::Ledger::statement).
pub fn tape_both_ways(
    ledger: &Ledger,
    from: chrono::NaiveDate,
    steps: &[(chrono::NaiveDate, Option<Money>)],
) -> Result<(Vec<TapeReading>, Vec<TapeReading>)> {
    let reading = |standing: (u32, Money), passing: u32, dues: crate::accrual::Dues| TapeReading {
        standing,
        passing,
        dues: (dues.owed, dues.credit, dues.payoff),
    };
    let mut tape = ledger.tape(from)?;
    let mut whole = ledger.clone();
    let (mut fast, mut slow) = (Vec::new(), Vec::new());
    for (i, &(date, amount)) in steps.iter().enumerate() {
        match amount {
            Some(amount) => {
                let payment = Payment::new(format!("tape {i}"), date, amount)?;
                match (tape.pay(payment.clone()), whole.pay(payment)) {
                    (Ok(()), Ok(())) => {}
                    (Err(_), Err(_)) => break,
                    (a, b) => {
                        return Err(Error::Invalid {
                            field: "tape",
                            reason: format!("the tape said {a:?}, the ledger {b:?}"),
                        })
                    }
                }
            }
            None => {
                let through = date.checked_add_days(chrono::Days::new(45)).unwrap_or(date);
                let standing = tape.standing(date)?;
                let dues = tape.dues(date, through)?;
                fast.push(reading(standing, tape.days_past_due(date)?, dues));
                let st = whole.statement(date)?;
                let dues = crate::accrual::Dues::of(&st, through)?;
                slow.push(reading((st.days_past_due, st.payoff), st.days_past_due, dues));
            }
        }
    }
    Ok((fast, slow))
}

/// For the tests: one reading of [`tape_both_ways`].
#[derive(Debug, PartialEq)]
#[non_exhaustive]
pub struct TapeReading {
    /// The days past due and payoff.
    pub standing: (u32, Money),
    /// The days past due read in passing.
    pub passing: u32,
    /// What is owed on each installment due within 45 days (by due
    /// date), the credit balance and the payoff, read without a statement.
    pub dues: (Vec<(chrono::NaiveDate, Money)>, Money, Money),
}
