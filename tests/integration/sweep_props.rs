//! Property tests for the budget sweep ("what if I pay more?").

use crate::common::{cases, m};
use crate::plan_props::{any_plan, plan};
use overdue::plan::{BudgetRange, PlanStrategy};
use overdue::Money;
use proptest::prelude::*;
use rust_decimal::Decimal;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(16)))]

    /// Paying more never shows a dearer plan: the least cost never rises
    /// with the budget, `saved` is the smallest budget's cost less each
    /// point's, and every point is no dearer than the simple strategies at
    /// its budget.
    #[test]
    fn a_sweep_never_shows_a_dearer_plan_for_a_larger_budget(
        (loans, hundreds, day, months) in any_plan(),
        step in 1i64..=8,
        count in 1i64..=4,
    ) {
        let from = m(Decimal::from(hundreds * 100));
        let step_money = m(Decimal::from(step * 100));
        let to = m(Decimal::from((hundreds + step * (count - 1)) * 100));
        let base = plan(&loans, hundreds, day, months);
        let sweep = base.sweep(&BudgetRange::new(from, to, step_money)).unwrap();
        prop_assert_eq!(sweep.points.len(), usize::try_from(count).unwrap());
        let first = &sweep.points[0];
        prop_assert!(first.saved.is_zero() && first.more_a_month.is_zero());
        for pair in sweep.points.windows(2) {
            prop_assert!(pair[1].cost <= pair[0].cost, "{} at {} > {} at {}", pair[1].cost, pair[1].budget, pair[0].cost, pair[0].budget);
        }
        for (k, point) in sweep.points.iter().enumerate() {
            let hundreds_here = hundreds + step * i64::try_from(k).unwrap();
            prop_assert_eq!(point.budget.as_decimal(), Decimal::from(hundreds_here * 100));
            prop_assert_eq!(point.saved, first.cost.checked_sub(point.cost).unwrap());
            prop_assert_eq!(point.cost, point.total_paid.checked_add(point.still_owed).unwrap());
            prop_assert_eq!(point.debt_free_on.is_some(), point.still_owed.is_zero());
            let at_budget = plan(&loans, hundreds_here, day, months);
            for strategy in [PlanStrategy::Avalanche, PlanStrategy::Snowball, PlanStrategy::AsScheduled] {
                let other = at_budget.run(strategy).unwrap().cost;
                prop_assert!(point.cost <= other, "{strategy} costs {other} < {} at {}", point.cost, point.budget);
            }
            prop_assert!(point.saved >= Money::ZERO);
        }
    }
}
