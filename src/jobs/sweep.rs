//! The sweep job: one plan's least cost at each of a range of budgets.

use super::{Job, JobOptions};
use crate::error::Result;
use crate::plan::{BudgetSweep, SweepRequest};

/// The sweep job: [`SweepRequest`] → [`BudgetSweep`] ("what if I pay more?").
///
/// ```
/// use overdue::jobs::{Job, SweepJob};
/// assert_eq!(SweepJob::NAME, "sweep");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct SweepJob;

impl Job for SweepJob {
    const NAME: &'static str = "sweep";
    type Request = SweepRequest;
    type Output = BudgetSweep;
    fn run(request: &SweepRequest, _: &JobOptions) -> Result<BudgetSweep> {
        request.plan.sweep(&request.budgets)
    }
}
