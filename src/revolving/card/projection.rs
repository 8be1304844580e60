//! What a way of repaying a card costs: the card carried forward statement
//! by statement with the payments the way makes, until it is paid off.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::account::Card;
use super::event::CardEvent;
use super::replay::due_after;
use crate::error::{Error, Result};
use crate::money::Money;

/// How a borrower repays a card from now on, with no new charges.
///
/// ```
/// use overdue::{dec, revolving::Repayment, Money};
/// let fixed = Repayment::Monthly(Money::new(dec!(500))?);
/// assert_ne!(fixed, Repayment::MinimumOnly);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Repayment {
    /// The minimum payment on each due date. When the minimum's share of
    /// what is left rounds to nothing (a few cents owed, no floor), those
    /// cents are paid on the next due date, so the card is repaid.
    MinimumOnly,
    /// Everything owed, by the next due date (the payoff quoted the day before it).
    InFull,
    /// A fixed amount on each due date: at least the minimum, at most the balance.
    Monthly(Money),
}

/// What a [`Repayment`] costs from a date: when the card is paid off and
/// what is paid until then.
///
/// ```
/// use overdue::revolving::{Card, CardEvent, CardTerms, Repayment};
/// use overdue::{dec, Money, NaiveDate, Rate};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let card = Card::new(d(1, 6), CardTerms::new(Money::new(dec!(20000))?, 5, Rate::daily(dec!(0.0005))?)?)
///     .with_event(CardEvent::Purchase { id: "tv".into(), date: d(1, 10), amount: Money::new(dec!(6000))? });
/// let full = card.project(d(2, 5), Repayment::InFull)?;
/// assert_eq!((full.total_paid, full.paid_off_on), (Money::new(dec!(6000))?, Some(d(2, 24))));
/// let minimum = card.project(d(2, 5), Repayment::MinimumOnly)?;
/// assert!(minimum.total_paid > full.total_paid && minimum.months > full.months);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Projection {
    /// The way of repaying.
    pub repayment: Repayment,
    /// The payments made, one a month.
    pub months: u32,
    /// What they add up to.
    pub total_paid: Money,
    /// The day the last one clears the card (`None`: not within
    /// [`MAX_PROJECTION_MONTHS`], the payment being too small).
    #[serde(serialize_with = "crate::dates::option::serialize")]
    pub paid_off_on: Option<NaiveDate>,
}

/// The longest a projection runs: 50 years of monthly payments.
///
/// ```
/// assert_eq!(overdue::revolving::MAX_PROJECTION_MONTHS, 600);
/// ```
pub const MAX_PROJECTION_MONTHS: u32 = 600;

impl Card {
    /// Carries the card forward from `as_of` with the payments `repayment`
    /// makes on each due date (the statement awaiting its due date first,
    /// then each new one) and no new charges, until nothing is owed: what is
    /// paid and when the card is clear, interest and fees included as the
    /// card's own replay charges them. The payment that clears the card is
    /// made the day before its due date, at the payoff quoted that day.
    /// Events recorded after `as_of` are left out.
    ///
    /// # Errors
    /// As [`Card::statement`]; [`Error::Invalid`] for a monthly amount of zero.
    ///
    /// ```
    /// use overdue::revolving::{Card, CardEvent, CardTerms, Repayment};
    /// use overdue::{dec, Money, NaiveDate, Rate};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let card = Card::new(d(1, 6), CardTerms::new(Money::new(dec!(20000))?, 5, Rate::daily(dec!(0.0005))?)?)
    ///     .with_event(CardEvent::Purchase { id: "tv".into(), date: d(1, 10), amount: Money::new(dec!(6000))? });
    /// let fixed = card.project(d(2, 5), Repayment::Monthly(Money::new(dec!(1000))?))?;
    /// assert_eq!(fixed.months, 7);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn project(&self, as_of: NaiveDate, repayment: Repayment) -> Result<Projection> {
        let walk = self.walk(as_of, repayment)?;
        Ok(Projection {
            repayment,
            months: u32::try_from(walk.payments.len()).unwrap_or(u32::MAX),
            total_paid: Money::sum(walk.payments.iter().map(|p| p.1))?,
            paid_off_on: walk.paid_off_on,
        })
    }

    /// [`Card::project`] payment by payment, with the worst days past due on
    /// the way and the day the card is current again: what a comparison
    /// weighs.
    pub(crate) fn walk(&self, as_of: NaiveDate, repayment: Repayment) -> Result<Walk> {
        if repayment == Repayment::Monthly(Money::ZERO) {
            return Err(Error::Invalid {
                field: "repayment",
                reason: NOTHING_A_MONTH.to_owned(),
            });
        }
        let mut card = self.up_to(as_of);
        let now = card.statement(as_of)?;
        let mut walk = Walk {
            payments: Vec::new(),
            highest_days_past_due: now.days_past_due,
            current_again: (now.days_past_due == 0).then_some(as_of),
            paid_off_on: None,
        };
        if now.payoff.is_zero() {
            walk.paid_off_on = Some(as_of);
            return Ok(walk);
        }
        // the due dates ahead: the statement awaiting its own, then each new one's
        let mut statement = next_statement(&card, as_of)?;
        let mut dues = Vec::new();
        dues.extend(now.next_due_date.filter(|d| *d >= as_of));
        // a due date that asks for nothing (a minimum of zero) still counts toward the limit
        for _ in 0..MAX_PROJECTION_MONTHS + 1 {
            if dues.is_empty() {
                dues.push(due_after(card.terms.due, statement)?);
                statement = statement
                    .checked_add_months(Months::new(1))
                    .ok_or(Error::DateOutOfRange {
                        operation: "a statement date",
                    })?;
            }
            let due = dues.remove(0);
            // read the day before the due date (its decision not yet made); the
            // payment that clears the card is made that day, at that day's payoff
            let eve = due.pred_opt().filter(|d| *d >= as_of).unwrap_or(due);
            let before = card.statement(eve)?;
            walk.highest_days_past_due = walk.highest_days_past_due.max(before.days_past_due);
            if before.days_past_due == 0 && walk.current_again.is_none() {
                walk.current_again = walk.payments.last().map(|p| p.0);
            }
            let amount = match repayment {
                // cents the minimum's share no longer reaches (no plan period to come) are paid
                Repayment::MinimumOnly
                    if before.minimum_due.is_zero()
                        && before.balances.installments.is_zero()
                        && before.next_due_date == Some(due) =>
                {
                    before.payoff
                }
                Repayment::MinimumOnly => before.minimum_due,
                Repayment::InFull => before.payoff,
                Repayment::Monthly(fixed) => fixed.max(before.minimum_due),
            }
            .min(before.payoff);
            if amount.is_zero() {
                continue;
            }
            let clears = amount == before.payoff;
            let date = if clears { eve } else { due };
            card.events.push(CardEvent::Payment {
                id: format!("projected-{}", walk.payments.len()),
                date,
                amount,
            });
            walk.payments.push((date, amount));
            if clears {
                walk.current_again = walk.current_again.or(Some(date));
                walk.paid_off_on = Some(date);
                return Ok(walk);
            }
        }
        Ok(walk)
    }
}

/// Why a monthly payment of zero is refused.
pub(crate) const NOTHING_A_MONTH: &str = "a monthly payment of nothing never repays the card";

/// A repayment carried forward: the payments (date, amount), the worst days
/// past due on the way, the day the card is current again and the day it is
/// paid off (`None`: not within [`MAX_PROJECTION_MONTHS`]).
pub(crate) struct Walk {
    pub(crate) payments: Vec<(NaiveDate, Money)>,
    pub(crate) highest_days_past_due: u32,
    pub(crate) current_again: Option<NaiveDate>,
    pub(crate) paid_off_on: Option<NaiveDate>,
}

fn next_statement(card: &Card, day: NaiveDate) -> Result<NaiveDate> {
    let statement_day = card.terms().statement_day();
    let this = chrono::Datelike::with_day(&day, statement_day).ok_or(Error::DateOutOfRange {
        operation: "a statement date",
    })?;
    if this > day {
        return Ok(this);
    }
    this.checked_add_months(Months::new(1)).ok_or(Error::DateOutOfRange {
        operation: "a statement date",
    })
}
