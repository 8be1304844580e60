//! `overdue._overdue`: the Rust core of the `overdue` Python package. It
//! runs a job on a request in the crate's JSON format and gives the result
//! in the same format; `overdue/__init__.py` turns dicts, `Decimal`s and
//! dates into that format and back. The GIL is released while a job runs.

use overdue::{
    from_json, Comparison, CostRequest, Error, LimitsRequest, Plan, Schedule, ScheduleOptions, StatementRequest,
};
mod batch;
mod flat;

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

create_exception!(
    _overdue,
    Failure,
    PyException,
    "A job failed: args are (the Rust error's variant, its message, the JSON path of the bad field or None)."
);

/// The Rust error as `Failure(variant, message, path)`.
pub(crate) fn failure(error: &Error) -> PyErr {
    let debug = format!("{error:?}");
    let variant = debug.split([' ', '(', '{']).next().unwrap_or("Error").to_owned();
    let path = match error {
        Error::Json { path, .. } => Some(path.clone()),
        _ => None,
    };
    let message = match error {
        Error::Json { path, message, .. } if path != "." => format!("{path}: {message}"),
        Error::Json { message, .. } => message.clone(),
        other => other.to_string(),
    };
    Failure::new_err((variant, message, path))
}

/// Reads `request`, runs `job` on it, writes the result.
fn job<T: DeserializeOwned, R: Serialize>(
    request: &str,
    job: impl Fn(T) -> overdue::Result<R>,
) -> Result<String, Error> {
    let result = job(from_json(request)?)?;
    serde_json::to_string(&result).map_err(|e| Error::Parse {
        field: "result",
        value: e.to_string(),
    })
}

fn run_job(name: &str, request: &str) -> Result<String, Error> {
    match name {
        "schedule" => job(request, |o: ScheduleOptions| Schedule::build(&o)),
        "statement" => job(request, |r: StatementRequest| r.run()),
        "compare" => job(request, |c: Comparison| c.run()),
        "plan" => job(request, |p: Plan| p.compare()),
        "cost" => job(request, |r: CostRequest| r.run()),
        "limits" => job(request, |r: LimitsRequest| r.run()),
        other => Err(Error::Parse {
            field: "job",
            value: other.to_owned(),
        }),
    }
}

/// Runs the job `name` (`schedule`, `statement`, `compare`, `plan`, `cost`, `limits`)
/// on a JSON request, giving the JSON result; raises `Failure`.
#[pyfunction]
fn run(py: Python<'_>, name: &str, request: &str) -> PyResult<String> {
    py.detach(|| run_job(name, request)).map_err(|e| failure(&e))
}

/// The JSON Schemas of every job's request and result, as one JSON object
/// `{job: {"request": schema, "result": schema}}`.
#[pyfunction]
fn schemas() -> PyResult<String> {
    let all: serde_json::Map<String, serde_json::Value> = overdue::json_schemas()
        .into_iter()
        .map(|s| {
            let pair = serde_json::json!({"request": s.request, "result": s.result});
            (s.job.to_owned(), pair)
        })
        .collect();
    serde_json::to_string(&all).map_err(|e| Failure::new_err(("Parse", e.to_string(), None::<String>)))
}

/// The module.
#[pymodule]
fn _overdue(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_function(wrap_pyfunction!(schemas, m)?)?;
    m.add_function(wrap_pyfunction!(batch::statements, m)?)?;
    m.add("Failure", m.py().get_type::<Failure>())?;
    Ok(())
}
