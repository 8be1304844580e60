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
        self.factor_with(start, end, None)
    }

    /// [`Clock::factor`], remembering 30/360 day counts in `memo`.
    pub(super) fn factor_with(&self, start: i32, end: i32, mut memo: Option<&mut OriginDays>) -> Result<Fraction> {
        match self.per_day {
            Some(pd) => {
                let days = match self.day_count {
                    DayCount::Act360 | DayCount::Act365Fixed | DayCount::ActActIsda => i128::from(end - start),
                    // 30/360 days are not additive (a stretch split on the 31st gains a day):
                    // count them from the disbursement, so that an event splitting a stretch
                    // never adds or drops a day, and the days since disbursement are exact
                    _ => {
                        let mut from = |d: i32| -> Result<i128> {
                            let count = |d: i32| Ok(i128::from(self.day_count.days(self.origin, date(d)?)));
                            match memo.as_deref_mut() {
                                Some(memo) => memo.get_or(d, count),
                                None => count(d),
                            }
                        };
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

/// 30/360 days from a clock's origin, remembered by day: a replay asks for the
/// same due dates and event days again and again, and each count is a
/// calendar conversion.
#[derive(Debug, Clone, Default)]
pub(super) struct OriginDays {
    slots: Vec<(i32, i128)>,
}

impl OriginDays {
    const SLOTS: usize = 256;

    /// The count for day `d`, from the memo or from `count`.
    fn get_or(&mut self, d: i32, count: impl FnOnce(i32) -> Result<i128>) -> Result<i128> {
        if self.slots.is_empty() {
            self.slots = vec![(i32::MIN, 0); Self::SLOTS];
        }
        let slot = usize::try_from(d.rem_euclid(Self::SLOTS as i32)).unwrap_or(0);
        match self.slots.get(slot) {
            Some(&(day, days)) if day == d => Ok(days),
            _ => {
                let days = count(d)?;
                if let Some(s) = self.slots.get_mut(slot) {
                    *s = (d, days);
                }
                Ok(days)
            }
        }
    }
}
