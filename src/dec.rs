//! The `dec!` macro: an exact decimal literal, parsed at compile time, so
//! that a user needs only `overdue` in `Cargo.toml` to write `dec!(1100.16)`;
//! and the exact decimal arithmetic and writing every amount builds on.

use rust_decimal::Decimal;

/// A [`Decimal`] from a literal, exactly and at compile time.
///
/// `dec!(1100.16)`, `dec!(-5)`, `dec!(0.0005)`: digits with an optional `-`
/// and `.`, at most 28 digits after the point and a value `Decimal` can hold.
/// Anything else (an exponent, a suffix, a string, too many digits) does not
/// compile, so a literal can never become a different number at run time.
/// The result keeps the literal's scale: `dec!(4000.00)` displays as
/// `4000.00`.
///
/// It is the same value as the `rust_decimal_macros::dec!` literal; this one
/// needs no other crate in scope.
///
/// ```
/// use overdue::{dec, Decimal};
///
/// assert_eq!(dec!(1100.16), Decimal::new(110016, 2));
/// assert_eq!(dec!(-0.5).to_string(), "-0.5");
/// assert_eq!(dec!(4000.00).to_string(), "4000.00");
/// const FEE: Decimal = dec!(30);
/// assert_eq!(FEE, Decimal::from(30));
/// ```
///
/// ```compile_fail
/// // an exponent is not a decimal literal
/// let _ = overdue::dec!(1e3);
/// ```
#[macro_export]
macro_rules! dec {
    ($literal:literal) => {
        const {
            match $crate::__private::parse_decimal_literal(stringify!($literal)) {
                ::core::option::Option::Some(value) => value,
                ::core::option::Option::None => {
                    ::core::panic!("dec!: expected digits with an optional '-' and '.' that fit a Decimal")
                }
            }
        }
    };
}

/// Parses `-?[0-9]+(\.[0-9]+)?` (whitespace after the sign allowed, as
/// `stringify!` may put it there) into a `Decimal`, exactly; `None` for
/// anything else or anything `Decimal` cannot hold.
#[doc(hidden)]
pub const fn parse_decimal_literal(text: &str) -> Option<Decimal> {
    let (negative, mut rest) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        all => (false, all),
    };
    while let [b' ', after @ ..] = rest {
        rest = after;
    }
    let mut mantissa: u128 = 0;
    let mut digits = 0u32;
    let mut scale: Option<u32> = None;
    while let [byte, after @ ..] = rest {
        rest = after;
        match (*byte, scale) {
            (b'.', None) if digits > 0 => scale = Some(0),
            (b'0'..=b'9', _) => {
                mantissa = match mantissa.checked_mul(10) {
                    Some(m) => match m.checked_add((*byte - b'0') as u128) {
                        Some(m) => m,
                        None => return None,
                    },
                    None => return None,
                };
                digits += 1;
                if let Some(s) = scale {
                    scale = Some(s + 1);
                }
            }
            _ => return None,
        }
    }
    let scale = match scale {
        None if digits > 0 => 0,
        Some(s) if s > 0 => s,
        _ => return None,
    };
    // `Decimal` holds a 96-bit mantissa and at most 28 places
    if mantissa >= 1 << 96 || scale > 28 {
        return None;
    }
    let (lo, mid, hi) = (mantissa as u32, (mantissa >> 32) as u32, (mantissa >> 64) as u32);
    Some(Decimal::from_parts(lo, mid, hi, negative, scale))
}

/// `a + b` exactly, or `None` where `Decimal` would round or overflow.
///
/// `Decimal` keeps the larger scale of its operands unless the digits do not
/// fit, in which case it drops scale and rounds; a result that kept the scale
/// is exact, and one that dropped it is exact only if it gives the operands back.
pub(crate) fn exact_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let r = a.checked_add(b)?;
    (r.scale() >= a.scale().max(b.scale()) || (r.checked_sub(a) == Some(b) && r.checked_sub(b) == Some(a))).then_some(r)
}

/// `a × b` exactly, or `None` where `Decimal` would round or overflow.
pub(crate) fn exact_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    let r = a.checked_mul(b)?;
    // `Decimal` drops scale only when the digits do not fit, and then rounds
    let kept = a.scale().checked_add(b.scale()).is_some_and(|s| r.scale() == s);
    (kept || a.is_zero() || b.is_zero()).then_some(r)
}

/// `a − b` exactly, or `None` where `Decimal` would round or overflow.
pub(crate) fn exact_sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    exact_add(a, -b)
}

/// `value` written for a reader: thousands separated by commas, its own
/// decimal places (see [`Money::grouped`]).
pub(crate) fn grouped(value: Decimal) -> String {
    let text = value.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(text.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parse_decimal_literal as parse;
    use rust_decimal::Decimal;

    #[test]
    fn literals_parse_exactly_and_keep_their_scale() {
        assert_eq!(parse("1100.16"), Some(Decimal::new(110016, 2)));
        assert_eq!(parse("- 5"), Some(Decimal::from(-5)));
        assert_eq!(parse("4000.00").map(|d| d.to_string()), Some("4000.00".into()));
        for bad in [
            "",
            "-",
            ".5",
            "5.",
            "1e3",
            "1.2.3",
            "5u8",
            "\"5\"",
            "0.12345678901234567890123456789",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
