//! Criterion benches, named area/operation/size, ours beside a peer and the
//! plain-`f64` limit in one group so every run prints the ratio.
#![expect(
    missing_docs,
    clippy::unwrap_used,
    clippy::float_arithmetic,
    clippy::indexing_slicing,
    reason = "bench code: floats are the baseline being measured"
)]

use std::hint::black_box;

use chrono::{Months, NaiveDate};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use overdue::{
    accrual::AllocationOrder, accrual::Grace, accrual::LateFee, accrual::PenaltyBase, accrual::PenaltyRate,
    accrual::Surplus, rate::FloatingRate, rate::RateTable, rate::Spread, schedule::InterestModel, DayCount, Frequency,
    Ledger, Money, OverduePolicy, Payment, Rate, Ratio, Schedule, ScheduleOptions,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[path = "shared/all_late.rs"]
mod all_late;
#[path = "shared/card.rs"]
mod card;
#[path = "shared/flows.rs"]
mod flows;
#[path = "shared/line.rs"]
mod line;
#[path = "shared/sweep.rs"]
mod sweep;
#[path = "shared/timeline.rs"]
mod timeline;
#[path = "shared/xirr.rs"]
mod xirr_bench;
use all_late::accrual_at_scale;
use card::{card_portfolio, card_statement};
use line::line_statement;
use timeline::timeline;
use xirr_bench::cost;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A plain `f64` annuity loop producing the same rows (due date, principal,
/// interest, payment, balance) with cent rounding: the limit.
fn f64_annuity(principal: f64, annual: f64, n: u32, first_due: NaiveDate) -> Vec<(NaiveDate, f64, f64, f64, f64)> {
    let r = annual / 12.0;
    let payment = (principal * r / (1.0 - (1.0 + r).powi(-(n as i32))) * 100.0).round() / 100.0;
    let mut balance = principal;
    let mut rows = Vec::with_capacity(n as usize);
    for k in 0..n {
        let interest = (balance * r * 100.0).round() / 100.0;
        let principal_part = if k + 1 == n { balance } else { payment - interest };
        balance -= principal_part;
        let due = first_due.checked_add_months(Months::new(k)).unwrap();
        rows.push((due, principal_part, interest, principal_part + interest, balance));
    }
    rows
}

/// A plain `Decimal` annuity loop (pre-divided rate, `round_dp` per row), the
/// way most Decimal code writes it: the peer.
fn decimal_annuity(
    principal: Decimal,
    annual: Decimal,
    n: u32,
    first_due: NaiveDate,
) -> Vec<(NaiveDate, [Decimal; 4])> {
    let r = annual / Decimal::from(12);
    let mut growth = Decimal::ONE;
    for _ in 0..n {
        growth *= Decimal::ONE + r;
    }
    let payment = (principal * r * growth / (growth - Decimal::ONE)).round_dp(2);
    let mut balance = principal;
    let mut rows = Vec::with_capacity(n as usize);
    for k in 0..n {
        let interest = (balance * r).round_dp(2);
        let principal_part = if k + 1 == n { balance } else { payment - interest };
        balance -= principal_part;
        let due = first_due.checked_add_months(Months::new(k)).unwrap();
        rows.push((due, [principal_part, interest, principal_part + interest, balance]));
    }
    rows
}

fn schedules(c: &mut Criterion) {
    for n in [12u32, 360] {
        let mut group = c.benchmark_group(format!("schedule/annuity/{n}"));
        let principal = Money::new(dec!(670000)).unwrap();
        let rate = Rate::annual(dec!(0.049)).unwrap();
        group.bench_function("overdue", |b| {
            b.iter(|| {
                Schedule::equal_installment(black_box(principal), black_box(rate), black_box(n), d(2026, 1, 1)).unwrap()
            })
        });
        // a portfolio's loans of one product: the divisor computed once, kept by the cache
        let options = ScheduleOptions::new(principal, rate, n, d(2026, 1, 1));
        let mut cache = overdue::schedule::ScheduleCache::new();
        group.bench_function("overdue_cached", |b| {
            b.iter(|| cache.build(black_box(&options)).unwrap())
        });
        group.bench_function("decimal_loop", |b| {
            b.iter(|| {
                decimal_annuity(
                    black_box(dec!(670000)),
                    black_box(dec!(0.049)),
                    black_box(n),
                    d(2026, 2, 1),
                )
            })
        });
        group.bench_function("f64_loop", |b| {
            b.iter(|| f64_annuity(black_box(670000.0), black_box(0.049), black_box(n), d(2026, 2, 1)))
        });
        group.finish();
    }
    // A 30-year LPR mortgage repriced every anniversary (re-amortised at each change)
    // beside the same loan at a fixed rate
    let mut group = c.benchmark_group("schedule/floating/360");
    let start = d(2019, 10, 8);
    let fixed = ScheduleOptions::new(
        Money::new(dec!(1000000)).unwrap(),
        Rate::annual(dec!(0.0465)).unwrap(),
        360,
        start,
    );
    let lpr = RateTable::china_lpr_five_year().with_known_through(d(2050, 1, 1));
    let floating = fixed
        .clone()
        .with_floating(FloatingRate::new(lpr, Spread::annual(dec!(-0.002))));
    group.bench_function("fixed", |b| b.iter(|| Schedule::build(black_box(&fixed)).unwrap()));
    group.bench_function("floating", |b| {
        b.iter(|| Schedule::build(black_box(&floating)).unwrap())
    });
    group.finish();
    let mut group = c.benchmark_group("schedule/equal_principal/360");
    group.bench_function(BenchmarkId::from_parameter("overdue"), |b| {
        b.iter(|| {
            Schedule::equal_principal(
                black_box(Money::new(dec!(670000)).unwrap()),
                Rate::annual(dec!(0.049)).unwrap(),
                360,
                d(2026, 1, 1),
            )
            .unwrap()
        })
    });
    group.finish();
}

/// The bench loan: 12 biweekly installments from 2026-01-01 (due 01-15, 01-29, 02-12, …), two
/// partial payments (01-20 and 02-05), an online lender's policy (0.05 %/day on the overdue
/// installment, a 5 % late fee after a 3-day grace, a lifetime cap of 36 % of principal).
fn bench_ledger(principal: Decimal) -> Ledger {
    bench_ledger_with(principal, InterestModel::Scheduled)
}

/// The bench loan with its contract interest charged under `model`.
fn bench_ledger_with(principal: Decimal, model: InterestModel) -> Ledger {
    let schedule = Schedule::build(
        &ScheduleOptions::new(
            Money::new(principal).unwrap(),
            Rate::annual(dec!(0.18)).unwrap(),
            12,
            d(2026, 1, 1),
        )
        .with_frequency(Frequency::Biweekly)
        .with_interest(model),
    )
    .unwrap();
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
        .with_penalty_base(PenaltyBase::OverdueInstallment)
        .with_late_fee(LateFee::of_installment(Ratio::new(dec!(0.05)).unwrap()))
        .with_grace(Grace::waive(3))
        .with_caps(overdue::accrual::Caps::none().with_lifetime(Ratio::new(dec!(0.36)).unwrap()));
    let mut ledger = Ledger::new(schedule, policy).unwrap();
    ledger
        .pay(Payment::new("p1", d(2026, 1, 20), Money::new(dec!(200)).unwrap()).unwrap())
        .unwrap();
    ledger
        .pay(Payment::new("p2", d(2026, 2, 5), Money::new(dec!(300)).unwrap()).unwrap())
        .unwrap();
    ledger
}

/// The `accrual/portfolio/100000` work: each loan's position at 30 days past due (what a
/// portfolio run reads).
fn positions_of(portfolio: &[Ledger]) -> usize {
    portfolio
        .iter()
        .map(|ledger| ledger.position(d(2026, 2, 14)).unwrap().days_past_due as usize)
        .sum()
}

/// Each loan's whole statement at 30 days past due, beside [`positions_of`].
fn statements_of(portfolio: &[Ledger]) -> usize {
    portfolio
        .iter()
        .map(|ledger| ledger.statement(d(2026, 2, 14)).unwrap().days_past_due as usize)
        .sum()
}

/// 100,000 bench loans, their principals a few cents apart: the `…/portfolio/100000` loans.
fn bench_portfolio() -> Vec<Ledger> {
    (0..100_000i64)
        .map(|i| bench_ledger(Decimal::new(1_000_000 + i * 7, 2)))
        .collect()
}

/// 12,000 at 18 % over 24 months, re-amortised after a 5,000 prepayment.
fn prepaid_ledger() -> Ledger {
    let schedule = Schedule::equal_installment(
        Money::new(dec!(12000)).unwrap(),
        Rate::annual(dec!(0.18)).unwrap(),
        24,
        d(2026, 1, 1),
    )
    .unwrap();
    let policy = OverduePolicy::new()
        .with_allocation(AllocationOrder::servicer_default().with_surplus(Surplus::LowerInstallments));
    let payment = schedule.installments()[0].payment;
    let mut ledger = Ledger::new(schedule, policy).unwrap();
    for (id, day) in [("i1", d(2026, 2, 1)), ("i2", d(2026, 3, 1))] {
        ledger.pay(Payment::new(id, day, payment).unwrap()).unwrap();
    }
    ledger
        .pay(Payment::new("extra", d(2026, 3, 10), Money::new(dec!(5000)).unwrap()).unwrap())
        .unwrap();
    ledger
}

fn accrual(c: &mut Criterion) {
    let ledger = bench_ledger(dec!(12000));
    let mut group = c.benchmark_group("accrual/statement");
    // 30 days past due: three installments overdue (01-15, 01-29, 02-12)
    group.bench_function("dpd_30", |b| {
        b.iter(|| black_box(&ledger).statement(black_box(d(2026, 2, 14))).unwrap())
    });
    // every installment overdue (all 12 due dates and fee days replayed)
    group.bench_function("dpd_400", |b| {
        b.iter(|| black_box(&ledger).statement(black_box(d(2027, 2, 19))).unwrap())
    });
    // the same loan ten years on: the cost must not grow with the days
    group.bench_function("dpd_3650", |b| {
        b.iter(|| black_box(&ledger).statement(black_box(d(2036, 1, 13))).unwrap())
    });
    // The same loan with daily interest on the actual balance (ACT/365F), beside the
    // scheduled one: the accrual is closed form between events, so it stays flat in the days
    let daily = bench_ledger_with(dec!(12000), InterestModel::daily(DayCount::Act365Fixed));
    group.bench_function("daily_interest/dpd_400", |b| {
        b.iter(|| black_box(&daily).statement(black_box(d(2027, 2, 19))).unwrap())
    });
    group.bench_function("daily_interest/dpd_3650", |b| {
        b.iter(|| black_box(&daily).statement(black_box(d(2036, 1, 13))).unwrap())
    });
    // a prepayment re-amortised: 24 monthly installments, two of them paid, 5,000 extra that
    // rebuilds the other 22 at a lower payment, then the statement a year on
    let prepaid = prepaid_ledger();
    group.bench_function("prepaid_reamortise", |b| {
        b.iter(|| black_box(&prepaid).statement(black_box(d(2027, 2, 1))).unwrap())
    });
    group.finish();

    let portfolio = bench_portfolio();
    let mut group = c.benchmark_group("accrual/portfolio");
    group.sample_size(10);
    group.bench_function("100000", |b| b.iter(|| positions_of(black_box(&portfolio))));
    group.bench_function("100000/statements", |b| b.iter(|| statements_of(black_box(&portfolio))));
    group.finish();
}

fn restructure(c: &mut Criterion) {
    // the bench loan 30 days past due, restructured into 12 monthly installments with half the
    // penalties waived: record the restructure (it replays the history to check it) and take the
    // statement on its date
    let ledger = bench_ledger(dec!(12000));
    let deal = overdue::restructure::Restructure::new(
        d(2026, 2, 14),
        overdue::restructure::NewPlan::Schedule(overdue::schedule::Terms::new(Rate::annual(dec!(0.18)).unwrap(), 12)),
    )
    .with_component(
        overdue::Component::PenaltyInterest,
        overdue::restructure::ComponentPlan::new(overdue::restructure::Treatment::Capitalise)
            .with_waive(overdue::restructure::Waive::Share(Ratio::new(dec!(0.5)).unwrap())),
    );
    c.bench_function("restructure/reage/12", |b| {
        b.iter(|| {
            let mut l = black_box(&ledger).clone();
            l.restructure(black_box(deal.clone())).unwrap();
            l.statement(d(2026, 2, 14)).unwrap()
        })
    });
}

#[path = "../examples/borrower/scenario.rs"]
mod scenario;

fn compare(c: &mut Criterion) {
    // the walk-through's scenario: seven options, each with its cash flows, rates, monthly
    // totals, warnings, credit impact and break-even search
    let request = scenario::comparison().unwrap();
    let mut group = c.benchmark_group("compare/borrower/7_options");
    group.bench_function("library", |b| b.iter(|| black_box(&request).run().unwrap()));
    // what the command, Python and the service do with it: read the request's JSON, run it,
    // write the result's JSON (needs `--features json`)
    #[cfg(feature = "json")]
    {
        let body = include_str!("../examples/borrower.json");
        let options = overdue::jobs::JobOptions::new();
        group.bench_function("json", |b| {
            b.iter(|| overdue::jobs::run_json("compare", black_box(body), &options).unwrap())
        });
    }
    group.finish();
}

#[path = "../examples/several_loans/scenario.rs"]
mod several_loans;

/// `n` platform loans of different sizes, rates, penalties and ages, for a
/// 24-month plan (the budget grows with them: 400 a loan).
fn platform_loans(n: i64) -> overdue::Plan {
    (0..n).fold(
        overdue::Plan::new(
            d(2026, 10, 1),
            overdue::plan::MonthlyBudget::Constant(Money::new(Decimal::from(400 * n)).unwrap()),
            10,
            24,
        ),
        |plan, i: i64| {
            let ledger = several_loans::platform_loan(
                3000 + 1000 * i,
                10 + 2 * i,
                12 + (i as u32 % 3) * 6,
                d(2026, 1 + (i as u32 % 8), 5 + i as u32),
                (i % 4) as usize,
                3 + i,
                20 + 5 * i,
            )
            .unwrap();
            plan.debt(overdue::plan::Debt::new(format!("loan {i}"), ledger))
        },
    )
}

fn plan(c: &mut Criterion) {
    // every strategy side by side (`compare`: the optimising strategies search) beside one rule
    // that only books and reads the ledgers (`as_scheduled`): the ratio is the price of the search
    for (name, plan) in [
        ("plan/3_loans/6_months", several_loans::plan().unwrap()),
        ("plan/10_loans/24_months", platform_loans(10)),
        ("plan/20_loans/24_months", platform_loans(20)),
    ] {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        group.bench_function("compare_all", |b| b.iter(|| black_box(&plan).compare().unwrap()));
        group.bench_function("least_cost", |b| {
            b.iter(|| black_box(&plan).run(overdue::plan::PlanStrategy::LeastCost).unwrap())
        });
        group.bench_function("as_scheduled", |b| {
            b.iter(|| black_box(&plan).run(overdue::plan::PlanStrategy::AsScheduled).unwrap())
        });
        group.finish();
    }
    sweep::sweep(c, &several_loans::plan().unwrap());
}

/// A year of a 12-installment monthly loan (1,200 at 12 %, 0.05 %/day penalty on the overdue
/// installment), installments 3 and 7 paid 10 and 30 days late, the rest on time: the
/// `books/journal/12` and `report/…` loan.
fn late_twice(principal: Decimal, months: u32) -> Ledger {
    let schedule = Schedule::equal_installment(
        Money::new(principal).unwrap(),
        Rate::annual(dec!(0.12)).unwrap(),
        months,
        d(2026, 1, 15),
    )
    .unwrap();
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
        .with_penalty_base(PenaltyBase::OverdueInstallment);
    let dues: Vec<(NaiveDate, Money)> = schedule
        .installments()
        .iter()
        .map(|i| (i.due_date, i.payment))
        .collect();
    let mut ledger = Ledger::new(schedule, policy).unwrap();
    for (k, (due, _)) in dues.iter().enumerate() {
        let late = match k {
            2 => 10,
            6 => 30,
            _ => 0,
        };
        let day = *due + chrono::Days::new(late);
        let owed = ledger.autodebit(day).unwrap();
        if !owed.is_zero() {
            ledger.pay(Payment::new(format!("i{k}"), day, owed).unwrap()).unwrap();
        }
    }
    ledger
}

/// The plain-`f64` limit of a year's books: day by day, interest posted on due dates, a daily
/// penalty on what is overdue, payments applied; balances per account, no replay, no decimals.
fn f64_daily_books(principal: f64, months: u32, pay_days: &[(i64, f64)]) -> [f64; 5] {
    let payment = principal * 0.01 / (1.0 - 1.01f64.powi(-(months as i32)));
    let (mut receivable, mut interest_due, mut penalty, mut income, mut cash) = (principal, 0.0, 0.0, 0.0, -principal);
    let mut balance = principal;
    let mut overdue = 0.0f64;
    let mut pays = pay_days.iter().peekable();
    for day in 0..365i64 {
        if day > 0 && day % 30 == 0 && day / 30 <= i64::from(months) {
            let interest = (balance * 0.01 * 100.0).round() / 100.0;
            interest_due += interest;
            income += interest;
            balance -= payment - interest;
            overdue += payment;
        }
        if overdue > 0.0 {
            let p = (overdue * 0.0005 * 100.0).round() / 100.0;
            penalty += p;
            income += p;
        }
        while let Some(&&(on, amount)) = pays.peek() {
            if on != day {
                break;
            }
            pays.next();
            cash += amount;
            let to_penalty = amount.min(penalty);
            penalty -= to_penalty;
            let to_interest = (amount - to_penalty).min(interest_due);
            interest_due -= to_interest;
            receivable -= amount - to_penalty - to_interest;
            overdue = (overdue - amount).max(0.0);
        }
    }
    [receivable, interest_due, penalty, income, cash]
}

/// The plain-`f64` limit of a repayment record: the days past due at each month's due date from
/// the due and payment days, a character per month.
fn f64_record(due_days: &[i64], paid_days: &[i64]) -> String {
    due_days
        .iter()
        .map(|&due| {
            let late = paid_days
                .iter()
                .zip(due_days)
                .filter(|&(&paid, &d)| d <= due && paid > due)
                .map(|(_, &d)| due + 1 - d)
                .max()
                .unwrap_or(0);
            match late {
                0 => 'N',
                1..=30 => '1',
                31..=60 => '2',
                _ => '3',
            }
        })
        .collect()
}

fn books(c: &mut Criterion) {
    let ledger = late_twice(dec!(1200), 12);
    let mut group = c.benchmark_group("books/journal");
    // a year of entries, one statement a day against the day before's
    group.bench_function("12", |b| {
        b.iter(|| {
            black_box(&ledger)
                .journal(&overdue::books::BookingPolicy::new(), black_box(d(2027, 1, 15)))
                .unwrap()
        })
    });
    let pays = [
        (31, 106.62),
        (59, 106.62),
        (99, 107.0),
        (120, 106.62),
        (151, 106.62),
        (181, 106.62),
        (242, 108.0),
    ];
    group.bench_function("12/f64_limit", |b| {
        b.iter(|| f64_daily_books(black_box(1200.0), 12, black_box(&pays)))
    });
    group.finish();

    let two_years = late_twice(dec!(2400), 24);
    let mut group = c.benchmark_group("report/pboc");
    group.bench_function("24", |b| {
        b.iter(|| black_box(&two_years).pboc_record(black_box(d(2028, 1, 31))).unwrap())
    });
    group.bench_function("24/metro2", |b| {
        b.iter(|| black_box(&two_years).metro2(black_box(d(2028, 1, 31))).unwrap())
    });
    let due_days: Vec<i64> = (1..=24).map(|k| k * 30).collect();
    let paid_days: Vec<i64> = due_days
        .iter()
        .enumerate()
        .map(|(k, &d)| {
            d + match k {
                2 => 10,
                6 => 30,
                _ => 0,
            }
        })
        .collect();
    group.bench_function("24/f64_limit", |b| {
        b.iter(|| f64_record(black_box(&due_days), black_box(&paid_days)))
    });
    group.finish();

    // a lender's monthly run over the loans of accrual/portfolio/100000: each loan's Metro 2
    // record (with its 24-month profile) and risk class on the month's last day, beside that
    // bench's own work (one statement per loan)
    let portfolio = bench_portfolio();
    let rules = overdue::report::ClassificationRules::china_2023();
    let mut group = c.benchmark_group("report/portfolio");
    group.sample_size(10);
    group.bench_function("100000", |b| {
        b.iter(|| {
            let mut worst = 0usize;
            for ledger in black_box(&portfolio) {
                let filing = ledger.month_end(d(2026, 2, 28), &rules).unwrap();
                worst += filing.class.class as usize + filing.metro2.payment_history_profile.len();
            }
            worst
        })
    });
    group.bench_function("100000/accrual_portfolio_statement", |b| {
        b.iter(|| statements_of(black_box(&portfolio)))
    });
    group.finish();
}

criterion_group!(
    benches,
    schedules,
    cost,
    accrual,
    accrual_at_scale,
    timeline,
    restructure,
    compare,
    plan,
    books,
    line_statement,
    card_statement,
    card_portfolio
);
criterion_main!(benches);
