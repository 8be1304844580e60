//! Equal installments (annuity, 等额本息).

use rust_decimal::Decimal;

use super::{Plan, Row};
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
pub(crate) fn exact_payment(principal: Decimal, r: Decimal, n: u32) -> Result<Decimal> {
    if r.is_zero() {
        return principal
            .checked_div(Decimal::from(n))
            .ok_or_else(|| overflow("level payment"));
    }
    let interest = principal.checked_mul(r).ok_or_else(|| overflow("level payment"))?;
    let growth_base = Decimal::ONE.checked_add(r).ok_or_else(|| overflow("level payment"))?;
    let discount = match pow(growth_base, n) {
        Some(growth) => Decimal::ONE.checked_div(growth).unwrap_or(Decimal::ZERO),
        None => Decimal::ZERO,
    };
    interest
        .checked_div(
            Decimal::ONE
                .checked_sub(discount)
                .ok_or_else(|| overflow("level payment"))?,
        )
        .ok_or_else(|| overflow("level payment"))
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
pub(crate) fn build(plan: &Plan) -> Result<Annuity> {
    let scale = plan.rounding.scale();
    let principal = Decimal::try_from_i128_with_scale(plan.principal, scale).map_err(|_| overflow("principal"))?;
    let exact = exact_payment(principal, plan.periodic.to_decimal()?, plan.n)?;
    let mut candidates: Vec<i128> = Vec::with_capacity(3);
    for mode in [
        plan.rounding.mode(),
        RoundingMode::TowardZero,
        RoundingMode::AwayFromZero,
    ] {
        let m = to_minor("level payment", Rounding::new(scale, mode)?.round(exact), scale)?;
        if !candidates.contains(&m) {
            candidates.push(m);
        }
    }
    for &level in &candidates {
        if let Some(rows) = amortize(plan, level, false)? {
            return Ok(Annuity { rows, level, exact });
        }
    }
    let level = candidates.first().copied().unwrap_or_default();
    let rows = amortize(plan, level, true)?.unwrap_or_default();
    Ok(Annuity { rows, level, exact })
}

/// The rows for a level payment; `None` if a row before the last would not
/// fit (unless `clamp`, which forces it to).
fn amortize(plan: &Plan, level: i128, clamp: bool) -> Result<Option<Vec<Row>>> {
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
