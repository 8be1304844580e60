//! Regulation Z Appendix J unit-periods: the common payment interval an APR
//! is computed over.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::Frequency;
use crate::error::{Error, Result};

/// The unit-period of a Regulation Z APR (Appendix J (b)(3)): the common
/// interval between payments, not more than a year; for a single advance
/// repaid by a single payment, the term itself (at most a year).
///
/// Unit-periods a year (Appendix J (b)(5)): 365 ÷ days for a unit of days,
/// 52 ÷ weeks for a unit of weeks, 24 for a semimonth, 12 ÷ months for a
/// unit of months, 1 for a year. An odd part of a unit-period is its
/// days ÷ the unit's days, counting 30 days a month (15 a semimonth, 365 a
/// year), as Appendix J (b)(4) counts them.
///
/// Every [`Frequency`] converts into the unit of the same length, so
/// `reg_z_apr(&flows, Frequency::Monthly)` still reads as before.
///
/// ```
/// use overdue::{Frequency, cost::UnitPeriod};
/// assert_eq!(UnitPeriod::from(Frequency::Quarterly), UnitPeriod::Months(3));
/// assert_eq!(UnitPeriod::Weeks(4).per_year()?.to_string(), "13");
/// assert_eq!(UnitPeriod::Months(2).per_year()?.to_string(), "6");
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum UnitPeriod {
    /// A number of days.
    Days(u32),
    /// A number of weeks (4 for a four-weekly loan).
    Weeks(u32),
    /// Half a month (15 days).
    SemiMonth,
    /// A number of months (2 for a bimonthly loan, 3 a quarter).
    Months(u32),
    /// A year.
    Year,
    /// A single advance repaid by a single payment: the term of the
    /// transaction (whole months when it is, else days), or a year when the
    /// term is longer (Appendix J (b)(3)(ii)).
    SinglePayment,
}

impl From<Frequency> for UnitPeriod {
    fn from(frequency: Frequency) -> UnitPeriod {
        match frequency {
            Frequency::Weekly => UnitPeriod::Weeks(1),
            Frequency::Biweekly => UnitPeriod::Weeks(2),
            Frequency::SemiMonthly => UnitPeriod::SemiMonth,
            Frequency::Monthly => UnitPeriod::Months(1),
            Frequency::Quarterly => UnitPeriod::Months(3),
            Frequency::Yearly => UnitPeriod::Year,
        }
    }
}

impl UnitPeriod {
    /// Unit-periods in a year.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a unit of zero length, longer than a year, or
    /// [`UnitPeriod::SinglePayment`] (whose length depends on the flows).
    ///
    /// ```
    /// use overdue::cost::UnitPeriod;
    /// assert_eq!(UnitPeriod::Days(73).per_year()?.to_string(), "5");
    /// assert!(UnitPeriod::Months(13).per_year().is_err());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn per_year(self) -> Result<Decimal> {
        let (n, whole, limit) = match self {
            UnitPeriod::Days(n) => (n, 365, 365),
            UnitPeriod::Weeks(n) => (n, 52, 52),
            UnitPeriod::SemiMonth => (1, 24, 24),
            UnitPeriod::Months(n) => (n, 12, 12),
            UnitPeriod::Year => (1, 1, 1),
            UnitPeriod::SinglePayment => {
                return Err(Error::Invalid {
                    field: "unit-period",
                    reason: "a single-payment unit-period takes its length from the flows".into(),
                })
            }
        };
        if n == 0 || n > limit {
            return Err(Error::Invalid {
                field: "unit-period",
                reason: format!("{self:?} is not between a day and a year"),
            });
        }
        Ok(Decimal::from(whole) / Decimal::from(n))
    }

    /// The unit a single payment on `payment` for an advance on `advance`
    /// is computed over: the term in whole months if it is one, else in
    /// days, and a year beyond a year.
    pub(crate) fn for_single_payment(advance: NaiveDate, payment: NaiveDate) -> Result<UnitPeriod> {
        let year_on = advance.checked_add_months(Months::new(12));
        if year_on.is_none_or(|y| payment > y) {
            return Ok(UnitPeriod::Year);
        }
        if let Some(k) = (1..=12).find(|k| advance.checked_add_months(Months::new(*k)) == Some(payment)) {
            return Ok(UnitPeriod::Months(k));
        }
        let days = u32::try_from((payment - advance).num_days()).unwrap_or(0);
        if days == 0 {
            return Err(Error::Invalid {
                field: "unit-period",
                reason: "a single payment on the day of the advance has no term".into(),
            });
        }
        Ok(UnitPeriod::Days(days))
    }
}
