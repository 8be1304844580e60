//! The `overdue` library as an HTTP service, for back ends in any language,
//! and a page where a borrower sees their ways out.
//!
//! A thin layer: every job of the library's job table
//! ([`overdue::jobs::each_job`]) is `POST /v1/<job>` with exactly the JSON the
//! `overdue` command and the Python package read and write, and nothing is
//! computed here that the library does not compute.
//!
//! | endpoint | what it does |
//! |---|---|
//! | `POST /v1/<job>` | runs `schedule`, `statement`, `compare`, `plan`, `sweep`, `cost` or `limits` on a JSON request |
//! | `POST /v1/portfolio?as_of=DATE` | JSON Lines in, one summary line out per loan, streamed |
//! | `GET /v1/schema/<job>` | the job's request and result JSON Schemas |
//! | `GET /openapi.json` | an OpenAPI 3.1 document built from the same schemas |
//! | `GET /healthz` | `ok` while the process serves |
//! | `GET /` | the borrower page (Chinese and English) |
//!
//! Errors are `application/problem+json` ([RFC 9457]) with the library's
//! stable error kind and the JSON path of the leaf that is wrong. The guide
//! ([`guide`]) covers each endpoint, the limits and deployment.
//!
//! Serving on a port of your choice, and stopping when a future completes:
//!
//! ```no_run
//! use overdue_server::Config;
//! # async fn run() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! overdue_server::serve(listener, Config::new(), std::future::pending()).await
//! # }
//! ```
//!
//! Or embedding the routes in your own `axum` application:
//!
//! ```
//! let app: axum::Router = overdue_server::router(overdue_server::Config::new());
//! ```
//!
//! [RFC 9457]: https://www.rfc-editor.org/rfc/rfc9457

mod config;
mod guard;
mod jobs;
mod openapi;
mod page;
mod portfolio;
mod problem;

use std::future::Future;
use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;
use tokio::net::TcpListener;

pub use config::{Config, Runner};
pub use openapi::openapi;
pub use problem::Problem;

/// The guide to the service (`docs/service.md`): starting it, each
/// endpoint, the error format, the limits, deployment and a `curl` example
/// per job.
#[doc = include_str!("../../docs/service.md")]
pub mod guide {}

/// What every request shares: the configuration, the schemas and the
/// OpenAPI document (built once), and the count of requests in flight.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) config: Config,
    pub(crate) openapi: Vec<u8>,
    pub(crate) schemas: Vec<overdue::jobs::JobSchema>,
    pub(crate) in_flight: Arc<tokio::sync::Semaphore>,
}

/// The service's routes, with its limits, its token check and its request
/// log, ready to serve or to nest in another `axum` application.
///
/// ```
/// use overdue_server::{router, Config};
/// let app = router(Config::new().with_max_in_flight(64));
/// # let _: axum::Router = app;
/// ```
pub fn router(config: Config) -> Router {
    let shared = Arc::new(Shared {
        in_flight: Arc::new(tokio::sync::Semaphore::new(config.max_in_flight())),
        openapi: openapi::document_bytes(),
        schemas: overdue::jobs::json_schemas(),
        config,
    });
    let cors = shared.config.cors_layer();
    let routes = Router::new()
        .route("/", get(page::index))
        .route("/page.js", get(page::script))
        .route("/page.css", get(page::style))
        .route("/favicon.ico", get(|| async { axum::http::StatusCode::NO_CONTENT }))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/openapi.json", get(openapi::serve))
        .route("/v1/schema/{job}", get(jobs::schema))
        .route("/v1/portfolio", post(portfolio::run))
        .route("/v1/{job}", post(jobs::run))
        .fallback(problem::not_found)
        .layer(axum::middleware::from_fn_with_state(shared.clone(), guard::guard))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(problem::from_panic))
        .with_state(shared);
    match cors {
        Some(cors) => routes.layer(cors),
        None => routes,
    }
}

/// Serves [`router`]`(config)` on `listener` until `shutdown` completes,
/// then stops taking connections and returns once every request in flight
/// has been answered.
///
/// # Errors
/// What accepting connections on `listener` fails with.
///
/// ```no_run
/// # async fn run() -> std::io::Result<()> {
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
/// let stop = async { let _ = tokio::signal::ctrl_c().await; };
/// overdue_server::serve(listener, overdue_server::Config::new(), stop).await
/// # }
/// ```
pub async fn serve(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(config))
        .with_graceful_shutdown(shutdown)
        .await
}
