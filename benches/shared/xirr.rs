//! `cost/xirr` and `cost/apr_reg_z`: XIRR on monthly and irregular dates beside the `xirr`
//! crate and a plain `f64` Newton loop; a Regulation Z APR.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::Criterion;

use crate::flows::{irregular_flows, loan_flows};

/// The limit: a plain f64 Newton loop on the XIRR equation, a `powf` per flow per iteration.
fn f64_xirr(amounts: &[f64], years: &[f64]) -> f64 {
    let mut x = 0.1f64;
    for _ in 0..100 {
        let (mut f, mut df) = (0.0, 0.0);
        for (&a, &t) in amounts.iter().zip(years) {
            let v = a * (1.0 + x).powf(-t);
            f += v;
            df -= t * v / (1.0 + x);
        }
        let next = x - f / df;
        if (next - x).abs() < 1e-12 {
            return next;
        }
        x = next;
    }
    x
}

pub fn cost(c: &mut Criterion) {
    for (name, flows) in [
        ("12", loan_flows(12)),
        ("100", loan_flows(100)),
        ("12_irregular", irregular_flows(12)),
    ] {
        let first = flows[0].date;
        let amounts: Vec<f64> = flows.iter().map(|f| f.amount.try_into().unwrap()).collect();
        let years: Vec<f64> = flows
            .iter()
            .map(|f| (f.date - first).num_days() as f64 / 365.0)
            .collect();
        let peer: Vec<xirr::Payment<NaiveDate>> = flows
            .iter()
            .zip(&amounts)
            .map(|(f, &a)| xirr::Payment {
                amount: a,
                date: f.date,
            })
            .collect();
        let mut group = c.benchmark_group(format!("cost/xirr/{name}"));
        group.bench_function("overdue", |b| {
            b.iter(|| overdue::xirr(black_box(&flows)).unwrap().value())
        });
        group.bench_function("xirr_crate", |b| b.iter(|| xirr::compute(black_box(&peer)).unwrap()));
        group.bench_function("f64_loop", |b| {
            b.iter(|| f64_xirr(black_box(&amounts), black_box(&years)))
        });
        group.finish();
    }
    let flows = loan_flows(36);
    c.bench_function("cost/apr_reg_z/36", |b| {
        b.iter(|| {
            overdue::cost::reg_z_apr(black_box(&flows), overdue::Frequency::Monthly)
                .unwrap()
                .value()
        })
    });
}
