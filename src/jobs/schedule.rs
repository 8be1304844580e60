//! The schedule job: an installment schedule from its options.

use super::{Job, JobOptions};
use crate::error::Result;
use crate::schedule::{Schedule, ScheduleOptions};

/// The schedule job: [`ScheduleOptions`] → [`Schedule`].
///
/// ```
/// use overdue::jobs::{Job, JobOptions, ScheduleJob};
/// use overdue::{dec, Money, NaiveDate, Rate, ScheduleOptions};
/// let options = ScheduleOptions::new(Money::new(dec!(10000))?, Rate::annual(dec!(0.12))?, 12, NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
/// let schedule = ScheduleJob::run(&options, &JobOptions::new())?;
/// assert_eq!(schedule.level_payment().unwrap().to_string(), "888.49");
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ScheduleJob;

impl Job for ScheduleJob {
    const NAME: &'static str = "schedule";
    type Request = ScheduleOptions;
    type Output = Schedule;
    fn run(request: &ScheduleOptions, _: &JobOptions) -> Result<Schedule> {
        Schedule::build(request)
    }
}
