//! `cli/portfolio/100000`: the portfolio run over 100,000 loans as JSON
//! Lines, on one core and on every core, so each run prints the speed-up.
//!
//! This machine's speed drifts by 10–20 % within seconds, more than the
//! difference being measured, so the bench also times the two in pairs, one
//! right after the other, and prints each pair's speed-up and their median
//! (`cli/portfolio/100000/paired`).
#![expect(missing_docs, reason = "criterion_group! makes an undocumented function")]

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, Criterion};
use overdue::NaiveDate;
use overdue_cli::portfolio::{run, Settings};

/// 100,000 loans: the library bench's loan (12 biweekly installments at
/// 18 %, 0.05 %/day penalty on the overdue installment, 5 % late fee, 3-day
/// grace, a 36 % lifetime cap, two partial payments), each its own principal.
fn loans() -> String {
    (0..100_000u64)
        .map(|i| {
            format!(
                concat!(
                    r#"{{"id":"L{i}","ledger":{{"schedule":{{"options":{{"principal":"{p}.{c:02}","#,
                    r#""rate":{{"value":"0.18","period":"annual"}},"installments":12,"disbursement":"2026-01-01","#,
                    r#""frequency":"biweekly"}}}},"policy":{{"penalty_rate":{{"kind":"fixed","value":{{"value":"0.0005","#,
                    r#""period":"daily"}}}},"penalty_base":"overdue_installment","late_fee":{{"amount":{{"kind":"#,
                    r#""of_installment","value":"0.05"}}}},"grace":{{"days":3,"meaning":"waive"}},"#,
                    r#""caps":{{"lifetime":"0.36"}}}},"events":[{{"kind":"payment","id":"p1","date":"2026-01-20","#,
                    r#""amount":"200"}},{{"kind":"payment","id":"p2","date":"2026-02-05","amount":"300"}}]}}}}"#,
                    "\n"
                ),
                i = i,
                p = 10_000 + i * 7 / 100,
                c = i * 7 % 100
            )
        })
        .collect()
}

/// Settings for a run on `threads` (0: every core).
fn settings(as_of: NaiveDate, threads: usize) -> Settings {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    Settings::new(as_of).with_threads(if threads == 0 { cores } else { threads })
}

/// The CPU time this process has used (user and system, every thread), in
/// seconds, from `/proc/self/stat` (Linux; its ticks are 1/100 s there);
/// `None` elsewhere.
#[expect(clippy::float_arithmetic, reason = "a timing, not money")]
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // the fields after the command name (which may hold spaces) in parentheses
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let mut fields = rest.split(' ');
    // utime and stime are fields 14 and 15 of the line: 12th and 13th after the name
    let utime: u64 = fields.nth(11)?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some((utime + stime) as f64 / 100.0)
}

/// One run's wall time and CPU time, in seconds.
struct Timing {
    wall: f64,
    cpu: Option<f64>,
}

/// One run on `threads` (0: every core).
#[expect(clippy::float_arithmetic, reason = "a timing, not money")]
fn timed(input: &str, as_of: NaiveDate, threads: usize) -> Timing {
    let mut out = Vec::with_capacity(input.len() / 4);
    let settings = settings(as_of, threads);
    let cpu_before = cpu_seconds();
    let start = Instant::now();
    let tally = run(input.as_bytes(), &mut out, &settings, |_, _| {});
    let wall = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu_before).map(|(after, before)| after - before);
    black_box((tally.is_ok(), out.len()));
    Timing { wall, cpu }
}

/// The median of `values` (sorted here).
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or_default()
}

/// Eleven pairs (one core, then every core), each pair's speed-up printed,
/// and the median.
#[expect(clippy::float_arithmetic, reason = "a speed-up is a ratio of timings, not money")]
fn paired() {
    let wanted = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .all(|filter| "cli/portfolio/100000/paired".contains(&filter));
    if !wanted || std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let input = loans();
    let as_of = NaiveDate::from_ymd_opt(2026, 2, 14).unwrap_or_default();
    let pairs: Vec<(Timing, Timing)> = (0..11)
        .map(|_| (timed(&input, as_of, 1), timed(&input, as_of, 0)))
        .collect();
    let mut ratios: Vec<f64> = pairs.iter().map(|(one, all)| one.wall / all.wall).collect();
    ratios.sort_by(f64::total_cmp);
    let shown: Vec<String> = ratios.iter().map(|r| format!("{r:.2}")).collect();
    println!("cli/portfolio/100000/paired");
    println!("                        speed-up of each pair: {}", shown.join(" "));
    println!("                        median: {:.2}x", median(&mut ratios));
    // a loan's cost end to end (reading its line, computing it, writing its row): the wall
    // time and the CPU time of every thread, per loan, medians of the eleven runs
    let loans = 100_000.0;
    for (name, pick) in [
        (
            "one core",
            (|p: &(Timing, Timing)| &p.0) as fn(&(Timing, Timing)) -> &Timing,
        ),
        ("all cores", |p: &(Timing, Timing)| &p.1),
    ] {
        let mut wall: Vec<f64> = pairs.iter().map(|p| pick(p).wall).collect();
        let mut cpu: Vec<f64> = pairs.iter().filter_map(|p| pick(p).cpu).collect();
        let cpu = if cpu.is_empty() {
            "not available".to_owned()
        } else {
            format!("{:.2} µs", median(&mut cpu) / loans * 1e6)
        };
        println!(
            "                        {name}: wall {:.2} µs a loan, CPU {cpu} a loan",
            median(&mut wall) / loans * 1e6
        );
    }
}

fn portfolio(c: &mut Criterion) {
    let input = loans();
    let as_of = NaiveDate::from_ymd_opt(2026, 2, 14).unwrap_or_default();
    // every loan must compute, or the bench measures error rows
    let mut sink = Vec::new();
    let tally = run(input.as_bytes(), &mut sink, &settings(as_of, 1), |_, _| {});
    assert!(
        matches!(tally, Ok(t) if t.failed == 0 && t.loans == 100_000),
        "the bench loans must compute"
    );
    let mut group = c.benchmark_group("cli/portfolio/100000");
    group.sample_size(10);
    for (name, threads) in [("one_core", 1), ("all_cores", 0)] {
        let settings = settings(as_of, threads);
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(input.len() / 4);
                let tally = run(black_box(input.as_bytes()), &mut out, &settings, |_, _| {});
                black_box((tally.is_ok(), out.len()))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, portfolio);

fn main() {
    benches();
    paired();
    Criterion::default().configure_from_args().final_summary();
}
