//! The service's settings: limits, the token, CORS and what runs a job.

use std::time::Duration;

use axum::http::{HeaderValue, Method};
use overdue::jobs::JobOptions;
use tower_http::cors::CorsLayer;

/// What runs a job: its name, the request as JSON text and the options, to
/// the result as JSON text. [`overdue::jobs::run_json`] by default; an
/// embedding application may wrap it (to count, to cache).
pub type Runner = fn(&str, &str, &JobOptions) -> overdue::Result<String>;

/// The service's settings, each with a documented default.
///
/// | setting | default |
/// |---|---|
/// | body limit | 1 MiB (the portfolio streams: the limit is per line there) |
/// | requests in flight | 256; one more is answered 503 |
/// | time limit | 10 s a request (a portfolio: a batch of lines) |
/// | bearer token | none |
/// | CORS origins | none: no CORS headers |
///
/// ```
/// use std::time::Duration;
/// use overdue_server::Config;
/// let config = Config::new()
///     .with_body_limit(256 * 1024)
///     .with_max_in_flight(64)
///     .with_time_limit(Duration::from_secs(2))
///     .with_token("s3cret");
/// assert_eq!(config.body_limit(), 262_144);
/// assert_eq!(config.max_in_flight(), 64);
/// ```
#[derive(Clone)]
pub struct Config {
    body_limit: usize,
    max_in_flight: usize,
    time_limit: Duration,
    token: Option<String>,
    cors_origins: Vec<HeaderValue>,
    runner: Runner,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("body_limit", &self.body_limit)
            .field("max_in_flight", &self.max_in_flight)
            .field("time_limit", &self.time_limit)
            .field("token", &self.token.as_ref().map(|_| "<set>"))
            .field("cors_origins", &self.cors_origins)
            .finish_non_exhaustive()
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            body_limit: 1024 * 1024,
            max_in_flight: 256,
            time_limit: Duration::from_secs(10),
            token: None,
            cors_origins: Vec::new(),
            runner: overdue::jobs::run_json,
        }
    }
}

impl Config {
    /// The defaults (see the table above).
    ///
    /// ```
    /// assert_eq!(overdue_server::Config::new().body_limit(), 1024 * 1024);
    /// ```
    pub fn new() -> Config {
        Config::default()
    }

    /// The largest request body read, in bytes (for the portfolio: the
    /// longest line); a larger one is answered 413 (a longer portfolio line
    /// gives that line's error row).
    ///
    /// ```
    /// assert_eq!(overdue_server::Config::new().with_body_limit(10).body_limit(), 10);
    /// ```
    pub fn with_body_limit(mut self, bytes: usize) -> Config {
        self.body_limit = bytes;
        self
    }

    /// The body limit.
    ///
    /// ```
    /// assert_eq!(overdue_server::Config::new().body_limit(), 1_048_576);
    /// ```
    pub fn body_limit(&self) -> usize {
        self.body_limit
    }

    /// How many job requests may be in flight at once (at least 1); one
    /// more is answered 503 at once rather than queued.
    ///
    /// ```
    /// assert_eq!(overdue_server::Config::new().with_max_in_flight(0).max_in_flight(), 1);
    /// ```
    pub fn with_max_in_flight(mut self, requests: usize) -> Config {
        self.max_in_flight = requests.clamp(1, tokio::sync::Semaphore::MAX_PERMITS);
        self
    }

    /// The limit of requests in flight.
    ///
    /// ```
    /// assert_eq!(overdue_server::Config::new().max_in_flight(), 256);
    /// ```
    pub fn max_in_flight(&self) -> usize {
        self.max_in_flight
    }

    /// How long a request may compute before it is answered 503 (for the
    /// portfolio: each batch of lines).
    ///
    /// ```
    /// use std::time::Duration;
    /// let config = overdue_server::Config::new().with_time_limit(Duration::from_millis(500));
    /// assert_eq!(config.time_limit(), Duration::from_millis(500));
    /// ```
    pub fn with_time_limit(mut self, limit: Duration) -> Config {
        self.time_limit = limit;
        self
    }

    /// The time limit.
    ///
    /// ```
    /// assert_eq!(overdue_server::Config::new().time_limit().as_secs(), 10);
    /// ```
    pub fn time_limit(&self) -> Duration {
        self.time_limit
    }

    /// Asks every `/v1/` request for `Authorization: Bearer <token>`; the
    /// page, `/healthz` and `/openapi.json` stay open.
    ///
    /// ```
    /// assert!(overdue_server::Config::new().with_token("t").token().is_some());
    /// ```
    pub fn with_token(mut self, token: impl Into<String>) -> Config {
        self.token = Some(token.into());
        self
    }

    /// The bearer token, if one is asked for.
    ///
    /// ```
    /// assert_eq!(overdue_server::Config::new().token(), None);
    /// ```
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// Allows cross-origin requests from `origin` (such as
    /// `https://app.example.com`); without any, the service sends no CORS
    /// headers and a browser keeps other origins out.
    ///
    /// # Errors
    /// An origin that is not a valid header value, as [`overdue::Error::Invalid`].
    ///
    /// ```
    /// let config = overdue_server::Config::new().with_cors_origin("https://app.example.com")?;
    /// assert!(overdue_server::Config::new().with_cors_origin("bad\norigin").is_err());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_cors_origin(mut self, origin: &str) -> overdue::Result<Config> {
        let value = HeaderValue::from_str(origin).map_err(|e| overdue::Error::Invalid {
            field: "cors_origin",
            reason: e.to_string(),
        })?;
        self.cors_origins.push(value);
        Ok(self)
    }

    /// Runs jobs with `runner` instead of [`overdue::jobs::run_json`].
    ///
    /// ```
    /// use overdue::jobs::JobOptions;
    /// fn counted(job: &str, request: &str, options: &JobOptions) -> overdue::Result<String> {
    ///     // count, log or cache here
    ///     overdue::jobs::run_json(job, request, options)
    /// }
    /// let config = overdue_server::Config::new().with_runner(counted);
    /// # let _ = config;
    /// ```
    pub fn with_runner(mut self, runner: Runner) -> Config {
        self.runner = runner;
        self
    }

    /// What runs a job.
    pub(crate) fn runner(&self) -> Runner {
        self.runner
    }

    /// The CORS layer for the origins given, if any.
    pub(crate) fn cors_layer(&self) -> Option<CorsLayer> {
        if self.cors_origins.is_empty() {
            return None;
        }
        Some(
            CorsLayer::new()
                .allow_origin(self.cors_origins.clone())
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([axum::http::header::CONTENT_TYPE, axum::http::header::AUTHORIZATION]),
        )
    }
}
