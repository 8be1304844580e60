//! A loan's replay carried forward: payments added in date order and the
//! loan read at later dates, each reading exactly what the ledger with
//! those payments would say, without replaying its history again.

use chrono::NaiveDate;

use crate::accrual::engine::{Book, Dues};
use crate::accrual::event::{Event, Payment};
use crate::accrual::ledger::Ledger;
use crate::error::{Error, Result};
use crate::money::Money;

/// A ledger's replay, open at a point in time: [`Tape::pay`] adds a
/// payment after that point, [`Tape::pass`] carries the replay to a date,
/// [`Tape::days_past_due`] reads it in passing, and [`Tape::standing`] and
/// [`Tape::dues`] read a copy. A clone is
/// a fork: what-ifs from one point cost only the days after it.
///
/// A tape reads exactly what [`Ledger::pay`] then [`Ledger::statement`]
/// give. Where the ledger's own later events could make that differ (a
/// reversal, which changes the history by date, or a waiver, refund or
/// restructure on or after the tape's first day, which a payment before it
/// could invalidate) the tape keeps a copy of the ledger and asks it
/// instead.
#[derive(Clone)]
pub(crate) struct Tape<'a> {
    inner: Inner<'a>,
    /// The first date a payment may be added on: the date of the last
    /// payment added, or the day after the last date passed or read in passing.
    open_from: NaiveDate,
}

#[expect(
    clippy::large_enum_variant,
    reason = "a tape is almost always a replay: boxing its book would cost an allocation per fork"
)]
#[derive(Clone)]
enum Inner<'a> {
    /// The book after the ledger's events before `next` and the payments added.
    Replay {
        ledger: &'a Ledger,
        book: Book<'a>,
        next: usize,
    },
    /// The ledger with the payments added, asked whole at each reading.
    Whole(Box<Ledger>),
}

impl Ledger {
    /// A tape of this ledger for payments added on or after `from`: its
    /// replay carried to the day before `from`, keeping no records of how
    /// money moved (see [`Tape::lean`]), as a plan reads its loans.
    pub(crate) fn tape(&self, from: NaiveDate) -> Result<Tape<'_>> {
        let invalidated_later = |e: &Event| {
            !matches!(e, Event::Payment(_) | Event::Interruption(_) | Event::Promotion(_)) && e.date() >= from
        };
        let whole = self
            .events()
            .iter()
            .any(|e| matches!(e, Event::Reversal(_)) || invalidated_later(e));
        let inner = if whole {
            Inner::Whole(Box::new(self.clone()))
        } else {
            Inner::Replay {
                ledger: self,
                book: self.book(),
                next: 0,
            }
        };
        let mut tape = Tape {
            inner,
            open_from: self.schedule().disbursement(),
        };
        if let Some(eve) = from.pred_opt() {
            tape.pass(eve)?;
        }
        Ok(tape.lean())
    }
}

impl<'a> Tape<'a> {
    /// Adds `payment`, dated on or after every payment added and after
    /// every date passed so far, with an id the ledger has not seen.
    ///
    /// # Errors
    /// As [`Ledger::pay`]; [`Error::DateOrder`] for a payment dated before
    /// one added, or on or before a date passed.
    pub(crate) fn pay(&mut self, payment: Payment) -> Result<()> {
        if payment.date() < self.open_from {
            return Err(Error::DateOrder {
                earlier: "the tape's next open day",
                earlier_date: self.open_from,
                later: "payment date",
                later_date: payment.date(),
            });
        }
        self.open_from = payment.date();
        match &mut self.inner {
            Inner::Whole(ledger) => ledger.pay(payment),
            Inner::Replay { ledger, book, next } => {
                if let Some(seen) = ledger.payment_date(payment.id()) {
                    return Err(Error::DuplicatePayment {
                        id: payment.id().to_owned(),
                        date: seen,
                    });
                }
                let event = Event::Payment(payment);
                // where `Ledger::record` would insert it: after every event that sorts before it
                while let Some(e) = ledger.events().get(*next).filter(|e| e.sort_key() <= event.sort_key()) {
                    book.apply(e)?;
                    *next += 1;
                }
                book.apply(&event)
            }
        }
    }

    /// Carries the replay through the ledger's events on or before `date`
    /// and to the last point every replay stops at (see [`Book::pass`]).
    pub(crate) fn pass(&mut self, date: NaiveDate) -> Result<()> {
        self.passed(date);
        match &mut self.inner {
            Inner::Whole(_) => Ok(()),
            Inner::Replay { ledger, book, next } => {
                Self::catch_up(ledger, book, next, date)?;
                book.pass(date)
            }
        }
    }

    /// A fork that keeps no records of how money moved (see
    /// [`Book::lean`]): every reading of a tape is the same from it, and it
    /// is cheaper to copy again.
    pub(crate) fn lean(&self) -> Tape<'a> {
        let inner = match &self.inner {
            Inner::Whole(ledger) => Inner::Whole(ledger.clone()),
            Inner::Replay { ledger, book, next } => Inner::Replay {
                ledger,
                book: book.lean(),
                next: *next,
            },
        };
        Tape {
            inner,
            open_from: self.open_from,
        }
    }

    /// The days past due a statement of `date` gives, read as the replay
    /// passes `date` (see [`Book::peek`]): `date` is then passed.
    pub(crate) fn days_past_due(&mut self, date: NaiveDate) -> Result<u32> {
        self.passed(date);
        match &mut self.inner {
            Inner::Whole(ledger) => Ok(ledger.statement(date)?.days_past_due),
            Inner::Replay { ledger, book, next } => {
                ledger.opened_by(date, "statement date")?;
                Self::catch_up(ledger, book, next, date)?;
                Ok(book.peek(date, ledger.policy().buckets())?.days_past_due)
            }
        }
    }

    /// The days past due and payoff a statement of `date` gives.
    pub(crate) fn standing(&self, date: NaiveDate) -> Result<(u32, Money)> {
        match &self.inner {
            Inner::Whole(ledger) => Self::standing_of(ledger, date),
            Inner::Replay { ledger, book, next } => Self::closing(ledger, book.lean(), *next, date)?.standing(date),
        }
    }

    /// [`Tape::standing`], closing the tape itself instead of a copy.
    pub(crate) fn into_standing(self, date: NaiveDate) -> Result<(u32, Money)> {
        match self.inner {
            Inner::Whole(ledger) => Self::standing_of(&ledger, date),
            Inner::Replay { ledger, book, next } => Self::closing(ledger, book, next, date)?.standing(date),
        }
    }

    fn standing_of(ledger: &Ledger, date: NaiveDate) -> Result<(u32, Money)> {
        ledger.standings_on(&[date])?.pop().ok_or(Error::Overflow {
            operation: "tape standing",
        })
    }

    /// What the statement of `date` says is owed on each installment due
    /// on or before `through`, its credit balance and payoff.
    pub(crate) fn dues(&self, date: NaiveDate, through: NaiveDate) -> Result<Dues> {
        match &self.inner {
            Inner::Whole(ledger) => Dues::of(&ledger.statement(date)?, through),
            Inner::Replay { ledger, book, next } => {
                Self::closing(ledger, book.lean(), *next, date)?.dues(date, through)
            }
        }
    }

    /// For each promotion of the ledger asking for an amount paid by a date
    /// (at least an amount, or what is overdue) and open on `payday`: the
    /// least payment that day, at most `most`, that meets it.
    pub(crate) fn meeting_amounts(&self, id: &str, payday: NaiveDate, most: Money, scale: u32) -> Result<Vec<Money>> {
        let ledger: &Ledger = match &self.inner {
            Inner::Whole(ledger) => ledger,
            Inner::Replay { ledger, .. } => ledger,
        };
        let mut amounts = Vec::new();
        for event in ledger.events() {
            let Event::Promotion(p) = event else { continue };
            if p.offered() > payday || p.by().is_none_or(|by| by < payday) {
                continue;
            }
            amounts.extend(self.least_meeting(p.label(), id, payday, most, scale)?);
        }
        Ok(amounts)
    }

    /// The least payment `id` on `payday`, at most `most`, after which the
    /// promotion called `label` is met; none if `most` does not meet it.
    /// Found by forks of the tape, a binary search over minor units:
    /// meeting a condition only gets easier as the payment grows.
    pub(crate) fn least_meeting(
        &self,
        label: &str,
        id: &str,
        payday: NaiveDate,
        most: Money,
        scale: u32,
    ) -> Result<Option<Money>> {
        let meets = |minor: i128| -> Result<bool> {
            let mut fork = self.lean();
            fork.pay(Payment::new(id, payday, Money::from_minor(minor, scale)?)?)?;
            fork.met(label, payday)
        };
        let (mut low, mut high) = (0i128, most.to_minor("payment", scale)?);
        if high < 1 || !meets(high)? {
            return Ok(None);
        }
        while high - low > 1 {
            let mid = low + (high - low) / 2;
            if meets(mid)? {
                high = mid;
            } else {
                low = mid;
            }
        }
        Money::from_minor(high, scale).map(Some)
    }

    /// Whether the promotion called `label` has been met by `date` (the
    /// last payment added).
    fn met(&self, label: &str, date: NaiveDate) -> Result<bool> {
        match &self.inner {
            Inner::Whole(ledger) => Ok(ledger
                .statement(date)?
                .promotions
                .iter()
                .any(|p| p.label == label && p.met_on.is_some())),
            Inner::Replay { book, .. } => Ok(book.met(label)),
        }
    }

    /// `book` (the replay through the ledger's events before `next`)
    /// carried through those on or before `date`, to be closed on `date`.
    fn closing<'l>(ledger: &'l Ledger, mut book: Book<'l>, mut next: usize, date: NaiveDate) -> Result<Book<'l>> {
        ledger.opened_by(date, "statement date")?;
        Self::catch_up(ledger, &mut book, &mut next, date)?;
        Ok(book)
    }

    /// Payments may now be added only after `date`.
    fn passed(&mut self, date: NaiveDate) {
        self.open_from = self.open_from.max(date.succ_opt().unwrap_or(date));
    }

    /// Applies the ledger's events from `next` dated on or before `date`.
    fn catch_up<'l>(ledger: &'l Ledger, book: &mut Book<'l>, next: &mut usize, date: NaiveDate) -> Result<()> {
        while let Some(e) = ledger.events().get(*next).filter(|e| e.date() <= date) {
            book.apply(e)?;
            *next += 1;
        }
        Ok(())
    }
}
