//! The JSON Schemas under `docs/schema/`: they are what the types generate,
//! every example file and every result validates against them, and a walk
//! of the schemas beside real documents checks every input type: it
//! round-trips, and an unknown field anywhere in it is refused with the
//! path of that field. A type the documents do not reach fails the walk,
//! so a new type cannot be forgotten.
//!
//! `OVERDUE_BLESS=1 cargo test --all-features schema` rewrites the
//! committed schemas after a change to the types.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use overdue::{from_json, jobs::json_schemas, jobs::JobSchema};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn schemas() -> BTreeMap<&'static str, JobSchema> {
    json_schemas().into_iter().map(|s| (s.job, s)).collect()
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap() + "\n"
}

#[test]
fn committed_schemas_are_what_the_types_generate() {
    let bless = std::env::var_os("OVERDUE_BLESS").is_some();
    let dir = root().join("docs/schema");
    let mut stale = Vec::new();
    for schema in json_schemas() {
        for (side, value) in [("request", &schema.request), ("result", &schema.result)] {
            let path = dir.join(format!("{}.{side}.json", schema.job));
            let generated = pretty(value);
            if bless {
                std::fs::write(&path, &generated).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(generated.as_str()) {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale schemas (run `OVERDUE_BLESS=1 cargo test --all-features schema`): {stale:?}"
    );
}

/// Which job's request each example file holds (a `.jsonl` file: one per line).
const EXAMPLES: [(&str, &str); 11] = [
    ("borrower.json", "compare"),
    ("several_loans.json", "plan"),
    ("schedule.json", "schedule"),
    ("statement.json", "statement"),
    ("flows.json", "cost"),
    ("portfolio.jsonl", "portfolio"),
    ("limits.json", "limits"),
    ("line.json", "line"),
    ("tranches.json", "tranches"),
    ("card.json", "card"),
    ("card_compare.json", "card-compare"),
];

fn documents(file: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(root().join("examples").join(file)).unwrap();
    if file.ends_with(".jsonl") {
        text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    } else {
        vec![serde_json::from_str(&text).unwrap()]
    }
}

fn assert_valid(schema: &Value, doc: &Value, what: &str) {
    let validator = jsonschema::validator_for(schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{what} does not match its schema: {errors:#?}");
}

/// Runs a job's request document, giving its result as JSON.
fn result_of(job: &str, doc: &Value) -> Value {
    fn run<T: DeserializeOwned, R: Serialize>(doc: &Value, f: impl Fn(T) -> overdue::Result<R>) -> Value {
        serde_json::to_value(f(from_json(&doc.to_string()).unwrap()).unwrap()).unwrap()
    }
    match job {
        "schedule" => run(doc, |o: overdue::ScheduleOptions| overdue::Schedule::build(&o)),
        "statement" => run(doc, |r: overdue::jobs::StatementRequest| r.run()),
        "compare" => run(doc, |c: overdue::Comparison| c.run()),
        "plan" => run(doc, |p: overdue::Plan| p.compare()),
        "cost" => run(doc, |r: overdue::jobs::CostRequest| r.run()),
        "portfolio" => run(doc, |l: overdue::jobs::PortfolioLoan| {
            Ok(l.summary(overdue::NaiveDate::MIN))
        }),
        "limits" => run(doc, |r: overdue::limits::LimitsRequest| r.run()),
        "line" => run(doc, |r: overdue::jobs::LineRequest| r.run()),
        "tranches" => run(doc, |r: overdue::jobs::TranchesRequest| r.run()),
        "card" => run(doc, |r: overdue::jobs::CardRequest| r.run()),
        "card-compare" => run(doc, |c: overdue::compare::CardComparison| c.run()),
        other => panic!("no job {other}"),
    }
}

#[test]
fn every_example_and_its_result_match_the_schemas() {
    let schemas = schemas();
    let listed: BTreeSet<&str> = EXAMPLES.iter().map(|(f, _)| *f).collect();
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".json") || name.ends_with(".jsonl") {
            assert!(
                listed.contains(name.as_str()),
                "examples/{name}: say which job it is in EXAMPLES"
            );
        }
    }
    for (file, job) in EXAMPLES {
        let schema = &schemas[job];
        for doc in documents(file) {
            assert_valid(&schema.request, &doc, &format!("examples/{file}"));
            assert_valid(
                &schema.result,
                &result_of(job, &doc),
                &format!("the result of examples/{file}"),
            );
        }
    }
}

/// Documents for the walk beyond the examples: every event, way out, plan,
/// policy and interest choice the examples do not use.
fn extra_requests() -> Vec<(&'static str, Value)> {
    let borrower = documents("borrower.json").remove(0);
    let ledger = &borrower["ledger"];
    let options = &ledger["schedule"]["options"];
    let mut rich = options.clone();
    rich["method"] = json!({"kind": "flat_fee", "fee": {"value": "0.006", "period": "monthly"}});
    rich["frequency"] = "monthly".into();
    rich["first_due"] = "2026-02-20".into();
    rich["basis"] = json!({"actual_days": "act365_fixed"});
    rich["rounding"] = json!({"scale": 2, "mode": "half_even"});
    rich["interest"] = json!({"kind": "scheduled"});
    let restructure = |plan: Value| {
        json!({"kind": "restructure", "date": "2026-06-24", "plan": plan,
               "penalty_interest": {"waive": {"kind": "amount", "value": "1"}, "then": "spread"},
               "fees": {"waive": {"kind": "nothing"}, "then": "due_now"},
               "interest": {"waive": {"kind": "share", "value": "0.1"}, "then": "carry_to_first"},
               "down_payment": "100", "fee": {"kind": "flat", "value": "20"}})
    };
    let restructured = |plan: Value| {
        let mut l = ledger.clone();
        l["events"].as_array_mut().unwrap().push(restructure(plan));
        json!({"ledger": l, "as_of": "2026-07-01"})
    };
    let compare = every_way_out(&borrower);
    let mut plan = documents("several_loans.json").remove(0);
    plan["budget"] = json!({"kind": "by_month", "value": ["2200", "2200", "2000", "2000", "2000", "2000"]});
    let cost_flows = documents("flows.json").remove(0)["flows"].clone();
    let mut promoted = ledger.clone();
    let offers = [
        (
            json!({"kind": "pay_at_least", "amount": "500", "by": "2026-08-31"}),
            json!({"kind": "waive_penalty"}),
        ),
        (
            json!({"kind": "pay_overdue", "by": "2026-08-31"}),
            json!({"kind": "waive_fees"}),
        ),
        (
            json!({"kind": "on_time", "installments": 2}),
            json!({"kind": "waive_interest", "share": "0.5"}),
        ),
        (
            json!({"kind": "on_time", "installments": 1}),
            json!({"kind": "rate_discount", "share": "0.3", "periods": 2}),
        ),
        (
            json!({"kind": "pay_at_least", "amount": "100", "by": "2026-09-30"}),
            json!({"kind": "credit", "amount": "20"}),
        ),
    ];
    for (k, (condition, effect)) in offers.into_iter().enumerate() {
        promoted["events"]
            .as_array_mut()
            .unwrap()
            .push(json!({"kind": "promotion", "label": format!("offer {k}"),
            "offered": "2026-06-25", "condition": condition, "effect": effect}));
    }
    // a credit line with a payment returned unpaid
    let mut bounced = documents("line.json").remove(0);
    let first_payment = bounced["line"]["payments"][0].clone();
    bounced["line"]["reversals"] = json!([{"payment_id": first_payment["id"], "date": first_payment["date"]}]);
    vec![
        ("line", bounced),
        ("schedule", rich),
        ("statement", daily_statement(options)),
        ("statement", json!({"ledger": promoted, "as_of": "2026-09-01"})),
        (
            "statement",
            restructured(
                json!({"kind": "schedule", "rate": {"value": "0.12", "period": "annual"}, "installments": 6,
            "method": {"kind": "equal_principal"}, "frequency": "monthly", "first_due": "2026-07-24", "basis": "per_period"}),
            ),
        ),
        (
            "statement",
            restructured(json!({"kind": "deferral", "shift": {"kind": "days", "value": 30}, "interest": "capitalise"})),
        ),
        (
            "statement",
            restructured(
                json!({"kind": "schedule", "rate": {"value": "0", "period": "annual"}, "installments": 1, "method": {"kind": "bullet"}}),
            ),
        ),
        (
            "statement",
            restructured(
                json!({"kind": "schedule", "rate": {"value": "0.1", "period": "annual"}, "installments": 3, "method": {"kind": "interest_only"}}),
            ),
        ),
        ("compare", compare),
        ("plan", plan),
        (
            "sweep",
            json!({"plan": documents("several_loans.json").remove(0), "budgets": {"from": "1500", "to": "3000", "step": "500"}}),
        ),
        (
            "cost",
            json!({"flows": cost_flows, "unit_period": {"kind": "weeks", "value": 2}}),
        ),
        (
            "cost",
            json!({"flows": cost_flows, "unit_period": {"kind": "days", "value": 30}}),
        ),
        (
            "cost",
            json!({"flows": cost_flows, "unit_period": {"kind": "semi_month"}}),
        ),
        ("cost", json!({"flows": cost_flows, "unit_period": {"kind": "year"}})),
        ("limits", json!({"flows": cost_flows, "lender": "licensed_institution"})),
        (
            "cost",
            json!({"flows": [{"date": "2026-01-01", "amount": "1000"}, {"date": "2026-07-01", "amount": "-1050"}],
                        "unit_period": {"kind": "single_payment"}}),
        ),
        ("card", us_card()),
    ]
}

/// A US card with every kind of event and the terms the example leaves out.
fn us_card() -> Value {
    let apr = |v: &str| json!({"value": v, "period": "annual"});
    json!({"card": {"opened": "2026-01-02", "terms": {
        "limit": "5000", "statement_day": 1, "due": {"day_of_month": 25},
        "purchase_rate": apr("0.1999"), "cash_rate": apr("0.2699"), "penalty_rate": apr("0.2999"),
        "promotion": {"rate": apr("0"), "until": "2026-06-30"},
        "cash_fee": {"share": "0.05", "floor": "10"}, "transfer_fee": {"share": "0.03", "floor": "5"},
        "annual_fee": "95", "minimum": {"share": "0.01", "floor": "25"}, "late_fee": {"flat": "30"},
        "interest_method": "average_daily_balance", "rules": "us", "charge_off_after": 180,
        "over_limit": "refused", "tolerance": "0"},
        "events": [
            {"kind": "purchase", "id": "p1", "date": "2026-01-05", "amount": "1200"},
            {"kind": "balance_transfer", "id": "bt", "date": "2026-01-06", "amount": "2000"},
            {"kind": "fee", "id": "card-copy", "date": "2026-01-07", "amount": "5"},
            {"kind": "cash_advance", "id": "atm", "date": "2026-01-08", "amount": "300"},
            {"kind": "payment", "id": "pay1", "date": "2026-02-20", "amount": "200"},
            {"kind": "reversal", "id": "bounce", "date": "2026-02-23", "of": "pay1"},
            {"kind": "refund", "id": "r1", "date": "2026-03-03", "amount": "100", "of": "p1"},
            {"kind": "installment_plan", "id": "plan", "date": "2026-03-05", "amount": "500", "periods": 6,
             "charge": {"kind": "rate", "rate": apr("0.12")}}
        ]}, "as_of": "2026-04-01"})
}

/// A statement request on daily interest and a floating rate, with every
/// field of the policy and every kind of event.
fn daily_statement(options: &Value) -> Value {
    let mut daily = options.clone();
    daily["rate"] = json!({"value": "0.045", "period": "annual"});
    daily["interest"] = json!({"kind": "daily_on_balance", "day_count": "act360", "installments": "reamortise"});
    daily["floating"] = json!({
        "index": {"entries": [["2025-12-20", {"value": "0.03", "period": "annual"}]], "known_through": "2027-12-31"},
        "spread": "0.015", "reset": {"every_months": 3}, "floor": {"value": "0.02", "period": "annual"},
        "cap": {"value": "0.2", "period": "annual"}, "fixing": {"days_before": 2}, "on_reset": "keep_installment", "resets_from": "2026-03-01"
    });
    let policy = json!({
        "penalty_rate": {"kind": "contract_uplift", "value": "0.5"},
        "day_count": "act365_fixed",
        "penalty_base": "overdue_principal",
        "compound_interest": true,
        "late_fee": {"amount": {"kind": "of_installment", "value": "0.05"}, "recurrence": {"kind": "every_days", "days": 30},
                     "min": "5", "max": "50"},
        "interest_on_fees": false,
        "grace": {"days": 3, "meaning": "shift"},
        "tolerance": "1.00",
        "caps": {"annualised": {"value": "0.24", "period": "annual"}, "lifetime": "0.36", "per_installment": {"kind": "of_installment", "value": "0.5"}},
        "charge_off_after_days": 180,
        "charge_off_stops": ["penalty_interest"],
        "pyramiding": "forbidden",
        "duplicate_window_days": 2,
        "buckets": [{"label": "M0", "from_days": 0}, {"label": "M1+", "from_days": 1}],
        "allocation": {"tiers": [{"components": ["fees", "penalty_interest", "compound_interest", "interest", "principal"],
                                  "states": ["past_due", "due", "not_yet_due"], "direction": "horizontal"}],
                       "surplus": "credit_balance"},
        "early_settlement": "current_period",
        "rounding": {"scale": 2, "mode": "half_away_from_zero"}
    });
    let events = json!([
        {"kind": "payment", "id": "p1", "date": "2026-02-15", "amount": "1100.16"},
        {"kind": "payment", "id": "p2", "date": "2026-03-20", "amount": "500"},
        {"kind": "reversal", "payment_id": "p2", "date": "2026-03-25", "fee": "15"},
        {"kind": "waiver", "date": "2026-04-01", "component": "penalty_interest", "amount": "1", "installment": 2},
        {"kind": "payment", "id": "p3", "date": "2026-04-02", "amount": "20000"},
        {"kind": "refund", "date": "2026-04-10", "amount": "5"},
        {"kind": "interruption", "date": "2026-05-10", "cause": "acknowledgement"},
    ]);
    json!({"ledger": {"schedule": {"options": daily}, "policy": policy, "events": events}, "as_of": "2026-06-01"})
}

/// The borrower's comparison with every way out and every comparison option.
fn every_way_out(borrower: &Value) -> Value {
    let mut compare = borrower.clone();
    compare["options"].as_array_mut().unwrap().extend([
        json!({"label": "pay", "way": {"kind": "pay_now"}}),
        json!({"label": "reamortise", "way": {"kind": "restructure", "date": "2026-06-24", "plan": {"kind": "reamortise"}}}),
        json!({"label": "service", "way": {"kind": "debt_service", "fee": {"kind": "flat", "value": "100"},
               "reduction": "0.1", "months": 3, "freeze_penalties": true}}),
        json!({"label": "savings fee", "way": {"kind": "debt_service", "fee": {"kind": "share_of_savings", "value": "0.2"},
               "reduction": "0.1", "months": 3}}),
        json!({"label": "refinance", "way": {"kind": "refinance", "lender": "private_lender",
               "rate": {"value": "0.1", "period": "annual"}, "installments": 6,
               "upfront_fee": {"kind": "flat", "value": "50"}, "recurring_fee": "5"}}),
    ]);
    compare["options"]
        .as_array_mut()
        .unwrap()
        .push(json!({"label": "offer", "way": {"kind": "take_promotion", "label": "offer"}}));
    compare["ledger"]["events"]
        .as_array_mut()
        .unwrap()
        .push(json!({"kind": "promotion", "label": "offer",
        "offered": "2026-06-24", "condition": {"kind": "pay_at_least", "amount": "100", "by": "2026-07-31"},
        "effect": {"kind": "credit", "amount": "10"}}));
    compare["ledger"]["policy"]["caps"]["per_installment"] = json!({"kind": "amount", "value": "100"});
    compare["rank_by"] = "peak_monthly_payment".into();
    compare["order"] = "money_only".into();
    compare["lender"] = "private_lender".into();
    compare["credit_record_years"] = 3.into();
    compare["lpr"] = json!([["2019-08-20", {"value": "0.0425", "period": "annual"}]]);
    compare
}

/// The schema at `#/$defs/Name`, naming it in `seen`.
fn resolve<'a>(schema: &'a Value, defs: &'a Value, seen: &mut BTreeSet<String>) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let name = reference.trim_start_matches("#/$defs/");
            seen.insert(name.to_owned());
            resolve(&defs[name], defs, seen)
        }
        None => schema,
    }
}

/// Whether `doc` could be an instance of `schema`, by its type, `const`s
/// and `enum`s and required fields: enough to pick a `oneOf` branch.
fn fits(schema: &Value, defs: &Value, doc: &Value) -> bool {
    let schema = resolve(schema, defs, &mut BTreeSet::new());
    if let Some(c) = schema.get("const") {
        return c == doc;
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.contains(doc);
    }
    if let Some(branches) = schema.get("oneOf").or(schema.get("anyOf")).and_then(Value::as_array) {
        return branches.iter().any(|b| fits(b, defs, doc));
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return true,
    };
    let type_fits = types.iter().any(|t| match (*t, doc) {
        ("object", Value::Object(_)) | ("array", Value::Array(_)) | ("string", Value::String(_)) => true,
        ("integer", Value::Number(n)) => n.is_i64() || n.is_u64(),
        ("number", Value::Number(_)) | ("boolean", Value::Bool(_)) | ("null", Value::Null) => true,
        _ => false,
    });
    let required_fit = match (schema.get("properties"), doc) {
        (Some(props), Value::Object(fields)) => {
            schema["required"]
                .as_array()
                .is_none_or(|r| r.iter().all(|k| fields.contains_key(k.as_str().unwrap())))
                && fields
                    .iter()
                    .all(|(k, v)| props.get(k).is_none_or(|p| fits(p, defs, v)))
        }
        _ => true,
    };
    type_fits && required_fit
}

/// What the walk of a document beside its schema found.
#[derive(Default)]
struct Walk {
    /// Every `$defs` name reached, and every `oneOf` branch as `Name#index`.
    seen: BTreeSet<String>,
    /// Every object that refuses unknown fields: its path in the document
    /// (JSON pointer), the path serde names it by, and whether it is an
    /// externally tagged variant (`{"actual_days": ...}`: one key, the
    /// variant's name), which serde refuses at the object, not at the field.
    closed: Vec<(String, String, bool)>,
    /// Every amount of money: its path and its text.
    money: Vec<(String, String)>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn walk(schema: &Value, defs: &Value, doc: &Value, pointer: &str, path: &str, out: &mut Walk) {
    let name = schema
        .get("$ref")
        .and_then(Value::as_str)
        .map(|r| r.trim_start_matches("#/$defs/").to_owned());
    let schema = resolve(schema, defs, &mut out.seen);
    if let (Some("Money"), Value::String(text)) = (name.as_deref(), doc) {
        out.money.push((path.to_owned(), text.clone()));
    }
    if let Some(branches) = schema.get("oneOf").or(schema.get("anyOf")).and_then(Value::as_array) {
        let Some((i, branch)) = branches.iter().enumerate().find(|(_, b)| fits(b, defs, doc)) else {
            panic!("{pointer}: no branch of {name:?} fits {doc}");
        };
        if let Some(name) = &name {
            out.seen.insert(format!("{name}#{i}"));
        }
        return walk(branch, defs, doc, pointer, path, out);
    }
    for part in schema.get("allOf").and_then(Value::as_array).into_iter().flatten() {
        walk(part, defs, doc, pointer, path, out);
    }
    match doc {
        Value::Object(fields) => {
            if schema.get("additionalProperties") == Some(&Value::Bool(false)) {
                let variant = schema
                    .get("properties")
                    .and_then(Value::as_object)
                    .is_some_and(|p| p.len() == 1 && !p.contains_key("kind"))
                    && schema
                        .get("required")
                        .and_then(Value::as_array)
                        .is_some_and(|r| r.len() == 1);
                out.closed.push((pointer.to_owned(), path.to_owned(), variant));
            }
            for (key, value) in fields {
                if let Some(field) = schema.get("properties").and_then(|p| p.get(key)) {
                    walk(field, defs, value, &format!("{pointer}/{key}"), &join(path, key), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let item_schema = schema
                    .get("prefixItems")
                    .and_then(|p| p.get(i))
                    .or(schema.get("items"))
                    .filter(|s| s.is_object());
                if let Some(item_schema) = item_schema {
                    walk(
                        item_schema,
                        defs,
                        item,
                        &format!("{pointer}/{i}"),
                        &format!("{path}[{i}]"),
                        out,
                    );
                }
            }
        }
        _ => {}
    }
}

/// Reads a job's request from JSON text, as the command does.
fn read(job: &str, text: &str) -> overdue::Result<Value> {
    fn again<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(text: &str) -> overdue::Result<Value> {
        let value: T = from_json(text)?;
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(from_json::<T>(&json)?, value, "does not round-trip: {json}");
        Ok(serde_json::from_str(&json).unwrap())
    }
    match job {
        "schedule" => again::<overdue::ScheduleOptions>(text),
        "statement" => again::<overdue::jobs::StatementRequest>(text),
        "compare" => again::<overdue::Comparison>(text),
        "plan" => again::<overdue::Plan>(text),
        "sweep" => again::<overdue::plan::SweepRequest>(text),
        "cost" => again::<overdue::jobs::CostRequest>(text),
        "portfolio" => again::<overdue::jobs::PortfolioLoan>(text),
        "limits" => again::<overdue::limits::LimitsRequest>(text),
        "line" => again::<overdue::jobs::LineRequest>(text),
        "tranches" => again::<overdue::jobs::TranchesRequest>(text),
        "card" => again::<overdue::jobs::CardRequest>(text),
        "card-compare" => again::<overdue::compare::CardComparison>(text),
        other => panic!("no job {other}"),
    }
}

/// Every input type, found by walking the request schemas beside the example
/// files and the extra documents: each document round-trips, refuses an
/// unknown field in every one of its objects with that field's path, and
/// every struct and every variant of the request schemas is reached.
#[test]
fn every_input_type_round_trips_and_refuses_unknown_fields() {
    let schemas = schemas();
    let mut requests: Vec<(&str, Value)> = EXAMPLES
        .iter()
        .flat_map(|(file, job)| documents(file).into_iter().map(move |d| (*job, d)))
        .collect();
    requests.extend(extra_requests());
    let mut seen = BTreeSet::new();
    for (job, doc) in &requests {
        let schema = &schemas[job].request;
        assert_valid(schema, doc, &format!("a {job} request"));
        // what the crate writes back reads again as the same value
        let written = read(job, &doc.to_string()).unwrap_or_else(|e| panic!("{job}: {e}"));
        for doc in [doc, &written] {
            let mut found = Walk::default();
            walk(schema, &schema["$defs"], doc, "", "", &mut found);
            for (pointer, path, variant) in &found.closed {
                let mut bad = doc.clone();
                bad.pointer_mut(pointer).unwrap()["zz_unknown"] = json!(1);
                match read(job, &bad.to_string()) {
                    Err(overdue::Error::Json { path: at, .. }) if *variant => assert_eq!(&at, path, "{job} {pointer}"),
                    Err(overdue::Error::Json { path: at, message, .. }) => {
                        assert_eq!(at, join(path, "zz_unknown"), "{job} {pointer}: {message}");
                        assert!(
                            message.starts_with("unknown field `zz_unknown`"),
                            "{job} {pointer}: {message}"
                        );
                    }
                    other => panic!("{job} {pointer}: an unknown field was not refused: {other:?}"),
                }
            }
            seen.extend(found.seen);
        }
    }
    // every struct (an object with properties) and every variant with
    // fields of every request schema's definitions must have been reached
    let mut missing = Vec::new();
    for schema in schemas.values() {
        for (name, def) in schema.request["$defs"].as_object().unwrap() {
            if def.get("properties").is_some() && !seen.contains(name) {
                missing.push(name.clone());
            }
            // a variant with fields (a string variant is a value, not a type)
            for (i, branch) in def
                .get("oneOf")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                if branch.get("properties").is_some() && !seen.contains(&format!("{name}#{i}")) {
                    missing.push(format!("{name}#{i}"));
                }
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "no document reaches these types or variants: {missing:?}"
    );
}

#[test]
fn a_document_that_is_not_a_request_names_its_path() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/statement.json")).unwrap();
    let sorted: Value = serde_json::from_str(&text).unwrap(); // keys sorted: `kind` after `amount`
    let mut bad = sorted.clone();
    bad["ledger"]["events"][0]["amount"] = json!("-5");
    let err = from_json::<overdue::jobs::StatementRequest>(&bad.to_string()).unwrap_err();
    let overdue::Error::Json { path, message, .. } = err else {
        panic!()
    };
    assert_eq!(path, "ledger.events[0].amount");
    assert_eq!(message, "amount must not be negative, got -5");
}
