//! The statement job: a loan's statement on a date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Job, JobOptions};
use crate::accrual::{Ledger, Statement};
use crate::error::{Error, Result, Within};

/// A statement job: a loan and the date to take its statement on.
///
/// ```
/// use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule, jobs::StatementRequest};
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::annual(dec!(0.12))?, 3, d(2026, 1, 15))?;
/// let request = StatementRequest::new(Ledger::new(plan, OverduePolicy::new())?, d(2026, 2, 25));
/// assert_eq!(request.run()?.days_past_due, 10);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "StatementRequestRepr", into = "StatementRequestRepr")]
#[non_exhaustive]
pub struct StatementRequest {
    /// The loan.
    pub ledger: Ledger,
    /// The statement date.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub as_of: NaiveDate,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(
    deny_unknown_fields,
    rename = "StatementRequest",
    expecting = "struct StatementRequest"
)]
struct StatementRequestRepr {
    /// The loan.
    ledger: Ledger,
    /// The statement date: on or after the disbursement.
    as_of: NaiveDate,
}

impl TryFrom<StatementRequestRepr> for StatementRequest {
    type Error = Within;
    /// Read from JSON: a date before the disbursement is an error at `as_of`.
    fn try_from(r: StatementRequestRepr) -> std::result::Result<StatementRequest, Within> {
        let disbursement = r.ledger.schedule().disbursement();
        if r.as_of < disbursement {
            let error = Error::DateOrder {
                earlier: "disbursement",
                earlier_date: disbursement,
                later: "statement date",
                later_date: r.as_of,
            };
            return Err(Within::new("as_of", error));
        }
        Ok(StatementRequest::new(r.ledger, r.as_of))
    }
}

impl From<StatementRequest> for StatementRequestRepr {
    fn from(r: StatementRequest) -> StatementRequestRepr {
        StatementRequestRepr {
            ledger: r.ledger,
            as_of: r.as_of,
        }
    }
}

impl StatementRequest {
    /// The statement of `ledger` on `as_of`.
    ///
    /// ```
    /// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule, jobs::StatementRequest};
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 1, 15))?, OverduePolicy::new())?;
    /// let request = StatementRequest::new(ledger, d(2026, 2, 25));
    /// assert_eq!(request.as_of, d(2026, 2, 25));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(ledger: Ledger, as_of: NaiveDate) -> StatementRequest {
        StatementRequest { ledger, as_of }
    }

    /// Runs the job: [`Ledger::statement`].
    ///
    /// # Errors
    /// As [`Ledger::statement`].
    ///
    /// ```
    /// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule, jobs::StatementRequest};
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 1, 15))?, OverduePolicy::new())?;
    /// assert_eq!(StatementRequest::new(ledger, d(2026, 1, 20)).run()?.days_past_due, 0);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn run(&self) -> Result<Statement> {
        self.ledger.statement(self.as_of)
    }
}

/// The statement job: [`StatementRequest`] → [`Statement`].
///
/// ```
/// use overdue::jobs::{Job, JobOptions, StatementJob};
/// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule, jobs::StatementRequest};
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 1, 15))?, OverduePolicy::new())?;
/// let statement = StatementJob::run(&StatementRequest::new(ledger, d(2026, 2, 25)), &JobOptions::new())?;
/// assert_eq!((StatementJob::NAME, statement.days_past_due), ("statement", 10));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct StatementJob;

impl Job for StatementJob {
    const NAME: &'static str = "statement";
    type Request = StatementRequest;
    type Output = Statement;
    fn run(request: &StatementRequest, _: &JobOptions) -> Result<Statement> {
        request.run()
    }
}
