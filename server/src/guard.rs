//! What every request passes through: its request id, the bearer token (when
//! one is asked for) and one log line when it is answered.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::problem::Problem;
use crate::Shared;

/// The header that carries a request's id, in and out.
const REQUEST_ID: &str = "x-request-id";

/// Requests numbered in this process, for ids the client did not give.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Checks the token, runs the request and logs it with its id, job, status
/// and duration.
pub(crate) async fn guard(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = request_id(&request);
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let job = path.strip_prefix("/v1/").unwrap_or("").to_owned();
    let mut response = if job.is_empty() || authorised(&shared, &request) {
        next.run(request).await
    } else {
        Problem::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "this service asks for `Authorization: Bearer <token>`",
        )
        .into_response()
    };
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    let status = response.status().as_u16();
    let micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
    if response.status().is_server_error() {
        tracing::warn!(request_id = %id, %method, %path, job = %job, status, micros, "answered");
    } else {
        tracing::info!(request_id = %id, %method, %path, job = %job, status, micros, "answered");
    }
    response
}

/// The client's `x-request-id` when it is short printable ASCII, else one
/// numbered here.
fn request_id(request: &Request) -> String {
    request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_graphic()))
        .map_or_else(
            || format!("{:x}-{}", std::process::id(), NEXT_ID.fetch_add(1, Ordering::Relaxed)),
            str::to_owned,
        )
}

/// Whether the request carries the token, when one is asked for (compared
/// in time that does not depend on where they differ).
fn authorised(shared: &Shared, request: &Request) -> bool {
    let Some(token) = shared.config.token() else {
        return true;
    };
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    given.len() == token.len() && given.bytes().zip(token.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}
