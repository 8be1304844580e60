//! Short payments: a payment a few minor units short of an installment is not a delinquency.
//! Each test names the rule it follows and carries its arithmetic.

use crate::common::{d, m};
use overdue::accrual::{Accrues, LateFee, LoanStatus, PenaltyBase, PenaltyRate};
use overdue::*;
use rust_decimal_macros::dec;

/// 15,000 at 12 % a year in 12 monthly installments from 2026-01-15: 1,332.73 a month, the last
/// row 1,332.76 (the rounding of the earlier rows lands on it). A flat 30 late fee and 0.05 % a
/// day on the overdue installment. The first installment is paid 10 days late; every other one is
/// paid 1,332.73 on its due date, so the last is 3 cents short.
fn level_payer(policy: OverduePolicy) -> Ledger {
    let plan =
        Schedule::equal_installment(m(dec!(15000)), Rate::annual(dec!(0.12)).unwrap(), 12, d(2026, 1, 15)).unwrap();
    let policy = policy
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
        .with_penalty_base(PenaltyBase::OverdueInstallment)
        .with_compound_interest(Accrues::No)
        .with_late_fee(LateFee::flat(m(dec!(30))));
    let rows = plan.installments().to_vec();
    assert_eq!(
        (rows[0].payment, rows[11].payment),
        (m(dec!(1332.73)), m(dec!(1332.76)))
    );
    let mut ledger = Ledger::new(plan, policy).unwrap();
    for (k, row) in rows.iter().enumerate() {
        let day = if k == 0 { d(2026, 2, 25) } else { row.due_date };
        ledger
            .pay(Payment::new(format!("p{}", k + 1), day, m(dec!(1332.73))).unwrap())
            .unwrap();
    }
    ledger
}

/// Freddie Mac's Single-Family Guide 8103.5: "the Servicer must not create a payment deficiency
/// by deducting a late charge from the regular monthly payment", and Regulation X, comment
/// 31 (Delinquency)-3 ("payment tolerance"): a servicer may choose not to treat a borrower whose
/// payment is less than the periodic payment as delinquent. With the default tolerance of 1.00,
/// the last payment, 3 cents short, pays the last installment's principal and interest before
/// the first installment's 30 fee and 10 days × 1,332.73 × 0.05 % = 6.66 penalty; the 3 cents
/// left are within the tolerance. The loan ends current with one fee.
#[test]
fn a_payment_a_few_cents_short_pays_the_installment_and_leaves_it_current() {
    let ledger = level_payer(OverduePolicy::new());
    assert_eq!(ledger.policy().tolerance(), m(dec!(1)));
    for day in [d(2027, 1, 16), d(2027, 3, 1), d(2028, 1, 15)] {
        let st = ledger.statement(day).unwrap();
        assert_eq!((st.days_past_due, st.status), (0, LoanStatus::Current), "{day}");
        assert_eq!(st.charged.fees, m(dec!(30)), "one fee only, {day}");
        assert_eq!(st.charged.penalty_interest, m(dec!(6.66)), "{day}");
        let contractual = st.outstanding.principal.checked_add(st.outstanding.interest).unwrap();
        assert_eq!(contractual, m(dec!(0.03)), "{day}");
        assert_eq!(st.installments[11].days_past_due, 0);
    }
}

/// The strict reading (tolerance zero, one unpaid minor unit is overdue), kept as an option: the
/// same history leaves the last installment 3 cents short, which ages and draws a second fee.
#[test]
fn with_no_tolerance_three_cents_short_is_overdue() {
    let ledger = level_payer(OverduePolicy::new().with_tolerance(Money::ZERO));
    let st = ledger.statement(d(2027, 3, 1)).unwrap();
    assert_eq!((st.days_past_due, st.status), (45, LoanStatus::Overdue));
    assert_eq!(st.charged.fees, m(dec!(60)));
}

/// The tolerance is per installment and does not hide a real shortfall: 1.01 short is overdue
/// from the due date, with its fee.
#[test]
fn a_shortfall_beyond_the_tolerance_is_overdue() {
    let plan = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let policy = OverduePolicy::new().with_late_fee(LateFee::flat(m(dec!(25))));
    let mut ledger = Ledger::new(plan, policy).unwrap();
    ledger
        .pay(Payment::new("p1", d(2026, 2, 1), m(dec!(998.99))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 2, 11)).unwrap();
    assert_eq!((st.days_past_due, st.charged.fees), (10, m(dec!(25))));
    let mut within = Ledger::new(
        Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap(),
        OverduePolicy::new().with_late_fee(LateFee::flat(m(dec!(25)))),
    )
    .unwrap();
    within
        .pay(Payment::new("p1", d(2026, 2, 1), m(dec!(999.00))).unwrap())
        .unwrap();
    let st = within.statement(d(2026, 2, 11)).unwrap();
    assert_eq!((st.days_past_due, st.charged.fees), (0, m(dec!(0))));
}
