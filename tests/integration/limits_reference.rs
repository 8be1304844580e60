//! Reference cases for legal limits, each citing its source.

use crate::common::{d, m};
use overdue::limits::Violation;
use overdue::{limits::PrivateLendingCap, limits::UsLateFeeSafeHarbor, rate::RateTable, DayCount, Rate};
use rust_decimal_macros::dec;

/// Source: Supreme People's Court private-lending rules (in force 2020-08-20):
/// 4 × the one-year LPR at formation; the LPR as published by the National Interbank Funding Center.
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

/// Source: 12 CFR 1026.52(b)(1)(ii) safe harbors and the Federal Register
/// documents that adjusted them each year: 75 FR 37526 (2010),
/// the 2014 adjustment, 79 FR No. 158 (for 2015), 83 FR 43503 (for 2019),
/// the August 2019 rule (for 2020), 85 FR 50944 (2021 unchanged), the 2021
/// rule (for 2022); no adjustment for 2023 and the 2024 $8 rule vacated.
#[test]
fn us_late_fee_safe_harbor_by_date() {
    let t = UsLateFeeSafeHarbor::default();
    let fee = |y, repeat| {
        let violation = if repeat {
            Violation::RepeatWithinSixCycles
        } else {
            Violation::First
        };
        t.max_fee(d(y, 6, 1), violation, m(dec!(100))).unwrap()
    };
    assert_eq!((fee(2012, false), fee(2012, true)), (m(dec!(25)), m(dec!(35))));
    assert_eq!((fee(2014, false), fee(2014, true)), (m(dec!(26)), m(dec!(37))));
    for year in 2015..=2018 {
        assert_eq!(
            (fee(year, false), fee(year, true)),
            (m(dec!(27)), m(dec!(38))),
            "{year}"
        );
    }
    assert_eq!((fee(2019, false), fee(2019, true)), (m(dec!(28)), m(dec!(39))));
    for year in 2020..=2021 {
        assert_eq!(
            (fee(year, false), fee(year, true)),
            (m(dec!(29)), m(dec!(40))),
            "{year}"
        );
    }
    for year in 2022..=2026 {
        assert_eq!(
            (fee(year, false), fee(year, true)),
            (m(dec!(30)), m(dec!(41))),
            "{year}"
        );
    }
    // the day each change took effect
    assert_eq!(
        t.max_fee(d(2018, 12, 31), Violation::First, m(dec!(100))).unwrap(),
        m(dec!(27))
    );
    assert_eq!(
        t.max_fee(d(2019, 1, 1), Violation::First, m(dec!(100))).unwrap(),
        m(dec!(28))
    );
    assert_eq!(
        t.max_fee(d(2025, 1, 1), Violation::First, m(dec!(20))).unwrap(),
        m(dec!(20))
    );
    assert!(t.max_fee(d(2009, 1, 1), Violation::First, m(dec!(100))).is_err());
}
