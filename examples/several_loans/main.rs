//! Several lenders, one pay cheque (多头借贷): three platform loans with
//! different penalty rates, 2,200 a month for six months. Every strategy
//! side by side, then the recommended plan month by month.
//!
//! `cargo run --example several_loans` runs the built-in scenario;
//! `cargo run --example several_loans -- path/to/plan.json` reads a plan in
//! the same JSON shape (see `examples/several_loans.json`);
//! `cargo run --example several_loans -- --request` prints the built-in
//! scenario as such a file.
// Printing the report is this program's purpose.
#![allow(clippy::print_stdout)]

#[path = "../shared/request.rs"]
mod request;
mod scenario;

use std::fmt::Write as _;
use std::process::ExitCode;

use overdue::{Plan, PlanComparison};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    request::run(&args, scenario::plan, |p: Plan| {
        let all = p.compare().map_err(|e| e.to_string())?;
        render(&all).map_err(|e| e.to_string())
    })
}

fn render(all: &PlanComparison) -> Result<String, Box<dyn std::error::Error>> {
    let mut out = String::new();
    writeln!(out, "Several loans, one budget: every strategy over the same months\n")?;
    writeln!(
        out,
        "{:<20} {:>10} {:>11} {:>10} {:>10} {:>8} {:>8}",
        "strategy", "paid", "still owed", "cost", "NPV", "90+ mo", "30+ mo"
    )?;
    for p in &all.plans {
        writeln!(
            out,
            "{:<20} {:>10} {:>11} {:>10} {:>10} {:>8} {:>8}",
            p.strategy.to_string(),
            p.total_paid,
            p.still_owed,
            p.cost,
            p.npv,
            p.damage.days_90_plus,
            p.damage.days_30_plus
        )?;
    }
    let best = all.recommended()?;
    writeln!(out, "\nRecommended: {} (the plan month by month)\n", best.strategy)?;
    for month in &best.months {
        writeln!(
            out,
            "{}  budget {}  paid {}  left {}",
            month.payday, month.budget, month.paid, month.left
        )?;
        for loan in &month.loans {
            writeln!(
                out,
                "    {:<30} pay {:>9}   {:>3} days past due ({:<3})   owes {:>9}",
                loan.label, loan.payment, loan.days_past_due, loan.bucket, loan.owed
            )?;
        }
    }
    writeln!(out)?;
    for loan in &best.loans {
        let settled = loan.settled_on.map_or("not yet".to_string(), |d| d.to_string());
        writeln!(
            out,
            "{:<30} worst {:>3} days past due, settled: {settled}",
            loan.label, loan.worst_days_past_due
        )?;
    }
    Ok(out)
}
