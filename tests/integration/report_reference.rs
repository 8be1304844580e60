//! Credit-bureau records (issue 14): the PBOC 24-month repayment record, worked by hand against
//! the report's own legend (个人信用报告 编制说明: N paid as agreed; 1–7 past due 1–30, 31–60, …,
//! over 180 days; C settled; * no payment due that month; B bad debt).

use crate::common::{d, m};
use overdue::*;
use proptest::prelude::*;
use rust_decimal_macros::dec;

/// Issue 14's reference loan: 1,200 in 12 monthly installments of 100 from 2026-01-15 (due on
/// the 15th, February to January), the default policy. Installments 1–3 paid on their due
/// dates; 4 (05-15) and 5 (06-15) missed; on 07-15 everything due is paid (4, 5, 6 and their
/// penalties): cured two months later; 7–9 paid on their due dates; settled early on 11-01.
fn reference_loan() -> Ledger {
    let plan = Schedule::equal_installment(m(dec!(1200)), Rate::ZERO, 12, d(2026, 1, 15)).unwrap();
    let mut ledger = Ledger::new(plan, OverduePolicy::new()).unwrap();
    let hundred = m(dec!(100));
    for (k, month) in [2, 3, 4].into_iter().enumerate() {
        ledger
            .pay(Payment::new(format!("i{}", k + 1), d(2026, month, 15), hundred).unwrap())
            .unwrap();
    }
    let arrears = ledger.autodebit(d(2026, 7, 15)).unwrap();
    ledger
        .pay(Payment::new("cure", d(2026, 7, 15), arrears).unwrap())
        .unwrap();
    for (k, month) in [8, 9, 10].into_iter().enumerate() {
        ledger
            .pay(Payment::new(format!("i{}", k + 7), d(2026, month, 15), hundred).unwrap())
            .unwrap();
    }
    let payoff = ledger.statement(d(2026, 11, 1)).unwrap().payoff;
    ledger
        .pay(Payment::new("settle", d(2026, 11, 1), payoff).unwrap())
        .unwrap();
    ledger
}

/// By hand, month by month (status at the end of the month's due date, days counted 算头不算尾):
/// January, the account opens and nothing is due: `*`; February to April paid on the due date:
/// `N N N`; May, installment 4 unpaid at the end of 05-15: 1 day, `1`; June, at the end of 06-15
/// installment 4 is 32 days past due (05-15 to 06-16): `2`; July, everything due paid on 07-15:
/// `N`; August to October: `N N N`; November, settled on 11-01: `C`, and the record ends.
#[test]
fn the_reference_loans_pboc_record_worked_by_hand() {
    let ledger = reference_loan();
    let record = ledger.pboc_record(d(2026, 11, 30)).unwrap();
    assert_eq!(record.history, "*NNN12NNNNC");
    assert_eq!(record.highest_months_overdue, 2);
    assert_eq!((record.amount_overdue, record.installments_overdue), (Money::ZERO, 0));
    let june = &record.months[5];
    assert_eq!(
        (june.month.as_str(), june.reporting_date, june.days_past_due),
        ("2026-06", d(2026, 6, 15), 32)
    );
    // filed at the end of June: two installments past due (4 by 32 days, 5 by 1 day)
    let june_record = ledger.pboc_record(d(2026, 6, 30)).unwrap();
    assert_eq!(june_record.history, "*NNN12");
    assert_eq!(june_record.installments_overdue, 2);
    let owed = ledger.statement(d(2026, 6, 16)).unwrap();
    let past_due = Money::sum(owed.installments[3..5].iter().map(|i| i.outstanding.total().unwrap())).unwrap();
    assert_eq!(june_record.amount_overdue, past_due);
    // at a zero contract rate the default penalty (an uplift on that rate) is nil
    assert_eq!(past_due, m(dec!(200)));
}

/// 24 months at most, oldest first; a record two years on keeps the last 24.
#[test]
fn the_record_keeps_the_last_24_months() {
    let plan = Schedule::equal_installment(m(dec!(1200)), Rate::ZERO, 12, d(2026, 1, 15)).unwrap();
    let ledger = Ledger::new(plan, OverduePolicy::new()).unwrap();
    let record = ledger.pboc_record(d(2028, 6, 3)).unwrap();
    assert_eq!(record.history.len(), 24);
    assert_eq!(record.months[0].month, "2026-07");
    // nothing was ever paid: more than 180 days past due from August 2026 on
    assert!(record.history.ends_with("7777777777"));
    assert!(ledger.pboc_record(d(2026, 1, 14)).is_err());
}

/// A loan charged off and not settled is reported `B` (呆账). Nothing paid, charge-off at 90 days
/// past due: at the end of 02-15 installment 1 is 1 day past due (`1`), of 03-15 29 days (`1`:
/// February has 28), of 04-15 60 days (`2`); at the end of 05-15 it is 90 days past due and
/// charged off (dated 05-16, the first day at 90), so May, June and July are `B`.
#[test]
fn a_charged_off_loan_is_reported_b() {
    let plan = Schedule::equal_installment(m(dec!(1200)), Rate::ZERO, 12, d(2026, 1, 15)).unwrap();
    let ledger = Ledger::new(plan, OverduePolicy::new().charge_off_after(90)).unwrap();
    let record = ledger.pboc_record(d(2026, 7, 31)).unwrap();
    assert_eq!(record.history, "*112BBB");
    assert_eq!(
        ledger.statement(d(2026, 7, 31)).unwrap().charged_off_on,
        Some(d(2026, 5, 16))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(200)))]

    /// The record agrees month by month with the statements: a digit is the days past due at the
    /// end of the reporting date (the statement of the next day, when nothing happens on it) in
    /// months of 30 days; `N` and `*` have none past due; `C` only last, when the loan is paid
    /// off; never more than 24 months, each the one after the last.
    #[test]
    fn the_record_agrees_with_the_statements(case in crate::accrual_props::case(), at in 0u32..1200) {
        let ledger = crate::accrual_props::ledger(&case);
        let as_of = crate::accrual_props::after(&case, at);
        let record = ledger.pboc_record(as_of).unwrap();
        prop_assert!(!record.months.is_empty() && record.months.len() <= 24);
        prop_assert_eq!(record.history.chars().count(), record.months.len());
        for (k, month) in record.months.iter().enumerate() {
            let next = month.reporting_date.succ_opt().unwrap();
            let quiet = ledger.events().iter().all(|e| e.date() != next);
            match month.status {
                '1'..='7' => {
                    let digit = month.status.to_digit(10).unwrap();
                    prop_assert_eq!(digit, month.days_past_due.div_ceil(30).min(7));
                    if quiet {
                        prop_assert_eq!(ledger.statement(next).unwrap().days_past_due, month.days_past_due);
                    }
                }
                'N' | '*' => {
                    prop_assert_eq!(month.days_past_due, 0);
                    if quiet {
                        prop_assert_eq!(ledger.statement(next).unwrap().days_past_due, 0);
                    }
                }
                'C' => prop_assert_eq!(k + 1, record.months.len()),
                'B' => prop_assert!(ledger.statement(next).unwrap().charged_off_on.is_some()),
                other => prop_assert!(false, "unexpected status {}", other),
            }
        }
    }
}
