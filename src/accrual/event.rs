//! What can happen to a loan after disbursement: payments, their reversals,
//! refunds of a credit balance, waivers and restructures.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::component::Component;
use crate::error::{Error, Result};
use crate::money::Money;

/// `amount`, if it is not zero (a `Money` is never negative); else
/// [`Error::NonPositive`] naming `field`.
pub(crate) fn positive(field: &'static str, amount: Money) -> Result<Money> {
    if amount.is_zero() {
        return Err(Error::NonPositive {
            field,
            value: amount.as_decimal(),
        });
    }
    Ok(amount)
}

/// A payment received from the borrower.
///
/// Its id identifies the debit: a ledger rejects a second payment with the
/// same id, so the same money is never applied twice.
///
/// ```
/// use overdue::NaiveDate;
/// use overdue::{Money, Payment};
/// use overdue::dec;
/// let p = Payment::new("txn-1", NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Money::new(dec!(500))?)?;
/// assert_eq!(p.id(), "txn-1");
/// assert!(Payment::new("txn-2", p.date(), Money::ZERO).is_err());
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "PaymentRepr")]
pub struct Payment {
    id: String,
    date: NaiveDate,
    amount: Money,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename = "Payment", expecting = "struct Payment")]
struct PaymentRepr {
    id: String,
    date: NaiveDate,
    amount: Money,
}

impl TryFrom<PaymentRepr> for Payment {
    type Error = Error;
    fn try_from(r: PaymentRepr) -> Result<Payment> {
        Payment::new(r.id, r.date, r.amount)
    }
}

impl Payment {
    /// A payment of `amount` on `date`, identified by `id`.
    ///
    /// # Errors
    /// [`Error::NonPositive`] with field `payment amount` if the amount is zero
    /// (a negative amount cannot be a [`Money`]).
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::{Money, Payment}; use overdue::dec;
    /// let p = Payment::new("a", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Money::new(dec!(1))?)?;
    /// assert_eq!(p.amount(), Money::new(dec!(1))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(id: impl Into<String>, date: NaiveDate, amount: Money) -> Result<Payment> {
        Ok(Payment {
            id: id.into(),
            date,
            amount: positive("payment amount", amount)?,
        })
    }

    /// Its id.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::{Money, Payment}; use overdue::dec;
    /// # let p = Payment::new("a", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Money::new(dec!(1))?)?;
    /// assert_eq!(p.id(), "a");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The date it was received.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::{Money, Payment}; use overdue::dec;
    /// # let p = Payment::new("a", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Money::new(dec!(1))?)?;
    /// assert_eq!(p.date(), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Its amount.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::{Money, Payment}; use overdue::dec;
    /// # let p = Payment::new("a", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Money::new(dec!(2))?)?;
    /// assert_eq!(p.amount().to_string(), "2");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }
}

/// A waiver: the lender gives up an amount of one component, of one
/// installment or of the whole loan (oldest installment first).
///
/// A waiver of [`Component::Fees`] waives late fees before scheduled fees.
/// Only posted amounts can be waived: penalty interest still inside a waive
/// grace period is not yet charged.
///
/// ```
/// use overdue::NaiveDate;
/// use overdue::{Component, Money, accrual::Waiver};
/// use overdue::dec;
/// let w = Waiver::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Component::PenaltyInterest, Money::new(dec!(20))?)
///     .with_installment(2);
/// assert_eq!(w.installment(), Some(2));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    date: NaiveDate,
    component: Component,
    amount: Money,
    #[serde(default)]
    installment: Option<u32>,
}

impl Waiver {
    /// A waiver of `amount` of `component` on `date`, across the loan.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::{Component, Money, accrual::Waiver};
    /// let w = Waiver::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Component::Fees, Money::ZERO);
    /// assert_eq!(w.component(), Component::Fees);
    /// ```
    pub fn new(date: NaiveDate, component: Component, amount: Money) -> Waiver {
        Waiver {
            date,
            component,
            amount,
            installment: None,
        }
    }

    /// Restricts the waiver to one installment (1-based).
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::{Component, Money, accrual::Waiver};
    /// let w = Waiver::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Component::Fees, Money::ZERO).with_installment(3);
    /// assert_eq!(w.installment(), Some(3));
    /// ```
    pub fn with_installment(mut self, number: u32) -> Waiver {
        self.installment = Some(number);
        self
    }

    /// The date it takes effect.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::{Component, Money, accrual::Waiver};
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    /// assert_eq!(Waiver::new(day, Component::Fees, Money::ZERO).date(), day);
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The component waived.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::{Component, Money, accrual::Waiver};
    /// let w = Waiver::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Component::Interest, Money::ZERO);
    /// assert_eq!(w.component(), Component::Interest);
    /// ```
    pub fn component(&self) -> Component {
        self.component
    }

    /// The amount waived.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::{Component, Money, accrual::Waiver};
    /// let w = Waiver::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Component::Interest, Money::ZERO);
    /// assert!(w.amount().is_zero());
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// The installment it is restricted to, if any.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::{Component, Money, accrual::Waiver};
    /// let w = Waiver::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Component::Interest, Money::ZERO);
    /// assert_eq!(w.installment(), None);
    /// ```
    pub fn installment(&self) -> Option<u32> {
        self.installment
    }
}

/// A payment returned unpaid or charged back: from its date on, the ledger
/// replays the loan as if the payment had never been received (penalties,
/// fees and days past due follow), and posts the returned-payment fee, if
/// any, on the reversal date. A statement as of a date before the reversal
/// still shows the payment, as it stood then.
///
/// ```
/// use overdue::NaiveDate;
/// use overdue::{Money, accrual::Reversal};
/// use overdue::dec;
/// let r = Reversal::new("bank-77", NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()).with_fee(Money::new(dec!(15))?);
/// assert_eq!((r.payment_id(), r.fee()), ("bank-77", Some(Money::new(dec!(15))?)));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reversal {
    payment_id: String,
    date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fee: Option<Money>,
}

impl Reversal {
    /// The reversal on `date` of the payment recorded under `payment_id`.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::accrual::Reversal;
    /// let r = Reversal::new("p1", NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
    /// assert_eq!(r.fee(), None);
    /// ```
    pub fn new(payment_id: impl Into<String>, date: NaiveDate) -> Reversal {
        Reversal {
            payment_id: payment_id.into(),
            date,
            fee: None,
        }
    }

    /// Adds a returned-payment fee, posted on the reversal date.
    ///
    /// ```
    /// # use overdue::Money;
    /// # use overdue::accrual::Reversal;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let r = Reversal::new("p1", NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()).with_fee(Money::new(dec!(20))?);
    /// assert_eq!(r.fee(), Some(Money::new(dec!(20))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_fee(mut self, fee: Money) -> Reversal {
        self.fee = Some(fee);
        self
    }

    /// The id of the payment reversed.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::accrual::Reversal;
    /// assert_eq!(Reversal::new("p1", NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()).payment_id(), "p1");
    /// ```
    pub fn payment_id(&self) -> &str {
        &self.payment_id
    }

    /// The date the payment came back.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::accrual::Reversal;
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
    /// assert_eq!(Reversal::new("p1", day).date(), day);
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The returned-payment fee, if any.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::accrual::Reversal;
    /// assert!(Reversal::new("p1", NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()).fee().is_none());
    /// ```
    pub fn fee(&self) -> Option<Money> {
        self.fee
    }
}

/// Money paid back to the borrower out of the credit balance.
///
/// ```
/// use overdue::NaiveDate;
/// use overdue::{Money, accrual::Refund};
/// use overdue::dec;
/// let r = Refund::new(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(), Money::new(dec!(50))?)?;
/// assert_eq!(r.amount(), Money::new(dec!(50))?);
/// assert!(Refund::new(r.date(), Money::ZERO).is_err());
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "RefundRepr")]
pub struct Refund {
    date: NaiveDate,
    amount: Money,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename = "Refund", expecting = "struct Refund")]
struct RefundRepr {
    date: NaiveDate,
    amount: Money,
}

impl TryFrom<RefundRepr> for Refund {
    type Error = Error;
    fn try_from(r: RefundRepr) -> Result<Refund> {
        Refund::new(r.date, r.amount)
    }
}

impl Refund {
    /// A refund of `amount` on `date`.
    ///
    /// # Errors
    /// [`Error::NonPositive`] with field `refund amount` for a zero amount.
    ///
    /// ```
    /// # use overdue::Money;
    /// # use overdue::accrual::Refund;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let r = Refund::new(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(), Money::new(dec!(1))?)?;
    /// assert_eq!(r.date(), NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(date: NaiveDate, amount: Money) -> Result<Refund> {
        Ok(Refund {
            date,
            amount: positive("refund amount", amount)?,
        })
    }

    /// The date it is paid out.
    ///
    /// ```
    /// # use overdue::Money;
    /// # use overdue::accrual::Refund;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
    /// assert_eq!(Refund::new(day, Money::new(dec!(1))?)?.date(), day);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Its amount.
    ///
    /// ```
    /// # use overdue::Money;
    /// # use overdue::accrual::Refund;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let r = Refund::new(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(), Money::new(dec!(2))?)?;
    /// assert_eq!(r.amount().to_string(), "2");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }
}

/// What interrupts the limitation period (诉讼时效中断, Civil Code art. 195):
/// the creditor's demand, the debtor's agreeing to pay, a lawsuit or
/// arbitration. A payment interrupts it too, without an event of this kind
/// (it is the debtor agreeing to pay by paying).
///
/// ```
/// use overdue::accrual::InterruptionCause;
/// assert_eq!(InterruptionCause::default(), InterruptionCause::Demand);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InterruptionCause {
    /// The creditor asked the debtor to pay (a letter, a message, a call on
    /// record: 权利人向义务人提出履行请求). The default.
    #[default]
    Demand,
    /// The debtor agreed to pay (a signed acknowledgement, a repayment plan:
    /// 义务人同意履行义务).
    Acknowledgement,
    /// A lawsuit or an arbitration was filed; the date is the day its
    /// proceedings ended, from which the period runs again.
    Lawsuit,
}

/// An event with no money in it that interrupts the limitation period:
/// recorded in the ledger so that [`Ledger::limitation`](crate::Ledger::limitation)
/// replays it with the payments. It changes no statement.
///
/// ```
/// use overdue::{accrual::Interruption, accrual::InterruptionCause, NaiveDate};
/// let day = NaiveDate::from_ymd_opt(2028, 3, 1).unwrap();
/// let demand = Interruption::new(day, InterruptionCause::Demand);
/// assert_eq!((demand.date(), demand.cause()), (day, InterruptionCause::Demand));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Interruption {
    date: NaiveDate,
    #[serde(default)]
    cause: InterruptionCause,
}

impl Interruption {
    /// An interruption of `cause` on `date`.
    ///
    /// ```
    /// use overdue::{accrual::Interruption, accrual::InterruptionCause, NaiveDate};
    /// let day = NaiveDate::from_ymd_opt(2028, 3, 1).unwrap();
    /// assert_eq!(Interruption::new(day, InterruptionCause::Lawsuit).cause(), InterruptionCause::Lawsuit);
    /// ```
    pub fn new(date: NaiveDate, cause: InterruptionCause) -> Interruption {
        Interruption { date, cause }
    }

    /// Its date.
    ///
    /// ```
    /// use overdue::{accrual::Interruption, accrual::InterruptionCause, NaiveDate};
    /// let day = NaiveDate::from_ymd_opt(2028, 3, 1).unwrap();
    /// assert_eq!(Interruption::new(day, InterruptionCause::Demand).date(), day);
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// What interrupted the period.
    ///
    /// ```
    /// use overdue::{accrual::Interruption, accrual::InterruptionCause, NaiveDate};
    /// let day = NaiveDate::from_ymd_opt(2028, 3, 1).unwrap();
    /// assert_eq!(Interruption::new(day, InterruptionCause::Acknowledgement).cause(), InterruptionCause::Acknowledgement);
    /// ```
    pub fn cause(&self) -> InterruptionCause {
        self.cause
    }
}

/// Something that happened to a loan after disbursement.
///
/// Events on the same date are replayed waivers first (in component,
/// installment and amount order), then payments (in id order), then
/// reversals (in payment id order), then refunds, then a restructure, then
/// interruptions of the limitation period (which move no money), so the
/// order in which they were recorded never matters.
///
/// ```
/// # use overdue::{Money, Payment};
/// # use overdue::accrual::Event;
/// # use overdue::NaiveDate; use overdue::dec;
/// let p = Payment::new("p1", NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(), Money::new(dec!(10))?)?;
/// let e = Event::Payment(p.clone());
/// assert_eq!(e.date(), p.date());
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[non_exhaustive]
pub enum Event {
    /// A payment.
    Payment(Payment),
    /// A waiver.
    Waiver(Waiver),
    /// A restructure or deferral: a new plan for what is owed.
    Restructure(crate::restructure::Restructure),
    /// A payment returned unpaid or charged back.
    Reversal(Reversal),
    /// A credit balance paid back to the borrower.
    Refund(Refund),
    /// A demand, an acknowledgement or a lawsuit: it interrupts the
    /// limitation period and moves no money.
    Interruption(Interruption),
    /// A promotion offered: applied on the day its condition is met.
    Promotion(crate::accrual::Promotion),
}

impl Event {
    /// The date of the event.
    ///
    /// ```
    /// # use overdue::{Money, Component};
    /// # use overdue::accrual::{Event, Waiver};
    /// # use overdue::NaiveDate;
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    /// assert_eq!(Event::Waiver(Waiver::new(day, Component::Fees, Money::ZERO)).date(), day);
    /// ```
    pub fn date(&self) -> NaiveDate {
        match self {
            Event::Payment(p) => p.date,
            Event::Waiver(w) => w.date,
            Event::Restructure(r) => r.date(),
            Event::Reversal(r) => r.date,
            Event::Refund(r) => r.date,
            Event::Interruption(i) => i.date,
            Event::Promotion(p) => p.offered(),
        }
    }

    /// The replay order: date, then promotions and waivers before payments,
    /// then a stable key.
    pub(crate) fn sort_key(&self) -> (NaiveDate, u8, &str, usize, Option<u32>, Money) {
        match self {
            Event::Waiver(w) => (w.date, 0, "", w.component.index(), w.installment, w.amount),
            Event::Payment(p) => (p.date, 1, p.id.as_str(), 0, None, p.amount),
            Event::Reversal(r) => (r.date, 2, r.payment_id.as_str(), 0, None, Money::ZERO),
            Event::Refund(r) => (r.date, 3, "", 0, None, r.amount),
            Event::Restructure(r) => (r.date(), 4, "", 0, None, Money::ZERO),
            Event::Interruption(i) => (i.date, 5, "", i.cause as usize, None, Money::ZERO),
            Event::Promotion(p) => (p.offered(), 0, p.label(), usize::MAX, None, Money::ZERO),
        }
    }
}

crate::serde_tagged::tagged!(Event, "an event", {
    "payment" => Payment => Event::Payment,
    "waiver" => Waiver => Event::Waiver,
    "restructure" => crate::restructure::Restructure => Event::Restructure,
    "reversal" => Reversal => Event::Reversal,
    "refund" => Refund => Event::Refund,
    "interruption" => Interruption => Event::Interruption,
    "promotion" => crate::accrual::Promotion => Event::Promotion,
});
