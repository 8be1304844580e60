//! `accrual/timeline`: what happens to a loan left as it is over a year, beside one statement
//! of it (the replay a timeline reads many times) and the plain-`f64` limit (the milestone days
//! by date arithmetic alone, no replay).

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::Criterion;
use overdue::accrual::{Collections, LateFee};
use overdue::{Ledger, Money, OverduePolicy, Rate, Schedule};
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// 12,000 at 18 % in 12 monthly installments from 2026-01-15, a 30 late fee, charge-off at 180
/// days, a freeze at 30 and legal action at 90, nothing paid.
fn unpaid_loan() -> Ledger {
    let plan = Schedule::equal_installment(
        Money::new(dec!(12000)).unwrap(),
        Rate::annual(dec!(0.18)).unwrap(),
        12,
        d(2026, 1, 15),
    )
    .unwrap();
    let policy = OverduePolicy::new()
        .with_late_fee(LateFee::flat(Money::new(dec!(30)).unwrap()))
        .with_charge_off_after(180)
        .with_collections(Collections::new().with_freeze_after(30).with_legal_action_after(90));
    Ledger::new(plan, policy).unwrap()
}

/// The milestone days by date arithmetic: the thresholds after the first due date, and each
/// installment's fee day.
fn f64_milestones(first_due: NaiveDate, dues: &[NaiveDate], amount: f64) -> Vec<(NaiveDate, f64)> {
    let mut days: Vec<(NaiveDate, f64)> = [1u64, 30, 31, 61, 90, 91, 180]
        .iter()
        .map(|&t| (first_due + Days::new(t), 0.0))
        .collect();
    days.extend(dues.iter().map(|&due| (due + Days::new(1), amount)));
    days.sort_by_key(|x| x.0);
    days
}

pub fn timeline(c: &mut Criterion) {
    let ledger = unpaid_loan();
    let dues: Vec<NaiveDate> = ledger.schedule().installments().iter().map(|i| i.due_date).collect();
    let mut group = c.benchmark_group("accrual/timeline/12");
    group.bench_function("overdue", |b| {
        b.iter(|| {
            black_box(&ledger)
                .timeline(black_box(d(2026, 2, 1)), d(2027, 2, 1))
                .unwrap()
        })
    });
    group.bench_function("overdue_one_statement", |b| {
        b.iter(|| black_box(&ledger).statement(black_box(d(2027, 2, 1))).unwrap())
    });
    group.bench_function("f64_dates_only", |b| {
        b.iter(|| f64_milestones(black_box(d(2026, 2, 15)), black_box(&dues), 30.0))
    });
    group.finish();
}
