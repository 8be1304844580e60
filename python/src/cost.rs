//! The cost-of-credit calls Python finance users know (pyxirr's `xirr` and
//! `xnpv`, numpy-financial's `npv`, `irr` and `pmt`), each straight on the
//! crate's function: no other measure is computed on the way. Flows and
//! amounts come as JSON text (the package writes it), results go back as
//! decimal text.

use overdue::cost::{self, PaymentTiming};
use overdue::jobs::parse_decimal;
use overdue::{from_json, CashFlow, DayCount, Decimal, Error, Rate, Yield};
use pyo3::prelude::*;

use crate::failure;

/// A decimal argument as text, read by the crate's strict grammar.
fn decimal(field: &'static str, text: &str) -> Result<Decimal, Error> {
    parse_decimal(text).map_err(|_| Error::Invalid {
        field,
        reason: format!("{text:?} is not a decimal written like \"-1234.50\""),
    })
}

/// Amounts given as a JSON list of decimal text, each read strictly.
fn read_amounts(text: &str) -> Result<Vec<Decimal>, Error> {
    let texts = from_json::<Vec<String>>(text)?;
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            parse_decimal(t).map_err(|_| Error::Invalid {
                field: "amounts",
                reason: format!("amounts[{i}]: {t:?} is not a decimal written like \"-1234.50\""),
            })
        })
        .collect()
}

/// The XIRR of the flows (`[{"date", "amount"}, ...]` as JSON text), as
/// decimal text: the effective annual rate, actual/365.
#[pyfunction]
pub(crate) fn xirr(py: Python<'_>, flows: &str) -> PyResult<String> {
    py.detach(|| {
        let flows = from_json::<Vec<CashFlow>>(flows)?;
        cost::xirr(&flows).map(|y| y.value().to_string())
    })
    .map_err(|e| failure(&e))
}

/// The XNPV of the flows at `rate`, actual/365: a contract rate as JSON text
/// (`{"value", "period"}`), or with `effective` an effective annual yield as
/// decimal text, which may be negative.
#[pyfunction]
pub(crate) fn xnpv(py: Python<'_>, flows: &str, rate: &str, effective: bool) -> PyResult<String> {
    py.detach(|| {
        let flows = from_json::<Vec<CashFlow>>(flows)?;
        let value = if effective {
            cost::xnpv_at_yield(&flows, Yield::annual(decimal("rate", rate)?), DayCount::Act365Fixed)
        } else {
            cost::xnpv(&flows, from_json::<Rate>(rate)?, DayCount::Act365Fixed)
        };
        value.map(|v| v.to_string())
    })
    .map_err(|e| failure(&e))
}

/// The NPV of equally spaced amounts (a JSON list of decimal text), the first at time 0.
#[pyfunction]
pub(crate) fn npv(py: Python<'_>, rate: &str, amounts: &str) -> PyResult<String> {
    py.detach(|| {
        let rate = decimal("rate", rate)?;
        let amounts = read_amounts(amounts)?;
        cost::npv(&amounts, Yield::per_period(rate)).map(|v| v.to_string())
    })
    .map_err(|e| failure(&e))
}

/// The periodic IRR of equally spaced amounts (a JSON list of decimal text).
#[pyfunction]
pub(crate) fn irr(py: Python<'_>, amounts: &str) -> PyResult<String> {
    py.detach(|| cost::irr(&read_amounts(amounts)?).map(|y| y.value().to_string()))
        .map_err(|e| failure(&e))
}

/// The level payment (numpy-financial's `pmt`, its sign convention); `begin` for payments in advance.
#[pyfunction]
pub(crate) fn pmt(rate: &str, periods: u32, present_value: &str, future_value: &str, begin: bool) -> PyResult<String> {
    let run = || {
        let timing = if begin {
            PaymentTiming::Begin
        } else {
            PaymentTiming::End
        };
        cost::pmt(
            Yield::per_period(decimal("rate", rate)?),
            periods,
            decimal("pv", present_value)?,
            decimal("fv", future_value)?,
            timing,
        )
        .map(|p| p.to_string())
    };
    run().map_err(|e| failure(&e))
}
