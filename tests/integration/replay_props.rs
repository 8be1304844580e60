//! The replay beside a straightforward computation: each late installment's
//! penalty worked out on its own, stretch by stretch between the events, from
//! the statements on the events' dates.

use crate::accrual_props::{after, case, ledger, scheduled};
use chrono::NaiveDate;
use overdue::accrual::{Grace, PenaltyBase, PenaltyRate, Pyramiding};
use overdue::*;
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

/// Installment `k`'s outstanding principal on `on`, as the statement of that day shows it (a
/// rebuilt plan may have dropped the row: nothing is left on it then).
fn principal_on(ledger: &Ledger, k: usize, on: NaiveDate) -> Decimal {
    ledger
        .statement(on)
        .unwrap()
        .installments
        .get(k)
        .map_or(Decimal::ZERO, |i| i.outstanding.principal.as_decimal())
}

/// Installment `k`'s penalty on `as_of`, computed on its own: its outstanding principal
/// from its due date, and after each event (read from the statement of that day, which
/// applies the day's events and any credit balance to what fell due) × the daily rate × the
/// days it was overdue, one product for each stretch over which that principal stayed the
/// same, rounded once a stretch.
fn penalty_on_its_own(ledger: &Ledger, k: usize, rate: Decimal, events: &[NaiveDate], as_of: NaiveDate) -> Decimal {
    let row = &ledger.schedule().installments()[k];
    let due = row.due_date;
    let round = |x: Decimal| x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let mut base = principal_on(ledger, k, due);
    let (mut from, mut days) = (due, 0i64);
    let mut total = Decimal::ZERO;
    for &boundary in events.iter().filter(|&&e| due < e && e < as_of).chain([&as_of]) {
        days += (boundary - from).num_days();
        from = boundary;
        let next = if boundary < as_of {
            principal_on(ledger, k, boundary)
        } else {
            Decimal::ZERO
        };
        if boundary == as_of || next != base {
            total += round(base * rate * Decimal::from(days));
            (base, days) = (next, 0);
        }
    }
    total
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(300)))]

    /// Each late installment's penalty is its own: its overdue principal × the rate over each
    /// stretch in which that principal stays the same, rounded once a stretch, whatever the
    /// other installments do (falling due, being paid, being late).
    #[test]
    fn each_installment_penalty_is_computed_on_its_own(mut case in case(), rate in 1i64..2_000, later in 0u32..1_500) {
        scheduled(&mut case);
        let rate = Decimal::new(rate, 6);
        case.policy = case
            .policy
            .clone()
            .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(rate).unwrap()))
            .with_penalty_base(PenaltyBase::OverduePrincipal)
            .with_interest_on_fees(overdue::accrual::Accrues::No)
            .with_compound_interest(overdue::accrual::Accrues::No)
            .with_grace(Grace::waive(0))
            .with_caps(overdue::accrual::Caps::none())
            .with_pyramiding(Pyramiding::Allowed)
            .with_tolerance(Money::new(Decimal::new(0, 2)).unwrap())
            .with_charge_off_stops(&[])
            .with_rounding(Rounding::default())
            .with_day_count(DayCount::Act365Fixed);
        let ledger = ledger(&case);
        let last = case.payments.iter().map(|p| p.0).max().unwrap_or(0);
        let as_of = after(&case, last + later);
        let mut events: Vec<NaiveDate> = case.payments.iter().map(|p| after(&case, p.0)).collect();
        events.sort();
        events.dedup();
        let st = ledger.statement(as_of).unwrap();
        for (k, inst) in st.installments.iter().enumerate() {
            if inst.due_date >= as_of || k >= ledger.schedule().installments().len() {
                continue;
            }
            let expected = penalty_on_its_own(&ledger, k, rate, &events, as_of);
            prop_assert_eq!(inst.charged.penalty_interest.as_decimal(), expected, "installment {}", k + 1);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(300)))]

    /// A position reads exactly the statement's headline figures, for every policy and history.
    #[test]
    fn a_position_reads_the_statement_figures(case in case(), later in 0u32..1_500) {
        let ledger = ledger(&case);
        let last = case.payments.iter().map(|p| p.0).max().unwrap_or(0);
        let as_of = after(&case, last + later);
        match (ledger.statement(as_of), ledger.position(as_of)) {
            (Ok(st), Ok(p)) => {
                prop_assert_eq!(p.days_past_due, st.days_past_due);
                prop_assert_eq!(&p.bucket, &st.bucket);
                prop_assert_eq!(p.status, st.status);
                prop_assert_eq!(p.charged_off_on, st.charged_off_on);
                prop_assert_eq!(p.outstanding, st.outstanding);
                prop_assert_eq!(p.upcoming, st.upcoming);
                prop_assert_eq!(p.credit_balance, st.credit_balance);
                prop_assert_eq!(p.payoff, st.payoff);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
            (a, b) => prop_assert!(false, "statement {:?} but position {:?}", a.map(|s| s.payoff), b.map(|p| p.payoff)),
        }
    }
}
