//! A credit line's table: the line's figures, then each draw.

use std::fmt;

use super::{total, Align, Table};
use crate::revolving::{LineKind, LineStatement};

/// What the table calls things on each kind of account.
struct Words {
    account: &'static str,
    limit: &'static str,
    available: &'static str,
    draw: &'static str,
    drawn_on: &'static str,
}

impl Words {
    fn of(kind: LineKind) -> Words {
        match kind {
            LineKind::TrancheLoan => Words {
                account: "Tranche loan",
                limit: "approved",
                available: "not yet paid out",
                draw: "tranche",
                drawn_on: "paid out on",
            },
            _ => Words {
                account: "Credit line",
                limit: "limit",
                available: "available",
                draw: "draw",
                drawn_on: "drawn on",
            },
        }
    }
}

/// The line's standing, limit and bill, then one row per draw: its days
/// past due, what it owes by component and its payoff. A tranche loan's
/// table says approved, not yet paid out, and tranche.
///
/// ```
/// use overdue::revolving::{CreditLine, Draw};
/// use overdue::{dec, schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let line = CreditLine::new(Money::new(dec!(10000))?, 10, OverduePolicy::new())?
///     .with_draw(Draw::new("rent", d(1, 5), Money::new(dec!(3000))?, Terms::new(Rate::daily(dec!(0.0005))?, 3)));
/// let text = line.statement(d(3, 1))?.to_string();
/// assert!(text.starts_with("Credit line on 2026-03-01: 19 days past due, bucket M1, frozen\n"));
/// assert!(text.contains("limit 10,000, available 7,000.00"));
/// assert!(text.contains("rent  2026-01-05   19   3,000.00"));
/// # Ok::<(), overdue::Error>(())
/// ```
impl fmt::Display for LineStatement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = Words::of(self.kind);
        write!(
            f,
            "{} on {}: {} days past due, bucket {}",
            words.account, self.as_of, self.days_past_due, self.bucket
        )?;
        match self.kind {
            LineKind::TrancheLoan => writeln!(f)?,
            _ => writeln!(f, ", {}", if self.frozen { "frozen" } else { "open for draws" })?,
        }
        writeln!(
            f,
            "{} {}, {} {}, payoff today {}",
            words.limit,
            self.limit.grouped(),
            words.available,
            self.available.grouped(),
            self.payoff.grouped()
        )?;
        match self.next_due_date {
            Some(day) => writeln!(f, "bill {} due {day}\n", self.bill.grouped())?,
            None => writeln!(f, "bill {}\n", self.bill.grouped())?,
        }
        let mut table = Table::new(&[
            (words.draw, Align::Left),
            (words.drawn_on, Align::Right),
            ("dpd", Align::Right),
            ("principal", Align::Right),
            ("interest", Align::Right),
            ("penalty", Align::Right),
            ("fees", Align::Right),
            ("owed", Align::Right),
            ("payoff", Align::Right),
        ]);
        for draw in &self.draws {
            let st = &draw.statement;
            let penalty = st
                .outstanding
                .penalty_interest
                .checked_add(st.outstanding.compound_interest)
                .map_or_else(|_| "overflow".to_owned(), |m| m.grouped());
            table.row(vec![
                draw.id.clone(),
                draw.drawn_on.to_string(),
                st.days_past_due.to_string(),
                st.outstanding.principal.grouped(),
                st.outstanding.interest.grouped(),
                penalty,
                st.outstanding.fees.grouped(),
                total(&st.outstanding),
                st.payoff.grouped(),
            ]);
        }
        write!(f, "{table}")
    }
}
