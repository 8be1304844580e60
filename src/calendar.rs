//! Day counts, payment frequencies and due dates.

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fraction::Fraction;

/// How days between two dates are counted and turned into a fraction of a year.
///
/// Days are counted start-inclusive, end-exclusive (算头不算尾): from the
/// 10th to the 12th is 2 days. The default is [`DayCount::Act360`], the
/// Chinese bank convention for daily interest.
///
/// # Example
/// ```
/// use overdue::NaiveDate;
/// use overdue::DayCount;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // QuantLib's daycounters test: 2007-02-28 → 2007-08-31
/// assert_eq!(DayCount::Thirty360Bond.days(d(2007, 2, 28), d(2007, 8, 31)), 183);
/// assert_eq!(DayCount::Thirty360European.days(d(2007, 2, 28), d(2007, 8, 31)), 182);
/// assert_eq!(DayCount::Thirty360Us.days(d(2007, 2, 28), d(2007, 8, 31)), 180);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DayCount {
    /// Actual days / 360. The default.
    #[default]
    Act360,
    /// Actual days / 365, every year.
    Act365Fixed,
    /// ACT/ACT ISDA: days falling in non-leap years / 365 + days in leap years / 366.
    ActActIsda,
    /// 30/360 bond basis (ISDA 30/360): D1 = 31 → 30; D2 = 31 and D1 ≥ 30 → 30.
    Thirty360Bond,
    /// 30E/360 (Eurobond): D1 = 31 → 30 and D2 = 31 → 30.
    Thirty360European,
    /// 30/360 US: the bond rules plus the end-of-February rules.
    Thirty360Us,
}

fn is_last_of_february(d: NaiveDate) -> bool {
    d.month() == 2 && d.succ_opt().is_some_and(|n| n.month() == 3)
}

fn thirty_360(y1: i32, m1: u32, d1: u32, y2: i32, m2: u32, d2: u32) -> i64 {
    360 * i64::from(y2 - y1) + 30 * (i64::from(m2) - i64::from(m1)) + (i64::from(d2) - i64::from(d1))
}

fn is_leap(year: i32) -> bool {
    NaiveDate::from_ymd_opt(year, 2, 29).is_some()
}

impl DayCount {
    /// The number of days from `start` to `end` under this convention
    /// (negative if `end` is before `start`).
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::DayCount;
    /// let due = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    /// let paid = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
    /// assert_eq!(DayCount::Act360.days(due, paid), 2); // 算头不算尾
    /// ```
    pub fn days(self, start: NaiveDate, end: NaiveDate) -> i64 {
        if end < start {
            return -self.days(end, start);
        }
        let (y1, m1, mut d1) = (start.year(), start.month(), start.day());
        let (y2, m2, mut d2) = (end.year(), end.month(), end.day());
        match self {
            DayCount::Act360 | DayCount::Act365Fixed | DayCount::ActActIsda => (end - start).num_days(),
            DayCount::Thirty360Bond => {
                if d1 == 31 {
                    d1 = 30;
                }
                if d2 == 31 && d1 >= 30 {
                    d2 = 30;
                }
                thirty_360(y1, m1, d1, y2, m2, d2)
            }
            DayCount::Thirty360European => {
                d1 = d1.min(30);
                d2 = d2.min(30);
                thirty_360(y1, m1, d1, y2, m2, d2)
            }
            DayCount::Thirty360Us => {
                if is_last_of_february(start) && is_last_of_february(end) {
                    d2 = 30;
                }
                if is_last_of_february(start) {
                    d1 = 30;
                }
                if d2 == 31 && d1 >= 30 {
                    d2 = 30;
                }
                if d1 == 31 {
                    d1 = 30;
                }
                thirty_360(y1, m1, d1, y2, m2, d2)
            }
        }
    }

    /// The fraction of a year from `start` to `end`, to 28 significant digits.
    ///
    /// # Errors
    /// [`Error::Overflow`] only for dates tens of thousands of years apart.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::DayCount;
    /// use overdue::dec;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let yf = DayCount::ActActIsda.year_fraction(d(2003, 11, 1), d(2004, 5, 1))?;
    /// assert_eq!(yf.round_dp(12), dec!(0.497724380567)); // QuantLib daycounters.cpp
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn year_fraction(self, start: NaiveDate, end: NaiveDate) -> Result<Decimal> {
        self.year_fraction_exact(start, end)?.to_decimal()
    }

    /// The exact year fraction as a ratio of integers.
    pub(crate) fn year_fraction_exact(self, start: NaiveDate, end: NaiveDate) -> Result<Fraction> {
        match self {
            DayCount::ActActIsda => {
                if end < start {
                    let f = self.year_fraction_exact(end, start)?;
                    return Fraction::new(-f.num, f.den);
                }
                // closed form: days in leap years over 366, the rest over 365
                let total = i128::from((end - start).num_days());
                let leap = leap_year_days(start, end)?;
                let num = leap
                    .checked_mul(365)
                    .zip(total.checked_sub(leap).and_then(|n| n.checked_mul(366)))
                    .and_then(|(a, b)| a.checked_add(b))
                    .ok_or_else(|| crate::error::overflow("year fraction"))?;
                Fraction::new(num, 366 * 365)
            }
            _ => Fraction::new(i128::from(self.days(start, end)), self.nominal_year_days()),
        }
    }

    /// The nominal number of days in a year: 360 for ACT/360 and the 30/360
    /// family, 365 for ACT/365F and ACT/ACT (used to turn a daily rate into
    /// an annual one).
    ///
    /// ```
    /// assert_eq!(overdue::DayCount::Act365Fixed.nominal_year_days(), 365);
    /// ```
    pub fn nominal_year_days(self) -> i128 {
        match self {
            DayCount::Act365Fixed | DayCount::ActActIsda => 365,
            _ => 360,
        }
    }
}

/// The days of `[start, end)` (with `start <= end`) that fall in leap years,
/// in constant time: the partial first and last years, and 366 for each leap
/// year between them.
fn leap_year_days(start: NaiveDate, end: NaiveDate) -> Result<i128> {
    let out_of_range = || Error::DateOutOfRange {
        operation: "year fraction",
    };
    let (ys, ye) = (start.year(), end.year());
    let jan1 = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(out_of_range);
    let in_leap = |y: i32, days: i64| if is_leap(y) { i128::from(days) } else { 0 };
    if ys == ye {
        return Ok(in_leap(ys, (end - start).num_days()));
    }
    let first = in_leap(ys, (jan1(ys + 1)? - start).num_days());
    let last = in_leap(ye, (end - jan1(ye)?).num_days());
    // leap years in 1..=y (proleptic Gregorian, Euclidean division for y < 1)
    let leaps_through = |y: i32| {
        let y = i128::from(y);
        y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)
    };
    let between = leaps_through(ye - 1) - leaps_through(ys);
    Ok(first + last + 366 * between)
}

/// How often installments fall due.
///
/// Due dates are always computed from an anchor (the first due date), never
/// chained from the previous one, so month ends are kept: monthly from
/// Jan 31 gives Feb 28 (29), Mar 31, Apr 30. The default is
/// [`Frequency::Monthly`].
///
/// # Example
/// ```
/// use overdue::NaiveDate;
/// use overdue::Frequency;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let anchor = d(2026, 1, 31);
/// assert_eq!(Frequency::Monthly.due_date(anchor, 1)?, d(2026, 2, 28));
/// assert_eq!(Frequency::Monthly.due_date(anchor, 2)?, d(2026, 3, 31));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Frequency {
    /// Every 7 days (52 a year).
    Weekly,
    /// Every 14 days (26 a year).
    Biweekly,
    /// Twice a month (24 a year): day d and day d + 15 when d ≤ 15 (the 1st
    /// and 16th; the 15th and the month end), or day d and day d − 15 of the
    /// next month when d > 15; clamped to the month's end.
    SemiMonthly,
    /// Every month (12 a year). The default.
    #[default]
    Monthly,
    /// Every three months (4 a year).
    Quarterly,
    /// Every year.
    Yearly,
}

impl Frequency {
    /// Periods in a year: 52, 26, 24, 12, 4 or 1.
    ///
    /// ```
    /// assert_eq!(overdue::Frequency::SemiMonthly.periods_per_year(), 24);
    /// ```
    pub const fn periods_per_year(self) -> u32 {
        match self {
            Frequency::Weekly => 52,
            Frequency::Biweekly => 26,
            Frequency::SemiMonthly => 24,
            Frequency::Monthly => 12,
            Frequency::Quarterly => 4,
            Frequency::Yearly => 1,
        }
    }

    /// The `k`-th date of the series anchored at `anchor` (`k = 0` is the anchor).
    ///
    /// # Errors
    /// [`Error::DateOutOfRange`] past the end of chrono's calendar.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::Frequency;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(Frequency::SemiMonthly.due_date(d(1978, 3, 1), 1)?, d(1978, 3, 16));
    /// assert_eq!(Frequency::SemiMonthly.due_date(d(1978, 3, 1), 2)?, d(1978, 4, 1));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn due_date(self, anchor: NaiveDate, k: u32) -> Result<NaiveDate> {
        let out = || Error::DateOutOfRange { operation: "due date" };
        let months = |n: u32| anchor.checked_add_months(Months::new(n));
        let date = match self {
            Frequency::Weekly => anchor.checked_add_days(Days::new(7 * u64::from(k))),
            Frequency::Biweekly => anchor.checked_add_days(Days::new(14 * u64::from(k))),
            Frequency::Monthly => months(k),
            Frequency::Quarterly => k.checked_mul(3).and_then(months),
            Frequency::Yearly => k.checked_mul(12).and_then(months),
            Frequency::SemiMonthly => {
                let base = months(k / 2).ok_or_else(out)?;
                if k.is_multiple_of(2) {
                    Some(base)
                } else {
                    semi_monthly_second(anchor, k / 2)
                }
            }
        };
        date.ok_or_else(out)
    }
}

/// The second date of the `half`-th month of a semi-monthly series.
fn semi_monthly_second(anchor: NaiveDate, month: u32) -> Option<NaiveDate> {
    let d = anchor.day();
    let (month_start, day) = if d <= 15 {
        (anchor.with_day(1)?.checked_add_months(Months::new(month))?, d + 15)
    } else {
        (anchor.with_day(1)?.checked_add_months(Months::new(month + 1))?, d - 15)
    };
    let last = month_start.checked_add_months(Months::new(1))?.pred_opt()?;
    month_start.with_day(day.min(last.day()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn monthly_dates_are_anchored_not_chained() {
        let a = d(2024, 1, 31);
        let got: Vec<_> = (0..4).map(|k| Frequency::Monthly.due_date(a, k).unwrap()).collect();
        assert_eq!(
            got,
            vec![d(2024, 1, 31), d(2024, 2, 29), d(2024, 3, 31), d(2024, 4, 30)]
        );
    }

    #[test]
    fn semi_monthly_from_late_anchor() {
        let a = d(2026, 1, 16);
        assert_eq!(Frequency::SemiMonthly.due_date(a, 1).unwrap(), d(2026, 2, 1));
        assert_eq!(Frequency::SemiMonthly.due_date(a, 2).unwrap(), d(2026, 2, 16));
        let b = d(2026, 1, 15);
        assert_eq!(Frequency::SemiMonthly.due_date(b, 3).unwrap(), d(2026, 2, 28));
    }

    #[test]
    fn act_act_isda_over_year_end() {
        let f = DayCount::ActActIsda
            .year_fraction_exact(d(2003, 11, 1), d(2004, 5, 1))
            .unwrap();
        // 61/365 + 121/366
        assert_eq!(f, Fraction::new(61 * 366 + 121 * 365, 365 * 366).unwrap());
    }

    #[test]
    fn thirty_360_us_end_of_february() {
        assert_eq!(DayCount::Thirty360Us.days(d(2007, 2, 28), d(2008, 2, 29)), 360);
        assert_eq!(DayCount::Thirty360Bond.days(d(2007, 1, 31), d(2007, 3, 31)), 60);
    }

    /// The closed-form ACT/ACT ISDA fraction equals the year-by-year sum.
    #[test]
    fn act_act_closed_form_matches_year_by_year() {
        let by_years = |start: NaiveDate, end: NaiveDate| {
            let mut total = Fraction::ZERO;
            let mut cursor = start;
            while cursor < end {
                let next = NaiveDate::from_ymd_opt(cursor.year() + 1, 1, 1).unwrap().min(end);
                let den = if is_leap(cursor.year()) { 366 } else { 365 };
                total = total
                    .add(Fraction::new(i128::from((next - cursor).num_days()), den).unwrap())
                    .unwrap();
                cursor = next;
            }
            total
        };
        let dates = [
            d(-401, 3, 1),
            d(-1, 12, 31),
            d(0, 2, 29),
            d(1899, 7, 4),
            d(1900, 1, 1),
            d(2000, 2, 29),
            d(2023, 12, 31),
            d(2024, 1, 1),
            d(2024, 6, 30),
            d(2025, 1, 1),
            d(2100, 3, 1),
            d(2404, 12, 31),
        ];
        for &a in &dates {
            for &b in &dates {
                if a <= b {
                    let (x, y) = (DayCount::ActActIsda.year_fraction_exact(a, b).unwrap(), by_years(a, b));
                    assert_eq!(x.num * y.den, y.num * x.den, "{a} to {b}");
                }
            }
        }
    }
}
