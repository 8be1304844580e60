//! A credit line's terms, its draws and the payments made to it.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::accrual::{OverduePolicy, Payment, Reversal};
use crate::calendar::DayCount;
use crate::error::{Error, Result};
use crate::money::Money;
use crate::schedule::{InterestModel, Terms};

/// How few days a draw's first period may have: a draw made less than this
/// many days before the line's due day is first due on the due day after.
///
/// ```
/// assert_eq!(overdue::revolving::MIN_FIRST_PERIOD_DAYS, 15);
/// ```
pub const MIN_FIRST_PERIOD_DAYS: u32 = 15;

/// One draw on a credit line: its own amount, date and terms (rate, number
/// of installments, repayment method: 等额本息, 等额本金 or 先息后本).
///
/// Its installments fall due on the line's due day, the first at least
/// [`MIN_FIRST_PERIOD_DAYS`] after the draw, unless its terms set a first
/// due date.
///
/// ```
/// use overdue::revolving::Draw;
/// use overdue::{schedule::Terms, Method, Money, NaiveDate, Rate};
/// use overdue::dec;
/// let draw = Draw::new("d1", NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), Money::new(dec!(6000))?,
///     Terms::new(Rate::daily(dec!(0.0004))?, 6).with_method(Method::EqualPrincipal));
/// assert_eq!(draw.amount(), Money::new(dec!(6000))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Draw {
    id: String,
    date: NaiveDate,
    amount: Money,
    terms: Terms,
}

impl Draw {
    /// A draw of `amount` on `date` on `terms`.
    ///
    /// ```
    /// # use overdue::{revolving::Draw, schedule::Terms, Money, NaiveDate, Rate};
    /// let draw = Draw::new("d1", NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), Money::ONE, Terms::new(Rate::ZERO, 3));
    /// assert_eq!((draw.id(), draw.amount()), ("d1", Money::ONE));
    /// ```
    pub fn new(id: impl Into<String>, date: NaiveDate, amount: Money, terms: Terms) -> Draw {
        Draw {
            id: id.into(),
            date,
            amount,
            terms,
        }
    }

    /// Its id, unique on the line.
    ///
    /// ```
    /// # use overdue::{revolving::Draw, schedule::Terms, Money, NaiveDate, Rate};
    /// let draw = Draw::new("d1", NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), Money::ZERO, Terms::new(Rate::ZERO, 3));
    /// assert_eq!(draw.id(), "d1");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The day the money was paid out.
    ///
    /// ```
    /// # use overdue::{revolving::Draw, schedule::Terms, Money, NaiveDate, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// assert_eq!(Draw::new("d1", day, Money::ZERO, Terms::new(Rate::ZERO, 3)).date(), day);
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The amount drawn.
    ///
    /// ```
    /// # use overdue::{revolving::Draw, schedule::Terms, Money, NaiveDate, Rate};
    /// let draw = Draw::new("d1", NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), Money::ONE, Terms::new(Rate::ZERO, 3));
    /// assert_eq!(draw.amount(), Money::ONE);
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// Its terms.
    ///
    /// ```
    /// # use overdue::{revolving::Draw, schedule::Terms, Money, NaiveDate, Rate};
    /// let draw = Draw::new("d1", NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), Money::ONE, Terms::new(Rate::ZERO, 3));
    /// assert_eq!(draw.terms().installments(), 3);
    /// ```
    pub fn terms(&self) -> &Terms {
        &self.terms
    }
}

/// A credit line (随借随还): a limit, one due day a month for every draw,
/// the overdue policy every draw is held to, its draws and the payments
/// made to it.
///
/// - **Interest** accrues day by day on each draw's principal outstanding
///   ([`InterestModel::DailyOnBalance`], Act/365 Fixed: a daily rate of
///   0.04 % charges 0.04 % a day), so repaying early, in part or in full,
///   costs only the days used and no fee unless the policy's
///   [`EarlySettlement`](crate::accrual::EarlySettlement) sets one.
/// - **Penalty** is the policy's; its default, 1.5 × the contract rate on
///   overdue principal, is the common platform rule.
/// - **A payment** goes first to what has fallen due, oldest due date
///   first across draws (the earlier draw first on the same date), then
///   prepays the draws oldest first; what is left after every draw is paid
///   off is held by the latest draw as its credit balance. On one day,
///   draws come before payments, so a payment repays the day's draws too
///   and a statement's payoff paid on its date settles every draw it
///   counts; a repayment frees the limit for draws from the next day.
/// - **The limit**: a draw above what is available on its date (the limit
///   less the principal outstanding) is refused, and so is a draw while the
///   line is frozen: on a day any draw is at least
///   [`CreditLine::freeze_after`] days past due (1 by default: as soon as
///   anything is overdue). Repaid principal is available again at once.
///
/// ```
/// use overdue::revolving::{CreditLine, Draw};
/// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
/// use overdue::dec;
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let line = CreditLine::new(Money::new(dec!(20000))?, 10, OverduePolicy::new())?
///     .with_draw(Draw::new("d1", d(1, 5), Money::new(dec!(6000))?, Terms::new(Rate::daily(dec!(0.0004))?, 6)))
///     .with_draw(Draw::new("d2", d(2, 20), Money::new(dec!(3000))?, Terms::new(Rate::daily(dec!(0.0004))?, 3)))
///     .with_payment(Payment::new("p1", d(2, 10), Money::new(dec!(2200))?)?);
/// let st = line.statement(d(3, 1))?;
/// assert_eq!(st.draws.len(), 2);
/// assert_eq!(st.available, Money::new(dec!(20000))?.checked_sub(st.outstanding.principal)?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CreditLine {
    pub(super) limit: Money,
    pub(super) due_day: u32,
    pub(super) policy: OverduePolicy,
    #[serde(default = "default_freeze_after")]
    pub(super) freeze_after: u32,
    #[serde(default)]
    pub(super) draws: Vec<Draw>,
    #[serde(default)]
    pub(super) payments: Vec<Payment>,
    #[serde(default)]
    pub(super) reversals: Vec<Reversal>,
}

fn default_freeze_after() -> u32 {
    1
}

impl CreditLine {
    /// A line with `limit`, every installment due on day `due_day` of the
    /// month (1 to 28, so that every month has it), held to `policy`.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a due day outside 1 to 28 or a negative limit.
    ///
    /// ```
    /// use overdue::{revolving::CreditLine, Money, OverduePolicy};
    /// assert!(CreditLine::new(Money::ONE, 29, OverduePolicy::new()).is_err());
    /// assert!(CreditLine::new(Money::ONE, 28, OverduePolicy::new()).is_ok());
    /// ```
    pub fn new(limit: Money, due_day: u32, policy: OverduePolicy) -> Result<CreditLine> {
        let line = CreditLine {
            limit,
            due_day,
            policy,
            freeze_after: default_freeze_after(),
            draws: Vec::new(),
            payments: Vec::new(),
            reversals: Vec::new(),
        };
        line.validate()?;
        Ok(line)
    }

    /// Checks what the setters and a JSON reading leave unchecked.
    pub(super) fn validate(&self) -> Result<()> {
        if !(1..=28).contains(&self.due_day) {
            return Err(Error::Invalid {
                field: "due_day",
                reason: format!("must be a day from 1 to 28 (every month has it), got {}", self.due_day),
            });
        }
        if self.limit.as_decimal().is_sign_negative() && !self.limit.is_zero() {
            return Err(Error::Invalid {
                field: "limit",
                reason: format!("must not be negative, got {}", self.limit),
            });
        }
        Ok(())
    }

    /// The line frozen (no new draws) on a day any draw is at least `days`
    /// past due; 0 never freezes it.
    ///
    /// ```
    /// use overdue::{revolving::CreditLine, Money, OverduePolicy};
    /// let line = CreditLine::new(Money::ONE, 10, OverduePolicy::new())?.with_freeze_after(30);
    /// assert_eq!(line.freeze_after(), 30);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_freeze_after(mut self, days: u32) -> CreditLine {
        self.freeze_after = days;
        self
    }

    /// The days past due at which the line is frozen (0: never).
    ///
    /// ```
    /// use overdue::{revolving::CreditLine, Money, OverduePolicy};
    /// assert_eq!(CreditLine::new(Money::ONE, 10, OverduePolicy::new())?.freeze_after(), 1);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn freeze_after(&self) -> u32 {
        self.freeze_after
    }

    /// The line with one more draw.
    ///
    /// ```
    /// use overdue::revolving::{CreditLine, Draw};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let line = CreditLine::new(Money::ONE, 10, OverduePolicy::new())?
    ///     .with_draw(Draw::new("d1", day, Money::ONE, Terms::new(Rate::ZERO, 1)))
    ///     .with_payment(Payment::new("p1", day, Money::ONE)?);
    /// assert_eq!((line.draws().len(), line.payments().len()), (1, 1));
    /// assert_eq!(line.policy(), &OverduePolicy::new());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_draw(mut self, draw: Draw) -> CreditLine {
        self.draws.push(draw);
        self
    }

    /// The line with one more payment, which it shares among its draws.
    ///
    /// ```
    /// use overdue::revolving::{CreditLine, Draw};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let line = CreditLine::new(Money::ONE, 10, OverduePolicy::new())?
    ///     .with_draw(Draw::new("d1", day, Money::ONE, Terms::new(Rate::ZERO, 1)))
    ///     .with_payment(Payment::new("p1", day, Money::ONE)?);
    /// assert_eq!((line.draws().len(), line.payments().len()), (1, 1));
    /// assert_eq!(line.policy(), &OverduePolicy::new());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_payment(mut self, payment: Payment) -> CreditLine {
        self.payments.push(payment);
        self
    }

    /// The line with one more reversal: a payment returned unpaid (a
    /// bounced debit, a recalled transfer). From the reversal's date the
    /// payment is left out of the line's history, as if it had never been
    /// made, so the draws it paid owe again from their own due dates, with
    /// their penalties; a statement dated before the reversal still counts
    /// it. A draw made before the reversal stays made, judged on the history
    /// its day knew (the reversed payment still counted then), even if the
    /// line would have been frozen or over its limit without that payment.
    /// A line's reversal carries no fee: a returned-payment fee is charged
    /// under the overdue policy, not on the reversal.
    ///
    /// ```
    /// use overdue::accrual::Reversal;
    /// use overdue::revolving::{CreditLine, Draw};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let thousand = Money::new(overdue::dec!(1000))?;
    /// let line = CreditLine::new(thousand, 10, OverduePolicy::new())?
    ///     .with_draw(Draw::new("d1", d(1, 5), thousand, Terms::new(Rate::ZERO, 2)))
    ///     .with_payment(Payment::new("feb", d(2, 10), Money::new(overdue::dec!(500))?)?)
    ///     .with_reversal(Reversal::new("feb", d(2, 14)));
    /// assert_eq!(line.statement(d(2, 13))?.days_past_due, 0);  // paid, until it bounced
    /// assert_eq!(line.statement(d(2, 14))?.days_past_due, 4);  // late from 10 February
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_reversal(mut self, reversal: Reversal) -> CreditLine {
        self.reversals.push(reversal);
        self
    }

    /// The reversals recorded, in the order given.
    ///
    /// ```
    /// use overdue::{revolving::CreditLine, Money, OverduePolicy};
    /// assert!(CreditLine::new(Money::ONE, 10, OverduePolicy::new())?.reversals().is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn reversals(&self) -> &[Reversal] {
        &self.reversals
    }

    /// The limit.
    ///
    /// ```
    /// use overdue::{revolving::CreditLine, Money, OverduePolicy};
    /// assert_eq!(CreditLine::new(Money::ONE, 10, OverduePolicy::new())?.limit(), Money::ONE);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn limit(&self) -> Money {
        self.limit
    }

    /// The day of the month every installment falls due.
    ///
    /// ```
    /// use overdue::{revolving::CreditLine, Money, OverduePolicy};
    /// assert_eq!(CreditLine::new(Money::ONE, 10, OverduePolicy::new())?.due_day(), 10);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn due_day(&self) -> u32 {
        self.due_day
    }

    /// The draws, in the order given.
    ///
    /// ```
    /// use overdue::revolving::{CreditLine, Draw};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let line = CreditLine::new(Money::ONE, 10, OverduePolicy::new())?
    ///     .with_draw(Draw::new("d1", day, Money::ONE, Terms::new(Rate::ZERO, 1)))
    ///     .with_payment(Payment::new("p1", day, Money::ONE)?);
    /// assert_eq!((line.draws().len(), line.payments().len()), (1, 1));
    /// assert_eq!(line.policy(), &OverduePolicy::new());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn draws(&self) -> &[Draw] {
        &self.draws
    }

    /// The payments, in the order given.
    ///
    /// ```
    /// use overdue::revolving::{CreditLine, Draw};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let line = CreditLine::new(Money::ONE, 10, OverduePolicy::new())?
    ///     .with_draw(Draw::new("d1", day, Money::ONE, Terms::new(Rate::ZERO, 1)))
    ///     .with_payment(Payment::new("p1", day, Money::ONE)?);
    /// assert_eq!((line.draws().len(), line.payments().len()), (1, 1));
    /// assert_eq!(line.policy(), &OverduePolicy::new());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn payments(&self) -> &[Payment] {
        &self.payments
    }

    /// The policy every draw is held to.
    ///
    /// ```
    /// use overdue::revolving::{CreditLine, Draw};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let line = CreditLine::new(Money::ONE, 10, OverduePolicy::new())?
    ///     .with_draw(Draw::new("d1", day, Money::ONE, Terms::new(Rate::ZERO, 1)))
    ///     .with_payment(Payment::new("p1", day, Money::ONE)?);
    /// assert_eq!((line.draws().len(), line.payments().len()), (1, 1));
    /// assert_eq!(line.policy(), &OverduePolicy::new());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn policy(&self) -> &OverduePolicy {
        &self.policy
    }

    /// A draw's first due date: its terms' own, or the line's due day at
    /// least [`MIN_FIRST_PERIOD_DAYS`] after the draw.
    pub(super) fn first_due(&self, draw: &Draw) -> Result<NaiveDate> {
        if let Some(day) = draw.terms.first_due() {
            return Ok(day);
        }
        let out_of_range = Error::DateOutOfRange {
            operation: "a draw's first due date",
        };
        let earliest = draw
            .date
            .checked_add_days(Days::new(u64::from(MIN_FIRST_PERIOD_DAYS)))
            .ok_or(out_of_range.clone())?;
        let this_month = earliest.with_day(self.due_day).ok_or(out_of_range.clone())?;
        if this_month >= earliest {
            return Ok(this_month);
        }
        this_month
            .checked_add_months(chrono::Months::new(1))
            .ok_or(out_of_range)
    }

    /// How a draw's interest accrues: day by day on its balance.
    pub(super) fn interest(&self) -> InterestModel {
        InterestModel::daily(DayCount::Act365Fixed)
    }
}
