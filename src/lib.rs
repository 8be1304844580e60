//! tmp
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod calendar;
mod error;
mod fraction;
mod money;
mod rate;
mod schedule;
mod serde_str;

pub use crate::calendar::{DayCount, Frequency};
pub use crate::error::{Error, Result};
pub use crate::money::{Money, Rounding, RoundingMode};
pub use crate::rate::{Rate, RatePeriod};
pub use crate::schedule::{Installment, InterestBasis, Method, Schedule, ScheduleOptions, MAX_INSTALLMENTS};
