//! How many threads a batch of loans may run on: one rule for the command's
//! `--threads` and the Python package's `threads=`.

use crate::error::{Error, Result};

/// At most this many threads per core: more only adds memory and switching,
/// and a count far above it is a typo (`--threads 100000`), refused rather
/// than clamped so that the mistake is seen.
///
/// ```
/// assert_eq!(overdue::jobs::MAX_THREADS_PER_CORE, 8);
/// ```
pub const MAX_THREADS_PER_CORE: usize = 8;

/// The threads to run a batch on: `requested`, or every core when it is
/// `None`, on a machine with `cores` cores.
///
/// # Errors
/// [`Error::Invalid`] (field `threads`) for a count below 1;
/// [`Error::TooLarge`] (field `threads`) above [`MAX_THREADS_PER_CORE`]
/// times `cores`.
///
/// ```
/// use overdue::jobs::batch_threads;
/// use overdue::Error;
///
/// assert_eq!(batch_threads(None, 2)?, 2);
/// assert_eq!(batch_threads(Some(3), 2)?, 3);
/// assert!(matches!(batch_threads(Some(0), 2), Err(Error::Invalid { field: "threads", .. })));
/// assert!(matches!(batch_threads(Some(-1), 2), Err(Error::Invalid { field: "threads", .. })));
/// assert!(matches!(batch_threads(Some(100_000), 2), Err(Error::TooLarge { field: "threads", max: 16, .. })));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn batch_threads(requested: Option<i64>, cores: usize) -> Result<usize> {
    let cores = cores.max(1);
    let Some(requested) = requested else {
        return Ok(cores);
    };
    let max = cores.saturating_mul(MAX_THREADS_PER_CORE);
    match usize::try_from(requested) {
        Ok(n) if n >= 1 && n <= max => Ok(n),
        Ok(n) if n > max => Err(Error::TooLarge {
            field: "threads",
            value: u64::try_from(n).unwrap_or(u64::MAX),
            max: u64::try_from(max).unwrap_or(u64::MAX),
        }),
        _ => Err(Error::Invalid {
            field: "threads",
            reason: format!("must be at least 1 (leave it out for every core), got {requested}"),
        }),
    }
}
