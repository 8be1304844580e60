//! Installment schedules: what is due when.
//!
//! [`ScheduleOptions`] (or a loan's [`Terms`] with its principal and
//! disbursement) build a [`Schedule`] by one of the [`Method`]s: equal
//! installments (等额本息), equal principal (等额本金), interest only (先息后本),
//! bullet, or a flat fee (分期手续费). Due dates come from an anchor, never
//! chained; the last row absorbs the rounding residual. Interest is fixed
//! by the schedule or accrues daily on the actual balance
//! ([`InterestModel`]). See the [conventions](crate::guide::conventions) and
//! the [interest guide](crate::guide::interest).
//!
//! ```
//! use overdue::{dec, Money, NaiveDate, Rate, Schedule};
//! let plan = Schedule::equal_installment(Money::new(dec!(10000))?, Rate::annual(dec!(0.12))?, 12,
//!     NaiveDate::from_ymd_opt(2026, 1, 15).unwrap())?;
//! assert_eq!(plan.level_payment().unwrap().to_string(), "888.49");
//! # Ok::<(), overdue::Error>(())
//! ```

mod annuity;
mod cache;
mod equal_principal;
mod installment;
mod interest;
mod method;
mod options;
mod plan;
mod rebuild;
mod simple;
mod terms;

use annuity::Divisors;
pub use cache::ScheduleCache;
pub use installment::Installment;
pub use interest::{DailyInstallments, InterestModel};
pub use method::{InterestBasis, Method};
pub use options::ScheduleOptions;
use plan::to_installments;
pub(crate) use plan::{covers_installments, Inputs, Row};
pub(crate) use rebuild::{rebuild, Keep};
pub(crate) use terms::terms_methods;
pub use terms::Terms;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{overflow, Error, Result, Within};
use crate::money::Money;
use crate::rate::Rate;

/// The most installments a schedule may have (a 100-year weekly loan).
pub const MAX_INSTALLMENTS: u32 = 5_200;

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
///It serializes with its options and rows; deserializing rebuilds it from the
///options (so invalid options fail with the error [`Schedule::build`] gives)
///and rejects rows that differ from the rebuilt ones. The rows may be left
///out of the input (`{"options": {...}}`).
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
    type Error = Within;
    /// Read from JSON: the schedule is built from its options, and an error
    /// names the option that is wrong (`options.installments`).
    fn try_from(repr: ScheduleRepr) -> std::result::Result<Schedule, Within> {
        let schedule = Schedule::build(&repr.options).map_err(|e| {
            let path = option_of(&e).map_or_else(|| "options".to_owned(), |key| format!("options.{key}"));
            Within::new(path, e)
        })?;
        if repr.installments.is_some_and(|rows| rows != schedule.installments) {
            return Err(Within::new(
                "installments",
                Error::Invalid {
                    field: "installments",
                    reason: "the rows differ from those the options give".to_owned(),
                },
            ));
        }
        if repr.level_payment.is_some_and(|p| Some(p) != schedule.level_payment) {
            return Err(Within::new(
                "level_payment",
                Error::Invalid {
                    field: "level_payment",
                    reason: "differs from the one the options give".to_owned(),
                },
            ));
        }
        if repr.exact_payment.is_some_and(|p| Some(p) != schedule.exact_payment) {
            return Err(Within::new(
                "exact_payment",
                Error::Invalid {
                    field: "exact_payment",
                    reason: "differs from the one the options give".to_owned(),
                },
            ));
        }
        Ok(schedule)
    }
}

/// The option a [`Schedule::build`] error is about, as its JSON key.
pub(crate) fn option_of(error: &Error) -> Option<&'static str> {
    let key = |field: &str| match field {
        "installments" | "installment count" | "installment number" => Some("installments"),
        "principal" | "amount" => Some("principal"),
        "rate" | "interest rate" => Some("rate"),
        _ => None,
    };
    match error {
        Error::Zero { field }
        | Error::TooLarge { field, .. }
        | Error::NonPositive { field, .. }
        | Error::Negative { field, .. }
        | Error::NotInMinorUnits { field, .. }
        | Error::Invalid { field, .. } => key(field),
        Error::Overflow { operation } => key(operation),
        Error::PrincipalBelowMinorUnits { .. } => Some("principal"),
        Error::DateOrder { later, .. } if later.contains("first due") => Some("first_due"),
        Error::IndexNotPublished { .. } => Some("floating"),
        Error::InvalidScale(_) => Some("rounding"),
        _ => None,
    }
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
            &ScheduleOptions::new(principal, rate, installments, disbursement).with_method(Method::EqualPrincipal),
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
    /// - [`Error::Overflow`], [`Error::DateOutOfRange`] for values beyond range (every date
    ///   of a schedule lies within years 0001 to 9999).
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
        let plan = Inputs::new(options)?;
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
    /// # use overdue::{Money, Rate, Schedule};
    /// # use overdue::NaiveDate; use overdue::dec;
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
    /// # use overdue::{Money, Rate, Schedule};
    /// # use overdue::NaiveDate; use overdue::dec;
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
    /// # use overdue::{Money, Rate, Schedule};
    /// # use overdue::NaiveDate; use overdue::dec;
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
    /// # use overdue::{Money, Rate, Schedule};
    /// # use overdue::NaiveDate; use overdue::dec;
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
    /// # use overdue::{Money, Rate, Schedule};
    /// # use overdue::NaiveDate; use overdue::dec;
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
    /// # use overdue::{Money, Rate, Schedule};
    /// # use overdue::NaiveDate; use overdue::dec;
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
    /// # use overdue::{Money, Rate, Schedule};
    /// # use overdue::NaiveDate; use overdue::dec;
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
    /// # use overdue::{Money, Rate, Schedule, ScheduleOptions, Method};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let o = ScheduleOptions::new(Money::new(dec!(12000))?, Rate::ZERO, 12, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
    ///     .with_method(Method::FlatFee { fee: Rate::monthly(dec!(0.006))? });
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
    /// # use overdue::{Money, Rate, Schedule};
    /// # use overdue::NaiveDate; use overdue::dec;
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
    /// # use overdue::{Money, Rate, Schedule};
    /// # use overdue::NaiveDate; use overdue::dec;
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

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn first_due_on_disbursement_is_rejected() {
        let o = ScheduleOptions::new(Money::new(dec!(100)).unwrap(), Rate::ZERO, 2, d(2026, 1, 1))
            .with_first_due(d(2026, 1, 1));
        assert_eq!(
            Schedule::build(&o).unwrap_err().to_string(),
            "first due date 2026-01-01 must be after disbursement 2026-01-01"
        );
    }
}
