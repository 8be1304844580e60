//! The `overdue` command end to end: every subcommand on a good input, as a
//! table and as JSON, and every kind of bad input (exit code 2, the path of
//! the field that is wrong on standard error, nothing on standard output).
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "tests fail loudly: a failed unwrap or a missing field is a failed test"
)]

use assert_cmd::Command;
use serde_json::{json, Value};

fn borrower() -> Value {
    serde_json::from_str(include_str!("../../examples/borrower.json")).unwrap()
}

fn overdue() -> Command {
    Command::cargo_bin("overdue").unwrap()
}

/// Runs `args` with `stdin`, returning (exit code, stdout, stderr).
fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let out = overdue().args(args).write_stdin(stdin).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn statement_request() -> Value {
    let b = borrower();
    json!({"ledger": b["ledger"], "as_of": b["as_of"]})
}

#[test]
fn schedule_prints_the_table_and_the_json() {
    let options = borrower()["ledger"]["schedule"]["options"].to_string();
    let (code, table, _) = run(&["schedule"], &options);
    assert_eq!(code, 0);
    assert!(
        table.contains("1      2026-02-15   1,100.16     920.16    180.00  0.00      11,079.84"),
        "{table}"
    );
    assert!(
        table.contains("total              13,201.95  12,000.00  1,201.95"),
        "{table}"
    );
    let (code, json, _) = run(&["schedule", "--json", "-"], &options);
    assert_eq!(code, 0);
    let schedule: overdue::Schedule = serde_json::from_str(&json).unwrap();
    assert_eq!(schedule.installments().len(), 12);
}

#[test]
fn statement_reads_a_request_or_a_ledger_with_as_of() {
    let (code, table, _) = run(&["statement"], &statement_request().to_string());
    assert_eq!(code, 0);
    assert!(table.starts_with("Statement on 2026-06-24: 40 days past due, bucket M2, overdue\npayoff today 9,579.04"));
    let ledger = borrower()["ledger"].to_string();
    let (code, json, _) = run(&["statement", "--as-of", "2026-06-24", "--json"], &ledger);
    assert_eq!(code, 0);
    let statement: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(statement["payoff"], "9579.04");
    assert_eq!(statement["days_past_due"], 40);
}

#[test]
fn compare_and_plan_print_their_tables() {
    let (code, table, _) = run(&["compare", "../examples/borrower.json"], "");
    assert_eq!(code, 0);
    assert!(
        table.contains("payoff today 9,579.04, monthly budget 1,800.00"),
        "{table}"
    );
    assert!(table.lines().all(|l| l.chars().count() <= 100));
    let (code, json, _) = run(&["compare", "--json", "../examples/borrower.json"], "");
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<Value>(&json).unwrap()["options"]
            .as_array()
            .unwrap()
            .len(),
        7
    );
    let (code, table, _) = run(&["plan", "../examples/several_loans.json"], "");
    assert_eq!(code, 0);
    assert!(
        table.contains("least cost") && table.contains("Recommended: "),
        "{table}"
    );
    assert!(table.lines().all(|l| l.chars().count() <= 100));
    // what happens to each loan: each milestone once, with how often it comes again
    assert!(
        table.contains("What happens to platform A (0.05 %/day) under this plan"),
        "{table}"
    );
    assert!(table.contains("(and 3 more times by 2027-04-09)"), "{table}");
    let milestones: Vec<&str> = table.lines().filter(|l| l.starts_with("  - on ")).collect();
    let mut seen = std::collections::BTreeSet::new();
    for line in &milestones {
        assert!(seen.insert(*line), "{line} twice");
    }
}

#[test]
fn plan_sweep_prints_each_budgets_least_cost_and_the_sweep_job_agrees() {
    let (code, table, _) = run(
        &["plan", "--sweep", "1500..2500/500", "../examples/several_loans.json"],
        "",
    );
    assert_eq!(code, 0, "{table}");
    assert!(table.starts_with("monthly budget"), "{table}");
    assert_eq!(table.lines().count(), 4, "{table}");
    assert!(table.contains("1,500.00") && table.contains("2,500.00"), "{table}");
    let (code, json, _) = run(
        &[
            "plan",
            "--json",
            "--sweep",
            "1500..2500/500",
            "../examples/several_loans.json",
        ],
        "",
    );
    assert_eq!(code, 0);
    let plan: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/several_loans.json")).unwrap(),
    )
    .unwrap();
    let request = serde_json::json!({"plan": plan, "budgets": {"from": "1500", "to": "2500", "step": "500"}});
    let (code, same, _) = run(&["sweep", "--json"], &request.to_string());
    assert_eq!((code, &same), (0, &json));
    let costs: Vec<f64> = serde_json::from_str::<Value>(&json).unwrap()["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["cost"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(costs.windows(2).all(|w| w[1] <= w[0]), "{costs:?}");
    // a range that is not one is refused before anything runs
    let (code, out, err) = run(
        &["plan", "--sweep", "2500..1500/500", "../examples/several_loans.json"],
        "",
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("ends (1500) before it starts (2500)"), "{err}");
}

#[test]
fn limits_checks_the_rate_and_the_late_fee() {
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/limits.json")).unwrap();
    let (code, out, _) = run(&["limits"], &example);
    assert_eq!(code, 0);
    assert!(
        out.contains("12.0% private-lending cap") && out.contains("above by 15.2 points"),
        "{out}"
    );
    assert!(
        out.contains("late fee 35 (safe harbor 41)") && out.contains("within"),
        "{out}"
    );
    let (code, json, _) = run(&["limits", "--json"], &example);
    assert_eq!(code, 0);
    let result: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(result["private_lending_cap"]["exceeded"], true);
    assert_eq!(result["warnings"][0]["kind"], "above_legal_cap");
    let (code, out, err) = run(&["limits"], r#"{"flows": [], "lendr": "private_lender"}"#);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("lendr"), "{err}");
}

#[test]
fn xirr_and_apr_read_json_or_csv() {
    let flows = json!({"flows": [{"date": "2026-01-01", "amount": "1000"}, {"date": "2027-01-01", "amount": "-1100"}]});
    let (code, out, _) = run(&["xirr"], &flows.to_string());
    assert_eq!(code, 0);
    assert!(out.contains("XIRR (actual/365)            10.0000 %"), "{out}");
    let csv = "date,amount\n2026-01-01,1000\n2026-02-01,-1010\n";
    let (code, out, _) = run(&["apr", "--csv", "--frequency", "monthly"], csv);
    assert_eq!(code, 0);
    assert!(out.contains("US Regulation Z APR          12.0000 %"), "{out}");
    assert!(out.contains("China APR, nominal           12.0000 %"), "{out}");
    let (code, json, _) = run(&["apr", "--csv", "--json"], csv);
    assert_eq!(code, 0);
    assert_eq!(serde_json::from_str::<Value>(&json).unwrap()["total_paid"], "1010");
    let (code, out, err) = run(&["xirr", "--csv"], "date,amount\n2026-01-01,1000\n2026-02-01,-10x\n");
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("line 3") && err.contains("invalid decimal"), "{err}");
}

#[test]
fn portfolio_streams_summaries_in_order_and_keeps_going_past_a_bad_loan() {
    let ledger = borrower()["ledger"].clone();
    let lines: Vec<String> = (0..5000)
        .map(|i| match i {
            17 => r#"{"id": "bad", "ledger": {"schedule": 5}}"#.to_owned(),
            18 => "{truncated".to_owned(),
            _ => json!({"id": format!("L{i}"), "ledger": ledger}).to_string(),
        })
        .collect();
    let input = lines.join("\n") + "\n";
    for threads in ["1", "2"] {
        let (code, out, err) = run(&["portfolio", "--as-of", "2026-06-24", "--threads", threads], &input);
        assert_eq!(code, 3, "{err}");
        assert!(err.contains("2 of 5000 loans could not be computed"), "{err}");
        assert!(err.contains("--allow-partial"), "{err}");
        let rows: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(rows.len(), 5000);
        assert_eq!(rows[0]["id"], "L0");
        assert_eq!(rows[4999]["id"], "L4999");
        assert_eq!(rows[0]["payoff"], "9579.04");
        assert_eq!(rows[17]["id"], "bad");
        assert!(rows[17]["error"]
            .as_str()
            .unwrap()
            .starts_with("ledger.schedule: invalid type"));
        assert_eq!(rows[18]["id"], "line 19");
        assert!(rows[18]["payoff"].is_null());
    }
    // a line that is not UTF-8 text is one failed loan, not a failed run; CRLF
    // line ends and blank lines are read as in a text file
    let good = lines[0].as_bytes();
    let mut bytes = [good, b"\r\n", b"{\"id\": \"L\xff\"}\n", b"\n", good, b"\r\n"].concat();
    bytes.extend_from_slice(b"   \n");
    let out = overdue()
        .args(["portfolio", "--as-of", "2026-06-24"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let rows: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        (&rows[0]["payoff"], &rows[2]["payoff"]),
        (&json!("9579.04"), &json!("9579.04"))
    );
    assert_eq!(rows[1]["id"], "line 2");
    assert!(rows[1]["error"].as_str().unwrap().contains("not UTF-8"), "{}", rows[1]);
    assert!(String::from_utf8(out.stderr).unwrap().contains("1 of 3 loans"));
    let (code, out, _) = run(
        &["portfolio", "--as-of", "2026-06-24", "--format", "csv"],
        &lines[..2].join("\n"),
    );
    assert_eq!(code, 0);
    let mut csv = out.lines();
    assert!(csv
        .next()
        .unwrap()
        .starts_with("id,as_of,days_past_due,bucket,status,principal"));
    assert_eq!(
        csv.next().unwrap(),
        "L0,2026-06-24,40,M2,overdue,9197.91,261.51,26.95,0.00,60.00,9579.04,"
    );
}

/// Every kind of bad input: exit 2, nothing on standard output, the path on standard error.
#[test]
fn bad_input_exits_2_naming_the_field() {
    let good = statement_request();
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        v.to_string()
    };
    let text = good.to_string();
    let cases: Vec<(&str, String, &str)> = vec![
        ("truncated", text[..text.len() / 2].to_owned(), "EOF while parsing"),
        (
            "wrong type",
            edit(&|v| v["ledger"]["schedule"]["options"]["installments"] = json!("twelve")),
            "ledger.schedule.options.installments: invalid type",
        ),
        (
            "negative amount",
            edit(&|v| v["ledger"]["events"][0]["amount"] = json!("-5")),
            "ledger.events[0].amount: amount must not be negative",
        ),
        (
            "unknown field",
            edit(&|v| v["ledger"]["policy"]["late_fe"] = json!({})),
            "ledger.policy.late_fe: unknown field `late_fe`",
        ),
        (
            "missing field",
            edit(&|v| {
                v["ledger"]["events"][0].as_object_mut().unwrap().remove("date");
            }),
            "ledger.events[0].date: missing field `date`",
        ),
        (
            "impossible date",
            edit(&|v| v["as_of"] = json!("2026-02-30")),
            r#"as_of: "2026-02-30" is not a date"#,
        ),
        ("not JSON", "statement please".to_owned(), "expected value"),
    ];
    for (what, input, expected) in cases {
        let (code, out, err) = run(&["statement"], &input);
        assert_eq!(code, 2, "{what}: {err}");
        assert_eq!(out, "", "{what}");
        assert!(err.contains(expected), "{what}: {err}");
    }
    let (code, out, err) = run(&["statement", "no/such/file.json"], "");
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("cannot read no/such/file.json"), "{err}");
}

/// A valid request whose computation fails is exit code 1.
#[test]
fn a_request_the_library_refuses_exits_2_naming_the_input() {
    let flows = json!({"flows": [{"date": "2026-01-01", "amount": "1000"}]});
    let (code, out, err) = run(&["xirr"], &flows.to_string());
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("standard input: no rate solves the cash flows"), "{err}");
}

#[test]
fn the_command_offers_every_job_of_the_library() {
    use clap::CommandFactory;
    use overdue::jobs::{each_job, Job, JobVisitor};
    struct Names(Vec<&'static str>);
    impl JobVisitor for Names {
        fn visit<J: Job>(&mut self) {
            self.0.push(J::NAME);
        }
    }
    let mut names = Names(Vec::new());
    each_job(&mut names);
    let command = overdue_cli::Cli::command();
    for name in names.0 {
        assert!(command.find_subcommand(name).is_some(), "no `overdue {name}`");
    }
}

#[test]
fn cost_prints_every_measure_and_the_json() {
    let flows = include_str!("../../examples/flows.json");
    let (code, table, _) = run(&["cost"], flows);
    assert_eq!(code, 0);
    for line in ["total paid", "XIRR", "EU APRC", "Regulation Z APR"] {
        assert!(table.contains(line), "{table}");
    }
    let (code, out, _) = run(&["cost", "--json"], flows);
    assert_eq!(code, 0);
    let result: Value = serde_json::from_str(&out).unwrap();
    assert!(result["xirr"].is_string(), "{out}");
}

/// The shared corpus of bad documents (`tests/bad_documents.json`, which the
/// library's and the Python package's tests read too): exit 2, the path of the
/// leaf on standard error, nothing on standard output.
#[test]
fn every_bad_document_is_refused_as_by_the_library() {
    let corpus: Value = serde_json::from_str(include_str!("../../tests/bad_documents.json")).unwrap();
    for case in corpus["cases"].as_array().unwrap() {
        let (name, job) = (case["name"].as_str().unwrap(), case["job"].as_str().unwrap());
        let (code, out, err) = run(&[job], case["document"].as_str().unwrap());
        assert_eq!((code, out.as_str()), (2, ""), "{name}: {err}");
        let expected = match case["path"].as_str() {
            Some(path) => format!("error: standard input: {path}: "),
            None => "error: standard input: ".to_owned(),
        };
        assert!(err.starts_with(&expected), "{name}: {err}");
        if let Some(message) = case["message"].as_str() {
            assert!(err.contains(message), "{name}: {err}");
        }
    }
}

#[test]
fn a_portfolio_with_failed_loans_exits_3_unless_partial_failure_is_allowed() {
    let good = json!({"id": "ok", "ledger": borrower()["ledger"]}).to_string();
    let input = format!("{good}\n{{\"id\": \"bad\", \"ledger\": {{}}}}\n");
    let (code, out, err) = run(&["portfolio", "--as-of", "2026-06-24"], &input);
    assert_eq!(code, 3, "{err}");
    assert_eq!(out.lines().count(), 2, "every row is still written: {out}");
    let (code, out, err) = run(&["portfolio", "--as-of", "2026-06-24", "--allow-partial"], &input);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 2);
    assert!(err.contains("1 of 2 loans could not be computed"), "{err}");
    let (code, _, err) = run(&["portfolio", "--as-of", "2026-06-24"], &format!("{good}\n"));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn csv_on_standard_input_is_read_as_csv_without_the_flag() {
    let csv = "date,amount\n2026-01-01,1000.00\n2027-01-01,-1100.00\n";
    let (code, out, err) = run(&["xirr"], csv);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("XIRR (actual/365)            10.0000 %"), "{out}");
    // a CSV value is read by the JSON rules: a strict date, an exact decimal
    let (code, _, err) = run(&["xirr"], "date,amount\n2026-01-01,1000\n2026-02-30,-1010\n");
    assert_eq!(code, 2);
    assert!(err.contains("line 3, date: \"2026-02-30\" is not a date"), "{err}");
}

#[test]
fn a_json_integer_amount_is_read_and_a_fraction_says_to_write_a_string() {
    let options = |principal: &str| {
        format!(
            r#"{{"principal": {principal}, "rate": {{"value": "0.12", "period": "annual"}}, "installments": 3, "disbursement": "2026-01-15"}}"#
        )
    };
    let (code, integer, err) = run(&["schedule", "--json"], &options("1200"));
    assert_eq!(code, 0, "{err}");
    let (_, text, _) = run(&["schedule", "--json"], &options("\"1200\""));
    assert_eq!(integer, text);
    let (code, out, err) = run(&["schedule"], &options("1200.50"));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("principal: ") && err.contains(r#"write it as a string: "1200.5""#),
        "{err}"
    );
}

#[test]
fn an_impossible_date_is_named_on_the_command_line_and_in_a_document() {
    let ledger = borrower()["ledger"].to_string();
    let (code, _, err) = run(&["statement", "--as-of", "2026-02-30"], &ledger);
    assert_eq!(code, 2);
    assert!(err.contains("2026-02-30 is not a date"), "{err}");
    let request = json!({"ledger": borrower()["ledger"], "as_of": "2026-02-30"}).to_string();
    let (code, _, err) = run(&["statement"], &request);
    assert_eq!(code, 2);
    assert!(err.contains(r#"as_of: "2026-02-30" is not a date"#), "{err}");
}

#[test]
fn a_statement_date_before_the_disbursement_is_invalid_input() {
    let ledger = borrower()["ledger"].to_string();
    let (code, out, err) = run(&["statement", "--as-of", "2020-01-01"], &ledger);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("must be after disbursement"), "{err}");
}

#[test]
fn compare_given_a_card_compares_the_cards_ways_out() {
    let request = include_str!("../../examples/card_compare.json");
    let (code, table, err) = run(&["compare"], request);
    assert_eq!(code, 0, "{err}");
    assert!(table.starts_with("Card on 2026-06-01: 37 days past due"), "{table}");
    assert!(table.contains("Minimum only"), "{table}");
    let (code, same, _) = run(&["card-compare"], request);
    assert_eq!((code, same), (0, table));
}

#[test]
fn statement_given_a_card_or_a_line_prints_it() {
    let (code, card, err) = run(&["statement"], include_str!("../../examples/card.json"));
    assert_eq!(code, 0, "{err}");
    assert!(card.starts_with("Card on "), "{card}");
    let (code, line, err) = run(&["statement"], include_str!("../../examples/line.json"));
    assert_eq!(code, 0, "{err}");
    let (_, expected, _) = run(&["line"], include_str!("../../examples/line.json"));
    assert_eq!(line, expected);
}
