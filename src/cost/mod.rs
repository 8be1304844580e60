//! Cost of credit: cash flows, NPV, IRR/XIRR and APR by method.
//!
//! [`CashFlow`]s (from a schedule, or any list) give the totals
//! ([`total_paid`], [`total_cost`]), present values ([`npv`], [`xnpv`],
//! [`xnpv_at_yield`]), the
//! level payment of an annuity ([`pmt`]) and
//! rates as a [`Yield`]: [`xirr`], [`irr`], the EU APRC
//! ([`eu_aprc`]), the US Regulation Z APR ([`reg_z_apr`]) and the Chinese
//! APR ([`china_apr`]). Every root is checked in decimal arithmetic. See
//! the [cost guide](crate::guide::cost).
//!
//! **Sign convention** (stated once, used everywhere): cash flows are seen from
//! the borrower's pocket. Money the borrower receives (a disbursement) is
//! positive; money the borrower pays (installments, fees) is negative.
#![expect(
    clippy::float_arithmetic,
    reason = "the root search runs in f64; every returned rate is checked in decimal arithmetic"
)]

mod annuity;
mod apr;
mod cashflow;
mod discount;
mod present_value;
mod solver;
mod unit;

use rust_decimal::Decimal;

pub use self::annuity::{pmt, PaymentTiming};
pub use self::apr::{china_apr, eu_aprc, reg_z_apr, reg_z_within_tolerance, ChinaApr, Transaction};
pub use self::unit::UnitPeriod;
use crate::calendar::{DayCount, Frequency};
use crate::error::{overflow, Error, Result};
use crate::rate::{Rate, Yield};
pub(crate) use cashflow::sorted_by_date;
pub use cashflow::{total_cost, total_paid, CashFlow};
pub(crate) use discount::{root_is_unique, Discounting};
pub(crate) use present_value::present_cost;

/// XIRR, the spreadsheet convention: the effective annual rate `x` with
/// `Σ CF_i / (1 + x)^((d_i − d_0)/365) = 0`, `d_0` the earliest date.
///
/// Accurate to 1e-10 in the rate, and to 1e-10 of the rate above 100 %
/// (a rate of 2,000,000 % is exact to about 14 significant digits, not to
/// 1e-10 in absolute terms): the search runs in `f64` (Newton from 10 %,
/// bisection on a bracket when Newton fails), then the root is checked and
/// corrected in decimal arithmetic (18-place decimal fixed point, or `Decimal`
/// for amounts beyond its range; see `docs/cost.md`). When the flows change sign more than once, several
/// rates may solve them: the one nearest 0 % is returned.
///
/// Flows on the same date are netted first, so their order never matters.
/// Every `Ok` is a verified root: the NPV at it, evaluated in decimal
/// arithmetic, is within 1e-6 of the absolute sum of the flows.
///
/// # Errors
/// [`Error::NoRoot`] when every flow has the same sign, every flow is zero,
/// all flows fall on one date, no sign change is found, or the root lies
/// beyond the solver's range (the NPV at the best rate found is not within
/// the tolerance); [`Error::Overflow`].
///
/// # Example: the Excel documentation's XIRR example
/// ```
/// use overdue::NaiveDate;
/// use overdue::{xirr, CashFlow};
/// use overdue::dec;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let flows = [
///     CashFlow::new(d(2008, 1, 1), dec!(-10000)),
///     CashFlow::new(d(2008, 3, 1), dec!(2750)),
///     CashFlow::new(d(2008, 10, 30), dec!(4250)),
///     CashFlow::new(d(2009, 2, 15), dec!(3250)),
///     CashFlow::new(d(2009, 4, 1), dec!(2750)),
/// ];
/// // Excel shows 0.373362535, off in the 9th digit
/// assert_eq!(xirr(&flows)?.value().round_dp(10), dec!(0.3733625335));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn xirr(flows: &[CashFlow]) -> Result<Yield> {
    xirr_with_day_count(flows, DayCount::Act365Fixed)
}

/// XIRR with time in years under another day count (ACT/365F is [`xirr`]).
///
/// # Errors
/// As [`xirr`].
///
/// ```
/// # use overdue::{DayCount, CashFlow};
/// # use overdue::cost::xirr_with_day_count;
/// # use overdue::NaiveDate; use overdue::dec;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let flows = [CashFlow::new(d(2026, 1, 1), dec!(1000)), CashFlow::new(d(2026, 12, 27), dec!(-1100))];
/// let r = xirr_with_day_count(&flows, DayCount::Act360)?.value(); // 360 days = one year
/// assert_eq!(r.round_dp(10), dec!(0.1));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn xirr_with_day_count(flows: &[CashFlow], day_count: DayCount) -> Result<Yield> {
    Discounting::dated(flows, day_count)?.solve(0.1).map(Yield::annual)
}

/// The periodic IRR of equally spaced flows (one per period, the first at
/// time 0): the rate per period `i` with `Σ a_k / (1 + i)^k = 0`.
///
/// # Errors
/// As [`xirr`].
///
/// ```
/// use overdue::cost::irr;
/// use overdue::dec;
/// let r = irr(&[dec!(-100), dec!(110)])?.value();
/// assert_eq!(r.round_dp(10), dec!(0.1));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn irr(amounts: &[Decimal]) -> Result<Yield> {
    Discounting::periodic(amounts)?.solve(0.01).map(Yield::per_period)
}

/// XNPV: the value of the flows on the earliest date, discounted at the
/// effective annual `rate` with time in years under `day_count` (ACT/365F is
/// the spreadsheet convention). A monthly or daily rate is first made annual
/// with [`Rate::to_annual`]. Discount factors are kept to 20 decimal places,
/// so the result is exact to about 1e-18 of the size of the flows.
///
/// # Errors
/// [`Error::Overflow`]; [`Error::NoRoot`] for no flows.
///
/// ```
/// # use overdue::{Rate, DayCount, CashFlow};
/// # use overdue::cost::xnpv;
/// # use overdue::NaiveDate; use overdue::dec;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let flows = [CashFlow::new(d(2026, 1, 1), dec!(-1000)), CashFlow::new(d(2027, 1, 1), dec!(1100))];
/// assert_eq!(xnpv(&flows, Rate::annual(dec!(0.10))?, DayCount::Act365Fixed)?.round_dp(10), dec!(0));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn xnpv(flows: &[CashFlow], rate: Rate, day_count: DayCount) -> Result<Decimal> {
    xnpv_at_yield(flows, Yield::annual(rate.to_annual(day_count)?.value()), day_count)
}

/// XNPV at an effective annual yield, which may be negative (above −100 %),
/// as a spreadsheet's and pyxirr's `XNPV` take it; [`xnpv`] takes a
/// contract [`Rate`], which is never negative. The NPV at an [`xirr`]
/// result is near zero.
///
/// # Errors
/// [`Error::Overflow`]; [`Error::NoRoot`] for no flows.
///
/// ```
/// # use overdue::{DayCount, CashFlow, Yield};
/// # use overdue::cost::xnpv_at_yield;
/// # use overdue::NaiveDate; use overdue::dec;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let flows = [CashFlow::new(d(2026, 1, 1), dec!(-1000)), CashFlow::new(d(2027, 1, 1), dec!(950))];
/// let at_minus_5 = xnpv_at_yield(&flows, Yield::annual(dec!(-0.05)), DayCount::Act365Fixed)?;
/// assert_eq!(at_minus_5.round_dp(10), dec!(0));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn xnpv_at_yield(flows: &[CashFlow], rate: Yield, day_count: DayCount) -> Result<Decimal> {
    Discounting::dated(flows, day_count)?.value(rate.value())
}

/// NPV of equally spaced flows at `rate` per period (its value, whatever
/// period it carries: the flows' period is the caller's), the first at time 0.
/// Discount factors are kept to 20 decimal places, so the result is exact
/// to about 1e-18 of the size of the flows.
///
/// # Errors
/// [`Error::Overflow`]; [`Error::NoRoot`] for no flows.
///
/// ```
/// use overdue::{cost::npv, Yield};
/// use overdue::dec;
/// assert_eq!(npv(&[dec!(-100), dec!(110)], Yield::per_period(dec!(0.1)))?.round_dp(10), dec!(0));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn npv(amounts: &[Decimal], rate: Yield) -> Result<Decimal> {
    Discounting::periodic(amounts)?.value(rate.value())
}

/// The effective annual rate of a nominal annual rate compounded
/// `frequency.periods_per_year()` times: `(1 + r/m)^m − 1`.
///
/// # Errors
/// [`Error::RateNeedsDayCount`] for a daily rate; [`Error::Overflow`].
///
/// ```
/// use overdue::{cost::effective_annual_rate, Frequency, Rate};
/// use overdue::dec;
/// let e = effective_annual_rate(Rate::annual(dec!(0.12))?, Frequency::Monthly)?.value();
/// assert_eq!(e.round_dp(6), dec!(0.126825));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn effective_annual_rate(nominal: Rate, frequency: Frequency) -> Result<Yield> {
    let periodic = nominal.periodic(frequency)?;
    let base = Decimal::ONE
        .checked_add(periodic)
        .ok_or_else(|| overflow("effective rate"))?;
    solver::powi(base, u64::from(frequency.periods_per_year()))?
        .checked_sub(Decimal::ONE)
        .map(Yield::annual)
        .ok_or_else(|| overflow("effective rate"))
}

/// The nominal annual rate, compounded `frequency.periods_per_year()` times,
/// equivalent to an effective annual rate: `m · ((1 + e)^(1/m) − 1)`.
///
/// # Errors
/// [`Error::Invalid`] if `effective ≤ −1`; [`Error::Overflow`].
///
/// ```
/// use overdue::{cost::nominal_annual_rate, Frequency, Yield};
/// use overdue::dec;
/// let r = nominal_annual_rate(Yield::annual(dec!(0.126825030131969720661201)), Frequency::Monthly)?;
/// assert_eq!(r.value().round_dp(10), dec!(0.12));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn nominal_annual_rate(effective: Yield, frequency: Frequency) -> Result<Rate> {
    let effective = effective.value();
    if effective <= Decimal::NEGATIVE_ONE {
        return Err(Error::Invalid {
            field: "effective rate",
            reason: format!("must be above -100 %, got {effective}"),
        });
    }
    let m = u64::from(frequency.periods_per_year());
    let base = Decimal::ONE
        .checked_add(effective)
        .ok_or_else(|| overflow("nominal rate"))?;
    let root = solver::nth_root(base, m)?;
    Rate::annual(
        root.checked_sub(Decimal::ONE)
            .and_then(|x| x.checked_mul(Decimal::from(m)))
            .ok_or_else(|| overflow("nominal rate"))?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The fixed-point check and the `Decimal` evaluation agree to 1e-12 of the flows.
    #[test]
    fn fixed_point_check_agrees_with_decimal() {
        let flows = [
            CashFlow::new(d(2008, 1, 1), dec!(-10000)),
            CashFlow::new(d(2008, 3, 1), dec!(2750)),
            CashFlow::new(d(2008, 10, 30), dec!(4250)),
            CashFlow::new(d(2009, 2, 15), dec!(3250)),
            CashFlow::new(d(2009, 4, 1), dec!(2750)),
        ];
        for day_count in [
            DayCount::Act365Fixed,
            DayCount::Act360,
            DayCount::ActActIsda,
            DayCount::Thirty360Bond,
        ] {
            let disc = Discounting::dated(&flows, day_count).unwrap();
            for x in [dec!(-0.5), dec!(0), dec!(0.0000001), dec!(0.3733625335), dec!(2.5)] {
                let fixed = disc.value_fixed(x).unwrap();
                let exact = disc.value(x).unwrap();
                assert!(
                    (fixed - exact).abs() <= dec!(0.00000001),
                    "{day_count:?} {x}: {fixed} vs {exact}"
                );
            }
        }
        // amounts beyond the fixed-point range fall back to Decimal
        let big = [
            CashFlow::new(d(2026, 1, 1), dec!(1000000000000000000000.00)),
            CashFlow::new(d(2027, 1, 1), dec!(-1100000000000000000000.00)),
        ];
        let disc = Discounting::dated(&big, DayCount::Act365Fixed).unwrap();
        assert!(disc.value_fixed(dec!(0.1)).is_none());
        assert_eq!(disc.check_value(dec!(0.1)).unwrap(), disc.value(dec!(0.1)).unwrap());
    }
}
