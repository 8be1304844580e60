//! The borrower walk-through: "I am overdue — what should I do, and what will
//! each path cost me?"
//!
//! `cargo run --example borrower` runs the built-in scenario;
//! `cargo run --example borrower -- path/to/request.json` reads the same shape
//! from a JSON file (see `docs/json.md` and `examples/borrower.json`);
//! `cargo run --example borrower -- --request` prints the built-in scenario as
//! such a file; `--chart file.svg` (after the file, if any) also draws what each
//! way out has cost by each date, with the break-even dates marked.
// Printing the report is this program's purpose.
#![allow(clippy::print_stdout)]

mod chart;
#[path = "../shared/request.rs"]
mod request;
mod scenario;

use std::process::ExitCode;

use overdue::{Comparison, ComparisonResult, Money, NewPlan, WayOut};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let chart = match args.iter().position(|a| a == "--chart") {
        Some(i) if i + 1 < args.len() => {
            let path = args.remove(i + 1);
            args.remove(i);
            Some(path)
        }
        Some(_) => {
            eprintln!("error: --chart needs a file name");
            return ExitCode::from(2);
        }
        None => None,
    };
    request::run(&args, scenario::comparison, |c: Comparison| {
        let result = c.run().map_err(|e| e.to_string())?;
        if let Some(path) = &chart {
            chart::write(&c, &result, path)?;
        }
        Ok(render(&c, &result))
    })
}

fn money(m: Money) -> String {
    m.to_string()
}

fn percent(rate: Option<rust_decimal::Decimal>) -> String {
    rate.and_then(|r| r.checked_mul(rust_decimal::Decimal::ONE_HUNDRED))
        .map_or_else(|| "-".to_owned(), |p| format!("{:.1}%", p.round_dp(1)))
}

/// `text` wrapped at 100 columns, the first line after `first`, the others after `indent`.
fn wrap(text: &str, first: &str, indent: &str) -> String {
    let mut lines = Vec::new();
    let mut line = first.to_owned();
    let mut fresh = true;
    for word in text.split(' ') {
        if !fresh && line.chars().count() + 1 + word.chars().count() > 100 {
            lines.push(std::mem::replace(&mut line, indent.to_owned()));
            fresh = true;
        }
        if !fresh {
            line.push(' ');
        }
        line.push_str(word);
        fresh = false;
    }
    lines.push(line);
    lines.join("\n") + "\n"
}

/// The shortest term within the budget, for an option with a term to choose.
fn fit_line(c: &Comparison, way: &WayOut) -> Option<String> {
    let installments = |w: &WayOut| match w {
        WayOut::Refinance(r) => Some(r.get_installments()),
        WayOut::Restructure(r) => match r.get_plan() {
            NewPlan::Schedule(t) => Some(t.get_installments()),
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

/// The report, in 100 columns.
pub fn render(c: &Comparison, r: &ComparisonResult) -> String {
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
        out.push_str(&format!("{}. {}\n", o.rank, o.label));
        out.push_str(&wrap(&o.reason, "   why: ", "        "));
        if let Some(line) = fit_line(c, &o.way) {
            out.push_str(&line);
        }
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
