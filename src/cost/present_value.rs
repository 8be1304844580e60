//! What a borrower's dated payments are worth today.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::discount::Discounting;
use super::CashFlow;
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
    // the figure `xnpv` rounds to, without its 28-digit evaluation where the
    // fixed-point one settles the rounding
    let day_count = DayCount::Act365Fixed;
    let yearly = rate.to_annual(day_count)?.value();
    Money::new(Discounting::dated(&flows, day_count)?.rounded_value(yearly, |v| rounding.round(-v))?)
}

#[cfg(test)]
mod tests {
    use super::present_cost;
    use crate::calendar::DayCount;
    use crate::cost::{xnpv, CashFlow};
    use crate::money::{Money, Rounding, RoundingMode};
    use crate::rate::Rate;
    use chrono::{Days, NaiveDate};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    proptest! {
        /// A way out's present cost is `xnpv` rounded to the minor unit, to
        /// the cent, whatever the rate, dates, sizes and rounding.
        #[test]
        fn the_present_cost_is_xnpv_rounded(
            payments in proptest::collection::vec((0u64..4000, 0i64..10_000_000_000), 0..40),
            rate in 0u32..5_000_000, scale in 0u32..=4, mode in 0usize..4,
        ) {
            let as_of = NaiveDate::from_ymd_opt(2026, 6, 24).unwrap_or_default();
            let payments: Vec<(NaiveDate, Money)> = payments
                .iter()
                .filter_map(|&(days, cents)| Some((as_of.checked_add_days(Days::new(days))?, Money::new(Decimal::new(cents, 2)).ok()?)))
                .collect();
            let rate = Rate::annual(Decimal::new(i64::from(rate), 6)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mode = [RoundingMode::HalfAwayFromZero, RoundingMode::HalfEven, RoundingMode::TowardZero, RoundingMode::AwayFromZero][mode];
            let rounding = Rounding::new(scale, mode).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut flows = vec![CashFlow::new(as_of, Decimal::ZERO)];
            flows.extend(payments.iter().map(|&(date, amount)| CashFlow::new(date, -amount.as_decimal())));
            let expected = xnpv(&flows, rate, DayCount::Act365Fixed).map(|v| rounding.round(-v));
            let got = present_cost(as_of, &payments, rate, rounding);
            match (expected, got) {
                (Ok(e), Ok(g)) => prop_assert_eq!(Money::new(e).ok(), Some(g)),
                (e, g) => prop_assert_eq!(e.is_err(), g.is_err()),
            }
        }
    }

    /// A present value exactly on a rounding's midpoint (at 0 % nothing is
    /// discounted) is rounded by the rounding's own rule, not by where the
    /// fixed-point sum's error bound happens to reach.
    #[test]
    fn a_present_value_on_a_midpoint_is_rounded_by_the_rule() {
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 24).unwrap_or_default();
        let payments = [(
            as_of + Days::new(30),
            Money::new(Decimal::new(5, 3)).unwrap_or(Money::ZERO),
        )];
        let cost = |mode| {
            Rounding::new(2, mode)
                .and_then(|r| present_cost(as_of, &payments, Rate::ZERO, r))
                .ok()
        };
        assert_eq!(cost(RoundingMode::HalfEven), Money::new(Decimal::new(0, 2)).ok());
        assert_eq!(
            cost(RoundingMode::HalfAwayFromZero),
            Money::new(Decimal::new(1, 2)).ok()
        );
    }
}
