//! The limits job: a contract's flows against the legal caps.

use super::{Job, JobOptions};
use crate::error::Result;
use crate::limits::{LimitsRequest, LimitsResult};

/// The limits job: [`LimitsRequest`] → [`LimitsResult`].
///
/// ```
/// use overdue::jobs::{Job, LimitsJob};
/// assert_eq!(LimitsJob::NAME, "limits");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct LimitsJob;

impl Job for LimitsJob {
    const NAME: &'static str = "limits";
    type Request = LimitsRequest;
    type Output = LimitsResult;
    fn run(request: &LimitsRequest, _: &JobOptions) -> Result<LimitsResult> {
        request.run()
    }
}
