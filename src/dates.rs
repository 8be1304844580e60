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

/// Writes a date as chrono's `Display` does, for
/// `#[serde(serialize_with = "crate::dates::serialize")]` on the dates of a
/// result: years 0000 to 9999 from a stack buffer (chrono's own writer goes
/// through the formatter a character at a time), any other year by chrono.
pub(crate) fn serialize<S: serde::Serializer>(date: &NaiveDate, serializer: S) -> std::result::Result<S::Ok, S::Error> {
    match iso_text(date) {
        Some(text) => serializer.serialize_str(text.as_str()),
        None => serializer.collect_str(date),
    }
}

/// [`serialize`] for an optional date.
pub(crate) mod option {
    /// Writes `None` as `null`, a date as [`serialize`](super::serialize) does.
    pub(crate) fn serialize<S: serde::Serializer>(
        date: &Option<chrono::NaiveDate>,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        match date {
            Some(date) => super::serialize(date, serializer),
            None => serializer.serialize_none(),
        }
    }
}

/// A date of a year from 0000 to 9999 written `YYYY-MM-DD`, on the stack.
struct IsoText([u8; 10]);

impl IsoText {
    fn as_str(&self) -> &str {
        // only ASCII digits and dashes are written
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

fn iso_text(date: &NaiveDate) -> Option<IsoText> {
    use chrono::Datelike;
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (month, day) = (date.month(), date.day());
    Some(IsoText([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ]))
}

#[cfg(test)]
mod tests {
    use super::iso_text;
    use chrono::{Datelike, NaiveDate};
    use proptest::prelude::*;

    proptest! {
        /// A date is written exactly as chrono's `Display` writes it, in
        /// every year chrono holds (signed and five-digit years by chrono).
        #[test]
        fn a_date_is_written_as_display_writes_it(days in NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce(), near in 0i32..3_660_000) {
            for n in [days, near] {
                let Some(date) = NaiveDate::from_num_days_from_ce_opt(n) else { continue };
                let value = serde_json::to_value(super::Written(date)).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(value, serde_json::Value::String(date.to_string()));
                prop_assert_eq!(iso_text(&date).is_some(), (0..=9999).contains(&date.year()));
            }
        }
    }

    #[test]
    fn the_first_and_last_dates_of_chrono_are_written_as_display_writes_them() {
        for date in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(0, 1, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
        ] {
            assert_eq!(
                serde_json::to_value(super::Written(date)).ok(),
                Some(serde_json::Value::String(date.to_string()))
            );
        }
    }
}

#[cfg(test)]
#[derive(serde::Serialize)]
struct Written(#[serde(serialize_with = "serialize")] NaiveDate);
