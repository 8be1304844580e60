//! The JSON Schemas of every job's request and result, generated from the
//! types (the `schema` feature); `docs/schema/` holds them.

use schemars::JsonSchema;

use super::{each_job, Job, JobVisitor};

/// One job's schemas: the request it reads and the result it writes.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct JobSchema {
    /// The job's name: `schedule`, `statement`, `compare`, `plan`, `sweep`, `cost`, `portfolio` or `limits`.
    pub job: &'static str,
    /// The schema of the request (what is read).
    pub request: serde_json::Value,
    /// The schema of the result (what is written).
    pub result: serde_json::Value,
}

fn job<Request: JsonSchema, Result: JsonSchema>(name: &'static str) -> JobSchema {
    let read = schemars::generate::SchemaSettings::draft2020_12().for_deserialize();
    let write = schemars::generate::SchemaSettings::draft2020_12().for_serialize();
    let mut request = read.into_generator().into_root_schema_for::<Request>().to_value();
    let mut result = write.into_generator().into_root_schema_for::<Result>().to_value();
    tidy(&mut request);
    tidy(&mut result);
    JobSchema {
        job: name,
        request,
        result,
    }
}

/// Every description as prose: the rustdoc it comes from without its code
/// examples, and with links as their text.
fn tidy(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(fields) => {
            if let Some(Value::String(doc)) = fields.get_mut("description") {
                *doc = prose(doc);
            }
            fields.values_mut().for_each(tidy);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

/// `doc` up to its first code block, `[`text`](target)` and `[`text`]` as `` `text` ``.
fn prose(doc: &str) -> String {
    let text = doc.split("```").next().unwrap_or(doc).trim_end();
    // the heading of the example that was cut (`# Example: ...`) goes with it
    let text = match text.rsplit_once('\n') {
        Some((before, last)) if last.trim_start().starts_with('#') => before.trim_end(),
        _ => text,
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once("[`") {
        out.push_str(before);
        let Some((label, tail)) = after.split_once("`]") else {
            out.push_str("[`");
            rest = after;
            continue;
        };
        out.push('`');
        out.push_str(label);
        out.push('`');
        rest = match tail.strip_prefix('(').and_then(|t| t.split_once(')')) {
            Some((_, after_link)) => after_link,
            None => tail,
        };
    }
    out.push_str(rest);
    out
}

/// The JSON Schemas (draft 2020-12) of every job's request and result, as
/// `docs/schema/<job>.request.json` and `<job>.result.json` hold them:
/// `schedule` ([`ScheduleOptions`](crate::ScheduleOptions) →
/// [`Schedule`](crate::Schedule)), `statement`
/// ([`StatementRequest`](crate::jobs::StatementRequest) →
/// [`Statement`](crate::Statement)), `compare`
/// ([`Comparison`](crate::Comparison) →
/// [`ComparisonResult`](crate::compare::ComparisonResult)), `plan`
/// ([`Plan`](crate::Plan) → [`PlanComparison`](crate::plan::PlanComparison)),
/// `sweep` ([`SweepRequest`](crate::plan::SweepRequest) →
/// [`BudgetSweep`](crate::plan::BudgetSweep)),
/// `cost` ([`CostRequest`](crate::jobs::CostRequest) →
/// [`CostResult`](crate::jobs::CostResult)) and `portfolio` (a
/// [`PortfolioLoan`](crate::jobs::PortfolioLoan) line →
/// a [`StatementSummary`](crate::jobs::StatementSummary) line) and `limits`
/// ([`LimitsRequest`](crate::limits::LimitsRequest) → [`LimitsResult`](crate::limits::LimitsResult)).
///
/// A request schema describes what is read (defaults may be left out); a
/// result schema what is written. App developers in other languages
/// generate their types from them. Needs the `schema` feature.
///
/// ```
/// let schemas = overdue::jobs::json_schemas();
/// let statement = schemas.iter().find(|s| s.job == "statement").unwrap();
/// assert_eq!(statement.request["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(statement.request["required"], serde_json::json!(["ledger", "as_of"]));
/// ```
pub fn json_schemas() -> Vec<JobSchema> {
    struct Schemas(Vec<JobSchema>);
    impl JobVisitor for Schemas {
        fn visit<J: Job>(&mut self) {
            self.0.push(job::<J::Request, J::Output>(J::NAME));
        }
    }
    let mut all = Schemas(Vec::new());
    each_job(&mut all);
    all.0
}
