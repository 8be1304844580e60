//! Several lenders, one pay cheque (多头借贷): three platform loans with
//! different penalty rates, 2,200 a month for six months. Every strategy
//! side by side, then the recommended plan month by month.
//!
//! `cargo run --example several_loans` runs the built-in scenario;
//! `cargo run --example several_loans -- path/to/plan.json` reads a plan in
//! the same JSON shape (see `examples/several_loans.json`);
//! `cargo run --example several_loans -- --request` prints the built-in
//! scenario as such a file.

#[path = "../shared/request.rs"]
mod request;
mod scenario;

use std::process::ExitCode;

use overdue::{plan::PlanComparison, Plan};

/// What `--help` prints.
const USAGE: &str = "\
Several loans, one budget: every strategy side by side, then the recommended plan.

Usage: cargo run --example several_loans -- [FILE]
       cargo run --example several_loans -- --request

  FILE         a plan request in JSON (see examples/several_loans.json);
               the built-in scenario when left out
  --request    print the built-in scenario as a JSON request
  -h, --help   print this
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    request::run(USAGE, &args, scenario::plan, |p: Plan| {
        let all = p.compare().map_err(|e| e.to_string())?;
        render(&all).map_err(|e| e.to_string())
    })
}

fn render(all: &PlanComparison) -> Result<String, Box<dyn std::error::Error>> {
    Ok(format!(
        "Several loans, one budget: every strategy over the same months\n\n{all}"
    ))
}
