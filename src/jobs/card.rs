//! The credit card job: a card and its events, on a date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Job, JobOptions};
use crate::error::{Result, Within};
use crate::revolving::{Card, CardStatement};

/// A credit card job: the card (its opening date, terms and events) and the
/// date to read it on.
///
/// ```
/// use overdue::jobs::CardRequest;
/// use overdue::revolving::{Card, CardEvent, CardTerms};
/// use overdue::{dec, Money, NaiveDate, Rate};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let card = Card::new(d(3, 6), CardTerms::new(Money::new(dec!(10000))?, 5, Rate::daily(dec!(0.0005))?)?)
///     .with_event(CardEvent::Purchase { id: "tv".into(), date: d(3, 10), amount: Money::new(dec!(3000))? });
/// let request = CardRequest::new(card, d(4, 5));
/// assert_eq!(request.run()?.cycles[0].minimum_payment, Money::new(dec!(300))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "CardRequestRepr", into = "CardRequestRepr")]
#[non_exhaustive]
pub struct CardRequest {
    /// The card.
    pub card: Card,
    /// The date to read it on.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub as_of: NaiveDate,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename = "CardRequest", expecting = "struct CardRequest")]
struct CardRequestRepr {
    /// The card.
    card: Card,
    /// The date to read it on.
    #[serde(serialize_with = "crate::dates::serialize")]
    as_of: NaiveDate,
}

impl TryFrom<CardRequestRepr> for CardRequest {
    type Error = Within;
    /// Read from JSON: the card's terms and events up to `as_of` are checked as the job
    /// replays them, an error at the field it is about (`card.events[1].amount`).
    fn try_from(r: CardRequestRepr) -> std::result::Result<CardRequest, Within> {
        r.card.replay(r.as_of).map_err(|e| e.under("card"))?;
        Ok(CardRequest::new(r.card, r.as_of))
    }
}

impl From<CardRequest> for CardRequestRepr {
    fn from(r: CardRequest) -> CardRequestRepr {
        CardRequestRepr {
            card: r.card,
            as_of: r.as_of,
        }
    }
}

impl CardRequest {
    /// A request for `card` on `as_of`.
    ///
    /// ```
    /// # use overdue::{jobs::CardRequest, revolving::{Card, CardTerms}, Money, NaiveDate, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
    /// let request = CardRequest::new(Card::new(day, CardTerms::new(Money::ONE, 5, Rate::ZERO)?), day);
    /// assert_eq!(request.as_of, day);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(card: Card, as_of: NaiveDate) -> CardRequest {
        CardRequest { card, as_of }
    }

    /// Runs the job: [`Card::statement`].
    ///
    /// # Errors
    /// As [`Card::statement`].
    ///
    /// ```
    /// # use overdue::{jobs::CardRequest, revolving::{Card, CardTerms}, Money, NaiveDate, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
    /// let empty = CardRequest::new(Card::new(day, CardTerms::new(Money::ONE, 5, Rate::ZERO)?), day);
    /// assert!(empty.run()?.cycles.is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn run(&self) -> Result<CardStatement> {
        self.card.statement(self.as_of)
    }
}

/// The credit card job: [`CardRequest`] → [`CardStatement`].
///
/// ```
/// use overdue::jobs::{CardJob, CardRequest, Job, JobOptions};
/// # use overdue::{revolving::{Card, CardTerms}, Money, NaiveDate, Rate};
/// # let day = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
/// let request = CardRequest::new(Card::new(day, CardTerms::new(Money::ONE, 5, Rate::ZERO)?), day);
/// assert_eq!((CardJob::NAME, CardJob::run(&request, &JobOptions::new())?.available), ("card", Money::ONE));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CardJob;

impl Job for CardJob {
    const NAME: &'static str = "card";
    type Request = CardRequest;
    type Output = CardStatement;
    fn run(request: &CardRequest, _: &JobOptions) -> Result<CardStatement> {
        request.run()
    }
}
