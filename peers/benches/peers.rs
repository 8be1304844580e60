//! overdue beside rust_finprim (Decimal), on the flows and loans of the main benches.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use chrono::{Datelike, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use overdue::{xirr, Money, Rate, Schedule};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[path = "../../benches/shared/flows.rs"]
mod flows;
use flows::loan_flows;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn xirr_group(c: &mut Criterion) {
    for n in [12u32, 100] {
        let flows = loan_flows(n);
        let table: Vec<(Decimal, i32)> = flows.iter().map(|f| (f.amount, f.date.num_days_from_ce())).collect();
        let mut group = c.benchmark_group(format!("cost/xirr/{n}"));
        group.sample_size(10);
        group.bench_function("overdue", |b| b.iter(|| xirr(black_box(&flows)).unwrap()));
        group.bench_function("rust_finprim_decimal", |b| {
            b.iter(|| rust_finprim::rate::xirr(black_box(&table), None, None, None))
        });
        group.finish();
    }
}

fn schedule_group(c: &mut Criterion) {
    let mut group = c.benchmark_group("schedule/annuity/360");
    let principal = Money::new(dec!(670000)).unwrap();
    let rate = Rate::annual(dec!(0.049)).unwrap();
    group.bench_function("overdue", |b| {
        b.iter(|| Schedule::equal_installment(black_box(principal), black_box(rate), 360, d(2026, 1, 1)).unwrap())
    });
    let r = dec!(0.049) / dec!(12);
    let pmt = rust_finprim::tvm::pmt(r, Decimal::from(360), dec!(670000), None, None);
    group.bench_function("rust_finprim", |b| {
        b.iter(|| rust_finprim::amort_dep_tax::amort_schedule(black_box(r), 360, dec!(670000), pmt, None))
    });
    group.finish();
}

criterion_group!(benches, xirr_group, schedule_group);
criterion_main!(benches);
