//! The adversarial suite's generators: seeded JSON requests for every job,
//! realistic, at the edges and malformed, and the damage done to them.

use chrono::NaiveDate;
use serde_json::{json, Value};

/// SplitMix64: small, seeded, the same on every platform.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64, case: u64) -> Rng {
        let mut r = Rng(seed ^ case.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Amounts, rates and ratios: realistic, at the edges of `Decimal` and of the
/// grammar, and malformed.
pub(crate) fn decimal_text(r: &mut Rng) -> String {
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
pub(crate) fn amount_text(r: &mut Rng) -> String {
    if r.chance(75) {
        format!("{}.{:02}", 1 + r.below(50_000), r.below(100))
    } else {
        decimal_text(r)
    }
}

pub(crate) fn integer(r: &mut Rng) -> Value {
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

pub(crate) fn date_text(r: &mut Rng) -> String {
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

pub(crate) fn rate(r: &mut Rng) -> Value {
    let period = *r.pick(&["annual", "monthly", "daily", "weekly"]);
    json!({"value": decimal_text(r), "period": period})
}

pub(crate) fn day_count(r: &mut Rng) -> Value {
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
pub(crate) fn floating_doc(r: &mut Rng) -> Value {
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
pub(crate) fn ledger_doc(r: &mut Rng) -> Value {
    let options = options_doc(r);
    json!({"schedule": {"options": options}, "policy": policy_doc(r), "events": events_doc(r)})
}

/// A schedule's options: every method, frequency, basis, interest model
/// and a floating rate, sometimes malformed.
fn options_doc(r: &mut Rng) -> Value {
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
    // Daily interest on the actual balance, and floating rates
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
        if let Ok(Ok(initial)) = serde_json::from_value::<overdue::rate::FloatingRate>(f.clone())
            .map(|f| f.rate_in_force(disbursed, disbursed))
            && r.chance(90)
        {
            options["rate"] = serde_json::to_value(initial).unwrap();
        }
        options["floating"] = f;
    }
    options
}

/// An overdue policy with every kind of field.
fn policy_doc(r: &mut Rng) -> Value {
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
    policy
}

/// A history of payments, waivers, restructures, reversals and refunds.
fn events_doc(r: &mut Rng) -> Value {
    let mut events = Vec::new();
    for k in 0..r.below(7) {
        events.push(match r.below(8) {
            7 => promotion_doc(r, k),
            0 => json!({"kind": "waiver", "date": date_text(r), "component": *r.pick(&["fees", "penalty_interest", "interest", "principal"]), "amount": amount_text(r)}),
            1 => json!({"kind": "restructure", "date": date_text(r), "plan": {"kind": "reamortise"}}),
            2 => json!({"kind": "reversal", "payment_id": format!("p{}", r.below(k + 1)), "date": date_text(r), "fee": amount_text(r)}),
            3 => json!({"kind": "refund", "date": date_text(r), "amount": amount_text(r)}),
            _ => json!({"kind": "payment", "id": format!("p{k}"), "date": date_text(r), "amount": amount_text(r)}),
        });
    }
    json!(events)
}

/// A promotion with any condition and effect.
fn promotion_doc(r: &mut Rng, k: u64) -> Value {
    let condition = match r.below(3) {
        0 => json!({"kind": "pay_at_least", "amount": amount_text(r), "by": date_text(r)}),
        1 => json!({"kind": "pay_overdue", "by": date_text(r)}),
        _ => json!({"kind": "on_time", "installments": integer(r)}),
    };
    let share = decimal_text(r);
    let effect = match r.below(5) {
        0 => json!({"kind": "waive_penalty"}),
        1 => json!({"kind": "waive_fees"}),
        2 => json!({"kind": "waive_interest", "share": share}),
        3 => json!({"kind": "rate_discount", "share": share, "periods": integer(r)}),
        _ => json!({"kind": "credit", "amount": amount_text(r)}),
    };
    json!({"kind": "promotion", "label": format!("offer {k}"), "offered": date_text(r), "condition": condition, "effect": effect})
}

pub(crate) fn flows_doc(r: &mut Rng) -> Value {
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
pub(crate) fn mutate(r: &mut Rng, doc: &mut Value) {
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
pub(crate) fn damage(r: &mut Rng, text: &str) -> String {
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
