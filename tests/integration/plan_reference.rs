//! Reference cases for the multi-loan plan, worked by hand.

use crate::common::{d, m};
use overdue::accrual::{PenaltyBase, PenaltyRate};
use overdue::plan::{Debt, MonthlyBudget, PlanStrategy};
use overdue::*;
use rust_decimal_macros::dec;

/// 1,000 at 0 % in two installments of 500 (due 09-01 and 10-01), 0.1 %/day
/// on the overdue installment; nothing paid.
fn loan() -> Ledger {
    let schedule = Schedule::equal_principal(m(dec!(1000)), Rate::ZERO, 2, d(2026, 8, 1)).unwrap();
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.001)).unwrap()))
        .with_penalty_base(PenaltyBase::OverdueInstallment);
    Ledger::new(schedule, policy).unwrap()
}

#[test]
fn a_budget_that_clears_the_loan_settles_it_on_the_first_payday() {
    // on 10-01 the first installment is 30 days late: 500 × 0.1 % × 30 = 15.00
    let plan = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(m(dec!(2000))), 1, 2).debt(Debt::new("A", loan()));
    for strategy in PlanStrategy::ALL {
        let p = plan.run(strategy).unwrap();
        assert_eq!(p.months[0].payday, d(2026, 10, 1));
        assert_eq!(p.months[0].month_end, d(2026, 10, 31));
        assert_eq!(p.horizon, d(2026, 11, 30));
        assert_eq!(p.total_paid.to_string(), "1015.00", "{strategy}");
        assert_eq!((p.cost.to_string(), p.still_owed.is_zero()), ("1015.00".into(), true));
        assert_eq!(p.loans[0].settled_on, Some(d(2026, 10, 1)));
        assert_eq!(p.loans[0].worst_days_past_due, 30);
        assert_eq!(p.months[1].left.to_string(), "2000.00");
    }
}

#[test]
fn with_nothing_to_spare_the_debt_grows_by_the_penalty() {
    // a budget of 0: on 11-30 installment 1 is 90 days late (45.00), installment 2 60 days (30.00);
    // days past due at the month ends: 60 on 10-31, 90 on 11-30
    let plan = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(Money::ZERO), 1, 2).debt(Debt::new("A", loan()));
    let p = plan.run(PlanStrategy::LeastCost).unwrap();
    assert_eq!(p.still_owed.to_string(), "1075.00");
    let damage = p.damage;
    assert_eq!(
        (
            damage.days_90_plus,
            damage.days_60_plus,
            damage.days_30_plus,
            damage.past_due
        ),
        (1, 2, 2, 2)
    );
    assert_eq!(p.loans[0].worst_days_past_due, 90);
}

#[test]
fn the_faster_growing_loan_is_paid_first_by_avalanche_and_least_cost() {
    // B's penalty is twice A's; 500 a month clears one installment at a time
    let slow = loan();
    let fast = {
        let schedule = Schedule::equal_principal(m(dec!(1000)), Rate::ZERO, 2, d(2026, 8, 1)).unwrap();
        Ledger::new(
            schedule,
            OverduePolicy::new()
                .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.002)).unwrap()))
                .with_penalty_base(PenaltyBase::OverdueInstallment),
        )
        .unwrap()
    };
    let plan = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(m(dec!(530))), 1, 1)
        .debt(Debt::new("slow", slow))
        .debt(Debt::new("fast", fast));
    let avalanche = plan.run(PlanStrategy::Avalanche).unwrap();
    assert_eq!(avalanche.months[0].loans[1].payment.to_string(), "530.00");
    assert_eq!(avalanche.cost.to_string(), "2105.00");
    // least cost also pays the fast loan first, but not all of it: by the horizon both of the
    // fast loan's installments are late at the same rate, so the last 26.50 saves the same
    // there on either one, while on the slow loan it pays the 15.00 penalty and 11.50 of the
    // late installment, 30 days before the horizon: 11.50 × 0.1 % × 30 = 0.34 less
    let least = plan.run(PlanStrategy::LeastCost).unwrap();
    let paid: Vec<String> = least.months[0].loans.iter().map(|l| l.payment.to_string()).collect();
    assert_eq!(paid, ["26.50", "503.50"]);
    assert_eq!(least.cost.to_string(), "2104.66");
}

#[test]
fn plan_errors_name_what_is_wrong() {
    let base = |day, months| Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(m(dec!(100))), day, months);
    assert!(matches!(
        base(1, 2).run(PlanStrategy::LeastCost),
        Err(Error::Invalid { field: "plan", .. })
    ));
    let with = |p: Plan| p.debt(Debt::new("A", loan()));
    assert!(with(base(0, 2))
        .run(PlanStrategy::LeastCost)
        .unwrap_err()
        .to_string()
        .contains("payment day 0"));
    assert!(with(base(1, 0))
        .run(PlanStrategy::LeastCost)
        .unwrap_err()
        .to_string()
        .contains("1 to 120 months"));
    let twice = with(with(base(1, 2)));
    assert!(twice
        .run(PlanStrategy::LeastCost)
        .unwrap_err()
        .to_string()
        .contains("two loans are labelled"));
    let short =
        Plan::new(d(2026, 10, 1), MonthlyBudget::ByMonth(vec![m(dec!(100))]), 1, 2).debt(Debt::new("A", loan()));
    assert!(short
        .run(PlanStrategy::LeastCost)
        .unwrap_err()
        .to_string()
        .contains("no amount for month 2"));
    // unknown fields are refused
    let json = serde_json::to_string(&with(base(1, 2)))
        .unwrap()
        .replace("\"payment_day\"", "\"payment_dy\"");
    assert!(serde_json::from_str::<Plan>(&json).is_err());
}

#[test]
fn the_example_plan_reads_back() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/several_loans.json")).unwrap();
    let plan: Plan = serde_json::from_str(&text).unwrap();
    assert_eq!(plan.debts().len(), 3);
    let all = plan.compare().unwrap();
    assert!(all.plans.iter().all(|p| p.months.iter().all(|m| m.paid <= m.budget)));
}

/// A plan that leaves a loan unpaid until it reaches 91 days past due (M4+, when lenders usually
/// charge off and send a loan to collection) says so, with the day: installment 1, due 09-01,
/// reaches 91 days on 12-01. Its timeline under the plan lists the same day.
#[test]
fn a_plan_that_leaves_a_loan_to_charge_off_warns() {
    let plan = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(Money::ZERO), 1, 3).debt(Debt::new("A", loan()));
    let p = plan.run(PlanStrategy::LeastCost).unwrap();
    let escalation = p.warnings.iter().find_map(|w| match w {
        overdue::plan::PlanWarning::Escalates {
            date, days_past_due, ..
        } => Some((*date, *days_past_due)),
        _ => None,
    });
    assert_eq!(escalation, Some((d(2026, 12, 1), 91)));
    let timeline = p.loans[0].timeline.as_ref().unwrap();
    assert!(timeline
        .entries
        .iter()
        .any(|e| e.date == d(2026, 12, 1) && e.days_past_due == 91));
    assert!(
        p.to_string()
            .contains("! A is left unpaid: on 2026-12-01 it is 91 days past due"),
        "{p}"
    );
}

#[test]
fn a_plan_that_leaves_a_remainder_its_unused_budget_could_have_paid_warns() {
    // 1,200 at 0 % in 12 installments of 100 from 2026-09-15 (first due 10-15), no penalty; as
    // scheduled with 5,000 in the first month and nothing in the second: 10-10 pays the 100 due
    // by the month's end (11-09) and leaves 4,900 unused; 11-15's 100 falls due in the second
    // month, unpaid at the horizon (12-09), though the first month's unused money could have paid it
    let schedule = Schedule::equal_installment(m(dec!(1200)), Rate::ZERO, 12, d(2026, 9, 15)).unwrap();
    let ledger = Ledger::new(schedule, OverduePolicy::new()).unwrap();
    let budget = MonthlyBudget::ByMonth(vec![m(dec!(5000)), Money::ZERO]);
    let p = Plan::new(d(2026, 10, 1), budget, 10, 2)
        .debt(Debt::new("card", ledger))
        .run(PlanStrategy::AsScheduled)
        .unwrap();
    assert_eq!(p.months[0].paid, m(dec!(100)));
    let remainder = p.warnings.iter().find_map(|w| match w {
        overdue::plan::PlanWarning::RemainderLeft { label, owed, unused } => Some((label.clone(), *owed, *unused)),
        _ => None,
    });
    assert_eq!(remainder, Some(("card".to_owned(), m(dec!(100)), m(dec!(4900)))));
    assert!(
        p.to_string()
            .contains("! card is left owing 100.00 fallen due at the horizon, which the 4,900.00"),
        "{p}"
    );
    // with the money spread to the second month, nothing is left over that could have paid it
    let spread = MonthlyBudget::ByMonth(vec![m(dec!(100)), m(dec!(100))]);
    let schedule = Schedule::equal_installment(m(dec!(1200)), Rate::ZERO, 12, d(2026, 9, 15)).unwrap();
    let p = Plan::new(d(2026, 10, 1), spread, 10, 2)
        .debt(Debt::new("card", Ledger::new(schedule, OverduePolicy::new()).unwrap()))
        .run(PlanStrategy::AsScheduled)
        .unwrap();
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn a_budget_sweep_shows_what_paying_more_saves() {
    // budget 0: on the horizon (12-31) installment 1 is 121 days late (60.50) and installment 2
    // 91 days (45.50): cost 1,000 + 106.00; budget 1,100 settles on 10-01 for 1,000 + 15.00
    let plan = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(m(dec!(700))), 1, 3).debt(Debt::new("A", loan()));
    let sweep = plan.sweep(&"0..1100/1100".parse().unwrap()).unwrap();
    let [low, high] = sweep.points.as_slice() else {
        panic!("two budgets: {sweep:?}")
    };
    assert_eq!(
        (low.budget.to_string(), low.cost.to_string()),
        ("0.00".into(), "1106.00".into())
    );
    assert_eq!((low.debt_free_on, low.peak_days_past_due), (None, 121));
    assert_eq!(low.days_90_plus, 2); // the month-ends of November and December
    assert_eq!(high.cost.to_string(), "1015.00");
    assert_eq!(
        (high.more_a_month.to_string(), high.saved.to_string()),
        ("1100.00".into(), "91.00".into())
    );
    assert_eq!(
        (high.debt_free_on, high.peak_days_past_due, high.days_90_plus),
        (Some(d(2026, 10, 1)), 30, 0)
    );
    assert_eq!(sweep.pay_more(m(dec!(1100))), Some(high));
    let text = sweep.to_string();
    assert!(text.contains("2026-10-01") && text.contains("91.00"), "{text}");
}

#[test]
fn paying_more_on_one_loan_saves_what_paying_it_down_sooner_saves() {
    // one current loan (12,000 at 18 %, 12 installments from 2026-11-05): its least-cost plan at
    // each budget is paying all the budget (never more than the payoff) on every payday, which
    // the ledger is asked directly here
    let schedule =
        Schedule::equal_installment(m(dec!(12000)), Rate::annual(dec!(0.18)).unwrap(), 12, d(2026, 10, 5)).unwrap();
    let ledger = Ledger::new(schedule, OverduePolicy::new()).unwrap();
    let plan =
        Plan::new(d(2026, 10, 6), MonthlyBudget::Constant(Money::ZERO), 5, 14).debt(Debt::new("loan", ledger.clone()));
    let sweep = plan.sweep(&"1100..1700/300".parse().unwrap()).unwrap();
    let direct = |budget: Money| {
        let mut ledger = ledger.clone();
        let (mut paid, mut settled) = (Money::ZERO, None);
        let mut payday = d(2026, 11, 5);
        for k in 0..14 {
            let payoff = ledger.statement(payday).unwrap().payoff;
            let amount = budget.min(payoff);
            if !amount.is_zero() {
                ledger
                    .pay(Payment::new(format!("p{k}"), payday, amount).unwrap())
                    .unwrap();
                paid = paid.checked_add(amount).unwrap();
                if amount == payoff {
                    settled = Some(payday);
                }
            }
            payday = payday.checked_add_months(chrono::Months::new(1)).unwrap();
        }
        (paid, settled)
    };
    for point in &sweep.points {
        let (paid, settled) = direct(point.budget);
        assert_eq!((point.cost, point.debt_free_on), (paid, settled), "at {}", point.budget);
    }
    let more = sweep.pay_more(m(dec!(600))).unwrap();
    assert_eq!(more.saved, sweep.points[0].cost.checked_sub(more.cost).unwrap());
    assert!(more.saved > Money::ZERO);
    assert!(more.debt_free_on < sweep.points[0].debt_free_on);
}
