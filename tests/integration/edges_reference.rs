//! The edges where a user's data meets the library: dates written only as
//! ISO 8601 calendar dates (years 0001 to 9999), a byte-order mark, rates
//! beyond any lender's, dates computed past 9999, and an id that merely looks
//! like a date.

use overdue::jobs::{parse_date, run_json, JobOptions};
use overdue::{from_json, Error, Ledger, Rate, ScheduleOptions};
use rust_decimal_macros::dec;
use serde_json::json;

fn schedule_text(disbursement: &str) -> String {
    json!({"principal": "1200", "rate": {"value": "0.12", "period": "annual"}, "installments": 3,
           "disbursement": disbursement})
    .to_string()
}

/// RFC 3339 `full-date` (the JSON Schema `format: date`): four-digit year,
/// two-digit month and day. chrono's reader takes more; the library does not.
#[test]
fn dates_are_iso_calendar_dates_with_years_0001_to_9999() {
    assert!(parse_date("02026-01-05").is_err());
    for bad in ["2026-1-5", "0000-01-01", "-0001-01-01", "+10000-01-01", "2026-01-5"] {
        let err = from_json::<ScheduleOptions>(&schedule_text(bad)).unwrap_err();
        let Error::Json { path, message, .. } = &err else {
            panic!("{bad}: {err}")
        };
        assert_eq!(path, "disbursement", "{bad}");
        assert!(message.contains("YYYY-MM-DD"), "{bad}: {message}");
        assert!(parse_date(bad).is_err(), "{bad}");
    }
    for good in ["0001-01-01", "2026-01-05", "9999-01-01"] {
        assert!(parse_date(good).is_ok(), "{good}");
    }
    // deep inside a request: the path of the leaf
    let mut request: serde_json::Value = serde_json::from_str(include_str!("../../examples/statement.json")).unwrap();
    request["ledger"]["events"][1]["date"] = json!("2026-3-15");
    let err = run_json("statement", &request.to_string(), &JobOptions::new()).unwrap_err();
    let Error::Json { path, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(path, "ledger.events[1].date");
}

/// A string that only looks like a date is not read as one where the field is
/// not a date: a payment id `2026-1-5` is an id.
#[test]
fn an_id_that_looks_like_a_date_is_an_id() {
    let mut ledger: serde_json::Value = serde_json::from_str(include_str!("../../examples/statement.json")).unwrap();
    ledger["ledger"]["events"][0]["id"] = json!("2026-1-5");
    let ledger: Ledger = from_json(&ledger["ledger"].to_string()).unwrap();
    assert!(ledger.events().iter().any(|e| format!("{e:?}").contains("2026-1-5")));
}

/// A UTF-8 byte-order mark, as Windows editors write, is skipped.
#[test]
fn a_byte_order_mark_is_skipped() {
    let text = format!("\u{feff}{}", schedule_text("2026-01-15"));
    assert_eq!(
        from_json::<ScheduleOptions>(&text).unwrap(),
        from_json::<ScheduleOptions>(&schedule_text("2026-01-15")).unwrap()
    );
}

/// The dearest consumer credit documented is some hundreds of percent a year
/// (US payday loans, CFPB 2013; the UK's 0.8 %/day cap, FCA PS14/16): a
/// contract rate above 5,000 % a year is a typo, refused where the schedule or
/// the ledger is built, at its field; a rate as such (a discount rate, a
/// solver's result) is not held to it, and what loads from JSON reloads.
#[test]
fn a_contract_rate_above_5000_percent_a_year_is_refused() {
    let loan = |rate: &str| {
        let options = ScheduleOptions::new(
            overdue::Money::new(dec!(1000)).unwrap(),
            rate.parse().unwrap(),
            3,
            parse_date("2026-01-15").unwrap(),
        );
        overdue::Schedule::build(&options)
    };
    for (good, bad) in [("5000%", "5000.01%"), ("416%/month", "417%/month")] {
        assert!(loan(good).is_ok(), "{good}");
        assert!(matches!(loan(bad), Err(Error::Invalid { field: "rate", .. })), "{bad}");
    }
    assert!(Rate::annual(dec!(80)).is_ok());
    assert!("8000%".parse::<Rate>().is_ok());
    let text = schedule_text("2026-01-15").replace("\"0.12\"", "\"1000000\"");
    let request =
        format!(r#"{{"ledger": {{"schedule": {{"options": {text}}}, "policy": {{}}}}, "as_of": "2026-02-01"}}"#);
    let err = run_json("statement", &request, &JobOptions::new()).unwrap_err();
    let Error::Json { path, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(path, "ledger.schedule.options.rate");
    let policy = r#"{"schedule": {"options": {"principal": "1000", "rate": {"value": "0.1", "period": "annual"},
        "installments": 3, "disbursement": "2026-01-15"}},
        "policy": {"penalty_rate": {"kind": "fixed", "value": {"value": "0.5", "period": "daily"}}}}"#;
    let err = from_json::<Ledger>(policy).unwrap_err();
    let Error::Json { path, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(path, "policy.penalty_rate");
    // a daily penalty rate: up to a 366th of the bound, 13.66 % a day
    assert!(from_json::<Ledger>(&policy.replace("\"0.5\"", "\"0.136\"")).is_ok());
    assert!(from_json::<Ledger>(&policy.replace("\"0.5\"", "\"0.137\"")).is_err());
}

/// No date the library gives lies past 9999-12-31: a schedule whose last due
/// date would is refused, at its option.
#[test]
fn a_schedule_past_9999_is_refused() {
    let text = schedule_text("9999-06-01").replace("\"installments\":3", "\"installments\":12");
    let err = run_json("schedule", &text, &JobOptions::new()).unwrap_err();
    assert!(matches!(err, Error::DateOutOfRange { .. }), "{err}");
    let request = json!({"ledger": {"schedule": {"options": serde_json::from_str::<serde_json::Value>(&text).unwrap()},
                         "policy": {}}, "as_of": "9999-07-01"});
    let err = run_json("statement", &request.to_string(), &JobOptions::new()).unwrap_err();
    let Error::Json { path, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(path, "ledger.schedule.options");
}

/// A plan whose months would run past 9999-12-31 is refused before it is
/// computed, not answered with dates no reader can hold.
#[test]
fn a_plan_past_9999_is_refused() {
    let mut plan: serde_json::Value = serde_json::from_str(include_str!("../../examples/several_loans.json")).unwrap();
    plan["as_of"] = json!("9999-10-01");
    let err = run_json("plan", &plan.to_string(), &JobOptions::new()).unwrap_err();
    assert!(matches!(err, Error::DateOutOfRange { .. }), "{err}");
    plan["as_of"] = json!("9999-05-01");
    assert!(run_json("plan", &plan.to_string(), &JobOptions::new()).is_ok());
}

/// A ledger holds at most `MAX_EVENTS` events: one more is `TooLarge` when it
/// is recorded (a history of 600,000 one-cent payments ran for minutes), and a
/// ledger at the bound still replays.
#[test]
fn a_ledger_holds_at_most_max_events() {
    use overdue::accrual::MAX_EVENTS;
    use overdue::{Money, Payment, Schedule};
    let day = |d: u64| parse_date("2026-01-15").unwrap() + chrono::Days::new(d);
    let plan = Schedule::equal_installment(
        Money::new(dec!(100000)).unwrap(),
        Rate::annual(dec!(0.12)).unwrap(),
        36,
        day(0),
    )
    .unwrap();
    let mut ledger = Ledger::new(plan, overdue::OverduePolicy::new()).unwrap();
    let cent = Money::new(dec!(0.01)).unwrap();
    for k in 0..MAX_EVENTS {
        ledger
            .pay(Payment::new(format!("p{k}"), day(1 + k as u64 / 10), cent).unwrap())
            .unwrap();
    }
    let err = ledger
        .pay(Payment::new("one-more", day(2000), cent).unwrap())
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::TooLarge {
                field: "events",
                max: 10_000,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(
        ledger.statement(day(1200)).unwrap().paid.total().unwrap(),
        Money::new(dec!(100)).unwrap()
    );
}
