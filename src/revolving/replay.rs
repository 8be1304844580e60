//! A credit line replayed in date order: each draw a loan of its own, each
//! payment shared among them, the line's figures summed from theirs.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::line::{CreditLine, Draw};
use super::statement::{DrawLedger, DrawStatement, LineAllocation, LineKind, LineStatement};
use crate::accrual::{Ledger, Payment, Reversal, Statement};
use crate::components::Components;
use crate::error::{Error, Result, Within};
use crate::money::Money;
use crate::schedule::{Schedule, ScheduleOptions};

/// A draw made, with its loan.
struct Drawn<'a> {
    draw: &'a Draw,
    ledger: Ledger,
}

/// One thing that happened on the line.
enum Step<'a> {
    /// A payment, with its place among the line's payments.
    Pay(usize, &'a Payment),
    /// A draw, with its place among the line's draws.
    Draw(usize, &'a Draw),
}

impl Step<'_> {
    fn date(&self) -> NaiveDate {
        match self {
            Step::Pay(_, p) => p.date(),
            Step::Draw(_, d) => d.date(),
        }
    }

    /// On one day, draws come before payments: a payment made on the day of
    /// a draw may repay it, and a statement's payoff paid on its date settles
    /// every draw it counts.
    fn order(&self) -> u8 {
        match self {
            Step::Draw(..) => 0,
            Step::Pay(..) => 1,
        }
    }
}

impl CreditLine {
    /// The line on `as_of`: draws and payments up to it (those on it
    /// included), each draw's statement and the line's figures.
    ///
    /// # Errors
    /// [`Error::Invalid`] for two draws or two payments with one id, a draw
    /// above the available limit or while the line is frozen, a payment
    /// before anything is drawn; the errors of each draw's schedule and
    /// statement.
    ///
    /// ```
    /// use overdue::revolving::{CreditLine, Draw};
    /// use overdue::{schedule::Terms, Error, Money, NaiveDate, OverduePolicy, Rate};
    /// use overdue::dec;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = Terms::new(Rate::daily(dec!(0.0004))?, 3);
    /// let line = CreditLine::new(Money::new(dec!(5000))?, 10, OverduePolicy::new())?
    ///     .with_draw(Draw::new("d1", d(1, 5), Money::new(dec!(4000))?, terms))
    ///     .with_draw(Draw::new("d2", d(1, 6), Money::new(dec!(2000))?, terms));
    /// assert!(matches!(line.statement(d(2, 1)), Err(Error::Invalid { field: "draws", .. })));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn statement(&self, as_of: NaiveDate) -> Result<LineStatement> {
        let (drawn, allocations) = self.replay(as_of)?;
        let draws = drawn
            .iter()
            .map(|book| {
                Ok(DrawStatement {
                    id: book.draw.id().to_owned(),
                    drawn_on: book.draw.date(),
                    statement: book.ledger.statement(as_of)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        self.summed(as_of, draws, allocations)
    }

    /// Each draw made by `as_of` as a loan of its own: a [`Ledger`] of its
    /// schedule with the payments the line gave it, in the order drawn.
    /// Everything built on a ledger (its bureau records, risk class, journal)
    /// then works draw by draw.
    ///
    /// # Errors
    /// As [`CreditLine::statement`].
    ///
    /// ```
    /// use overdue::revolving::{CreditLine, Draw};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
    /// use overdue::dec;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = Terms::new(Rate::daily(dec!(0.0004))?, 3);
    /// let line = CreditLine::new(Money::new(dec!(5000))?, 10, OverduePolicy::new())?
    ///     .with_draw(Draw::new("d1", d(1, 5), Money::new(dec!(1000))?, terms))
    ///     .with_draw(Draw::new("d2", d(1, 6), Money::new(dec!(2000))?, terms))
    ///     .with_payment(Payment::new("p1", d(2, 10), Money::new(dec!(500))?)?);
    /// let books = line.ledgers(d(3, 1))?;
    /// assert_eq!((books[0].id.as_str(), books.len()), ("d1", 2));
    /// // the same statement the line lists for the draw
    /// assert_eq!(books[1].ledger.statement(d(3, 1))?, line.statement(d(3, 1))?.draws[1].statement);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn ledgers(&self, as_of: NaiveDate) -> Result<Vec<DrawLedger>> {
        let (drawn, _) = self.replay(as_of)?;
        Ok(drawn
            .into_iter()
            .map(|book| DrawLedger {
                id: book.draw.id().to_owned(),
                drawn_on: book.draw.date(),
                ledger: book.ledger,
            })
            .collect())
    }

    /// Checks the draws and payments up to `as_of` as [`CreditLine::statement`]
    /// replays them, the error at the field of the line it is about
    /// (`draws[2].amount`): what a JSON request is checked with.
    pub(crate) fn check_through(&self, as_of: NaiveDate) -> std::result::Result<(), Within> {
        self.replay(as_of).map(|_| ())
    }

    /// The draws and payments up to `as_of`, replayed in date order: each
    /// draw's ledger and how each payment was shared. An error names the
    /// field of the line it is about (`draws[2].amount`), as a JSON reading
    /// reports it.
    fn replay(&self, as_of: NaiveDate) -> std::result::Result<(Vec<Drawn<'_>>, Vec<LineAllocation>), Within> {
        self.validate().map_err(|e| {
            let field = match &e {
                Error::Invalid { field, .. } => *field,
                _ => "",
            };
            Within::new(field, e)
        })?;
        unique("draws", self.draws.iter().map(Draw::id))?;
        unique("payments", self.payments.iter().map(Payment::id))?;
        self.check_reversals()?;
        self.replay_from(as_of, &mut vec![false; self.draws.len()])
    }

    /// [`CreditLine::replay`] of a checked line; `admitted[k]` is set once
    /// draw `k` is known to be admitted. A draw's admission depends on the
    /// history up to its own date alone, so each is judged once, however
    /// many replays read it (a judgement that replays the line to the draw's
    /// date would otherwise nest one replay per earlier draw, and double the
    /// work with each).
    fn replay_from(
        &self,
        as_of: NaiveDate,
        admitted: &mut [bool],
    ) -> std::result::Result<(Vec<Drawn<'_>>, Vec<LineAllocation>), Within> {
        // a payment reversed by `as_of` leaves no trace, as in a ledger
        let reversed: HashSet<&str> = self
            .reversals
            .iter()
            .filter(|r| r.date() <= as_of)
            .map(Reversal::payment_id)
            .collect();
        let mut steps: Vec<Step<'_>> = self
            .payments
            .iter()
            .enumerate()
            .filter(|(_, p)| !reversed.contains(p.id()))
            .map(|(k, p)| Step::Pay(k, p))
            .chain(self.draws.iter().enumerate().map(|(k, d)| Step::Draw(k, d)))
            .filter(|s| s.date() <= as_of)
            .collect();
        // stable: the order given breaks the remaining ties
        steps.sort_by_key(|s| (s.date(), s.order()));
        let mut drawn: Vec<Drawn<'_>> = Vec::new();
        let mut allocations = Vec::new();
        for step in steps {
            match step {
                Step::Pay(k, payment) => {
                    let at = |leaf: &str| format!("payments[{k}]{leaf}");
                    let shares = self.share(payment, &drawn).map_err(|e| Within::new(at(".date"), e))?;
                    for (i, amount) in shares {
                        let Some(book) = drawn.get_mut(i) else { continue };
                        book.ledger
                            .pay(Payment::new(payment.id(), payment.date(), amount)?)
                            .map_err(|e| Within::new(at(""), e))?;
                        allocations.push(LineAllocation {
                            payment_id: payment.id().to_owned(),
                            date: payment.date(),
                            draw_id: book.draw.id().to_owned(),
                            amount,
                        });
                    }
                }
                Step::Draw(k, draw) => {
                    // a draw is judged on the history its day knew: a payment reversed after it
                    // still counted then (the money was lent; it is not taken back)
                    if !admitted.get(k).copied().unwrap_or(false) {
                        if self
                            .reversals
                            .iter()
                            .any(|r| r.date() > draw.date() && r.date() <= as_of)
                        {
                            self.replay_from(draw.date(), admitted)?;
                        } else {
                            self.admit(k, draw, &drawn)?;
                        }
                        if let Some(known) = admitted.get_mut(k) {
                            *known = true;
                        }
                    }
                    let book = || -> Result<Ledger> {
                        let options = ScheduleOptions::on_terms(
                            draw.amount(),
                            draw.terms().with_first_due(self.first_due(draw)?),
                            draw.date(),
                        )
                        .with_rounding(self.policy.rounding())
                        .with_interest(self.interest());
                        Ledger::new(Schedule::build(&options)?, self.policy.clone())
                    };
                    let ledger = book().map_err(|e| Within::new(format!("draws[{k}].terms"), e))?;
                    drawn.push(Drawn { draw, ledger });
                }
            }
        }
        Ok((drawn, allocations))
    }

    /// Refuses a reversal of no payment of the line, of a payment reversed
    /// already, dated before its payment, or with a fee.
    fn check_reversals(&self) -> std::result::Result<(), Within> {
        let mut seen = HashSet::new();
        for (k, r) in self.reversals.iter().enumerate() {
            let refused = |leaf: &str, reason: String| {
                Within::new(
                    format!("reversals[{k}].{leaf}"),
                    Error::Invalid {
                        field: "reversals",
                        reason: format!("reversal of {:?} on {}: {reason}", r.payment_id(), r.date()),
                    },
                )
            };
            let Some(payment) = self.payments.iter().find(|p| p.id() == r.payment_id()) else {
                return Err(refused("payment_id", "no payment of the line has that id".to_owned()));
            };
            if !seen.insert(r.payment_id()) {
                return Err(refused("payment_id", "the payment is reversed already".to_owned()));
            }
            if r.date() < payment.date() {
                return Err(refused(
                    "date",
                    format!("before the payment it reverses, on {}", payment.date()),
                ));
            }
            if r.fee().is_some() {
                return Err(refused(
                    "fee",
                    "a line's reversal carries no fee (a returned-payment fee is charged under the overdue policy)"
                        .to_owned(),
                ));
            }
        }
        Ok(())
    }

    /// Refuses draw `k` above the available limit (at its `amount`) or
    /// while the line is frozen (at its `date`).
    fn admit(&self, k: usize, draw: &Draw, drawn: &[Drawn<'_>]) -> std::result::Result<(), Within> {
        let statements = on(drawn, draw.date())?;
        let owed = Money::sum(statements.iter().map(|s| s.outstanding.principal))?;
        let late = statements.iter().map(|s| s.days_past_due).max().unwrap_or(0);
        let refused = |leaf: &str, reason: String| {
            Within::new(
                format!("draws[{k}].{leaf}"),
                Error::Invalid {
                    field: "draws",
                    reason: format!("draw {:?} of {} on {}: {reason}", draw.id(), draw.amount(), draw.date()),
                },
            )
        };
        if self.freeze_after > 0 && late >= self.freeze_after {
            return Err(refused("date", format!("the line is frozen, {late} days past due")));
        }
        // not below zero: a draw a reversed payment made possible may leave the line over its limit
        let available = self.limit.checked_sub(owed.min(self.limit))?;
        if draw.amount() > available {
            return Err(refused("amount", format!("above the available limit of {available}")));
        }
        Ok(())
    }

    /// How a payment is shared among the draws made by its date: what has
    /// fallen due, oldest due date first (the earlier draw first on one
    /// date), then each draw's payoff, oldest draw first; what is left, to
    /// the latest draw.
    fn share(&self, payment: &Payment, drawn: &[Drawn<'_>]) -> Result<Vec<(usize, Money)>> {
        if drawn.is_empty() {
            return Err(Error::Invalid {
                field: "payments",
                reason: format!(
                    "payment {:?} on {}: nothing has been drawn on the line by then",
                    payment.id(),
                    payment.date()
                ),
            });
        }
        let statements = on(drawn, payment.date())?;
        let mut fallen_due = Vec::new();
        for (i, st) in statements.iter().enumerate() {
            for inst in st.installments.iter().filter(|inst| inst.due_date <= payment.date()) {
                fallen_due.push((inst.due_date, i, inst.outstanding.total()?));
            }
        }
        fallen_due.sort_by_key(|&(due, i, _)| (due, i));
        let mut sharing = Sharing {
            shares: vec![Money::ZERO; drawn.len()],
            left: payment.amount(),
        };
        for &(_, i, owed) in &fallen_due {
            sharing.give(i, owed)?;
        }
        for (i, st) in statements.iter().enumerate() {
            let given = sharing.shares.get(i).copied().unwrap_or(Money::ZERO);
            sharing.give(i, st.payoff.checked_sub(given)?)?;
        }
        sharing.give(drawn.len() - 1, sharing.left)?;
        Ok(sharing
            .shares
            .into_iter()
            .enumerate()
            .filter(|(_, amount)| !amount.is_zero())
            .collect())
    }

    /// The line's figures from its draws' statements.
    fn summed(
        &self,
        as_of: NaiveDate,
        draws: Vec<DrawStatement>,
        allocations: Vec<LineAllocation>,
    ) -> Result<LineStatement> {
        let rounding = self.policy.rounding();
        let zero = Money::from_minor(0, rounding.scale())?;
        let mut outstanding = Components {
            fees: zero,
            penalty_interest: zero,
            compound_interest: zero,
            interest: zero,
            principal: zero,
        };
        for d in &draws {
            outstanding = add(&outstanding, &d.statement.outstanding)?;
        }
        let days_past_due = draws.iter().map(|d| d.statement.days_past_due).max().unwrap_or(0);
        let next_due_date = draws
            .iter()
            .flat_map(|d| d.statement.installments.iter())
            .filter(|i| i.due_date >= as_of)
            .filter(|i| {
                i.outstanding.total().is_ok_and(|t| !t.is_zero()) || i.upcoming.total().is_ok_and(|t| !t.is_zero())
            })
            .map(|i| i.due_date)
            .min();
        let mut bill = zero;
        for inst in draws
            .iter()
            .flat_map(|d| d.statement.installments.iter())
            .filter(|i| i.due_date <= next_due_date.unwrap_or(as_of))
        {
            bill = bill
                .checked_add(inst.outstanding.total()?)?
                .checked_add(inst.upcoming.total()?)?;
        }
        let owed_principal = outstanding.principal;
        let available = self
            .limit
            .checked_sub(owed_principal.min(self.limit))?
            .max(zero)
            .round(rounding);
        Ok(LineStatement {
            kind: LineKind::CreditLine,
            as_of,
            limit: self.limit,
            available,
            frozen: self.freeze_after > 0 && days_past_due >= self.freeze_after,
            days_past_due,
            bucket: self.policy.buckets().bucket(days_past_due).label().to_owned(),
            outstanding,
            payoff: Money::sum(draws.iter().map(|d| d.statement.payoff))?.round(rounding),
            next_due_date,
            bill,
            draws,
            allocations,
            reversals: self.reversals.iter().filter(|r| r.date() <= as_of).cloned().collect(),
        })
    }
}

/// A payment being shared: each draw's part so far, and what is left.
struct Sharing {
    shares: Vec<Money>,
    left: Money,
}

impl Sharing {
    /// Gives draw `i` up to `most` of what is left.
    fn give(&mut self, i: usize, most: Money) -> Result<()> {
        let x = most.min(self.left).max(Money::ZERO);
        if let Some(share) = self.shares.get_mut(i) {
            *share = share.checked_add(x)?;
        }
        self.left = self.left.checked_sub(x)?;
        Ok(())
    }
}

/// Each draw's statement on `day`.
fn on(drawn: &[Drawn<'_>], day: NaiveDate) -> Result<Vec<Statement>> {
    drawn.iter().map(|book| book.ledger.statement(day)).collect()
}

/// Two sets of components added.
fn add(a: &Components, b: &Components) -> Result<Components> {
    Ok(Components {
        fees: a.fees.checked_add(b.fees)?,
        penalty_interest: a.penalty_interest.checked_add(b.penalty_interest)?,
        compound_interest: a.compound_interest.checked_add(b.compound_interest)?,
        interest: a.interest.checked_add(b.interest)?,
        principal: a.principal.checked_add(b.principal)?,
    })
}

/// Refuses a second use of one id.
fn unique<'a>(field: &'static str, ids: impl Iterator<Item = &'a str>) -> std::result::Result<(), Within> {
    let mut seen = HashSet::new();
    for (k, id) in ids.enumerate() {
        if !seen.insert(id) {
            let error = Error::Invalid {
                field,
                reason: format!("the id {id:?} is used twice"),
            };
            return Err(Within::new(format!("{field}[{k}].id"), error));
        }
    }
    Ok(())
}
