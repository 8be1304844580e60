//! The borrower walk-through: "I am overdue — what should I do, and what will
//! each path cost me?"
//!
//! `cargo run --example borrower` runs the built-in scenario;
//! `cargo run --example borrower -- path/to/request.json` reads the same shape
//! from a JSON file (see `docs/json.md` and `examples/borrower.json`);
//! `cargo run --example borrower -- --request` prints the built-in scenario as
//! such a file.
// Printing the report is this program's purpose.
#![allow(clippy::print_stdout)]

mod scenario;

use std::process::ExitCode;

use overdue::{Comparison, ComparisonResult, Money};

fn main() -> ExitCode {
    let comparison = match std::env::args().nth(1).as_deref() {
        None => scenario::comparison().map_err(|e| e.to_string()),
        Some("--request") => {
            // the built-in scenario as a JSON request, to start your own from
            return match scenario::comparison()
                .map_err(|e| e.to_string())
                .and_then(|c| serde_json::to_string_pretty(&c).map_err(|e| e.to_string()))
            {
                Ok(json) => {
                    println!("{json}");
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(2)
                }
            };
        }
        Some(path) => read(path),
    };
    let report = comparison.and_then(|c| c.run().map_err(|e| e.to_string()));
    match report {
        Ok(result) => {
            print!("{}", render(&result));
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Reads a comparison request, naming the field that is wrong.
fn read(path: &str) -> Result<Comparison, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut json = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut json).map_err(|e| format!("{path}: field `{}`: {}", e.path(), e.inner()))
}

fn money(m: Money) -> String {
    m.to_string()
}

fn percent(rate: Option<rust_decimal::Decimal>) -> String {
    rate.and_then(|r| r.checked_mul(rust_decimal::Decimal::ONE_HUNDRED))
        .map_or_else(|| "-".to_owned(), |p| format!("{:.1}%", p.round_dp(1)))
}

/// The report, in 100 columns.
pub fn render(r: &ComparisonResult) -> String {
    let st = &r.statement;
    let mut out = String::new();
    out.push_str(&format!("Statement on {}\n", r.as_of));
    out.push_str(&format!(
        "  days past due {}   bucket {}   status {:?}\n",
        st.days_past_due, st.bucket, st.status
    ));
    let owed = &st.payoff_components;
    out.push_str(&format!(
        "  owed today: principal {}  interest {}  penalty {}  compound {}  fees {}",
        money(owed.principal),
        money(owed.interest),
        money(owed.penalty_interest),
        money(owed.compound_interest),
        money(owed.fees)
    ));
    out.push('\n');
    out.push_str(&format!(
        "  payoff today {}   monthly budget {}   ranked by {}\n\n",
        money(r.payoff),
        money(r.monthly_budget),
        r.rank_by
    ));
    out.push_str(&format!(
        "{:<2} {:<32} {:>10} {:>9} {:>10} {:>6} {:>9} {:>4} {:>10}\n",
        "#", "option", "total paid", "cost", "NPV", "APR", "peak/mo", "over", "break-even"
    ));
    for o in &r.options {
        out.push_str(&format!(
            "{:<2} {:<32} {:>10} {:>9} {:>10} {:>6} {:>9} {:>4} {:>10}\n",
            o.rank,
            o.label,
            money(o.total_paid),
            o.cost.to_string(),
            money(o.npv),
            percent(o.apr),
            money(o.peak_monthly),
            o.months_over_budget,
            o.break_even.map_or_else(|| "-".to_owned(), |d| d.to_string()),
        ));
    }
    out.push('\n');
    for o in &r.options {
        out.push_str(&format!("{}. {}\n   why: {}\n", o.rank, o.label, o.reason));
        out.push_str(&format!(
            "   credit: worst {} days past due ({}), settled {}, record kept until {}\n",
            o.credit.highest_days_past_due, o.credit.bucket, o.credit.settled_on, o.credit.negative_record_until
        ));
        for w in &o.warnings {
            out.push_str(&format!("   ! {w}\n"));
        }
    }
    out
}
