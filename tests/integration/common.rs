//! Helpers shared by the integration tests.

use chrono::NaiveDate;
use overdue::Money;
use rust_decimal::Decimal;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn m(v: Decimal) -> Money {
    Money::new(v).unwrap()
}

/// A property test's case count: `PROPTEST_CASES` when set (for long runs),
/// else the suite's `default` (`ProptestConfig::with_cases` ignores the variable).
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// 1,200 in 12 monthly installments of 100 at no interest from 2026-01-15 (due on the 15th,
/// 2026-02-15 to 2027-01-15), nothing paid, under `policy`: the reporting tests' loan.
pub fn hundreds(policy: overdue::OverduePolicy) -> overdue::Ledger {
    let plan =
        overdue::Schedule::equal_installment(m(Decimal::from(1200)), overdue::Rate::ZERO, 12, d(2026, 1, 15)).unwrap();
    overdue::Ledger::new(plan, policy).unwrap()
}
