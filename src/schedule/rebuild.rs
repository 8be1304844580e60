//! The installments left after a principal prepayment, rebuilt on the lower
//! balance: the same payment over fewer periods, or the same periods with a
//! lower payment.

use chrono::NaiveDate;

use super::{annuity, equal_principal, simple, Inputs, Method, Row, ScheduleOptions};
use crate::error::{overflow, Result};
use crate::rate::{on_path, FloatingRate, OnReset};

/// What a rebuild keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// The payment of the first row rebuilt (its principal part under equal
    /// principal); the term shortens.
    Payment {
        /// Its principal plus interest.
        payment: i128,
        /// Its principal.
        principal: i128,
    },
    /// The number of rows; the payment falls.
    Term,
}

/// The rows for `balance` over `due_dates` (the first period from `start`)
/// under the plan in force. Under [`Keep::Payment`] the rows stop where the
/// balance is repaid, so fewer may come back than dates were given.
/// Interest-only and bullet plans always keep their term. Fees are not
/// rebuilt: the caller keeps each row's scheduled fee.
pub(crate) fn rebuild(
    options: &ScheduleOptions,
    balance: i128,
    start: NaiveDate,
    due_dates: &[NaiveDate],
    keep: Keep,
) -> Result<Vec<Row>> {
    if balance <= 0 || due_dates.is_empty() {
        return Ok(Vec::new());
    }
    match options.floating() {
        None => rebuild_fixed(options, balance, start, due_dates, keep),
        Some(f) => rebuild_floating(options, f, balance, start, due_dates, keep),
    }
}

/// A floating loan's rows: stretch by stretch of one rate in force (a
/// period's rate is the one in force at its start), each stretch rebuilt
/// on the balance left at its start, as [`OnReset`] says.
fn rebuild_floating(
    options: &ScheduleOptions,
    f: &FloatingRate,
    mut balance: i128,
    start: NaiveDate,
    due_dates: &[NaiveDate],
    mut keep: Keep,
) -> Result<Vec<Row>> {
    let last = due_dates.last().copied().unwrap_or(start);
    let path = f.path(options.disbursement(), last)?;
    let rate_at = |d: NaiveDate| on_path(&path, d).ok_or_else(|| overflow("floating rate path"));
    let mut rows = Vec::with_capacity(due_dates.len());
    let (mut k, mut period_start) = (0, start);
    while k < due_dates.len() && balance > 0 {
        let rate = rate_at(period_start)?;
        let mut end = k + 1;
        while let Some(&d) = due_dates.get(end - 1).filter(|_| end < due_dates.len()) {
            if rate_at(d)? != rate {
                break;
            }
            end += 1;
        }
        let rest = due_dates.get(k..).unwrap_or_default();
        let piece = rebuild_fixed(&options.at_fixed(rate), balance, period_start, rest, keep)?;
        let stretch = end - k;
        let repaid = piece.len() < stretch;
        for row in piece.into_iter().take(stretch) {
            balance -= row.principal;
            rows.push(row);
        }
        if repaid {
            break;
        }
        keep = match (f.on_reset(), rows.last()) {
            (OnReset::KeepInstallment, Some(row)) => Keep::Payment {
                payment: row.principal.saturating_add(row.interest),
                principal: row.principal,
            },
            _ => Keep::Term,
        };
        period_start = due_dates.get(end - 1).copied().unwrap_or(period_start);
        k = end;
    }
    Ok(rows)
}

/// The rows at the options' fixed rate.
fn rebuild_fixed(
    options: &ScheduleOptions,
    balance: i128,
    start: NaiveDate,
    due_dates: &[NaiveDate],
    keep: Keep,
) -> Result<Vec<Row>> {
    let plan = Inputs::over(options, balance, start, due_dates.to_vec())?;
    let keep = match options.method {
        Method::InterestOnly | Method::Bullet => Keep::Term,
        _ => keep,
    };
    match (keep, options.method) {
        (Keep::Term, Method::EqualInstallment) => Ok(annuity::build(&plan, None)?.rows),
        (Keep::Term, Method::EqualPrincipal | Method::FlatFee { .. }) => equal_principal::build(&plan, 0),
        (Keep::Term, Method::Bullet) => simple::bullet(&plan),
        (Keep::Term, _) => simple::interest_only(&plan),
        (Keep::Payment { payment, .. }, Method::EqualInstallment) => pay_down(&plan, |interest| payment - interest),
        (Keep::Payment { principal, .. }, _) => pay_down(&plan, |_| principal),
    }
}

/// Rows that repay `principal_of(interest)` each period until the balance
/// is gone (the last date takes whatever is left).
fn pay_down(plan: &Inputs, principal_of: impl Fn(i128) -> i128) -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    let mut balance = plan.principal;
    let last = plan.due_dates.len().saturating_sub(1);
    for k in 0..plan.due_dates.len() {
        if balance <= 0 {
            break;
        }
        let interest = plan.interest(k, balance)?;
        let principal = if k == last {
            balance
        } else {
            principal_of(interest).clamp(0, balance)
        };
        balance -= principal;
        rows.push(Row {
            principal,
            interest,
            fee: 0,
        });
    }
    Ok(rows)
}
