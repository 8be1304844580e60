//! The plan job: one budget over several loans, every strategy side by side.

use super::{Job, JobOptions};
use crate::error::Result;
use crate::plan::{Plan, PlanComparison};

/// The plan job: [`Plan`] → [`PlanComparison`].
///
/// ```
/// use overdue::jobs::{Job, PlanJob};
/// assert_eq!(PlanJob::NAME, "plan");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct PlanJob;

impl Job for PlanJob {
    const NAME: &'static str = "plan";
    type Request = Plan;
    type Output = PlanComparison;
    fn run(request: &Plan, _: &JobOptions) -> Result<PlanComparison> {
        request.compare()
    }
}
