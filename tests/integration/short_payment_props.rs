//! Property tests for short payments: a payment short by no more than the amount tolerance never
//! adds a fee or a day past due.

use chrono::Days;
use overdue::accrual::{Accrues, LateFee, PenaltyBase, PenaltyRate};
use overdue::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn money(minor: i64) -> Money {
    Money::new(Decimal::new(minor, 2)).unwrap()
}

/// A loan paid installment by installment, each payment the largest row's amount (so a payment
/// in full always covers the oldest installment owing), or skipped, some late; payment `short` is
/// `cents` less.
fn paid_loan(
    principal: i64,
    rate_bp: i64,
    n: u32,
    late: &[Option<u8>],
    short: usize,
    cents: i64,
    equal_principal: bool,
) -> Ledger {
    let rate = Rate::annual(Decimal::new(rate_bp, 4)).unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let plan = if equal_principal {
        Schedule::equal_principal(money(principal), rate, n, start)
    } else {
        Schedule::equal_installment(money(principal), rate, n, start)
    }
    .unwrap();
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(Decimal::new(5, 4)).unwrap()))
        .with_penalty_base(PenaltyBase::OverdueInstallment)
        .with_compound_interest(Accrues::No)
        .with_late_fee(LateFee::flat(money(3000)));
    let rows = plan.installments().to_vec();
    let full = rows.iter().map(|r| r.payment).max().unwrap();
    let mut ledger = Ledger::new(plan, policy).unwrap();
    for (k, row) in rows.iter().enumerate() {
        let Some(Some(days)) = late.get(k) else { continue };
        let day = row.due_date + Days::new(u64::from(*days));
        let mut amount = full;
        if k == short {
            amount = amount.checked_sub(money(cents)).unwrap();
        }
        ledger.pay(Payment::new(format!("p{k}"), day, amount).unwrap()).unwrap();
    }
    ledger
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(300)))]

    /// Freddie Mac's Guide 8103.5 and Regulation X comment 31 (Delinquency)-3: a payment short by
    /// at most the tolerance (1.00 by default) never adds a late fee or a day past due, on any
    /// date, compared with the same history with that payment in full.
    #[test]
    fn a_payment_short_by_at_most_the_tolerance_adds_no_fee_or_day_past_due(
        principal in 50_000i64..5_000_000,
        rate_bp in 0i64..3600,
        n in 2u32..14,
        late in prop::collection::vec(prop::option::weighted(0.85, 0u8..45), 14),
        short in 0usize..14,
        cents in 1i64..=100,
        equal_principal in any::<bool>(),
        at in prop::collection::vec(0u64..600, 4),
    ) {
        let short = short % n as usize;
        // the short payment is made (on its due date when the history skipped it)
        let mut late = late;
        if let Some(day @ None) = late.get_mut(short) {
            *day = Some(0);
        }
        let full = paid_loan(principal, rate_bp, n, &late, usize::MAX, 0, equal_principal);
        let less = paid_loan(principal, rate_bp, n, &late, short, cents, equal_principal);
        let start = chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        for days in at {
            let day = start + Days::new(days);
            let (f, s) = (full.statement(day).unwrap(), less.statement(day).unwrap());
            prop_assert!(s.charged.fees <= f.charged.fees, "{day}: fees {} > {}", s.charged.fees, f.charged.fees);
            prop_assert!(s.days_past_due <= f.days_past_due, "{day}: {} > {} days", s.days_past_due, f.days_past_due);
        }
    }
}
