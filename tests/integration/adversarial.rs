//! The adversarial suite: generated and mutated JSON requests through
//! deserialize-then-compute for every job, and absurd inputs to the cost and
//! limit entry points. Each case must end in `Ok` or a named `Err`, never a
//! panic or a hang; every `Ok` must conserve money, and every accepted value
//! must come back equal from its own JSON.
//!
//! Seeded and bounded: `OVERDUE_ADVERSARIAL_CASES` cases (default 50,000),
//! drawn from `OVERDUE_ADVERSARIAL_SEED` (default: a new seed each run,
//! printed on failure with the variables that replay the case and print its
//! document), each under a time limit of
//! `OVERDUE_ADVERSARIAL_CASE_SECS` seconds (default 10) enforced by a
//! watchdog, so a wrap or a hang in a build without overflow checks fails the
//! test instead of running into CI's limit. `.ci/run` runs it in both the
//! release profile (overflow checks on) and the `bench` profile (off: the
//! build a dependent gets).

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::mpsc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::NaiveDate;
use overdue::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

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

/// SplitMix64: small, seeded, the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, case: u64) -> Rng {
        let mut r = Rng(seed ^ case.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Amounts, rates and ratios: realistic, at the edges of `Decimal` and of the
/// grammar, and malformed.
fn decimal_text(r: &mut Rng) -> String {
    const EDGES: &[&str] = &[
        "0",
        "1",
        "0.01",
        "0.1",
        "0.5",
        "1000",
        "12000",
        "99999999.99",
        "-1",
        "-0.01",
        "79228162514264337593543950335",
        "-79228162514264337593543950335",
        "7922816251426433759354395033.5",
        "792281625142643375935439503.35",
        "0.0000000000000000000000000001",
        "1000000000000000000000",
        "0.999999999999",
        "36",
        "100000",
        "1e5",
        "NaN",
        "",
        " 1",
        "1_0",
        "+1",
        ".5",
        "5.",
        "0x10",
        "123456789012345678901234567890",
    ];
    match r.below(4) {
        0 => (*r.pick(EDGES)).to_owned(),
        1 => format!("{}.{:02}", r.below(100_000), r.below(100)),
        2 => format!("0.{:04}", r.below(10_000)),
        _ => {
            let bits = r.below(64);
            format!("{}", r.below(1 << bits))
        }
    }
}

/// Mostly a plain amount, sometimes anything [`decimal_text`] gives.
fn amount_text(r: &mut Rng) -> String {
    if r.chance(75) {
        format!("{}.{:02}", 1 + r.below(50_000), r.below(100))
    } else {
        decimal_text(r)
    }
}

fn integer(r: &mut Rng) -> Value {
    const EDGES: &[i64] = &[
        0,
        1,
        2,
        3,
        12,
        24,
        360,
        5_200,
        5_201,
        36_600,
        36_601,
        65_535,
        2_147_483_647,
        4_294_967_295,
        9_007_199_254_740_993,
        -1,
        -2_147_483_648,
    ];
    if r.chance(60) {
        json!(r.below(40))
    } else {
        json!(*r.pick(EDGES))
    }
}

fn date_text(r: &mut Rng) -> String {
    const EDGES: &[&str] = &[
        "2026-01-01",
        "2026-02-28",
        "2024-02-29",
        "2026-02-30",
        "0001-01-01",
        "+262142-12-31",
        "-262143-01-01",
        "9999-12-31",
        "1900-03-01",
        "2026-13-01",
        "2026-1-1",
        "",
    ];
    if r.chance(70) {
        let base = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        (base + chrono::Duration::days(r.below(4_000) as i64 - 200)).to_string()
    } else {
        (*r.pick(EDGES)).to_owned()
    }
}

fn rate(r: &mut Rng) -> Value {
    let period = *r.pick(&["annual", "monthly", "daily", "weekly"]);
    json!({"value": decimal_text(r), "period": period})
}

fn day_count(r: &mut Rng) -> Value {
    json!(*r.pick(&[
        "act360",
        "act365_fixed",
        "act_act_isda",
        "thirty360_bond",
        "thirty360_european",
        "thirty360_us",
        "act366"
    ]))
}

/// A floating rate: an index table (a list, or entries with the date it is known through), a
/// spread, a reset rule, a floor and a cap, a fixing rule and what a reset keeps.
fn floating_doc(r: &mut Rng) -> Value {
    let entries: Vec<Value> = (0..1 + r.below(4))
        .map(|_| {
            json!([
                date_text(r),
                if r.chance(80) {
                    json!({"value": format!("0.0{}", r.below(99)), "period": "annual"})
                } else {
                    rate(r)
                }
            ])
        })
        .collect();
    let index = if r.chance(70) {
        json!(entries)
    } else {
        json!({"entries": entries, "known_through": date_text(r)})
    };
    let mut f = json!({"index": index});
    if r.chance(70) {
        f["spread"] = json!(if r.chance(80) {
            format!("-0.00{}", r.below(9))
        } else {
            decimal_text(r)
        });
    }
    if r.chance(70) {
        f["reset"] = match r.below(5) {
            0 => json!("anniversary"),
            1 => json!("january1"),
            2 => json!({"every_months": if r.chance(70) { json!(r.below(13)) } else { integer(r) }}),
            3 => json!("index_change"),
            _ => json!("weekly"),
        };
    }
    for bound in ["floor", "cap"] {
        if r.chance(30) {
            f[bound] = rate(r);
        }
    }
    if r.chance(30) {
        f["fixing"] = if r.chance(50) {
            json!("reset_date")
        } else {
            json!({"days_before": integer(r)})
        };
    }
    if r.chance(30) {
        f["on_reset"] = json!(*r.pick(&["keep_term", "keep_installment", "keep_rate"]));
    }
    if r.chance(20) {
        f["resets_from"] = json!(date_text(r));
    }
    f
}

/// A ledger request: schedule options, a policy with every kind of field,
/// and a history of payments, waivers and restructures.
fn ledger_doc(r: &mut Rng) -> Value {
    let method = match r.below(5) {
        0 => json!({"kind": "equal_principal"}),
        1 => json!({"kind": "interest_only"}),
        2 => json!({"kind": "bullet"}),
        3 => json!({"kind": "flat_fee", "fee": rate(r)}),
        _ => json!({"kind": "equal_installment"}),
    };
    let mut options = json!({
        "principal": amount_text(r),
        "rate": if r.chance(70) { json!({"value": format!("0.{:02}", r.below(40)), "period": "annual"}) } else { rate(r) },
        "installments": if r.chance(80) { json!(1 + r.below(36)) } else { integer(r) },
        "disbursement": "2026-01-01",
        "method": method,
    });
    if r.chance(30) {
        options["frequency"] =
            json!(*r.pick(&["weekly", "biweekly", "semi_monthly", "monthly", "quarterly", "yearly"]));
    }
    if r.chance(30) {
        options["basis"] = json!({"actual_days": day_count(r)});
    }
    // issue 12: daily interest on the actual balance, and floating rates
    if r.chance(30) {
        options["interest"] = json!({
            "kind": *r.pick(&["daily_on_balance", "daily_on_balance", "scheduled", "monthly"]),
            "day_count": day_count(r),
            "installments": *r.pick(&["keep_installment", "reamortise", "keep_term"]),
        });
    }
    if r.chance(25) {
        let f = floating_doc(r);
        // mostly the rate fixed at disbursement, as a valid floating loan has it
        let disbursed = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        if let Ok(Ok(initial)) =
            serde_json::from_value::<overdue::FloatingRate>(f.clone()).map(|f| f.rate_in_force(disbursed, disbursed))
        {
            if r.chance(90) {
                options["rate"] = serde_json::to_value(initial).unwrap();
            }
        }
        options["floating"] = f;
    }
    let mut policy = json!({});
    if r.chance(70) {
        policy["penalty_rate"] =
            json!({"kind": "fixed", "value": {"value": format!("0.000{}", r.below(9)), "period": "daily"}});
    }
    if r.chance(40) {
        policy["day_count"] = day_count(r);
    }
    if r.chance(50) {
        let recurrence = if r.chance(50) {
            json!({"kind": "every_days", "days": if r.chance(70) { json!(1 + r.below(60)) } else { integer(r) }})
        } else {
            json!({"kind": "once"})
        };
        policy["late_fee"] = json!({"amount": {"kind": "flat", "value": decimal_text(r)}, "recurrence": recurrence});
    }
    if r.chance(40) {
        policy["grace"] = json!({"days": integer(r), "meaning": *r.pick(&["waive", "shift"])});
    }
    if r.chance(40) {
        let mut caps = json!({});
        if r.chance(50) {
            caps["lifetime"] = json!(decimal_text(r));
        }
        if r.chance(50) {
            caps["annualised"] = rate(r);
        }
        policy["caps"] = caps;
    }
    if r.chance(20) {
        policy["charge_off_after_days"] = integer(r);
    }
    if r.chance(20) {
        policy["interest_on_fees"] = json!(r.chance(50));
    }
    if r.chance(20) {
        let stops = [
            "penalty_interest",
            "compound_interest",
            "late_fees",
            "contract_interest",
        ];
        policy["charge_off_stops"] = json!(stops.iter().filter(|_| r.chance(50)).collect::<Vec<_>>());
    }
    if r.chance(20) {
        policy["pyramiding"] = json!(*r.pick(&["forbidden", "allowed"]));
    }
    if r.chance(20) {
        policy["duplicate_window_days"] = integer(r);
    }
    if r.chance(30) {
        let surplus = *r.pick(&[
            "shorten_term",
            "lower_installments",
            "next_installments",
            "last_installments",
            "credit_balance",
        ]);
        policy["allocation"] = json!({"tiers": [{"states": ["past_due", "due"], "components": ["fees", "penalty_interest", "compound_interest", "interest", "principal"]}], "surplus": surplus});
    }
    let mut events = Vec::new();
    for k in 0..r.below(7) {
        events.push(match r.below(7) {
            0 => json!({"kind": "waiver", "date": date_text(r), "component": *r.pick(&["fees", "penalty_interest", "interest", "principal"]), "amount": amount_text(r)}),
            1 => json!({"kind": "restructure", "date": date_text(r), "plan": {"kind": "reamortise"}}),
            2 => json!({"kind": "reversal", "payment_id": format!("p{}", r.below(k + 1)), "date": date_text(r), "fee": amount_text(r)}),
            3 => json!({"kind": "refund", "date": date_text(r), "amount": amount_text(r)}),
            _ => json!({"kind": "payment", "id": format!("p{k}"), "date": date_text(r), "amount": amount_text(r)}),
        });
    }
    json!({"schedule": {"options": options}, "policy": policy, "events": events})
}

fn flows_doc(r: &mut Rng) -> Value {
    let n = if r.chance(95) { 1 + r.below(30) } else { r.below(2_000) };
    let flows: Vec<Value> = (0..n)
        .map(|k| {
            let amount = if k == 0 {
                format!("-{}", r.below(100_000) + 1)
            } else {
                amount_text(r)
            };
            json!({"date": date_text(r), "amount": amount})
        })
        .collect();
    json!(flows)
}

/// Replaces, removes or adds one node somewhere in `doc`.
fn mutate(r: &mut Rng, doc: &mut Value) {
    let depth = r.below(8);
    let mut node = doc;
    for _ in 0..depth {
        let next_key = match node {
            Value::Object(map) if !map.is_empty() => {
                let keys: Vec<String> = map.keys().cloned().collect();
                Some(Err(r.pick(&keys).clone()))
            }
            Value::Array(items) if !items.is_empty() => Some(Ok(r.below(items.len() as u64) as usize)),
            _ => None,
        };
        node = match next_key {
            Some(Err(key)) => node.get_mut(&key).unwrap(),
            Some(Ok(i)) => node.get_mut(i).unwrap(),
            None => break,
        };
    }
    match r.below(7) {
        0 => *node = json!(decimal_text(r)),
        1 => *node = integer(r),
        2 => *node = json!(date_text(r)),
        3 => *node = Value::Null,
        4 => {
            if let Value::Object(map) = node {
                let keys: Vec<String> = map.keys().cloned().collect();
                if !keys.is_empty() {
                    map.remove(r.pick(&keys));
                }
            }
        }
        5 => {
            if let Value::Object(map) = node {
                map.insert("unknown_field".into(), json!(1));
            }
        }
        _ => *node = json!(decimal_text(r).parse::<f64>().unwrap_or(1.5)),
    }
}

/// Byte-level damage: truncation or a flipped byte.
fn damage(r: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    if bytes.is_empty() {
        return String::new();
    }
    let at = r.below(bytes.len() as u64) as usize;
    if r.chance(50) {
        bytes.truncate(at);
    } else {
        let noise = b"{}[]\",:09-ae. ";
        bytes[at] = noise[r.below(noise.len() as u64) as usize];
    }
    String::from_utf8_lossy(&bytes).into_owned()
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
    // what a lender reports and books of it (issue 14): a result or a named error
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
    if let (Ok(x), Some(size)) = (xirr(flows), size) {
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
        npv(&amounts, Decimal::new(1, 2)),
        eu_aprc(flows),
        total_paid(flows),
        total_cost(flows),
    );
    let _ = china_apr(&amounts, Frequency::Monthly);
    if let Some(first) = flows.first() {
        if let Ok(cap) = PrivateLendingCap::on(first.date, &RateTable::china_lpr_one_year()) {
            let _ = cap.check_flows(flows);
        }
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

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[test]
fn no_panic_no_hang_exact_or_error_and_reloadable() {
    let cases = env_u64("OVERDUE_ADVERSARIAL_CASES").unwrap_or(50_000);
    let limit = Duration::from_secs(env_u64("OVERDUE_ADVERSARIAL_CASE_SECS").unwrap_or(10));
    let seed = env_u64("OVERDUE_ADVERSARIAL_SEED").unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    let from = env_u64("OVERDUE_ADVERSARIAL_FROM").unwrap_or(0);
    let (tx, rx) = mpsc::channel::<(u64, Result<(), String>)>();
    let worker = std::thread::spawn(move || {
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
    let replay = |case: u64| {
        format!(
            "replay with OVERDUE_ADVERSARIAL_SEED={seed} OVERDUE_ADVERSARIAL_FROM={case} OVERDUE_ADVERSARIAL_CASES={} \
             OVERDUE_ADVERSARIAL_VERBOSE=1",
            case + 1
        )
    };
    let mut done = from;
    while done < cases {
        match rx.recv_timeout(limit) {
            Ok((case, Ok(()))) => done = case + 1,
            Ok((case, Err(message))) => panic!("case {case} panicked: {message}\n{}", replay(case)),
            Err(_) => panic!("case {done} ran longer than {limit:?}: a hang\n{}", replay(done)),
        }
    }
    worker.join().unwrap();
    let [c, l, s, x] = COMPUTED.each_ref().map(|a| a.load(Relaxed));
    println!("{cases} cases (seed {seed}): computed {c} comparisons, {l} statements, {s} schedules, {x} rates");
}
