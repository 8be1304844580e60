//! `POST /v1/<job>` and `GET /v1/schema/<job>`: a job's JSON in, its JSON
//! out, through the library's job table.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use overdue::jobs::JobOptions;
use serde::Deserialize;
use tokio::sync::OwnedSemaphorePermit;

use crate::problem::{internal, panic_message, Problem};
use crate::Shared;

/// The query a job may take: the date a portfolio is read on.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AsOf {
    pub(crate) as_of: Option<String>,
}

impl AsOf {
    /// The job options the query gives.
    pub(crate) fn options(&self) -> Result<JobOptions, Problem> {
        match &self.as_of {
            None => Ok(JobOptions::new()),
            Some(text) => overdue::jobs::parse_date(text)
                .map(|day| JobOptions::new().with_as_of(day))
                .map_err(|e| Problem::of_library(&e).at("as_of")),
        }
    }
}

/// Runs the job named in the path on the body.
pub(crate) async fn run(
    State(shared): State<Arc<Shared>>,
    Path(job): Path<String>,
    query: Result<Query<AsOf>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let query = match query {
        Ok(Query(query)) => query,
        Err(rejection) => return bad_query(&rejection).into_response(),
    };
    match answer(&shared, job, query, &headers, body).await {
        Ok(json) => {
            let mut response = (StatusCode::OK, json).into_response();
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            response
        }
        Err(problem) => problem.into_response(),
    }
}

async fn answer(shared: &Shared, job: String, query: AsOf, headers: &HeaderMap, body: Body) -> Result<String, Problem> {
    if job == "portfolio" || !shared.schemas.iter().any(|s| s.job == job) {
        return Err(unknown_job(shared, &job));
    }
    let options = query.options()?;
    let body = read_body(headers, body, shared.config.body_limit()).await?;
    let text = String::from_utf8(body).map_err(|e| {
        Problem::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            format!("the body is not UTF-8 text: {e}"),
        )
    })?;
    let permit = admit(shared)?;
    let runner = shared.config.runner();
    let work = tokio::task::spawn_blocking(move || {
        let _permit: OwnedSemaphorePermit = permit;
        runner(&job, &text, &options).map_err(|error| match error {
            // a document that is not JSON at all is malformed (400), told
            // apart only when the reader refused it, to keep the way of a
            // good request short
            overdue::Error::Json { .. } => well_formed(&text).err().unwrap_or_else(|| Problem::of_library(&error)),
            _ => Problem::of_library(&error),
        })
    });
    match tokio::time::timeout(shared.config.time_limit(), work).await {
        Err(_) => Err(time_limit(shared)),
        Ok(Err(join)) => {
            let message = join
                .try_into_panic()
                .map_or_else(|e| e.to_string(), |p| panic_message(p.as_ref()));
            tracing::error!(panic = %message, "a job panicked");
            Err(internal())
        }
        Ok(Ok(answer)) => answer,
    }
}

/// A job's request and result schemas: `{"job", "request", "result"}`.
pub(crate) async fn schema(State(shared): State<Arc<Shared>>, Path(job): Path<String>) -> Response {
    match shared.schemas.iter().find(|s| s.job == job) {
        Some(schema) => axum::Json(serde_json::json!({
            "job": schema.job,
            "request": schema.request,
            "result": schema.result,
        }))
        .into_response(),
        None => unknown_job(&shared, &job).into_response(),
    }
}

/// 404 for a name that is no job's.
fn unknown_job(shared: &Shared, job: &str) -> Problem {
    let names: Vec<&str> = shared.schemas.iter().map(|s| s.job).collect();
    Problem::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("no job is called {job:?}; the jobs are {}", names.join(", ")),
    )
    .at("job")
}

/// 400 for a query string that does not read.
pub(crate) fn bad_query(rejection: &QueryRejection) -> Problem {
    Problem::new(StatusCode::BAD_REQUEST, "malformed_query", rejection.body_text())
}

/// A permit for one request in flight, or 503 when there are as many as
/// the limit.
pub(crate) fn admit(shared: &Shared) -> Result<OwnedSemaphorePermit, Problem> {
    shared.in_flight.clone().try_acquire_owned().map_err(|_| {
        Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "saturated",
            format!(
                "{} requests are in flight, the most this instance takes; try again shortly",
                shared.config.max_in_flight()
            ),
        )
    })
}

/// 503 for a request that computed longer than the time limit.
pub(crate) fn time_limit(shared: &Shared) -> Problem {
    Problem::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "time_limit",
        format!(
            "the request computed for longer than the time limit ({} ms)",
            shared.config.time_limit().as_millis()
        ),
    )
}

/// 413 for a body longer than `limit`.
pub(crate) fn too_large(limit: usize) -> Problem {
    Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body_too_large",
        format!("the request body is longer than the limit of {limit} bytes"),
    )
}

/// The whole body, refused with 413 as soon as it passes `limit` bytes
/// (before reading it, when its declared length does).
async fn read_body(headers: &HeaderMap, body: Body, limit: usize) -> Result<Vec<u8>, Problem> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(too_large(limit));
    }
    let mut bytes = Vec::with_capacity(declared.map_or(0, |l| usize::try_from(l).unwrap_or(0)));
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| {
            Problem::new(
                StatusCode::BAD_REQUEST,
                "malformed_body",
                format!("the request body did not arrive: {e}"),
            )
        })?;
        if bytes.len() + chunk.len() > limit {
            return Err(too_large(limit));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// 400 when `text` is not JSON at all (a document that is JSON but not the
/// job's request is the library's to refuse, with 422).
fn well_formed(text: &str) -> Result<(), Problem> {
    let json = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<serde::de::IgnoredAny>(json)
        .map(|_| ())
        .map_err(|e| {
            Problem::new(
                StatusCode::BAD_REQUEST,
                "malformed_json",
                format!("the body is not JSON: {e}"),
            )
            .at(".")
        })
}
