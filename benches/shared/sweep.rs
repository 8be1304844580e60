//! `plan/sweep/3_loans/10_budgets`: the walk-through's three loans at ten monthly budgets
//! (1,500 to 3,750 in steps of 250), each budget's plan searched from the one below it, beside
//! ten least-cost plans run one by one (the same searches without the carried start): the ratio
//! is the price of a sweep that never shows a dearer plan for a larger budget.

use std::hint::black_box;

use criterion::Criterion;
use overdue::plan::{BudgetRange, MonthlyBudget, PlanStrategy};
use overdue::{Money, Plan};
use rust_decimal::Decimal;

pub fn sweep(c: &mut Criterion, plan: &Plan) {
    let range: BudgetRange = "1500..3750/250".parse().unwrap();
    let budgets = range.budgets().unwrap();
    assert_eq!(budgets.len(), 10);
    let mut group = c.benchmark_group("plan/sweep/3_loans/10_budgets");
    group.sample_size(10);
    group.bench_function("sweep", |b| b.iter(|| black_box(plan).sweep(&range).unwrap()));
    group.bench_function("one_by_one", |b| {
        b.iter(|| {
            let mut total = Decimal::ZERO;
            for budget in &budgets {
                let plan = at_budget(black_box(plan), *budget);
                total += plan.run(PlanStrategy::LeastCost).unwrap().cost.as_decimal();
            }
            total
        })
    });
    group.finish();
}

/// `plan` with a constant budget of `budget`, rebuilt from its loans.
fn at_budget(plan: &Plan, budget: Money) -> Plan {
    plan.debts().iter().fold(
        Plan::new(plan.as_of(), MonthlyBudget::Constant(budget), 10, 6),
        |p, debt| p.debt(debt.clone()),
    )
}
