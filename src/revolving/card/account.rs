//! A card account: its opening date, its contract and its events.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::event::CardEvent;
use super::replay::Replay;
use super::statement::CardStatement;
use super::terms::CardTerms;
use crate::error::{Result, Within};

/// A credit card (信用卡): the day it opened, its [`CardTerms`] and its
/// [`CardEvent`]s, replayed day by day into statements on any date.
///
/// Events may be given in any order; on one day charges come first, then
/// payments and refunds, then returned payments, each group in the order
/// given.
///
/// ```
/// use overdue::revolving::{Card, CardEvent, CardTerms, Grace};
/// use overdue::{dec, Money, NaiveDate, Rate};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let terms = CardTerms::new(Money::new(dec!(20000))?, 5, Rate::daily(dec!(0.0005))?)?;
/// let card = Card::new(d(3, 6), terms)
///     .with_event(CardEvent::Purchase { id: "p1".into(), date: d(3, 10), amount: Money::new(dec!(10000))? })
///     .with_event(CardEvent::Payment { id: "pay1".into(), date: d(4, 25), amount: Money::new(dec!(1000))? });
/// // 全额计息: 10,000 × 0.05 % × 46 days (10 March – 24 April) + 9,000 × 0.05 % × 10 days (25 April – 4 May)
/// let may = &card.statement(d(5, 5))?.cycles[1];
/// assert_eq!(may.interest.purchase, Money::new(dec!(275))?);
/// assert_eq!(card.statement(d(5, 5))?.cycles[0].grace, Grace::Lost);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub(super) opened: NaiveDate,
    pub(super) terms: CardTerms,
    #[serde(default)]
    pub(super) events: Vec<CardEvent>,
}

impl Card {
    /// A card opened on `opened` on `terms`, with no events yet.
    ///
    /// ```
    /// use overdue::{revolving::{Card, CardTerms}, Money, NaiveDate, Rate};
    /// let card = Card::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), CardTerms::new(Money::ONE, 5, Rate::ZERO)?);
    /// assert!(card.events().is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(opened: NaiveDate, terms: CardTerms) -> Card {
        Card {
            opened,
            terms,
            events: Vec::new(),
        }
    }

    /// The card with one more event.
    ///
    /// ```
    /// use overdue::{revolving::{Card, CardEvent, CardTerms}, Money, NaiveDate, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let card = Card::new(day, CardTerms::new(Money::ONE, 5, Rate::ZERO)?)
    ///     .with_event(CardEvent::Fee { id: "f".into(), date: day, amount: Money::ONE });
    /// assert_eq!(card.events().len(), 1);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_event(mut self, event: CardEvent) -> Card {
        self.events.push(event);
        self
    }

    /// The events, in the order given.
    ///
    /// ```
    /// use overdue::{revolving::{Card, CardTerms}, Money, NaiveDate, Rate};
    /// let card = Card::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), CardTerms::new(Money::ONE, 5, Rate::ZERO)?);
    /// assert!(card.events().is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn events(&self) -> &[CardEvent] {
        &self.events
    }

    /// The contract.
    ///
    /// ```
    /// use overdue::{revolving::{Card, CardTerms}, Money, NaiveDate, Rate};
    /// let card = Card::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), CardTerms::new(Money::ONE, 5, Rate::ZERO)?);
    /// assert_eq!(card.terms().statement_day(), 5);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn terms(&self) -> &CardTerms {
        &self.terms
    }

    /// The day the card opened.
    ///
    /// ```
    /// use overdue::{revolving::{Card, CardTerms}, Money, NaiveDate, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// assert_eq!(Card::new(day, CardTerms::new(Money::ONE, 5, Rate::ZERO)?).opened(), day);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn opened(&self) -> NaiveDate {
        self.opened
    }

    /// The card on `as_of` (events on it included): its balances, what is
    /// due and when, days past due, and every statement up to the date.
    ///
    /// # Errors
    /// A named error for bad events: an id used twice, an event dated before
    /// the card opened, an amount that is zero or not in cents, a refund of an
    /// unknown purchase or above what is left of it
    /// ([`Error::RefundTooLarge`](crate::Error::RefundTooLarge)), a returned
    /// payment that names no earlier payment
    /// ([`Error::UnknownPayment`](crate::Error::UnknownPayment)) or one already
    /// returned, a charge over the limit where the contract refuses it.
    ///
    /// ```
    /// use overdue::revolving::{Card, CardEvent, CardTerms, OverLimit};
    /// use overdue::{dec, Money, NaiveDate, Rate};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = CardTerms::new(Money::new(dec!(1000))?, 5, Rate::ZERO)?.with_over_limit(OverLimit::Refused);
    /// let card = Card::new(d(3, 1), terms)
    ///     .with_event(CardEvent::Purchase { id: "p1".into(), date: d(3, 10), amount: Money::new(dec!(1500))? });
    /// assert_eq!(card.statement(d(4, 1)).unwrap_err().kind(), "invalid");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn statement(&self, as_of: NaiveDate) -> Result<CardStatement> {
        Ok(self.replay(as_of)?)
    }

    /// The card with only its events up to `day` (on it included).
    pub(crate) fn up_to(&self, day: NaiveDate) -> Card {
        Card {
            opened: self.opened,
            terms: self.terms.clone(),
            events: self.events.iter().filter(|e| e.date() <= day).cloned().collect(),
        }
    }

    /// [`Card::statement`], the error at the field of the card it is about
    /// (`events[2].amount`), as a JSON reading reports it.
    pub(crate) fn replay(&self, as_of: NaiveDate) -> std::result::Result<CardStatement, Within> {
        self.terms.check().map_err(|e| e.under("terms"))?;
        Replay::new(self.opened, &self.terms, &self.events)?.run(as_of)
    }
}
