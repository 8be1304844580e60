//! What a statement tells a borrower: each installment's status by what happened to it.

use crate::common::{d, m};
use overdue::accrual::{InstallmentStatus, LoanStatus};
use overdue::restructure::{NewPlan, Restructure};
use overdue::*;
use rust_decimal_macros::dec;
use InstallmentStatus::*;

fn three_hundreds() -> Ledger {
    let plan = Schedule::equal_principal(m(dec!(300)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    Ledger::new(plan, OverduePolicy::new()).unwrap()
}

fn statuses(ledger: &Ledger, day: chrono::NaiveDate) -> Vec<InstallmentStatus> {
    ledger
        .statement(day)
        .unwrap()
        .installments
        .iter()
        .map(|i| i.state)
        .collect()
}

/// A paid installment is `paid`, never `past_due` with 0 days and nothing owed: the first of
/// 3 × 100 (due 02-01) paid on 02-01; on 03-05 the second (due 03-01) is past due, the third due.
#[test]
fn a_paid_installment_reads_paid_and_an_unpaid_one_past_due() {
    let mut ledger = three_hundreds();
    ledger
        .pay(Payment::new("p1", d(2026, 2, 1), m(dec!(100))).unwrap())
        .unwrap();
    assert_eq!(statuses(&ledger, d(2026, 1, 15)), [Due, NotYetDue, NotYetDue]);
    assert_eq!(statuses(&ledger, d(2026, 2, 2)), [Paid, Due, NotYetDue]);
    assert_eq!(statuses(&ledger, d(2026, 3, 5)), [Paid, PastDue, Due]);
    let st = ledger.statement(d(2026, 3, 5)).unwrap();
    assert_eq!(
        (st.installments[0].days_past_due, st.installments[1].days_past_due),
        (0, 4)
    );
}

/// Paid ahead of its due date, an installment is `paid` too; a payment that settles the loan
/// (covers the payoff) before later due dates makes those `settled`.
#[test]
fn an_early_payoff_settles_the_installments_not_yet_due() {
    let mut ledger = three_hundreds();
    ledger
        .pay(Payment::new("p1", d(2026, 1, 20), m(dec!(100))).unwrap())
        .unwrap();
    assert_eq!(statuses(&ledger, d(2026, 1, 25)), [Paid, NotYetDue, NotYetDue]);
    ledger
        .pay(Payment::new("off", d(2026, 2, 10), m(dec!(200))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 2, 10)).unwrap();
    assert_eq!(st.status, LoanStatus::PaidOff);
    assert_eq!(statuses(&ledger, d(2026, 2, 10)), [Paid, Settled, Settled]);
}

/// A restructure moves what the installments owed into a new plan: the old ones read
/// `restructured`, the new plan's own installments are read as any other.
#[test]
fn a_restructured_installment_reads_restructured() {
    let mut ledger = three_hundreds();
    ledger
        .restructure(Restructure::new(d(2026, 3, 10), NewPlan::Reamortise))
        .unwrap();
    let states = statuses(&ledger, d(2026, 3, 10));
    assert!(states.contains(&Restructured), "{states:?}");
    assert!(!states.contains(&PastDue), "{states:?}");
}
