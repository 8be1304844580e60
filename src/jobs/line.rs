//! The credit line job: a line with several draws, on a date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Job, JobOptions};
use crate::error::{Result, Within};
use crate::revolving::{CreditLine, LineStatement};

/// A credit line job: the line (its limit, due day, policy, draws and
/// payments) and the date to read it on.
///
/// ```
/// use overdue::jobs::LineRequest;
/// use overdue::revolving::{CreditLine, Draw};
/// use overdue::{dec, schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let line = CreditLine::new(Money::new(dec!(10000))?, 10, OverduePolicy::new())?
///     .with_draw(Draw::new("d1", d(1, 5), Money::new(dec!(3000))?, Terms::new(Rate::daily(dec!(0.0005))?, 3)));
/// let request = LineRequest::new(line, d(2, 1));
/// assert_eq!(request.run()?.available, Money::new(dec!(7000.00))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "LineRequestRepr", into = "LineRequestRepr")]
#[non_exhaustive]
pub struct LineRequest {
    /// The line.
    pub line: CreditLine,
    /// The statement date.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub as_of: NaiveDate,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename = "LineRequest", expecting = "struct LineRequest")]
struct LineRequestRepr {
    /// The line.
    line: CreditLine,
    /// The statement date.
    #[serde(serialize_with = "crate::dates::serialize")]
    as_of: NaiveDate,
}

impl TryFrom<LineRequestRepr> for LineRequest {
    type Error = Within;
    /// Read from JSON: the line's draws and payments up to `as_of` are checked as the job
    /// replays them, an error at the field it is about (`line.draws[1].amount`).
    fn try_from(r: LineRequestRepr) -> std::result::Result<LineRequest, Within> {
        r.line.check_through(r.as_of).map_err(|e| e.under("line"))?;
        Ok(LineRequest::new(r.line, r.as_of))
    }
}

impl From<LineRequest> for LineRequestRepr {
    fn from(r: LineRequest) -> LineRequestRepr {
        LineRequestRepr {
            line: r.line,
            as_of: r.as_of,
        }
    }
}

impl LineRequest {
    /// The line `line` on `as_of`.
    ///
    /// ```
    /// # use overdue::{jobs::LineRequest, revolving::CreditLine, Money, NaiveDate, OverduePolicy};
    /// let day = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
    /// let request = LineRequest::new(CreditLine::new(Money::ONE, 10, OverduePolicy::new())?, day);
    /// assert_eq!(request.as_of, day);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(line: CreditLine, as_of: NaiveDate) -> LineRequest {
        LineRequest { line, as_of }
    }

    /// Runs the job: [`CreditLine::statement`].
    ///
    /// # Errors
    /// As [`CreditLine::statement`].
    ///
    /// ```
    /// # use overdue::{jobs::LineRequest, revolving::CreditLine, Money, NaiveDate, OverduePolicy};
    /// let day = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
    /// let empty = LineRequest::new(CreditLine::new(Money::ONE, 10, OverduePolicy::new())?, day);
    /// assert!(empty.run()?.draws.is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn run(&self) -> Result<LineStatement> {
        self.line.statement(self.as_of)
    }
}

/// The credit line job: [`LineRequest`] → [`LineStatement`].
///
/// ```
/// use overdue::jobs::{Job, JobOptions, LineJob, LineRequest};
/// # use overdue::{revolving::CreditLine, Money, NaiveDate, OverduePolicy};
/// # let day = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
/// let request = LineRequest::new(CreditLine::new(Money::ONE, 10, OverduePolicy::new())?, day);
/// assert_eq!((LineJob::NAME, LineJob::run(&request, &JobOptions::new())?.days_past_due), ("line", 0));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct LineJob;

impl Job for LineJob {
    const NAME: &'static str = "line";
    type Request = LineRequest;
    type Output = LineStatement;
    fn run(request: &LineRequest, _: &JobOptions) -> Result<LineStatement> {
        request.run()
    }
}
