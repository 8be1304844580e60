//! Properties of what is reported of a loan: the limitation period, the PBOC
//! repayment record and the risk class, on random histories.

use chrono::Datelike;
use overdue::accrual::{Interruption, InterruptionCause, LimitationRules, LoanStatus};
use overdue::report::{AssetClass, ClassificationRules, Metro2Status};
use overdue::restructure::{NewPlan, Restructure};
use overdue::schedule::Terms;
use overdue::*;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(200)))]

    /// An interruption moves no money: every statement is the same with it as without it.
    #[test]
    fn an_interruption_changes_no_statement(case in crate::accrual_props::case(), at in 0u32..1500, when in 0u32..1500, cause in 0usize..3) {
        let plain = crate::accrual_props::ledger(&case);
        let mut with = plain.clone();
        let cause = [InterruptionCause::Demand, InterruptionCause::Acknowledgement, InterruptionCause::Lawsuit][cause];
        with.interrupt(Interruption::new(crate::accrual_props::after(&case, when), cause)).unwrap();
        let day = crate::accrual_props::after(&case, at);
        prop_assert_eq!(with.statement(day).unwrap(), plain.statement(day).unwrap());
    }

    /// The period never ends before three years from the last due date, and never before three
    /// years from the last payment made after that date (while the claim runs).
    #[test]
    fn the_period_runs_at_least_three_years_from_the_last_due_date(case in crate::accrual_props::case(), at in 0u32..4000) {
        let l = crate::accrual_props::ledger(&case);
        let day = crate::accrual_props::after(&case, at);
        let lim = l.limitation(&LimitationRules::china(), day).unwrap();
        let last_due = l.statement(day).unwrap().installments.last().unwrap().due_date;
        prop_assert!(lim.expires_at_end_of >= last_due.checked_add_months(chrono::Months::new(36)).unwrap());
        prop_assert!(lim.runs_from >= last_due);
        prop_assert_eq!(lim.expired, day > lim.expires_at_end_of);
    }
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(100)))]

    /// Classification never improves during an observation period: a restructured loan is at
    /// least special mention on every day until the period ends, whatever is paid; and a class
    /// is never better than its days past due give.
    #[test]
    fn a_class_never_improves_during_an_observation_period(case in crate::accrual_props::case(), at in 0u32..600, later in 0u32..900) {
        let rules = ClassificationRules::china_2023();
        let mut l = crate::accrual_props::ledger(&case);
        let last = case.payments.iter().map(|p| p.0).max().unwrap_or(0);
        let day = crate::accrual_props::after(&case, at.max(last));
        if l.restructure(Restructure::new(day, NewPlan::Schedule(Terms::new(Rate::ZERO, 6)))).is_err() {
            return Ok(());
        }
        let when = day + chrono::Days::new(u64::from(later));
        let c = l.risk_class(&rules, when).unwrap();
        prop_assert!(c.class >= c.by_days_past_due);
        prop_assert_eq!(c.by_days_past_due, rules.class_for(c.days_past_due));
        if c.observation_ends.is_some_and(|end| when <= end) {
            prop_assert!(c.class >= AssetClass::SpecialMention);
        }
        let first = l.risk_class(&rules, day).unwrap();
        if let Some(end) = first.observation_ends
            && when <= end {
                prop_assert!(c.class >= AssetClass::SpecialMention, "{:?} on {} within the observation to {}", c, when, end);
            }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(100)))]

    /// The Metro 2 profile agrees month by month with the statements: each month's character is
    /// the days past due at the end of its last day in steps of 30 (`L` once charged off, `D`
    /// only with none past due, `B` only before the account opened); the status agrees with the
    /// statement of the reporting date; the amount past due never exceeds the balance.
    #[test]
    fn the_metro2_profile_agrees_with_the_statements(case in crate::accrual_props::case(), at in 0u32..1200) {
        let ledger = crate::accrual_props::ledger(&case);
        let as_of = crate::accrual_props::after(&case, at);
        let line = ledger.metro2(as_of).unwrap();
        prop_assert_eq!(line.payment_history_profile.chars().count(), 24);
        let mut month_end = as_of.with_day(1).unwrap().pred_opt().unwrap();
        for c in line.payment_history_profile.chars() {
            let next = month_end.succ_opt().unwrap();
            let quiet = ledger.events().iter().all(|e| e.date() != next);
            if month_end < ledger.schedule().disbursement() {
                prop_assert_eq!(c, 'B');
            } else {
                prop_assert_ne!(c, 'B');
                let st = ledger.statement(next).unwrap();
                match c {
                    '0'..='6' if quiet && st.status != LoanStatus::PaidOff => {
                        prop_assert_eq!(c.to_digit(10).unwrap(), (st.days_past_due / 30).min(6));
                    }
                    'L' => prop_assert!(st.charged_off_on.is_some()),
                    'D' if quiet => prop_assert_eq!(st.days_past_due, 0),
                    _ => {}
                }
            }
            month_end = month_end.with_day(1).unwrap().pred_opt().unwrap();
        }
        prop_assert!(line.amount_past_due <= line.current_balance || line.account_status == Metro2Status::Paid);
        let next = as_of.succ_opt().unwrap();
        if ledger.events().iter().all(|e| e.date() != next) {
            let st = ledger.statement(next).unwrap();
            if st.status != LoanStatus::PaidOff && st.charged_off_on.is_none() {
                prop_assert_eq!(line.account_status, Metro2Status::for_days_past_due(st.days_past_due));
            }
        }
    }
}

#[cfg(feature = "test-oracles")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(200)))]

    /// The records and classes read the loan's standing at many points of one replay without
    /// closing it: what they read is what a statement of each point says (days past due,
    /// charged off, paid off), on random histories with waivers and restructures.
    #[test]
    fn one_pass_reads_what_the_statements_say(case in crate::accrual_props::case(), days in prop::collection::vec((0u32..900, any::<bool>()), 1..30), restructure in prop::option::of(0u32..300)) {
        let ledger = restructured(&case, restructure);
        let mut points: Vec<(chrono::NaiveDate, bool)> = days.iter().map(|&(d, end)| (crate::accrual_props::after(&case, d), end)).collect();
        points.sort_by_key(|&(d, end)| (d, end));
        points.dedup();
        let (fast, slow) = overdue::oracles::standings_both_ways(&ledger, &points).unwrap();
        prop_assert_eq!(fast, slow);
    }
}

#[cfg(feature = "test-oracles")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(200)))]

    /// Statements of many dates from one replay (the book carried past each
    /// date's last due date or fee day, a copy closed on the date) are the
    /// statements of each date, on random histories with recurring fees,
    /// caps, charge-off, waivers and restructures, dates far past maturity.
    #[test]
    fn statements_from_one_replay_are_each_dates_statements(case in crate::accrual_props::case(), days in prop::collection::vec(0u32..4000, 1..20), restructure in prop::option::of(0u32..300)) {
        let ledger = restructured(&case, restructure);
        let mut dates: Vec<chrono::NaiveDate> = days.iter().map(|&d| crate::accrual_props::after(&case, d)).collect();
        dates.sort();
        let (fast, slow) = overdue::oracles::statements_both_ways(&ledger, &dates).unwrap();
        prop_assert_eq!(fast, slow);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(100)))]

    /// The monthly filing is exactly the Metro 2 record and the risk class on the same date.
    #[test]
    fn the_monthly_filing_is_the_record_and_the_class(case in crate::accrual_props::case(), at in 0u32..1200, restructure in prop::option::of(0u32..300)) {
        let ledger = restructured(&case, restructure);
        let as_of = crate::accrual_props::after(&case, at);
        let rules = ClassificationRules::china_2023();
        let filing = ledger.month_end(as_of, &rules).unwrap();
        prop_assert_eq!(filing.metro2, ledger.metro2(as_of).unwrap());
        prop_assert_eq!(filing.class, ledger.risk_class(&rules, as_of).unwrap());
    }
}

/// The case's ledger, restructured into 6 interest-free installments `restructure` days after
/// its disbursement when asked (and when the ledger accepts it).
fn restructured(case: &crate::accrual_props::Case, restructure: Option<u32>) -> Ledger {
    let mut ledger = crate::accrual_props::ledger(case);
    if let Some(day) = restructure {
        let deal = Restructure::new(
            crate::accrual_props::after(case, day),
            NewPlan::Schedule(Terms::new(Rate::ZERO, 6)),
        );
        let _ = ledger.restructure(deal);
    }
    ledger
}

#[cfg(feature = "test-oracles")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(100)))]

    /// A plan's way of reading a loan (a replay carried forward payment by
    /// payment, forked for each reading) says exactly what the ledger with
    /// the same payments says, on histories with fees, caps, charge-off,
    /// restructures and payments ahead.
    #[test]
    fn a_replay_carried_forward_reads_as_the_ledger(
        case in crate::accrual_props::case(),
        restructure in prop::option::of(0u32..300),
        start in 0u32..600,
        steps in prop::collection::vec((0u32..60, prop::option::of(1i64..200_000)), 1..30),
    ) {
        let ledger = restructured(&case, restructure);
        let from = crate::accrual_props::after(&case, start);
        let mut day = start;
        let mut read = false;
        let steps: Vec<_> = steps
            .iter()
            .map(|&(gap, amount)| {
                // a payment comes after the last reading's day (the plan pays after it reads)
                day += if amount.is_some() && read { gap.max(1) } else { gap };
                read = amount.is_none();
                (
                    crate::accrual_props::after(&case, day),
                    amount.map(|a| overdue::Money::new(rust_decimal::Decimal::new(a, 2)).unwrap()),
                )
            })
            .collect();
        let (fast, slow) = overdue::oracles::tape_both_ways(&ledger, from, &steps).unwrap();
        prop_assert_eq!(fast, slow);
    }
}
