//! `Decimal` as a JSON string, for `#[serde(with = "crate::serde_str")]` on our own fields,
//! and the one strict grammar every decimal text is read with.
//!
//! One rule for every front door: a decimal is read from a string in the
//! grammar below or from a JSON integer (exact either way); a JSON number
//! with a fraction or an exponent (`1200.5`, `1e3`) is refused, because a
//! reader may already have rounded it through binary floating point, with a
//! message that says to write it as a string. A decimal is always written
//! as a string.
//!
//! The grammar: an optional `-`, one or more ASCII digits, and optionally a
//! `.` followed by one or more ASCII digits (`-?[0-9]+(\.[0-9]+)?`). No
//! whitespace, sign `+`, exponent, digit separators, leading or trailing dot.
//! A value with more digits than `Decimal` can hold exactly is rejected, not rounded.

use rust_decimal::Decimal;
use serde::{Deserializer, Serializer};

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
    serializer.serialize_str(DecimalText::new(value).as_str())
}

/// A decimal written out as `Display` writes it (the sign, the digits, the
/// point where its scale puts it, trailing zeros kept), on the stack: what
/// every amount of a JSON answer is written with, without the formatter's
/// machinery.
pub(crate) struct DecimalText {
    bytes: [u8; 40],
    len: usize,
}

impl DecimalText {
    /// The text of `value`.
    #[inline]
    pub(crate) fn new(value: &Decimal) -> DecimalText {
        let mut digits = [0u8; 29];
        let mut count = 0;
        let mut push = |digit: u8, count: &mut usize| {
            if let Some(slot) = digits.get_mut(*count) {
                *slot = b'0' + digit;
                *count += 1;
            }
        };
        let mantissa = value.mantissa().unsigned_abs();
        match u64::try_from(mantissa) {
            Ok(mut small) => loop {
                push((small % 10) as u8, &mut count);
                small /= 10;
                if small == 0 {
                    break;
                }
            },
            Err(_) => {
                let mut large = mantissa;
                loop {
                    push((large % 10) as u8, &mut count);
                    large /= 10;
                    if large == 0 {
                        break;
                    }
                }
            }
        }
        let scale = value.scale() as usize;
        let mut text = DecimalText { bytes: [0; 40], len: 0 };
        if value.is_sign_negative() {
            text.push(b'-');
        }
        // the digits were pushed least significant first
        let digit = |i: usize| digits.get(count - 1 - i).copied().unwrap_or(b'0');
        if count > scale {
            for i in 0..count - scale {
                text.push(digit(i));
            }
            if scale > 0 {
                text.push(b'.');
                for i in count - scale..count {
                    text.push(digit(i));
                }
            }
        } else {
            text.push(b'0');
            text.push(b'.');
            for _ in count..scale {
                text.push(b'0');
            }
            for i in 0..count {
                text.push(digit(i));
            }
        }
        text
    }

    #[inline]
    fn push(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        }
    }

    /// The text.
    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(DecimalVisitor)
}

/// A decimal from a string in the strict grammar or from a JSON integer.
struct DecimalVisitor;

impl serde::de::Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a decimal as a string (like \"-1234.50\") or an integer")
    }
    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Decimal, E> {
        parse(text).ok_or_else(|| invalid(text))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }
    fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Decimal, E> {
        Decimal::try_from_i128_with_scale(i128::try_from(v).map_err(|_| too_large(v))?, 0).map_err(|_| too_large(v))
    }
    fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Decimal, E> {
        Decimal::try_from_i128_with_scale(v, 0).map_err(|_| too_large(v))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
        Err(not_exact(v))
    }
}

fn too_large<E: serde::de::Error>(v: impl std::fmt::Display) -> E {
    E::custom(format!("the integer {v} has more digits than an exact decimal holds"))
}

/// A JSON number with a fraction or an exponent: refused, with what to write instead.
fn not_exact<E: serde::de::Error>(v: f64) -> E {
    let shown = v.to_string();
    let hint = if parse(&shown).is_some() {
        shown.as_str()
    } else {
        "1200.50"
    };
    E::custom(format!(
        "a JSON number with a fraction or an exponent, or an integer beyond 64 bits ({v}), may already be rounded: amounts and rates are exact decimals, write it as a string: \"{hint}\""
    ))
}

/// `Option<Decimal>` as an optional string.
pub(crate) mod option {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub(crate) fn serialize<S: Serializer>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => super::serialize(v, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Decimal>, D::Error> {
        deserializer.deserialize_option(Optional)
    }

    /// `null`, or a decimal as [`super::deserialize`] reads one.
    struct Optional;

    impl<'de> serde::de::Visitor<'de> for Optional {
        type Value = Option<Decimal>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a decimal as a string (like \"-1234.50\"), an integer, or null")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Option<Decimal>, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Option<Decimal>, E> {
            Ok(None)
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Option<Decimal>, D::Error> {
            super::deserialize(deserializer).map(Some)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{parse, DecimalText};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    proptest! {
        /// Every decimal is written exactly as `Display` writes it: sign
        /// (negative zero included), digits, point, trailing zeros.
        #[test]
        fn a_decimal_is_written_as_display_writes_it(
            lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(),
            negative in any::<bool>(), scale in 0u32..=28, small in any::<bool>(),
        ) {
            let value = if small {
                Decimal::from_parts(lo % 100_000, 0, 0, negative, scale)
            } else {
                Decimal::from_parts(lo, mid, hi, negative, scale)
            };
            let text = DecimalText::new(&value);
            prop_assert_eq!(text.as_str(), value.to_string());
        }
    }

    #[test]
    fn the_extremes_of_a_decimal_are_written_as_display_writes_them() {
        for value in [
            Decimal::MAX,
            Decimal::MIN,
            Decimal::ZERO,
            Decimal::new(-1, 28),
            Decimal::new(0, 28),
            -Decimal::new(0, 3),
        ] {
            assert_eq!(DecimalText::new(&value).as_str(), value.to_string());
        }
    }

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

    #[cfg(feature = "json")]
    #[test]
    fn a_json_integer_is_exact_and_a_fraction_is_refused_with_what_to_write() {
        #[derive(serde::Deserialize)]
        struct Amount(#[serde(with = "super")] rust_decimal::Decimal);
        let read = |text: &str| serde_json::from_str::<Amount>(text).map(|a| a.0.to_string());
        assert_eq!(read("12000").ok().as_deref(), Some("12000"));
        assert_eq!(read("-7").ok().as_deref(), Some("-7"));
        assert_eq!(read("\"1200.50\"").ok().as_deref(), Some("1200.50"));
        let fraction = read("1200.5").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(fraction.contains("write it as a string: \"1200.5\""), "{fraction}");
        let exponent = read("1e300").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(exponent.contains("write it as a string: \"1200.50\""), "{exponent}");
        assert!(read("true").is_err());
    }
}
