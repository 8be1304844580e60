//! The borrower walk-through: "I am overdue — what should I do, and what will
//! each path cost me?"
//!
//! `cargo run --example borrower` runs the built-in scenario;
//! `cargo run --example borrower -- path/to/request.json` reads the same shape
//! from a JSON file (see `docs/json.md` and `examples/borrower.json`);
//! `cargo run --example borrower -- --request` prints the built-in scenario as
//! such a file; `--chart file.svg` (after the file, if any) also draws what each
//! way out has cost by each date, with the break-even dates marked.

mod chart;
#[path = "../shared/chart_style.rs"]
mod chart_style;
#[path = "../shared/request.rs"]
mod request;
mod scenario;

use std::process::ExitCode;

use overdue::{compare::ComparisonResult, restructure::NewPlan, Comparison, WayOut};

/// What `--help` prints.
const USAGE: &str = "\
The borrower walk-through: every way out of an overdue loan, costed and ranked.

Usage: cargo run --example borrower -- [FILE] [--chart CHART.svg]
       cargo run --example borrower -- --request

  FILE               a comparison request in JSON (see examples/borrower.json);
                     the built-in scenario when left out
  --chart CHART.svg  also draw what each way out has cost by each date
  --request          print the built-in scenario as a JSON request
  -h, --help         print this
";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let chart = match request::take_chart(&mut args) {
        Ok(chart) => chart,
        Err(code) => return code,
    };
    request::run(USAGE, &args, scenario::comparison, |c: Comparison| {
        let result = c.run().map_err(|e| e.to_string())?;
        if let Some(path) = &chart {
            chart::write(&c, &result, path)?;
        }
        Ok(render(&c, &result))
    })
}

/// The shortest term within the budget, for an option with a term to choose.
fn fit_line(c: &Comparison, way: &WayOut) -> Option<String> {
    let installments = |w: &WayOut| match w {
        WayOut::Refinance(r) => Some(r.installments()),
        WayOut::Restructure(r) => match r.plan() {
            NewPlan::Schedule(t) => Some(t.installments()),
            _ => None,
        },
        _ => None,
    };
    installments(way)?;
    Some(match c.fit_to_budget(way, 60) {
        Ok(Some(fits)) => format!(
            "   budget: the shortest term that fits every month is {} installments\n",
            installments(&fits)?
        ),
        Ok(None) => "   budget: no term up to 60 installments fits every month\n".to_owned(),
        Err(e) => format!("   budget: {e}\n"),
    })
}

/// The report, in 100 columns: the comparison's own table, then the
/// shortest term that fits the budget for each option with a term to choose.
pub fn render(c: &Comparison, r: &ComparisonResult) -> String {
    let mut out = r.to_string();
    let fits: Vec<String> = r
        .options
        .iter()
        .filter_map(|o| fit_line(c, &o.way).map(|line| format!("{}. {}\n{line}", o.rank, o.label)))
        .collect();
    if !fits.is_empty() {
        out.push_str("\nTerms that fit the budget\n");
        out.push_str(&fits.concat());
    }
    out
}
