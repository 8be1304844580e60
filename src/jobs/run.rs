//! Running a job by its name on JSON text: what the Python package and the
//! HTTP service call.

use super::{each_job, Job, JobOptions, JobVisitor};
use crate::error::{Error, Result};
use crate::json::from_json;

/// Runs the job called `name` on a request in JSON text and gives its
/// output as JSON text. The request is read strictly ([`from_json`]: an
/// error names the path of the field that is wrong).
///
/// # Errors
/// [`Error::Parse`] for a name that is no job's (`field` `"job"`); what
/// [`from_json`] refuses; what the job refuses.
///
/// ```
/// use overdue::jobs::{run_json, JobOptions};
/// let request = r#"{"principal": "1200", "rate": {"value": "0", "period": "annual"},
///                   "installments": 12, "disbursement": "2026-01-15"}"#;
/// let output = run_json("schedule", request, &JobOptions::new())?;
/// assert!(output.contains(r#""level_payment":"100.00""#));
/// assert!(run_json("no such job", request, &JobOptions::new()).is_err());
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn run_json(name: &str, request: &str, options: &JobOptions) -> Result<String> {
    struct Runner<'a> {
        name: &'a str,
        request: &'a str,
        options: &'a JobOptions,
        output: Option<Result<String>>,
    }
    impl JobVisitor for Runner<'_> {
        fn visit<J: Job>(&mut self) {
            if self.output.is_none() && J::NAME == self.name {
                self.output = Some(run::<J>(self.request, self.options));
            }
        }
    }
    let mut runner = Runner {
        name,
        request,
        options,
        output: None,
    };
    each_job(&mut runner);
    runner.output.unwrap_or_else(|| {
        Err(Error::Parse {
            field: "job",
            value: name.to_owned(),
        })
    })
}

/// Reads a request of `J`, runs it and writes its output.
fn run<J: Job>(request: &str, options: &JobOptions) -> Result<String> {
    let output = J::run(&from_json(request)?, options)?;
    serde_json::to_string(&output).map_err(|e| Error::Parse {
        field: "result",
        value: e.to_string(),
    })
}
