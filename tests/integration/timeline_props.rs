//! Property tests for timelines: ordered, and what each milestone says is what the statements
//! on its day say.

use crate::accrual_props::{case, ledger};
use chrono::Days;
use overdue::accrual::Milestone;
use overdue::accrual::Statement;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(200)))]

    /// Each milestone's date and days past due agree with the statement of that day: a bucket is
    /// entered that day (not the day before), a threshold reached that day, and the late fees of a
    /// day add up to what the statements charge between that day and the day before.
    #[test]
    fn a_timeline_is_ordered_and_agrees_with_the_statements(case in case(), from in 0u64..400, span in 1u64..500) {
        let ledger = ledger(&case);
        let from = ledger.schedule().disbursement() + Days::new(from);
        let until = from + Days::new(span);
        let Ok(timeline) = ledger.timeline(from, until) else { return Ok(()) };
        prop_assert!(timeline.entries.windows(2).all(|w| w[0].date <= w[1].date));
        for e in timeline.entries.iter().filter(|e| e.date <= until) {
            if matches!(e.milestone, Milestone::LimitationEnds | Milestone::RecordRemoved) {
                continue;
            }
            prop_assert!(e.date > from, "{e:?}");
            let st = ledger.statement(e.date).unwrap();
            let before = ledger.statement(e.date.pred_opt().unwrap()).unwrap();
            match &e.milestone {
                // a payment that settles the loan the same day credits back unearned scheduled fees,
                // which the day's difference nets
                Milestone::LateFee { .. } if ledger.events().iter().any(|x| x.date() == e.date) => {}
                Milestone::LateFee { installment, amount } => {
                    // a scheduled fee moves from upcoming to charged as it falls due
                    let k = *installment as usize - 1;
                    let fees = |s: &Statement| s.installments[k].charged.fees.checked_add(s.installments[k].upcoming.fees).unwrap();
                    prop_assert_eq!(Ok(*amount), fees(&st).checked_sub(fees(&before)), "{:?}", e);
                }
                Milestone::Bucket { bucket } => {
                    prop_assert_eq!(&st.bucket, bucket, "{:?}", e);
                    prop_assert_ne!(&before.bucket, bucket);
                    prop_assert_eq!(st.days_past_due, e.days_past_due);
                }
                Milestone::ChargedOff => {
                    prop_assert_eq!(st.charged_off_on, Some(e.date));
                }
                _ => {
                    prop_assert_eq!(st.days_past_due, e.days_past_due, "{:?}", e);
                    prop_assert!(before.days_past_due < e.days_past_due, "{:?}", e);
                }
            }
        }
    }
}
