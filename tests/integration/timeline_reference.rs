//! What happens when: the milestones of a loan left as it is, each dated by its rule.

use crate::common::{d, m};
use overdue::accrual::{Bureau, Collections, LateFee, Milestone};
use overdue::*;
use rust_decimal_macros::dec;

/// 1,200 in 12 monthly installments of 100 from 2026-01-15 (the first due 2026-02-15), a flat
/// 30 late fee, charge-off at 180 days past due, a freeze at 30 and legal action at 90 days, and
/// nothing paid: the first day overdue (02-16) it may be reported to the PBOC and is M1 (days
/// 1-30), with its first fee; each later installment's fee falls the day after its due date; at
/// 30 days (03-17) it is reportable by Metro 2 and frozen; M2 from 31 days (03-18), M3 from 61
/// (04-17), legal action at 90 (05-16), M4+ from 91 (05-17), charge-off at 180 days (08-14). The
/// limitation period runs three years from the last due date (2027-01-15, Civil Code arts. 188,
/// 189) and ends at the end of 2030-01-15.
#[test]
fn a_loan_left_unpaid_meets_each_milestone_on_its_day() {
    let policy = OverduePolicy::new()
        .with_late_fee(LateFee::flat(m(dec!(30))))
        .with_charge_off_after(180)
        .with_collections(Collections::new().with_freeze_after(30).with_legal_action_after(90));
    let ledger = crate::common::hundreds(policy);
    let timeline = ledger.timeline(d(2026, 2, 1), d(2026, 12, 31)).unwrap();
    let find = |m: &Milestone| {
        timeline
            .entries
            .iter()
            .find(|e| &e.milestone == m)
            .map(|e| (e.date, e.days_past_due))
    };
    assert_eq!(
        find(&Milestone::ReportedLate { bureau: Bureau::Pboc }),
        Some((d(2026, 2, 16), 1))
    );
    assert_eq!(
        find(&Milestone::Bucket { bucket: "M1".into() }),
        Some((d(2026, 2, 16), 1))
    );
    assert_eq!(
        find(&Milestone::ReportedLate { bureau: Bureau::Metro2 }),
        Some((d(2026, 3, 17), 30))
    );
    assert_eq!(find(&Milestone::Frozen), Some((d(2026, 3, 17), 30)));
    assert_eq!(
        find(&Milestone::Bucket { bucket: "M2".into() }),
        Some((d(2026, 3, 18), 31))
    );
    assert_eq!(
        find(&Milestone::Bucket { bucket: "M3".into() }),
        Some((d(2026, 4, 17), 61))
    );
    assert_eq!(find(&Milestone::LegalAction), Some((d(2026, 5, 16), 90)));
    assert_eq!(find(&Milestone::ChargedOff).map(|e| e.0), Some(d(2026, 8, 14)));
    assert_eq!(find(&Milestone::LimitationEnds).map(|e| e.0), Some(d(2030, 1, 15)));
    let fees: Vec<_> = timeline
        .entries
        .iter()
        .filter_map(|e| match &e.milestone {
            Milestone::LateFee { installment, amount } => Some((e.date, *installment, *amount)),
            _ => None,
        })
        .collect();
    assert_eq!(fees.first(), Some(&(d(2026, 2, 16), 1, m(dec!(30.00)))));
    assert_eq!(fees.get(1), Some(&(d(2026, 3, 16), 2, m(dec!(30.00)))));
    let ninety = timeline
        .entries
        .iter()
        .find(|e| e.days_past_due >= 90 && matches!(e.milestone, Milestone::Bucket { .. }))
        .unwrap();
    assert_eq!(
        ninety.text,
        "on 2026-05-17 this loan reaches 91 days past due (M4+): it may be charged off and sent to collection"
    );
    assert!(timeline.entries.windows(2).all(|w| w[0].date <= w[1].date));
}

/// A loan settled ends its delinquency: the negative record is removed five years later
/// (征信业管理条例 art. 16), and nothing after the settlement is late.
#[test]
fn a_settled_loan_has_its_record_removed_five_years_on() {
    let mut ledger = crate::common::hundreds(OverduePolicy::new());
    ledger
        .pay(Payment::new("all", d(2026, 4, 1), m(dec!(5000))).unwrap())
        .unwrap();
    let timeline = ledger.timeline(d(2026, 3, 20), d(2027, 6, 1)).unwrap();
    let removed = timeline
        .entries
        .iter()
        .find(|e| e.milestone == Milestone::RecordRemoved)
        .unwrap();
    assert_eq!(removed.date, d(2031, 4, 1));
    assert!(
        !timeline
            .entries
            .iter()
            .any(|e| e.date > d(2026, 4, 1)
                && matches!(e.milestone, Milestone::Bucket { .. } | Milestone::LateFee { .. }))
    );
}

#[test]
fn a_timeline_ending_before_it_starts_is_refused() {
    let ledger = crate::common::hundreds(OverduePolicy::new());
    assert!(matches!(
        ledger.timeline(d(2026, 5, 1), d(2026, 4, 1)),
        Err(Error::DateOrder { .. })
    ));
}
