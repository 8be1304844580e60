//! Cost of credit: cash flows, NPV, IRR/XIRR and APR by method.
//!
//! **Sign convention** (stated once, used everywhere): cash flows are seen from
//! the borrower's pocket. Money the borrower receives (a disbursement) is
//! positive; money the borrower pays (installments, fees) is negative.
#![allow(clippy::float_arithmetic)] // the root search runs in f64; every returned rate is checked in decimal arithmetic

mod apr;
mod solver;
mod unit;

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use self::apr::{china_apr, eu_aprc, reg_z_apr, reg_z_within_tolerance, ChinaApr};
pub use self::unit::UnitPeriod;
use crate::calendar::{DayCount, Frequency};
use crate::error::{overflow, Error, Result};
use crate::fraction::Fraction;
use crate::money::Money;
use crate::rate::Rate;
use crate::schedule::Schedule;

/// A dated, signed amount: positive into the borrower's pocket, negative out.
///
/// It serializes as `{"date": "2026-01-01", "amount": "-100.00"}`.
///
/// # Example
/// ```
/// use overdue::NaiveDate;
/// use overdue::CashFlow;
/// use overdue::dec;
/// let received = CashFlow::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), dec!(1000));
/// assert!(received.amount.is_sign_positive());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CashFlow {
    /// When the money moves.
    pub date: NaiveDate,
    /// How much: positive received by the borrower, negative paid by them.
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub amount: Decimal,
}

impl CashFlow {
    /// A cash flow of `amount` on `date`.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::CashFlow; use overdue::dec;
    /// let paid = CashFlow::new(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(), dec!(-888.49));
    /// assert_eq!(paid.amount, dec!(-888.49));
    /// ```
    pub fn new(date: NaiveDate, amount: Decimal) -> CashFlow {
        CashFlow { date, amount }
    }

    /// The borrower's flows of a schedule: the principal received at
    /// disbursement, each installment (fees included) paid on its due date.
    ///
    /// # Errors
    /// [`Error::Overflow`] is not expected for a valid schedule.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::ZERO, 4,
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// let flows = CashFlow::from_schedule(&s)?;
    /// assert_eq!(flows.len(), 5);
    /// assert_eq!(flows[0].amount, dec!(1000));
    /// assert_eq!(flows[1].amount, dec!(-250));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn from_schedule(schedule: &Schedule) -> Result<Vec<CashFlow>> {
        let mut flows = Vec::with_capacity(schedule.installments().len() + 1);
        flows.push(CashFlow::new(
            schedule.disbursement(),
            schedule.principal().as_decimal(),
        ));
        flows.extend(
            schedule
                .installments()
                .iter()
                .map(|i| CashFlow::new(i.due_date, -i.payment.as_decimal())),
        );
        Ok(flows)
    }
}

/// What the borrower pays in all: the sum of the negative flows, as a positive amount.
///
/// # Errors
/// [`Error::Overflow`].
///
/// ```
/// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
/// let s = Schedule::equal_installment(Money::new(dec!(10000))?, Rate::annual(dec!(0.12))?, 12,
///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
/// assert_eq!(total_paid(&CashFlow::from_schedule(&s)?)?.to_string(), "10661.86");
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn total_paid(flows: &[CashFlow]) -> Result<Money> {
    let paid = flows
        .iter()
        .filter(|f| f.amount.is_sign_negative())
        .try_fold(Decimal::ZERO, |acc, f| crate::money::exact_sub(acc, f.amount))
        .ok_or_else(|| overflow("total paid"))?;
    Money::new(paid)
}

/// Total cost of credit: what is paid minus what is received (the amount
/// financed). Negative if the borrower gets back more than they pay.
///
/// # Errors
/// [`Error::Overflow`].
///
/// ```
/// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
/// let s = Schedule::equal_installment(Money::new(dec!(10000))?, Rate::annual(dec!(0.12))?, 12,
///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
/// assert_eq!(total_cost(&CashFlow::from_schedule(&s)?)?, dec!(661.86));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn total_cost(flows: &[CashFlow]) -> Result<Decimal> {
    flows
        .iter()
        .try_fold(Decimal::ZERO, |acc, f| crate::money::exact_sub(acc, f.amount))
        .ok_or_else(|| overflow("total cost"))
}

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
    fn value(&self, x: Decimal) -> Result<Decimal> {
        let one_plus = Decimal::ONE.checked_add(x).ok_or_else(|| overflow("npv"))?;
        if one_plus <= Decimal::ZERO {
            return Err(Error::Invalid {
                field: "rate",
                reason: format!("must be above -100 %, got {x}"),
            });
        }
        let d = Decimal::ONE
            .checked_div(solver::nth_root(one_plus, self.per_year)?)
            .ok_or_else(|| overflow("npv"))?
            .round_dp(20);
        // 20 places keep each factor to 1e-20, far inside the 1e-10 the check needs,
        // and keep the products narrow (cheap to rescale)
        let mul = |a: Decimal, b: Decimal| a.checked_mul(b).map(|p| p.round_dp(20));
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
    fn check_value(&self, x: Decimal) -> Result<Decimal> {
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
    /// 10 decimal places; rates near −100 %).
    fn value_fixed(&self, x: Decimal) -> Option<Decimal> {
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
        let mut total = 0i128;
        walk_discount(&self.units, fixed::ONE, d, fixed::mul, |i, w| {
            let a = self.amounts.get(i)?;
            let a = a.mantissa().checked_mul(10i128.checked_pow(scale - a.scale())?)?;
            total = total.checked_add(a.checked_mul(w)?)?;
            Some(())
        })?;
        Decimal::try_from_i128_with_scale(total, scale + fixed::PLACES).ok()
    }

    /// The effective rate per year that zeroes the NPV.
    fn solve(&self, guess: f64) -> Result<Decimal> {
        let unique = self.check_solvable()?;
        solver::solve(
            |x| self.eval(x),
            guess,
            unique,
            |x| {
                // on the 16-place grid first (every ordinary root), else to all the places
                // a steep NPV needs
                let refine = |places| solver::refine_in_decimal(x, |x| self.eval(x), |x| self.check_value(x), places);
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
    let pow = |n: u64| solver::pow_by_squaring(one, d, n, &mul);
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
#[allow(clippy::float_arithmetic, clippy::cast_precision_loss)] // feeds the f64 search only; exact below 2^53
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

    /// `a × b`, rounded half away from zero to 18 places (one division).
    pub(super) fn mul(a: i128, b: i128) -> Option<i128> {
        let p = a.checked_mul(b)?;
        let q = p / ONE; // toward zero
        let r = p - q * ONE; // |r| < ONE, sign of p
        Some(if 2 * r.abs() >= ONE { q + p.signum() } else { q })
    }

    /// `a / b`, rounded half away from zero to 18 places (`b > 0`).
    pub(super) fn div(a: i128, b: i128) -> Option<i128> {
        div_round(a.checked_mul(ONE)?, b, RoundingMode::HalfAwayFromZero).ok()
    }

    /// `a^n` by squaring.
    pub(super) fn pow(a: i128, n: u64) -> Option<i128> {
        super::solver::pow_by_squaring(ONE, a, n, mul)
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
        #[allow(clippy::float_arithmetic, clippy::cast_precision_loss)]
        // a starting point; the Newton step makes it exact
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

/// The flows in date order, and the earliest date (the origin of time).
pub(crate) fn sorted_by_date(flows: &[CashFlow]) -> Result<(Vec<CashFlow>, NaiveDate)> {
    let mut sorted = flows.to_vec();
    sorted.sort_by_key(|f| f.date);
    let first = sorted
        .first()
        .ok_or(Error::NoRoot {
            reason: "there are no cash flows",
        })?
        .date;
    Ok((sorted, first))
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

fn lcm(a: i128, b: i128) -> Result<i128> {
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
/// assert_eq!(xirr(&flows)?.round_dp(10), dec!(0.3733625335));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn xirr(flows: &[CashFlow]) -> Result<Decimal> {
    xirr_with_day_count(flows, DayCount::Act365Fixed)
}

/// XIRR with time in years under another day count (ACT/365F is [`xirr`]).
///
/// # Errors
/// As [`xirr`].
///
/// ```
/// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let flows = [CashFlow::new(d(2026, 1, 1), dec!(1000)), CashFlow::new(d(2026, 12, 27), dec!(-1100))];
/// let r = xirr_with_day_count(&flows, DayCount::Act360)?; // 360 days = one year
/// assert_eq!(r.round_dp(10), dec!(0.1));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn xirr_with_day_count(flows: &[CashFlow], day_count: DayCount) -> Result<Decimal> {
    Discounting::dated(flows, day_count)?.solve(0.1)
}

/// The periodic IRR of equally spaced flows (one per period, the first at
/// time 0): the rate per period `i` with `Σ a_k / (1 + i)^k = 0`.
///
/// # Errors
/// As [`xirr`].
///
/// ```
/// use overdue::irr;
/// use overdue::dec;
/// let r = irr(&[dec!(-100), dec!(110)])?;
/// assert_eq!(r.round_dp(10), dec!(0.1));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn irr(amounts: &[Decimal]) -> Result<Decimal> {
    Discounting::periodic(amounts)?.solve(0.01)
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
/// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let flows = [CashFlow::new(d(2026, 1, 1), dec!(-1000)), CashFlow::new(d(2027, 1, 1), dec!(1100))];
/// assert_eq!(xnpv(&flows, Rate::annual(dec!(0.10))?, DayCount::Act365Fixed)?.round_dp(10), dec!(0));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn xnpv(flows: &[CashFlow], rate: Rate, day_count: DayCount) -> Result<Decimal> {
    Discounting::dated(flows, day_count)?.value(rate.to_annual(day_count)?.value())
}

/// NPV of equally spaced flows at `rate_per_period`, the first at time 0.
/// Discount factors are kept to 20 decimal places, so the result is exact
/// to about 1e-18 of the size of the flows.
///
/// # Errors
/// [`Error::Overflow`]; [`Error::NoRoot`] for no flows.
///
/// ```
/// use overdue::npv;
/// use overdue::dec;
/// assert_eq!(npv(&[dec!(-100), dec!(110)], dec!(0.1))?.round_dp(10), dec!(0));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn npv(amounts: &[Decimal], rate_per_period: Decimal) -> Result<Decimal> {
    Discounting::periodic(amounts)?.value(rate_per_period)
}

/// The effective annual rate of a nominal annual rate compounded
/// `frequency.periods_per_year()` times: `(1 + r/m)^m − 1`.
///
/// # Errors
/// [`Error::RateNeedsDayCount`] for a daily rate; [`Error::Overflow`].
///
/// ```
/// use overdue::{effective_annual_rate, Frequency, Rate};
/// use overdue::dec;
/// let e = effective_annual_rate(Rate::annual(dec!(0.12))?, Frequency::Monthly)?;
/// assert_eq!(e.round_dp(6), dec!(0.126825));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn effective_annual_rate(nominal: Rate, frequency: Frequency) -> Result<Decimal> {
    let periodic = nominal.periodic(frequency)?;
    let base = Decimal::ONE
        .checked_add(periodic)
        .ok_or_else(|| overflow("effective rate"))?;
    solver::powi(base, u64::from(frequency.periods_per_year()))?
        .checked_sub(Decimal::ONE)
        .ok_or_else(|| overflow("effective rate"))
}

/// The nominal annual rate, compounded `frequency.periods_per_year()` times,
/// equivalent to an effective annual rate: `m · ((1 + e)^(1/m) − 1)`.
///
/// # Errors
/// [`Error::Invalid`] if `effective ≤ −1`; [`Error::Overflow`].
///
/// ```
/// use overdue::{nominal_annual_rate, Frequency};
/// use overdue::dec;
/// let r = nominal_annual_rate(dec!(0.126825030131969720661201), Frequency::Monthly)?;
/// assert_eq!(r.value().round_dp(10), dec!(0.12));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn nominal_annual_rate(effective: Decimal, frequency: Frequency) -> Result<Rate> {
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
