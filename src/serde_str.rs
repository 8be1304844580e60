//! `Decimal` as a JSON string, for `#[serde(with = "crate::serde_str")]` on our own fields,
//! and the one strict grammar every decimal text is read with.
//!
//! The grammar: an optional `-`, one or more ASCII digits, and optionally a
//! `.` followed by one or more ASCII digits (`-?[0-9]+(\.[0-9]+)?`). No
//! whitespace, sign `+`, exponent, digit separators, leading or trailing dot.
//! A value with more digits than `Decimal` can hold exactly is rejected, not rounded.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serializer};

/// Parses `text` by the strict grammar, exactly (no rounding).
pub(crate) fn parse(text: &str) -> Option<Decimal> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || !fraction.is_none_or(all_digits) {
        return None;
    }
    Decimal::from_str_exact(text).ok()
}

fn invalid<E: serde::de::Error>(text: &str) -> E {
    E::custom(format!(
        "invalid decimal {text:?}: expected digits with an optional '-' and '.' (like \"-1234.50\")"
    ))
}

pub(crate) fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
    parse(&text).ok_or_else(|| invalid(&text))
}

/// `Option<Decimal>` as an optional string.
pub(crate) mod option {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub(crate) fn serialize<S: Serializer>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.collect_str(v),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Decimal>, D::Error> {
        use serde::Deserialize;
        let text = Option::<std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.map(|t| super::parse(&t).ok_or_else(|| super::invalid(&t)))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn strict_grammar_accepts_plain_decimals_only() {
        for ok in ["0", "12", "-5", "0.5", "1234.50", "-0.001", "007"] {
            assert!(parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "", "-", "1_000", "+5", ".5", "5.", " 12 ", "1e3", "1.2.3", "NaN", "--1", "1,000", "0x10",
        ] {
            assert!(parse(bad).is_none(), "{bad}");
        }
        // more digits than a Decimal holds exactly: rejected, not rounded
        assert!(parse("0.12345678901234567890123456789").is_none());
    }
}
