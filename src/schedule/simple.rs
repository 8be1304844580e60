//! Interest-only with a balloon (先息后本), and the bullet.

use super::{Inputs, Row};
use crate::error::Result;
use crate::fraction::Fraction;

/// Interest on the full principal every period; the principal in the last.
pub(crate) fn interest_only(plan: &Inputs) -> Result<Vec<Row>> {
    let n = plan.n as usize;
    (0..n)
        .map(|k| {
            Ok(Row {
                principal: if k + 1 == n { plan.principal } else { 0 },
                interest: plan.interest(k, plan.principal)?,
                fee: 0,
            })
        })
        .collect()
}

/// One payment at the end: principal and the simple interest of the whole
/// term (the sum of the periods' factors), rounded once.
pub(crate) fn bullet(plan: &Inputs) -> Result<Vec<Row>> {
    let factor = plan.factors.iter().try_fold(Fraction::ZERO, |acc, f| acc.add(*f))?;
    Ok(vec![Row {
        principal: plan.principal,
        interest: factor.apply(plan.principal, plan.rounding)?,
        fee: 0,
    }])
}
