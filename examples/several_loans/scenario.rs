//! The several-loans scenario: three platform loans and one budget (shared
//! with the benches).

use chrono::NaiveDate;
use overdue::{
    accrual::Grace, accrual::LateFee, accrual::PenaltyBase, accrual::PenaltyRate, plan::Debt, plan::MonthlyBudget,
    Ledger, Money, OverduePolicy, Payment, Plan, Rate, Schedule,
};
use rust_decimal::Decimal;

pub fn day(y: i32, m: u32, d: u32) -> Result<NaiveDate, overdue::Error> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(overdue::Error::DateOutOfRange {
        operation: "scenario date",
    })
}

pub fn money(v: i64, scale: u32) -> Result<Money, overdue::Error> {
    Money::new(Decimal::new(v, scale))
}

/// One platform loan: principal, annual rate, installments, disbursement,
/// installments paid on time, penalty per day (basis points), late fee.
pub fn platform_loan(
    principal: i64,
    rate_pct: i64,
    n: u32,
    disbursed: NaiveDate,
    paid: usize,
    penalty_bp: i64,
    fee: i64,
) -> Result<Ledger, overdue::Error> {
    let schedule = Schedule::equal_installment(
        money(principal, 0)?,
        Rate::annual(Decimal::new(rate_pct, 2))?,
        n,
        disbursed,
    )?;
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(Decimal::new(penalty_bp, 4))?))
        .with_penalty_base(PenaltyBase::OverdueInstallment)
        .with_late_fee(LateFee::flat(money(fee, 0)?))
        .with_grace(Grace::waive(3));
    let mut ledger = Ledger::new(schedule.clone(), policy)?;
    for row in schedule.installments().iter().take(paid) {
        ledger.pay(Payment::new(
            format!("repay-{}", row.number),
            row.due_date,
            row.payment,
        )?)?;
    }
    Ok(ledger)
}

/// Three loans, two of them already overdue, and 2,200 a month from the
/// 10th for six months.
pub fn plan() -> Result<Plan, overdue::Error> {
    Ok(
        Plan::new(day(2026, 10, 1)?, MonthlyBudget::Constant(money(2200, 0)?), 10, 6)
            .debt(Debt::new(
                "platform A (0.05 %/day)",
                platform_loan(9000, 18, 12, day(2026, 3, 5)?, 4, 5, 30)?,
            ))
            .debt(Debt::new(
                "platform B (0.1 %/day)",
                platform_loan(4000, 24, 6, day(2026, 6, 20)?, 1, 10, 20)?,
            ))
            .debt(Debt::new(
                "card instalment (0.05 %/day)",
                platform_loan(6000, 15, 12, day(2026, 8, 15)?, 1, 5, 50)?,
            ))
            .with_discount_rate(Rate::annual(Decimal::new(5, 2))?),
    )
}
