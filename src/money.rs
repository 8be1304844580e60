//! Exact, non-negative amounts of money and the rounding a ledger applies.

use std::fmt;
use std::str::FromStr;

pub(crate) use crate::dec::{exact_add, exact_mul, exact_sub, grouped};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{overflow, Error, Result};

/// A non-negative, exact amount of money.
///
/// `Money` wraps a [`Decimal`] and never holds a negative value: a negative
/// amount is rejected when the value is made, and subtraction that would go
/// below zero is an error. Signed amounts (cash flows) have their own type.
/// `Money` carries no currency: the caller knows it, and the minor unit is
/// set by a [`Rounding`].
///
/// It serializes as a string (`"1234.50"`), never as a float.
///
/// # Example
/// ```
/// use overdue::Money;
/// use overdue::dec;
///
/// let a = Money::new(dec!(100.10))?;
/// let b = Money::new(dec!(0.25))?;
/// assert_eq!(a.checked_add(b)?.to_string(), "100.35");
/// assert!(b.checked_sub(a).is_err()); // would be negative
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    /// Zero.
    ///
    /// ```
    /// assert!(overdue::Money::ZERO.is_zero());
    /// ```
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// One unit of the currency (1.00 at two places).
    ///
    /// ```
    /// assert_eq!(overdue::Money::ONE.as_decimal(), overdue::dec!(1));
    /// ```
    pub const ONE: Money = Money(Decimal::ONE);

    /// Makes an amount, rejecting a negative value.
    ///
    /// # Errors
    /// [`Error::Negative`] with field `amount` if `value < 0`.
    ///
    /// ```
    /// use overdue::dec;
    /// assert_eq!(overdue::Money::new(dec!(12.5))?.as_decimal(), dec!(12.5));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(value: Decimal) -> Result<Money> {
        Money::named("amount", value)
    }

    /// Makes an amount, naming `field` in the error if it is negative.
    pub(crate) fn named(field: &'static str, value: Decimal) -> Result<Money> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(Error::Negative { field, value });
        }
        Ok(Money(if value.is_zero() { Decimal::ZERO } else { value }))
    }

    /// The amount as a `Decimal`.
    ///
    /// ```
    /// use overdue::dec;
    /// assert_eq!(overdue::Money::new(dec!(3))?.as_decimal(), dec!(3));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub const fn as_decimal(self) -> Decimal {
        self.0
    }

    /// Whether the amount is zero.
    ///
    /// ```
    /// assert!(overdue::Money::default().is_zero());
    /// ```
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The sum, or [`Error::Overflow`].
    ///
    /// # Errors
    /// [`Error::Overflow`] if the sum leaves the `Decimal` range.
    ///
    /// ```
    /// use overdue::Money;
    /// use overdue::dec;
    /// assert_eq!(Money::new(dec!(1))?.checked_add(Money::new(dec!(2))?)?, Money::new(dec!(3))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn checked_add(self, other: Money) -> Result<Money> {
        exact_add(self.0, other.0)
            .map(Money)
            .ok_or_else(|| overflow("money addition"))
    }

    /// The exact difference, or an error if it would be negative.
    ///
    /// # Errors
    /// [`Error::Negative`] with field `difference` if `other > self`;
    /// [`Error::Overflow`] if the exact difference does not fit a `Decimal`.
    ///
    /// ```
    /// use overdue::Money;
    /// use overdue::dec;
    /// assert_eq!(Money::new(dec!(5))?.checked_sub(Money::new(dec!(2))?)?, Money::new(dec!(3))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn checked_sub(self, other: Money) -> Result<Money> {
        let value = exact_sub(self.0, other.0).ok_or_else(|| overflow("money subtraction"))?;
        Money::named("difference", value)
    }

    /// The difference, or zero if `other` is larger. It never fails, so a
    /// difference with more digits than a `Decimal` holds (a large amount
    /// minus a tiny one at 28 places) is rounded to 28 significant digits;
    /// use [`Money::checked_sub`] to get an error instead.
    ///
    /// ```
    /// use overdue::Money;
    /// use overdue::dec;
    /// assert_eq!(Money::new(dec!(2))?.saturating_sub(Money::new(dec!(5))?), Money::ZERO);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn saturating_sub(self, other: Money) -> Money {
        if other.0 >= self.0 {
            Money::ZERO
        } else {
            // both are non-negative and other < self: the difference is at most self,
            // exact where it fits 96 bits of digits (else rounded to them: this never fails)
            exact_sub(self.0, other.0)
                .or_else(|| self.0.checked_sub(other.0))
                .map_or(self, Money)
        }
    }

    /// Sums amounts exactly, or [`Error::Overflow`].
    ///
    /// # Errors
    /// [`Error::Overflow`] if the exact sum does not fit a `Decimal` (more
    /// than 96 bits of digits): the sum is never rounded.
    ///
    /// ```
    /// use overdue::Money;
    /// use overdue::dec;
    /// let parts = [Money::new(dec!(1.10))?, Money::new(dec!(2.20))?];
    /// assert_eq!(Money::sum(parts)?.to_string(), "3.30");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn sum<I: IntoIterator<Item = Money>>(amounts: I) -> Result<Money> {
        amounts.into_iter().try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }

    /// The amount rounded to the minor unit of `rounding`.
    ///
    /// ```
    /// use overdue::{Money, Rounding};
    /// use overdue::dec;
    /// let m = Money::new(dec!(0.125))?;
    /// assert_eq!(m.round(Rounding::default()).to_string(), "0.13");
    /// assert_eq!(m.round(Rounding::half_even(2)?).to_string(), "0.12");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn round(self, rounding: Rounding) -> Money {
        Money(rounding.round(self.0))
    }

    /// The amount written for a reader: thousands separated by commas, with
    /// its own decimal places (an amount a loan computed has the loan's:
    /// `3,000.00`). JSON keeps the plain form (`"3000.00"`).
    ///
    /// ```
    /// use overdue::{dec, Money, Rounding};
    /// assert_eq!(Money::new(dec!(1234567.5))?.round(Rounding::default()).grouped(), "1,234,567.50");
    /// assert_eq!(Money::ZERO.round(Rounding::default()).grouped(), "0.00");
    /// assert_eq!(Money::new(dec!(999))?.grouped(), "999");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn grouped(self) -> String {
        grouped(self.0)
    }

    /// The amount as a whole number of minor units at `scale`.
    pub(crate) fn to_minor(self, field: &'static str, scale: u32) -> Result<i128> {
        to_minor(field, self.0, scale)
    }

    /// An amount from a whole number of minor units at `scale`.
    #[inline]
    pub(crate) fn from_minor(minor: i128, scale: u32) -> Result<Money> {
        if minor < 0 {
            return Err(Error::Negative {
                field: "amount",
                value: Decimal::try_from_i128_with_scale(minor, scale.min(28)).unwrap_or(Decimal::MIN),
            });
        }
        if scale > 28 {
            return Err(overflow("minor units to money"));
        }
        // Build the 96-bit mantissa directly: this runs for every posted amount.
        let value = match u64::try_from(minor) {
            Ok(small) => Decimal::from_parts(small as u32, (small >> 32) as u32, 0, false, scale),
            Err(_) => Decimal::try_from_i128_with_scale(minor, scale).map_err(|_| overflow("minor units to money"))?,
        };
        Ok(Money(value))
    }
}

/// Converts a decimal to a whole number of minor units, rejecting digits below the unit.
pub(crate) fn to_minor(field: &'static str, value: Decimal, scale: u32) -> Result<i128> {
    let mantissa = value.mantissa();
    let own = value.scale();
    if own <= scale {
        let factor = pow10(scale - own).ok_or_else(|| overflow("money to minor units"))?;
        mantissa
            .checked_mul(factor)
            .ok_or_else(|| overflow("money to minor units"))
    } else {
        let factor = pow10(own - scale).ok_or_else(|| overflow("money to minor units"))?;
        if mantissa % factor != 0 {
            return Err(Error::NotInMinorUnits { field, value, scale });
        }
        Ok(mantissa / factor)
    }
}

/// 10^exp as an `i128`, if it fits.
pub(crate) fn pow10(exp: u32) -> Option<i128> {
    10i128.checked_pow(exp)
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl FromStr for Money {
    type Err = Error;

    /// Parses `"123.45"`; a negative or malformed amount is an error.
    fn from_str(s: &str) -> Result<Money> {
        let value = crate::serde_str::parse(s).ok_or_else(|| Error::Parse {
            field: "amount",
            value: s.to_owned(),
        })?;
        Money::new(value)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        crate::serde_str::serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Money, D::Error> {
        let value = crate::serde_str::deserialize(deserializer)?;
        Money::new(value).map_err(serde::de::Error::custom)
    }
}

/// Reads a decimal by the strict grammar every front door uses for text:
/// an optional `-`, digits, and optionally `.` and digits; no exponent,
/// `+`, blank space or separators; exactly, never rounded. What the JSON
/// formats, the command and the Python package read amounts and rates with.
///
/// # Errors
/// [`Error::Parse`] with field `decimal`.
///
/// ```
/// use overdue::jobs::parse_decimal;
/// use overdue::dec;
///
/// assert_eq!(parse_decimal("-1234.50")?, dec!(-1234.50));
/// for bad in ["1e3", "+5", ".5", "1,000", " 12", "0.12345678901234567890123456789"] {
///     assert!(parse_decimal(bad).is_err(), "{bad}");
/// }
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn parse_decimal(text: &str) -> Result<Decimal> {
    crate::serde_str::parse(text).ok_or_else(|| Error::Parse {
        field: "decimal",
        value: text.to_owned(),
    })
}

/// How a rounded amount is rounded at the midpoint or in general.
///
/// The default is [`RoundingMode::HalfAwayFromZero`] (四舍五入), the rule of
/// Chinese and most retail lending tables.
///
/// ```
/// use overdue::RoundingMode;
/// assert_eq!(RoundingMode::default(), RoundingMode::HalfAwayFromZero);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RoundingMode {
    /// Half a minor unit rounds away from zero (0.125 → 0.13). The default.
    #[default]
    HalfAwayFromZero,
    /// Half a minor unit rounds to the even neighbour (0.125 → 0.12), banker's rounding.
    HalfEven,
    /// Always toward zero: truncation.
    TowardZero,
    /// Always away from zero: any fraction rounds up.
    AwayFromZero,
}

/// The minor unit of the currency and the rounding strategy.
///
/// Default: scale 2 (cents, 分) and [`RoundingMode::HalfAwayFromZero`].
///
/// # Example: half-up and half-even disagree on an exact half
/// ```
/// use overdue::Rounding;
/// use overdue::dec;
/// // 250.00 × 0.05 %/day × 1 day = 0.125
/// assert_eq!(Rounding::default().round(dec!(0.125)), dec!(0.13));
/// assert_eq!(Rounding::half_even(2)?.round(dec!(0.125)), dec!(0.12));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "RoundingRepr", into = "RoundingRepr")]
pub struct Rounding {
    scale: u32,
    mode: RoundingMode,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename = "Rounding", expecting = "struct Rounding")]
struct RoundingRepr {
    scale: u32,
    #[serde(default)]
    mode: RoundingMode,
}

impl TryFrom<RoundingRepr> for Rounding {
    type Error = Error;
    fn try_from(r: RoundingRepr) -> Result<Rounding> {
        Rounding::new(r.scale, r.mode)
    }
}

impl From<Rounding> for RoundingRepr {
    fn from(r: Rounding) -> RoundingRepr {
        RoundingRepr {
            scale: r.scale,
            mode: r.mode,
        }
    }
}

impl Default for Rounding {
    fn default() -> Rounding {
        Rounding {
            scale: 2,
            mode: RoundingMode::HalfAwayFromZero,
        }
    }
}

/// The largest minor-unit scale accepted.
const MAX_SCALE: u32 = 12;

impl Rounding {
    /// A rounding to `scale` decimal places with `mode`.
    ///
    /// # Errors
    /// [`Error::InvalidScale`] if `scale > 12`.
    ///
    /// ```
    /// use overdue::{Rounding, RoundingMode};
    /// let yen = Rounding::new(0, RoundingMode::HalfAwayFromZero)?;
    /// assert_eq!(yen.scale(), 0);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(scale: u32, mode: RoundingMode) -> Result<Rounding> {
        if scale > MAX_SCALE {
            return Err(Error::InvalidScale(scale));
        }
        Ok(Rounding { scale, mode })
    }

    /// Half-even (banker's) rounding at `scale`.
    ///
    /// # Errors
    /// [`Error::InvalidScale`] if `scale > 12`.
    ///
    /// ```
    /// assert_eq!(overdue::Rounding::half_even(2)?.mode(), overdue::RoundingMode::HalfEven);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn half_even(scale: u32) -> Result<Rounding> {
        Rounding::new(scale, RoundingMode::HalfEven)
    }

    /// The number of decimal places of the minor unit.
    ///
    /// ```
    /// assert_eq!(overdue::Rounding::default().scale(), 2);
    /// ```
    pub const fn scale(self) -> u32 {
        self.scale
    }

    /// The rounding strategy.
    ///
    /// ```
    /// use overdue::{Rounding, RoundingMode};
    /// assert_eq!(Rounding::default().mode(), RoundingMode::HalfAwayFromZero);
    /// ```
    pub const fn mode(self) -> RoundingMode {
        self.mode
    }

    /// One minor unit (0.01 at scale 2).
    ///
    /// ```
    /// use overdue::dec;
    /// assert_eq!(overdue::Rounding::default().minor_unit(), dec!(0.01));
    /// ```
    pub fn minor_unit(self) -> Decimal {
        Decimal::new(1, self.scale)
    }

    /// Rounds a decimal to the minor unit.
    ///
    /// ```
    /// use overdue::dec;
    /// assert_eq!(overdue::Rounding::default().round(dec!(2.345)), dec!(2.35));
    /// ```
    pub fn round(self, value: Decimal) -> Decimal {
        let strategy = match self.mode {
            RoundingMode::HalfAwayFromZero => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::TowardZero => RoundingStrategy::ToZero,
            RoundingMode::AwayFromZero => RoundingStrategy::AwayFromZero,
        };
        let mut rounded = value.round_dp_with_strategy(self.scale, strategy);
        if rounded.scale() < self.scale {
            // written with the minor unit's places: 0.00, 3000.00
            rounded.rescale(self.scale);
        }
        rounded
    }

    /// `n / d` rounded to an integer by this rounding's mode (`d > 0`).
    pub(crate) fn div(self, n: i128, d: i128) -> Result<i128> {
        div_round(n, d, self.mode)
    }
}

/// `n / d` rounded to an integer with `mode`; `d` must be positive.
pub(crate) fn div_round(n: i128, d: i128, mode: RoundingMode) -> Result<i128> {
    if d <= 0 {
        return Err(overflow("division by a non-positive denominator"));
    }
    // the usual amounts fit 64 bits, whose division is one instruction (128-bit
    // division is a library call)
    if let (Ok(n), Ok(d)) = (i64::try_from(n), i64::try_from(d)) {
        return div_round_i64(n, d, mode).map(i128::from);
    }
    let q = n.div_euclid(d);
    let r = n - q * d; // 0 <= r < d, value = q + r/d
    if r == 0 {
        return Ok(q);
    }
    let up = rounds_up(mode, r.cmp(&(d - r)), q % 2 != 0, n >= 0);
    Ok(if up { q + 1 } else { q })
}

/// Whether `q + r/d` (with `0 < r < d`) rounds up to `q + 1` under `mode`;
/// `half` compares `r` with `d − r`, i.e. the fraction with one half.
fn rounds_up(mode: RoundingMode, half: std::cmp::Ordering, q_is_odd: bool, non_negative: bool) -> bool {
    use std::cmp::Ordering::{Equal, Greater};
    match mode {
        RoundingMode::HalfAwayFromZero => half == Greater || (half == Equal && non_negative),
        RoundingMode::HalfEven => half == Greater || (half == Equal && q_is_odd),
        RoundingMode::TowardZero => !non_negative,
        RoundingMode::AwayFromZero => non_negative,
    }
}

/// [`div_round`] on 64-bit integers, the fast path of interest on a balance.
#[inline]
pub(crate) fn div_round_i64(n: i64, d: i64, mode: RoundingMode) -> Result<i64> {
    if d <= 0 {
        return Err(overflow("division by a non-positive denominator"));
    }
    let q = n.div_euclid(d);
    let r = n.rem_euclid(d);
    if r == 0 {
        return Ok(q);
    }
    let up = rounds_up(mode, r.cmp(&(d - r)), q % 2 != 0, n >= 0);
    Ok(if up { q + 1 } else { q })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn div_round_matches_decimal_rounding() {
        for mode in [
            RoundingMode::HalfAwayFromZero,
            RoundingMode::HalfEven,
            RoundingMode::TowardZero,
            RoundingMode::AwayFromZero,
        ] {
            let r = Rounding::new(0, mode).unwrap();
            for n in -50i128..=50 {
                for d in 1i128..=8 {
                    let expected = r.round(Decimal::from(n) / Decimal::from(d));
                    assert_eq!(
                        Decimal::from(div_round(n, d, mode).unwrap()),
                        expected,
                        "{n}/{d} {mode:?}"
                    );
                    let small = div_round_i64(n as i64, d as i64, mode).unwrap();
                    assert_eq!(Decimal::from(small), expected, "i64 {n}/{d} {mode:?}");
                }
            }
        }
    }

    proptest::proptest! {
        /// The 64-bit fast path and the 128-bit path round alike: each
        /// against the remainder read from the Euclidean division.
        #[test]
        fn div_round_agrees_across_widths(n in proptest::prelude::any::<i128>(), shift in 0u32..128, d in 1i128..=i128::MAX, dshift in 0u32..127, mode in 0usize..4) {
            let mode = [RoundingMode::HalfAwayFromZero, RoundingMode::HalfEven, RoundingMode::TowardZero, RoundingMode::AwayFromZero][mode];
            let (n, d) = (n >> shift, (d >> dshift).max(1));
            let (q, r) = (n.div_euclid(d), n.rem_euclid(d));
            let expected = if r != 0 && rounds_up(mode, r.cmp(&(d - r)), q % 2 != 0, n >= 0) { q + 1 } else { q };
            proptest::prop_assert_eq!(div_round(n, d, mode).unwrap(), expected);
        }
    }

    #[test]
    fn minor_units_reject_sub_unit_digits() {
        assert_eq!(to_minor("x", dec!(1.23), 2).unwrap(), 123);
        assert_eq!(to_minor("x", dec!(1.2300), 2).unwrap(), 123);
        assert_eq!(
            to_minor("x", dec!(1.234), 2).unwrap_err().to_string(),
            "x 1.234 has digits below the minor unit (scale 2)"
        );
    }

    #[test]
    fn sums_are_exact_or_overflow() {
        use rust_decimal_macros::dec;
        let m = |d: Decimal| Money::new(d).unwrap();
        let big = m(dec!(792281625142643375935439503.35));
        assert!(big.checked_add(m(dec!(0.01))).is_err());
        assert_eq!(
            big.checked_sub(m(dec!(0.01))).unwrap(),
            m(dec!(792281625142643375935439503.34))
        );
        assert!(m(dec!(7922816251426433759354394739.5))
            .checked_sub(m(dec!(0.01)))
            .is_err());
        assert!(Money::sum([m(dec!(1000000000.123456789012345678)), m(dec!(1000000000000.5))]).is_err());
        // exact although Decimal drops scale: the operands come back
        let max = m(Decimal::MAX);
        assert_eq!(max.checked_sub(m(dec!(0.00))).unwrap(), max);
    }

    #[test]
    fn money_serializes_as_string() {
        let m = Money::new(dec!(123.40)).unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"123.40\"");
        let back: Money = serde_json::from_str("\"123.40\"").unwrap();
        assert_eq!(back, m);
        assert!(serde_json::from_str::<Money>("\"-1\"").is_err());
    }
}
