//! The jobs: what the `overdue` command, the Python package and the JSON
//! schemas offer, each a request that reads from JSON, a name, and a `run`
//! that gives its output.
//!
//! Every job is a type implementing [`Job`], in its own file, and
//! [`each_job`] is the one list of them: the schema export
//! ([`json_schemas`](https://docs.rs/overdue/latest/overdue/jobs/fn.json_schemas.html)), [`run_json`](https://docs.rs/overdue/latest/overdue/jobs/fn.run_json.html) (which the Python package calls) and the
//! command's own check that it offers every job all walk that list. Adding
//! a job is its file and one line in [`each_job`].
//!
//! | job | request | output |
//! |---|---|---|
//! | `schedule` | [`ScheduleOptions`](crate::ScheduleOptions) | [`Schedule`](crate::Schedule) |
//! | `statement` | [`StatementRequest`] | [`Statement`](crate::Statement) |
//! | `compare` | [`Comparison`](crate::Comparison) | [`ComparisonResult`](crate::compare::ComparisonResult) |
//! | `plan` | [`Plan`](crate::Plan) | [`PlanComparison`](crate::plan::PlanComparison) |
//! | `sweep` | [`SweepRequest`](crate::plan::SweepRequest) | [`BudgetSweep`](crate::plan::BudgetSweep) |
//! | `cost` | [`CostRequest`] | [`CostResult`] |
//! | `portfolio` | [`PortfolioLoan`] (one line) | [`StatementSummary`] |
//! | `limits` | [`LimitsRequest`](crate::limits::LimitsRequest) | [`LimitsResult`](crate::limits::LimitsResult) |
//! | `line` | [`LineRequest`] | [`LineStatement`](crate::revolving::LineStatement) |
//! | `tranches` | [`TranchesRequest`] | [`LineStatement`](crate::revolving::LineStatement) |
//! | `card` | [`CardRequest`] | [`CardStatement`](crate::revolving::CardStatement) |
//! | `card-compare` | [`CardComparison`](crate::compare::CardComparison) | [`CardComparisonResult`](crate::compare::CardComparisonResult) |
//!
//! ```
//! use overdue::jobs::{each_job, Job, JobVisitor};
//!
//! struct Names(Vec<&'static str>);
//! impl JobVisitor for Names {
//!     fn visit<J: Job>(&mut self) {
//!         self.0.push(J::NAME);
//!     }
//! }
//! let mut names = Names(Vec::new());
//! each_job(&mut names);
//! assert_eq!(names.0, ["schedule", "statement", "compare", "plan", "sweep", "cost", "portfolio", "limits", "line", "tranches", "card", "card-compare"]);
//! ```

mod card;
mod compare;
mod cost;
mod limits;
mod line;
mod plan;
mod portfolio;
#[cfg(feature = "json")]
mod run;
mod schedule;
#[cfg(feature = "schema")]
mod schemas;
mod statement;
mod sweep;
mod threads;
mod tranches;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Serialize;

pub use crate::dates::parse_date;
pub use crate::money::parse_decimal;
pub use card::{CardJob, CardRequest};
pub use compare::{CardCompareJob, CompareJob};
pub use cost::{CostJob, CostRequest, CostResult};
pub use limits::LimitsJob;
pub use line::{LineJob, LineRequest};
pub use plan::PlanJob;
pub use portfolio::{PortfolioJob, PortfolioLoan, StatementSummary};
#[cfg(feature = "json")]
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub use run::run_json;
pub use schedule::ScheduleJob;
#[cfg(feature = "schema")]
#[cfg_attr(docsrs, doc(cfg(feature = "schema")))]
pub use schemas::{json_schemas, JobSchema};
pub use statement::{StatementJob, StatementRequest};
pub use sweep::SweepJob;
pub use threads::{batch_threads, MAX_THREADS_PER_CORE};
pub use tranches::{TranchesJob, TranchesRequest};

use crate::error::Result;

/// One job: its name, what it reads, what it gives and how it runs.
///
/// ```
/// use overdue::jobs::{Job, JobOptions, ScheduleJob};
/// use overdue::{dec, Money, NaiveDate, Rate, ScheduleOptions};
/// let options = ScheduleOptions::new(Money::new(dec!(1200))?, Rate::ZERO, 12, NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
/// assert_eq!(ScheduleJob::NAME, "schedule");
/// assert_eq!(ScheduleJob::run(&options, &JobOptions::new())?.installments().len(), 12);
/// # Ok::<(), overdue::Error>(())
/// ```
pub trait Job {
    /// The job's name, as the command, the Python package and the schemas
    /// (`docs/schema/<name>.request.json`) know it.
    const NAME: &'static str;
    /// What the job reads.
    type Request: Serialize + DeserializeOwned + Described;
    /// What it gives.
    type Output: Serialize + DeserializeOwned + Described;
    /// Runs the job on `request`.
    ///
    /// # Errors
    /// Whatever the computation behind the job refuses, as [`Error`](crate::Error).
    fn run(request: &Self::Request, options: &JobOptions) -> Result<Self::Output>;
}

/// What a run gives beside the request: the date a portfolio is read on
/// (its lines carry none). The other jobs read everything from their request.
///
/// ```
/// use overdue::jobs::JobOptions;
/// use overdue::NaiveDate;
/// let day = NaiveDate::from_ymd_opt(2026, 6, 24).unwrap();
/// assert_eq!(JobOptions::new().with_as_of(day).as_of(), Some(day));
/// assert_eq!(JobOptions::default().as_of(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct JobOptions {
    as_of: Option<NaiveDate>,
}

impl JobOptions {
    /// No options.
    ///
    /// ```
    /// assert_eq!(overdue::jobs::JobOptions::new(), overdue::jobs::JobOptions::default());
    /// ```
    pub fn new() -> JobOptions {
        JobOptions::default()
    }

    /// The date a portfolio is read on.
    ///
    /// ```
    /// # use overdue::jobs::JobOptions;
    /// # use overdue::NaiveDate;
    /// let options = JobOptions::new().with_as_of(NaiveDate::from_ymd_opt(2026, 6, 24).unwrap());
    /// assert!(options.as_of().is_some());
    /// ```
    pub fn with_as_of(mut self, as_of: NaiveDate) -> JobOptions {
        self.as_of = Some(as_of);
        self
    }

    /// The date given with [`JobOptions::with_as_of`], if any.
    ///
    /// ```
    /// assert_eq!(overdue::jobs::JobOptions::new().as_of(), None);
    /// ```
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.as_of
    }
}

/// Something that walks the list of jobs ([`each_job`]): it is called once
/// per job, with the job as a type.
///
/// ```
/// use overdue::jobs::{each_job, Job, JobVisitor};
/// struct Count(usize);
/// impl JobVisitor for Count {
///     fn visit<J: Job>(&mut self) {
///         self.0 += 1;
///     }
/// }
/// let mut count = Count(0);
/// each_job(&mut count);
/// assert_eq!(count.0, 12);
/// ```
pub trait JobVisitor {
    /// Called for the job `J`.
    fn visit<J: Job>(&mut self);
}

/// The one list of jobs: calls `visitor` for each, in this order.
///
/// ```
/// use overdue::jobs::{each_job, Job, JobVisitor};
/// struct First(Option<&'static str>);
/// impl JobVisitor for First {
///     fn visit<J: Job>(&mut self) {
///         self.0 = self.0.or(Some(J::NAME));
///     }
/// }
/// let mut first = First(None);
/// each_job(&mut first);
/// assert_eq!(first.0, Some("schedule"));
/// ```
pub fn each_job<V: JobVisitor>(visitor: &mut V) {
    visitor.visit::<ScheduleJob>();
    visitor.visit::<StatementJob>();
    visitor.visit::<CompareJob>();
    visitor.visit::<PlanJob>();
    visitor.visit::<SweepJob>();
    visitor.visit::<CostJob>();
    visitor.visit::<PortfolioJob>();
    visitor.visit::<LimitsJob>();
    visitor.visit::<LineJob>();
    visitor.visit::<TranchesJob>();
    visitor.visit::<CardJob>();
    visitor.visit::<CardCompareJob>();
}

/// What a job's request and output must be to have a JSON Schema: with the
/// `schema` feature, [`schemars::JsonSchema`]; without it, anything.
///
/// ```
/// use overdue::jobs::Described;
/// fn has_a_schema<T: Described>() {}
/// has_a_schema::<overdue::ScheduleOptions>();
/// ```
#[cfg(feature = "schema")]
pub trait Described: schemars::JsonSchema {}
#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> Described for T {}

/// What a job's request and output must be to have a JSON Schema: with the
/// `schema` feature, `schemars::JsonSchema`; without it, anything.
///
/// ```
/// use overdue::jobs::Described;
/// fn has_a_schema<T: Described>() {}
/// has_a_schema::<overdue::ScheduleOptions>();
/// ```
#[cfg(not(feature = "schema"))]
pub trait Described {}
#[cfg(not(feature = "schema"))]
impl<T> Described for T {}
