//! The tranche loan job: a loan paid out in tranches, on a date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Job, JobOptions};
use crate::error::{Result, Within};
use crate::revolving::{LineStatement, TrancheLoan};

/// A tranche loan job: the contract (its approved amount, terms, rule,
/// policy, tranches and payments) and the date to read it on.
///
/// ```
/// use overdue::jobs::TranchesRequest;
/// use overdue::revolving::{Tranche, TrancheLoan};
/// use overdue::{dec, schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let terms = Terms::new(Rate::annual(dec!(0.06))?, 12).with_first_due(d(2, 15));
/// let loan = TrancheLoan::new(Money::new(dec!(10000))?, terms, OverduePolicy::new())?
///     .with_tranche(Tranche::new("t1", d(1, 15), Money::new(dec!(4000))?));
/// assert_eq!(TranchesRequest::new(loan, d(2, 1)).run()?.available, Money::new(dec!(6000.00))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "TranchesRequestRepr", into = "TranchesRequestRepr")]
#[non_exhaustive]
pub struct TranchesRequest {
    /// The contract.
    pub loan: TrancheLoan,
    /// The statement date.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub as_of: NaiveDate,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(
    deny_unknown_fields,
    rename = "TranchesRequest",
    expecting = "struct TranchesRequest"
)]
struct TranchesRequestRepr {
    /// The contract.
    loan: TrancheLoan,
    /// The statement date.
    #[serde(serialize_with = "crate::dates::serialize")]
    as_of: NaiveDate,
}

impl TryFrom<TranchesRequestRepr> for TranchesRequest {
    type Error = Within;
    /// Read from JSON: the contract, its tranches and its payments up to `as_of` are checked as the job
    /// replays them, an error at the field it is about (`loan.tranches[1].amount`).
    fn try_from(r: TranchesRequestRepr) -> std::result::Result<TranchesRequest, Within> {
        r.loan.check_through(r.as_of).map_err(|e| e.under("loan"))?;
        Ok(TranchesRequest::new(r.loan, r.as_of))
    }
}

impl From<TranchesRequest> for TranchesRequestRepr {
    fn from(r: TranchesRequest) -> TranchesRequestRepr {
        TranchesRequestRepr {
            loan: r.loan,
            as_of: r.as_of,
        }
    }
}

impl TranchesRequest {
    /// The contract `loan` on `as_of`.
    ///
    /// ```
    /// # use overdue::{jobs::TranchesRequest, revolving::TrancheLoan, schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(day);
    /// let request = TranchesRequest::new(TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?, day);
    /// assert_eq!(request.as_of, day);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(loan: TrancheLoan, as_of: NaiveDate) -> TranchesRequest {
        TranchesRequest { loan, as_of }
    }

    /// Runs the job: [`TrancheLoan::statement`].
    ///
    /// # Errors
    /// As [`TrancheLoan::statement`].
    ///
    /// ```
    /// # use overdue::{jobs::TranchesRequest, revolving::TrancheLoan, schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(day);
    /// let nothing_yet = TranchesRequest::new(TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?, day);
    /// assert!(nothing_yet.run()?.draws.is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn run(&self) -> Result<LineStatement> {
        self.loan.statement(self.as_of)
    }
}

/// The tranche loan job: [`TranchesRequest`] → [`LineStatement`].
///
/// ```
/// use overdue::jobs::{Job, JobOptions, TranchesJob, TranchesRequest};
/// # use overdue::{revolving::TrancheLoan, schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
/// # let day = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
/// # let terms = Terms::new(Rate::ZERO, 6).with_first_due(day);
/// let request = TranchesRequest::new(TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?, day);
/// assert_eq!((TranchesJob::NAME, TranchesJob::run(&request, &JobOptions::new())?.available), ("tranches", Money::ONE));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct TranchesJob;

impl Job for TranchesJob {
    const NAME: &'static str = "tranches";
    type Request = TranchesRequest;
    type Output = LineStatement;
    fn run(request: &TranchesRequest, _: &JobOptions) -> Result<LineStatement> {
        request.run()
    }
}
