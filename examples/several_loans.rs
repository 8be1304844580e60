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

use std::fmt::Write as _;
use std::process::ExitCode;

use chrono::NaiveDate;
use overdue::{
    Debt, Grace, LateFee, Ledger, Money, MonthlyBudget, OverduePolicy, Payment, PenaltyBase, PenaltyRate, Plan,
    PlanComparison, Rate, Schedule,
};
use rust_decimal::Decimal;

fn main() -> ExitCode {
    let plan = match std::env::args().nth(1).as_deref() {
        None => scenario().map_err(|e| e.to_string()),
        Some("--request") => {
            return match scenario()
                .map_err(|e| e.to_string())
                .and_then(|p| serde_json::to_string_pretty(&p).map_err(|e| e.to_string()))
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
    match plan.and_then(|p| {
        let all = p.compare().map_err(|e| e.to_string())?;
        render(&all).map_err(|e| e.to_string())
    }) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Reads a plan, naming the field that is wrong.
fn read(path: &str) -> Result<Plan, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut json = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut json).map_err(|e| format!("{path}: field `{}`: {}", e.path(), e.inner()))
}

fn day(y: i32, m: u32, d: u32) -> Result<NaiveDate, overdue::Error> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(overdue::Error::DateOutOfRange { operation: "scenario date" })
}

fn money(v: i64, scale: u32) -> Result<Money, overdue::Error> {
    Money::new(Decimal::new(v, scale))
}

/// One platform loan: principal, annual rate, installments, disbursement,
/// installments paid on time, penalty per day (basis points), late fee.
fn platform_loan(
    principal: i64,
    rate_pct: i64,
    n: u32,
    disbursed: NaiveDate,
    paid: usize,
    penalty_bp: i64,
    fee: i64,
) -> Result<Ledger, overdue::Error> {
    let schedule = Schedule::equal_installment(money(principal, 0)?, Rate::annual(Decimal::new(rate_pct, 2))?, n, disbursed)?;
    let policy = OverduePolicy::new()
        .penalty_rate(PenaltyRate::Fixed(Rate::daily(Decimal::new(penalty_bp, 4))?))
        .penalty_base(PenaltyBase::OverdueInstallment)
        .late_fee(LateFee::flat(money(fee, 0)?))
        .grace(Grace::waive(3));
    let mut ledger = Ledger::new(schedule.clone(), policy)?;
    for row in schedule.installments().iter().take(paid) {
        ledger.pay(Payment::new(format!("repay-{}", row.number), row.due_date, row.payment)?)?;
    }
    Ok(ledger)
}

/// Three loans, two of them already overdue, and 2,200 a month from the
/// 10th for six months.
fn scenario() -> Result<Plan, overdue::Error> {
    Ok(Plan::new(day(2026, 10, 1)?, MonthlyBudget::Constant(money(2200, 0)?), 10, 6)
        .debt(Debt::new("platform A (0.05 %/day)", platform_loan(9000, 18, 12, day(2026, 3, 5)?, 4, 5, 30)?))
        .debt(Debt::new("platform B (0.1 %/day)", platform_loan(4000, 24, 6, day(2026, 6, 20)?, 1, 10, 20)?))
        .debt(Debt::new("card instalment (0.05 %/day)", platform_loan(6000, 15, 12, day(2026, 8, 15)?, 1, 5, 50)?))
        .discount_rate(Rate::annual(Decimal::new(5, 2))?))
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
        writeln!(out, "{}  budget {}  paid {}  left {}", month.payday, month.budget, month.paid, month.left)?;
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
