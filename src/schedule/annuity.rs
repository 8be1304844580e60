//! Equal installments (annuity, 等额本息).

use rust_decimal::Decimal;

use super::{Inputs, Row};
use crate::error::{overflow, Result};
use crate::money::{to_minor, Rounding, RoundingMode};

pub(crate) struct Annuity {
    pub(crate) rows: Vec<Row>,
    /// The rounded level payment, in minor units.
    pub(crate) level: i128,
    /// The exact (unrounded) annuity payment.
    pub(crate) exact: Decimal,
}

/// The exact annuity payment `P·r / (1 − (1 + r)^−n)`, to 28 significant
/// digits; `P / n` at a zero rate. When `(1 + r)^n` leaves the decimal range,
/// `(1 + r)^−n` is below 10^−28 and the payment is `P·r`.
pub(crate) fn exact_payment(
    principal: Decimal,
    r: Decimal,
    n: u32,
    divisors: Option<&mut Divisors>,
) -> Result<Decimal> {
    if r.is_zero() {
        return principal
            .checked_div(Decimal::from(n))
            .ok_or_else(|| overflow("level payment"));
    }
    let interest = principal.checked_mul(r).ok_or_else(|| overflow("level payment"))?;
    let divisor = match divisors {
        Some(memo) => memo.of(r, n)?,
        None => divisor(r, n)?,
    };
    interest.checked_div(divisor).ok_or_else(|| overflow("level payment"))
}

/// `1 − (1 + r)^−n`, the annuity payment's divisor: it depends on the rate
/// and the term only.
fn divisor(r: Decimal, n: u32) -> Result<Decimal> {
    let growth_base = Decimal::ONE.checked_add(r).ok_or_else(|| overflow("level payment"))?;
    let discount = match pow(growth_base, n) {
        Some(growth) => Decimal::ONE.checked_div(growth).unwrap_or(Decimal::ZERO),
        None => Decimal::ZERO,
    };
    Decimal::ONE
        .checked_sub(discount)
        .ok_or_else(|| overflow("level payment"))
}

/// The divisors of the rates and terms seen so far (a portfolio of one
/// product computes its power once), at most [`Divisors::CAPACITY`] of them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Divisors {
    seen: Vec<(Decimal, u32, Decimal)>,
}

impl Divisors {
    /// How many rates and terms are remembered; past it the oldest is forgotten.
    const CAPACITY: usize = 32;

    fn of(&mut self, r: Decimal, n: u32) -> Result<Decimal> {
        // equal decimals may differ in scale: compare the exact representation,
        // so the divisor is the one `divisor` computes for this very `r`
        let same = |d: &Decimal| d.serialize() == r.serialize();
        if let Some(&(_, _, d)) = self.seen.iter().find(|(rate, term, _)| *term == n && same(rate)) {
            return Ok(d);
        }
        let d = divisor(r, n)?;
        if self.seen.len() == Self::CAPACITY {
            self.seen.remove(0);
        }
        self.seen.push((r, n, d));
        Ok(d)
    }
}

/// `base^n` by squaring, `None` on overflow.
fn pow(base: Decimal, mut n: u32) -> Option<Decimal> {
    let mut acc = Decimal::ONE;
    let mut b = base;
    while n > 0 {
        if n & 1 == 1 {
            acc = acc.checked_mul(b)?;
        }
        n >>= 1;
        if n > 0 {
            b = b.checked_mul(b)?;
        }
    }
    Some(acc)
}

/// Builds the rows. The level payment is the exact payment rounded by the
/// schedule's rounding; if with it a row before the last would repay the
/// whole balance (or owe a negative principal), the payment rounded down and
/// then up are tried; if none fits, rows are clamped (principal between 0
/// and the balance) so the schedule stays valid.
pub(crate) fn build(plan: &Inputs, divisors: Option<&mut Divisors>) -> Result<Annuity> {
    let scale = plan.rounding.scale();
    let principal = Decimal::try_from_i128_with_scale(plan.principal, scale).map_err(|_| overflow("principal"))?;
    let exact = exact_payment(principal, plan.periodic.to_decimal()?, plan.n, divisors)?;
    // the payment rounded the schedule's way, else rounded down, else up
    // (each computed only when the one before does not fit)
    let mut candidates: Vec<i128> = Vec::with_capacity(3);
    for mode in [
        plan.rounding.mode(),
        RoundingMode::TowardZero,
        RoundingMode::AwayFromZero,
    ] {
        let m = to_minor("level payment", Rounding::new(scale, mode)?.round(exact), scale)?;
        if candidates.contains(&m) {
            continue;
        }
        candidates.push(m);
        if let Some(rows) = amortize(plan, m, false)? {
            return Ok(Annuity { rows, level: m, exact });
        }
    }
    let level = candidates.first().copied().unwrap_or_default();
    let rows = amortize(plan, level, true)?.unwrap_or_default();
    Ok(Annuity { rows, level, exact })
}

/// The rows for a level payment; `None` if a row before the last would not
/// fit (unless `clamp`, which forces it to).
fn amortize(plan: &Inputs, level: i128, clamp: bool) -> Result<Option<Vec<Row>>> {
    let n = plan.n as usize;
    let mut rows = Vec::with_capacity(n);
    let mut balance = plan.principal;
    for k in 0..n {
        let interest = plan.interest(k, balance)?;
        let principal = if k + 1 == n {
            balance
        } else {
            let p = level - interest;
            if p < 0 || p >= balance {
                if !clamp {
                    return Ok(None);
                }
                p.clamp(0, balance)
            } else {
                p
            }
        };
        balance -= principal;
        rows.push(Row {
            principal,
            interest,
            fee: 0,
        });
    }
    Ok(Some(rows))
}
