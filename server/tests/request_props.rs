//! Arbitrary request bodies, paths and queries never crash the service:
//! every answer is a job's JSON (200) or a problem+json with a kind, and
//! the service answers the next request. In process, through the router
//! (no sockets), so many cases run; `PROPTEST_CASES` sets how many.
#![expect(clippy::expect_used, reason = "test code: a failed expectation is a failed test")]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use proptest::prelude::*;
use tower::ServiceExt;

/// Every job's path, the schema path of one, and a name that is no job's.
fn paths() -> Vec<String> {
    let mut paths: Vec<String> = overdue::jobs::json_schemas().iter().map(|s| s.job.to_owned()).collect();
    paths.extend(["nothing".to_owned(), "schema/compare".to_owned()]);
    paths
}

fn examples() -> Vec<String> {
    [
        "schedule.json",
        "statement.json",
        "borrower.json",
        "flows.json",
        "limits.json",
        "portfolio.jsonl",
    ]
    .iter()
    .map(|name| {
        std::fs::read_to_string(format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR")))
            .expect("the example exists")
    })
    .collect()
}

/// A body: bytes of any kind, or an example with a stretch replaced.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let texts = examples();
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300),
        "\\PC{0,200}".prop_map(String::into_bytes),
        (0..texts.len(), any::<prop::sample::Index>(), 0usize..40, "\\PC{0,12}").prop_map(move |(i, at, cut, with)| {
            let text = texts.get(i).cloned().unwrap_or_default();
            let start = at.index(text.len().max(1)).min(text.len());
            let end = (start + cut).min(text.len());
            let mut bytes = text.into_bytes();
            bytes.splice(start..end, with.into_bytes());
            bytes
        }),
    ]
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

proptest! {
    #[test]
    fn any_request_gets_a_json_answer_or_a_problem_and_the_service_goes_on(
        job in prop::sample::select(paths()),
        body in body(),
        query in prop::option::of("[a-z_=0-9&%-]{0,20}"),
        limit in prop::option::of(16usize..4096),
    ) {
        let config = limit.map_or_else(overdue_server::Config::new, |l| overdue_server::Config::new().with_body_limit(l));
        let app = overdue_server::router(config);
        let uri = match &query {
            Some(q) => format!("/v1/{job}?{q}"),
            None => format!("/v1/{job}?as_of=2026-06-24"),
        };
        let method = if job.starts_with("schema") { "GET" } else { "POST" };
        let request = Request::builder().method(method).uri(uri).body(Body::from(body)).expect("a request");
        let (status, kind, bytes) = runtime().block_on(async {
            let response = app.clone().oneshot(request).await.expect("the router answers");
            let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
            let status = response.status();
            let bytes = response.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
            (status, kind, bytes)
        });
        prop_assert_ne!(status, StatusCode::INTERNAL_SERVER_ERROR);
        if status.is_success() {
            // a job's JSON, or the portfolio's rows, each JSON
            for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                prop_assert!(serde_json::from_slice::<serde_json::Value>(line).is_ok(), "{:?}", String::from_utf8_lossy(line));
            }
        } else {
            prop_assert_eq!(kind, "application/problem+json");
            let problem: serde_json::Value = serde_json::from_slice(&bytes).expect("a problem is JSON");
            prop_assert_eq!(problem["status"].as_u64(), Some(u64::from(status.as_u16())));
            prop_assert!(problem["kind"].as_str().is_some_and(|k| !k.is_empty()));
            prop_assert!([400, 404, 413, 422].contains(&status.as_u16()), "{status}");
        }
        // and the next request is served
        let next = Request::builder().method("GET").uri("/healthz").body(Body::empty()).expect("a request");
        let health = runtime().block_on(app.oneshot(next)).expect("answers");
        prop_assert_eq!(health.status(), StatusCode::OK);
    }
}
