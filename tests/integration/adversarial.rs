//! The adversarial suite: generated and mutated JSON requests through
//! deserialize-then-compute for every job, and absurd inputs to the cost and
//! limit entry points. Each case must end in `Ok` or a named `Err`, never a
//! panic or a hang; every `Ok` must conserve money, and every accepted value
//! must come back equal from its own JSON.
//!
//! Seeded and bounded: `OVERDUE_ADVERSARIAL_CASES` cases (default 50,000),
//! drawn from `OVERDUE_ADVERSARIAL_SEED` (default: a new seed each run,
//! printed on failure with the variables that replay the case and print its
//! document), each under a limit of `OVERDUE_ADVERSARIAL_CASE_SECS` seconds
//! (default 10; ten times that in a debug build) of the worker thread's own
//! CPU time, enforced by a watchdog: a wrap or an endless loop fails the test
//! instead of running into CI's limit, and a slow or loaded machine, which
//! stretches the wall clock and not the work, does not. `.ci/run` runs it in both the
//! release profile (overflow checks on) and the `bench` profile (off: the
//! build a dependent gets).

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use chrono::NaiveDate;
use overdue::accrual::LimitationRules;
use overdue::books::BookingPolicy;
use overdue::cost::{
    china_apr, eu_aprc, irr, npv, reg_z_apr, total_cost, total_paid, xirr_with_day_count, xnpv, UnitPeriod,
};
use overdue::limits::PrivateLendingCap;
use overdue::rate::RateTable;
use overdue::report::ClassificationRules;
use overdue::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::adversarial_docs::*;

/// How many requests of each job deserialized and computed to `Ok`
/// (comparison, ledger statement, schedule, XIRR), printed at the end so a
/// generator that stops reaching the computation shows.
static COMPUTED: [AtomicU64; 4] = [
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
];

fn computed(job: usize) {
    if let Some(c) = COMPUTED.get(job) {
        c.fetch_add(1, Relaxed);
    }
}

fn has_float(v: &Value) -> bool {
    match v {
        Value::Number(n) => n.is_f64(),
        Value::Array(a) => a.iter().any(has_float),
        Value::Object(o) => o.values().any(has_float),
        _ => false,
    }
}

/// An error must name what was wrong.
fn named(e: &dyn std::fmt::Display) {
    assert!(!e.to_string().trim().is_empty(), "an error without a message");
}

fn round_trips<T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
    let text = serde_json::to_string(value).unwrap();
    // decimals are strings: no JSON number may be a float (exponent notation or a fraction);
    // the text itself may hold "e+" inside a label
    assert!(
        !has_float(&serde_json::from_str(&text).unwrap()),
        "a JSON float in {text}"
    );
    let back: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("accepted value does not reload: {e}\n{text}"));
    assert_eq!(&back, value, "round trip changed the value");
}

/// Whether two sums of amounts are equal, exactly: in integer units of the
/// finest scale among them (a `Decimal` sum could overflow or round).
fn same_sum(lhs: &[Money], rhs: &[Money]) -> bool {
    let scale = lhs.iter().chain(rhs).map(|m| m.as_decimal().scale()).max().unwrap_or(0);
    let units = |ms: &[Money]| -> i128 {
        ms.iter()
            .map(|m| {
                let d = m.as_decimal();
                d.mantissa().checked_mul(10i128.pow(scale - d.scale())).unwrap()
            })
            .try_fold(0i128, |a, b| a.checked_add(b))
            .unwrap()
    };
    units(lhs) == units(rhs)
}

fn conserved(st: &Statement) {
    for i in &st.installments {
        for c in Component::ALL {
            let parts = [
                i.paid.get(c),
                i.waived.get(c),
                i.restructured.get(c),
                i.outstanding.get(c),
            ];
            assert!(
                same_sum(&[i.charged.get(c)], &parts),
                "installment {} {c}: charged is not paid + waived + restructured + outstanding",
                i.number
            );
        }
    }
    for a in &st.allocations {
        let mut parts: Vec<Money> = a.parts.iter().map(|p| p.amount).collect();
        parts.push(a.to_credit);
        assert!(same_sum(&parts, &[a.amount, a.credit_used]), "allocation on {}", a.date);
    }
    // received = applied − rebated + credit + refunded
    let mut received: Vec<Money> = st.allocations.iter().map(|a| a.amount).collect();
    received.extend(st.rebates.iter().map(|r| r.amount));
    let mut applied: Vec<Money> = st
        .allocations
        .iter()
        .flat_map(|a| a.parts.iter().map(|p| p.amount))
        .collect();
    applied.push(st.credit_balance);
    applied.push(st.refunded);
    assert!(
        same_sum(&received, &applied),
        "received is not applied − rebated + credit + refunded"
    );
    let mut paid = vec![st.paid.total().unwrap_or(Money::ZERO)];
    paid.extend(st.rebates.iter().map(|r| r.amount));
    let applied_only: Vec<Money> = st
        .allocations
        .iter()
        .flat_map(|a| a.parts.iter().map(|p| p.amount))
        .collect();
    assert!(same_sum(&paid, &applied_only), "paid + rebated is not applied");
}

fn ledger_job(ledger: &Ledger) {
    round_trips(ledger);
    let start = ledger.schedule().disbursement();
    let mut dates: Vec<NaiveDate> = [0i64, 1, 31, 45, 200, 400, 1_000, 4_000]
        .iter()
        .filter_map(|&d| start.checked_add_signed(chrono::Duration::days(d)))
        .collect();
    dates.extend(ledger.events().iter().map(|e| e.date()));
    // what a lender reports and books of it: a result or a named error
    if let Some(day) = start.checked_add_signed(chrono::Duration::days(400)) {
        if let Err(e) = ledger.pboc_record(day) {
            named(&e);
        }
        if let Err(e) = ledger.metro2(day) {
            named(&e);
        }
        if let Err(e) = ledger.risk_class(&ClassificationRules::china_2023(), day) {
            named(&e);
        }
        if let Err(e) = ledger.limitation(&LimitationRules::china(), day) {
            named(&e);
        }
        // what happens when: ordered milestones, or a named error
        match ledger.timeline(start, day) {
            Ok(timeline) => {
                round_trips(&timeline);
                assert!(
                    timeline.entries.windows(2).all(|w| w[0].date <= w[1].date),
                    "timeline out of order"
                );
            }
            Err(e) => named(&e),
        }
    }
    if let Some(day) = start.checked_add_signed(chrono::Duration::days(120)) {
        match ledger.journal(&BookingPolicy::new(), day) {
            Ok(journal) => {
                round_trips(&journal);
                match journal.trial_balance(day) {
                    Ok(tb) => assert_eq!(tb.total_debit, tb.total_credit, "the trial balance does not balance"),
                    Err(e) => named(&e),
                }
            }
            Err(e) => named(&e),
        }
    }
    for as_of in dates {
        match ledger.statement(as_of) {
            Ok(st) => {
                computed(1);
                conserved(&st);
                round_trips(&st);
            }
            Err(e) => named(&e),
        }
    }
}

fn flows_job(flows: &[CashFlow]) {
    round_trips(&flows.to_vec());
    let size = flows
        .iter()
        .try_fold(Decimal::ZERO, |s, f| s.checked_add(f.amount.abs()));
    if let (Ok(x), Some(size)) = (xirr(flows).map(|y| y.value()), size) {
        computed(3);
        // the returned rate is a root: the NPV there is within the documented share of the flows
        if let Ok(v) = Rate::annual(x).and_then(|rate| xnpv(flows, rate, DayCount::Act365Fixed)) {
            // the documented 1e-6, with room for xnpv keeping factors to 20 places
            let allowed = size * Decimal::new(101, 8) + Decimal::new(1, 8);
            assert!(
                v.abs() <= allowed,
                "xirr {x} leaves an NPV of {v} on flows of size {size}"
            );
        }
    }
    for day_count in [DayCount::Act360, DayCount::ActActIsda, DayCount::Thirty360Us] {
        if let Err(e) = xirr_with_day_count(flows, day_count) {
            named(&e);
        }
    }
    for unit in [
        UnitPeriod::from(Frequency::Monthly),
        UnitPeriod::from(Frequency::Weekly),
        UnitPeriod::from(Frequency::Yearly),
        UnitPeriod::Weeks(4),
        UnitPeriod::Months(2),
        UnitPeriod::Days(0),
        UnitPeriod::SinglePayment,
    ] {
        if let Err(e) = reg_z_apr(flows, unit) {
            named(&e);
        }
    }
    let amounts: Vec<Decimal> = flows.iter().map(|f| f.amount).collect();
    let _ = (
        irr(&amounts),
        npv(&amounts, Yield::per_period(Decimal::new(1, 2))),
        eu_aprc(flows),
        total_paid(flows),
        total_cost(flows),
    );
    let _ = china_apr(&amounts, Frequency::Monthly);
    if let Some(first) = flows.first()
        && let Ok(cap) = PrivateLendingCap::on(first.date, &RateTable::china_lpr_one_year())
    {
        let _ = cap.check_flows(flows);
    }
}

fn run_case(seed: u64, case: u64) {
    let r = &mut Rng::new(seed, case);
    let kind = r.below(10);
    let mut doc = match kind {
        0..=2 => serde_json::from_str(include_str!("../../examples/borrower.json")).unwrap(),
        3..=6 => ledger_doc(r),
        7 => json!({"options": ledger_doc(r)["schedule"]["options"].clone()}),
        _ => flows_doc(r),
    };
    for _ in 0..r.below(4) {
        mutate(r, &mut doc);
    }
    let mut text = doc.to_string();
    if r.chance(10) {
        text = damage(r, &text);
    }
    if std::env::var_os("OVERDUE_ADVERSARIAL_VERBOSE").is_some() {
        println!("case {case}, job {kind}: {text}");
    }
    match kind {
        0..=2 => match serde_json::from_str::<Comparison>(&text) {
            Ok(request) => {
                round_trips(&request);
                match request.run() {
                    Ok(result) => {
                        computed(0);
                        conserved(&result.statement);
                        round_trips(&result);
                    }
                    Err(e) => named(&e),
                }
            }
            Err(e) => named(&e),
        },
        3..=6 => match serde_json::from_str::<Ledger>(&text) {
            Ok(ledger) => ledger_job(&ledger),
            Err(e) => named(&e),
        },
        7 => match serde_json::from_str::<Schedule>(&text) {
            Ok(s) => {
                computed(2);
                round_trips(&s);
                let parts: Vec<Money> = s.installments().iter().map(|i| i.principal).collect();
                assert!(
                    same_sum(&parts, &[s.principal()]),
                    "principal parts do not sum to the principal"
                );
                if let Ok(flows) = CashFlow::from_schedule(&s) {
                    flows_job(&flows);
                }
            }
            Err(e) => named(&e),
        },
        _ => match serde_json::from_str::<Vec<CashFlow>>(&text) {
            Ok(flows) => flows_job(&flows),
            Err(e) => named(&e),
        },
    }
}

/// The CPU time one case may use: `OVERDUE_ADVERSARIAL_CASE_SECS` (default 10)
/// in an optimised build, ten times that in a debug build, which runs the
/// same work about ten times slower. Where a thread's CPU time cannot be read
/// the limit applies to a quarter of the wall time.
fn cpu_limit() -> Duration {
    let secs = env_u64("OVERDUE_ADVERSARIAL_CASE_SECS").unwrap_or(10);
    let profile = if cfg!(debug_assertions) { 10 } else { 1 };
    Duration::from_secs(secs.saturating_mul(profile))
}

/// Where the current thread's CPU time can be read (Linux: its `schedstat`).
fn this_thread_cpu_file() -> Option<String> {
    let task = std::fs::read_link("/proc/thread-self").ok()?;
    // the link reads `<pid>/task/<tid>`, relative to /proc
    Some(format!("/proc/{}/schedstat", task.display()))
}

/// A thread's CPU time so far, from its `schedstat` (nanoseconds on a CPU first).
fn thread_cpu(file: &str) -> Option<Duration> {
    let text = std::fs::read_to_string(file).ok()?;
    let nanos: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[test]
fn no_panic_no_hang_exact_or_error_and_reloadable() {
    let cases = env_u64("OVERDUE_ADVERSARIAL_CASES").unwrap_or(50_000);
    let limit = cpu_limit();
    let seed = env_u64("OVERDUE_ADVERSARIAL_SEED").unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    let from = env_u64("OVERDUE_ADVERSARIAL_FROM").unwrap_or(0);
    let (tx, rx) = mpsc::channel::<(u64, Result<(), String>)>();
    let (tid_tx, tid_rx) = mpsc::channel::<Option<String>>();
    let worker = std::thread::spawn(move || {
        let _ = tid_tx.send(this_thread_cpu_file());
        for case in from..cases {
            let outcome = std::panic::catch_unwind(|| run_case(seed, case)).map_err(|p| {
                p.downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default()
            });
            if tx.send((case, outcome)).is_err() {
                return;
            }
        }
    });
    let cpu_file = tid_rx.recv().ok().flatten();
    let worker_cpu = || cpu_file.as_deref().and_then(thread_cpu);
    let replay = |case: u64| {
        format!(
            "replay with OVERDUE_ADVERSARIAL_SEED={seed} OVERDUE_ADVERSARIAL_FROM={case} OVERDUE_ADVERSARIAL_CASES={} \
             OVERDUE_ADVERSARIAL_VERBOSE=1",
            case + 1
        )
    };
    let mut done = from;
    // the worker's CPU time when the case under way started (wall time where it cannot be read)
    let mut started = (worker_cpu(), Instant::now());
    while done < cases {
        match rx.recv_timeout(Duration::from_millis(500)) {
            Ok((case, Ok(()))) => {
                done = case + 1;
                started = (worker_cpu(), Instant::now());
            }
            Ok((case, Err(message))) => panic!("case {case} panicked: {message}\n{}", replay(case)),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // the case's own work, not the machine's load: a busy machine slows the wall
                // clock, not the CPU time the worker thread spends
                let spent = match (started.0, worker_cpu()) {
                    (Some(then), Some(now)) => now.saturating_sub(then),
                    _ => started.1.elapsed() / 4,
                };
                assert!(
                    spent <= limit,
                    "case {done} used {spent:?} of CPU time (limit {limit:?}): a hang\n{}",
                    replay(done)
                );
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the worker stopped at case {done}"),
        }
    }
    worker.join().unwrap();
    let [c, l, s, x] = COMPUTED.each_ref().map(|a| a.load(Relaxed));
    println!("{cases} cases (seed {seed}): computed {c} comparisons, {l} statements, {s} schedules, {x} rates");
}
