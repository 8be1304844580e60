//! The comparison job: every way out of one loan, ranked.

use super::{Job, JobOptions};
use crate::compare::{Comparison, ComparisonResult};
use crate::error::Result;

/// The compare job: [`Comparison`] → [`ComparisonResult`].
///
/// ```
/// use overdue::jobs::{CompareJob, Job};
/// assert_eq!(CompareJob::NAME, "compare");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CompareJob;

impl Job for CompareJob {
    const NAME: &'static str = "compare";
    type Request = Comparison;
    type Output = ComparisonResult;
    fn run(request: &Comparison, _: &JobOptions) -> Result<ComparisonResult> {
        request.run()
    }
}
