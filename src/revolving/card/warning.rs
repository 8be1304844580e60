//! The US minimum-payment warning (12 CFR 1026.7(b)(12)), worked the way
//! Appendix M2's sample calculation does, in exact cents.

use rust_decimal::Decimal;

use super::clauses::MinimumPayment;
use super::statement::MinimumPaymentWarning;
use crate::error::{Error, Result};
use crate::money::Money;

/// One balance of the statement at its monthly periodic rate; a promotional
/// rate gives way to `after` once `promo_months` have passed.
#[derive(Debug, Clone, Copy)]
pub(super) struct RatedBalance {
    pub(super) cents: i64,
    pub(super) monthly: Decimal,
    pub(super) promo_months: u32,
    pub(super) after: Decimal,
}

impl RatedBalance {
    fn rate_in(&self, month: u32) -> Decimal {
        if month <= self.promo_months {
            self.monthly
        } else {
            self.after
        }
    }

    /// The rate over 36 months, the promotion blended in (Appendix M2).
    fn rate_36(&self) -> Decimal {
        let promo = Decimal::from(self.promo_months.min(36));
        let share = promo / Decimal::from(36);
        share * self.monthly + (Decimal::ONE - share) * self.after
    }
}

/// The longest repayment the warning simulates: 100 years.
const MAX_MONTHS: u32 = 1200;

/// The warning for `balances` under `minimum`: `None` for nothing owed.
pub(super) fn warning(balances: &[RatedBalance], minimum: MinimumPayment) -> Result<Option<MinimumPaymentWarning>> {
    let total: i64 = balances.iter().map(|b| b.cents).sum();
    if total <= 0 {
        return Ok(None);
    }
    let (months, paid) = minimum_only(balances, minimum)?;
    let money = |c: i64| Money::from_minor(i128::from(c), 2);
    let within_36 = months.is_some_and(|m| m <= 36);
    let (payment_36, total_36, savings) = if within_36 {
        (None, None, None)
    } else {
        let payment = level_payment(balances, total)?;
        let all = payment * 36;
        let saved = paid.map(|p| p - all).filter(|s| *s > 0);
        (Some(money(payment)?), Some(money(all)?), saved.map(money).transpose()?)
    };
    Ok(Some(MinimumPaymentWarning {
        months_minimum_only: months,
        total_minimum_only: paid.map(money).transpose()?,
        payment_36_months: payment_36,
        total_36_months: total_36,
        savings,
    }))
}

/// Months and total paid paying only the minimum each month, the payment
/// going to the lowest-rate balance first; `None` if it never repays.
fn minimum_only(balances: &[RatedBalance], minimum: MinimumPayment) -> Result<(Option<u32>, Option<i64>)> {
    let mut owed: Vec<(Decimal, i64, RatedBalance)> = balances.iter().map(|b| (b.monthly, b.cents, *b)).collect();
    let floor = to_cents(minimum.floor().as_decimal())?;
    let mut paid = 0i64;
    for month in 1..=MAX_MONTHS {
        let principal: i64 = owed.iter().map(|o| o.1).sum();
        let mut interest = 0i64;
        for o in &mut owed {
            o.0 = o.2.rate_in(month);
            let charge = whole(Decimal::from(o.1) * o.0)?;
            o.1 += charge;
            interest += charge;
        }
        let share = whole(Decimal::from(principal) * minimum.share())?;
        let now: i64 = owed.iter().map(|o| o.1).sum();
        let payment = (share + interest).max(floor).min(now);
        if payment <= interest && payment < now {
            return Ok((None, None));
        }
        paid += payment;
        let mut left = payment;
        owed.sort_by_key(|o| o.0);
        for o in &mut owed {
            let took = left.min(o.1);
            o.1 -= took;
            left -= took;
        }
        if owed.iter().all(|o| o.1 == 0) {
            return Ok((Some(month), Some(paid)));
        }
    }
    Ok((None, None))
}

/// The level monthly payment that repays `total` in 36 months at the
/// balance-weighted rate, rounded half up to the cent.
fn level_payment(balances: &[RatedBalance], total: i64) -> Result<i64> {
    let overflow = || Error::Overflow {
        operation: "the 36-month payment",
    };
    let weighted: Decimal = balances.iter().map(|b| Decimal::from(b.cents) * b.rate_36()).sum();
    let rate = weighted / Decimal::from(total);
    let amount = Decimal::new(total, 2);
    if rate.is_zero() {
        return to_cents(amount / Decimal::from(36));
    }
    let mut growth = Decimal::ONE;
    for _ in 0..36 {
        growth = growth.checked_mul(Decimal::ONE + rate).ok_or_else(overflow)?;
    }
    // payment = amount × r / (1 − (1 + r)^−36) = amount × r × g / (g − 1)
    let payment = amount
        .checked_mul(rate)
        .and_then(|v| v.checked_mul(growth))
        .and_then(|v| v.checked_div(growth - Decimal::ONE))
        .ok_or_else(overflow)?;
    to_cents(payment)
}

/// An amount in currency units as whole cents, rounded half up.
fn to_cents(amount: Decimal) -> Result<i64> {
    super::books::to_cents(amount)
}

/// An exact number of cents rounded half up to a whole cent.
fn whole(cents: Decimal) -> Result<i64> {
    to_cents(cents / Decimal::ONE_HUNDRED)
}
