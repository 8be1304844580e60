//! Inputs shared by `benches/overdue.rs` and `peers/benches/peers.rs`.

use chrono::{Months, NaiveDate};
use overdue::CashFlow;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// Monthly flows: an advance, then `n` repayments at about 18 %/year.
pub fn loan_flows(n: u32) -> Vec<CashFlow> {
    let start = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let mut flows = vec![CashFlow::new(start, dec!(10000))];
    let payment =
        dec!(10000) * dec!(0.015) / (Decimal::ONE - Decimal::ONE / (0..n).fold(Decimal::ONE, |a, _| a * dec!(1.015)));
    for k in 1..=n {
        flows.push(CashFlow::new(
            start.checked_add_months(Months::new(k)).unwrap(),
            -payment.round_dp(2),
        ));
    }
    flows
}

/// [`loan_flows`] paid on irregular days: each repayment 0 to 12 days after its
/// monthly date (a borrower who pays when paid), so no two gaps are alike.
pub fn irregular_flows(n: u32) -> Vec<CashFlow> {
    let mut flows = loan_flows(n);
    for (k, flow) in flows.iter_mut().enumerate().skip(1) {
        flow.date = flow.date + chrono::Days::new((k as u64 * 7) % 13);
    }
    flows
}
