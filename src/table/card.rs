//! A card's table: where it stands, then one row per statement.

use std::fmt;

use super::{Align, Table};
use crate::compare::CardComparisonResult;
use crate::money::Money;
use crate::revolving::{CardStatement, CardStatus, Grace};

/// The card's standing, limit and payoff, then one row per statement: its
/// dates, new charges, payments, interest, fees, balance, minimum payment
/// and whether it was paid in full.
///
/// ```
/// use overdue::revolving::{Card, CardEvent, CardTerms};
/// use overdue::{dec, Money, NaiveDate, Rate};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let card = Card::new(d(3, 6), CardTerms::new(Money::new(dec!(10000))?, 5, Rate::daily(dec!(0.0005))?)?)
///     .with_event(CardEvent::Purchase { id: "tv".into(), date: d(3, 10), amount: Money::new(dec!(3000))? });
/// let text = card.statement(d(5, 1))?.to_string();
/// assert!(text.starts_with("Card on 2026-05-01: 6 days past due, bucket special mention\n"));
/// assert!(text.contains("2026-04-05  2026-04-25  3,000.00  0.00"));
/// # Ok::<(), overdue::Error>(())
/// ```
impl fmt::Display for CardStatement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let standing = match self.status {
            CardStatus::ChargedOff => ", charged off",
            _ => "",
        };
        writeln!(
            f,
            "Card on {}: {} days past due, bucket {}{standing}",
            self.as_of, self.days_past_due, self.bucket
        )?;
        writeln!(
            f,
            "limit {}, available {}, payoff today {}",
            self.limit.grouped(),
            self.available.grouped(),
            self.payoff.grouped()
        )?;
        match self.next_due_date {
            Some(day) => writeln!(f, "minimum due {} by {day}\n", self.minimum_due.grouped())?,
            None => writeln!(f, "minimum due {}\n", self.minimum_due.grouped())?,
        }
        let mut table = Table::new(&[
            ("statement", Align::Left),
            ("due", Align::Left),
            ("charges", Align::Right),
            ("paid", Align::Right),
            ("interest", Align::Right),
            ("fees", Align::Right),
            ("balance", Align::Right),
            ("minimum", Align::Right),
            ("paid in full", Align::Left),
        ]);
        for cycle in &self.cycles {
            let sum = |amounts: &[Money]| {
                Money::sum(amounts.iter().copied()).map_or_else(|_| "overflow".to_owned(), |m| m.grouped())
            };
            table.row(vec![
                cycle.statement_date.to_string(),
                cycle.due_date.to_string(),
                sum(&[cycle.purchases, cycle.cash_advances, cycle.transfers]),
                sum(&[cycle.payments, cycle.refunds]),
                cycle
                    .interest
                    .total()
                    .map_or_else(|_| "overflow".to_owned(), |m| m.grouped()),
                cycle.fees.grouped(),
                cycle.closing_balance.grouped(),
                cycle.minimum_payment.grouped(),
                match cycle.grace {
                    Grace::Applied => "yes",
                    Grace::Lost => "no",
                    _ => "not yet due",
                }
                .to_owned(),
            ]);
        }
        write!(f, "{table}")
    }
}

/// Where the card stands today, then every option side by side and each
/// with its reason, as a loan's comparison is printed.
///
/// ```
/// use overdue::compare::CardComparison;
/// use overdue::revolving::{Card, CardEvent, CardTerms};
/// use overdue::{dec, Budget, Choice, Money, NaiveDate, Rate, WayOut};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let card = Card::new(d(1, 6), CardTerms::new(Money::new(dec!(20000))?, 5, Rate::daily(dec!(0.0005))?)?)
///     .with_event(CardEvent::Purchase { id: "tv".into(), date: d(1, 10), amount: Money::new(dec!(6000))? });
/// let text = CardComparison::new(card, d(2, 5), Budget::new(Money::new(dec!(8000))?, Money::ZERO), Rate::ZERO)
///     .option(Choice::new("in full", WayOut::PayInFull)).run()?.to_string();
/// assert!(text.starts_with("Card on 2026-02-05: 0 days past due, bucket normal\n"));
/// assert!(text.contains("1  in full"));
/// # Ok::<(), overdue::Error>(())
/// ```
impl fmt::Display for CardComparisonResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let st = &self.statement;
        writeln!(
            f,
            "Card on {}: {} days past due, bucket {}",
            self.as_of, st.days_past_due, st.bucket
        )?;
        super::write_options(f, self.payoff, self.monthly_budget, self.rank_by, &self.options)
    }
}
