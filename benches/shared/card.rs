//! `revolving/card`: a credit card over 24 statements (five purchases, a cash advance and a
//! payment each month, the payment short of the statement every third month, so the grace
//! period is lost and won back), read on one date, beside the plain-`f64` limit (the same
//! events day by day in floats: interest on each day's balance when the previous statement
//! was not paid in full, cash from its date, the minimum, with no rounding, fees or records);
//! and a portfolio of 100,000 such cards with a year of history each, read one by one.

use std::hint::black_box;

use chrono::{Datelike, NaiveDate};
use criterion::{Criterion, Throughput};
use overdue::revolving::{Card, CardEvent, CardStatement, CardTerms, InterestMethod, MinimumPayment};
use overdue::{Money, Rate};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const DAILY: f64 = 0.0005;

/// The events of month `k` (from 0) of a card opened on 6 January 2026, statement on the 5th,
/// due on the 25th; `seed` varies the amounts.
fn month(k: u32, seed: u64) -> Vec<(NaiveDate, u8, Decimal)> {
    let (y, m) = (2026 + (k / 12) as i32, k % 12 + 1);
    let v = |n: u64| Decimal::from(100 + (seed * 37 + n * 53 + u64::from(k) * 11) % 900);
    let mut events: Vec<(NaiveDate, u8, Decimal)> =
        (0..5u32).map(|i| (d(y, m, 6 + i * 4), 0, v(u64::from(i)))).collect();
    events.push((d(y, m, 15), 1, v(9) / Decimal::TWO));
    if k > 0 {
        events.push((d(y, m, 25), 2, Decimal::ZERO));
    }
    events
}

fn card(months: u32, seed: u64) -> Card {
    let terms = CardTerms::new(Money::new(dec!(50000)).unwrap(), 5, Rate::daily(dec!(0.0005)).unwrap())
        .unwrap()
        .with_interest_method(InterestMethod::WholeStatement)
        .with_minimum(MinimumPayment::new(dec!(0.10), Money::new(dec!(100)).unwrap()).unwrap());
    let mut card = Card::new(d(2026, 1, 6), terms);
    let mut n = 0;
    for k in 0..months {
        for (date, kind, amount) in month(k, seed) {
            n += 1;
            let id = format!("e{n}");
            let event = match kind {
                0 => CardEvent::Purchase {
                    id,
                    date,
                    amount: Money::new(amount).unwrap(),
                },
                1 => CardEvent::CashAdvance {
                    id,
                    date,
                    amount: Money::new(amount).unwrap(),
                },
                // a payment of about a month's charges, half of it every third month
                _ => {
                    let paid = if k % 3 == 2 { dec!(1400) } else { dec!(3200) };
                    CardEvent::Payment {
                        id,
                        date,
                        amount: Money::new(paid).unwrap(),
                    }
                }
            };
            card = card.with_event(event);
        }
    }
    card
}

/// The same card in floats: each day's balance, interest on it when the grace is lost
/// (purchases) or always (cash), billed on the statement day; the minimum 10 %.
fn f64_card(events: &[(i64, u8, f64)], statements: &[i64], end: i64) -> (f64, f64) {
    let (mut purchases, mut cash, mut accrued, mut billed) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    let (mut grace, mut minimum, mut next) = (true, 0.0f64, 0usize);
    let mut statement = 0usize;
    let first = events.first().map_or(end, |e| e.0);
    for day in first..=end {
        while let Some(&(date, kind, amount)) = events.get(next) {
            if date != day {
                break;
            }
            match kind {
                0 => purchases += amount,
                1 => cash += amount,
                _ => {
                    let paid = amount.min(purchases + cash);
                    grace = paid >= billed;
                    let to_cash = paid.min(cash);
                    cash -= to_cash;
                    purchases -= paid - to_cash;
                }
            }
            next += 1;
        }
        if !grace {
            accrued += purchases * DAILY;
        }
        accrued += cash * DAILY;
        if statements.get(statement) == Some(&day) {
            purchases += accrued;
            accrued = 0.0;
            billed = purchases + cash;
            minimum = billed * 0.1;
            statement += 1;
        }
    }
    (purchases + cash, minimum)
}

fn day(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

pub fn card_statement(c: &mut Criterion) {
    let card = card(24, 1);
    let as_of = d(2028, 1, 5);
    let statement: CardStatement = card.statement(as_of).unwrap();
    assert_eq!(statement.cycles.len(), 24);
    let events: Vec<(i64, u8, f64)> = (0..24)
        .flat_map(|k| month(k, 1))
        .map(|(date, kind, amount)| {
            (
                day(date),
                kind,
                if kind == 2 {
                    3200.0
                } else {
                    amount.to_string().parse().unwrap()
                },
            )
        })
        .collect();
    let statements: Vec<i64> = statement.cycles.iter().map(|c| day(c.statement_date)).collect();
    let mut group = c.benchmark_group("revolving/card/24_cycles");
    group.bench_function("overdue", |b| {
        b.iter(|| black_box(&card).statement(black_box(as_of)).unwrap())
    });
    group.bench_function("f64_limit", |b| {
        b.iter(|| f64_card(black_box(&events), black_box(&statements), day(as_of)))
    });
    group.finish();
}

/// 100,000 cards with a year of history each (about 80 events), each read on one date.
pub fn card_portfolio(c: &mut Criterion) {
    const CARDS: u64 = 100_000;
    let templates: Vec<Card> = (0..100).map(|seed| card(12, seed)).collect();
    let as_of = d(2027, 1, 5);
    let mut group = c.benchmark_group("revolving/card/portfolio");
    group.sample_size(10).throughput(Throughput::Elements(CARDS));
    group.bench_function("100000_cards", |b| {
        b.iter(|| {
            let mut owed = Decimal::ZERO;
            for k in 0..CARDS {
                let card = &templates[(k % 100) as usize];
                owed += black_box(card).statement(as_of).unwrap().payoff.as_decimal();
            }
            owed
        })
    });
    group.finish();
}
