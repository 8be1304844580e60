//! Property tests for the multi-loan plan, and the brute-force
//! check of the optimising strategies.

use std::cell::Cell;
use std::collections::HashMap;

use crate::common::{cases, d, m};
use chrono::{Months, NaiveDate};
use overdue::accrual::{LateFee, PenaltyRate};
use overdue::compare::Refinance;
use overdue::limits::LenderKind;
use overdue::plan::{Consolidation, CreditDamage, Debt, MonthlyBudget, PlanStrategy};
use overdue::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use rust_decimal::Decimal;

const AS_OF: (i32, u32, u32) = (2026, 10, 1);

fn as_of() -> NaiveDate {
    d(AS_OF.0, AS_OF.1, AS_OF.2)
}

/// One platform loan: disbursed some months before the plan, a few
/// installments paid, the rest overdue or to come.
#[derive(Debug, Clone)]
pub(crate) struct Loan {
    hundreds: i64,
    rate_pct: i64,
    installments: u32,
    months_before: u32,
    day: u32,
    paid: u32,
    penalty_bp: i64,
    late_fee: bool,
}

pub(crate) fn loan() -> impl proptest::strategy::Strategy<Value = Loan> {
    (
        3i64..=15,
        0i64..=36,
        3u32..=6,
        1u32..=4,
        1u32..=28,
        0u32..=3,
        2i64..=20,
        any::<bool>(),
    )
        .prop_map(
            |(hundreds, rate_pct, installments, months_before, day, paid, penalty_bp, late_fee)| Loan {
                hundreds,
                rate_pct,
                installments,
                months_before,
                day,
                paid: paid.min(installments - 1),
                penalty_bp,
                late_fee,
            },
        )
}

pub(crate) fn ledger(l: &Loan) -> Ledger {
    let start = as_of().with_day0(0).unwrap() - Months::new(l.months_before);
    let start = start.with_day(l.day).unwrap();
    let schedule = Schedule::equal_installment(
        m(Decimal::from(l.hundreds * 100)),
        Rate::annual(Decimal::new(l.rate_pct, 2)).unwrap(),
        l.installments,
        start,
    )
    .unwrap();
    let mut policy =
        OverduePolicy::new().with_penalty_rate(PenaltyRate::Fixed(Rate::daily(Decimal::new(l.penalty_bp, 4)).unwrap()));
    if l.late_fee {
        policy = policy.with_late_fee(LateFee::flat(m(Decimal::from(20))));
    }
    let mut ledger = Ledger::new(schedule.clone(), policy).unwrap();
    for row in schedule
        .installments()
        .iter()
        .take(l.paid as usize)
        .filter(|r| r.due_date < as_of())
    {
        ledger
            .pay(Payment::new(format!("p{}", row.number), row.due_date, row.payment).unwrap())
            .unwrap();
    }
    ledger
}

use chrono::Datelike;

/// A plan of 2–3 loans over `months` months with a budget of `hundreds` × 100.
pub(crate) fn plan(loans: &[Loan], hundreds: i64, payment_day: u32, months: u32) -> Plan {
    loans.iter().enumerate().fold(
        Plan::new(
            as_of(),
            MonthlyBudget::Constant(m(Decimal::from(hundreds * 100))),
            payment_day,
            months,
        ),
        |p, (i, l)| p.debt(Debt::new(format!("L{i}"), ledger(l))),
    )
}

fn small() -> impl proptest::strategy::Strategy<Value = (Vec<Loan>, i64, u32, u32)> {
    (prop::collection::vec(loan(), 2..=3), 1i64..=4, 1u32..=28, 3u32..=4).prop_filter(
        "the instance stays small enough to enumerate",
        |(loans, hundreds, _, months)| (u64::try_from(*hundreds).unwrap() + 1).pow(*months) <= 256 && loans.len() <= 3,
    )
}

/// What loan `ledger` ends with when paid `levels[k]` × 100 on payday `k`
/// (never more than its payoff): credit damage at the month-ends, and cost.
fn outcome(ledger: &Ledger, levels: &[u32], paydays: &[NaiveDate], ends: &[NaiveDate]) -> (CreditDamage, Decimal) {
    let mut ledger = ledger.clone();
    let mut paid = Money::ZERO;
    for (k, (level, payday)) in levels.iter().zip(paydays).enumerate() {
        let payoff = ledger.statement(*payday).unwrap().payoff;
        let x = m(Decimal::from(*level) * Decimal::from(100)).min(payoff);
        if !x.is_zero() {
            ledger.pay(Payment::new(format!("bf{k}"), *payday, x).unwrap()).unwrap();
            paid = paid.checked_add(x).unwrap();
        }
    }
    let mut damage = CreditDamage::default();
    let mut owed = Money::ZERO;
    for end in ends {
        let st = ledger.statement(*end).unwrap();
        let mut one = CreditDamage::default();
        for (threshold, n) in [
            (90, &mut one.days_90_plus),
            (60, &mut one.days_60_plus),
            (30, &mut one.days_30_plus),
            (1, &mut one.past_due),
        ] {
            *n = u32::from(st.days_past_due >= threshold);
        }
        damage.days_90_plus += one.days_90_plus;
        damage.days_60_plus += one.days_60_plus;
        damage.days_30_plus += one.days_30_plus;
        damage.past_due += one.past_due;
        owed = st.payoff;
    }
    (damage, paid.as_decimal() + owed.as_decimal())
}

/// A loan's credit damage and cost.
type Outcome = (CreditDamage, Decimal);

/// Every sequence of levels 0..=units over `months` months.
fn sequences(units: u32, months: usize) -> Vec<Vec<u32>> {
    let mut all = vec![vec![]];
    for _ in 0..months {
        all = all
            .into_iter()
            .flat_map(|s: Vec<u32>| {
                (0..=units).map(move |l| {
                    let mut t = s.clone();
                    t.push(l);
                    t
                })
            })
            .collect();
    }
    all
}

/// The brute-force optimum over every allocation in steps of 100: the least
/// cost, and the least (damage, cost).
fn brute_force(
    plan: &Plan,
    units: u32,
    paydays: &[NaiveDate],
    ends: &[NaiveDate],
) -> (Decimal, (CreditDamage, Decimal)) {
    let seqs = sequences(units, paydays.len());
    let per_loan: Vec<Vec<(CreditDamage, Decimal)>> = plan
        .debts()
        .iter()
        .map(|debt| seqs.iter().map(|s| outcome(&debt.ledger, s, paydays, ends)).collect())
        .collect();
    type Memo = HashMap<(usize, Vec<u32>), (CreditDamage, Decimal)>;
    fn best(
        i: usize,
        caps: &[u32],
        seqs: &[Vec<u32>],
        per_loan: &[Vec<(CreditDamage, Decimal)>],
        key: &dyn Fn(&Outcome) -> Outcome,
        memo: &mut Memo,
    ) -> (CreditDamage, Decimal) {
        if i == per_loan.len() {
            return (CreditDamage::default(), Decimal::ZERO);
        }
        if let Some(v) = memo.get(&(i, caps.to_vec())) {
            return *v;
        }
        let mut found: Option<(CreditDamage, Decimal)> = None;
        for (s, out) in seqs.iter().zip(&per_loan[i]) {
            if s.iter().zip(caps).all(|(a, c)| a <= c) {
                let rest: Vec<u32> = caps.iter().zip(s).map(|(c, a)| c - a).collect();
                let tail = best(i + 1, &rest, seqs, per_loan, key, memo);
                let mine = key(out);
                let mut damage = mine.0;
                damage.days_90_plus += tail.0.days_90_plus;
                damage.days_60_plus += tail.0.days_60_plus;
                damage.days_30_plus += tail.0.days_30_plus;
                damage.past_due += tail.0.past_due;
                let total = (damage, mine.1 + tail.1);
                if found.is_none_or(|f| total < f) {
                    found = Some(total);
                }
            }
        }
        let v = found.unwrap();
        memo.insert((i, caps.to_vec()), v);
        v
    }
    let caps = vec![units; paydays.len()];
    let cost_only = |o: &(CreditDamage, Decimal)| (CreditDamage::default(), o.1);
    let both = |o: &(CreditDamage, Decimal)| *o;
    let least_cost = best(0, &caps, &seqs, &per_loan, &cost_only, &mut HashMap::new()).1;
    let least_damage = best(0, &caps, &seqs, &per_loan, &both, &mut HashMap::new());
    (least_cost, least_damage)
}

/// On small random instances (2–3 loans, 3–4 months, payments
/// in steps of 100), the least-cost plan equals (or beats, paying amounts
/// off the 100 grid) the brute-force optimum in at least 95 % of them, and
/// the least-damage plan, under its own order, too. Both shares are
/// printed. Measured over 15 fixed seeds of 400 instances
/// (`PROPTEST_RNG_SEED=1` … `15`): least cost 97.5–99.5 %, least damage
/// 96.2–98.8 %.
#[test]
fn optimising_strategies_match_brute_force() {
    // the enumeration is costly: at most 300 instances even in a long run
    let n = cases(400).min(1000);
    let mut runner = TestRunner::new(Config::with_cases(n));
    let (cost_hits, damage_hits, total) = (Cell::new(0u32), Cell::new(0u32), Cell::new(0u32));
    runner
        .run(&small(), |(loans, hundreds, day, months)| {
            let plan = plan(&loans, hundreds, day, months);
            let all = plan.compare().unwrap();
            let cheap = all.get(overdue::plan::PlanStrategy::LeastCost).unwrap();
            let gentle = all.get(overdue::plan::PlanStrategy::LeastCreditDamage).unwrap();
            let paydays: Vec<_> = cheap.months.iter().map(|m| m.payday).collect();
            let ends: Vec<_> = cheap.months.iter().map(|m| m.month_end).collect();
            let (best_cost, best_damage) = brute_force(&plan, u32::try_from(hundreds).unwrap(), &paydays, &ends);
            total.set(total.get() + 1);
            if cheap.cost.as_decimal() <= best_cost {
                cost_hits.set(cost_hits.get() + 1);
            } else {
                eprintln!(
                    "least cost {} > brute force {best_cost}: {loans:?} {hundreds} {day} {months}",
                    cheap.cost
                );
            }
            if (gentle.damage, gentle.cost.as_decimal()) <= best_damage {
                damage_hits.set(damage_hits.get() + 1);
            } else {
                eprintln!(
                    "least damage {:?} {} > brute force {best_damage:?}",
                    gentle.damage, gentle.cost
                );
            }
            // never dearer than any other strategy, never more damage
            for p in &all.plans {
                prop_assert!(cheap.cost <= p.cost, "{} costs less", p.strategy);
                prop_assert!(
                    (gentle.damage, gentle.cost) <= (p.damage, p.cost),
                    "{} does less damage",
                    p.strategy
                );
            }
            Ok(())
        })
        .unwrap();
    let share = |hits: u32| f64::from(hits) / f64::from(total.get());
    eprintln!(
        "brute force over {} instances: least cost optimal in {:.1} %, least damage in {:.1} %",
        total.get(),
        100.0 * share(cost_hits.get()),
        100.0 * share(damage_hits.get())
    );
    assert!(
        share(cost_hits.get()) >= 0.95,
        "least cost optimal in only {:.3}",
        share(cost_hits.get())
    );
    assert!(
        share(damage_hits.get()) >= 0.95,
        "least damage optimal in only {:.3}",
        share(damage_hits.get())
    );
}

/// The least-cost plan's cost with a budget of `hundreds` × 100, and with
/// `more` × 100 more.
fn least_costs(loans: &[Loan], hundreds: i64, more: i64, day: u32, months: u32) -> (Decimal, Decimal) {
    let cost = |h| {
        plan(loans, h, day, months)
            .run(PlanStrategy::LeastCost)
            .unwrap()
            .cost
            .as_decimal()
    };
    (cost(hundreds), cost(hundreds + more))
}

pub(crate) fn any_plan() -> impl proptest::strategy::Strategy<Value = (Vec<Loan>, i64, u32, u32)> {
    (prop::collection::vec(loan(), 1..=4), 0i64..=30, 1u32..=31, 1u32..=8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(24)))]

    /// No month over budget; every figure is what the loans' own ledgers
    /// say after the plan's payments; cost = paid + still owed.
    #[test]
    fn plans_stay_in_budget_and_agree_with_the_ledgers((loans, hundreds, day, months) in any_plan()) {
        let plan = plan(&loans, hundreds, day, months);
        let all = plan.compare().unwrap();
        for p in &all.plans {
            let mut ledgers: Vec<Ledger> = plan.debts().iter().map(|d| d.ledger.clone()).collect();
            for (k, month) in p.months.iter().enumerate() {
                prop_assert!(month.paid <= month.budget, "{} month {k}", p.strategy);
                prop_assert_eq!(month.paid.checked_add(month.left).unwrap(), month.budget);
                for (ledger, loan) in ledgers.iter_mut().zip(&month.loans) {
                    if !loan.payment.is_zero() {
                        ledger.pay(Payment::new(format!("check {k}"), month.payday, loan.payment).unwrap()).unwrap();
                    }
                }
            }
            for month in &p.months {
                for (ledger, loan) in ledgers.iter().zip(&month.loans) {
                    let st = ledger.statement(month.month_end).unwrap();
                    prop_assert_eq!(st.days_past_due, loan.days_past_due);
                    prop_assert_eq!(&st.bucket, &loan.bucket);
                    prop_assert_eq!(st.payoff, loan.owed);
                }
            }
            let owed = Money::sum(ledgers.iter().map(|l| l.statement(p.horizon).unwrap().payoff)).unwrap();
            prop_assert_eq!(owed, p.still_owed);
            prop_assert_eq!(p.cost, p.total_paid.checked_add(p.still_owed).unwrap());
            let paid = Money::sum(p.months.iter().map(|m| m.paid)).unwrap();
            prop_assert_eq!(paid, p.total_paid);
        }
        // least cost is never dearer than another strategy; least damage never does more damage
        let cheap = all.get(PlanStrategy::LeastCost).unwrap();
        let gentle = all.get(PlanStrategy::LeastCreditDamage).unwrap();
        for p in &all.plans {
            prop_assert!(cheap.cost <= p.cost);
            prop_assert!((gentle.damage, gentle.cost) <= (p.damage, p.cost));
        }
    }

    /// A larger budget never makes the least-cost plan dearer by more than
    /// 1 % of its cost. The ideal is "never dearer"; the search is a
    /// heuristic and, in about one draw in a thousand, lands above the
    /// smaller budget's plan (11 of 10,000 pairs measured by
    /// [`budget_monotonicity_misses`], 0.38 % at worst), which the plan
    /// guide states.
    #[test]
    fn a_larger_budget_never_costs_more((loans, hundreds, day, months) in any_plan(), more in 1i64..=10) {
        let (small, large) = least_costs(&loans, hundreds, more, day, months);
        prop_assert!(large <= small + small / Decimal::from(100), "{large} > {small}");
    }

    /// Arbitrary plans (any budget, payment day, length, loans) give `Ok` or
    /// an error, never a panic.
    #[test]
    fn arbitrary_plans_never_panic(
        loans in prop::collection::vec(loan(), 0..=3),
        budget in prop::collection::vec(0i64..100_000, 0..6),
        constant in any::<bool>(),
        day in 0u32..40,
        months in 0u32..7,
    ) {
        let budget = if constant {
            MonthlyBudget::Constant(m(Decimal::new(budget.first().copied().unwrap_or(0), 2)))
        } else {
            MonthlyBudget::ByMonth(budget.iter().map(|b| m(Decimal::new(*b, 2))).collect())
        };
        let plan = loans.iter().enumerate().fold(Plan::new(as_of(), budget, day, months), |p, (i, l)| {
            p.debt(Debt::new(format!("L{}", i % 2), ledger(l)))
        });
        let _ = plan.compare();
        let _ = plan.consolidate(&Consolidation::new(["L0"], Refinance::new(LenderKind::PrivateLender, Rate::annual(Decimal::new(24, 2)).unwrap(), 6)));
    }
}

/// A measurement, run by hand (`MISS_CASES` pairs, 2,000 by default; the
/// draw from `PROPTEST_RNG_SEED`): how often, and by how much, a larger
/// budget's least-cost plan costs more than a smaller one's, with the draws
/// of [`a_larger_budget_never_costs_more`]. It fails where that test would
/// (more than 1 %). The figures are in the plan guide's known limits.
#[test]
#[ignore = "a measurement: run by hand with --ignored --nocapture"]
fn budget_monotonicity_misses() {
    let n: u32 = std::env::var("MISS_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let mut runner = TestRunner::new(Config::with_cases(n));
    let (misses, total, worst) = (Cell::new(0u32), Cell::new(0u32), Cell::new(Decimal::ZERO));
    runner
        .run(&(any_plan(), 1i64..=10), |((loans, hundreds, day, months), more)| {
            let (small, large) = least_costs(&loans, hundreds, more, day, months);
            total.set(total.get() + 1);
            if large > small {
                misses.set(misses.get() + 1);
                let over = (large - small) / small;
                worst.set(worst.get().max(over));
                eprintln!("{large} > {small}: {loans:?} {hundreds}+{more} {day} {months}");
                prop_assert!(over <= Decimal::new(1, 2));
            }
            Ok(())
        })
        .unwrap();
    eprintln!(
        "a larger budget cost more in {} of {} pairs, by {} % at worst",
        misses.get(),
        total.get(),
        (worst.get() * Decimal::from(100)).round_dp(3)
    );
}
