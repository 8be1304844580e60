//! Root finding for IRR-type equations: an `f64` search, a `Decimal` check.
#![expect(
    clippy::float_arithmetic,
    reason = "the search is in f64 by design; the root is checked in decimal arithmetic"
)]

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::error::{overflow, Error, Result};

/// Accuracy of a returned rate (absolute, in the rate).
pub(crate) const RATE_TOLERANCE: f64 = 1e-10;

/// Points where the bracketing fallback looks for a sign change.
const GRID: [f64; 27] = [
    -0.999_999_999_999,
    -0.999_999_999,
    -0.999_999,
    -0.9999,
    -0.999,
    -0.99,
    -0.95,
    -0.9,
    -0.75,
    -0.5,
    -0.25,
    -0.1,
    -0.01,
    0.0,
    0.01,
    0.05,
    0.1,
    0.2,
    0.5,
    1.0,
    2.0,
    5.0,
    10.0,
    100.0,
    1_000.0,
    10_000.0,
    1_000_000.0,
];

/// Solves `f(x) = 0` for `x > −1`, where `eval(x)` gives `(f(x), f'(x))`,
/// returning the first candidate root that `accept` confirms (it checks the
/// `f64` root in decimal arithmetic).
///
/// Policy: when the flows change sign once (`unique`), the root is unique and
/// Newton from `guess` finds it, with bisection on a scanned bracket if
/// Newton fails. When they change sign more than once, several roots may
/// exist: the grid is scanned and the roots are tried by bisection nearest
/// 0 % first; one that cannot be confirmed (a root so close to −100 % that a
/// rate of 16 places cannot hold it) gives way to the next.
pub(crate) fn solve<T>(
    eval: impl Fn(f64) -> Option<(f64, f64)>,
    guess: f64,
    unique: bool,
    mut accept: impl FnMut(f64) -> Result<T>,
) -> Result<T> {
    let mut last_err = None;
    if unique && let Some(x) = newton(&eval, guess) {
        match accept(x) {
            Ok(v) => return Ok(v),
            Err(e) => last_err = Some(e),
        }
    }
    // the grid, then (when none of its roots is confirmed) a finer one: two roots between
    // neighbouring grid points hide each other
    let fine = GRID
        .windows(2)
        .flat_map(|w| {
            let (a, b) = (w.first().copied().unwrap_or(0.0), w.last().copied().unwrap_or(0.0));
            (0..FINE).map(move |i| a + (b - a) * f64::from(i) / f64::from(FINE))
        })
        .chain(GRID.last().copied());
    let mut tried: Vec<(f64, f64)> = Vec::new();
    for mut brackets in [scan(&eval, GRID.iter().copied()), scan(&eval, fine)] {
        brackets.retain(|b| !tried.iter().any(|t| t.0 <= b.0 && b.1 <= t.1));
        brackets.sort_by(|a, b| (a.0.abs().min(a.1.abs())).total_cmp(&b.0.abs().min(b.1.abs())));
        for (lo, hi) in brackets {
            match bisect(&eval, lo, hi).and_then(&mut accept) {
                Ok(v) => return Ok(v),
                Err(e) => last_err = Some(e),
            }
            tried.push((lo, hi));
        }
    }
    Err(last_err.unwrap_or(Error::NoRoot {
        reason: "no sign change of the net present value between -100 % and 10^8 %",
    }))
}

/// Each grid interval is split this many times when the grid itself shows no sign change.
const FINE: u32 = 64;

/// The brackets where `f` changes sign (or is zero) along the points `xs`, in order.
fn scan(eval: &impl Fn(f64) -> Option<(f64, f64)>, xs: impl Iterator<Item = f64>) -> Vec<(f64, f64)> {
    let mut brackets: Vec<(f64, f64)> = Vec::new();
    let mut prev: Option<(f64, f64)> = None;
    for x in xs {
        let Some((fx, _)) = eval(x) else { continue };
        if !fx.is_finite() {
            continue;
        }
        if fx == 0.0 {
            brackets.push((x, x));
        } else if let Some((px, pf)) = prev
            && pf.signum() != fx.signum()
            && pf != 0.0
        {
            brackets.push((px, x));
        }
        prev = Some((x, fx));
    }
    brackets
}

fn newton(eval: &impl Fn(f64) -> Option<(f64, f64)>, guess: f64) -> Option<f64> {
    let mut x = guess;
    for _ in 0..100 {
        let (f, df) = eval(x)?;
        if !f.is_finite() || !df.is_finite() || df == 0.0 {
            return None;
        }
        let mut next = x - f / df;
        if next <= -1.0 {
            next = (x - 1.0) / 2.0; // halfway to −100 %, stay in the domain
        }
        if (next - x).abs() <= 1e-12 * (1.0 + x.abs()) {
            return Some(next);
        }
        x = next;
    }
    None
}

fn bisect(eval: &impl Fn(f64) -> Option<(f64, f64)>, mut lo: f64, mut hi: f64) -> Result<f64> {
    let err = Error::NoRoot {
        reason: "the net present value is not finite inside the bracket",
    };
    let (mut flo, _) = eval(lo).ok_or(err.clone())?;
    if flo == 0.0 {
        return Ok(lo);
    }
    for _ in 0..300 {
        let mid = lo + (hi - lo) / 2.0;
        if mid <= lo || mid >= hi {
            break;
        }
        let (fm, _) = eval(mid).ok_or(err.clone())?;
        if fm == 0.0 {
            return Ok(mid);
        }
        if fm.signum() == flo.signum() {
            lo = mid;
            flo = fm;
        } else {
            hi = mid;
        }
        if hi - lo <= 1e-15 * (1.0 + lo.abs()) {
            break;
        }
    }
    Ok(lo + (hi - lo) / 2.0)
}

/// Checks an `f64` root in decimal arithmetic: rounds it to a `Decimal`,
/// evaluates `f` there with `exact` (decimal fixed point or `Decimal`, never
/// `f64`) and applies Newton corrections with the `f64` slope until the
/// correction is below [`RATE_TOLERANCE`] (at most 8 times). Returns the
/// root and, when it was evaluated there, `f` at it.
///
/// With `places`, the root is wanted to that many decimal places: each
/// corrected root is rounded to them, and a converged root whose correction
/// is under one unit of its last place (at 16 places, about the noise of
/// the fixed-point check itself) is returned as it is, with the value
/// already computed. A root that needs more places is then not confirmed
/// by the caller, who asks again without `places`.
pub(crate) fn refine_in_decimal(
    x: f64,
    eval: impl Fn(f64) -> Option<(f64, f64)>,
    exact: impl Fn(Decimal) -> Result<Decimal>,
    places: Option<u32>,
) -> Result<(Decimal, Option<Decimal>)> {
    let not_checked = Error::NoRoot {
        reason: "the root could not be confirmed in decimal arithmetic",
    };
    let mut xd = decimal_of(x).ok_or_else(|| overflow("rate from f64"))?.round_dp(16);
    let mut converged = false;
    let mut previous = f64::INFINITY;
    for _ in 0..8 {
        let xf = xd.to_f64().ok_or_else(|| overflow("rate to f64"))?;
        let (_, slope) = eval(xf).ok_or(not_checked.clone())?;
        let exact_value = exact(xd)?;
        let value = exact_value.to_f64().ok_or_else(|| overflow("npv to f64"))?;
        if slope == 0.0 || !slope.is_finite() {
            return Err(not_checked);
        }
        let step = value / slope;
        if !step.is_finite() {
            return Err(not_checked);
        }
        // accurate to the tolerance: absolute below 100 %, relative above it (f64 cannot
        // resolve 1e-11 of a rate of 10^4)
        converged = step.abs() <= RATE_TOLERANCE / 10.0 * xf.abs().max(1.0);
        // a correction below what 24 places hold changes nothing; and once
        // converged, a correction that no longer shrinks (Newton's shrink
        // quadratically) is the noise of the decimal evaluation, not news
        let on_grid =
            places.is_some_and(|p| xd.scale() <= p && step.abs() < 10f64.powi(-i32::try_from(p).unwrap_or(i32::MAX)));
        if converged && on_grid {
            return Ok((xd, Some(exact_value)));
        }
        if step.abs() <= 1e-23 * xf.abs().max(1.0) || (converged && step.abs() * 4.0 >= previous) {
            return Ok((xd, None));
        }
        previous = step.abs();
        // applied in decimal: a steep NPV needs the rate beyond the 16 digits an f64 near it
        // resolves, and a few more steps than the rate's tolerance asks for
        let step = decimal_of(step).ok_or_else(|| overflow("rate from f64"))?;
        let next = xd.checked_sub(step).ok_or_else(|| overflow("rate correction"))?;
        if next <= Decimal::NEGATIVE_ONE {
            return Err(not_checked);
        }
        xd = next.round_dp(places.unwrap_or(24));
    }
    if converged {
        Ok((xd, None))
    } else {
        Err(not_checked)
    }
}

/// `x` as a decimal to the 17 significant digits an `f64` holds (exactly
/// enough for a rate or a Newton correction, which the decimal check then
/// verifies), without the exact binary expansion of
/// `Decimal::from_f64_retain`, slow for the tiny corrections near a root.
/// `None` when `x` is not finite or out of the decimal range.
fn decimal_of(x: f64) -> Option<Decimal> {
    if !x.is_finite() {
        return None;
    }
    if x == 0.0 {
        return Some(Decimal::ZERO);
    }
    // digits after the point that keep 17 significant ones (at most 28)
    let scale = (16 - x.abs().log10().floor() as i32).min(28);
    if scale < 0 {
        return Decimal::from_f64_retain(x);
    }
    let mantissa = (x * 10f64.powi(scale)).round();
    Decimal::try_from_i128_with_scale(mantissa as i128, scale as u32).ok()
}

/// `base^n` by squaring, for any number type with a fallible `mul` and its `one`.
pub(crate) fn pow_by_squaring<T: Copy>(one: T, base: T, mut n: u64, mul: impl Fn(T, T) -> Option<T>) -> Option<T> {
    let (mut acc, mut b) = (one, base);
    while n > 0 {
        if n & 1 == 1 {
            acc = mul(acc, b)?;
        }
        n >>= 1;
        if n > 0 {
            b = mul(b, b)?;
        }
    }
    Some(acc)
}

/// `base^n` in `Decimal` by squaring.
pub(crate) fn powi(base: Decimal, n: u64) -> Result<Decimal> {
    pow_by_squaring(Decimal::ONE, base, n, |a, b| a.checked_mul(b)).ok_or_else(|| overflow("power"))
}

/// `a^(1/n)` in `Decimal` for `a > 0`: Newton on `v^n = a` from the `f64`
/// root. The `f64` start is good to about 1e-16, so one Newton step (which
/// squares the relative error) reaches the 28 digits of `Decimal`.
pub(crate) fn nth_root(a: Decimal, n: u64) -> Result<Decimal> {
    if n == 1 {
        return Ok(a);
    }
    let af = a.to_f64().ok_or_else(|| overflow("root"))?;
    let nf = n as f64;
    let mut v = Decimal::from_f64_retain(af.powf(1.0 / nf)).ok_or_else(|| overflow("root"))?;
    let nd = Decimal::from(n);
    {
        let p = powi(v, n - 1)?; // v^(n−1)
        let vn = p.checked_mul(v).ok_or_else(|| overflow("root"))?;
        let denom = nd.checked_mul(p).ok_or_else(|| overflow("root"))?;
        let step = vn
            .checked_sub(a)
            .and_then(|x| x.checked_div(denom))
            .ok_or_else(|| overflow("root"))?;
        v = v.checked_sub(step).ok_or_else(|| overflow("root"))?;
    }
    Ok(v)
}
