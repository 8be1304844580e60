//! The borrower walk-through: `cargo run --example borrower`.
//!
//! For now it prints the worked schedule of the built-in scenario's loan: a
//! 12-month online installment loan of 12,000 at 18 %/year.
#![allow(clippy::unwrap_used)] // an example: failures should stop it loudly

use chrono::NaiveDate;
use overdue::{Money, Rate, Schedule};
use rust_decimal_macros::dec;

fn main() -> Result<(), overdue::Error> {
    let disbursed = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
    let schedule = Schedule::equal_installment(Money::new(dec!(12000))?, Rate::annual(dec!(0.18))?, 12, disbursed)?;
    println!("12-month installment loan of 12,000.00 at 18 %/year, disbursed {disbursed}");
    println!(
        "{:>3}  {:<10}  {:>10}  {:>10}  {:>10}  {:>10}",
        "#", "due", "principal", "interest", "payment", "balance"
    );
    for i in schedule.installments() {
        println!(
            "{:>3}  {:<10}  {:>10}  {:>10}  {:>10}  {:>10}",
            i.number, i.due_date, i.principal, i.interest, i.payment, i.balance_after
        );
    }
    println!(
        "level payment {}, total paid {}, total interest {}",
        schedule.level_payment().unwrap(),
        schedule.total_paid()?,
        schedule.total_interest()?
    );
    Ok(())
}
