//! Building many schedules of one product: the annuity divisor of each rate
//! and term computed once.

use super::annuity::Divisors;
use super::{Schedule, ScheduleOptions};
use crate::error::Result;

/// Builds schedules exactly as [`Schedule::build`] does, remembering the
/// annuity divisor `1 − (1 + r)^−n` of the last few rates and terms it has
/// seen, so that a portfolio whose loans share a product (the same rate and
/// number of installments, any principal) computes that 28-digit power once
/// rather than once a loan.
///
/// A batch job keeps one per thread; it holds no more than a few dozen
/// divisors and changes no result: every schedule equals the one
/// [`Schedule::build`] gives for the same options.
///
/// ```
/// use overdue::{Frequency, Money, NaiveDate, Schedule, schedule::ScheduleCache, ScheduleOptions};
/// use overdue::dec;
/// let mut cache = ScheduleCache::new();
/// let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// for principal in [dec!(10000), dec!(10000.07), dec!(8500)] {
///     let options = ScheduleOptions::new(Money::new(principal)?, "18%".parse()?, 12, start)
///         .with_frequency(Frequency::Biweekly);
///     assert_eq!(cache.build(&options)?, Schedule::build(&options)?);
/// }
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ScheduleCache {
    divisors: Divisors,
}

impl ScheduleCache {
    /// An empty cache.
    ///
    /// ```
    /// let cache = overdue::schedule::ScheduleCache::new();
    /// # let _ = cache;
    /// ```
    pub fn new() -> ScheduleCache {
        ScheduleCache::default()
    }

    /// The schedule of `options`: [`Schedule::build`]'s, with the same errors.
    ///
    /// # Errors
    /// As [`Schedule::build`].
    ///
    /// ```
    /// use overdue::{Error, Money, NaiveDate, Rate, schedule::ScheduleCache, ScheduleOptions};
    /// use overdue::dec;
    /// let o = ScheduleOptions::new(Money::new(dec!(100))?, Rate::ZERO, 0, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(ScheduleCache::new().build(&o).unwrap_err(), Error::Zero { field: "installments" });
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn build(&mut self, options: &ScheduleOptions) -> Result<Schedule> {
        Schedule::build_with(options, Some(&mut self.divisors))
    }
}
