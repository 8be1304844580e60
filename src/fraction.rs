//! An exact ratio of integers: a rate over a period, applied to minor units
//! with the division last.

use rust_decimal::Decimal;

use crate::error::{overflow, Result};
use crate::money::Rounding;

/// `num / den`, `den > 0`, reduced. Used so that `amount × rate × days / 360`
/// is computed exactly and rounded once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fraction {
    pub(crate) num: i128,
    pub(crate) den: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

impl Fraction {
    pub(crate) const ZERO: Fraction = Fraction { num: 0, den: 1 };

    /// A reduced fraction; `den` must be non-zero.
    pub(crate) fn new(num: i128, den: i128) -> Result<Fraction> {
        if den == 0 {
            return Err(overflow("fraction with a zero denominator"));
        }
        let (num, den) = if den < 0 {
            (
                num.checked_neg().ok_or_else(|| overflow("fraction"))?,
                den.checked_neg().ok_or_else(|| overflow("fraction"))?,
            )
        } else {
            (num, den)
        };
        let g = gcd(num, den).max(1);
        Ok(Fraction {
            num: num / g,
            den: den / g,
        })
    }

    /// The exact value of a decimal as a fraction.
    pub(crate) fn from_decimal(value: Decimal) -> Result<Fraction> {
        let v = value.normalize();
        let den = crate::money::pow10(v.scale()).ok_or_else(|| overflow("rate as fraction"))?;
        Fraction::new(v.mantissa(), den)
    }

    /// `self × other`.
    pub(crate) fn mul(self, other: Fraction) -> Result<Fraction> {
        // cross-reduce first to keep the numbers small
        let g1 = gcd(self.num, other.den).max(1);
        let g2 = gcd(other.num, self.den).max(1);
        let num = (self.num / g1)
            .checked_mul(other.num / g2)
            .ok_or_else(|| overflow("rate arithmetic"))?;
        let den = (self.den / g2)
            .checked_mul(other.den / g1)
            .ok_or_else(|| overflow("rate arithmetic"))?;
        Fraction::new(num, den)
    }

    /// `self × k / d` for integers.
    pub(crate) fn scale(self, k: i128, d: i128) -> Result<Fraction> {
        self.mul(Fraction::new(k, d)?)
    }

    /// `self + other`.
    pub(crate) fn add(self, other: Fraction) -> Result<Fraction> {
        let g = gcd(self.den, other.den).max(1);
        let den = (self.den / g)
            .checked_mul(other.den)
            .ok_or_else(|| overflow("rate arithmetic"))?;
        let a = self
            .num
            .checked_mul(other.den / g)
            .ok_or_else(|| overflow("rate arithmetic"))?;
        let b = other
            .num
            .checked_mul(self.den / g)
            .ok_or_else(|| overflow("rate arithmetic"))?;
        Fraction::new(a.checked_add(b).ok_or_else(|| overflow("rate arithmetic"))?, den)
    }

    /// `round(minor × self)` in minor units, exact until the one rounding.
    #[inline]
    pub(crate) fn apply(self, minor: i128, rounding: Rounding) -> Result<i128> {
        // Fast path: everything fits in 64 bits (every realistic balance and rate).
        if let (Ok(m), Ok(num), Ok(den)) = (i64::try_from(minor), i64::try_from(self.num), i64::try_from(self.den))
            && let Some(n) = m.checked_mul(num)
        {
            return crate::money::div_round_i64(n, den, rounding.mode()).map(i128::from);
        }
        let n = minor
            .checked_mul(self.num)
            .ok_or_else(|| overflow("interest on a balance"))?;
        rounding.div(n, self.den)
    }

    /// The value as a decimal (28 significant digits; not exact in general).
    pub(crate) fn to_decimal(self) -> Result<Decimal> {
        let num = Decimal::try_from_i128_with_scale(self.num, 0).map_err(|_| overflow("rate to decimal"))?;
        let den = Decimal::try_from_i128_with_scale(self.den, 0).map_err(|_| overflow("rate to decimal"))?;
        num.checked_div(den).ok_or_else(|| overflow("rate to decimal"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn applies_with_one_rounding() {
        // 0.049 / 12 on 670,000.00 = 2735.8333.. -> 2735.83
        let r = Fraction::from_decimal(dec!(0.049)).unwrap().scale(1, 12).unwrap();
        assert_eq!(r.apply(67_000_000, Rounding::default()).unwrap(), 273_583);
    }

    #[test]
    fn adds_and_reduces() {
        let a = Fraction::new(1, 6).unwrap().add(Fraction::new(1, 3).unwrap()).unwrap();
        assert_eq!(a, Fraction::new(1, 2).unwrap());
    }
}
