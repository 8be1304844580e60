//! Reading a request from JSON, naming the field that is wrong.

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// Reads a `T` from JSON text, strictly: an unknown field, a missing field,
/// a wrong type, a value the type's constructor refuses, or anything after
/// the document is an [`Error::Json`] naming the path of the field that is
/// wrong (`ledger.events[0].amount`; a missing field's path ends with its
/// name) and the line and column where reading stopped.
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
/// ```
///
///# Errors
///[`Error::Json`], as above.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T> {
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

fn read<T: DeserializeOwned>(text: &str) -> Result<T> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let path = e.path().to_string();
        json_error(path, e.into_inner())
    })?;
    reader.end().map_err(|e| json_error(".".to_owned(), e))?;
    Ok(value)
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
    let full = error.to_string();
    let message = full
        .strip_suffix(&format!(" at line {line} column {column}"))
        .unwrap_or(&full)
        .to_owned();
    // serde reports a missing field at the object that lacks it (name the
    // field itself), and an unknown field of an adjacently tagged enum
    // (`{"kind", "value"}`) as an invalid value (say what it is)
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'));
    let unknown = message
        .strip_prefix("invalid value: string \"")
        .and_then(|rest| rest.split_once("\", expected \"kind\" or \""))
        .map(|(field, content)| (field.to_owned(), content.trim_end_matches('"').to_owned()));
    let field_path = |field: &str| match path.as_str() {
        "." => field.to_owned(),
        _ => format!("{path}.{field}"),
    };
    let (path, message) = match (missing, unknown) {
        (Some(field), _) => (field_path(field), message.clone()),
        (None, Some((field, content))) => (path, format!("unknown field `{field}`, expected `kind` or `{content}`")),
        (None, None) => (path, message),
    };
    Error::Json {
        path,
        message,
        line,
        column,
    }
}
