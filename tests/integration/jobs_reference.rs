//! The job list: every job, run by its name on JSON text (as the Python
//! package and the command run it), gives what running its own types gives,
//! on the example requests in `examples/`.

use overdue::jobs::{each_job, run_json, Job, JobOptions, JobVisitor};
use overdue::NaiveDate;
use serde_json::Value;

/// The example request of each job, by the job's name.
fn example(job: &str) -> Option<Value> {
    if job == "sweep" {
        let plan = example("plan")?;
        return Some(serde_json::json!({"plan": plan, "budgets": {"from": "1500", "to": "3000", "step": "750"}}));
    }
    let file = match job {
        "schedule" => "schedule.json",
        "statement" => "statement.json",
        "compare" => "borrower.json",
        "plan" => "several_loans.json",
        "cost" => "flows.json",
        "limits" => "limits.json",
        "portfolio" => "portfolio.jsonl",
        "line" => "line.json",
        "tranches" => "tranches.json",
        "card" => "card.json",
        "card-compare" => "card_compare.json",
        _ => return None,
    };
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(file),
    )
    .unwrap();
    let first = text.lines().next().unwrap_or_default();
    Some(serde_json::from_str(if file.ends_with(".jsonl") { first } else { &text }).unwrap())
}

struct Check {
    options: JobOptions,
    checked: Vec<&'static str>,
}

impl JobVisitor for Check {
    fn visit<J: Job>(&mut self) {
        let request = example(J::NAME).unwrap_or_else(|| panic!("no example request for `{}`", J::NAME));
        let typed: J::Request = serde_json::from_value(request.clone()).unwrap();
        let output = J::run(&typed, &self.options).unwrap();
        let by_name = run_json(J::NAME, &request.to_string(), &self.options).unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&by_name).unwrap(),
            serde_json::to_value(&output).unwrap(),
            "{}",
            J::NAME
        );
        self.checked.push(J::NAME);
    }
}

/// Every job of the list has an example request and runs the same by name
/// on JSON text as from its own types.
#[test]
fn every_job_runs_the_same_by_name_as_from_its_types() {
    let as_of = NaiveDate::from_ymd_opt(2026, 6, 24).unwrap();
    let mut check = Check {
        options: JobOptions::new().with_as_of(as_of),
        checked: Vec::new(),
    };
    each_job(&mut check);
    assert_eq!(check.checked.len(), 12);
}

/// A name that is no job's is refused with the field `job`.
#[test]
fn an_unknown_job_is_refused_by_name() {
    let err = run_json("schedules", "{}", &JobOptions::new()).unwrap_err();
    assert_eq!(err.kind(), "parse");
    assert!(err.to_string().contains("job"), "{err}");
}
