//! Property tests for schedules: the invariants every schedule keeps.

use crate::common::d;
use overdue::{
    schedule::InterestBasis, schedule::ScheduleCache, DayCount, Frequency, Method, Money, Rate, Schedule,
    ScheduleOptions,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just(Method::EqualInstallment),
        Just(Method::EqualPrincipal),
        Just(Method::InterestOnly),
        Just(Method::Bullet),
        (0u32..300).prop_map(|f| Method::FlatFee {
            fee: Rate::monthly(Decimal::new(i64::from(f), 4)).unwrap()
        }),
    ]
}

fn frequency() -> impl Strategy<Value = Frequency> {
    prop_oneof![
        Just(Frequency::Weekly),
        Just(Frequency::Biweekly),
        Just(Frequency::SemiMonthly),
        Just(Frequency::Monthly),
        Just(Frequency::Quarterly),
        Just(Frequency::Yearly),
    ]
}

fn basis() -> impl Strategy<Value = InterestBasis> {
    prop_oneof![
        3 => Just(InterestBasis::PerPeriod),
        1 => Just(InterestBasis::ActualDays(DayCount::Act365Fixed)),
        1 => Just(InterestBasis::ActualDays(DayCount::Thirty360Bond)),
    ]
}

/// Realistic ranges: principal 0.01 to 10^9, rate 0 to 100 %/year, 1 to 480 installments.
fn realistic() -> impl Strategy<Value = ScheduleOptions> {
    (
        1i64..=100_000_000_000,
        0i64..=100_000,
        1u32..=480,
        method(),
        frequency(),
        basis(),
        0u32..40,
    )
        .prop_map(|(p, r, n, method, freq, basis, offset)| {
            let start = d(2024, 1, 1) + chrono::Days::new(u64::from(offset) * 7);
            ScheduleOptions::new(
                Money::new(Decimal::new(p, 2)).unwrap(),
                Rate::annual(Decimal::new(r, 5)).unwrap(),
                n,
                start,
            )
            .with_method(method)
            .with_frequency(freq)
            .with_basis(basis)
        })
}

fn check_invariants(o: &ScheduleOptions, s: &Schedule) -> Result<(), TestCaseError> {
    let rows = s.installments();
    let expected_rows = if matches!(o.method(), Method::Bullet) {
        1
    } else {
        o.installments() as usize
    };
    prop_assert_eq!(rows.len(), expected_rows);
    let mut balance = o.principal();
    for row in rows {
        prop_assert!(row.balance_after <= balance, "balance increased at row {}", row.number);
        prop_assert_eq!(
            row.payment.as_decimal(),
            row.principal.as_decimal() + row.interest.as_decimal() + row.fee.as_decimal()
        );
        prop_assert_eq!(balance.checked_sub(row.principal).unwrap(), row.balance_after);
        balance = row.balance_after;
    }
    prop_assert!(balance.is_zero(), "last balance {}", balance);
    prop_assert_eq!(Money::sum(rows.iter().map(|r| r.principal)).unwrap(), o.principal());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(300)))]

    /// No negative amount, balances non-increasing, last balance zero, the
    /// principal parts sum exactly to the principal, the requested row count.
    #[test]
    fn schedules_are_valid(o in realistic()) {
        match Schedule::build(&o) {
            Ok(s) => check_invariants(&o, &s)?,
            Err(overdue::Error::PrincipalBelowMinorUnits { .. }) => {
                prop_assert!(o.principal().as_decimal() * Decimal::from(100) < Decimal::from(o.installments()));
            }
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    /// A [`ScheduleCache`] builds exactly the schedules `Schedule::build`
    /// does (or the same error), whatever it remembers: loans drawn from a
    /// few products (rates also written with extra zeros, which are the same
    /// rate at another scale), more products than it keeps, any principal.
    #[test]
    fn a_schedule_cache_builds_what_build_builds(
        loans in prop::collection::vec((1i64..=100_000_000, 0usize..12, 0u32..3, 0usize..3, frequency()), 1..80)
    ) {
        let mut cache = ScheduleCache::new();
        for (p, product, zeros, term, freq) in loans {
            let n = [6, 12, 24][term];
            let rate = Decimal::new(i64::try_from(product).unwrap() * 1_700 * 10i64.pow(zeros), 5 + zeros);
            let o = ScheduleOptions::new(Money::new(Decimal::new(p, 2)).unwrap(), Rate::annual(rate).unwrap(), n, d(2026, 1, 31))
                .with_frequency(freq);
            prop_assert_eq!(cache.build(&o), Schedule::build(&o));
        }
    }

    /// Equal-installment rows (per-period basis) are equal except the last,
    /// and the level payment is within one minor unit of the exact annuity.
    #[test]
    fn annuity_rows_level_and_close_to_exact(p in 100i64..=100_000_000_000, r in 1i64..=100_000, n in 2u32..=480) {
        let principal = Decimal::new(p, 2);
        let rate = Rate::annual(Decimal::new(r, 5)).unwrap();
        if principal * Decimal::from(100) < Decimal::from(n) { return Ok(()); }
        let s = Schedule::equal_installment(Money::new(principal).unwrap(), rate, n, d(2026, 1, 31)).unwrap();
        let level = s.level_payment().unwrap();
        let rows = s.installments();
        let i = rate.value() / Decimal::from(12);
        let growth = (0..n).try_fold(Decimal::ONE, |acc, _| acc.checked_mul(Decimal::ONE + i));
        // one minor unit of rounding in the level payment grows to 0.01 × ((1 + i)^n − 1) / i by
        // the last row; where that exceeds the payment, no payment in minor units amortises the
        // loan and the rows are clamped (documented), so they need not be level
        let amortisable = growth.is_some_and(|g| Decimal::new(1, 2) * (g - Decimal::ONE) / i < level.as_decimal());
        if amortisable {
            for row in &rows[..rows.len() - 1] {
                prop_assert_eq!(row.payment, level);
            }
        }
        if let Some(g) = growth {
            let exact = principal * i / (Decimal::ONE - Decimal::ONE / g);
            prop_assert!((level.as_decimal() - exact).abs() <= Decimal::new(1, 2), "level {} exact {}", level, exact);
        }
    }

    /// Absurd input: any principal, rate, count and dates give Ok or Err, never a panic;
    /// an Ok schedule still keeps every invariant.
    #[test]
    fn arbitrary_input_never_panics(
        mantissa in any::<i64>(), scale in 0u32..=28, rate_m in any::<i64>(), rate_s in 0u32..=28,
        n in any::<u32>(), method in method(), freq in frequency(), basis in basis(),
        days in -200_000i64..200_000, first in proptest::option::of(-1000i64..1000),
    ) {
        let Ok(principal) = Money::new(Decimal::new(mantissa, scale).abs()) else { return Ok(()); };
        let Ok(rate) = Rate::annual(Decimal::new(rate_m, rate_s).abs()) else { return Ok(()); };
        let Some(start) = d(2000, 1, 1).checked_add_signed(chrono::TimeDelta::days(days)) else { return Ok(()); };
        let mut o = ScheduleOptions::new(principal, rate, n % 600, start).with_method(method).with_frequency(freq).with_basis(basis);
        if let Some(f) = first.and_then(|f| start.checked_add_signed(chrono::TimeDelta::days(f))) {
            o = o.with_first_due(f);
        }
        if let Ok(s) = Schedule::build(&o) {
            check_invariants(&o, &s)?;
        }
    }
}
