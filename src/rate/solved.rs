//! A rate found from cash flows (an IRR, XIRR, APR or effective annual
//! rate): it carries its period like a [`Rate`] but may be negative.

use std::fmt;

use rust_decimal::Decimal;

use super::{Rate, RatePeriod};
use crate::error::{Error, Result};

/// A rate found from cash flows: an IRR, an XIRR, an APR, an effective
/// annual rate. Unlike a [`Rate`] it may be negative (flows that lose
/// money), and its period may be "per period of the flows" (an [`irr`]
/// of equally spaced amounts). The value is a fraction: `0.1268` is
/// 12.68 %. It displays as a percent with its period.
///
/// [`irr`]: crate::cost::irr
///
/// ```
/// use overdue::{dec, Yield, RatePeriod};
/// let y = Yield::annual(dec!(0.126825));
/// assert_eq!(y.to_string(), "12.6825 %/year");
/// assert_eq!(y.period(), Some(RatePeriod::Annual));
/// assert_eq!(Yield::per_period(dec!(-0.05)).to_string(), "-5 %/period");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Yield {
    value: Decimal,
    period: Option<RatePeriod>,
}

impl Yield {
    /// An annual yield (an XIRR, an APR, an effective annual rate).
    ///
    /// ```
    /// assert_eq!(overdue::Yield::annual(overdue::dec!(0.1)).value(), overdue::dec!(0.1));
    /// ```
    pub const fn annual(value: Decimal) -> Yield {
        Yield {
            value,
            period: Some(RatePeriod::Annual),
        }
    }

    /// A yield per period of equally spaced flows (an IRR).
    ///
    /// ```
    /// assert_eq!(overdue::Yield::per_period(overdue::dec!(0.01)).period(), None);
    /// ```
    pub const fn per_period(value: Decimal) -> Yield {
        Yield { value, period: None }
    }

    /// The value as a fraction (`0.1268` for 12.68 %).
    ///
    /// ```
    /// assert_eq!(overdue::Yield::annual(overdue::dec!(-0.2)).value(), overdue::dec!(-0.2));
    /// ```
    pub const fn value(self) -> Decimal {
        self.value
    }

    /// Its period: `None` for "per period of the flows".
    ///
    /// ```
    /// use overdue::{dec, RatePeriod, Yield};
    /// assert_eq!(Yield::annual(dec!(0.1)).period(), Some(RatePeriod::Annual));
    /// ```
    pub const fn period(self) -> Option<RatePeriod> {
        self.period
    }

    /// The same as a [`Rate`] (an interest rate to charge).
    ///
    /// # Errors
    /// [`Error::Negative`] for a negative yield; [`Error::Invalid`] for a
    /// yield per period of the flows, whose period is not known.
    ///
    /// ```
    /// use overdue::{dec, Rate, Yield};
    /// assert_eq!(Yield::annual(dec!(0.1)).to_rate()?, Rate::annual(dec!(0.1))?);
    /// assert!(Yield::annual(dec!(-0.1)).to_rate().is_err());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn to_rate(self) -> Result<Rate> {
        let period = self.period.ok_or_else(|| Error::Invalid {
            field: "rate",
            reason: "a yield per period of the flows has no calendar period".into(),
        })?;
        Rate::new(self.value, period)
    }
}

impl fmt::Display for Yield {
    /// `12.6825 %/year`, `-5 %/period`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.period {
            Some(RatePeriod::Annual) => "year",
            Some(RatePeriod::Monthly) => "month",
            Some(RatePeriod::Daily) => "day",
            None => "period",
        };
        match self.value.checked_mul(Decimal::ONE_HUNDRED) {
            Some(pct) => write!(f, "{} %/{unit}", pct.normalize()),
            None => write!(f, "{}/{unit}", self.value),
        }
    }
}
