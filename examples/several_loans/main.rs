//! Several lenders, one pay cheque (多头借贷): three platform loans with
//! different penalty rates, 2,200 a month for six months. Every strategy
//! side by side, then the recommended plan month by month, then "what if I
//! pay more?": the least-cost plan at budgets from half the budget to half
//! as much again.
//!
//! `cargo run --example several_loans` runs the built-in scenario;
//! `cargo run --example several_loans -- path/to/plan.json` reads a plan in
//! the same JSON shape (see `examples/several_loans.json`);
//! `cargo run --example several_loans -- --request` prints the built-in
//! scenario as such a file; `--chart file.svg` also draws the least cost and
//! the debt-free date at each budget.

mod chart;
#[path = "../shared/chart_style.rs"]
mod chart_style;
#[path = "../shared/request.rs"]
mod request;
mod scenario;

use std::process::ExitCode;

use overdue::plan::{BudgetRange, BudgetSweep, PlanComparison};
use overdue::{dec, Money, Plan};

/// What `--help` prints.
const USAGE: &str = "\
Several loans, one budget: every strategy side by side, the recommended plan, and what paying more
would change.

Usage: cargo run --example several_loans -- [FILE] [--chart CHART.svg]
       cargo run --example several_loans -- --request

  FILE               a plan request in JSON (see examples/several_loans.json);
                     the built-in scenario when left out
  --chart CHART.svg  also draw the least cost and the debt-free date at each budget
  --request          print the built-in scenario as a JSON request
  -h, --help         print this
";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let chart = match request::take_chart(&mut args) {
        Ok(chart) => chart,
        Err(code) => return code,
    };
    request::run(USAGE, &args, scenario::plan, |p: Plan| {
        let all = p.compare().map_err(|e| e.to_string())?;
        let budget = all
            .recommended()
            .map_err(|e| e.to_string())?
            .months
            .first()
            .map(|m| m.budget);
        let budget = budget.ok_or("the plan has no months")?;
        let sweep = p
            .sweep(&around(budget).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
        if let Some(path) = &chart {
            chart::write(&sweep, budget, p.as_of(), path)?;
        }
        Ok(render(&all, &sweep, budget))
    })
}

/// Budgets from half of `budget` to half as much again, in eighths.
fn around(budget: Money) -> Result<BudgetRange, overdue::Error> {
    let b = budget.as_decimal();
    let step = Money::new((b / dec!(8)).round_dp(2))?;
    if step.is_zero() {
        return Ok(BudgetRange::new(budget, budget, Money::new(dec!(1))?));
    }
    Ok(BudgetRange::new(
        Money::new((b / dec!(2)).round_dp(2))?,
        Money::new((b * dec!(1.5)).round_dp(2))?,
        step,
    ))
}

fn render(all: &PlanComparison, sweep: &BudgetSweep, budget: Money) -> String {
    let mut out = format!("Several loans, one budget: every strategy over the same months\n\n{all}");
    out.push_str(&format!(
        "\n\nWhat if I pay more? The least-cost plan at each monthly budget (yours: {})\n\n{sweep}",
        budget.grouped()
    ));
    let base = sweep.points.iter().find(|p| p.budget == budget);
    if let (Some(base), Some(more)) = (base, sweep.points.iter().find(|p| p.budget > budget)) {
        let extra = more.budget.checked_sub(base.budget).unwrap_or(Money::ZERO);
        let saved = base.cost.checked_sub(more.cost).unwrap_or(Money::ZERO);
        let free = match more.debt_free_on {
            Some(day) => format!("debt-free on {day}"),
            None => "still in debt at the plan's end".to_owned(),
        };
        out.push_str(&format!(
            "\nPaying {} more a month saves {} over the plan and leaves you {free}.\n",
            extra.grouped(),
            saved.grouped()
        ));
    }
    if let Some(free) = sweep.points.iter().find(|p| p.debt_free_on.is_some()) {
        if let Some(day) = free.debt_free_on {
            out.push_str(&format!(
                "The smallest of these budgets that clears every loan within the plan is {} a month: debt-free on {day}.\n",
                free.budget.grouped()
            ));
        }
    }
    out
}
