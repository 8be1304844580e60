//! The journal of a whole credit line or tranche loan: each draw booked as
//! a loan of its own, the entries of all of them in date order.

use chrono::NaiveDate;

use super::{BookingPolicy, Journal};
use crate::error::Result;
use crate::revolving::{CreditLine, DrawLedger, TrancheLoan};

/// The draws' journals through `through`, merged in date order (on one
/// day, in the order drawn).
fn merged(draws: &[DrawLedger], policy: &BookingPolicy, through: NaiveDate) -> Result<Journal> {
    let mut entries = Vec::new();
    for draw in draws {
        entries.extend(draw.ledger.journal(policy, through)?.entries);
    }
    // a stable sort keeps each day's entries in the order drawn
    entries.sort_by_key(|e| e.date);
    Ok(Journal { through, entries })
}

impl CreditLine {
    /// What the lender books of the line through `through` under `policy`:
    /// each draw booked as a loan of its own (its disbursement, its interest
    /// and penalties, the payments the line gave it), the entries of every
    /// draw merged in date order, so the trial balance is the line's. Each
    /// draw's own journal is its ledger's ([`CreditLine::ledgers`]).
    ///
    /// # Errors
    /// As [`CreditLine::statement`] and [`Ledger::journal`](crate::Ledger::journal).
    ///
    /// ```
    /// use overdue::books::{Account, BookingPolicy};
    /// use overdue::revolving::{CreditLine, Draw};
    /// use overdue::{dec, schedule::Terms, Component, Money, NaiveDate, OverduePolicy, Payment, Rate};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = Terms::new(Rate::ZERO, 2);
    /// let line = CreditLine::new(Money::new(dec!(5000))?, 10, OverduePolicy::new())?
    ///     .with_draw(Draw::new("a", d(1, 5), Money::new(dec!(1000))?, terms))
    ///     .with_draw(Draw::new("b", d(1, 20), Money::new(dec!(2000))?, terms))
    ///     .with_payment(Payment::new("feb", d(2, 10), Money::new(dec!(1500))?)?);
    /// let journal = line.journal(&BookingPolicy::new(), d(2, 28))?;
    /// // 3,000 lent, 1,500 repaid: the line's principal owed, and the cash out
    /// assert_eq!(journal.balance(Account::Receivable(Component::Principal), d(2, 28))?, dec!(1500));
    /// assert_eq!(journal.balance(Account::Cash, d(2, 28))?, dec!(-1500));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn journal(&self, policy: &BookingPolicy, through: NaiveDate) -> Result<Journal> {
        merged(&self.ledgers(through)?, policy, through)
    }
}

impl TrancheLoan {
    /// What the lender books of the loan through `through` under `policy`:
    /// each tranche booked as a loan of its own, the entries merged in date
    /// order, as [`CreditLine::journal`] does.
    ///
    /// # Errors
    /// As [`TrancheLoan::statement`] and [`Ledger::journal`](crate::Ledger::journal).
    ///
    /// ```
    /// use overdue::books::{Account, BookingPolicy};
    /// use overdue::revolving::{Tranche, TrancheLoan};
    /// use overdue::{dec, schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(d(2, 15));
    /// let loan = TrancheLoan::new(Money::new(dec!(3000))?, terms, OverduePolicy::new())?
    ///     .with_tranche(Tranche::new("t1", d(1, 15), Money::new(dec!(1000))?))
    ///     .with_tranche(Tranche::new("t2", d(1, 25), Money::new(dec!(2000))?));
    /// let journal = loan.journal(&BookingPolicy::new(), d(1, 31))?;
    /// assert_eq!(journal.balance(Account::Cash, d(1, 31))?, dec!(-3000));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn journal(&self, policy: &BookingPolicy, through: NaiveDate) -> Result<Journal> {
        merged(&self.ledgers(through)?, policy, through)
    }
}
