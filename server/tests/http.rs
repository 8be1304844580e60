//! The service over real HTTP on 127.0.0.1: every job, every error status,
//! the limits, a panic, and shutting down with a request in flight.
#![expect(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test code: a failed expectation or an index out of range is a failed test; one runner panics on purpose"
)]

mod common;

use std::time::Duration;

use common::{example, request, Server};
use overdue::jobs::{run_json, JobOptions};
use overdue_server::Config;

/// The library's runner, except for two requests that tests send: one
/// that panics and one that takes 600 ms.
fn test_runner(job: &str, request: &str, options: &JobOptions) -> overdue::Result<String> {
    if request.contains("\"panic_here\"") {
        panic!("a panic the test asked for");
    }
    if request.contains("\"slow_here\"") {
        std::thread::sleep(Duration::from_millis(600));
        return Ok("{\"slept\":true}".into());
    }
    run_json(job, request, options)
}

fn problem_kind(answer: &common::Answer) -> String {
    assert_eq!(
        answer.header("content-type"),
        Some("application/problem+json"),
        "{answer:?}"
    );
    let body = answer.json();
    assert_eq!(body["status"], answer.status);
    assert_eq!(
        body["type"],
        format!("urn:overdue:{}", body["kind"].as_str().unwrap_or(""))
    );
    body["kind"].as_str().expect("a kind").to_owned()
}

#[test]
fn every_job_answers_exactly_what_the_library_computes() {
    let server = Server::start(Config::new());
    let sweep = format!(
        r#"{{"plan": {}, "budgets": {{"from": "1800", "to": "2400", "step": "300"}}}}"#,
        String::from_utf8(example("several_loans.json")).expect("text")
    );
    let requests: Vec<(&str, Vec<u8>)> = vec![
        ("schedule", example("schedule.json")),
        ("statement", example("statement.json")),
        ("compare", example("borrower.json")),
        ("plan", example("several_loans.json")),
        ("sweep", sweep.into_bytes()),
        ("cost", example("flows.json")),
        ("limits", example("limits.json")),
        ("line", example("line.json")),
        ("tranches", example("tranches.json")),
        ("card", example("card.json")),
        ("card-compare", example("card_compare.json")),
    ];
    for (job, body) in requests {
        let answer = server.post(&format!("/v1/{job}"), &body);
        assert_eq!(answer.status, 200, "{job}: {}", answer.text());
        assert_eq!(answer.header("content-type"), Some("application/json"));
        assert!(answer.header("x-request-id").is_some());
        let expected = run_json(job, std::str::from_utf8(&body).expect("text"), &JobOptions::new()).expect("runs");
        assert_eq!(answer.text(), expected, "{job}");
    }
}

#[test]
fn the_portfolio_streams_one_row_per_loan_in_order_with_error_rows() {
    let server = Server::start(Config::new().with_body_limit(64 * 1024));
    let mut body = example("portfolio.jsonl");
    body.extend_from_slice(b"\nnot json\n\n{\"id\": \"L-bad\", \"ledger\": 1}\n");
    body.extend_from_slice(&vec![b' '; 70 * 1024]);
    body.extend_from_slice(b"x\n");
    let as_of = overdue::NaiveDate::from_ymd_opt(2026, 6, 24).expect("a date");
    let answer = server.post("/v1/portfolio?as_of=2026-06-24", &body);
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.header("content-type"), Some("application/x-ndjson"));
    let rows: Vec<serde_json::Value> = answer
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON row"))
        .collect();
    let lines: Vec<&[u8]> = body.split(|&b| b == b'\n').collect();
    let mut expected = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if line.trim_ascii().is_empty() {
            continue;
        }
        let number = index as u64 + 1;
        let summary = if line.len() > 64 * 1024 {
            overdue::jobs::StatementSummary::of(
                &format!("line {number}"),
                Err(overdue::Error::TooLarge {
                    field: "line",
                    value: line.len() as u64,
                    max: 64 * 1024,
                }),
            )
        } else {
            overdue::jobs::StatementSummary::of_line(number, line, as_of)
        };
        expected.push(serde_json::to_value(summary).expect("a row"));
    }
    assert_eq!(rows, expected);
    assert!(rows.iter().filter(|r| !r["error"].is_null()).count() >= 3);
    // without a date: 422 at `as_of`
    let answer = server.post("/v1/portfolio", b"{}\n");
    assert_eq!(answer.status, 422);
    assert_eq!(answer.json()["path"], "as_of");
}

#[test]
fn malformed_json_is_400_and_a_refused_request_is_422_at_its_leaf() {
    let server = Server::start(Config::new());
    let answer = server.post("/v1/schedule", b"{\"principal\": ");
    assert_eq!(answer.status, 400);
    assert_eq!(problem_kind(&answer), "malformed_json");
    let answer = server.post("/v1/schedule", b"\xff\xfe");
    assert_eq!(answer.status, 400);
    let answer = server.post(
        "/v1/schedule",
        br#"{"principal": "1200", "rate": {"value": "0.1", "period": "fortnightly"}, "installments": 12, "disbursement": "2026-01-15"}"#,
    );
    assert_eq!(answer.status, 422);
    assert_eq!(problem_kind(&answer), "json");
    assert_eq!(answer.json()["path"], "rate.period");
    let answer = server.post(
        "/v1/schedule",
        br#"{"principal": "1200", "rate": {"value": "0", "period": "annual"}, "installments": 0, "disbursement": "2026-01-15"}"#,
    );
    assert_eq!(answer.status, 422, "{}", answer.text());
    let answer = server.post("/v1/no_such_job", b"{}");
    assert_eq!(answer.status, 404);
    assert_eq!(problem_kind(&answer), "not_found");
    let answer = server.post("/v1/schedule?as_of=2026-13-01", b"{}");
    assert_eq!(answer.status, 422);
    assert_eq!(answer.json()["path"], "as_of");
    let answer = server.post("/v1/schedule?colour=blue", b"{}");
    assert_eq!(answer.status, 400);
    assert_eq!(server.get("/nowhere").status, 404);
}

#[test]
fn a_body_over_the_limit_is_413_whether_its_length_is_declared_or_not() {
    let server = Server::start(Config::new().with_body_limit(1000));
    let big = vec![b' '; 5000];
    let answer = server.post("/v1/schedule", &big);
    assert_eq!(answer.status, 413);
    assert_eq!(problem_kind(&answer), "body_too_large");
    // chunked, no length given
    let mut chunked = format!("{:x}\r\n", big.len()).into_bytes();
    chunked.extend_from_slice(&big);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    let answer = server.post_with("/v1/schedule", &[("Transfer-Encoding", "chunked")], &chunked);
    assert_eq!(answer.status, 413);
}

#[test]
fn a_token_is_asked_for_on_jobs_only() {
    let server = Server::start(Config::new().with_token("s3cret"));
    let body = example("schedule.json");
    let answer = server.post("/v1/schedule", &body);
    assert_eq!(answer.status, 401);
    assert_eq!(answer.header("www-authenticate"), Some("Bearer"));
    assert_eq!(problem_kind(&answer), "unauthorized");
    let wrong = server.post_with("/v1/schedule", &[("Authorization", "Bearer s3creT")], &body);
    assert_eq!(wrong.status, 401);
    let right = server.post_with("/v1/schedule", &[("Authorization", "Bearer s3cret")], &body);
    assert_eq!(right.status, 200);
    assert_eq!(server.get("/healthz").status, 200);
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn requests_beyond_the_limit_in_flight_are_503_and_the_time_limit_is_503() {
    let server = Server::start(
        Config::new()
            .with_runner(test_runner)
            .with_max_in_flight(1)
            .with_time_limit(Duration::from_secs(5)),
    );
    let address = server.address;
    let slow = std::thread::spawn(move || request(address, "POST", "/v1/schedule", &[], b"{\"slow_here\": 1}"));
    std::thread::sleep(Duration::from_millis(200));
    let answer = server.post("/v1/schedule", &example("schedule.json"));
    assert_eq!(answer.status, 503);
    assert_eq!(problem_kind(&answer), "saturated");
    assert_eq!(slow.join().expect("answered").status, 200);
    assert_eq!(server.post("/v1/schedule", &example("schedule.json")).status, 200);
    drop(server);

    let server = Server::start(
        Config::new()
            .with_runner(test_runner)
            .with_time_limit(Duration::from_millis(100)),
    );
    let answer = server.post("/v1/schedule", b"{\"slow_here\": 1}");
    assert_eq!(answer.status, 503);
    assert_eq!(problem_kind(&answer), "time_limit");
}

#[test]
fn a_panic_is_answered_500_and_the_next_request_is_served() {
    let server = Server::start(Config::new().with_runner(test_runner));
    let answer = server.post("/v1/schedule", b"{\"panic_here\": 1}");
    assert_eq!(answer.status, 500);
    assert_eq!(problem_kind(&answer), "internal");
    assert!(
        !answer.text().contains("a panic the test asked for"),
        "no internals in the answer"
    );
    assert_eq!(server.post("/v1/schedule", &example("schedule.json")).status, 200);
}

#[test]
fn shutting_down_answers_the_request_in_flight_first() {
    let server = Server::start(Config::new().with_runner(test_runner));
    let address = server.address;
    let slow = std::thread::spawn(move || request(address, "POST", "/v1/schedule", &[], b"{\"slow_here\": 1}"));
    std::thread::sleep(Duration::from_millis(200));
    server.stop().expect("stops cleanly");
    let answer = slow.join().expect("answered");
    assert_eq!(answer.status, 200);
    assert_eq!(answer.text(), "{\"slept\":true}");
    assert!(std::net::TcpStream::connect(address).is_err(), "no longer listening");
}

#[test]
fn sigterm_stops_the_command_after_the_request_in_flight() {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_overdue-server"))
        .args(["serve", "--bind", "127.0.0.1:0", "--log", "off"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("prints its address");
    let address: std::net::SocketAddr = first
        .trim()
        .trim_start_matches("listening on http://")
        .parse()
        .expect("an address");
    // a sweep of the walk-through's loans over 60 budgets: long enough to be in flight
    let sweep = format!(
        r#"{{"plan": {}, "budgets": {{"from": "1000", "to": "6900", "step": "100"}}}}"#,
        String::from_utf8(example("several_loans.json")).expect("text")
    );
    let in_flight = std::thread::spawn(move || request(address, "POST", "/v1/sweep", &[], sweep.as_bytes()));
    std::thread::sleep(Duration::from_millis(150));
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let answer = in_flight.join().expect("answered");
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(answer.json()["points"].as_array().is_some_and(|p| p.len() == 60));
    let status = child.wait().expect("exits");
    assert!(status.success(), "{status:?}");
}

#[test]
fn the_schemas_and_the_openapi_document_are_the_librarys() {
    let server = Server::start(Config::new());
    for schema in overdue::jobs::json_schemas() {
        let answer = server.get(&format!("/v1/schema/{}", schema.job));
        assert_eq!(answer.status, 200);
        assert_eq!(answer.json()["request"], schema.request);
        assert_eq!(answer.json()["result"], schema.result);
    }
    assert_eq!(server.get("/v1/schema/nothing").status, 404);
    let answer = server.get("/openapi.json");
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json(), overdue_server::openapi());
    let page = server.get("/");
    assert!(page
        .header("content-security-policy")
        .is_some_and(|p| p.contains("default-src 'none'")));
    assert!(page.text().contains("page.js"));
}
