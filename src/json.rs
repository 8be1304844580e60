//! Reading a request from JSON, naming the field that is wrong.

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// Reads a `T` from JSON text, strictly: an unknown field, a missing field,
/// a wrong type, a value the type's constructor refuses, or anything after
/// the document is an [`Error::Json`] naming the path of the field that is
/// wrong (`ledger.events[0].amount`; a missing field's path ends with its
/// name) and the line and column where reading stopped. A leading UTF-8
/// byte-order mark is skipped (columns on the first line are counted after
/// it); a duplicate key is refused.
///
/// This is what the `overdue` command and the Python package read with; it
/// needs the `json` feature. `serde_json::from_str` reads the same documents
/// and refuses the same ones, with less exact paths.
///
/// ```
/// use overdue::{from_json, Error, Ledger};
///
/// let err = from_json::<Ledger>(r#"{"schedule": {"options": {"principal": "-5"}}}"#).unwrap_err();
/// let Error::Json { path, message, .. } = &err else { panic!("{err}") };
/// assert_eq!(path, "schedule.options.principal");
/// assert_eq!(message, "amount must not be negative, got -5");
///
/// let err = from_json::<Ledger>(r#"{"events": []}"#).unwrap_err();
/// assert_eq!(err.to_string(), "schedule: missing field `schedule` (line 1, column 14)");
///
/// // a byte-order mark is skipped; the same key twice is refused
/// let options = "\u{feff}{\"principal\": \"1200\", \"rate\": {\"value\": \"0.12\", \"period\": \"annual\"}, \"installments\": 3, \"disbursement\": \"2026-01-15\"}";
/// assert!(from_json::<overdue::ScheduleOptions>(options).is_ok());
/// let twice = r#"{"principal": "1200", "principal": "1", "rate": {"value": "0.12", "period": "annual"}, "installments": 3, "disbursement": "2026-01-15"}"#;
/// assert!(from_json::<overdue::ScheduleOptions>(twice).unwrap_err().to_string().contains("duplicate field `principal`"));
/// ```
///
///# Errors
///[`Error::Json`], as above.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T> {
    // a UTF-8 byte-order mark, as some editors write, is not part of the document
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // the plain reader first (faster); the path-naming one only for a document it refuses
    if let Ok(value) = serde_json::from_str::<T>(text) {
        return match loose_date::<T>(text) {
            Some(error) => Err(error),
            None => Ok(value),
        };
    }
    read::<T>(text).map_err(|first| match (&first, kind_first(text)) {
        // the same document with every `kind` first: the same error, with
        // the path into a tagged variant that a later `kind` hides
        (Error::Json { line, column, .. }, Some(normalised)) => match read::<T>(&normalised) {
            Err(Error::Json { path, message, .. }) => Error::Json {
                path,
                message,
                line: *line,
                column: *column,
            },
            _ => first,
        },
        _ => first,
    })
}

/// The first date of `text` written otherwise than the crate reads dates
/// (`2026-1-5`, `0000-01-01`; see [`parse_date`](crate::jobs::parse_date)),
/// as an error at its path; chrono's own reader, which serde uses, takes
/// them. A string is a date when the document no longer reads with it
/// blanked out (nothing else changed): an id such as `2026-1-5` is not one.
fn loose_date<T: DeserializeOwned>(text: &str) -> Option<Error> {
    for (start, end) in strings(text) {
        let Some(content) = text.get(start + 1..end - 1) else {
            continue;
        };
        if crate::dates::is_strict(content) || !may_be_date(content) || content.parse::<chrono::NaiveDate>().is_err() {
            continue;
        }
        // the same document with this string blanked (same length: positions are kept)
        let blank = format!(
            "{}\"{}\"{}",
            text.get(..start)?,
            "x".repeat(end - start - 2),
            text.get(end..)?
        );
        // the document read with it: any error now is this string's, which was read as a date
        if let Err(Error::Json { path, .. }) = read::<T>(&blank) {
            let (line, column) = position(text, end);
            // a tagged variant's error stops at the variant: name the key too
            let path = match key_before(text, start) {
                Some(key) if !path.ends_with(&format!(".{key}")) && path != key => match path.as_str() {
                    "." => key.to_owned(),
                    _ => format!("{path}.{key}"),
                },
                _ => path,
            };
            return Some(Error::Json {
                path,
                message: format!("{DATE_RULE}: got {content:?}"),
                line,
                column,
            });
        }
    }
    None
}

/// Whether chrono's reader could take `content` as a date: after leading
/// whitespace (which it skips) a digit or a sign, and a `-` somewhere (the
/// separator it requires). Most strings (ids, kinds, amounts) fail this at
/// once, before the slower reader is tried.
fn may_be_date(content: &str) -> bool {
    let trimmed = content.trim_start();
    trimmed.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-') && trimmed.contains('-')
}

/// The byte ranges of the strings of a JSON text, quotes included.
fn strings(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes.get(at..)?.iter().position(|&b| b == b'"')?;
        let mut k = start + 1;
        loop {
            match bytes.get(k)? {
                b'\\' => k += 2,
                b'"' => break,
                _ => k += 1,
            }
        }
        at = k + 1;
        Some((start, k + 1))
    })
}

/// The key a value at byte `start` is written under, when it is an object's
/// member (`"date": "2026-1-5"`) and the key has no escapes.
fn key_before(text: &str, start: usize) -> Option<&str> {
    let before = text
        .get(..start)?
        .trim_end()
        .strip_suffix(':')?
        .trim_end()
        .strip_suffix('"')?;
    let open = before.rfind('"')?;
    let key = before.get(open + 1..)?;
    (!key.contains('\\')).then_some(key)
}

/// The 1-based line and column (in bytes, as serde_json counts) of byte `at`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |n| n + 1);
    (line, column)
}

fn read<T: DeserializeOwned>(text: &str) -> Result<T> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let path = e.path().to_string();
        named_date(json_error(path, e.into_inner()), text)
    })?;
    reader.end().map_err(|e| json_error(".".to_owned(), e))?;
    Ok(value)
}

/// How every date is written, for the messages that refuse one.
const DATE_RULE: &str = "dates are written YYYY-MM-DD, with a day that exists and a year from 0001 to 9999";

/// chrono's reasons a date string does not read (`input is out of range`
/// for 2026-02-30).
const DATE_REASONS: [&str; 4] = [
    "input is out of range",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
];

/// A date that chrono refused, named: `"2026-02-30" is not a date` rather
/// than `input is out of range`.
fn named_date(error: Error, text: &str) -> Error {
    match error {
        Error::Json {
            path,
            message,
            line,
            column,
        } if DATE_REASONS.contains(&message.as_str()) => {
            let message = match string_ending_at(text, line, column) {
                Some(value) => format!("{value:?} is not a date: {DATE_RULE}"),
                None => format!("{message}: {DATE_RULE}"),
            };
            Error::Json {
                path,
                message,
                line,
                column,
            }
        }
        other => other,
    }
}

/// The string literal (without its quotes) that ends just before the
/// 1-based `line` and `column` where serde_json stopped after reading it.
fn string_ending_at(text: &str, line: usize, column: usize) -> Option<&str> {
    let line_text = text.split('\n').nth(line.checked_sub(1)?)?;
    let before = line_text.get(..column.min(line_text.len()))?.trim_end();
    let body = before.strip_suffix('"')?;
    let open = body.rfind('"')?;
    body.get(open + 1..)
}

/// `text` written again with `kind` first in every object, when it is JSON
/// and has an object whose `kind` is not first.
fn kind_first(text: &str) -> Option<String> {
    fn write(value: &serde_json::Value, out: &mut String) {
        use serde_json::Value;
        match value {
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(item, out);
                }
                out.push(']');
            }
            Value::Object(fields) => {
                out.push('{');
                let kind = fields.iter().filter(|(k, _)| *k == "kind");
                let rest = fields.iter().filter(|(k, _)| *k != "kind");
                for (i, (key, item)) in kind.chain(rest).enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::String(key.clone()).to_string());
                    out.push(':');
                    write(item, out);
                }
                out.push('}');
            }
            scalar => out.push_str(&scalar.to_string()),
        }
    }
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let mut out = String::with_capacity(text.len());
    write(&value, &mut out);
    Some(out)
}

/// The crate's error for a JSON error found at `path`.
fn json_error(path: String, error: serde_json::Error) -> Error {
    let (line, column) = (error.line(), error.column());
    // a document that ends before a key was read: serde_path_to_error names
    // the key it did not get `?`; the path is the object it ended in
    let path = match path.strip_suffix(".?") {
        Some(object) => object.to_owned(),
        None if path == "?" => ".".to_owned(),
        None => path,
    };
    let full = error.to_string();
    let message = full
        .strip_suffix(&format!(" at line {line} column {column}"))
        .unwrap_or(&full)
        .to_owned();
    // serde reports a missing or a duplicate field at the object that holds
    // it (name the field itself), and an unknown field of an adjacently tagged enum
    // (`{"kind", "value"}`) as an invalid value (say what it is)
    let missing = message
        .strip_prefix("missing field `")
        .or_else(|| message.strip_prefix("duplicate field `"))
        .and_then(|rest| rest.strip_suffix('`'));
    let unknown = message
        .strip_prefix("invalid value: string \"")
        .and_then(|rest| rest.split_once("\", expected \"kind\" or \""))
        .map(|(field, content)| (field.to_owned(), content.trim_end_matches('"').to_owned()));
    let field_path = |field: &str| match path.as_str() {
        "." => field.to_owned(),
        _ => format!("{path}.{field}"),
    };
    // a check run once a whole value was read names the leaf inside it: `(at events[3].id) ...`
    let within = message
        .strip_prefix(crate::error::WITHIN_MARK)
        .and_then(|rest| rest.split_once(") "))
        .map(|(inner, rest)| (inner.to_owned(), rest.to_owned()));
    let (path, message) = match (missing, unknown, within) {
        (Some(field), _, _) => (field_path(field), message.clone()),
        (None, Some((field, content)), _) => (path, format!("unknown field `{field}`, expected `kind` or `{content}`")),
        (None, None, Some((inner, rest))) if inner.starts_with('[') && path != "." => (format!("{path}{inner}"), rest),
        (None, None, Some((inner, rest))) => (field_path(&inner), rest),
        (None, None, None) => (path, message),
    };
    let message = match message.starts_with("EOF while parsing") {
        true => format!("the document ends before it is complete ({message})"),
        false => message,
    };
    Error::Json {
        path,
        message,
        line,
        column,
    }
}

#[cfg(test)]
mod tests {
    use super::may_be_date;
    use proptest::prelude::*;

    proptest! {
        /// The quick test before chrono's reader never turns away a text the
        /// reader takes as a date: loose spellings (unpadded, signed, with
        /// leading whitespace) and arbitrary text alike.
        #[test]
        fn every_text_chrono_reads_as_a_date_passes_the_quick_test(
            pad in "[ \t\u{a0}\u{2003}]{0,2}", sign in "[+-]?", year in 0i32..100_000,
            month in 0u32..14, day in 0u32..33, tail in "[ 0-9-]{0,2}", noise in "\\PC{0,12}",
        ) {
            for text in [format!("{pad}{sign}{year}-{month}-{day}{tail}"), format!("{pad}{sign}{year:04}-{month:02}-{day:02}"), noise] {
                if text.parse::<chrono::NaiveDate>().is_ok() {
                    prop_assert!(may_be_date(&text), "{:?}", text);
                }
            }
        }
    }
}
