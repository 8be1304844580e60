//! The cost job: every measure of the cost of credit of a list of cash
//! flows in one request.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Job, JobOptions};
use crate::calendar::{DayCount, Frequency};
use crate::cost::{china_apr, eu_aprc, reg_z_apr, total_cost, total_paid, xirr, xnpv, CashFlow, ChinaApr, UnitPeriod};
use crate::error::Result;
use crate::money::Money;
use crate::rate::Rate;

/// A cost job: cash flows (the borrower's view: received positive, paid
/// negative) and the conventions to measure them by.
///
/// ```
/// use overdue::{dec, CashFlow, jobs::CostRequest, NaiveDate};
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
/// use overdue::{dec, CashFlow, jobs::CostRequest, Frequency, NaiveDate};
///
/// let d = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
/// let flows = vec![CashFlow::new(d(1), dec!(1000)), CashFlow::new(d(2), dec!(-1010))];
/// let cost = CostRequest::new(flows).with_frequency(Frequency::Monthly).run()?;
/// assert_eq!(cost.china_apr.map(|a| a.nominal.round_dp(10)), Some(dec!(0.12)));
/// assert_eq!(cost.total_paid.to_string(), "1010");
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CostResult {
    /// Everything the borrower pays ([`total_paid`](crate::cost::total_paid)).
    pub total_paid: Money,
    /// Paid less received ([`total_cost`](crate::cost::total_cost)).
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub total_cost: Decimal,
    /// The annual effective rate, actual/365 ([`xirr`](crate::xirr)).
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub xirr: Decimal,
    /// The EU APRC ([`eu_aprc`](crate::cost::eu_aprc)).
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub eu_aprc: Decimal,
    /// The US Regulation Z APR over the request's unit period ([`reg_z_apr`](crate::cost::reg_z_apr)).
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub reg_z_apr: Decimal,
    /// The Chinese IRR-method APR, when the request gave a frequency ([`china_apr`](crate::cost::china_apr)).
    pub china_apr: Option<ChinaApr>,
    /// The net present value at the request's discount rate, when it gave one ([`xnpv`](crate::cost::xnpv)).
    #[serde(with = "crate::serde_str::option")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::optional_decimal"))]
    pub xnpv: Option<Decimal>,
}

impl CostRequest {
    /// The flows, with the Regulation Z APR over months and nothing else.
    ///
    /// ```
    /// # use overdue::{dec, CashFlow, jobs::CostRequest, NaiveDate};
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
    /// # use overdue::{jobs::CostRequest, cost::UnitPeriod};
    /// let request = CostRequest::new(vec![]).with_unit_period(UnitPeriod::Weeks(2));
    /// assert_eq!(request.unit_period, UnitPeriod::Weeks(2));
    /// ```
    pub fn with_unit_period(mut self, unit: impl Into<UnitPeriod>) -> CostRequest {
        self.unit_period = unit.into();
        self
    }

    /// Also the Chinese APR, for flows equally spaced at `frequency`.
    ///
    /// ```
    /// # use overdue::{jobs::CostRequest, Frequency};
    /// assert_eq!(CostRequest::new(vec![]).with_frequency(Frequency::Monthly).frequency, Some(Frequency::Monthly));
    /// ```
    pub fn with_frequency(mut self, frequency: Frequency) -> CostRequest {
        self.frequency = Some(frequency);
        self
    }

    /// Also the net present value at `rate`.
    ///
    /// ```
    /// # use overdue::{jobs::CostRequest, Rate};
    /// assert_eq!(CostRequest::new(vec![]).with_discount_rate(Rate::ZERO).discount_rate, Some(Rate::ZERO));
    /// ```
    pub fn with_discount_rate(mut self, rate: Rate) -> CostRequest {
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
    /// # use overdue::{dec, CashFlow, jobs::CostRequest, NaiveDate};
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
            xirr: xirr(&self.flows)?.value(),
            eu_aprc: eu_aprc(&self.flows)?.value(),
            reg_z_apr: reg_z_apr(&self.flows, self.unit_period)?.value(),
            china_apr: self.frequency.map(|f| china_apr(&amounts(), f)).transpose()?,
            xnpv: self
                .discount_rate
                .map(|r| xnpv(&self.flows, r, DayCount::Act365Fixed))
                .transpose()?,
        })
    }
}

/// The cost job: [`CostRequest`] → [`CostResult`].
///
/// ```
/// use overdue::jobs::{CostJob, Job, JobOptions};
/// use overdue::{dec, CashFlow, jobs::CostRequest, NaiveDate};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let flows = vec![CashFlow::new(d(2026, 1, 1), dec!(1000)), CashFlow::new(d(2027, 1, 1), dec!(-1100))];
/// let result = CostJob::run(&CostRequest::new(flows), &JobOptions::new())?;
/// assert_eq!(result.total_paid.to_string(), "1100");
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CostJob;

impl Job for CostJob {
    const NAME: &'static str = "cost";
    type Request = CostRequest;
    type Output = CostResult;
    fn run(request: &CostRequest, _: &JobOptions) -> Result<CostResult> {
        request.run()
    }
}

/// Every measure, one per line: the totals, then the rates in percent to
/// four places (what `overdue cost` prints).
///
/// ```
/// use overdue::{dec, CashFlow, jobs::CostRequest, NaiveDate};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let flows = vec![CashFlow::new(d(2026, 1, 1), dec!(1000)), CashFlow::new(d(2027, 1, 1), dec!(-1100))];
/// let text = CostRequest::new(flows).run()?.to_string();
/// assert!(text.contains("XIRR"), "{text}");
/// assert!(text.contains("10.0000 %"), "{text}");
/// # Ok::<(), overdue::Error>(())
/// ```
impl std::fmt::Display for CostResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let percent = |rate: Decimal| {
            rate.checked_mul(Decimal::ONE_HUNDRED)
                .map_or_else(|| rate.to_string(), |p| format!("{:.4} %", p.round_dp(4)))
        };
        writeln!(f, "{:<24}{}", "total paid", self.total_paid)?;
        writeln!(f, "{:<24}{}", "total cost", self.total_cost)?;
        writeln!(f, "{:<24}{}", "XIRR", percent(self.xirr))?;
        writeln!(f, "{:<24}{}", "EU APRC", percent(self.eu_aprc))?;
        writeln!(f, "{:<24}{}", "Regulation Z APR", percent(self.reg_z_apr))?;
        if let Some(china) = &self.china_apr {
            writeln!(f, "{:<24}{}", "China APR, nominal", percent(china.nominal))?;
            writeln!(f, "{:<24}{}", "China APR, effective", percent(china.effective))?;
        }
        if let Some(xnpv) = self.xnpv {
            writeln!(f, "{:<24}{}", "XNPV", xnpv)?;
        }
        Ok(())
    }
}
