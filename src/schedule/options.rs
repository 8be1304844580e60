//! The options a schedule is built from: principal, rate, installments,
//! method, frequency, first due date, basis, rounding, floating rate and
//! interest model.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::interest::InterestModel;
use super::method::InterestBasis;
use super::method::Method;
use crate::calendar::Frequency;
use crate::error::{Error, Result};
use crate::money::{Money, Rounding};
use crate::rate::FloatingRate;
use crate::rate::Rate;

use super::terms::{terms_methods, Terms};

/// Everything a schedule is built from, with documented defaults.
///
/// Defaults: [`Method::EqualInstallment`], [`Frequency::Monthly`], first due
/// date one period after disbursement, [`InterestBasis::PerPeriod`],
/// [`Rounding::default`] (cents, half away from zero). Setters never fail;
/// [`Schedule::build`](crate::Schedule::build) validates.
///
/// # Example
/// ```
/// use overdue::NaiveDate;
/// use overdue::{Method, Money, Rate, Schedule, ScheduleOptions};
/// use overdue::dec;
/// let disbursed = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
/// let options = ScheduleOptions::new(Money::new(dec!(120000))?, Rate::annual(dec!(0.06))?, 12, disbursed)
///     .with_method(Method::EqualPrincipal);
/// let schedule = Schedule::build(&options)?;
/// assert_eq!(schedule.installments()[0].payment.to_string(), "10600.00");
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduleOptions {
    pub(super) principal: Money,
    pub(super) rate: Rate,
    #[serde(deserialize_with = "installment_count")]
    pub(super) installments: u32,
    pub(super) disbursement: NaiveDate,
    #[serde(default)]
    pub(super) method: Method,
    #[serde(default)]
    pub(super) frequency: Frequency,
    #[serde(default)]
    pub(super) first_due: Option<NaiveDate>,
    #[serde(default)]
    pub(super) basis: InterestBasis,
    #[serde(default)]
    pub(super) rounding: Rounding,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) floating: Option<FloatingRate>,
    #[serde(default, skip_serializing_if = "InterestModel::is_scheduled")]
    pub(super) interest: InterestModel,
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

    /// Options for a loan of `principal` on `terms`, disbursed on
    /// `disbursement`.
    ///
    /// ```
    /// use overdue::{dec, Method, Money, NaiveDate, Rate, ScheduleOptions, schedule::Terms};
    /// let terms = Terms::new(Rate::annual(dec!(0.06))?, 12).with_method(Method::EqualPrincipal);
    /// let o = ScheduleOptions::on_terms(Money::new(dec!(1200))?, terms, NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
    /// assert_eq!(o.terms(), terms);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn on_terms(principal: Money, terms: Terms, disbursement: NaiveDate) -> ScheduleOptions {
        let mut options = ScheduleOptions::new(principal, terms.rate, terms.installments, disbursement)
            .with_method(terms.method)
            .with_frequency(terms.frequency)
            .with_basis(terms.basis);
        options.first_due = terms.first_due;
        options
    }

    terms_methods!(
        ScheduleOptions,
        "Money, NaiveDate, Rate, ScheduleOptions",
        "ScheduleOptions::new(Money::ZERO, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())"
    );

    /// The same terms over `installments` periods from the same first due
    /// date (what a prepayment that shortens the term leaves in force).
    pub(crate) fn for_installments(&self, installments: u32) -> Result<ScheduleOptions> {
        let first_due = self.first_due()?;
        Ok(ScheduleOptions {
            installments,
            first_due: Some(first_due),
            ..self.clone()
        })
    }

    /// Sets the rounding (default: cents, half away from zero).
    ///
    /// ```
    /// # use overdue::{Money, Rounding, RoundingMode, Rate, ScheduleOptions};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let o = o.with_rounding(Rounding::half_even(2)?);
    /// assert_eq!(o.rounding().mode(), RoundingMode::HalfEven);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_rounding(mut self, rounding: Rounding) -> ScheduleOptions {
        self.rounding = rounding;
        self
    }

    /// The principal.
    ///
    /// ```
    /// # use overdue::{Money, Rate, ScheduleOptions};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(o.principal().to_string(), "1000");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn principal(&self) -> Money {
        self.principal
    }

    /// The disbursement date.
    ///
    /// ```
    /// # use overdue::{Money, Rate, ScheduleOptions};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(o.disbursement(), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn disbursement(&self) -> NaiveDate {
        self.disbursement
    }

    /// The rounding.
    ///
    /// ```
    /// # use overdue::{Money, Rounding, Rate, ScheduleOptions};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(o.rounding(), Rounding::default());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn rounding(&self) -> Rounding {
        self.rounding
    }

    /// The first due date: the one set, or one period after disbursement.
    ///
    /// # Errors
    /// [`Error::DateOutOfRange`] past the end of the calendar.
    ///
    /// ```
    /// # use overdue::{Money, Rate, ScheduleOptions};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 31).unwrap());
    /// assert_eq!(o.first_due()?, NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn first_due(&self) -> Result<NaiveDate> {
        match self.first_due {
            Some(d) => Ok(d),
            None => self.frequency.due_date(self.disbursement, 1),
        }
    }

    /// Makes the rate float (default: fixed at [`ScheduleOptions::rate`]).
    /// The options' rate becomes the rate fixed at the disbursement (if the
    /// index has no value then, [`Schedule::build`](crate::Schedule::build) says so). At each reset
    /// that changes the rate, the installments after it are rebuilt as
    /// [`OnReset`](crate::rate::OnReset) says; a repricing is not a restructure.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{rate::FloatingRate, Money, Rate, rate::RateTable, rate::Reset, Schedule, ScheduleOptions, rate::Spread};
    /// use overdue::dec;
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let index = RateTable::new(vec![(d(2025, 1, 1), Rate::annual(dec!(0.031))?), (d(2026, 1, 1), Rate::annual(dec!(0.03))?)])?;
    /// let floating = FloatingRate::new(index, Spread::annual(dec!(0.015))).with_reset(Reset::January1);
    /// let o = ScheduleOptions::new(Money::new(dec!(100000))?, Rate::ZERO, 36, d(2025, 1, 1)).with_floating(floating);
    /// assert_eq!(o.rate(), Rate::annual(dec!(0.046))?);
    /// let s = Schedule::build(&o)?;
    /// assert_eq!(s.installments()[0].payment.to_string(), "2979.16");
    /// assert_eq!(s.installments()[11].balance_after.to_string(), "68184.85");
    /// assert_eq!(s.installments()[12].payment.to_string(), "2976.12");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_floating(mut self, floating: FloatingRate) -> ScheduleOptions {
        if let Ok(rate) = floating.rate_in_force(self.disbursement, self.disbursement) {
            self.rate = rate;
        }
        self.floating = Some(floating);
        self
    }

    /// The floating rate, if the rate floats.
    ///
    /// ```
    /// # use overdue::{Money, Rate, ScheduleOptions};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert!(o.floating().is_none());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn floating(&self) -> Option<&FloatingRate> {
        self.floating.as_ref()
    }

    /// Sets how contract interest is charged (default
    /// [`InterestModel::Scheduled`]). Under
    /// [`InterestModel::DailyOnBalance`] the schedule is built on actual
    /// days under its day count (the basis must be the default or that same
    /// [`InterestBasis::ActualDays`]).
    ///
    /// ```
    /// # use overdue::{Money, Rate, DayCount, ScheduleOptions};
    /// # use overdue::schedule::InterestModel;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let o = o.with_interest(InterestModel::daily(DayCount::Act365Fixed));
    /// assert_eq!(o.interest(), InterestModel::daily(DayCount::Act365Fixed));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_interest(mut self, interest: InterestModel) -> ScheduleOptions {
        self.interest = interest;
        self
    }

    /// How contract interest is charged.
    ///
    /// ```
    /// # use overdue::{Money, Rate, ScheduleOptions};
    /// # use overdue::schedule::InterestModel;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let o = ScheduleOptions::new(Money::new(dec!(1000))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(o.interest(), InterestModel::Scheduled);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn interest(&self) -> InterestModel {
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
    pub(super) fn validate_terms(&self) -> Result<()> {
        if let Some(dc) = self.interest.daily_day_count()
            && !matches!(self.basis, InterestBasis::PerPeriod)
            && self.basis != InterestBasis::ActualDays(dc)
        {
            return Err(Error::Invalid {
                field: "interest",
                reason: format!(
                    "daily interest under {dc:?} builds its schedule on actual days under {dc:?}, not on {:?}",
                    self.basis
                ),
            });
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

/// An installment count read from JSON: from 1 to [`MAX_INSTALLMENTS`](super::MAX_INSTALLMENTS),
/// refused at the field itself.
fn installment_count<'de, D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<u32, D::Error> {
    use serde::de::Error as _;
    let n = u32::deserialize(deserializer)?;
    if n == 0 {
        return Err(D::Error::custom(Error::Zero { field: "installments" }));
    }
    if n > super::MAX_INSTALLMENTS {
        return Err(D::Error::custom(Error::TooLarge {
            field: "installments",
            value: u64::from(n),
            max: u64::from(super::MAX_INSTALLMENTS),
        }));
    }
    Ok(n)
}
