//! Property tests for the cost of credit.

use crate::common::d;
use chrono::Days;
use overdue::{cost::china_apr, cost::xnpv, xirr, CashFlow, DayCount, Frequency, Money, Rate, Schedule};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Each of two XIRRs is within the documented 1e-10 of the root (1e-10 of
/// the rate above 100 %), so two of them agree to twice that.
fn tolerance(rate: Decimal) -> Decimal {
    Decimal::new(2, 10) * rate.abs().max(Decimal::ONE)
}

fn flows() -> impl Strategy<Value = Vec<CashFlow>> {
    (
        1i64..=10_000_000,
        proptest::collection::vec((1u64..=400, 1i64..=2_000_000), 1..40),
        0i64..=10_000,
    )
        .prop_map(|(out, rest, extra)| {
            let start = d(2026, 1, 1);
            let mut v = vec![CashFlow::new(start, Decimal::new(-out, 2))];
            let mut day = 0;
            let total: i64 = rest.iter().map(|r| r.1).sum();
            for (gap, amt) in rest {
                day += gap;
                // scale the returns so the total is near the outlay ± a spread
                let scaled = Decimal::new(amt, 0) * Decimal::new(out + extra, 2) / Decimal::new(total, 0);
                v.push(CashFlow::new(start + Days::new(day), scaled.round_dp(2)));
            }
            v
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(200)))]

    /// The Chinese APR of an annuity schedule's flows equals its nominal rate
    /// within the rounding tolerance (one cent on each row moves it very little).
    #[test]
    fn apr_of_annuity_equals_its_rate(p in 100_000i64..=100_000_000, r in 1i64..=3600, n in 2u32..=60) {
        let rate = Rate::annual(Decimal::new(r, 4)).unwrap();
        let s = Schedule::equal_installment(Money::new(Decimal::new(p, 2)).unwrap(), rate, n, d(2026, 1, 1)).unwrap();
        let amounts: Vec<Decimal> = CashFlow::from_schedule(&s).unwrap().iter().map(|f| f.amount).collect();
        let apr = china_apr(&amounts, Frequency::Monthly).unwrap();
        // a cent of rounding on a payment of at least 10 moves the rate by well under 0.01 points
        prop_assert!((apr.nominal - rate.value()).abs() < Decimal::new(1, 4), "apr {} rate {}", apr.nominal, rate);
    }

    /// XIRR is unchanged when every flow is scaled by a positive constant.
    #[test]
    fn xirr_is_scale_invariant(f in flows(), k in 1i64..=1000) {
        if let Ok(r) = xirr(&f).map(|y| y.value()) {
            let scaled: Vec<CashFlow> = f.iter().map(|c| CashFlow::new(c.date, c.amount * Decimal::from(k))).collect();
            let r2 = xirr(&scaled).unwrap().value();
            prop_assert!((r - r2).abs() <= tolerance(r), "{} vs {}", r, r2);
        }
    }

    /// XIRR is unchanged when every date moves by the same number of days.
    #[test]
    fn xirr_is_shift_invariant(f in flows(), shift in 1u64..=3000) {
        if let Ok(r) = xirr(&f).map(|y| y.value()) {
            let moved: Vec<CashFlow> = f.iter().map(|c| CashFlow::new(c.date + Days::new(shift), c.amount)).collect();
            let r2 = xirr(&moved).unwrap().value();
            prop_assert!((r - r2).abs() <= tolerance(r), "{} vs {}", r, r2);
        }
    }

    /// NPV at the XIRR is ~0 relative to the size of the flows.
    #[test]
    fn npv_at_xirr_is_zero(f in flows()) {
        if let Ok(r) = xirr(&f).map(|y| y.value())
            && r > Decimal::new(-99, 2) && r < Decimal::from(100) {
                let size: Decimal = f.iter().map(|c| c.amount.abs()).sum();
                let v = xnpv(&f, Rate::annual(r.max(Decimal::ZERO)).unwrap(), DayCount::Act365Fixed);
                if r >= Decimal::ZERO {
                    prop_assert!(v.unwrap().abs() <= size * Decimal::new(1, 8), "npv {:?} size {}", size, size);
                }
            }
    }

    /// Arbitrary flows give Ok or Err, never a panic.
    #[test]
    fn arbitrary_flows_never_panic(raw in proptest::collection::vec((any::<i64>(), 0u32..28, -100_000i64..100_000), 0..20)) {
        let f: Vec<CashFlow> = raw
            .into_iter()
            .filter_map(|(m, s, day)| Some(CashFlow::new(d(2000, 1, 1).checked_add_signed(chrono::TimeDelta::days(day))?, Decimal::new(m, s))))
            .collect();
        let _ = xirr(&f);
        let _ = overdue::cost::reg_z_apr(&f, Frequency::Monthly);
        let _ = overdue::cost::total_cost(&f);
        let amounts: Vec<Decimal> = f.iter().map(|c| c.amount).collect();
        let _ = overdue::cost::irr(&amounts);
    }
}

proptest! {
    /// Absurd rates in the conversions give Ok or Err, never a panic.
    #[test]
    fn rate_conversions_never_panic(m in any::<i64>(), s in 0u32..=28, hi in any::<bool>()) {
        let v = Decimal::new(m, s).abs();
        let v = if hi { Decimal::MAX - Decimal::ONE + v.min(Decimal::ONE) } else { v };
        if let Ok(r) = Rate::annual(v) {
            let _ = overdue::cost::effective_annual_rate(r, Frequency::Monthly);
        }
        let _ = overdue::cost::nominal_annual_rate(overdue::Yield::annual(v), Frequency::Monthly);
        let _ = overdue::cost::reg_z_within_tolerance(overdue::Yield::annual(Decimal::MAX), overdue::Yield::annual(-v), overdue::cost::Transaction::Regular);
    }
}
