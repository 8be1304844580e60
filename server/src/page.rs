//! `GET /`: the borrower page, served from the binary (no build step, no
//! external resources: it works offline). Its script builds the requests,
//! calls the service's own endpoints and renders every figure as text.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// The page's policy: its own script and style only, nothing from elsewhere.
const POLICY: &str =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; \
                      form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

fn asset(body: &'static str, kind: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(POLICY));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

/// The page.
pub(crate) async fn index() -> Response {
    asset(include_str!("../page/index.html"), "text/html; charset=utf-8")
}

/// Its script.
pub(crate) async fn script() -> Response {
    asset(include_str!("../page/page.js"), "text/javascript; charset=utf-8")
}

/// Its style.
pub(crate) async fn style() -> Response {
    asset(include_str!("../page/page.css"), "text/css; charset=utf-8")
}
