//! `overdue._overdue`: the Rust core of the `overdue` Python package. It
//! runs a job on a request in the crate's JSON format and gives the result
//! in the same format; `python/overdue/__init__.py` turns dicts, `Decimal`s and
//! dates into that format and back. The GIL is released while a job runs.

use overdue::jobs::{run_json, Job, JobOptions, StatementJob, StatementRequest};
use overdue::Error;
mod batch;
mod cost;
mod flat;

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    _overdue,
    Failure,
    PyException,
    "A job failed: args are (the Rust error's kind, its message, the JSON path of the bad field or None)."
);

/// The Rust error as `Failure(kind, message, path)`, its kind as [`Error::kind`] names it.
pub(crate) fn failure(error: &Error) -> PyErr {
    let path = match error {
        Error::Json { path, .. } => Some(path.clone()),
        _ => None,
    };
    // the message as the command prints it: the path, and the line and column where known
    Failure::new_err((error.kind(), error.to_string(), path))
}

/// The Rust error as `Failure`, its path (if any) under `prefix`: a
/// batch's `policy` argument, say.
pub(crate) fn failure_under(prefix: &str, error: &Error) -> PyErr {
    match error {
        Error::Json {
            path,
            message,
            line,
            column,
        } => {
            let path = if path == "." {
                prefix.to_owned()
            } else {
                format!("{prefix}.{path}")
            };
            failure(&Error::Json {
                path,
                message: message.clone(),
                line: *line,
                column: *column,
            })
        }
        other => failure(other),
    }
}

/// A loan's statement on `as_of` from the ledger's JSON text, read by the
/// crate's strict reader (as `overdue statement FILE --as-of DATE` reads
/// it: paths are the ledger's own); the JSON result. Raises `Failure`.
#[pyfunction]
fn statement(py: Python<'_>, ledger: &str, as_of: &str) -> PyResult<String> {
    py.detach(|| {
        let ledger = overdue::from_json::<overdue::Ledger>(ledger)?;
        let as_of = overdue::jobs::parse_date(as_of).map_err(|_| Error::Invalid {
            field: "as_of",
            reason: format!("{as_of:?} is not a date written YYYY-MM-DD, with a year from 0001 to 9999"),
        })?;
        let request = StatementRequest::new(ledger, as_of);
        let statement = StatementJob::run(&request, &JobOptions::new())?;
        serde_json::to_string(&statement).map_err(|e| Error::Invalid {
            field: "statement",
            reason: e.to_string(),
        })
    })
    .map_err(|e| failure(&e))
}

/// Runs the job `name` (any of the crate's job list: `schedule`, `statement`,
/// `compare`, `plan`, `cost`, `limits`, ...) on a JSON request, giving the
/// JSON result; raises `Failure`.
#[pyfunction]
fn run(py: Python<'_>, name: &str, request: &str) -> PyResult<String> {
    py.detach(|| run_json(name, request, &JobOptions::new()))
        .map_err(|e| failure(&e))
}

/// Every kind of error the crate can raise, as `Failure`'s first argument names it.
#[pyfunction]
fn error_kinds() -> Vec<&'static str> {
    Error::KINDS.to_vec()
}

/// The JSON Schemas of every job's request and result, as one JSON object
/// `{job: {"request": schema, "result": schema}}`.
#[pyfunction]
fn schemas() -> PyResult<String> {
    let all: serde_json::Map<String, serde_json::Value> = overdue::jobs::json_schemas()
        .into_iter()
        .map(|s| {
            let pair = serde_json::json!({"request": s.request, "result": s.result});
            (s.job.to_owned(), pair)
        })
        .collect();
    serde_json::to_string(&all).map_err(|e| Failure::new_err(("parse", e.to_string(), None::<String>)))
}

/// The module.
#[pymodule]
fn _overdue(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_function(wrap_pyfunction!(statement, m)?)?;
    m.add_function(wrap_pyfunction!(schemas, m)?)?;
    m.add_function(wrap_pyfunction!(error_kinds, m)?)?;
    m.add_function(wrap_pyfunction!(batch::statements, m)?)?;
    m.add_function(wrap_pyfunction!(cost::xirr, m)?)?;
    m.add_function(wrap_pyfunction!(cost::xnpv, m)?)?;
    m.add_function(wrap_pyfunction!(cost::npv, m)?)?;
    m.add_function(wrap_pyfunction!(cost::irr, m)?)?;
    m.add_function(wrap_pyfunction!(cost::pmt, m)?)?;
    m.add_class::<batch::ArrowStream>()?;
    m.add("Failure", m.py().get_type::<Failure>())?;
    Ok(())
}
