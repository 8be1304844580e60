//! The reference cases of every job in `tests/vectors.json`, which the
//! Python package's tests read too, so the two cannot drift: each request
//! is run with `from_json`, and every expected value is found in the result.

use overdue::{
    from_json, jobs::CostRequest, jobs::StatementRequest, limits::LimitsRequest, Comparison, Plan, Schedule,
    ScheduleOptions,
};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn run<T: DeserializeOwned, R: Serialize>(request: &Value, job: impl Fn(T) -> overdue::Result<R>) -> Value {
    let request: T = from_json(&request.to_string()).unwrap();
    serde_json::to_value(job(request).unwrap()).unwrap()
}

/// The value at a path like `options[0].label` or `installments[11].due_date`.
fn at<'a>(mut value: &'a Value, path: &str) -> &'a Value {
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((key, rest)) => (key, Some(rest.trim_end_matches(']').parse::<usize>().unwrap())),
            None => (part, None),
        };
        value = &value[key];
        if let Some(i) = index {
            value = &value[i];
        }
    }
    value
}

#[test]
fn every_reference_vector_holds() {
    let file: Value = serde_json::from_str(include_str!("../vectors.json")).unwrap();
    let vectors = file["vectors"].as_array().unwrap();
    assert!(vectors.len() >= 8);
    for v in vectors {
        let request = &v["request"];
        let result = match v["job"].as_str().unwrap() {
            "schedule" => run(request, |o: ScheduleOptions| Schedule::build(&o)),
            "statement" => run(request, |r: StatementRequest| r.run()),
            "compare" => run(request, |c: Comparison| c.run()),
            "plan" => run(request, |p: Plan| p.compare()),
            "cost" => run(request, |r: CostRequest| r.run()),
            "limits" => run(request, |r: LimitsRequest| r.run()),
            other => panic!("no job {other}"),
        };
        for (key, expected) in v["expect"].as_object().unwrap() {
            let (path, places) = match key.split_once('~') {
                Some((path, places)) => (path, Some(places.parse::<u32>().unwrap())),
                None => (key.as_str(), None),
            };
            let found = at(&result, path);
            match places {
                Some(dp) => {
                    let found: Decimal = found.as_str().unwrap().parse().unwrap();
                    let expected: Decimal = expected.as_str().unwrap().parse().unwrap();
                    assert_eq!(found.round_dp(dp), expected.round_dp(dp), "{}: {key}", v["name"]);
                }
                None => assert_eq!(found, expected, "{}: {key}", v["name"]),
            }
        }
    }
}
