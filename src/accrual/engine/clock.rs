//! Simple interest at a rate under a day count, as an exact factor between two days.

use chrono::NaiveDate;

use super::{cmul, date};
use crate::calendar::DayCount;
use crate::error::Result;
use crate::fraction::Fraction;
use crate::money::Rounding;
use crate::rate::{Rate, RatePeriod};

/// Simple interest at a rate under a day count, as an exact factor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Clock {
    pub(super) rate: Rate,
    pub(super) day_count: DayCount,
    /// The factor per day-count day, when it is one (every convention but an
    /// annual or monthly rate under ACT/ACT).
    pub(super) per_day: Option<Fraction>,
    /// The day 30/360 days are counted from (the disbursement).
    pub(super) origin: NaiveDate,
}

impl Clock {
    pub(super) fn new(rate: Rate, day_count: DayCount, origin: NaiveDate) -> Result<Clock> {
        let v = Fraction::from_decimal(rate.value())?;
        let year = day_count.nominal_year_days();
        let per_day = match (rate.period(), day_count) {
            (RatePeriod::Daily, _) => Some(v),
            (_, DayCount::ActActIsda) => None,
            (RatePeriod::Monthly, _) => Some(v.scale(12, year)?),
            (_, _) => Some(v.scale(1, year)?),
        };
        Ok(Clock {
            rate,
            day_count,
            per_day,
            origin,
        })
    }

    /// The factor from `start` to `end` (unreduced when it is per day).
    pub(super) fn factor(&self, start: i32, end: i32) -> Result<Fraction> {
        match self.per_day {
            Some(pd) => {
                let days = match self.day_count {
                    DayCount::Act360 | DayCount::Act365Fixed | DayCount::ActActIsda => i128::from(end - start),
                    // 30/360 days are not additive (a stretch split on the 31st gains a day):
                    // count them from the disbursement, so that an event splitting a stretch
                    // never adds or drops a day, and the days since disbursement are exact
                    _ => {
                        let from =
                            |d: i32| -> Result<i128> { Ok(i128::from(self.day_count.days(self.origin, date(d)?))) };
                        from(end)? - from(start)?
                    }
                };
                Ok(Fraction {
                    num: cmul(pd.num, days)?,
                    den: pd.den,
                })
            }
            None => self.rate.factor_between(date(start)?, date(end)?, self.day_count),
        }
    }

    /// `base` × the factor from `start` to `end`, rounded.
    /// `base` × `f`, rounded.
    #[inline]
    pub(super) fn apply(base: i128, f: Fraction, rounding: Rounding) -> Result<i128> {
        let n = cmul(base, f.num)?;
        // 64-bit fast path: every realistic balance and rate
        if let (Ok(n), Ok(den)) = (i64::try_from(n), i64::try_from(f.den)) {
            return crate::money::div_round_i64(n, den, rounding.mode()).map(i128::from);
        }
        rounding.div(n, f.den)
    }
}
