//! Installment schedules: what is due when.

mod annuity;
mod cache;
mod equal_principal;
mod interest;
mod rebuild;
mod simple;

use annuity::Divisors;
pub use cache::ScheduleCache;
pub use interest::{DailyInstallments, InterestModel};
pub(crate) use rebuild::{rebuild, Keep};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::{DayCount, Frequency};
use crate::error::{overflow, Error, Result};
use crate::fraction::Fraction;
use crate::money::{Money, Rounding};
use crate::rate::FloatingRate;
use crate::rate::{Rate, RatePeriod};

/// The most installments a schedule may have (a 100-year weekly loan).
pub const MAX_INSTALLMENTS: u32 = 5_200;

/// How a loan is repaid.
///
/// The default is [`Method::EqualInstallment`].
///
/// ```
/// use overdue::Method;
/// assert_eq!(Method::default(), Method::EqualInstallment);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[non_exhaustive]
pub enum Method {
    /// Equal installments, annuity (等额本息): a level payment
    /// `P·r / (1 − (1 + r)^−n)` rounded to the minor unit; each row's interest
    /// is `round(balance × r)`, its principal the payment less the interest;
    /// the last row pays the whole remaining balance and its interest. The default.
    #[default]
    EqualInstallment,
    /// Equal principal (等额本金): each row repays `round(P / n)` plus the
    /// interest on the balance; the last row takes the residual.
    EqualPrincipal,
    /// Interest only, principal as a balloon in the last installment (先息后本).
    InterestOnly,
    /// One payment at the end of the term: principal and all interest. The
    /// schedule has a single installment, due `installments` periods after the
    /// first due date's anchor (the term is given in periods).
    Bullet,
    /// Flat-fee installments (分期手续费): each installment repays `P / n`
    /// plus a fee of `P × f` per period on the original principal; `fee` is
    /// the quoted fee rate (usually monthly, e.g. 0.6 %/month). Interest, if
    /// the schedule's rate is not zero, is charged on the balance as well.
    FlatFee {
        /// The fee rate on the original principal.
        fee: Rate,
    },
}

/// How interest for a period is computed.
///
/// The default is [`InterestBasis::PerPeriod`].
///
/// ```
/// use overdue::{DayCount, InterestBasis};
/// let by_days = InterestBasis::ActualDays(DayCount::Act365Fixed);
/// assert_ne!(by_days, InterestBasis::default());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InterestBasis {
    /// Every period bears the periodic rate `annual / periods a year`,
    /// whatever its length. The default; what published tables use.
    #[default]
    PerPeriod,
    /// Each period bears interest for the days from the previous due date (the
    /// disbursement date for the first) to its due date under the day count:
    /// an odd first period gets broken-period interest. The level payment of
    /// an equal-installment schedule is still computed with the periodic
    /// rate; the last row absorbs the difference.
    ActualDays(DayCount),
}

/// Everything a schedule is built from, with documented defaults.
///
/// Defaults: [`Method::EqualInstallment`], [`Frequency::Monthly`], first due
/// date one period after disbursement, [`InterestBasis::PerPeriod`],
/// [`Rounding::default`] (cents, half away from zero). Setters never fail;
/// [`Schedule::build`] validates.
///
/// # Example
/// ```
/// use overdue::NaiveDate;
/// use overdue::{Method, Money, Rate, Schedule, ScheduleOptions};
/// use overdue::dec;
/// let disbursed = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
/// let options = ScheduleOptions::new(Money::new(dec!(120000))?, Rate::annual(dec!(0.06))?, 12, disbursed)
///     .method(Method::EqualPrincipal);
/// let schedule = Schedule::build(&options)?;
/// assert_eq!(schedule.installments()[0].payment.to_string(), "10600.00");
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduleOptions {
    principal: Money,
    rate: Rate,
    installments: u32,
    disbursement: NaiveDate,
    #[serde(default)]
    method: Method,
    #[serde(default)]
    frequency: Frequency,
    #[serde(default)]
    first_due: Option<NaiveDate>,
    #[serde(default)]
    basis: InterestBasis,
    #[serde(default)]
    rounding: Rounding,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    floating: Option<FloatingRate>,
    #[serde(default, skip_serializing_if = "InterestModel::is_scheduled")]
    interest: InterestModel,
}

impl ScheduleOptions {
    /// Options for `installments` installments of a loan of `principal` at
    /// `rate` disbursed on `disbursement`, with the defaults above.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{Money, Rate, ScheduleOptions};
    /// use overdue::dec;
    /// let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3,
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(o.installments(), 3);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(principal: Money, rate: Rate, installments: u32, disbursement: NaiveDate) -> ScheduleOptions {
        ScheduleOptions {
            principal,
            rate,
            installments,
            disbursement,
            method: Method::default(),
            frequency: Frequency::default(),
            first_due: None,
            basis: InterestBasis::default(),
            rounding: Rounding::default(),
            floating: None,
            interest: InterestModel::default(),
        }
    }

    /// The same terms over `installments` periods from the same first due
    /// date (what a prepayment that shortens the term leaves in force).
    pub(crate) fn with_installments(&self, installments: u32) -> Result<ScheduleOptions> {
        let first_due = self.get_first_due()?;
        Ok(ScheduleOptions {
            installments,
            first_due: Some(first_due),
            ..self.clone()
        })
    }

    /// Sets the repayment method (default [`Method::EqualInstallment`]).
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let o = o.method(Method::Bullet);
    /// assert_eq!(o.get_method(), Method::Bullet);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn method(mut self, method: Method) -> ScheduleOptions {
        self.method = method;
        self
    }

    /// Sets the frequency (default [`Frequency::Monthly`]).
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let s = Schedule::build(&o.frequency(Frequency::Weekly))?;
    /// assert_eq!(s.installments()[0].due_date, NaiveDate::from_ymd_opt(2026, 1, 8).unwrap());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn frequency(mut self, frequency: Frequency) -> ScheduleOptions {
        self.frequency = frequency;
        self
    }

    /// Sets the first due date (default: one period after disbursement).
    /// Later due dates are anchored on it.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let first = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
    /// let s = Schedule::build(&o.first_due(first))?;
    /// assert_eq!(s.installments()[1].due_date, NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn first_due(mut self, first_due: NaiveDate) -> ScheduleOptions {
        self.first_due = Some(first_due);
        self
    }

    /// Sets the interest basis (default [`InterestBasis::PerPeriod`]).
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let o = ScheduleOptions::new(Money::new(dec!(36500))?, Rate::annual(dec!(0.10))?, 2, d(1, 1))
    ///     .first_due(d(1, 11))
    ///     .basis(InterestBasis::ActualDays(DayCount::Act365Fixed));
    /// // a broken first period of 10 days: 36,500 × 10 % × 10/365 = 100.00
    /// assert_eq!(Schedule::build(&o)?.installments()[0].interest.to_string(), "100.00");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn basis(mut self, basis: InterestBasis) -> ScheduleOptions {
        self.basis = basis;
        self
    }

    /// Sets the rounding (default: cents, half away from zero).
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let o = o.rounding(Rounding::half_even(2)?);
    /// assert_eq!(o.get_rounding().mode(), RoundingMode::HalfEven);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn rounding(mut self, rounding: Rounding) -> ScheduleOptions {
        self.rounding = rounding;
        self
    }

    /// The principal.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(o.principal().to_string(), "1000");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn principal(&self) -> Money {
        self.principal
    }

    /// The contract rate.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert!(o.rate().is_zero());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn rate(&self) -> Rate {
        self.rate
    }

    /// The number of installments (the term in periods for a bullet).
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(o.installments(), 3);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn installments(&self) -> u32 {
        self.installments
    }

    /// The disbursement date.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(o.disbursement(), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn disbursement(&self) -> NaiveDate {
        self.disbursement
    }

    /// The repayment method.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(o.get_method(), Method::EqualInstallment);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn get_method(&self) -> Method {
        self.method
    }

    /// The frequency.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(o.get_frequency(), Frequency::Monthly);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn get_frequency(&self) -> Frequency {
        self.frequency
    }

    /// The rounding.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(o.get_rounding(), Rounding::default());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn get_rounding(&self) -> Rounding {
        self.rounding
    }

    /// The first due date: the one set, or one period after disbursement.
    ///
    /// # Errors
    /// [`Error::DateOutOfRange`] past the end of the calendar.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 31).unwrap());
    /// assert_eq!(o.get_first_due()?, NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn get_first_due(&self) -> Result<NaiveDate> {
        match self.first_due {
            Some(d) => Ok(d),
            None => self.frequency.due_date(self.disbursement, 1),
        }
    }

    /// The interest basis.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(o.get_basis(), InterestBasis::PerPeriod);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn get_basis(&self) -> InterestBasis {
        self.basis
    }

    /// Makes the rate float (default: fixed at [`ScheduleOptions::rate`]).
    /// The options' rate becomes the rate fixed at the disbursement (if the
    /// index has no value then, [`Schedule::build`] says so). At each reset
    /// that changes the rate, the installments after it are rebuilt as
    /// [`OnReset`](crate::OnReset) says; a repricing is not a restructure.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{FloatingRate, Money, Rate, RateTable, Reset, Schedule, ScheduleOptions, Spread};
    /// use overdue::dec;
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let index = RateTable::new(vec![(d(2025, 1, 1), Rate::annual(dec!(0.031))?), (d(2026, 1, 1), Rate::annual(dec!(0.03))?)])?;
    /// let floating = FloatingRate::new(index, Spread::annual(dec!(0.015))).reset(Reset::January1);
    /// let o = ScheduleOptions::new(Money::new(dec!(100000))?, Rate::ZERO, 36, d(2025, 1, 1)).floating(floating);
    /// assert_eq!(o.rate(), Rate::annual(dec!(0.046))?);
    /// let s = Schedule::build(&o)?;
    /// assert_eq!(s.installments()[0].payment.to_string(), "2979.16");
    /// assert_eq!(s.installments()[11].balance_after.to_string(), "68184.85");
    /// assert_eq!(s.installments()[12].payment.to_string(), "2976.12");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn floating(mut self, floating: FloatingRate) -> ScheduleOptions {
        if let Ok(rate) = floating.rate_in_force(self.disbursement, self.disbursement) {
            self.rate = rate;
        }
        self.floating = Some(floating);
        self
    }

    /// The floating rate, if the rate floats.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert!(o.get_floating().is_none());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn get_floating(&self) -> Option<&FloatingRate> {
        self.floating.as_ref()
    }

    /// Sets how contract interest is charged (default
    /// [`InterestModel::Scheduled`]). Under
    /// [`InterestModel::DailyOnBalance`] the schedule is built on actual
    /// days under its day count (the basis must be the default or that same
    /// [`InterestBasis::ActualDays`]).
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let o = o.interest(InterestModel::daily(DayCount::Act365Fixed));
    /// assert_eq!(o.get_interest(), InterestModel::daily(DayCount::Act365Fixed));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn interest(mut self, interest: InterestModel) -> ScheduleOptions {
        self.interest = interest;
        self
    }

    /// How contract interest is charged.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(o.get_interest(), InterestModel::Scheduled);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn get_interest(&self) -> InterestModel {
        self.interest
    }

    /// The basis the rows are built on: actual days under the daily
    /// model's day count when interest is daily.
    pub(crate) fn effective_basis(&self) -> InterestBasis {
        match self.interest.daily_day_count() {
            Some(dc) => InterestBasis::ActualDays(dc),
            None => self.basis,
        }
    }

    /// The same terms at a fixed `rate` (one stretch of a floating loan).
    pub(crate) fn at_fixed(&self, rate: Rate) -> ScheduleOptions {
        ScheduleOptions {
            rate,
            floating: None,
            ..self.clone()
        }
    }

    /// The annual contract rates in force up to `until`: `(from, rate)`,
    /// one entry for a fixed rate.
    pub(crate) fn rate_path(&self, until: NaiveDate) -> Result<Vec<(NaiveDate, Rate)>> {
        match &self.floating {
            None => Ok(vec![(self.disbursement, self.rate)]),
            Some(f) => f.path(self.disbursement, until),
        }
    }

    /// Checks the interest model and the floating rate against the rest.
    fn validate_terms(&self) -> Result<()> {
        if let Some(dc) = self.interest.daily_day_count() {
            if !matches!(self.basis, InterestBasis::PerPeriod) && self.basis != InterestBasis::ActualDays(dc) {
                return Err(Error::Invalid {
                    field: "interest",
                    reason: format!(
                        "daily interest under {dc:?} builds its schedule on actual days under {dc:?}, not on {:?}",
                        self.basis
                    ),
                });
            }
        }
        if let Some(f) = &self.floating {
            f.validate()?;
            if matches!(self.method, Method::Bullet) {
                return Err(Error::Invalid {
                    field: "floating rate",
                    reason: "a bullet loan has one period: its rate cannot reset".into(),
                });
            }
            let initial = f.rate_in_force(self.disbursement, self.disbursement)?;
            if initial != self.rate {
                return Err(Error::Invalid {
                    field: "rate",
                    reason: format!(
                        "a floating loan's rate is the rate fixed at disbursement, {initial}; {} was given",
                        self.rate
                    ),
                });
            }
        }
        Ok(())
    }
}

/// One row of a schedule.
///
/// `payment = principal + interest + fee` exactly, and `balance_after` is
/// the principal still owed after this installment is paid.
///
/// ```
/// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
/// let s = Schedule::equal_installment(Money::new(dec!(10000))?, Rate::annual(dec!(0.12))?, 12,
///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
/// let first = &s.installments()[0];
/// assert_eq!((first.number, first.interest.to_string(), first.principal.to_string()),
///            (1, "100.00".to_string(), "788.49".to_string()));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct Installment {
    /// 1-based position in the schedule.
    pub number: u32,
    /// The date the installment falls due.
    pub due_date: NaiveDate,
    /// Principal repaid.
    pub principal: Money,
    /// Contract interest.
    pub interest: Money,
    /// Fees (flat-fee installments).
    pub fee: Money,
    /// The whole installment: principal + interest + fee.
    pub payment: Money,
    /// Principal outstanding after this installment.
    pub balance_after: Money,
}

impl Installment {
    /// An installment from its parts; `payment` is their sum.
    ///
    /// # Errors
    /// [`Error::Overflow`].
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{Installment, Money};
    /// use overdue::dec;
    /// let m = |v| Money::new(v).unwrap();
    /// let i = Installment::new(1, NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
    ///     m(dec!(90)), m(dec!(10)), Money::ZERO, m(dec!(10)))?;
    /// assert_eq!(i.payment, m(dec!(100)));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(
        number: u32,
        due_date: NaiveDate,
        principal: Money,
        interest: Money,
        fee: Money,
        balance_after: Money,
    ) -> Result<Installment> {
        let payment = principal.checked_add(interest)?.checked_add(fee)?;
        Ok(Installment {
            number,
            due_date,
            principal,
            interest,
            fee,
            payment,
            balance_after,
        })
    }
}

/// A repayment schedule: installments with principal, interest and fees.
///
/// Every schedule `overdue` builds satisfies: the requested number of rows
/// (one for a bullet); no negative amount; balances never increase and the
/// last is exactly zero; the principal parts sum exactly to the principal.
///
/// # Example: a 10,000 loan at 12 %/year over 12 months
/// ```
/// use overdue::NaiveDate;
/// use overdue::{Money, Rate, Schedule};
/// use overdue::dec;
/// let s = Schedule::equal_installment(Money::new(dec!(10000))?, Rate::annual(dec!(0.12))?, 12,
///     NaiveDate::from_ymd_opt(2026, 1, 15).unwrap())?;
/// assert_eq!(s.level_payment().unwrap().to_string(), "888.49");
/// assert_eq!(s.installments()[11].payment.to_string(), "888.47"); // the last absorbs the residual
/// assert_eq!(s.total_interest()?.to_string(), "661.86");
/// # Ok::<(), overdue::Error>(())
/// ```
///
/// It serializes with its options and rows; deserializing rebuilds it from the
/// options (so invalid options fail with the error [`Schedule::build`] gives)
/// and rejects rows that differ from the rebuilt ones. The rows may be left
/// out of the input (`{"options": {...}}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "ScheduleRepr")]
pub struct Schedule {
    options: ScheduleOptions,
    installments: Vec<Installment>,
    level_payment: Option<Money>,
    #[serde(serialize_with = "crate::serde_str::option::serialize")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::optional_decimal"))]
    exact_payment: Option<Decimal>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename = "Schedule", expecting = "struct Schedule")]
struct ScheduleRepr {
    options: ScheduleOptions,
    /// Optional on input: when given, they must be the rows the options give.
    #[serde(default)]
    installments: Option<Vec<Installment>>,
    /// Optional on input, as what the schedule serializes: checked likewise.
    #[serde(default)]
    level_payment: Option<Money>,
    #[serde(default, with = "crate::serde_str::option")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::optional_decimal"))]
    exact_payment: Option<Decimal>,
}

impl TryFrom<ScheduleRepr> for Schedule {
    type Error = Error;
    fn try_from(repr: ScheduleRepr) -> Result<Schedule> {
        let schedule = Schedule::build(&repr.options)?;
        if repr.installments.is_some_and(|rows| rows != schedule.installments) {
            return Err(Error::Invalid {
                field: "installments",
                reason: "the rows differ from those the options give".to_owned(),
            });
        }
        if repr.level_payment.is_some_and(|p| Some(p) != schedule.level_payment) {
            return Err(Error::Invalid {
                field: "level_payment",
                reason: "differs from the one the options give".to_owned(),
            });
        }
        if repr.exact_payment.is_some_and(|p| Some(p) != schedule.exact_payment) {
            return Err(Error::Invalid {
                field: "exact_payment",
                reason: "differs from the one the options give".to_owned(),
            });
        }
        Ok(schedule)
    }
}

/// A row in minor units, before it becomes an [`Installment`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Row {
    pub(crate) principal: i128,
    pub(crate) interest: i128,
    pub(crate) fee: i128,
}

/// The inputs every method works from, validated and in minor units.
pub(crate) struct Plan {
    pub(crate) principal: i128,
    pub(crate) n: u32,
    pub(crate) due_dates: Vec<NaiveDate>,
    /// The exact interest factor of each row (periodic rate or by days).
    pub(crate) factors: Vec<Fraction>,
    /// The nominal periodic rate (for the level payment).
    pub(crate) periodic: Fraction,
    pub(crate) rounding: Rounding,
}

impl Schedule {
    /// An equal-installment (annuity, 等额本息) schedule with monthly
    /// installments, the first one month after `disbursement`, cents, half-up.
    ///
    /// # Errors
    /// As [`Schedule::build`].
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{Money, Rate, Schedule};
    /// use overdue::dec;
    /// // 670,000 at 4.9 % over 30 years (m.vdgb.cn/baike/61318.html)
    /// let s = Schedule::equal_installment(Money::new(dec!(670000))?, Rate::annual(dec!(0.049))?, 360,
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// assert_eq!(s.level_payment().unwrap().to_string(), "3555.87");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn equal_installment(
        principal: Money,
        rate: Rate,
        installments: u32,
        disbursement: NaiveDate,
    ) -> Result<Schedule> {
        Schedule::build(&ScheduleOptions::new(principal, rate, installments, disbursement))
    }

    /// An equal-principal (等额本金) schedule, monthly, the first installment one
    /// month after `disbursement`.
    ///
    /// # Errors
    /// As [`Schedule::build`].
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{Money, Rate, Schedule};
    /// use overdue::dec;
    /// let s = Schedule::equal_principal(Money::new(dec!(10000))?, Rate::monthly(dec!(0.01))?, 3,
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// let pays: Vec<String> = s.installments().iter().map(|i| i.payment.to_string()).collect();
    /// assert_eq!(pays, ["3433.33", "3400.00", "3366.67"]);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn equal_principal(
        principal: Money,
        rate: Rate,
        installments: u32,
        disbursement: NaiveDate,
    ) -> Result<Schedule> {
        Schedule::build(
            &ScheduleOptions::new(principal, rate, installments, disbursement).method(Method::EqualPrincipal),
        )
    }

    /// Builds a schedule from options.
    ///
    /// # Errors
    /// - [`Error::Zero`] (`installments`) or [`Error::TooLarge`] beyond [`MAX_INSTALLMENTS`];
    /// - [`Error::NonPositive`] (`principal`), [`Error::NotInMinorUnits`] for a
    ///   principal with digits below the minor unit;
    /// - [`Error::PrincipalBelowMinorUnits`] when an amortizing method cannot give
    ///   every installment one minor unit of principal;
    /// - [`Error::DateOrder`] when the first due date is on or before disbursement;
    /// - [`Error::RateNeedsDayCount`] for a daily rate with a per-period basis;
    /// - [`Error::Overflow`], [`Error::DateOutOfRange`] for values beyond range.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{Error, Money, Rate, Schedule, ScheduleOptions};
    /// use overdue::dec;
    /// let o = ScheduleOptions::new(Money::new(dec!(100))?, Rate::ZERO, 0, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(Schedule::build(&o).unwrap_err(), Error::Zero { field: "installments" });
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn build(options: &ScheduleOptions) -> Result<Schedule> {
        Schedule::build_with(options, None)
    }

    /// [`Schedule::build`], the annuity divisor taken from (and kept in)
    /// `divisors` when given: the same schedule either way.
    pub(crate) fn build_with(options: &ScheduleOptions, divisors: Option<&mut Divisors>) -> Result<Schedule> {
        let plan = Plan::new(options)?;
        let (rows, level, exact) = match options.method {
            _ if options.floating.is_some() => (
                rebuild(
                    options,
                    plan.principal,
                    options.disbursement,
                    &plan.due_dates,
                    Keep::Term,
                )?,
                None,
                None,
            ),
            Method::EqualInstallment => {
                let a = annuity::build(&plan, divisors)?;
                (a.rows, Some(a.level), Some(a.exact))
            }
            Method::EqualPrincipal => (equal_principal::build(&plan, 0)?, None, None),
            Method::FlatFee { fee } => {
                let fee_rate = fee.periodic_exact(options.frequency)?;
                let fee_minor = fee_rate.apply(plan.principal, plan.rounding)?;
                let rows = equal_principal::build(&plan, fee_minor)?;
                let level = rows
                    .first()
                    .map(|r| r.principal.checked_add(r.interest).and_then(|x| x.checked_add(r.fee)))
                    .map(|x| x.ok_or_else(|| overflow("level payment")))
                    .transpose()?;
                (rows, level, None)
            }
            Method::InterestOnly => (simple::interest_only(&plan)?, None, None),
            Method::Bullet => (simple::bullet(&plan)?, None, None),
        };
        let scale = plan.rounding.scale();
        let level_payment = level.map(|m| Money::from_minor(m, scale)).transpose()?;
        let dates: &[NaiveDate] = if matches!(options.method, Method::Bullet) {
            plan.due_dates
                .get(plan.due_dates.len().saturating_sub(1)..)
                .unwrap_or_default()
        } else {
            &plan.due_dates
        };
        let installments = to_installments(&rows, dates, plan.principal, scale)?;
        Ok(Schedule {
            options: options.clone(),
            installments,
            level_payment,
            exact_payment: exact,
        })
    }

    /// The installments, in due-date order.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// let s = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12,
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// let hundred = Money::new(dec!(100))?;
    /// assert!(s.installments().iter().all(|i| i.payment == hundred));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn installments(&self) -> &[Installment] {
        &self.installments
    }

    /// The options the schedule was built from.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let s = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// assert_eq!(s.options().installments(), 12);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn options(&self) -> &ScheduleOptions {
        &self.options
    }

    /// The principal lent.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let s = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// assert_eq!(s.principal(), Money::new(dec!(1200))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn principal(&self) -> Money {
        self.options.principal
    }

    /// The disbursement date.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let s = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// assert_eq!(s.disbursement(), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn disbursement(&self) -> NaiveDate {
        self.options.disbursement
    }

    /// The level (rounded) payment, for equal-installment and flat-fee
    /// schedules; `None` for the others.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// let s = Schedule::equal_principal(Money::new(dec!(1200))?, Rate::ZERO, 12,
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// assert_eq!(s.level_payment(), None);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn level_payment(&self) -> Option<Money> {
        self.level_payment
    }

    /// The sum of the posted payments: what the borrower actually pays.
    ///
    /// # Errors
    /// [`Error::Overflow`].
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// let s = Schedule::equal_installment(Money::new(dec!(10000))?, Rate::annual(dec!(0.12))?, 12,
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// assert_eq!(s.total_paid()?.to_string(), "10661.86");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn total_paid(&self) -> Result<Money> {
        Money::sum(self.installments.iter().map(|i| i.payment))
    }

    /// The sum of the interest parts.
    ///
    /// # Errors
    /// [`Error::Overflow`].
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// let s = Schedule::equal_principal(Money::new(dec!(120000))?, Rate::annual(dec!(0.06))?, 12,
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// assert_eq!(s.total_interest()?.to_string(), "3900.00");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn total_interest(&self) -> Result<Money> {
        Money::sum(self.installments.iter().map(|i| i.interest))
    }

    /// The sum of the fee parts.
    ///
    /// # Errors
    /// [`Error::Overflow`].
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// let o = ScheduleOptions::new(Money::new(dec!(12000))?, Rate::ZERO, 12, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
    ///     .method(Method::FlatFee { fee: Rate::monthly(dec!(0.006))? });
    /// assert_eq!(Schedule::build(&o)?.total_fees()?.to_string(), "864.00");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn total_fees(&self) -> Result<Money> {
        Money::sum(self.installments.iter().map(|i| i.fee))
    }

    /// The rate-table total: number of installments × the level payment, as
    /// tables that show every payment equal print it; `None` without a
    /// level payment. It differs from [`Schedule::total_paid`] by the last
    /// installment's residual.
    ///
    /// # Errors
    /// [`Error::Overflow`].
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// let s = Schedule::equal_installment(Money::new(dec!(670000))?, Rate::annual(dec!(0.049))?, 360,
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// assert_eq!(s.total_of_level_payments()?.unwrap().to_string(), "1280113.20");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn total_of_level_payments(&self) -> Result<Option<Money>> {
        self.level_payment
            .map(|m| {
                crate::money::exact_mul(m.as_decimal(), Decimal::from(self.installments.len()))
                    .ok_or_else(|| overflow("total of level payments"))
                    .and_then(Money::new)
            })
            .transpose()
    }

    /// The rounded total of exact payments: n × the unrounded annuity
    /// payment, rounded once (the other convention of published tables);
    /// `None` except for equal-installment schedules.
    ///
    /// # Errors
    /// [`Error::Overflow`].
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// // 500,000 at 5.9 % over 240 months (shuilv.net/post/444)
    /// let s = Schedule::equal_installment(Money::new(dec!(500000))?, Rate::annual(dec!(0.059))?, 240,
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// assert_eq!(s.total_of_exact_payments()?.unwrap().to_string(), "852808.79");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn total_of_exact_payments(&self) -> Result<Option<Money>> {
        let rounding = self.options.rounding;
        self.exact_payment
            .map(|a| {
                a.checked_mul(Decimal::from(self.installments.len()))
                    .ok_or_else(|| overflow("total of exact payments"))
                    .and_then(|t| Money::new(rounding.round(t)))
            })
            .transpose()
    }
}

fn to_installments(rows: &[Row], dates: &[NaiveDate], principal: i128, scale: u32) -> Result<Vec<Installment>> {
    let mut balance = principal;
    let mut out = Vec::with_capacity(rows.len());
    for (k, (row, &due_date)) in rows.iter().zip(dates).enumerate() {
        balance -= row.principal;
        let p = Money::from_minor(row.principal, scale)?;
        let i = Money::from_minor(row.interest, scale)?;
        let f = Money::from_minor(row.fee, scale)?;
        let payment = row
            .principal
            .checked_add(row.interest)
            .and_then(|x| x.checked_add(row.fee))
            .ok_or_else(|| overflow("installment payment"))?;
        let payment = Money::from_minor(payment, scale)?;
        out.push(Installment {
            number: u32::try_from(k + 1).map_err(|_| overflow("installment number"))?,
            due_date,
            principal: p,
            interest: i,
            fee: f,
            payment,
            balance_after: Money::from_minor(balance, scale)?,
        });
    }
    Ok(out)
}

/// The nominal periodic factor and each row's interest factor (periodic, or
/// by the days from the previous due date, the first from `start`).
fn rates(o: &ScheduleOptions, start: NaiveDate, due_dates: &[NaiveDate]) -> Result<(Fraction, Vec<Fraction>)> {
    let periodic = match (o.rate.period(), o.effective_basis()) {
        (RatePeriod::Daily, InterestBasis::ActualDays(dc)) => Fraction::from_decimal(o.rate.value())?
            .scale(dc.nominal_year_days(), i128::from(o.frequency.periods_per_year()))?,
        _ => o.rate.periodic_exact(o.frequency)?,
    };
    let factors = match o.effective_basis() {
        InterestBasis::PerPeriod => vec![periodic; due_dates.len()],
        InterestBasis::ActualDays(dc) => {
            let mut prev = start;
            let mut out = Vec::with_capacity(due_dates.len());
            for &due in due_dates {
                out.push(o.rate.factor_between(prev, due, dc)?);
                prev = due;
            }
            out
        }
    };
    Ok((periodic, factors))
}

impl Plan {
    fn new(o: &ScheduleOptions) -> Result<Plan> {
        o.validate_terms()?;
        if o.installments == 0 {
            return Err(Error::Zero { field: "installments" });
        }
        if o.installments > MAX_INSTALLMENTS {
            return Err(Error::TooLarge {
                field: "installments",
                value: u64::from(o.installments),
                max: u64::from(MAX_INSTALLMENTS),
            });
        }
        if o.principal.is_zero() {
            return Err(Error::NonPositive {
                field: "principal",
                value: o.principal.as_decimal(),
            });
        }
        let rounding = o.rounding;
        let principal = o.principal.to_minor("principal", rounding.scale())?;
        let first_due = o.get_first_due()?;
        if first_due <= o.disbursement {
            return Err(Error::DateOrder {
                earlier: "disbursement",
                earlier_date: o.disbursement,
                later: "first due date",
                later_date: first_due,
            });
        }
        let amortizes = matches!(
            o.method,
            Method::EqualInstallment | Method::EqualPrincipal | Method::FlatFee { .. }
        );
        if amortizes && principal < i128::from(o.installments) {
            return Err(Error::PrincipalBelowMinorUnits {
                principal: o.principal.as_decimal(),
                installments: o.installments,
            });
        }
        let due_dates = (0..o.installments)
            .map(|k| o.frequency.due_date(first_due, k))
            .collect::<Result<Vec<_>>>()?;
        let (periodic, factors) = rates(o, o.disbursement, &due_dates)?;
        Ok(Plan {
            principal,
            n: o.installments,
            due_dates,
            factors,
            periodic,
            rounding,
        })
    }

    /// A plan for `principal` over the given due dates, the first period
    /// starting on `start`, under `o`'s rate, basis, frequency and rounding
    /// (what a prepayment rebuilds the remaining installments from).
    pub(crate) fn over(
        o: &ScheduleOptions,
        principal: i128,
        start: NaiveDate,
        due_dates: Vec<NaiveDate>,
    ) -> Result<Plan> {
        let n = u32::try_from(due_dates.len()).map_err(|_| overflow("installment count"))?;
        let (periodic, factors) = rates(o, start, &due_dates)?;
        Ok(Plan {
            principal,
            n,
            due_dates,
            factors,
            periodic,
            rounding: o.rounding,
        })
    }

    /// The interest of row `k` (0-based) on `balance`, rounded.
    pub(crate) fn interest(&self, k: usize, balance: i128) -> Result<i128> {
        let factor = self.factors.get(k).copied().unwrap_or(self.periodic);
        factor.apply(balance, self.rounding)
    }
}

/// The fields of [`Method::FlatFee`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct FlatFeeFields {
    fee: Rate,
}

impl crate::serde_tagged::Tagged for Method {
    const EXPECTING: &'static str = "a repayment method";
    const KINDS: &'static [&'static str] = &[
        "equal_installment",
        "equal_principal",
        "interest_only",
        "bullet",
        "flat_fee",
    ];
    fn variant<'de, D: serde::Deserializer<'de>>(kind: &str, fields: D) -> std::result::Result<Self, D::Error> {
        let plain = match kind {
            "equal_installment" => Method::EqualInstallment,
            "equal_principal" => Method::EqualPrincipal,
            "interest_only" => Method::InterestOnly,
            "bullet" => Method::Bullet,
            _ => return FlatFeeFields::deserialize(fields).map(|f| Method::FlatFee { fee: f.fee }),
        };
        crate::serde_tagged::NoFields::deserialize(fields).map(|_| plain)
    }
}

crate::serde_tagged::deserialize_tagged!(Method);

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn first_due_on_disbursement_is_rejected() {
        let o =
            ScheduleOptions::new(Money::new(dec!(100)).unwrap(), Rate::ZERO, 2, d(2026, 1, 1)).first_due(d(2026, 1, 1));
        assert_eq!(
            Schedule::build(&o).unwrap_err().to_string(),
            "first due date 2026-01-01 must be after disbursement 2026-01-01"
        );
    }
}
