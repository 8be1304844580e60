//! Discounting a list of cash flows at a rate, exactly on a fixed-point grid
//! and in `f64` for a solver's search, and whether a root is unique.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::cashflow::{sorted_by_date, CashFlow};
use crate::calendar::DayCount;
use crate::error::{overflow, Error, Result};
use crate::fraction::Fraction;

/// How close to zero the NPV at a returned XIRR or IRR is: at most this
/// share of the absolute sum of the flows (1e-6).
const ROOT_TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 6);

/// The decimal places a rate solved for is given to when they hold the root
/// (every ordinary case; see [`Discounting::confirm_root`]).
const ROOT_PLACES: u32 = 16;

/// Flows prepared for discounting: amounts with integer time units from the
/// earliest date, `t_i = units_i / per_year` years.
pub(crate) struct Discounting {
    amounts: Vec<Decimal>,
    amounts_f: Vec<f64>,
    units: Vec<u64>,
    per_year: u64,
}

impl Discounting {
    /// Flows on dates, with time in years under `day_count`.
    pub(crate) fn dated(flows: &[CashFlow], day_count: DayCount) -> Result<Discounting> {
        let (sorted, first) = sorted_by_date(flows)?;
        if let DayCount::Act365Fixed | DayCount::Act360 = day_count {
            // time in days; a year is the nominal year
            let units = sorted
                .iter()
                .map(|f| u64::try_from((f.date - first).num_days()).map_err(|_| overflow("time units")))
                .collect::<Result<Vec<u64>>>()?;
            let per_year = u64::try_from(day_count.nominal_year_days()).map_err(|_| overflow("time units"))?;
            return Discounting::new(sorted.iter().map(|f| f.amount).collect(), units, per_year);
        }
        let fractions = sorted
            .iter()
            .map(|f| day_count.year_fraction_exact(first, f.date))
            .collect::<Result<Vec<Fraction>>>()?;
        let per_year = fractions.iter().try_fold(1i128, |acc, f| lcm(acc, f.den))?;
        let units = fractions
            .iter()
            .map(|f| {
                f.num
                    .checked_mul(per_year / f.den)
                    .and_then(|u| u64::try_from(u).ok())
                    .ok_or_else(|| overflow("time units"))
            })
            .collect::<Result<Vec<u64>>>()?;
        let per_year = u64::try_from(per_year).map_err(|_| overflow("time units"))?;
        Discounting::new(sorted.iter().map(|f| f.amount).collect(), units, per_year)
    }

    /// Equally spaced flows, one per period (time unit = one period).
    pub(crate) fn periodic(amounts: &[Decimal]) -> Result<Discounting> {
        Discounting::new(amounts.to_vec(), (0..amounts.len() as u64).collect(), 1)
    }

    /// Flows at the same time are netted first (exactly), so that neither
    /// the sign-change count nor the search depends on their order.
    fn new(raw_amounts: Vec<Decimal>, raw_units: Vec<u64>, per_year: u64) -> Result<Discounting> {
        let mut amounts: Vec<Decimal> = Vec::with_capacity(raw_amounts.len());
        let mut units: Vec<u64> = Vec::with_capacity(raw_units.len());
        for (a, u) in raw_amounts.into_iter().zip(raw_units) {
            match (units.last(), amounts.last_mut()) {
                (Some(&last), Some(sum)) if last == u => {
                    *sum = crate::money::exact_add(*sum, a).ok_or_else(|| overflow("netting same-day cash flows"))?;
                }
                _ => {
                    units.push(u);
                    amounts.push(a);
                }
            }
        }
        let amounts_f = amounts
            .iter()
            .map(|&a| decimal_to_f64(a).ok_or_else(|| overflow("cash flow to f64")))
            .collect::<Result<Vec<f64>>>()?;
        Ok(Discounting {
            amounts,
            amounts_f,
            units,
            per_year,
        })
    }

    fn check_solvable(&self) -> Result<bool> {
        let first = self.units.first().copied().unwrap_or(0);
        root_is_unique(&self.amounts, self.units.iter().all(|&u| u == first))
    }

    /// `(NPV, dNPV/dx)` at effective rate `x` per year, in f64.
    fn eval(&self, x: f64) -> Option<(f64, f64)> {
        if x <= -1.0 {
            return None;
        }
        let u = self.per_year as f64;
        let d = (1.0 + x).powf(-1.0 / u);
        let (mut w, mut prev, mut f, mut s) = (1.0f64, 0u64, 0.0f64, 0.0f64);
        // the powers of d for the few distinct gaps, computed once per evaluation
        let mut cache = [(u64::MAX, 0.0f64); 8];
        for (&a, &k) in self.amounts_f.iter().zip(&self.units) {
            let gap = k - prev;
            let slot = (gap % 8) as usize;
            w *= match cache.get(slot) {
                Some(&(g, p)) if g == gap => p,
                _ => {
                    let p = match i32::try_from(gap) {
                        Ok(g) => d.powi(g),
                        Err(_) => d.powf(gap as f64),
                    };
                    if let Some(c) = cache.get_mut(slot) {
                        *c = (gap, p);
                    }
                    p
                }
            };
            prev = k;
            f += a * w;
            s += a * (k as f64) * w;
        }
        let df = -s / (u * (1.0 + x));
        (f.is_finite() && df.is_finite()).then_some((f, df))
    }

    /// NPV at effective rate `x` per year, in Decimal (28 digits).
    pub(super) fn value(&self, x: Decimal) -> Result<Decimal> {
        let one_plus = Decimal::ONE.checked_add(x).ok_or_else(|| overflow("npv"))?;
        if one_plus <= Decimal::ZERO {
            return Err(Error::Invalid {
                field: "rate",
                reason: format!("must be above -100 %, got {x}"),
            });
        }
        // 20 places keep a factor below 1 to 1e-20, far inside the 1e-10 the check needs, and
        // keep the products narrow (cheap to rescale); a factor above 1 (a rate below 0 %) keeps
        // all its digits, since its powers grow and carry its relative error k-fold
        let narrow = |v: Decimal| if v.abs() < Decimal::ONE { v.round_dp(20) } else { v };
        let d = narrow(
            Decimal::ONE
                .checked_div(super::solver::nth_root(one_plus, self.per_year)?)
                .ok_or_else(|| overflow("npv"))?,
        );
        let mul = |a: Decimal, b: Decimal| a.checked_mul(b).map(narrow);
        let mut total = Decimal::ZERO;
        walk_discount(&self.units, Decimal::ONE, d, mul, |i, w| {
            total = total.checked_add(self.amounts.get(i)?.checked_mul(w)?)?;
            Some(())
        })
        .ok_or_else(|| overflow("npv"))?;
        Ok(total)
    }

    /// The NPV at effective rate `x`, for checking a root: in decimal fixed
    /// point (`i128` mantissas at 18 decimal places) when every number fits,
    /// else in [`Decimal`] by [`Discounting::value`].
    pub(super) fn check_value(&self, x: Decimal) -> Result<Decimal> {
        match self.value_fixed(x) {
            Some(v) => Ok(v),
            None => self.value(x),
        }
    }

    /// [`Discounting::value`] in decimal fixed point: every discount factor
    /// is an exact decimal with 18 places (the per-unit factor from one
    /// Newton step on `d^u = 1/(1 + x)`, its powers by squaring, each product
    /// rounded half away from zero to 18 places), and the flows are summed
    /// exactly. `None` when a number would not fit (an amount's digits times
    /// 10^18 beyond the `i128` range, i.e. about 10^20 minor units; more than
    /// 10 decimal places; rates near −100 %), or when the factors' rounding
    /// could move the sum by more than 1e-9 of the flows' size: far below
    /// 0 %, the factors grow with each period and so does the last place's
    /// error (`d^k` carries `k` times the relative error of `d`).
    pub(super) fn value_fixed(&self, x: Decimal) -> Option<Decimal> {
        let sum = self.fixed_sum(x, ErrorBound::WhereFactorsGrow)?;
        // the sum is in units of 10^-(scale + 18): 1e-9 of the size is size × 10^9 of them
        if !sum.bounded && sum.error > sum.size.checked_mul(1_000_000_000)? {
            return None;
        }
        Decimal::try_from_i128_with_scale(sum.total, sum.scale + fixed::PLACES).ok()
    }

    /// The NPV at effective rate `x` (0 % or more) rounded by `round` (any
    /// rounding that never decreases as its argument grows), always the
    /// figure `round` gives [`Discounting::value`]: from the fixed-point sum
    /// when the interval its error bound and the `Decimal` evaluation's span
    /// rounds to one figure (every ordinary case), else from
    /// [`Discounting::value`] itself.
    pub(crate) fn rounded_value(&self, x: Decimal, round: impl Fn(Decimal) -> Decimal) -> Result<Decimal> {
        let interval = self
            .fixed_sum(x, ErrorBound::Always)
            .filter(|s| s.bounded)
            .and_then(|s| {
                let at = |v: i128| Decimal::try_from_i128_with_scale(v, s.scale + fixed::PLACES).ok();
                Some((at(s.total.checked_sub(s.error)?)?, at(s.total.checked_add(s.error)?)?))
            });
        if let Some((low, high)) = interval {
            let (a, b) = (round(low), round(high));
            if a == b {
                return Ok(a);
            }
        }
        Ok(round(self.value(x)?))
    }

    /// The NPV at effective rate `x` in decimal fixed point, with a bound on
    /// its error where `bound` asks for one; `None` when a number would not fit.
    fn fixed_sum(&self, x: Decimal, bound: ErrorBound) -> Option<FixedSum> {
        let one_plus = Decimal::ONE.checked_add(x)?;
        if one_plus <= Decimal::ZERO {
            return None;
        }
        // c = 1/(1 + x) to 18 places: one exact integer division
        let c = fixed::div(fixed::ONE, fixed::from_decimal(one_plus)?)?;
        let d = fixed::unit_root(c, self.per_year)?;
        let scale = self.amounts.iter().map(|a| a.scale()).max().unwrap_or(0);
        if scale > 10 {
            return None;
        }
        // With 1/2 ≤ d ≤ 1 (a rate of 0 % or more, below 2^per_year − 1) every factor
        // is at most 1 and each term's rounding at most 3k units of its last place: far
        // inside the bound `value_fixed` needs for fewer than 300 million periods (dates span
        // 3.7 million days), so there the error need not be added up. Otherwise (factors above
        // 1, below 0 %) it is.
        let bounded = (fixed::ONE / 2..=fixed::ONE).contains(&d);
        let (mut total, mut error, mut size) = (0i128, 0i128, 0i128);
        walk_discount(&self.units, fixed::ONE, d, fixed::mul, |i, w| {
            let a = self.amounts.get(i)?;
            let a = a.mantissa().checked_mul(10i128.checked_pow(scale - a.scale())?)?;
            total = total.checked_add(a.checked_mul(w)?)?;
            let k = i128::from(*self.units.get(i)?).checked_add(1)?;
            if !bounded {
                // at most half a unit of the last place in `d` (relative: 1/d), k-fold in
                // `d^k`, and half a unit at each of at most k products
                let spread = w.checked_mul(k)?.checked_div(d.max(1))?.checked_add(k)?;
                error = error.checked_add(a.checked_abs()?.checked_mul(spread)?)?;
                size = size.checked_add(a.checked_abs()?)?;
            } else if bound == ErrorBound::Always {
                // this sum's 3k units of 18 places a term, the `Decimal` evaluation's 3k units
                // of 20 places and its products' last digit, with room to spare: 4 units a
                // period of the flow's time, and 4 more
                error = error.checked_add(a.checked_abs()?.checked_mul(k.checked_mul(4)?)?)?;
            }
            Some(())
        })?;
        Some(FixedSum {
            total,
            error,
            size,
            scale,
            bounded,
        })
    }

    /// The effective rate per year that zeroes the NPV.
    pub(super) fn solve(&self, guess: f64) -> Result<Decimal> {
        let unique = self.check_solvable()?;
        super::solver::solve(
            |x| self.eval(x),
            guess,
            unique,
            |x| {
                // on the 16-place grid first (every ordinary root), else to all the places
                // a steep NPV needs
                let refine =
                    |places| super::solver::refine_in_decimal(x, |x| self.eval(x), |x| self.check_value(x), places);
                let on_grid = refine(Some(ROOT_PLACES)).and_then(|(root, value)| self.confirm_root(root, value));
                on_grid.or_else(|_| {
                    let (root, value) = refine(None)?;
                    self.confirm_root(root, value)
                })
            },
        )
    }

    /// Returns `x` only if it is a root within [`ROOT_TOLERANCE`]: |NPV(x)|
    /// at most that share of the flows' absolute sum (`value`: the NPV at
    /// `x`, when already computed).
    fn confirm_root(&self, x: Decimal, value: Option<Decimal>) -> Result<Decimal> {
        let size = self
            .amounts
            .iter()
            .try_fold(Decimal::ZERO, |acc, a| acc.checked_add(a.abs()))
            .ok_or_else(|| overflow("size of the cash flows"))?;
        let allowed = size
            .checked_mul(ROOT_TOLERANCE)
            .ok_or_else(|| overflow("root tolerance"))?;
        let within = |at: Decimal| -> Result<bool> {
            let npv = match value {
                Some(v) if at == x => v,
                _ => self.check_value(at)?,
            };
            // steep discounting (rates far below 0 over many years) may need the 28 digits of
            // `Decimal` rather than the 18 places of the fixed-point evaluation
            Ok(npv.abs() <= allowed || self.value(at).is_ok_and(|v| v.abs() <= allowed))
        };
        // 16 places when they hold the root (every ordinary case), else all the solver found
        let short = x.round_dp(ROOT_PLACES);
        if within(short)? {
            return Ok(short);
        }
        if within(x)? {
            return Ok(x);
        }
        Err(Error::NoRoot {
            reason:
                "the root lies beyond the solver's range (its net present value is not within 1e-6 of the flows' size)",
        })
    }
}

/// Where [`Discounting::fixed_sum`] adds up the bound on its error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ErrorBound {
    /// Only where the factors grow (rates below 0 %), where it may be large.
    WhereFactorsGrow,
    /// Everywhere, to decide a rounding.
    Always,
}

/// An NPV in decimal fixed point: the sum and a bound on its error, in
/// units of 10^-(scale + 18), and the flows' absolute sum in units of 10^-scale.
struct FixedSum {
    total: i128,
    error: i128,
    size: i128,
    scale: u32,
    /// Whether every factor is at most 1 (a rate of 0 % or more).
    bounded: bool,
}

/// Walks the flows in time order with their discount factor `w = d^k`
/// (`k` the flow's time in units, `d` the factor per unit), calling
/// `term(i, w)` for flow `i`. Each gap's power is computed once, from the
/// largest smaller gap already computed when there is one (monthly gaps of
/// 28–31 days cost one or two products after the first). Serves both the
/// `Decimal` and the fixed-point evaluation; `None` when `mul` or `term` fails.
fn walk_discount<T: Copy>(
    units: &[u64],
    one: T,
    d: T,
    mul: impl Fn(T, T) -> Option<T>,
    mut term: impl FnMut(usize, T) -> Option<()>,
) -> Option<()> {
    let pow = |n: u64| super::solver::pow_by_squaring(one, d, n, &mul);
    // a few distinct gaps in practice: kept on the stack; beyond 16, powers are not cached
    let mut cache = [(0u64, one); 16];
    let mut cached = 0usize;
    let (mut w, mut prev) = (one, 0u64);
    for (i, &k) in units.iter().enumerate() {
        let gap = k.checked_sub(prev)?;
        if gap > 0 {
            let known = cache.get(..cached).unwrap_or_default();
            let p = match known.iter().find(|(g, _)| *g == gap) {
                Some(&(_, p)) => p,
                None => {
                    let below = known.iter().filter(|(g, _)| *g < gap).max_by_key(|(g, _)| *g).copied();
                    let p = match below {
                        Some((g, pg)) => mul(pg, pow(gap - g)?)?,
                        None => pow(gap)?,
                    };
                    if let Some(slot) = cache.get_mut(cached) {
                        *slot = (gap, p);
                        cached += 1;
                    }
                    p
                }
            };
            w = mul(w, p)?;
        }
        prev = k;
        term(i, w)?;
    }
    Some(())
}

/// A decimal as the nearest `f64`, quickly for the usual case of a mantissa
/// that fits 53 bits and at most 22 places (exact powers of ten); otherwise by
/// `rust_decimal`'s conversion.
#[expect(
    clippy::float_arithmetic,
    clippy::cast_precision_loss,
    reason = "feeds the f64 search only; exact below 2^53"
)]
fn decimal_to_f64(a: Decimal) -> Option<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];
    let m = a.mantissa();
    match (i64::try_from(m), POW10.get(a.scale() as usize)) {
        (Ok(m), Some(&p)) if m.unsigned_abs() < (1u64 << 53) => Some(m as f64 / p),
        _ => a.to_f64(),
    }
}

/// Decimal fixed point: an `i128` mantissa with 18 decimal places.
mod fixed {
    use rust_decimal::prelude::ToPrimitive;
    use rust_decimal::Decimal;

    use crate::money::{div_round, RoundingMode};

    pub(super) const PLACES: u32 = 18;
    pub(super) const ONE: i128 = 1_000_000_000_000_000_000;

    /// `a × b`, rounded half away from zero to 18 places.
    pub(super) fn mul(a: i128, b: i128) -> Option<i128> {
        let p = a.checked_mul(b)?;
        let (q, r) = div_rem_one(p.unsigned_abs());
        let q = i128::try_from(q).ok()?;
        let q = if 2 * r >= ONE.unsigned_abs() { q + 1 } else { q };
        Some(if p < 0 { -q } else { q })
    }

    /// `floor(2^128 / 10^18)`, for dividing by [`ONE`] with multiplications.
    const RECIPROCAL: u128 = u128::MAX / ONE.unsigned_abs();

    /// `p / 10^18` and its remainder, exactly: the quotient estimated from
    /// the reciprocal (at most two below the true one, since the reciprocal
    /// is cut by less than one unit and so is each product's dropped part),
    /// then corrected. A 128-bit division is a library call many times
    /// slower; this is the hot step of discounting.
    pub(super) fn div_rem_one(p: u128) -> (u128, u128) {
        const LOW: u128 = u64::MAX as u128;
        let (p1, p0) = (p >> 64, p & LOW);
        let (m1, m0) = (RECIPROCAL >> 64, RECIPROCAL & LOW);
        // the high 128 bits of p × RECIPROCAL (a 256-bit product), from 64-bit halves;
        // p1 < 2^64 and m1 < 2^5, so no partial sum below overflows
        let low = p0 * m0;
        let mid_a = p1 * m0;
        let mid_b = p0 * m1 + (low >> 64);
        let (mid, carry) = mid_a.overflowing_add(mid_b);
        let mut q = p1 * m1 + (mid >> 64) + (u128::from(carry) << 64);
        let one = ONE.unsigned_abs();
        let mut r = p - q * one;
        while r >= one {
            q += 1;
            r -= one;
        }
        (q, r)
    }

    /// `a / b`, rounded half away from zero to 18 places (`b > 0`).
    pub(super) fn div(a: i128, b: i128) -> Option<i128> {
        div_round(a.checked_mul(ONE)?, b, RoundingMode::HalfAwayFromZero).ok()
    }

    /// `a^n` by squaring.
    pub(super) fn pow(a: i128, n: u64) -> Option<i128> {
        super::super::solver::pow_by_squaring(ONE, a, n, mul)
    }

    /// A decimal rounded to 18 places.
    pub(super) fn from_decimal(v: Decimal) -> Option<i128> {
        let r = v.round_dp(PLACES);
        r.mantissa().checked_mul(10i128.checked_pow(PLACES - r.scale())?)
    }

    /// The `d` with `d^u = c`: the `f64` root, then one Newton step (the
    /// `f64` start is good to about 1e-16; the step brings it to the 18
    /// places kept).
    pub(super) fn unit_root(c: i128, u: u64) -> Option<i128> {
        if u == 1 {
            return Some(c);
        }
        #[expect(
            clippy::float_arithmetic,
            reason = "a starting point in f64; the Newton step makes it exact"
        )]
        let start = {
            let cf = c.to_f64()? / 1e18;
            (cf.powf(1.0 / u as f64) * 1e18).round()
        };
        let d = start.to_i128().filter(|&d| d > 0)?;
        let p = pow(d, u - 1)?; // d^(u−1)
        let excess = mul(p, d)?.checked_sub(c)?; // d^u − c
        let slope = p.checked_mul(i128::from(u))?; // u·d^(u−1), 18 places
        d.checked_sub(div(excess, slope)?)
    }
}

/// An error when no rate can zero the flows (all zero, all one sign, all on
/// one date); otherwise whether the root is unique (the signs change once).
pub(crate) fn root_is_unique(amounts: &[Decimal], on_one_date: bool) -> Result<bool> {
    if amounts.iter().all(|a| a.is_zero()) {
        return Err(Error::NoRoot {
            reason: "all cash flows are zero",
        });
    }
    // the signs of the non-zero flows, in date order: how often they change
    let mut signs = amounts.iter().filter(|a| !a.is_zero()).map(|a| a.is_sign_positive());
    let first = signs.next();
    let (mut changes, mut last) = (0usize, first);
    for sign in signs {
        if Some(sign) != last {
            changes += 1;
        }
        last = Some(sign);
    }
    if on_one_date {
        return Err(Error::NoRoot {
            reason: "all cash flows fall on one date, so no rate (or every rate) discounts them to zero",
        });
    }
    if changes == 0 {
        return Err(Error::NoRoot {
            reason: "all cash flows have the same sign",
        });
    }
    Ok(changes == 1)
}

pub(super) fn lcm(a: i128, b: i128) -> Result<i128> {
    let (mut x, mut y) = (a, b);
    while y != 0 {
        (x, y) = (y, x % y);
    }
    if x == 0 {
        Ok(0)
    } else {
        (a / x).checked_mul(b).ok_or_else(|| overflow("time units"))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::fixed::{div_rem_one, ONE};

    fn by_division(p: u128) -> (u128, u128) {
        let one = ONE.unsigned_abs();
        (p / one, p % one)
    }

    #[test]
    fn dividing_by_one_by_reciprocal_is_exact_at_the_edges() {
        let one = ONE.unsigned_abs();
        for p in [
            0,
            1,
            one - 1,
            one,
            one + 1,
            one * one - 1,
            one * one,
            u128::from(u64::MAX),
            u128::MAX >> 1,
            (u128::MAX >> 1) - one,
            u128::MAX,
            u128::MAX - 1,
            u128::MAX / one * one,
            u128::MAX / one * one - 1,
        ] {
            assert_eq!(div_rem_one(p), by_division(p), "{p}");
        }
    }

    proptest! {
        #[test]
        fn dividing_by_one_by_reciprocal_matches_division(p in any::<u128>(), shift in 0u32..128) {
            let p = p >> shift;
            prop_assert_eq!(div_rem_one(p), by_division(p));
        }
    }
}
