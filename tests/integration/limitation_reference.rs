//! The limitation period: Chinese Civil Code arts. 188 (three years), 189 (an
//! installment debt: from the last installment's due date), 192 (after expiry, a debtor who
//! agrees to pay or pays cannot plead it), 195 (a demand, an acknowledgement, a lawsuit or a
//! payment interrupts it and it runs again), 202 (a period in years ends on the corresponding
//! day). Each case is worked by hand in its comment.

use crate::common::{d, m};
use overdue::accrual::{Interruption, InterruptionCause, LimitationRules, Restarter, Reversal};
use overdue::restructure::{NewPlan, Restructure};
use overdue::schedule::Terms;
use overdue::*;
use rust_decimal_macros::dec;

/// 12 monthly installments of 100 from 2026-02-15: the last is due 2027-01-15.
fn ledger() -> Ledger {
    crate::common::hundreds(OverduePolicy::new())
}

/// The reference: nothing but the loan → the claim expires at the end of 2030-01-15
/// (2027-01-15 + 3 years); a payment on 2028-03-01 restarts it → 2031-03-01.
#[test]
fn three_years_from_the_last_due_date_and_a_payment_restarts_them() {
    let china = LimitationRules::china();
    let plain = ledger().limitation(&china, d(2030, 1, 15)).unwrap();
    assert_eq!(
        (plain.runs_from, plain.expires_at_end_of),
        (d(2027, 1, 15), d(2030, 1, 15))
    );
    assert!(!plain.expired); // the last day itself is still in time
    assert!(ledger().limitation(&china, d(2030, 1, 16)).unwrap().expired);
    let mut paid = ledger();
    paid.pay(Payment::new("p", d(2028, 3, 1), m(dec!(50))).unwrap())
        .unwrap();
    let restarted = paid.limitation(&china, d(2030, 6, 1)).unwrap();
    assert_eq!(restarted.expires_at_end_of, d(2031, 3, 1));
    assert_eq!(restarted.restarts.len(), 1);
    assert!(!restarted.expired);
    // as of a day before the payment, the payment is not yet there
    assert_eq!(
        paid.limitation(&china, d(2028, 2, 29)).unwrap().expires_at_end_of,
        d(2030, 1, 15)
    );
}

/// Before the last installment falls due the period has not started (art. 189): a payment or a
/// demand in the first year changes nothing.
#[test]
fn an_interruption_before_the_last_due_date_changes_nothing() {
    let mut l = ledger();
    l.pay(Payment::new("p1", d(2026, 2, 15), m(dec!(100))).unwrap())
        .unwrap();
    l.interrupt(Interruption::new(d(2026, 9, 1), InterruptionCause::Demand))
        .unwrap();
    let lim = l.limitation(&LimitationRules::china(), d(2028, 1, 1)).unwrap();
    assert_eq!(lim.expires_at_end_of, d(2030, 1, 15));
    assert!(lim.restarts.is_empty());
}

/// A demand while the period runs restarts it (art. 195 (1)); once it has run out, a demand does
/// not revive the claim, a written acknowledgement does (art. 192): 2029-06-01 demand → 2032-06-01;
/// nothing until 2032-06-02 → expired; a demand on 2033-01-10 → still expired; an
/// acknowledgement on 2033-02-01 → revived, to the end of 2036-02-01.
#[test]
fn after_expiry_a_demand_does_not_revive_the_claim_an_acknowledgement_does() {
    let china = LimitationRules::china();
    let mut l = ledger();
    l.interrupt(Interruption::new(d(2029, 6, 1), InterruptionCause::Demand))
        .unwrap();
    l.interrupt(Interruption::new(d(2033, 1, 10), InterruptionCause::Demand))
        .unwrap();
    let lim = l.limitation(&china, d(2033, 1, 31)).unwrap();
    assert_eq!(lim.expires_at_end_of, d(2032, 6, 1));
    assert!(lim.expired);
    l.interrupt(Interruption::new(d(2033, 2, 1), InterruptionCause::Acknowledgement))
        .unwrap();
    let lim = l.limitation(&china, d(2033, 3, 1)).unwrap();
    assert_eq!(lim.expires_at_end_of, d(2036, 2, 1));
    assert!(!lim.expired);
    let revived: Vec<bool> = lim.restarts.iter().map(|r| r.revived).collect();
    assert_eq!(revived, [false, true]);
}

/// A period in years ends on the corresponding day, or the month's last day without one
/// (art. 202): a restart on 2028-02-29 ends on 2031-02-28.
#[test]
fn a_period_from_the_29th_of_february_ends_on_the_28th() {
    let mut l = ledger();
    l.interrupt(Interruption::new(d(2028, 2, 29), InterruptionCause::Lawsuit))
        .unwrap();
    let lim = l.limitation(&LimitationRules::china(), d(2029, 1, 1)).unwrap();
    assert_eq!(lim.expires_at_end_of, d(2031, 2, 28));
}

/// A payment that was reversed never happened: it restarts nothing (from its reversal on).
#[test]
fn a_reversed_payment_restarts_nothing() {
    let mut l = ledger();
    l.pay(Payment::new("p", d(2028, 3, 1), m(dec!(50))).unwrap()).unwrap();
    l.reverse(Reversal::new("p", d(2028, 3, 5))).unwrap();
    let china = LimitationRules::china();
    assert_eq!(
        l.limitation(&china, d(2028, 3, 3)).unwrap().expires_at_end_of,
        d(2031, 3, 1)
    );
    assert_eq!(
        l.limitation(&china, d(2028, 4, 1)).unwrap().expires_at_end_of,
        d(2030, 1, 15)
    );
}

/// Other jurisdictions give the period and what restarts it: six years, restarted by a payment
/// only, revived by nothing. A demand on 2028-01-01 changes nothing; a payment on 2028-03-01
/// restarts the six years → 2034-03-01; a payment after that has run out revives nothing.
#[test]
fn another_jurisdiction_gives_its_own_period_and_restarts() {
    let rules = LimitationRules::new(6)
        .unwrap()
        .with_restarted_by(&[Restarter::Payment])
        .with_revived_by(&[]);
    let mut l = ledger();
    l.interrupt(Interruption::new(d(2028, 1, 1), InterruptionCause::Demand))
        .unwrap();
    assert_eq!(
        l.limitation(&rules, d(2028, 2, 1)).unwrap().expires_at_end_of,
        d(2033, 1, 15)
    );
    l.pay(Payment::new("p", d(2028, 3, 1), m(dec!(10))).unwrap()).unwrap();
    assert_eq!(
        l.limitation(&rules, d(2029, 1, 1)).unwrap().expires_at_end_of,
        d(2034, 3, 1)
    );
    l.pay(Payment::new("late", d(2035, 1, 1), m(dec!(10))).unwrap())
        .unwrap();
    let lim = l.limitation(&rules, d(2035, 6, 1)).unwrap();
    assert_eq!(lim.expires_at_end_of, d(2034, 3, 1));
    assert!(lim.expired);
}

/// A restructure is the debtor agreeing to a new plan: it restarts the period, and the new
/// plan's last installment is the one the period then runs from.
#[test]
fn a_restructure_moves_the_start_to_the_new_plans_last_installment() {
    let mut l = ledger();
    let plan = NewPlan::Schedule(Terms::new(Rate::ZERO, 24));
    l.restructure(Restructure::new(d(2026, 6, 20), plan)).unwrap();
    let lim = l.limitation(&LimitationRules::china(), d(2027, 1, 1)).unwrap();
    let last_due = l
        .statement(d(2027, 1, 1))
        .unwrap()
        .installments
        .last()
        .unwrap()
        .due_date;
    assert!(last_due > d(2028, 1, 1));
    assert_eq!(lim.runs_from, last_due);
    assert_eq!(
        lim.expires_at_end_of,
        last_due.checked_add_months(chrono::Months::new(36)).unwrap()
    );
}

#[test]
fn a_period_must_last_at_least_a_year() {
    assert!(matches!(LimitationRules::new(0), Err(Error::Invalid { .. })));
    assert!(matches!(LimitationRules::new(101), Err(Error::Invalid { .. })));
}
