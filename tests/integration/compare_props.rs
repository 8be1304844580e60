//! Property tests for the comparison.

use crate::accrual_props::{after, case, ledger, Case};
use chrono::Days;
use overdue::accrual::LoanStatus;
use overdue::compare::{DebtService, FeePayment, OptionResult, Order, RankBy, Refinance, ServiceFee};
use overdue::limits::{LenderKind, Warning};
use overdue::restructure::{DeferralInterest, NewPlan, PlanFee, Restructure, Shift};
use overdue::schedule::Terms;
use overdue::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn way(case: &Case, today: chrono::NaiveDate) -> impl Strategy<Value = WayOut> + use<> {
    let _ = case;
    prop_oneof![
        Just(WayOut::PayNow),
        (1u64..400).prop_map(move |n| WayOut::Stay {
            until: today + Days::new(n)
        }),
        (0i64..4000, 1u32..24, any::<bool>()).prop_map(|(r, n, fee)| {
            let mut refi = Refinance::new(LenderKind::PrivateLender, Rate::annual(Decimal::new(r, 4)).unwrap(), n);
            if fee {
                refi = refi.with_upfront_fee(
                    PlanFee::Share(Ratio::new(Decimal::new(2, 2)).unwrap()),
                    FeePayment::Deducted,
                );
            }
            WayOut::Refinance(refi)
        }),
        (1u32..6).prop_map(move |k| WayOut::Restructure(Restructure::deferral(
            today,
            Shift::Periods(k),
            DeferralInterest::Accrue
        ))),
        (0i64..3000, 1u32..24).prop_map(move |(r, n)| WayOut::Restructure(Restructure::new(
            today,
            NewPlan::Schedule(Terms::new(Rate::annual(Decimal::new(r, 4)).unwrap(), n))
        ))),
        (0i64..3000, 0i64..5000, 1u32..12, any::<bool>()).prop_map(|(f, red, months, freeze)| {
            let s = DebtService::new(
                ServiceFee::ShareOfDebt(Ratio::new(Decimal::new(f, 4)).unwrap()),
                Ratio::new(Decimal::new(red, 4)).unwrap(),
                months,
            );
            WayOut::DebtService(if freeze { s.freeze_penalties() } else { s })
        }),
    ]
}

fn comparison() -> impl Strategy<Value = (Case, u32, Vec<WayOut>, u8)> {
    (case(), 0u32..700).prop_flat_map(|(mut case, at)| {
        // keep the history before the comparison date
        case.payments.retain(|p| p.0 <= at);
        let today = after(&case, at);
        let ways = prop::collection::vec(way(&case, today), 1..6);
        (Just(case), Just(at), ways, 0u8..3)
    })
}

fn build(case: &Case, at: u32, ways: &[WayOut], key: u8) -> Comparison {
    let mut c = Comparison::new(
        ledger(case),
        after(case, at),
        Budget::new(
            Money::new(Decimal::new(300_000, 2)).unwrap(),
            Money::new(Decimal::new(100_000, 2)).unwrap(),
        ),
        Rate::annual(Decimal::new(5, 2)).unwrap(),
    )
    .with_rank_by(match key {
        0 => RankBy::Npv,
        1 => RankBy::TotalPaid,
        _ => RankBy::PeakMonthlyPayment,
    });
    for (i, w) in ways.iter().enumerate() {
        c = c.option(Choice::new(format!("option {i}"), w.clone()));
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(64), max_global_rejects: 300 * crate::common::cases(64), ..ProptestConfig::default() })]

    #[test]
    fn every_option_settles_the_debt((case, at, ways, key) in comparison()) {
        let request = build(&case, at, &ways, key);
        let Ok(result) = request.run() else { return Ok(()) };
        let today = request.as_of();
        for o in &result.options {
            let paid = |ledger: &mut Ledger| {
                for (i, f) in o.cash_flows.iter().enumerate() {
                    ledger.pay(Payment::new(format!("settle-{i}"), f.date, Money::new(-f.amount).unwrap()).unwrap()).unwrap();
                }
            };
            match &o.way {
                WayOut::PayNow | WayOut::Stay { .. } => {
                    let mut ledger = request.ledger().clone();
                    paid(&mut ledger);
                    let last = o.cash_flows.last().unwrap().date;
                    prop_assert_eq!(ledger.statement(last).unwrap().status, LoanStatus::PaidOff, "{}", o.label);
                }
                WayOut::Restructure(r) => {
                    let mut ledger = request.ledger().clone();
                    ledger.restructure(r.clone()).unwrap();
                    let flows: Vec<_> = o.cash_flows.iter().filter(|f| f.date > today || r.down_payment().is_none()).collect();
                    for (i, f) in flows.iter().enumerate() {
                        ledger.pay(Payment::new(format!("settle-{i}"), f.date, Money::new(-f.amount).unwrap()).unwrap()).unwrap();
                    }
                    let last = o.cash_flows.last().unwrap().date;
                    let st = ledger.statement(last).unwrap();
                    prop_assert_eq!(st.outstanding.total().unwrap(), Money::ZERO, "{}", o.label);
                }
                WayOut::Refinance(_) => {
                    // the new loan's payments repay at least today's payoff
                    prop_assert!(o.total_paid >= result.payoff, "{}", o.label);
                }
                WayOut::DebtService(_) => {
                    prop_assert!(o.total_paid > Money::ZERO);
                }
                _ => {}
            }
        }
    }

    #[test]
    fn staying_longer_never_costs_less((case, at, _ways, _key) in comparison(), a in 0u64..2000, b in 0u64..2000) {
        // every combination of caps, charge-off and allocation (no history left out)
        let ledger = ledger(&case);
        let today = after(&case, at);
        let (a, b) = (a.min(b), a.max(b));
        let early = ledger.statement(today + Days::new(a)).unwrap().payoff;
        let late = ledger.statement(today + Days::new(b)).unwrap().payoff;
        prop_assert!(early <= late, "{} then {}", early, late);
    }

    #[test]
    fn break_even_is_exact_and_ranking_follows_the_key((case, at, ways, key) in comparison()) {
        let request = build(&case, at, &ways, key);
        let Ok(result) = request.run() else { return Ok(()) };
        let metric = |o: &OptionResult| match key { 0 => o.npv, 1 => o.total_paid, _ => o.peak_monthly };
        // within the affordable group and within the rest (affordable first, the default)
        prop_assert!(result.options.windows(2).all(|w| w[0].affordable != w[1].affordable || metric(&w[0]) <= metric(&w[1])));
        let money_only = request.clone().with_order(Order::MoneyOnly).run().unwrap();
        prop_assert!(money_only.options.windows(2).all(|w| metric(&w[0]) <= metric(&w[1])));
        prop_assert!(result.options.iter().enumerate().all(|(i, o)| o.rank as usize == i + 1));
        for o in &result.options {
            if let Some(day) = o.break_even {
                prop_assert!(request.ledger().statement(day).unwrap().payoff > o.total_paid);
                if day > result.as_of {
                    prop_assert!(request.ledger().statement(day.pred_opt().unwrap()).unwrap().payoff <= o.total_paid);
                }
            }
        }
    }

    #[test]
    fn arbitrary_requests_never_panic(
        (case, at, ways, key) in comparison(), r in any::<i64>(), n in any::<u32>(), months in any::<u32>(),
        income in any::<i64>(), discount in any::<i64>(), years in any::<u32>(),
    ) {
        let mut request = build(&case, at, &ways, key).with_credit_record_years(years % 10_000);
        if let Ok(rate) = Rate::annual(Decimal::new(r, 4)) {
            request = request.option(Choice::new("wild", WayOut::Refinance(Refinance::new(LenderKind::FamilyOrFriends, rate, n % 1000))));
        }
        if let Ok(share) = Ratio::new(Decimal::new(r, 3)) {
            request = request.option(Choice::new("svc", WayOut::DebtService(DebtService::new(ServiceFee::ShareOfSavings(share), share, months % 5000))));
        }
        let _ = request.run();
        if let (Ok(i), Ok(rate)) = (Money::new(Decimal::new(income, 2)), Rate::annual(Decimal::new(discount, 3))) {
            let c = Comparison::new(ledger(&case), after(&case, at), Budget::new(i, Money::ZERO), rate)
                .option(Choice::new("now", WayOut::PayNow));
            let _ = c.run();
        }
    }

    /// Affordable first (the default) never ranks an option over budget or above a
    /// legal cap before one the borrower can take; within each group, the key decides.
    #[test]
    fn affordable_options_always_rank_first((case, at, ways, key) in comparison()) {
        let request = build(&case, at, &ways, key);
        let Ok(result) = request.run() else { return Ok(()) };
        for w in result.options.windows(2) {
            prop_assert!(w[0].affordable || !w[1].affordable, "{} above {}", w[0].label, w[1].label);
        }
        for o in &result.options {
            let limit = o.warnings.iter().any(|w| matches!(w, Warning::AboveLegalCap { .. } | Warning::AboveCourtLimit { .. }));
            prop_assert_eq!(o.affordable, o.months_over_budget == 0 && !limit);
            prop_assert_eq!(o.first_over_budget.is_some(), o.months_over_budget > 0);
        }
    }

    /// The term `fit_to_budget` proposes is the shortest whose every month fits,
    /// checked against running each term from 1 to 12.
    #[test]
    fn fit_to_budget_is_the_shortest_term_that_fits(case in case(), at in 0u32..700, r in 0i64..3000, restructure in any::<bool>()) {
        let request = build(&case, at, &[WayOut::PayNow], 0);
        let Ok(today) = request.ledger().statement(request.as_of()) else { return Ok(()) };
        prop_assume!(!today.payoff.is_zero());
        let rate = Rate::annual(Decimal::new(r, 4)).unwrap();
        let term = |n: u32| if restructure {
            WayOut::Restructure(Restructure::new(request.as_of(), NewPlan::Schedule(Terms::new(rate, n))))
        } else {
            WayOut::Refinance(Refinance::new(LenderKind::LicensedInstitution, rate, n))
        };
        let Ok(fit) = request.fit_to_budget(&term(1), 12) else { return Ok(()) };
        let mut shortest = None;
        for n in 1..=12u32 {
            let Ok(run) = request.clone().option(Choice::new("n", term(n))).run() else { continue };
            let o = run.options.iter().find(|o| o.label == "n").unwrap();
            if o.months_over_budget == 0 {
                shortest = Some(term(n));
                break;
            }
        }
        prop_assert_eq!(fit, shortest);
    }
}
