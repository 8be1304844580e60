//! Interest rates that carry their period, floating rates (an index plus a
//! spread, reset on a rule) and the tables of an index's published rates.
//!
//! A [`Rate`] is what is charged (never negative); a [`Yield`] is what a
//! solver finds from cash flows (may be negative). A [`FloatingRate`] is an
//! index [`RateTable`] (the LPR ships with the crate) plus a [`Spread`],
//! reset on a [`Reset`] rule with a [`Fixing`] date. See the
//! [interest guide](crate::guide::interest).

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::{DayCount, Frequency};
use crate::error::{overflow, Error, Result};
use crate::fraction::Fraction;
use crate::money::Money;

mod floating;
mod solved;
mod table;

pub(crate) use floating::on_path;
pub use floating::{Fixing, FloatingRate, OnReset, Reset, Spread};
pub use solved::Yield;
pub(crate) use table::ymd;
pub use table::RateTable;

/// The highest rate a contract may charge, as a fraction a year: 50, that
/// is 5,000 % a year (a monthly rate up to a twelfth of it, a daily rate up
/// to a 366th). A schedule's rate (so a restructure's and a refinance's) and
/// a fixed penalty rate above it are refused where the schedule or the
/// ledger is built, in code as from JSON; discount rates, caps and the rates
/// solvers find are not held to it. The dearest consumer credit documented charges far less: US
/// payday loans about 400 % a year and above 600 % in some states (CFPB,
/// *Payday Loans and Deposit Advance Products*, 2013), the UK's high-cost
/// short-term credit at most 0.8 % a day, 292 % a year (FCA, PS14/16). A
/// rate above it is a typo (a percentage written as a fraction), and is
/// refused rather than computed.
///
/// ```
/// use overdue::{rate::MAX_ANNUAL_RATE, Money, Rate, Schedule, dec};
/// assert_eq!(MAX_ANNUAL_RATE, dec!(50));
/// let day = overdue::jobs::parse_date("2026-01-15")?;
/// let loan = |rate: &str| -> overdue::Result<Schedule> {
///     Schedule::equal_installment(Money::new(dec!(1000))?, rate.parse()?, 3, day)
/// };
/// assert!(loan("5000%").is_ok());
/// assert!(loan("292%").is_ok());            // the UK cap, 0.8 % a day
/// assert!(loan("100000000%").is_err());     // a typo
/// assert!("100000000%".parse::<Rate>().is_ok()); // a rate as such is not a contract
/// # Ok::<(), overdue::Error>(())
/// ```
pub const MAX_ANNUAL_RATE: Decimal = Decimal::from_parts(50, 0, 0, false, 0);

/// The period's name in text: `year`, `month`, `day`.
fn period_name(period: RatePeriod) -> &'static str {
    match period {
        RatePeriod::Annual => "year",
        RatePeriod::Monthly => "month",
        RatePeriod::Daily => "day",
    }
}

/// The period a rate is quoted for.
///
/// ```
/// use overdue::{Rate, RatePeriod};
/// use overdue::dec;
/// assert_eq!(Rate::daily(dec!(0.0005))?.period(), RatePeriod::Daily);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RatePeriod {
    /// Per year (年利率), e.g. 18 %/year.
    Annual,
    /// Per month (月利率), e.g. 1.5 %/month.
    Monthly,
    /// Per day (日利率), e.g. 0.05 %/day (万分之五).
    Daily,
}

/// A non-negative interest rate with its period, kept exact.
///
/// An annual, a monthly and a daily rate are all first-class; they convert
/// into one another only through a [`Frequency`] (monthly ↔ annual: × 12) or
/// a [`DayCount`] (daily ↔ annual: × 360 or 365). The value is a fraction, not
/// a percentage: `0.18` is 18 %.
///
/// # Example
/// ```
/// use overdue::{DayCount, Rate};
/// use overdue::dec;
/// let penalty = Rate::daily(dec!(0.0005))?;             // 万分之五 a day
/// assert_eq!(penalty.to_string(), "0.05 %/day");
/// assert_eq!(penalty.to_annual(DayCount::Act360)?, Rate::annual(dec!(0.18))?);
/// assert_eq!(Rate::monthly(dec!(0.015))?.to_annual(DayCount::Act360)?, Rate::annual(dec!(0.18))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "RateRepr", into = "RateRepr")]
pub struct Rate {
    value: Decimal,
    period: RatePeriod,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename = "Rate", expecting = "struct Rate")]
struct RateRepr {
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    value: Decimal,
    period: RatePeriod,
}

impl TryFrom<RateRepr> for Rate {
    type Error = Error;
    fn try_from(r: RateRepr) -> Result<Rate> {
        Rate::new(r.value, r.period)
    }
}

impl From<Rate> for RateRepr {
    fn from(r: Rate) -> RateRepr {
        RateRepr {
            value: r.value,
            period: r.period,
        }
    }
}

impl Rate {
    /// A rate of `value` per `period`.
    ///
    /// # Errors
    /// [`Error::Negative`] with field `rate` if `value < 0`. (A contract's
    /// own rate, a schedule's or a fixed penalty rate, is also held to
    /// [`MAX_ANNUAL_RATE`] where the schedule or the ledger is built; a rate
    /// as such, a discount rate or one a solver found, is not.)
    ///
    /// ```
    /// use overdue::{Rate, RatePeriod};
    /// use overdue::dec;
    /// assert!(Rate::new(dec!(-0.01), RatePeriod::Annual).is_err());
    /// assert!(Rate::new(dec!(80), RatePeriod::Annual).is_ok()); // 8,000 %: an XIRR can be
    /// ```
    pub fn new(value: Decimal, period: RatePeriod) -> Result<Rate> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(Error::Negative { field: "rate", value });
        }
        Ok(Rate {
            value: value.normalize(),
            period,
        })
    }

    /// The rate, when a contract may charge it: at most [`MAX_ANNUAL_RATE`]
    /// in its period.
    pub(crate) fn as_contract_rate(self) -> Result<Rate> {
        let most = match self.period {
            RatePeriod::Annual => MAX_ANNUAL_RATE,
            RatePeriod::Monthly => MAX_ANNUAL_RATE
                .checked_div(Decimal::from(12))
                .unwrap_or(MAX_ANNUAL_RATE),
            RatePeriod::Daily => MAX_ANNUAL_RATE
                .checked_div(Decimal::from(366))
                .unwrap_or(MAX_ANNUAL_RATE),
        };
        if self.value > most {
            return Err(Error::Invalid {
                field: "rate",
                reason: format!(
                    "{} a {} is above the most a contract may charge here ({}, 5,000 % a year)",
                    self.value,
                    period_name(self.period),
                    most.round_dp(8).normalize()
                ),
            });
        }
        Ok(self)
    }

    /// A rate per year: `Rate::annual(dec!(0.18))` is 18 %/year.
    ///
    /// # Errors
    /// [`Error::Negative`] if `value < 0`.
    ///
    /// ```
    /// use overdue::dec;
    /// assert_eq!(overdue::Rate::annual(dec!(0.18))?.to_string(), "18 %/year");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn annual(value: Decimal) -> Result<Rate> {
        Rate::new(value, RatePeriod::Annual)
    }

    /// A rate per month: `Rate::monthly(dec!(0.015))` is 1.5 %/month.
    ///
    /// # Errors
    /// [`Error::Negative`] if `value < 0`.
    ///
    /// ```
    /// use overdue::dec;
    /// assert_eq!(overdue::Rate::monthly(dec!(0.015))?.to_string(), "1.5 %/month");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn monthly(value: Decimal) -> Result<Rate> {
        Rate::new(value, RatePeriod::Monthly)
    }

    /// A rate per day: `Rate::daily(dec!(0.0005))` is 0.05 %/day.
    ///
    /// # Errors
    /// [`Error::Negative`] if `value < 0`.
    ///
    /// ```
    /// use overdue::dec;
    /// assert_eq!(overdue::Rate::daily(dec!(0.0005))?.to_string(), "0.05 %/day");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn daily(value: Decimal) -> Result<Rate> {
        Rate::new(value, RatePeriod::Daily)
    }

    /// Zero per year.
    ///
    /// ```
    /// assert!(overdue::Rate::ZERO.is_zero());
    /// ```
    pub const ZERO: Rate = Rate {
        value: Decimal::ZERO,
        period: RatePeriod::Annual,
    };

    /// The rate as a fraction per its period (0.18 for 18 %/year).
    ///
    /// ```
    /// use overdue::dec;
    /// assert_eq!(overdue::Rate::annual(dec!(0.18))?.value(), dec!(0.18));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub const fn value(self) -> Decimal {
        self.value
    }

    /// The period the rate is quoted for.
    ///
    /// ```
    /// use overdue::dec;
    /// assert_eq!(overdue::Rate::annual(dec!(0.1))?.period(), overdue::RatePeriod::Annual);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub const fn period(self) -> RatePeriod {
        self.period
    }

    /// Whether the rate is zero.
    ///
    /// ```
    /// use overdue::dec;
    /// assert!(!overdue::Rate::annual(dec!(0.1))?.is_zero());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn is_zero(self) -> bool {
        self.value.is_zero()
    }

    /// The same rate multiplied by `factor`, keeping the period: the penalty
    /// rate "contract rate × (1 + 50 %)" is `contract.scaled(dec!(1.5))`.
    ///
    /// # Errors
    /// [`Error::Negative`] if `factor < 0`; [`Error::Overflow`].
    ///
    /// ```
    /// use overdue::Rate;
    /// use overdue::dec;
    /// let contract = Rate::annual(dec!(0.0435))?;
    /// assert_eq!(contract.scaled(dec!(1.5))?, Rate::annual(dec!(0.06525))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn scaled(self, factor: Decimal) -> Result<Rate> {
        let value = self.value.checked_mul(factor).ok_or_else(|| overflow("rate scaling"))?;
        Rate::new(value, self.period)
    }

    /// The equivalent nominal annual rate: a monthly rate × 12, a daily rate ×
    /// the day count's nominal year (360 for ACT/360 and 30/360, 365 otherwise).
    ///
    /// # Errors
    /// [`Error::Overflow`].
    ///
    /// ```
    /// use overdue::{DayCount, Rate};
    /// use overdue::dec;
    /// let r = Rate::daily(dec!(0.0005))?.to_annual(DayCount::Act365Fixed)?;
    /// assert_eq!(r.value(), dec!(0.1825));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn to_annual(self, day_count: DayCount) -> Result<Rate> {
        let factor = match self.period {
            RatePeriod::Annual => return Ok(self),
            RatePeriod::Monthly => Decimal::from(12),
            RatePeriod::Daily => Decimal::from(day_count.nominal_year_days()),
        };
        self.scaled(factor).map(|r| Rate {
            period: RatePeriod::Annual,
            ..r
        })
    }

    /// The rate per period of `frequency` as a decimal (annual / periods a
    /// year, to 28 significant digits; schedules use the exact ratio).
    ///
    /// # Errors
    /// [`Error::RateNeedsDayCount`] for a daily rate.
    ///
    /// ```
    /// use overdue::{Frequency, Rate};
    /// use overdue::dec;
    /// assert_eq!(Rate::annual(dec!(0.12))?.periodic(Frequency::Monthly)?, dec!(0.01));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn periodic(self, frequency: Frequency) -> Result<Decimal> {
        self.periodic_exact(frequency)?.to_decimal()
    }

    /// The exact rate per period of `frequency`.
    pub(crate) fn periodic_exact(self, frequency: Frequency) -> Result<Fraction> {
        let per_year = i128::from(frequency.periods_per_year());
        let v = Fraction::from_decimal(self.value)?;
        match self.period {
            RatePeriod::Annual => v.scale(1, per_year),
            RatePeriod::Monthly => v.scale(12, per_year),
            RatePeriod::Daily => Err(Error::RateNeedsDayCount { target: "periodic" }),
        }
    }

    /// The exact factor that, times a balance, gives the simple interest from
    /// `start` to `end` under `day_count`.
    pub(crate) fn factor_between(self, start: NaiveDate, end: NaiveDate, day_count: DayCount) -> Result<Fraction> {
        let v = Fraction::from_decimal(self.value)?;
        match self.period {
            RatePeriod::Annual => v.mul(day_count.year_fraction_exact(start, end)?),
            RatePeriod::Monthly => v.scale(12, 1)?.mul(day_count.year_fraction_exact(start, end)?),
            RatePeriod::Daily => v.scale(i128::from(day_count.days(start, end)), 1),
        }
    }

    /// The simple interest on `amount` from `start` to `end` under
    /// `day_count`, exact (not rounded).
    ///
    /// # Errors
    /// [`Error::Overflow`].
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{DayCount, Money, Rate};
    /// use overdue::dec;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // 10,000 overdue 30 days at 4.35 % × 1.5, ACT/360 = 54.375
    /// let rate = Rate::annual(dec!(0.0435))?.scaled(dec!(1.5))?;
    /// let i = rate.simple_interest(Money::new(dec!(10000))?, d(2026, 1, 1), d(2026, 1, 31), DayCount::Act360)?;
    /// assert_eq!(i, dec!(54.375));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn simple_interest(
        self,
        amount: Money,
        start: NaiveDate,
        end: NaiveDate,
        day_count: DayCount,
    ) -> Result<Decimal> {
        let f = self.factor_between(start, end, day_count)?;
        let num = Decimal::try_from_i128_with_scale(f.num, 0).map_err(|_| overflow("simple interest"))?;
        let den = Decimal::try_from_i128_with_scale(f.den, 0).map_err(|_| overflow("simple interest"))?;
        amount
            .as_decimal()
            .checked_mul(num)
            .and_then(|x| x.checked_div(den))
            .ok_or_else(|| overflow("simple interest"))
    }
}

impl std::str::FromStr for Rate {
    type Err = Error;

    /// Parses what [`Display`](fmt::Display) writes — `18 %/year`,
    /// `1.5 %/month`, `0.05 %/day` — with or without the spaces; a rate
    /// with no period (`18%`) is per year; a number with no `%`
    /// (`0.18/year`) is the rate as a fraction.
    ///
    /// ```
    /// use overdue::Rate;
    /// use overdue::dec;
    /// assert_eq!("18%".parse::<Rate>()?, Rate::annual(dec!(0.18))?);
    /// assert_eq!("18 %/year".parse::<Rate>()?, Rate::annual(dec!(0.18))?);
    /// assert_eq!("1.5%/month".parse::<Rate>()?, Rate::monthly(dec!(0.015))?);
    /// assert_eq!("0.05%/day".parse::<Rate>()?, Rate::daily(dec!(0.0005))?);
    /// let r = Rate::monthly(dec!(0.0123))?;
    /// assert_eq!(r.to_string().parse::<Rate>()?, r);     // the inverse of Display
    /// assert!("18 %/week".parse::<Rate>().is_err());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    fn from_str(text: &str) -> Result<Rate> {
        let bad = || Error::Parse {
            field: "rate",
            value: text.to_owned(),
        };
        let (number, period) = match text.trim().rsplit_once('/') {
            Some((number, unit)) => (
                number,
                match unit.trim() {
                    "year" => RatePeriod::Annual,
                    "month" => RatePeriod::Monthly,
                    "day" => RatePeriod::Daily,
                    _ => return Err(bad()),
                },
            ),
            None => (text.trim(), RatePeriod::Annual),
        };
        let value = crate::ratio::parse_percent(number).ok_or_else(bad)?;
        Rate::new(value, period)
    }
}

impl fmt::Display for Rate {
    /// `18 %/year`, `1.5 %/month`, `0.05 %/day`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = period_name(self.period);
        match self.value.checked_mul(Decimal::ONE_HUNDRED) {
            Some(pct) => write!(f, "{} %/{unit}", pct.normalize()),
            None => write!(f, "{}/{unit}", self.value),
        }
    }
}
