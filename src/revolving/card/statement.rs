//! What a card's statements say, and the card on any date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::money::Money;

/// A card's balances by type: principal by the rate it bears, then the
/// interest and fees charged (which bear none).
///
/// ```
/// use overdue::revolving::CardBalances;
/// assert_eq!(CardBalances::default().total()?, overdue::Money::ZERO);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct CardBalances {
    /// Purchases (消费).
    pub purchase: Money,
    /// Cash advances (取现).
    pub cash: Money,
    /// Balance transfers.
    pub transfer: Money,
    /// Interest charged and not repaid.
    pub interest: Money,
    /// Fees charged and not repaid (late fees included).
    pub fees: Money,
    /// Installment plans' principal not repaid (账单分期), billed or not.
    #[serde(default)]
    pub installments: Money,
}

impl CardBalances {
    /// Everything owed.
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) past the decimal range.
    ///
    /// ```
    /// use overdue::{revolving::CardBalances, Money};
    /// let mut b = CardBalances::default();
    /// b.purchase = Money::ONE;
    /// b.fees = Money::ONE;
    /// assert_eq!(b.total()?, Money::new(overdue::dec!(2))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn total(&self) -> Result<Money> {
        Money::sum([
            self.purchase,
            self.cash,
            self.transfer,
            self.interest,
            self.fees,
            self.installments,
        ])
    }

    /// The principal: purchases, cash advances and transfers.
    ///
    /// ```
    /// use overdue::{revolving::CardBalances, Money};
    /// let mut b = CardBalances::default();
    /// b.cash = Money::ONE;
    /// assert_eq!(b.principal()?, Money::ONE);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn principal(&self) -> Result<Money> {
        Money::sum([self.purchase, self.cash, self.transfer])
    }
}

/// The interest a statement charges, by the balance that bore it.
///
/// ```
/// use overdue::revolving::CardInterest;
/// assert_eq!(CardInterest::default().total()?, overdue::Money::ZERO);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct CardInterest {
    /// On purchases.
    pub purchase: Money,
    /// On cash advances.
    pub cash: Money,
    /// On transfers.
    pub transfer: Money,
}

impl CardInterest {
    /// The three together.
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) past the decimal range.
    ///
    /// ```
    /// use overdue::{revolving::CardInterest, Money};
    /// let mut i = CardInterest::default();
    /// i.cash = Money::ONE;
    /// assert_eq!(i.total()?, Money::ONE);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn total(&self) -> Result<Money> {
        Money::sum([self.purchase, self.cash, self.transfer])
    }
}

/// Whether a statement's purchases were interest-free: the previous
/// statement was paid in full by its due date (免息期).
///
/// ```
/// use overdue::revolving::Grace;
/// assert_ne!(Grace::Applied, Grace::Lost);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Grace {
    /// Paid in full by the due date: no interest on its purchases.
    Applied,
    /// Not paid in full: its purchases bear interest as the card's
    /// [`InterestMethod`](crate::revolving::InterestMethod) says.
    Lost,
    /// The due date has not come yet.
    Open,
}

/// Where a card stands.
///
/// ```
/// use overdue::revolving::CardStatus;
/// assert_ne!(CardStatus::Current, CardStatus::ChargedOff);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CardStatus {
    /// Nothing past due.
    Current,
    /// A minimum payment is past due.
    PastDue,
    /// Charged off: no more interest or fees.
    ChargedOff,
}

/// Which rate a card's purchases and cash advances bear.
///
/// ```
/// use overdue::revolving::RateInForce;
/// assert_ne!(RateInForce::Contract, RateInForce::Penalty);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RateInForce {
    /// The contract's rates.
    Contract,
    /// The penalty rate (US rules, 12 CFR 1026.55(b)(4)).
    Penalty,
}

/// The US minimum-payment warning (12 CFR 1026.7(b)(12)), worked as
/// Appendix M2 does: monthly periodic rates of APR / 12 on each balance,
/// only the minimum paid each month and applied to the lowest-rate balance
/// first, no new charges; and the level payment that repays the balance in
/// 36 months at the balance-weighted rate.
///
/// ```
/// use overdue::revolving::MinimumPaymentWarning;
/// let none: Option<MinimumPaymentWarning> = None;
/// assert!(none.is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct MinimumPaymentWarning {
    /// Months to repay paying only the minimum (`None`: the minimum never
    /// repays the balance, or not within 100 years).
    pub months_minimum_only: Option<u32>,
    /// What the borrower pays in all, paying only the minimum.
    pub total_minimum_only: Option<Money>,
    /// The monthly payment that repays the balance in 36 months (`None`
    /// when the minimum alone repays it within 36 months, where the
    /// regulation asks for no 36-month figures).
    pub payment_36_months: Option<Money>,
    /// What the borrower pays in all at that payment.
    pub total_36_months: Option<Money>,
    /// What paying in 36 months saves against the minimum only.
    pub savings: Option<Money>,
}

/// One statement (账单) of a card.
///
/// ```
/// use overdue::revolving::{Card, CardEvent, CardTerms};
/// use overdue::{dec, Money, NaiveDate, Rate};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let terms = CardTerms::new(Money::new(dec!(10000))?, 5, Rate::daily(dec!(0.0005))?)?;
/// let card = Card::new(d(3, 6), terms)
///     .with_event(CardEvent::Purchase { id: "tv".into(), date: d(3, 10), amount: Money::new(dec!(3000))? });
/// let st = card.statement(d(4, 5))?;
/// let cycle = &st.cycles[0];
/// assert_eq!((cycle.statement_date, cycle.due_date), (d(4, 5), d(4, 25)));
/// assert_eq!((cycle.closing_balance, cycle.minimum_payment), (Money::new(dec!(3000))?, Money::new(dec!(300))?));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct CardCycle {
    /// The first day of the cycle.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub period_start: NaiveDate,
    /// The statement date (账单日): events on it are on this statement.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub statement_date: NaiveDate,
    /// The payment due date (还款日).
    #[serde(serialize_with = "crate::dates::serialize")]
    pub due_date: NaiveDate,
    /// What was owed at the previous statement (net of any credit balance).
    pub opening_balance: Money,
    /// Purchases posted in the cycle.
    pub purchases: Money,
    /// Cash advances posted.
    pub cash_advances: Money,
    /// Balance transfers posted.
    pub transfers: Money,
    /// Payments received.
    pub payments: Money,
    /// Refunds credited.
    pub refunds: Money,
    /// Payments returned unpaid.
    pub returned_payments: Money,
    /// Fees charged (annual, cash-advance, transfer, late, installment-plan and other).
    pub fees: Money,
    /// Installment-plan principal billed on this statement, due in full.
    pub installments: Money,
    /// Interest charged, by balance.
    pub interest: CardInterest,
    /// What is owed at the statement date (net of any credit balance).
    pub closing_balance: Money,
    /// A credit balance (overpaid) at the statement date.
    pub credit_balance: Money,
    /// The balances by type at the statement date.
    pub balances: CardBalances,
    /// The minimum payment (最低还款额), past-due amount included.
    pub minimum_payment: Money,
    /// The part of it that was already past due.
    pub past_due: Money,
    /// Whether this statement's purchases are interest-free: the previous
    /// statement paid in full by its due date (`open` until its due date).
    pub grace: Grace,
    /// Days past due at the statement date.
    pub days_past_due: u32,
    /// How much the balance is over the limit.
    pub over_limit: Money,
    /// The minimum-payment warning (US rules).
    pub warning: Option<MinimumPaymentWarning>,
}

/// A card on a date: what is owed, what is due and when, days past due and
/// every statement up to the date.
///
/// ```
/// use overdue::revolving::{Card, CardEvent, CardStatus, CardTerms};
/// use overdue::{dec, Money, NaiveDate, Rate};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let terms = CardTerms::new(Money::new(dec!(10000))?, 5, Rate::daily(dec!(0.0005))?)?;
/// let card = Card::new(d(3, 6), terms)
///     .with_event(CardEvent::Purchase { id: "tv".into(), date: d(3, 10), amount: Money::new(dec!(3000))? });
/// let st = card.statement(d(5, 1))?;           // nothing paid by 25 April
/// assert_eq!((st.days_past_due, st.status), (6, CardStatus::PastDue));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct CardStatement {
    /// The date (events on it included).
    #[serde(serialize_with = "crate::dates::serialize")]
    pub as_of: NaiveDate,
    /// The credit limit (额度).
    pub limit: Money,
    /// What may still be charged: the limit less what is owed (not below zero).
    pub available: Money,
    /// What is owed, by type (billed and not yet billed).
    pub balances: CardBalances,
    /// Interest accrued since the last statement and not yet billed (to the cent).
    pub accrued_interest: Money,
    /// What pays the card off on the date: the balances and the accrued interest.
    pub payoff: Money,
    /// A credit balance (overpaid).
    pub credit_balance: Money,
    /// The billed purchases an installment plan (账单分期) can convert on
    /// the date: what [`CardEvent::InstallmentPlan`](super::CardEvent::InstallmentPlan) takes at most.
    #[serde(default)]
    pub convertible: Money,
    /// What is still owed of the minimum payments (due or past due).
    pub minimum_due: Money,
    /// The part of it past its due date.
    pub past_due: Money,
    /// The next due date, if a statement awaits payment.
    pub next_due_date: Option<NaiveDate>,
    /// Days past due, counted from the first minimum payment missed.
    pub days_past_due: u32,
    /// The delinquency bucket (the Chinese card classes under Chinese rules, M-buckets under US rules).
    pub bucket: String,
    /// Where the card stands.
    pub status: CardStatus,
    /// How much the balance is over the limit.
    pub over_limit: Money,
    /// The rate in force on purchases and cash advances.
    pub rate_in_force: RateInForce,
    /// Every statement up to the date.
    pub cycles: Vec<CardCycle>,
}
