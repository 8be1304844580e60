//! The Metro 2 fields of a credit card, as a revolving account.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::metro2::{open_ends, profile_months, rating_digit};
use super::{Metro2Record, Metro2Status};
use crate::error::Result;
use crate::money::Money;
use crate::revolving::{Card, CardStatus};

/// A credit card's Metro 2 Base Segment fields, as a lender reports a
/// revolving account (the CDIA's guidelines: portfolio type `R`, account
/// type `18`, credit card; the credit limit; the highest balance; terms
/// duration `REV`; the minimum payment as the scheduled monthly payment).
///
/// - `account_status` (17A): by the days past due on the date (`11`, `71`,
///   `78`, `80`, `82`, `83`, `84`), `97` once charged off; a card stays open,
///   so it is never `13` (closing it is the issuer's act).
/// - `payment_history_profile` (18): the 24 months before the reporting
///   month, newest first, each the days past due at its end (`0` to `6`, 30
///   days a step), `L` once charged off, `B` before the card opened.
/// - `amount_past_due` (22): the minimum payments past their due dates and
///   unpaid; `current_balance` (21): everything owed.
///
/// ```
/// use overdue::revolving::{Card, CardEvent, CardTerms};
/// use overdue::{dec, Money, NaiveDate, Rate};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let card = Card::new(d(1, 6), CardTerms::new(Money::new(dec!(10000))?, 5, Rate::daily(dec!(0.0005))?)?)
///     .with_event(CardEvent::Purchase { id: "tv".into(), date: d(1, 10), amount: Money::new(dec!(3000))? });
/// // the 5 February minimum (300) unpaid since 25 February
/// let m = card.metro2(d(4, 30))?;
/// assert_eq!((m.portfolio_type, m.account_type.as_str(), m.terms_duration.as_str()), ('R', "18", "REV"));
/// assert_eq!(m.record.account_status.code(), "78");               // 64 days
/// assert_eq!(m.record.payment_history_profile.get(..4), Some("100B")); // March, February, January, before
/// assert_eq!(m.credit_limit, Money::new(dec!(10000))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CardMetro2 {
    /// Portfolio Type (8): `R`, revolving.
    pub portfolio_type: char,
    /// Account Type (9): `18`, credit card.
    pub account_type: String,
    /// Credit Limit (11): the card's limit.
    pub credit_limit: Money,
    /// Highest Credit (12): the highest balance a statement or the date showed.
    pub highest_credit: Money,
    /// Terms Duration (13): `REV`.
    pub terms_duration: String,
    /// Scheduled Monthly Payment Amount (15): the last statement's minimum payment.
    pub scheduled_monthly_payment: Money,
    /// The fields 17A, 18, 21 and 22.
    pub record: Metro2Record,
}

impl Card {
    /// The card's Metro 2 fields with `as_of` as the Date of Account
    /// Information ([`CardMetro2`]).
    ///
    /// # Errors
    /// As [`Card::statement`].
    ///
    /// ```
    /// use overdue::revolving::{Card, CardTerms};
    /// use overdue::{Money, NaiveDate, Rate};
    /// let card = Card::new(NaiveDate::from_ymd_opt(2026, 1, 6).unwrap(), CardTerms::new(Money::ONE, 5, Rate::ZERO)?);
    /// let m = card.metro2(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap())?;
    /// assert_eq!((m.record.account_status.code(), m.record.current_balance), ("11", Money::ZERO));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn metro2(&self, as_of: NaiveDate) -> Result<CardMetro2> {
        let st = self.statement(as_of)?;
        let owed = st.balances.total()?;
        let highest = st.cycles.iter().map(|c| c.closing_balance).fold(owed, Money::max);
        let months = profile_months(as_of)?;
        let ends = open_ends(&months, self.opened());
        let mut profile = String::with_capacity(months.len());
        for (_, end) in &months {
            if !ends.contains(end) {
                profile.push('B');
                continue;
            }
            let then = self.statement(*end)?;
            profile.push(match then.status {
                CardStatus::ChargedOff => 'L',
                _ => rating_digit(then.days_past_due),
            });
        }
        let status = match st.status {
            CardStatus::ChargedOff => Metro2Status::ChargedOff,
            _ => Metro2Status::for_days_past_due(st.days_past_due),
        };
        Ok(CardMetro2 {
            portfolio_type: 'R',
            account_type: "18".to_owned(),
            credit_limit: st.limit,
            highest_credit: highest,
            terms_duration: "REV".to_owned(),
            scheduled_monthly_payment: st.cycles.last().map_or(Money::ZERO, |c| c.minimum_payment),
            record: Metro2Record {
                date: as_of,
                account_status: status,
                payment_rating: None,
                payment_history_profile: profile,
                amount_past_due: st.past_due,
                current_balance: owed,
                special_comment: None,
            },
        })
    }
}
