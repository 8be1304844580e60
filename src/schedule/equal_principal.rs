//! Equal principal (等额本金), and the principal split of flat-fee installments.

use super::{Inputs, Row};
use crate::error::Result;

/// The principal part of each row: `round(P / n)` for every row but the
/// last, which takes the residual. When that would leave the last row
/// negative (a small principal over many rows, where rounding up n − 1
/// times exceeds it), the principal is split instead into parts that differ
/// by at most one minor unit, the larger ones first.
pub(crate) fn principal_parts(plan: &Inputs) -> Result<Vec<i128>> {
    let n = i128::from(plan.n);
    let part = plan.rounding.div(plan.principal, n)?;
    let mut parts = Vec::with_capacity(plan.n as usize);
    if part * (n - 1) <= plan.principal {
        parts.resize(plan.n as usize - 1, part);
        parts.push(plan.principal - part * (n - 1));
    } else {
        let (base, extra) = (plan.principal / n, plan.principal % n);
        parts.extend((0..n).map(|k| base + i128::from(k < extra)));
    }
    Ok(parts)
}

/// Rows with equal principal, interest on the balance, and `fee` per row.
pub(crate) fn build(plan: &Inputs, fee: i128) -> Result<Vec<Row>> {
    let mut balance = plan.principal;
    let mut rows = Vec::with_capacity(plan.n as usize);
    for (k, principal) in principal_parts(plan)?.into_iter().enumerate() {
        let interest = plan.interest(k, balance)?;
        balance -= principal;
        rows.push(Row {
            principal,
            interest,
            fee,
        });
    }
    Ok(rows)
}
