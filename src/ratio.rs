//! A non-negative proportion: 0.5 is 50 %.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fraction::Fraction;

/// A non-negative proportion of an amount, kept exact: `0.02` is 2 %, `1.5`
/// is 150 %. Used for shares that are not interest rates (they have no
/// period): a late fee of 5 % of the overdue installment, a penalty uplift of
/// 50 %, a cap of 36 % of principal, a waiver of half the penalties.
///
/// Like [`Rate`](crate::Rate), the value is a fraction, not a number of
/// percentage points. It serializes as a string (`"0.02"`).
///
/// # Example
/// ```
/// use overdue::Ratio;
/// use overdue::dec;
/// let half = Ratio::new(dec!(0.5))?;
/// assert_eq!(half.to_string(), "50 %");
/// assert!(Ratio::new(dec!(-0.1)).is_err());
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "RatioRepr", into = "RatioRepr")]
pub struct Ratio(Decimal);

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
struct RatioRepr(
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    Decimal,
);

impl TryFrom<RatioRepr> for Ratio {
    type Error = Error;
    fn try_from(r: RatioRepr) -> Result<Ratio> {
        Ratio::new(r.0)
    }
}

impl From<Ratio> for RatioRepr {
    fn from(r: Ratio) -> RatioRepr {
        RatioRepr(r.0)
    }
}

impl Ratio {
    /// Zero.
    ///
    /// ```
    /// assert!(overdue::Ratio::ZERO.is_zero());
    /// ```
    pub const ZERO: Ratio = Ratio(Decimal::ZERO);

    /// One: the whole amount (100 %).
    ///
    /// ```
    /// assert_eq!(overdue::Ratio::ONE.to_string(), "100 %");
    /// ```
    pub const ONE: Ratio = Ratio(Decimal::ONE);

    /// A proportion; `0.05` is 5 %.
    ///
    /// # Errors
    /// [`Error::Negative`] with field `ratio` if `value < 0`.
    ///
    /// ```
    /// use overdue::dec;
    /// assert_eq!(overdue::Ratio::new(dec!(0.05))?.as_decimal(), dec!(0.05));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(value: Decimal) -> Result<Ratio> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(Error::Negative { field: "ratio", value });
        }
        Ok(Ratio(value.normalize()))
    }

    /// The proportion as a decimal fraction.
    ///
    /// ```
    /// use overdue::dec;
    /// assert_eq!(overdue::Ratio::new(dec!(0.5))?.as_decimal(), dec!(0.5));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    /// Whether the proportion is zero.
    ///
    /// ```
    /// assert!(!overdue::Ratio::ONE.is_zero());
    /// ```
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The exact ratio of integers.
    pub(crate) fn exact(self) -> Result<Fraction> {
        Fraction::from_decimal(self.0)
    }
}

impl fmt::Display for Ratio {
    /// `0.05` shows as `5 %` (a ratio too large to show in percent shows
    /// as the number itself).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.checked_mul(Decimal::ONE_HUNDRED) {
            Some(points) => write!(f, "{} %", points.normalize()),
            None => write!(f, "{}", self.0),
        }
    }
}

impl std::str::FromStr for Ratio {
    type Err = Error;

    /// Parses what [`Display`](fmt::Display) writes (`5 %`), with or
    /// without the space; a number with no `%` (`0.05`) is the fraction.
    ///
    /// ```
    /// use overdue::Ratio;
    /// use overdue::dec;
    /// assert_eq!("5%".parse::<Ratio>()?, Ratio::new(dec!(0.05))?);
    /// assert_eq!("0.05".parse::<Ratio>()?, Ratio::new(dec!(0.05))?);
    /// let r = Ratio::new(dec!(0.125))?;
    /// assert_eq!(r.to_string().parse::<Ratio>()?, r);   // the inverse of Display
    /// assert!("-5 %".parse::<Ratio>().is_err());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    fn from_str(text: &str) -> Result<Ratio> {
        let value = parse_percent(text).ok_or_else(|| Error::Parse {
            field: "ratio",
            value: text.to_owned(),
        })?;
        Ratio::new(value)
    }
}

/// `18 %` or `18%` as 0.18, and a number with no `%` as itself; `None`
/// for anything else, and for a percentage with too many places to divide
/// by 100 exactly (never a silently rounded value).
pub(crate) fn parse_percent(text: &str) -> Option<Decimal> {
    let text = text.trim();
    match text.strip_suffix('%') {
        Some(points) => {
            let points = crate::serde_str::parse(points.trim_end())?;
            let value = points.checked_div(Decimal::ONE_HUNDRED)?;
            (value.checked_mul(Decimal::ONE_HUNDRED)? == points).then_some(value)
        }
        None => crate::serde_str::parse(text),
    }
}
