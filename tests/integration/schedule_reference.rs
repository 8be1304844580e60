//! Reference cases for schedules, rounding and day counts, each citing its source.

use crate::common::{d, m};
use overdue::{DayCount, Method, Rate, Rounding, Schedule, ScheduleOptions};
use rust_decimal_macros::dec;

/// Source: https://m.vdgb.cn/baike/61318.html — 670,000 at 4.9 % over 360 months.
#[test]
fn equal_installment_670k_360_months() {
    let s =
        Schedule::equal_installment(m(dec!(670000)), Rate::annual(dec!(0.049)).unwrap(), 360, d(2026, 1, 1)).unwrap();
    assert_eq!(s.level_payment(), Some(m(dec!(3555.87))));
    let first = &s.installments()[0];
    assert_eq!(first.interest, m(dec!(2735.83)));
    assert_eq!(first.principal, m(dec!(820.04)));
    assert_eq!(s.total_of_level_payments().unwrap(), Some(m(dec!(1280113.20))));
    // the posted total differs from the table's by the last row's residual only
    let posted = s.total_paid().unwrap().as_decimal();
    assert!((posted - dec!(1280113.20)).abs() < dec!(1.00), "{posted}");
    assert_eq!(s.installments().len(), 360);
    assert!(s.installments()[359].balance_after.is_zero());
}

/// Source: http://shuilv.net/post/444 — 500,000 at 5.9 % over 240 months;
/// the published total is 240 × the exact payment, rounded at the end.
#[test]
fn equal_installment_500k_240_months_exact_total() {
    let s =
        Schedule::equal_installment(m(dec!(500000)), Rate::annual(dec!(0.059)).unwrap(), 240, d(2026, 1, 1)).unwrap();
    assert_eq!(s.level_payment(), Some(m(dec!(3553.37))));
    assert_eq!(s.total_of_exact_payments().unwrap(), Some(m(dec!(852808.79))));
}

/// Source: computed from the annuity formulas (full schedule, the residual in the last row).
#[test]
fn equal_installment_10k_12_percent_full_schedule() {
    let s = Schedule::equal_installment(m(dec!(10000)), Rate::annual(dec!(0.12)).unwrap(), 12, d(2026, 1, 1)).unwrap();
    assert_eq!(s.level_payment(), Some(m(dec!(888.49))));
    let interest: Vec<_> = s.installments().iter().map(|i| i.interest.as_decimal()).collect();
    assert_eq!(&interest[..3], &[dec!(100.00), dec!(92.12), dec!(84.15)]);
    assert_eq!(interest[11], dec!(8.80));
    assert_eq!(s.installments()[11].payment, m(dec!(888.47)));
    assert_eq!(s.total_interest().unwrap(), m(dec!(661.86)));
}

/// Source: equal-principal formulas — 120,000 at 6 % over 12 months.
#[test]
fn equal_principal_120k() {
    let s = Schedule::equal_principal(m(dec!(120000)), Rate::annual(dec!(0.06)).unwrap(), 12, d(2026, 1, 1)).unwrap();
    assert_eq!(s.installments()[0].payment, m(dec!(10600.00)));
    assert_eq!(s.installments()[11].payment, m(dec!(10050.00)));
    assert_eq!(s.total_interest().unwrap(), m(dec!(3900.00)));
}

/// Source: equal-principal formulas — 10,000 at 1 %/month, 3 months; residual in the last.
#[test]
fn equal_principal_residual() {
    let s = Schedule::equal_principal(m(dec!(10000)), Rate::monthly(dec!(0.01)).unwrap(), 3, d(2026, 1, 1)).unwrap();
    let pays: Vec<_> = s.installments().iter().map(|i| i.payment.as_decimal()).collect();
    assert_eq!(pays, vec![dec!(3433.33), dec!(3400.00), dec!(3366.67)]);
    assert_eq!(s.installments()[2].principal, m(dec!(3333.34)));
}

/// Source: the flat-fee formula: 12,000 repaid as 12 × (1,000 + 72), a 0.6 %/month fee.
#[test]
fn flat_fee_installments() {
    let o = ScheduleOptions::new(m(dec!(12000)), Rate::ZERO, 12, d(2026, 1, 1)).with_method(Method::FlatFee {
        fee: Rate::monthly(dec!(0.006)).unwrap(),
    });
    let s = Schedule::build(&o).unwrap();
    assert!(s.installments().iter().all(|i| i.payment == m(dec!(1072))));
    assert_eq!(s.level_payment(), Some(m(dec!(1072))));
}

/// Source: arithmetic: 250.00 × 0.05 %/day × 1 day = 0.125.
#[test]
fn rounding_half_up_and_half_even() {
    let i = Rate::daily(dec!(0.0005))
        .unwrap()
        .simple_interest(m(dec!(250.00)), d(2026, 1, 1), d(2026, 1, 2), DayCount::Act360)
        .unwrap();
    assert_eq!(Rounding::default().round(i), dec!(0.13));
    assert_eq!(Rounding::half_even(2).unwrap().round(i), dec!(0.12));
}

/// Source: QuantLib test-suite/daycounters.cpp (ACT/ACT ISDA case).
#[test]
fn act_act_isda() {
    let yf = DayCount::ActActIsda
        .year_fraction(d(2003, 11, 1), d(2004, 5, 1))
        .unwrap();
    assert_eq!(yf.round_dp(12), dec!(0.497724380567));
}

/// Source: QuantLib test-suite/daycounters.cpp (30/360 cases).
#[test]
fn thirty_360_family() {
    let (a, b) = (d(2007, 2, 28), d(2007, 8, 31));
    assert_eq!(DayCount::Thirty360Bond.days(a, b), 183);
    assert_eq!(DayCount::Thirty360European.days(a, b), 182);
    assert_eq!(DayCount::Thirty360Us.days(a, b), 180);
}

/// A pre-divided rate rounds a half-cent row the wrong way; the exact ratio does not.
/// 0.049/12 as a Decimal is 0.0040833…3 (inexact); find a balance whose exact
/// interest is x.xx5 and check that ours rounds it half up.
#[test]
fn per_period_interest_divides_last() {
    // 1,500.00 × 0.049 / 12 = 6.125 exactly
    let s = Schedule::build(
        &ScheduleOptions::new(m(dec!(1500)), Rate::annual(dec!(0.049)).unwrap(), 1, d(2026, 1, 1))
            .with_method(Method::InterestOnly),
    )
    .unwrap();
    assert_eq!(s.installments()[0].interest, m(dec!(6.13)));
    let pre_divided = dec!(1500) * (dec!(0.049) / dec!(12));
    assert_eq!(Rounding::default().round(pre_divided), dec!(6.12)); // the bug we avoid
}

#[test]
fn interest_only_and_bullet() {
    let rate = Rate::annual(dec!(0.12)).unwrap();
    let io =
        Schedule::build(&ScheduleOptions::new(m(dec!(1000)), rate, 3, d(2026, 1, 1)).with_method(Method::InterestOnly))
            .unwrap();
    let pays: Vec<_> = io.installments().iter().map(|i| i.payment.as_decimal()).collect();
    assert_eq!(pays, vec![dec!(10.00), dec!(10.00), dec!(1010.00)]);
    let b = Schedule::build(&ScheduleOptions::new(m(dec!(1000)), rate, 3, d(2026, 1, 1)).with_method(Method::Bullet))
        .unwrap();
    assert_eq!(b.installments().len(), 1);
    assert_eq!(b.installments()[0].due_date, d(2026, 4, 1));
    assert_eq!(b.installments()[0].payment, m(dec!(1030.00)));
}

#[test]
fn schedule_json_round_trip_and_validation() {
    let s = Schedule::equal_installment(m(dec!(1000)), Rate::annual(dec!(0.1)).unwrap(), 3, d(2026, 1, 1)).unwrap();
    let json = serde_json::to_string(&s).unwrap();
    assert!(json.contains("\"principal\":\"1000\""), "{json}");
    let back: Schedule = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    let bad = json.replace("\"installments\":3", "\"installments\":0");
    let err = serde_json::from_str::<Schedule>(&bad).unwrap_err();
    assert!(
        err.to_string().contains("installments must be at least 1, got 0"),
        "{err}"
    );
}
