//! The comparison jobs: every way out of one loan, or of one card, ranked.

use super::{Job, JobOptions};
use crate::compare::{CardComparison, CardComparisonResult, Comparison, ComparisonResult};
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

/// The card comparison job: [`CardComparison`] → [`CardComparisonResult`]
/// (`overdue card-compare`, and `overdue compare` given a card).
///
/// ```
/// use overdue::jobs::{CardCompareJob, Job};
/// assert_eq!(CardCompareJob::NAME, "card-compare");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CardCompareJob;

impl Job for CardCompareJob {
    const NAME: &'static str = "card-compare";
    type Request = CardComparison;
    type Output = CardComparisonResult;
    fn run(request: &CardComparison, _: &JobOptions) -> Result<CardComparisonResult> {
        request.run()
    }
}
