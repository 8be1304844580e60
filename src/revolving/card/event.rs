//! What happens on a card: purchases, cash advances, transfers, fees,
//! payments, refunds and returned payments, each with its id and date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::clauses::PlanCharge;
use crate::money::Money;

/// One event on a card, with its id (unique on the card) and date.
///
/// ```
/// use overdue::revolving::CardEvent;
/// use overdue::{dec, Money, NaiveDate};
/// let day = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
/// let bought = CardEvent::Purchase { id: "tv".into(), date: day, amount: Money::new(dec!(3000))? };
/// assert_eq!((bought.id(), bought.date()), ("tv", day));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum CardEvent {
    /// A purchase (消费): the purchase balance, with the grace period.
    Purchase {
        /// Its id.
        id: String,
        /// The posting date (记账日).
        date: NaiveDate,
        /// The amount.
        amount: Money,
    },
    /// A cash advance (取现): the cash balance, interest from its date, and
    /// the cash-advance fee.
    CashAdvance {
        /// Its id.
        id: String,
        /// The posting date.
        date: NaiveDate,
        /// The amount.
        amount: Money,
    },
    /// A balance transfer: the transferred balance at the promotional rate
    /// while it lasts, interest from its date, and the transfer fee.
    BalanceTransfer {
        /// Its id.
        id: String,
        /// The posting date.
        date: NaiveDate,
        /// The amount.
        amount: Money,
    },
    /// A fee the issuer charged (a card replacement, a statement copy).
    Fee {
        /// Its id.
        id: String,
        /// The posting date.
        date: NaiveDate,
        /// The amount.
        amount: Money,
    },
    /// A payment (还款).
    Payment {
        /// Its id.
        id: String,
        /// The day it was received.
        date: NaiveDate,
        /// The amount.
        amount: Money,
    },
    /// A refund of a purchase (退货): a credit to the purchase balance.
    Refund {
        /// Its id.
        id: String,
        /// The posting date.
        date: NaiveDate,
        /// The amount, at most what is left of the purchase.
        amount: Money,
        /// The id of the purchase refunded.
        of: String,
    },
    /// A card installment plan (账单分期): `amount` of the billed purchases
    /// repaid in `periods` equal parts, one on each statement from the next,
    /// each with the plan's charge; at most 60 periods (银保监规〔2022〕13号:
    /// 分期 at most five years), due in full with the minimum.
    InstallmentPlan {
        /// Its id.
        id: String,
        /// The day it is agreed: after a statement, on its purchases.
        date: NaiveDate,
        /// The amount converted, at most the billed purchases.
        amount: Money,
        /// The number of periods (1 to 60).
        periods: u32,
        /// What each period charges.
        charge: PlanCharge,
    },
    /// A payment returned unpaid (a bounced debit).
    Reversal {
        /// Its id.
        id: String,
        /// The day it was returned.
        date: NaiveDate,
        /// The id of the payment returned.
        of: String,
    },
}

/// The fields of a charge or a payment.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fields {
    id: String,
    date: NaiveDate,
    amount: Money,
}

/// The fields of [`CardEvent::Refund`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RefundFields {
    id: String,
    date: NaiveDate,
    amount: Money,
    of: String,
}

/// The fields of [`CardEvent::InstallmentPlan`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFields {
    id: String,
    date: NaiveDate,
    amount: Money,
    periods: u32,
    charge: PlanCharge,
}

/// The fields of [`CardEvent::Reversal`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReversalFields {
    id: String,
    date: NaiveDate,
    of: String,
}

crate::serde_tagged::tagged!(CardEvent, "a card event", {
    "purchase" => Fields => |f| CardEvent::Purchase { id: f.id, date: f.date, amount: f.amount },
    "cash_advance" => Fields => |f| CardEvent::CashAdvance { id: f.id, date: f.date, amount: f.amount },
    "balance_transfer" => Fields => |f| CardEvent::BalanceTransfer { id: f.id, date: f.date, amount: f.amount },
    "fee" => Fields => |f| CardEvent::Fee { id: f.id, date: f.date, amount: f.amount },
    "payment" => Fields => |f| CardEvent::Payment { id: f.id, date: f.date, amount: f.amount },
    "refund" => RefundFields => |f| CardEvent::Refund { id: f.id, date: f.date, amount: f.amount, of: f.of },
    "installment_plan" => PlanFields => |f| CardEvent::InstallmentPlan { id: f.id, date: f.date, amount: f.amount, periods: f.periods, charge: f.charge },
    "reversal" => ReversalFields => |f| CardEvent::Reversal { id: f.id, date: f.date, of: f.of },
});

impl CardEvent {
    /// Its id.
    ///
    /// ```
    /// use overdue::{revolving::CardEvent, Money, NaiveDate};
    /// let e = CardEvent::Payment { id: "p1".into(), date: NaiveDate::MIN, amount: Money::ONE };
    /// assert_eq!(e.id(), "p1");
    /// ```
    pub fn id(&self) -> &str {
        match self {
            CardEvent::Purchase { id, .. }
            | CardEvent::CashAdvance { id, .. }
            | CardEvent::BalanceTransfer { id, .. }
            | CardEvent::Fee { id, .. }
            | CardEvent::Payment { id, .. }
            | CardEvent::Refund { id, .. }
            | CardEvent::InstallmentPlan { id, .. }
            | CardEvent::Reversal { id, .. } => id,
        }
    }

    /// Its date.
    ///
    /// ```
    /// use overdue::{revolving::CardEvent, Money, NaiveDate};
    /// let e = CardEvent::Payment { id: "p1".into(), date: NaiveDate::MIN, amount: Money::ONE };
    /// assert_eq!(e.date(), NaiveDate::MIN);
    /// ```
    pub fn date(&self) -> NaiveDate {
        match self {
            CardEvent::Purchase { date, .. }
            | CardEvent::CashAdvance { date, .. }
            | CardEvent::BalanceTransfer { date, .. }
            | CardEvent::Fee { date, .. }
            | CardEvent::Payment { date, .. }
            | CardEvent::Refund { date, .. }
            | CardEvent::InstallmentPlan { date, .. }
            | CardEvent::Reversal { date, .. } => *date,
        }
    }

    /// Its amount (a reversal's is the payment's, so none of its own).
    ///
    /// ```
    /// use overdue::{revolving::CardEvent, NaiveDate};
    /// let e = CardEvent::Reversal { id: "r1".into(), date: NaiveDate::MIN, of: "p1".into() };
    /// assert_eq!(e.amount(), None);
    /// ```
    pub fn amount(&self) -> Option<Money> {
        match self {
            CardEvent::Purchase { amount, .. }
            | CardEvent::CashAdvance { amount, .. }
            | CardEvent::BalanceTransfer { amount, .. }
            | CardEvent::Fee { amount, .. }
            | CardEvent::Payment { amount, .. }
            | CardEvent::Refund { amount, .. }
            | CardEvent::InstallmentPlan { amount, .. } => Some(*amount),
            CardEvent::Reversal { .. } => None,
        }
    }

    /// The order of events on one day: charges first, then credits, then
    /// returned payments, so a payment on a purchase's day repays it.
    pub(super) fn rank(&self) -> u8 {
        match self {
            CardEvent::Purchase { .. }
            | CardEvent::CashAdvance { .. }
            | CardEvent::BalanceTransfer { .. }
            | CardEvent::Fee { .. } => 0,
            CardEvent::Payment { .. } | CardEvent::Refund { .. } | CardEvent::InstallmentPlan { .. } => 1,
            CardEvent::Reversal { .. } => 2,
        }
    }
}
