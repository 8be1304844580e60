//! How a portfolio run reads, computes and writes, and when it stops.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use overdue::NaiveDate;

use super::{Format, DEFAULT_MAX_LINE_BYTES};
#[cfg(doc)]
use crate::Failure;

/// How a run reads, computes and writes.
///
/// ```
/// use overdue::NaiveDate;
/// use overdue_cli::portfolio::{Format, Settings};
///
/// let settings = Settings::new(NaiveDate::from_ymd_opt(2026, 6, 24).unwrap())
///     .with_format(Format::Csv)
///     .with_threads(2)
///     .with_max_line_bytes(1 << 20);
/// assert_eq!(settings.threads(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct Settings {
    pub(super) as_of: NaiveDate,
    pub(super) format: Format,
    pub(super) threads: usize,
    pub(super) max_line_bytes: usize,
    stop: Option<Arc<AtomicUsize>>,
}

impl Settings {
    /// Statements on `as_of`, as JSON Lines, on one thread, lines up to
    /// [`DEFAULT_MAX_LINE_BYTES`].
    ///
    /// ```
    /// # use overdue_cli::portfolio::Settings;
    /// let settings = Settings::new(overdue::NaiveDate::from_ymd_opt(2026, 6, 24).unwrap());
    /// assert_eq!(settings.threads(), 1);
    /// ```
    pub fn new(as_of: NaiveDate) -> Settings {
        Settings {
            as_of,
            format: Format::Jsonl,
            threads: 1,
            max_line_bytes: DEFAULT_MAX_LINE_BYTES,
            stop: None,
        }
    }

    /// The output format.
    ///
    /// ```
    /// # use overdue_cli::portfolio::{Format, Settings};
    /// let settings = Settings::new(overdue::NaiveDate::from_ymd_opt(2026, 6, 24).unwrap()).with_format(Format::Csv);
    /// assert_eq!(settings.format(), Format::Csv);
    /// ```
    pub fn with_format(mut self, format: Format) -> Settings {
        self.format = format;
        self
    }

    /// The threads to compute on (at least 1).
    ///
    /// ```
    /// # use overdue_cli::portfolio::Settings;
    /// let settings = Settings::new(overdue::NaiveDate::from_ymd_opt(2026, 6, 24).unwrap()).with_threads(0);
    /// assert_eq!(settings.threads(), 1);
    /// ```
    pub fn with_threads(mut self, threads: usize) -> Settings {
        self.threads = threads.max(1);
        self
    }

    /// The longest line read; a longer one gives an error row.
    ///
    /// ```
    /// # use overdue_cli::portfolio::Settings;
    /// let settings = Settings::new(overdue::NaiveDate::from_ymd_opt(2026, 6, 24).unwrap()).with_max_line_bytes(64);
    /// assert_eq!(settings.max_line_bytes(), 64);
    /// ```
    pub fn with_max_line_bytes(mut self, bytes: usize) -> Settings {
        self.max_line_bytes = bytes;
        self
    }

    /// Stops reading once `stop` holds a signal's number (not 0): the run
    /// then ends with [`Failure::Interrupted`] after writing the batches in
    /// flight.
    ///
    /// ```
    /// use std::sync::{atomic::AtomicUsize, Arc};
    /// use overdue_cli::portfolio::{run, Settings};
    /// use overdue_cli::Failure;
    ///
    /// let stop = Arc::new(AtomicUsize::new(15));
    /// let settings = Settings::new(overdue::NaiveDate::from_ymd_opt(2026, 6, 24).unwrap()).with_stop(stop);
    /// let loans = "{}\n".repeat(1000);
    /// let failure = run(loans.as_bytes(), &mut Vec::new(), &settings, |_, _| {}).unwrap_err();
    /// assert!(matches!(failure, Failure::Interrupted { signal: 15, written: 0 }));
    /// ```
    pub fn with_stop(mut self, stop: Arc<AtomicUsize>) -> Settings {
        self.stop = Some(stop);
        self
    }

    /// The output format.
    ///
    /// ```
    /// # use overdue_cli::portfolio::{Format, Settings};
    /// assert_eq!(Settings::new(overdue::NaiveDate::from_ymd_opt(2026, 6, 24).unwrap()).format(), Format::Jsonl);
    /// ```
    pub fn format(&self) -> Format {
        self.format
    }

    /// The threads to compute on.
    ///
    /// ```
    /// # use overdue_cli::portfolio::Settings;
    /// assert_eq!(Settings::new(overdue::NaiveDate::from_ymd_opt(2026, 6, 24).unwrap()).with_threads(4).threads(), 4);
    /// ```
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// The longest line read.
    ///
    /// ```
    /// # use overdue_cli::portfolio::{Settings, DEFAULT_MAX_LINE_BYTES};
    /// assert_eq!(Settings::new(overdue::NaiveDate::from_ymd_opt(2026, 6, 24).unwrap()).max_line_bytes(), DEFAULT_MAX_LINE_BYTES);
    /// ```
    pub fn max_line_bytes(&self) -> usize {
        self.max_line_bytes
    }

    /// The signal that stopped the run, if one did.
    pub(super) fn stopped(&self) -> Option<i32> {
        self.stop
            .as_ref()
            .map(|s| s.load(Ordering::SeqCst))
            .filter(|&signal| signal != 0)
            .and_then(|signal| i32::try_from(signal).ok())
    }
}
