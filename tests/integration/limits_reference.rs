//! Reference cases for legal limits (DOMAIN.md §2).

use crate::common::{d, m};
use overdue::{DayCount, PrivateLendingCap, Rate, RateTable, UsLateFeeSafeHarbor};
use rust_decimal_macros::dec;

/// Source: Supreme People's Court private-lending rules (in force 2020-08-20):
/// 4 × the one-year LPR at formation; DOMAIN.md §2 LPR table.
#[test]
fn four_times_lpr_on_contract_date() {
    let lpr = RateTable::china_lpr_one_year();
    let cap = |y, mo, day| PrivateLendingCap::on(d(y, mo, day), &lpr).unwrap().enforceable.value();
    assert_eq!(cap(2020, 8, 20), dec!(0.154)); // 4 × 3.85 %
    assert_eq!(cap(2022, 1, 20), dec!(0.148)); // 4 × 3.70 %
    assert_eq!(cap(2024, 10, 20), dec!(0.134)); // 4 × 3.35 %, the day before the cut
    assert_eq!(cap(2024, 10, 21), dec!(0.124)); // 4 × 3.10 %
    assert_eq!(cap(2026, 1, 15), dec!(0.12)); // 4 × 3.00 %
}

/// Source: the 2015 private-lending rules (before 2020-08-20): 24 % / 36 %.
#[test]
fn old_contracts_have_two_bands() {
    let cap = PrivateLendingCap::on(d(2019, 1, 1), &RateTable::china_lpr_one_year()).unwrap();
    let mid = cap
        .check_rate(Rate::annual(dec!(0.30)).unwrap(), DayCount::Act365Fixed)
        .unwrap();
    assert!(mid.exceeded && !mid.void);
    assert_eq!(mid.excess, dec!(0.06));
    let high = cap
        .check_rate(Rate::annual(dec!(0.40)).unwrap(), DayCount::Act365Fixed)
        .unwrap();
    assert!(high.void);
}

/// Source: 12 CFR 1026.52(b) safe harbors, as dated in DOMAIN.md §2.
#[test]
fn us_late_fee_safe_harbor_by_date() {
    let t = UsLateFeeSafeHarbor::default();
    assert_eq!(t.max_fee(d(2012, 1, 1), false, m(dec!(100))).unwrap(), m(dec!(25)));
    assert_eq!(t.max_fee(d(2012, 1, 1), true, m(dec!(100))).unwrap(), m(dec!(35)));
    assert_eq!(t.max_fee(d(2020, 1, 1), true, m(dec!(100))).unwrap(), m(dec!(37)));
    assert_eq!(t.max_fee(d(2025, 1, 1), false, m(dec!(20))).unwrap(), m(dec!(20)));
    assert!(t.max_fee(d(2009, 1, 1), false, m(dec!(100))).is_err());
}
