//! `revolving/line`: a credit line with ten draws over a year and one payment a month, too
//! small to keep it current (so draws fall late and the line is never frozen), read on one
//! date; beside the plain-`f64` limit (each draw's level installments, daily interest on each
//! draw's balance, each payment to what has fallen due draw by draw and then to the balances,
//! in floats, with no rounding, penalties or records).

use std::hint::black_box;

use chrono::{Datelike, NaiveDate};
use criterion::Criterion;
use overdue::revolving::{CreditLine, Draw};
use overdue::schedule::Terms;
use overdue::{Money, OverduePolicy, Payment, Rate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const DAILY: f64 = 0.0004;
const INSTALLMENTS: u32 = 6;
const DUE_DAY: u32 = 10;

/// Draw `k` (0 to 9): 1,000 to 5,500 on the 20th of month `k + 1`, six installments at 0.04 %
/// a day.
fn draws() -> Vec<(NaiveDate, Decimal)> {
    (0..10u32)
        .map(|k| (d(2026, k + 1, 20), Decimal::from(1000 + 500 * k)))
        .collect()
}

/// A payment of 3,000 on each due day from February to December.
fn payments() -> Vec<(NaiveDate, Decimal)> {
    (2..=12u32).map(|m| (d(2026, m, DUE_DAY), dec!(3000))).collect()
}

fn line() -> CreditLine {
    let terms = Terms::new(Rate::daily(dec!(0.0004)).unwrap(), INSTALLMENTS);
    let mut line = CreditLine::new(Money::new(dec!(50000)).unwrap(), DUE_DAY, OverduePolicy::new())
        .unwrap()
        .with_freeze_after(0);
    for (k, (date, amount)) in draws().into_iter().enumerate() {
        line = line.with_draw(Draw::new(format!("d{k}"), date, Money::new(amount).unwrap(), terms));
    }
    for (k, (date, amount)) in payments().into_iter().enumerate() {
        line = line.with_payment(Payment::new(format!("p{k}"), date, Money::new(amount).unwrap()).unwrap());
    }
    line
}

/// One draw in floats: its due dates, the level installment and what is left to pay.
struct F64Draw {
    drawn: i64,
    dues: Vec<i64>,
    installment: f64,
    paid_installments: usize,
    balance: f64,
    interest: f64,
}

/// The limit: the same year in floats, day by day.
fn f64_line(draws: &[(i64, f64)], payments: &[(i64, f64)], first_dues: &[Vec<i64>], as_of: i64) -> f64 {
    let monthly = DAILY * 30.0;
    let annuity = monthly / (1.0 - (1.0 + monthly).powi(-(INSTALLMENTS as i32)));
    let mut book: Vec<F64Draw> = Vec::with_capacity(draws.len());
    let start = draws.first().map_or(as_of, |x| x.0);
    let mut next_draw = 0;
    let mut next_payment = 0;
    for day in start..=as_of {
        while next_draw < draws.len() && draws[next_draw].0 == day {
            let (drawn, amount) = draws[next_draw];
            book.push(F64Draw {
                drawn,
                dues: first_dues[next_draw].clone(),
                installment: amount * annuity,
                paid_installments: 0,
                balance: amount,
                interest: 0.0,
            });
            next_draw += 1;
        }
        while next_payment < payments.len() && payments[next_payment].0 == day {
            let mut left = payments[next_payment].1;
            for draw in book.iter_mut().filter(|b| b.drawn <= day) {
                while left > 0.0 && draw.paid_installments < draw.dues.len() && draw.dues[draw.paid_installments] <= day
                {
                    let due = draw.installment.min(draw.balance + draw.interest);
                    let paid = due.min(left);
                    let to_interest = paid.min(draw.interest);
                    draw.interest -= to_interest;
                    draw.balance -= paid - to_interest;
                    left -= paid;
                    if paid == due {
                        draw.paid_installments += 1;
                    }
                }
            }
            for draw in &mut book {
                let paid = left.min(draw.balance + draw.interest);
                let to_interest = paid.min(draw.interest);
                draw.interest -= to_interest;
                draw.balance -= paid - to_interest;
                left -= paid;
            }
            next_payment += 1;
        }
        for draw in &mut book {
            draw.interest += draw.balance * DAILY;
        }
    }
    book.iter().map(|b| b.balance + b.interest).sum()
}

/// A date as a day number.
fn day(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

pub fn line_statement(c: &mut Criterion) {
    let line = line();
    let as_of = d(2027, 1, 5);
    let statement = line.statement(as_of).unwrap();
    assert_eq!(statement.draws.len(), 10);
    let draws: Vec<(i64, f64)> = draws()
        .iter()
        .map(|(date, amount)| (day(*date), amount.to_f64().unwrap()))
        .collect();
    let payments: Vec<(i64, f64)> = payments()
        .iter()
        .map(|(date, amount)| (day(*date), amount.to_f64().unwrap()))
        .collect();
    let first_dues: Vec<Vec<i64>> = statement
        .draws
        .iter()
        .map(|draw| draw.statement.installments.iter().map(|i| day(i.due_date)).collect())
        .collect();
    let mut group = c.benchmark_group("revolving/line/10_draws/12_months");
    group.bench_function("overdue", |b| {
        b.iter(|| black_box(&line).statement(black_box(as_of)).unwrap())
    });
    group.bench_function("f64_limit", |b| {
        b.iter(|| f64_line(black_box(&draws), black_box(&payments), &first_dues, day(as_of)))
    });
    group.finish();
}
