//! The portfolio job: one line per loan, its statement summary on a date
//! given beside the lines.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Job, JobOptions};
use crate::accrual::{Ledger, LoanStatus, Position, Statement};
use crate::components::Components;
use crate::error::{Error, Result};
use crate::money::Money;

/// One loan of a portfolio: its id and its ledger (a line of the
/// `overdue portfolio` command's JSON Lines input).
///
/// ```
/// use overdue::jobs::PortfolioLoan;
///
/// let line = r#"{"id": "L-1", "ledger": {"schedule": {"options": {"principal": "1200",
///     "rate": {"value": "0.12", "period": "annual"}, "installments": 3, "disbursement": "2026-01-15"}},
///     "policy": {}}}"#;
/// # #[cfg(feature = "json")] {
/// let loan: PortfolioLoan = overdue::from_json(line)?;
/// assert_eq!(loan.id, "L-1");
/// # }
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PortfolioLoan {
    /// The loan's id, copied to its summary.
    pub id: String,
    /// The loan.
    pub ledger: Ledger,
}

impl PortfolioLoan {
    /// A loan of a portfolio.
    ///
    /// ```
    /// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, jobs::PortfolioLoan, Rate, Schedule};
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, NaiveDate::from_ymd_opt(2026, 1, 15).unwrap())?, OverduePolicy::new())?;
    /// assert_eq!(PortfolioLoan::new("L-1", ledger).id, "L-1");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(id: impl Into<String>, ledger: Ledger) -> PortfolioLoan {
        PortfolioLoan { id: id.into(), ledger }
    }

    /// Its statement summary on `as_of`: a loan that cannot be computed
    /// gives a summary with its error, never an `Err`, so one bad loan
    /// never fails a batch.
    ///
    /// ```
    /// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, jobs::PortfolioLoan, Rate, Schedule};
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 1, 15))?, OverduePolicy::new())?;
    /// let loan = PortfolioLoan::new("L-1", ledger);
    /// assert_eq!(loan.summary(d(2026, 2, 25)).days_past_due, Some(10));
    /// assert!(loan.summary(d(2025, 1, 1)).error.is_some());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn summary(&self, as_of: NaiveDate) -> StatementSummary {
        StatementSummary::of_position(&self.id, self.ledger.position(as_of))
    }
}

/// A statement in one line: what a portfolio run reports for each loan.
/// When the loan could not be computed, every figure is `None` and
/// `error` says why.
///
/// ```
/// use overdue::{Error, jobs::StatementSummary};
///
/// let failed = StatementSummary::of("L-9", Err(Error::Zero { field: "installments" }));
/// assert_eq!(failed.error.as_deref(), Some("installments must be at least 1, got 0"));
/// assert_eq!(failed.payoff, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StatementSummary {
    /// The loan's id.
    pub id: String,
    /// The statement date.
    #[serde(serialize_with = "crate::dates::option::serialize")]
    pub as_of: Option<NaiveDate>,
    /// Days past due.
    pub days_past_due: Option<u32>,
    /// The delinquency bucket.
    pub bucket: Option<String>,
    /// The loan's status.
    pub status: Option<LoanStatus>,
    /// Everything still owed, by component (all principal; interest,
    /// penalties and fees that have fallen due or were posted).
    pub outstanding: Option<Components>,
    /// What settles the loan today.
    pub payoff: Option<Money>,
    /// Why the loan could not be computed.
    pub error: Option<String>,
}

impl StatementSummary {
    /// The summary of a statement, or of the error that stopped it.
    ///
    /// ```
    /// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule, jobs::StatementSummary};
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 1, 15))?, OverduePolicy::new())?;
    /// let summary = StatementSummary::of("L-1", ledger.statement(d(2026, 1, 20)));
    /// assert_eq!(summary.payoff.map(|p| p.to_string()), Some("1200.00".into()));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn of(id: &str, statement: Result<Statement>) -> StatementSummary {
        match statement {
            Ok(s) => StatementSummary {
                id: id.to_owned(),
                as_of: Some(s.as_of),
                days_past_due: Some(s.days_past_due),
                bucket: Some(s.bucket),
                status: Some(s.status),
                outstanding: Some(s.outstanding),
                payoff: Some(s.payoff),
                error: None,
            },
            Err(e) => StatementSummary::failed(id, &e),
        }
    }

    /// The summary of a loan's [`Position`] (the same figures as its
    /// statement's, read without building the statement), or of the error
    /// that stopped it.
    ///
    /// ```
    /// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule, jobs::StatementSummary};
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 1, 15))?, OverduePolicy::new())?;
    /// let lean = StatementSummary::of_position("L-1", ledger.position(d(2026, 2, 25)));
    /// assert_eq!(lean, StatementSummary::of("L-1", ledger.statement(d(2026, 2, 25))));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn of_position(id: &str, position: Result<Position>) -> StatementSummary {
        match position {
            Ok(p) => StatementSummary {
                id: id.to_owned(),
                as_of: Some(p.as_of),
                days_past_due: Some(p.days_past_due),
                bucket: Some(p.bucket),
                status: Some(p.status),
                outstanding: Some(p.outstanding),
                payoff: Some(p.payoff),
                error: None,
            },
            Err(e) => StatementSummary::failed(id, &e),
        }
    }

    /// The summary of line `number` (counted from 1) of a portfolio's JSON
    /// Lines on `as_of`: a line that does not read (not UTF-8 text, not
    /// JSON, not a loan) gives an error summary under its `id` when that
    /// much reads, else under `line N`. What the `overdue portfolio`
    /// command and the HTTP service write for each line.
    ///
    /// ```
    /// use overdue::{jobs::StatementSummary, NaiveDate};
    /// let as_of = NaiveDate::from_ymd_opt(2026, 6, 24).unwrap();
    /// let row = StatementSummary::of_line(3, br#"{"id": "L-3", "ledger": 7}"#, as_of);
    /// assert_eq!(row.id, "L-3");
    /// assert!(row.error.unwrap().contains("ledger"));
    /// assert_eq!(StatementSummary::of_line(4, b"\xff", as_of).id, "line 4");
    /// ```
    #[cfg(feature = "json")]
    #[cfg_attr(docsrs, doc(cfg(feature = "json")))]
    pub fn of_line(number: u64, line: &[u8], as_of: NaiveDate) -> StatementSummary {
        let line = match std::str::from_utf8(line) {
            Ok(text) => text,
            Err(e) => {
                let error = Error::Invalid {
                    field: "line",
                    reason: format!("not UTF-8 text: {e}"),
                };
                return StatementSummary::of(&format!("line {number}"), Err(error));
            }
        };
        match crate::json::from_json::<PortfolioLoan>(line) {
            Ok(loan) => loan.summary(as_of),
            Err(e) => {
                #[derive(Deserialize)]
                struct IdOnly {
                    id: String,
                }
                let id = serde_json::from_str::<IdOnly>(line).map_or_else(|_| format!("line {number}"), |l| l.id);
                StatementSummary::of(&id, Err(e))
            }
        }
    }

    /// The summary of a loan that could not be computed.
    fn failed(id: &str, e: &Error) -> StatementSummary {
        StatementSummary {
            id: id.to_owned(),
            as_of: None,
            days_past_due: None,
            bucket: None,
            status: None,
            outstanding: None,
            payoff: None,
            error: Some(e.to_string()),
        }
    }
}

/// The portfolio job: one [`PortfolioLoan`] → its [`StatementSummary`] on
/// the date of [`JobOptions::with_as_of`] (a portfolio's lines carry no date:
/// the run gives one for all of them). A loan that cannot be computed gives
/// a summary with its error, so one bad loan never fails a batch.
///
/// ```
/// use overdue::jobs::{Job, JobOptions, PortfolioJob};
/// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, jobs::PortfolioLoan, Rate, Schedule};
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 1, 15))?, OverduePolicy::new())?;
/// let loan = PortfolioLoan::new("a-1", ledger);
/// let summary = PortfolioJob::run(&loan, &JobOptions::new().with_as_of(d(2026, 2, 25)))?;
/// assert_eq!(summary.days_past_due, Some(10));
/// assert!(PortfolioJob::run(&loan, &JobOptions::new()).is_err()); // no date
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct PortfolioJob;

impl Job for PortfolioJob {
    const NAME: &'static str = "portfolio";
    type Request = PortfolioLoan;
    type Output = StatementSummary;
    fn run(request: &PortfolioLoan, options: &JobOptions) -> Result<StatementSummary> {
        let as_of = options.as_of().ok_or(Error::Invalid {
            field: "as_of",
            reason: "a portfolio is read on a date given beside its lines".into(),
        })?;
        Ok(request.summary(as_of))
    }
}
