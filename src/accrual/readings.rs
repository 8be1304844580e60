//! Reading a ledger at many dates from one replay: payoffs, standings and
//! statements, and the end of a day.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::accrual::engine::{Book, FeeReading, Records, Standing};
use crate::accrual::event::Event;
use crate::accrual::ledger::Ledger;
use crate::accrual::position::Position;
use crate::accrual::statement::Statement;
use crate::error::{Error, Result};
use crate::money::Money;

impl Ledger {
    /// Replays `events` up to `as_of`, leaving out the payments reversed by then.
    pub(super) fn replay<'a>(&'a self, events: &[Event], as_of: NaiveDate) -> Result<Book<'a>> {
        self.replay_keeping(events, as_of, Records::Kept)
    }

    /// [`Ledger::replay`], keeping the records a statement lists or not.
    pub(super) fn replay_keeping<'a>(
        &'a self,
        events: &[Event],
        as_of: NaiveDate,
        records: Records,
    ) -> Result<Book<'a>> {
        let reversed: BTreeSet<String> = events
            .iter()
            .filter_map(|e| match e {
                Event::Reversal(r) if r.date() <= as_of => Some(r.payment_id().to_owned()),
                _ => None,
            })
            .collect();
        let mut book = Book::without(&self.terms, reversed);
        book.keep(records);
        for event in events.iter().take_while(|e| e.date() <= as_of) {
            book.apply(event)?;
        }
        Ok(book)
    }

    /// Refuses a statement date before the disbursement.
    pub(super) fn check_statement_date(&self, as_of: NaiveDate) -> Result<()> {
        let disbursement = self.schedule.disbursement();
        if as_of < disbursement {
            return Err(Error::DateOrder {
                earlier: "disbursement",
                earlier_date: disbursement,
                later: "statement date",
                later_date: as_of,
            });
        }
        Ok(())
    }

    /// Where the loan stands on `as_of`: the headline figures of
    /// [`Ledger::statement`] (days past due, bucket, status, what is owed,
    /// the payoff), exactly as the statement gives them, without listing
    /// its installments, allocations and records. What a portfolio run
    /// reads from each loan, at a fraction of a statement's cost.
    ///
    /// # Errors
    /// As [`Ledger::statement`].
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2, d(2026, 1, 1))?;
    /// let ledger = Ledger::new(s, OverduePolicy::new())?;
    /// let position = ledger.position(d(2026, 3, 1))?;
    /// let statement = ledger.statement(d(2026, 3, 1))?;
    /// assert_eq!(position.days_past_due, statement.days_past_due);
    /// assert_eq!(position.payoff, statement.payoff);
    /// assert_eq!(position.outstanding, statement.outstanding);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn position(&self, as_of: NaiveDate) -> Result<Position> {
        self.check_statement_date(as_of)?;
        self.replay_keeping(&self.events, as_of, Records::Dropped)?
            .position(as_of, self.policy.buckets())
    }

    /// The payoff on `as_of`, exactly as [`Ledger::statement`] gives it,
    /// without building the rest of the statement.
    pub(crate) fn payoff_on(&self, as_of: NaiveDate) -> Result<Money> {
        if as_of < self.schedule.disbursement() {
            return self.statement(as_of).map(|st| st.payoff);
        }
        Ok(self.replay(&self.events, as_of)?.standing(as_of)?.1)
    }

    /// The payoff on each of `dates` (ascending), exactly as
    /// [`Ledger::payoff_on`] gives it, from one replay.
    pub(crate) fn payoffs_on(&self, dates: &[NaiveDate]) -> Result<Vec<Money>> {
        let disbursement = self.schedule.disbursement();
        let split = dates.partition_point(|d| *d < disbursement);
        let (before, after) = dates.split_at(split);
        let mut out = before.iter().map(|d| self.payoff_on(*d)).collect::<Result<Vec<_>>>()?;
        out.extend(self.standings_on(after)?.into_iter().map(|s| s.1));
        Ok(out)
    }

    /// The days past due and payoff on each of `dates` (ascending), exactly
    /// as [`Ledger::statement`] gives them, from one replay and without
    /// building the statements.
    pub(crate) fn standings_on(&self, dates: &[NaiveDate]) -> Result<Vec<(u32, Money)>> {
        self.on_each(
            dates,
            |book, as_of| book.lean().standing(as_of),
            |st| (st.days_past_due, st.payoff),
        )
    }

    /// The statements on each of `dates` (ascending), exactly as
    /// [`Ledger::statement`] gives them, from one replay: the history is
    /// replayed once and a copy of the book is closed at each date. A
    /// ledger with reversals (which change the history by date) is
    /// replayed per date.
    pub(crate) fn statements_on(&self, dates: &[NaiveDate]) -> Result<Vec<Statement>> {
        self.on_each(
            dates,
            |book, as_of| book.clone().statement(as_of, self.policy.buckets()),
            |st| st,
        )
    }

    /// What a timeline reads on each of `dates` (ascending), exactly as the
    /// statements of those dates give it, from one replay.
    pub(crate) fn fee_readings_on(&self, dates: &[NaiveDate]) -> Result<Vec<FeeReading>> {
        self.on_each(
            dates,
            |book, as_of| book.lean().fee_reading(as_of),
            |st| FeeReading::of(&st),
        )
    }

    /// `close` applied to the book on each of `dates` (ascending; `close` copies it),
    /// from one replay; per date from statements (`of_statement`) for a
    /// ledger with reversals, which change the history by date.
    pub(crate) fn on_each<T>(
        &self,
        dates: &[NaiveDate],
        close: impl Fn(&Book<'_>, NaiveDate) -> Result<T>,
        of_statement: impl Fn(Statement) -> T,
    ) -> Result<Vec<T>> {
        let ascending = dates.windows(2).all(|w| w.first() <= w.get(1));
        if !ascending || self.events.iter().any(|e| matches!(e, Event::Reversal(_))) {
            return dates.iter().map(|d| self.statement(*d).map(&of_statement)).collect();
        }
        let mut book = Book::without(&self.terms, BTreeSet::new());
        let mut events = self.events.iter().peekable();
        let mut out = Vec::with_capacity(dates.len());
        for &as_of in dates {
            if as_of < self.schedule.disbursement() {
                return Err(Error::DateOrder {
                    earlier: "disbursement",
                    earlier_date: self.schedule.disbursement(),
                    later: "statement date",
                    later_date: as_of,
                });
            }
            while let Some(event) = events.next_if(|e| e.date() <= as_of) {
                book.apply(event)?;
            }
            book.pass(as_of)?;
            out.push(close(&book, as_of)?);
        }
        Ok(out)
    }

    /// The standing ([`Standing`]) at each of `points` — at the start of a
    /// day as [`Ledger::statement`] takes it, or at its end as
    /// [`Ledger::end_of_day`] does — from one replay (see
    /// [`Ledger::standings_then`]).
    pub(crate) fn standings(&self, points: &[(NaiveDate, Through)]) -> Result<Vec<Standing>> {
        Ok(self.read_pass(points, None)?.0)
    }

    /// The standing at each of `points`, then the statement at `then`: all
    /// from one replay, reading the book as it passes each point instead of
    /// copying it (see [`Book::peek`]). `points` must be in replay order (by
    /// the last day whose events count, then the day closed), `then` after
    /// them; otherwise, and for a ledger with reversals (which change the
    /// history by date), each is a statement.
    pub(crate) fn standings_then(
        &self,
        points: &[(NaiveDate, Through)],
        then: (NaiveDate, Through),
    ) -> Result<(Vec<Standing>, Statement)> {
        let (standings, st) = self.read_pass(points, Some(then))?;
        let st = st.ok_or(Error::DateOutOfRange {
            operation: "the statement after a replay's readings",
        })?;
        Ok((standings, st))
    }

    /// [`Ledger::standings`], and the statement at `then` when asked.
    pub(crate) fn read_pass(
        &self,
        points: &[(NaiveDate, Through)],
        then: Option<(NaiveDate, Through)>,
    ) -> Result<(Vec<Standing>, Option<Statement>)> {
        let close_day = |(d, through): (NaiveDate, Through)| -> Result<NaiveDate> {
            match through {
                Through::StartOf => Ok(d),
                Through::EndOf => d.succ_opt().ok_or(Error::DateOutOfRange {
                    operation: "the day after a reporting date",
                }),
            }
        };
        let keys = points
            .iter()
            .chain(&then)
            .map(|&p| close_day(p).map(|at| (p.0, at)))
            .collect::<Result<Vec<_>>>()?;
        let ordered = keys.windows(2).all(|w| w.first() <= w.get(1));
        let early = points.iter().chain(&then).any(|p| p.0 < self.schedule.disbursement());
        if !ordered || early || self.events.iter().any(|e| matches!(e, Event::Reversal(_))) {
            let statement = |(d, through): (NaiveDate, Through)| match through {
                Through::StartOf => self.statement(d),
                Through::EndOf => self.end_of_day(d),
            };
            let standings = points
                .iter()
                .map(|&p| statement(p).map(|st| Standing::of(&st)))
                .collect::<Result<Vec<_>>>()?;
            return Ok((standings, then.map(statement).transpose()?));
        }
        let buckets = self.policy.buckets();
        let mut book = Book::without(&self.terms, BTreeSet::new());
        let mut events = self.events.iter().peekable();
        let mut standings = Vec::with_capacity(points.len());
        for (&(through, _), &(_, at)) in points.iter().zip(&keys) {
            while let Some(event) = events.next_if(|e| e.date() <= through) {
                book.apply(event)?;
            }
            standings.push(book.peek(at, buckets)?);
        }
        let statement = match (then, keys.last()) {
            (Some((through, _)), Some(&(_, at))) => {
                while let Some(event) = events.next_if(|e| e.date() <= through) {
                    book.apply(event)?;
                }
                Some(book.statement(at, buckets)?)
            }
            _ => None,
        };
        Ok((standings, statement))
    }

    /// The loan as it stood at the end of `day`: the events dated on or
    /// before it, and its days counted through it (so an installment due
    /// that day and unpaid is one day past due): what a lender reports for a
    /// reporting date.
    pub(crate) fn end_of_day(&self, day: NaiveDate) -> Result<Statement> {
        let next = day.succ_opt().ok_or(Error::DateOutOfRange {
            operation: "the day after a reporting date",
        })?;
        if day < self.schedule.disbursement() {
            return self.statement(day);
        }
        self.replay(&self.events, day)?.statement(next, self.policy.buckets())
    }
}

/// Where on a date a replay closes the book.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Through {
    /// As [`Ledger::statement`]: the day's events, the days before it.
    StartOf,
    /// As [`Ledger::end_of_day`]: the day's events, the day itself counted.
    EndOf,
}

/// Statements read one date at a time, dates ascending, from one replay:
/// what a journal reads on the days something may have changed. Each is
/// exactly [`Ledger::statement`] of its date.
pub(crate) struct StatementReader<'a> {
    ledger: &'a Ledger,
    book: Book<'a>,
    /// How many of the ledger's events the book has applied.
    applied: usize,
    /// The last date read: a date before it is read whole.
    last: Option<NaiveDate>,
    /// Reversals change the history by date: each statement is then read whole.
    whole: bool,
}

impl Ledger {
    /// A reader of this ledger's statements, one date at a time.
    pub(crate) fn statement_reader(&self) -> StatementReader<'_> {
        StatementReader {
            ledger: self,
            book: Book::without(&self.terms, BTreeSet::new()),
            applied: 0,
            last: None,
            whole: self.events.iter().any(|e| matches!(e, Event::Reversal(_))),
        }
    }
}

impl StatementReader<'_> {
    /// The statement of `as_of`, exactly as [`Ledger::statement`] gives it:
    /// the book carried on from the last date read (as
    /// [`Ledger::statements_on`] carries it), a copy closed on `as_of`.
    pub(crate) fn read(&mut self, as_of: NaiveDate) -> Result<Statement> {
        if self.whole || self.last.is_some_and(|last| as_of < last) {
            return self.ledger.statement(as_of);
        }
        self.ledger.check_statement_date(as_of)?;
        self.last = Some(as_of);
        while let Some(event) = self.ledger.events.get(self.applied).filter(|e| e.date() <= as_of) {
            self.book.apply(event)?;
            self.applied += 1;
        }
        self.book.pass(as_of)?;
        self.book.clone().statement(as_of, self.ledger.policy.buckets())
    }
}
