//! Calendar dates as every front door reads them: ISO 8601 `YYYY-MM-DD`,
//! four-digit years from 0001 to 9999, two-digit months and days.

use chrono::NaiveDate;

use crate::error::{Error, Result};

/// The first date the crate reads: 0001-01-01.
pub(crate) const FIRST: NaiveDate = match NaiveDate::from_ymd_opt(1, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The last date the crate reads or computes: 9999-12-31.
pub(crate) const LAST: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Whether `text` is a date written as the crate reads dates: `YYYY-MM-DD`
/// with a year from 0001 to 9999 and a day that exists.
#[cfg(feature = "json")]
pub(crate) fn is_strict(text: &str) -> bool {
    parse(text).is_some()
}

fn parse(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return None;
    }
    let number = |r: std::ops::Range<usize>| text.get(r).and_then(|s| s.parse::<u32>().ok());
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?).filter(|d| (FIRST..=LAST).contains(d))
}

/// Reads a date strictly: ISO 8601 `YYYY-MM-DD`, a four-digit year from
/// 0001 to 9999, a two-digit month and day, a day that exists. What the
/// command's `--as-of`, the Python package and every date in the JSON
/// formats accept; `2026-1-5`, `0000-01-01`, `-0001-01-01` and
/// `+10000-01-01` are refused (chrono's own reader takes them).
///
/// # Errors
/// [`Error::Parse`] with field `date`.
///
/// ```
/// use overdue::jobs::parse_date;
/// use overdue::NaiveDate;
///
/// assert_eq!(Some(parse_date("2026-01-05")?), NaiveDate::from_ymd_opt(2026, 1, 5));
/// for bad in ["2026-1-5", "0000-01-01", "-0001-01-01", "+10000-01-01", "2026-02-30", "2026-01-05T00:00"] {
///     assert!(parse_date(bad).is_err(), "{bad}");
/// }
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    parse(text).ok_or_else(|| Error::Parse {
        field: "date",
        value: text.to_owned(),
    })
}
