//! The all-late bench: every installment of a weekly loan late, at 120, 1,200
//! and 5,200 installments, beside the plain-`f64` limit.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::Criterion;
use overdue::{
    accrual::LateFee, accrual::PenaltyBase, accrual::PenaltyRate, Frequency, Ledger, Money, OverduePolicy, Rate, Ratio,
    Schedule, ScheduleOptions,
};
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A weekly loan of `n` installments (52 a year) from 2026-01-05 at 18 %, never paid: 0.05 %/day
/// penalty on each overdue installment, a 5 % late fee on each, a lifetime cap of 36 % of
/// principal; its statement the day after the last due date, every installment late.
fn all_late_weekly(n: u32) -> (Ledger, NaiveDate) {
    all_late_weekly_capped(
        n,
        overdue::accrual::Caps::none().with_lifetime(Ratio::new(dec!(0.36)).unwrap()),
    )
}

/// [`all_late_weekly`] under other caps.
fn all_late_weekly_capped(n: u32, caps: overdue::accrual::Caps) -> (Ledger, NaiveDate) {
    let schedule = Schedule::build(
        &ScheduleOptions::new(
            Money::new(dec!(100000)).unwrap(),
            Rate::annual(dec!(0.18)).unwrap(),
            n,
            d(2026, 1, 5),
        )
        .with_frequency(Frequency::Weekly),
    )
    .unwrap();
    let last = schedule.installments().last().unwrap().due_date;
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
        .with_penalty_base(PenaltyBase::OverdueInstallment)
        .with_late_fee(LateFee::of_installment(Ratio::new(dec!(0.05)).unwrap()))
        .with_caps(caps);
    (Ledger::new(schedule, policy).unwrap(), last + chrono::Days::new(1))
}

/// The plain-`f64` limit of [`all_late_weekly`]'s statement: each installment's penalty for its
/// days late and its late fee, summed under the lifetime cap.
fn f64_all_late(payments: &[(i64, f64)], as_of: i64, principal: f64) -> f64 {
    let charges: f64 = payments
        .iter()
        .map(|&(due, payment)| {
            let days = (as_of - due) as f64;
            (payment * 0.0005 * days * 100.0).round() / 100.0 + (payment * 0.05 * 100.0).round() / 100.0
        })
        .sum();
    charges.min(principal * 0.36)
}

pub fn accrual_at_scale(c: &mut Criterion) {
    // every installment of a weekly loan late: the replay's cost grows with the installments
    // (and the events), not with their square
    for n in [120u32, 520, 1200, 5200] {
        let (ledger, as_of) = all_late_weekly(n);
        let mut group = c.benchmark_group(format!("accrual/all_late_weekly/{n}"));
        if n > 1000 {
            group.sample_size(10);
        }
        group.bench_function("overdue", |b| {
            b.iter(|| black_box(&ledger).statement(black_box(as_of)).unwrap())
        });
        if n <= 520 {
            // under an annualised cap every late installment still posts at every replay point
            // (due dates and fee days × installments late); beyond about 1,000,000 of that work
            // a replay is `Error::TooLarge`
            let (capped, _) = all_late_weekly_capped(
                n,
                overdue::accrual::Caps::none().with_annualised(Rate::annual(dec!(0.24)).unwrap()),
            );
            group.bench_function("overdue/annualised_cap", |b| {
                b.iter(|| black_box(&capped).statement(black_box(as_of)).unwrap())
            });
        }
        let origin = d(2026, 1, 5);
        let payments: Vec<(i64, f64)> = ledger
            .schedule()
            .installments()
            .iter()
            .map(|i| {
                (
                    (i.due_date - origin).num_days(),
                    rust_decimal::prelude::ToPrimitive::to_f64(&i.payment.as_decimal()).unwrap(),
                )
            })
            .collect();
        let day = (as_of - origin).num_days();
        group.bench_function("f64_limit", |b| {
            b.iter(|| f64_all_late(black_box(&payments), black_box(day), 100000.0))
        });
        group.finish();
    }
}
