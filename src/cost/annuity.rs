//! The level payment of an annuity (`PMT`), in the spreadsheet's sign
//! convention, exactly in `Decimal`.

use rust_decimal::Decimal;

use super::solver::powi;
use crate::error::{overflow, Error, Result};
use crate::rate::Yield;

/// When in each period a level payment falls.
///
/// ```
/// use overdue::cost::PaymentTiming;
/// assert_eq!(PaymentTiming::default(), PaymentTiming::End);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum PaymentTiming {
    /// At the end of each period (in arrears): an installment loan. The default.
    #[default]
    End,
    /// At the start of each period (in advance): a lease, rent.
    Begin,
}

/// The level payment per period that takes `present_value` to
/// `future_value` over `periods` periods at `rate` per period (its value,
/// whatever period it carries), as the spreadsheet's `PMT` and
/// numpy-financial's `pmt` compute it, with their sign convention: money
/// received is positive and money paid negative, so a loan received
/// (`present_value > 0`) has a negative payment.
///
/// `pmt = −(fv + pv·(1+r)^n)·r / ((1 + r·w)·((1+r)^n − 1))`, with `w` 1 for
/// payments in advance and 0 in arrears; `−(fv + pv)/n` at a zero rate.
/// The result is exact to the 28 significant digits of `Decimal` and not
/// rounded: round it to the minor unit as the contract says (a schedule's
/// own payment is [`Schedule::level_payment`](crate::Schedule::level_payment)).
///
/// # Errors
/// [`Error::Invalid`] for zero periods or a rate of −100 % or less;
/// [`Error::Overflow`].
///
/// ```
/// use overdue::cost::{pmt, PaymentTiming};
/// use overdue::{dec, Yield};
///
/// // 12,000 over 12 months at 1.5 % a month: 1,100.16 a month, paid (negative)
/// let p = pmt(Yield::per_period(dec!(0.015)), 12, dec!(12000), dec!(0), PaymentTiming::End)?;
/// assert_eq!(p.round_dp(2), dec!(-1100.16));
/// // no interest: the principal in equal parts
/// assert_eq!(pmt(Yield::per_period(dec!(0)), 4, dec!(1000), dec!(0), PaymentTiming::End)?, dec!(-250));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn pmt(
    rate: Yield,
    periods: u32,
    present_value: Decimal,
    future_value: Decimal,
    timing: PaymentTiming,
) -> Result<Decimal> {
    if periods == 0 {
        return Err(Error::Invalid {
            field: "periods",
            reason: "a level payment needs at least one period".to_owned(),
        });
    }
    let r = rate.value();
    if r <= Decimal::NEGATIVE_ONE {
        return Err(Error::Invalid {
            field: "rate",
            reason: format!("a rate of {r} per period leaves nothing to discount: it must be above -1"),
        });
    }
    // without interest (or with a rate too small to move the balance): equal parts of what is owed
    let in_equal_parts = || {
        future_value
            .checked_add(present_value)
            .and_then(|owed| owed.checked_div(Decimal::from(periods)))
            .map(|p| -p)
            .ok_or_else(|| overflow("pmt"))
    };
    if r.is_zero() {
        return in_equal_parts();
    }
    let growth = powi(
        Decimal::ONE.checked_add(r).ok_or_else(|| overflow("pmt"))?,
        u64::from(periods),
    )?;
    let grown = present_value
        .checked_mul(growth)
        .and_then(|v| v.checked_add(future_value))
        .ok_or_else(|| overflow("pmt"))?;
    let advance = match timing {
        PaymentTiming::End => Decimal::ONE,
        PaymentTiming::Begin => Decimal::ONE.checked_add(r).ok_or_else(|| overflow("pmt"))?,
    };
    let denominator = advance
        .checked_mul(growth - Decimal::ONE)
        .ok_or_else(|| overflow("pmt"))?;
    if denominator.is_zero() {
        // (1 + r)^n rounds to 1
        return in_equal_parts();
    }
    grown
        .checked_mul(r)
        .and_then(|v| v.checked_div(denominator))
        .map(|p| -p)
        .ok_or_else(|| overflow("pmt"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn at_one_percent(timing: PaymentTiming) -> Option<Decimal> {
        pmt(Yield::per_period(dec!(0.01)), 10, dec!(1000), dec!(0), timing).ok()
    }

    #[test]
    fn payments_in_advance_are_one_period_less_discounted() {
        let (end, begin) = (at_one_percent(PaymentTiming::End), at_one_percent(PaymentTiming::Begin));
        assert_eq!(
            begin.map(|b| (b * dec!(1.01)).round_dp(20)),
            end.map(|e| e.round_dp(20))
        );
        assert!(end.is_some());
    }

    #[test]
    fn zero_periods_and_a_rate_of_minus_100_percent_are_refused() {
        assert!(pmt(
            Yield::per_period(dec!(0.01)),
            0,
            dec!(1000),
            dec!(0),
            PaymentTiming::End
        )
        .is_err());
        assert!(pmt(Yield::per_period(dec!(-1)), 5, dec!(1000), dec!(0), PaymentTiming::End).is_err());
    }
}
