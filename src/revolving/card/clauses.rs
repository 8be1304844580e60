//! The clauses a card's contract is made of: whose rules it follows, how
//! interest is charged, when a statement falls due, fees that are a share
//! of an amount, the minimum payment, the late fee, a promotion and what a
//! charge over the limit does.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::money::Money;
use crate::rate::Rate;

/// Whose rules a card follows where regulators differ.
///
/// ```
/// use overdue::revolving::CardRules;
/// assert_eq!(CardRules::default(), CardRules::China);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CardRules {
    /// The People's Bank of China's notices on card business (银发〔2016〕111号,
    /// 银保监规〔2022〕13号): interest from each posting date when a statement is
    /// not paid in full, no interest on fees or 违约金, the late charge as the
    /// contract sets it; a payment goes to fees, then interest, then the
    /// balance with the highest rate.
    #[default]
    China,
    /// Regulation Z (12 CFR 1026): the part of a payment above the minimum goes
    /// to the highest-rate balance first (1026.53), no interest on days of an
    /// earlier cycle (1026.54), a penalty rate only after 60 days late
    /// (1026.55(b)(4)), the late fee within the safe harbor and never above the
    /// minimum that was late (1026.52(b)), at least 21 days to pay (1026.5(b)(2)).
    Us,
}

/// How a cycle's purchase interest is charged when a statement is not paid
/// in full by its due date.
///
/// ```
/// use overdue::revolving::InterestMethod;
/// assert_eq!(InterestMethod::default(), InterestMethod::WholeStatement);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InterestMethod {
    /// 全额计息: interest on every purchase of the statement from its posting
    /// date, on the whole amount until it is repaid (the common Chinese terms).
    #[default]
    WholeStatement,
    /// 余额计息: interest from each posting date only on the part not repaid by
    /// the due date (repaid from the oldest purchase first).
    UnpaidPartOnly,
    /// The US average daily balance: interest on each day's balance of the
    /// current cycle only; a part repaid within the grace period bears none
    /// (the only method [`CardRules::Us`] allows, 1026.54).
    AverageDailyBalance,
}

/// When a statement's payment falls due.
///
/// ```
/// use overdue::revolving::DueRule;
/// assert_eq!(DueRule::default(), DueRule::DaysAfterStatement(20));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DueRule {
    /// A number of days after the statement date (1 to 27, so that the due
    /// date comes before the next statement).
    DaysAfterStatement(u32),
    /// A day of the month (1 to 28): the first such day after the statement.
    DayOfMonth(u32),
}

impl Default for DueRule {
    fn default() -> DueRule {
        DueRule::DaysAfterStatement(20)
    }
}

/// A fee that is a share of an amount with a floor: 1 % of a cash advance,
/// at least 10.
///
/// ```
/// use overdue::{dec, revolving::ShareFee, Money};
/// let fee = ShareFee::new(dec!(0.01), Money::new(dec!(10))?)?;
/// assert_eq!(fee.on(Money::new(dec!(5000))?)?, Money::new(dec!(50))?);
/// assert_eq!(fee.on(Money::new(dec!(300))?)?, Money::new(dec!(10))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShareFee {
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub(super) share: Decimal,
    pub(super) floor: Money,
}

impl ShareFee {
    /// `share` of the amount (a fraction: 0.01 is 1 %), at least `floor`.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a share outside 0 to 1.
    ///
    /// ```
    /// use overdue::{dec, revolving::ShareFee, Money};
    /// assert!(ShareFee::new(dec!(1.5), Money::ZERO).is_err());
    /// ```
    pub fn new(share: Decimal, floor: Money) -> Result<ShareFee> {
        let fee = ShareFee { share, floor };
        fee.check("share")?;
        Ok(fee)
    }

    pub(super) fn check(&self, field: &'static str) -> Result<()> {
        if share_ok(self.share) {
            Ok(())
        } else {
            Err(share_error(field, self.share))
        }
    }

    /// The fee on `amount`, rounded half up to the cent: nothing on nothing.
    ///
    /// # Errors
    /// [`Error::Overflow`] past the decimal range.
    ///
    /// ```
    /// use overdue::{revolving::ShareFee, Money};
    /// assert_eq!(ShareFee::default().on(Money::ONE)?, Money::ZERO);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn on(&self, amount: Money) -> Result<Money> {
        if amount.is_zero() {
            return Ok(Money::ZERO);
        }
        let share = amount
            .as_decimal()
            .checked_mul(self.share)
            .ok_or(Error::Overflow { operation: "a fee" })?;
        Money::new(cents(share)?.max(self.floor.as_decimal()))
    }
}

pub(super) fn share_ok(share: Decimal) -> bool {
    !share.is_sign_negative() && share <= Decimal::ONE
}

pub(super) fn share_error(field: &'static str, share: Decimal) -> Error {
    Error::Invalid {
        field,
        reason: format!("must be a fraction from 0 to 1, got {share}"),
    }
}

/// Rounds half up (away from zero) to the cent.
pub(super) fn cents(value: Decimal) -> Result<Decimal> {
    Ok(value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero))
}

/// The minimum payment: `share` of the principal within the limit, plus the
/// cycle's interest and fees, plus what is over the limit, at least
/// `floor`; then the unpaid part of earlier minimums; never more than the
/// statement balance (all of it when it is below the floor).
///
/// ```
/// use overdue::{dec, revolving::MinimumPayment, Money};
/// let china = MinimumPayment::new(dec!(0.10), Money::new(dec!(100))?)?;   // 10 %, at least 100
/// assert_eq!(china.share(), dec!(0.10));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MinimumPayment {
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub(super) share: Decimal,
    pub(super) floor: Money,
}

impl Default for MinimumPayment {
    fn default() -> MinimumPayment {
        MinimumPayment {
            share: Decimal::new(10, 2),
            floor: Money::ZERO,
        }
    }
}

impl MinimumPayment {
    /// `share` of the principal (0.10 is 10 %), at least `floor`.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a share outside 0 to 1.
    ///
    /// ```
    /// use overdue::{dec, revolving::MinimumPayment, Money};
    /// assert!(MinimumPayment::new(dec!(-0.1), Money::ZERO).is_err());
    /// ```
    pub fn new(share: Decimal, floor: Money) -> Result<MinimumPayment> {
        let rule = MinimumPayment { share, floor };
        if !share_ok(share) {
            return Err(share_error("minimum.share", share));
        }
        Ok(rule)
    }

    /// The share of the principal.
    ///
    /// ```
    /// assert_eq!(overdue::revolving::MinimumPayment::default().share(), overdue::dec!(0.10));
    /// ```
    pub fn share(&self) -> Decimal {
        self.share
    }

    /// The floor.
    ///
    /// ```
    /// assert!(overdue::revolving::MinimumPayment::default().floor().is_zero());
    /// ```
    pub fn floor(&self) -> Money {
        self.floor
    }
}

/// The charge for a minimum payment not made by its due date.
///
/// ```
/// use overdue::{dec, revolving::CardLateFee, Money};
/// let flat = CardLateFee::Flat(Money::new(dec!(30))?);
/// // the common Chinese 违约金: 5 % of the unpaid minimum, at least 10, at most 100
/// let share = CardLateFee::ShareOfUnpaidMinimum { share: dec!(0.05), floor: Money::new(dec!(10))?, cap: Some(Money::new(dec!(100))?) };
/// assert_ne!(flat, share);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum CardLateFee {
    /// No charge.
    #[default]
    None,
    /// A flat amount.
    Flat(Money),
    /// A share of the unpaid minimum payment, at least `floor`, at most `cap`.
    ShareOfUnpaidMinimum {
        /// The share (0.05 is 5 %).
        #[serde(with = "crate::serde_str")]
        #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
        share: Decimal,
        /// The least charge.
        floor: Money,
        /// The most, if any.
        #[serde(default)]
        cap: Option<Money>,
    },
}

impl CardLateFee {
    /// The contract's charge when `unpaid` of the minimum is left on the due date.
    pub(super) fn charge(&self, unpaid: Money) -> Result<Money> {
        match *self {
            CardLateFee::None => Ok(Money::ZERO),
            CardLateFee::Flat(fee) => Ok(fee),
            CardLateFee::ShareOfUnpaidMinimum { share, floor, cap } => {
                let fee = ShareFee { share, floor }.on(unpaid)?;
                Ok(cap.map_or(fee, |cap| fee.min(cap)))
            }
        }
    }
}

/// A promotional rate on balance transfers until a date (inclusive); after
/// it the transferred balance bears the purchase rate.
///
/// ```
/// use overdue::{revolving::Promotion, NaiveDate, Rate};
/// let promo = Promotion::new(Rate::ZERO, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
/// assert!(promo.rate().is_zero());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Promotion {
    rate: Rate,
    until: chrono::NaiveDate,
}

impl Promotion {
    /// `rate` on transferred balances through `until`.
    ///
    /// ```
    /// use overdue::{revolving::Promotion, NaiveDate, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    /// assert_eq!(Promotion::new(Rate::ZERO, day).until(), day);
    /// ```
    pub fn new(rate: Rate, until: chrono::NaiveDate) -> Promotion {
        Promotion { rate, until }
    }

    /// The promotional rate.
    ///
    /// ```
    /// use overdue::{revolving::Promotion, NaiveDate, Rate};
    /// assert!(Promotion::new(Rate::ZERO, NaiveDate::MIN).rate().is_zero());
    /// ```
    pub fn rate(&self) -> Rate {
        self.rate
    }

    /// The last day it applies.
    ///
    /// ```
    /// use overdue::{revolving::Promotion, NaiveDate, Rate};
    /// assert_eq!(Promotion::new(Rate::ZERO, NaiveDate::MIN).until(), NaiveDate::MIN);
    /// ```
    pub fn until(&self) -> chrono::NaiveDate {
        self.until
    }
}

/// What happens to a charge above the available limit.
///
/// ```
/// use overdue::revolving::OverLimit;
/// assert_eq!(OverLimit::default(), OverLimit::Allowed);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OverLimit {
    /// Recorded, and the statement flags the card over its limit (the amount
    /// over the limit is due in full with the minimum).
    #[default]
    Allowed,
    /// Refused: the contract forbids going over the limit.
    Refused,
}

/// What a card installment plan (账单分期) charges each period besides its
/// principal.
///
/// ```
/// use overdue::{dec, revolving::PlanCharge, Rate};
/// let fee = PlanCharge::FeePerPeriod { share: dec!(0.006) };       // 0.6 % of the amount a period
/// let rate = PlanCharge::Rate { rate: Rate::annual(dec!(0.12))? };  // 1 % a month on what is left
/// assert_ne!(fee, rate);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PlanCharge {
    /// A fee each period, a share of the amount converted (分期手续费: 0.006 is 0.6 %).
    FeePerPeriod {
        /// The share of the amount converted, each period.
        #[serde(with = "crate::serde_str")]
        #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
        share: Decimal,
    },
    /// Interest each period on the principal left, at the rate per month
    /// (an annual rate / 12, a daily one × 365 / 12).
    Rate {
        /// The rate.
        rate: Rate,
    },
}

/// The fields of [`PlanCharge::FeePerPeriod`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeeFields {
    #[serde(with = "crate::serde_str")]
    share: Decimal,
}

/// The fields of [`PlanCharge::Rate`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RateFields {
    rate: Rate,
}

crate::serde_tagged::tagged!(PlanCharge, "an installment plan's charge", {
    "fee_per_period" => FeeFields => |f| PlanCharge::FeePerPeriod { share: f.share },
    "rate" => RateFields => |f| PlanCharge::Rate { rate: f.rate },
});

/// A card installment plan's number of periods: 1 to 60 (银保监规〔2022〕13号:
/// a plan runs at most five years).
pub(crate) fn check_periods(periods: u32) -> Result<()> {
    if (1..=60).contains(&periods) {
        return Ok(());
    }
    Err(Error::Invalid {
        field: "periods",
        reason: format!(
            "an installment plan runs 1 to 60 periods (银保监规〔2022〕13号: at most five years), got {periods}"
        ),
    })
}
