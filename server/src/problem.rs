//! Errors as `application/problem+json` (RFC 9457), with the library's
//! stable error kind and the JSON path of the leaf that is wrong.

use std::any::Any;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The media type of every error answer.
pub(crate) const PROBLEM_JSON: &str = "application/problem+json";

/// An error answer, as RFC 9457 spells it: `type` (`urn:overdue:<kind>`),
/// `title`, `status`, `detail`, and two members of its own: `kind` (the
/// library's [`overdue::Error::kind`], or one of the service's own:
/// `malformed_json`, `malformed_query`, `malformed_body`, `body_too_large`,
/// `saturated`, `time_limit`, `unauthorized`, `not_found`, `internal`),
/// `path` (the JSON path of the leaf that is wrong, when the reader found
/// it) and `field` (the name of the field the library refused, when it
/// checked the value after reading it).
///
/// ```
/// use overdue_server::Problem;
/// let problem = Problem::of_library(&overdue::Error::Zero { field: "installments" });
/// assert_eq!(problem.status, 422);
/// assert_eq!(problem.kind, "zero");
/// assert_eq!(problem.kind_uri(), "urn:overdue:zero");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Problem {
    /// The HTTP status.
    pub status: u16,
    /// The stable kind of error.
    pub kind: &'static str,
    /// A short summary of the kind.
    pub title: &'static str,
    /// What was wrong with this request.
    pub detail: String,
    /// The JSON path of the field that is wrong (`.` for the whole
    /// document), where the reader found it.
    pub path: Option<String>,
    /// The name of the field the library refused, where it checked the
    /// value after reading it (`principal`, with no path to it).
    pub field: Option<&'static str>,
}

impl Problem {
    /// A problem of the service's own.
    pub(crate) fn new(status: StatusCode, kind: &'static str, detail: impl Into<String>) -> Problem {
        Problem {
            status: status.as_u16(),
            kind,
            title: status.canonical_reason().unwrap_or("Error"),
            detail: detail.into(),
            path: None,
            field: None,
        }
    }

    /// A request the library refused: 422, with its kind and, for a field
    /// that does not read, its path.
    ///
    /// ```
    /// let error = overdue::from_json::<overdue::ScheduleOptions>(r#"{"principal": true}"#).unwrap_err();
    /// let problem = overdue_server::Problem::of_library(&error);
    /// assert_eq!(problem.kind, "json");
    /// assert_eq!(problem.path.as_deref(), Some("principal"));
    ///
    /// let checked = overdue::Money::new(overdue::dec!(-1)).unwrap_err();
    /// assert_eq!(overdue_server::Problem::of_library(&checked).field, Some("amount"));
    /// ```
    pub fn of_library(error: &overdue::Error) -> Problem {
        use overdue::Error;
        let (path, field) = match error {
            Error::Json { path, .. } => (Some(path.clone()), None),
            Error::NonPositive { field, .. }
            | Error::Negative { field, .. }
            | Error::NotInMinorUnits { field, .. }
            | Error::Zero { field }
            | Error::TooLarge { field, .. }
            | Error::Invalid { field, .. }
            | Error::Parse { field, .. } => (None, Some(*field)),
            _ => (None, None),
        };
        Problem {
            path,
            field,
            ..Problem::new(StatusCode::UNPROCESSABLE_ENTITY, error.kind(), error.to_string())
        }
    }

    /// The problem at `path` (a query parameter, a form field).
    pub(crate) fn at(mut self, path: &str) -> Problem {
        self.path = Some(path.to_owned());
        self
    }

    /// The problem's `type`: `urn:overdue:<kind>`.
    ///
    /// ```
    /// let problem = overdue_server::Problem::of_library(&overdue::Error::Zero { field: "x" });
    /// assert!(problem.kind_uri().ends_with(":zero"));
    /// ```
    pub fn kind_uri(&self) -> String {
        format!("urn:overdue:{}", self.kind)
    }

    /// The problem as the JSON body of its answer.
    pub(crate) fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Body<'a> {
            #[serde(rename = "type")]
            kind_uri: String,
            #[serde(flatten)]
            problem: &'a Problem,
        }
        let body = Body {
            kind_uri: self.kind_uri(),
            problem: self,
        };
        serde_json::to_string(&body).unwrap_or_else(|_| {
            format!(
                "{{\"type\":\"urn:overdue:internal\",\"status\":{},\"kind\":\"internal\"}}",
                self.status
            )
        })
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, self.to_json()).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// What no route serves: 404.
pub(crate) async fn not_found(uri: axum::http::Uri) -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("nothing is served at {}", uri.path()),
    )
}

/// A panic in a handler, answered 500 (it is logged; the process keeps serving).
pub(crate) fn from_panic(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = panic_message(panic.as_ref());
    tracing::error!(panic = %message, "a request panicked");
    internal().into_response()
}

/// The message of a panic's payload.
pub(crate) fn panic_message(panic: &(dyn Any + Send)) -> String {
    if let Some(text) = panic.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = panic.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

/// The answer to a request that failed inside the service: 500, without
/// the internal detail (which is logged).
pub(crate) fn internal() -> Problem {
    Problem::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "the service failed on this request; it has been logged",
    )
}
