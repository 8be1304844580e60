//! What a borrower's dated payments are worth today.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{xnpv, CashFlow};
use crate::calendar::DayCount;
use crate::error::Result;
use crate::money::{Money, Rounding};
use crate::rate::Rate;

/// What `payments` by the borrower are worth on `as_of` at the annual
/// `rate` (Act/365F), rounded with `rounding`: the NPV of a way out or a plan.
pub(crate) fn present_cost(
    as_of: NaiveDate,
    payments: &[(NaiveDate, Money)],
    rate: Rate,
    rounding: Rounding,
) -> Result<Money> {
    // discounted to `as_of` (xnpv counts time from its earliest flow)
    let mut flows = vec![CashFlow::new(as_of, Decimal::ZERO)];
    flows.extend(
        payments
            .iter()
            .map(|&(date, amount)| CashFlow::new(date, -amount.as_decimal())),
    );
    let present_value = xnpv(&flows, rate, DayCount::Act365Fixed)?;
    Money::new(rounding.round(-present_value))
}
