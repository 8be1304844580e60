//! The jobs the `overdue` command and the Python package run, each a request
//! that serializes to JSON and a `run` that gives its result. The schedule,
//! comparison and plan jobs take the crate's own types ([`ScheduleOptions`],
//! [`Comparison`](crate::Comparison), [`Plan`](crate::Plan)); the statement,
//! cost and portfolio jobs take the requests here.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::accrual::{Ledger, LoanStatus, Statement};
use crate::calendar::{DayCount, Frequency};
use crate::components::Components;
use crate::cost::{china_apr, eu_aprc, reg_z_apr, total_cost, total_paid, xirr, xnpv, CashFlow, ChinaApr, UnitPeriod};
use crate::error::Result;
use crate::money::Money;
use crate::rate::Rate;
#[cfg(doc)]
use crate::schedule::ScheduleOptions;

/// A statement job: a loan and the date to take its statement on.
///
/// ```
/// use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule, StatementRequest};
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::annual(dec!(0.12))?, 3, d(2026, 1, 15))?;
/// let request = StatementRequest::new(Ledger::new(plan, OverduePolicy::new())?, d(2026, 2, 25));
/// assert_eq!(request.run()?.days_past_due, 10);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StatementRequest {
    /// The loan.
    pub ledger: Ledger,
    /// The statement date.
    pub as_of: NaiveDate,
}

impl StatementRequest {
    /// The statement of `ledger` on `as_of`.
    ///
    /// ```
    /// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule, StatementRequest};
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
    /// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule, StatementRequest};
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 1, 15))?, OverduePolicy::new())?;
    /// assert_eq!(StatementRequest::new(ledger, d(2026, 1, 20)).run()?.days_past_due, 0);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn run(&self) -> Result<Statement> {
        self.ledger.statement(self.as_of)
    }
}

/// A cost job: cash flows (the borrower's view: received positive, paid
/// negative) and the conventions to measure them by.
///
/// ```
/// use overdue::{dec, CashFlow, CostRequest, NaiveDate};
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let flows = vec![CashFlow::new(d(2026, 1, 1), dec!(1000)), CashFlow::new(d(2027, 1, 1), dec!(-1100))];
/// let cost = CostRequest::new(flows).run()?;
/// assert_eq!(cost.xirr.round_dp(6), dec!(0.1));
/// assert_eq!(cost.total_cost, dec!(100));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CostRequest {
    /// The cash flows, in any order.
    pub flows: Vec<CashFlow>,
    /// The unit period of the US Regulation Z APR (default: monthly).
    #[serde(default = "monthly_unit")]
    pub unit_period: UnitPeriod,
    /// If the flows are equally spaced at this frequency (the first at time
    /// 0), the Chinese IRR-method APR is computed too (default: not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    /// If given, the net present value at this rate (actual/365) is computed
    /// too (default: not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_rate: Option<Rate>,
}

fn monthly_unit() -> UnitPeriod {
    UnitPeriod::from(Frequency::Monthly)
}

/// What a [`CostRequest`] measures.
///
/// ```
/// use overdue::{dec, CashFlow, CostRequest, Frequency, NaiveDate};
///
/// let d = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
/// let flows = vec![CashFlow::new(d(1), dec!(1000)), CashFlow::new(d(2), dec!(-1010))];
/// let cost = CostRequest::new(flows).frequency(Frequency::Monthly).run()?;
/// assert_eq!(cost.china_apr.map(|a| a.nominal.round_dp(10)), Some(dec!(0.12)));
/// assert_eq!(cost.total_paid.to_string(), "1010");
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CostResult {
    /// Everything the borrower pays ([`total_paid`](crate::total_paid)).
    pub total_paid: Money,
    /// Paid less received ([`total_cost`](crate::total_cost)).
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub total_cost: Decimal,
    /// The annual effective rate, actual/365 ([`xirr`](crate::xirr)).
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub xirr: Decimal,
    /// The EU APRC ([`eu_aprc`](crate::eu_aprc)).
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub eu_aprc: Decimal,
    /// The US Regulation Z APR over the request's unit period ([`reg_z_apr`](crate::reg_z_apr)).
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub reg_z_apr: Decimal,
    /// The Chinese IRR-method APR, when the request gave a frequency ([`china_apr`](crate::china_apr)).
    pub china_apr: Option<ChinaApr>,
    /// The net present value at the request's discount rate, when it gave one ([`xnpv`](crate::xnpv)).
    #[serde(with = "crate::serde_str::option")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::optional_decimal"))]
    pub xnpv: Option<Decimal>,
}

impl CostRequest {
    /// The flows, with the Regulation Z APR over months and nothing else.
    ///
    /// ```
    /// # use overdue::{dec, CashFlow, CostRequest, NaiveDate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// assert_eq!(CostRequest::new(vec![CashFlow::new(day, dec!(1))]).flows.len(), 1);
    /// ```
    pub fn new(flows: Vec<CashFlow>) -> CostRequest {
        CostRequest {
            flows,
            unit_period: monthly_unit(),
            frequency: None,
            discount_rate: None,
        }
    }

    /// The unit period of the Regulation Z APR.
    ///
    /// ```
    /// # use overdue::{CostRequest, UnitPeriod};
    /// let request = CostRequest::new(vec![]).unit_period(UnitPeriod::Weeks(2));
    /// assert_eq!(request.unit_period, UnitPeriod::Weeks(2));
    /// ```
    pub fn unit_period(mut self, unit: impl Into<UnitPeriod>) -> CostRequest {
        self.unit_period = unit.into();
        self
    }

    /// Also the Chinese APR, for flows equally spaced at `frequency`.
    ///
    /// ```
    /// # use overdue::{CostRequest, Frequency};
    /// assert_eq!(CostRequest::new(vec![]).frequency(Frequency::Monthly).frequency, Some(Frequency::Monthly));
    /// ```
    pub fn frequency(mut self, frequency: Frequency) -> CostRequest {
        self.frequency = Some(frequency);
        self
    }

    /// Also the net present value at `rate`.
    ///
    /// ```
    /// # use overdue::{CostRequest, Rate};
    /// assert_eq!(CostRequest::new(vec![]).discount_rate(Rate::ZERO).discount_rate, Some(Rate::ZERO));
    /// ```
    pub fn discount_rate(mut self, rate: Rate) -> CostRequest {
        self.discount_rate = Some(rate);
        self
    }

    /// Runs the job.
    ///
    /// # Errors
    /// As the functions it calls: [`Error::NoRoot`](crate::Error::NoRoot)
    /// when no rate solves the flows, among others.
    ///
    /// ```
    /// # use overdue::{dec, CashFlow, CostRequest, NaiveDate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// assert!(CostRequest::new(vec![CashFlow::new(day, dec!(1))]).run().is_err());
    /// ```
    pub fn run(&self) -> Result<CostResult> {
        let amounts = || {
            let mut sorted = self.flows.clone();
            sorted.sort_by_key(|f| f.date);
            sorted.iter().map(|f| f.amount).collect::<Vec<_>>()
        };
        Ok(CostResult {
            total_paid: total_paid(&self.flows)?,
            total_cost: total_cost(&self.flows)?,
            xirr: xirr(&self.flows)?,
            eu_aprc: eu_aprc(&self.flows)?,
            reg_z_apr: reg_z_apr(&self.flows, self.unit_period)?,
            china_apr: self.frequency.map(|f| china_apr(&amounts(), f)).transpose()?,
            xnpv: self
                .discount_rate
                .map(|r| xnpv(&self.flows, r, DayCount::Act365Fixed))
                .transpose()?,
        })
    }
}

/// One loan of a portfolio: its id and its ledger (a line of the
/// `overdue portfolio` command's JSON Lines input).
///
/// ```
/// use overdue::PortfolioLoan;
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
    /// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, PortfolioLoan, Rate, Schedule};
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
    /// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, PortfolioLoan, Rate, Schedule};
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 1, 15))?, OverduePolicy::new())?;
    /// let loan = PortfolioLoan::new("L-1", ledger);
    /// assert_eq!(loan.summary(d(2026, 2, 25)).days_past_due, Some(10));
    /// assert!(loan.summary(d(2025, 1, 1)).error.is_some());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn summary(&self, as_of: NaiveDate) -> StatementSummary {
        StatementSummary::of(&self.id, self.ledger.statement(as_of))
    }
}

/// A statement in one line: what a portfolio run reports for each loan.
/// When the loan could not be computed, every figure is `None` and
/// `error` says why.
///
/// ```
/// use overdue::{Error, StatementSummary};
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
    /// # use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule, StatementSummary};
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
            Err(e) => StatementSummary {
                id: id.to_owned(),
                as_of: None,
                days_past_due: None,
                bucket: None,
                status: None,
                outstanding: None,
                payoff: None,
                error: Some(e.to_string()),
            },
        }
    }
}
