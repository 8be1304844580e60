//! Booking a plan month by month through the loans' ledgers, and reading
//! back what they say.

use super::allocate::{split, Key, Month, Objective, Rule};
use super::refine::refine;
use super::replay::{pay_month, payment_ids, tapes, Calendar};
use super::report::report;
use super::result::{CreditDamage, PlanResult};
use super::{Plan, PlanStrategy};
use crate::accrual::Tape;
use crate::error::{overflow, Error, Result};
use crate::money::Money;

/// Runs `strategy`.
pub(super) fn run(plan: &Plan, strategy: PlanStrategy) -> Result<PlanResult> {
    run_all(plan, &[strategy])?.pop().ok_or_else(|| overflow("plan"))
}

/// Runs each of `strategies` on the same inputs. The simple strategies
/// follow their rule. The optimising ones draw from one pool: every rule's
/// plan, and the best of them by cost and by damage each refined by moving
/// money between loans within a month while that improves it (see
/// [`refine`]); least cost takes the cheapest of the pool, least damage the
/// least damage. So least cost never costs more than any other strategy,
/// and least damage never does more damage. The pool is judged by each
/// plan's damage and cost alone; only the plans chosen are reported whole.
pub(super) fn run_all(plan: &Plan, strategies: &[PlanStrategy]) -> Result<Vec<PlanResult>> {
    let refined = [Objective::Cost, Objective::Damage];
    Ok(run_from(plan, strategies, None, &refined)?
        .into_iter()
        .map(|(result, _)| result)
        .collect())
}

/// The least-cost plan, with `carried` (amounts by month and loan, each
/// month within this plan's budget) in the pool beside the rules' plans,
/// and only the cheapest refined: the plan found never costs more than
/// `carried` does. Also the plan's amounts, to carry on.
pub(super) fn least_cost_from(plan: &Plan, carried: Option<&[Vec<Money>]>) -> Result<Chosen> {
    run_from(plan, &[PlanStrategy::LeastCost], carried, &[Objective::Cost])?
        .pop()
        .ok_or_else(|| overflow("plan"))
}

/// A plan chosen for a strategy: its report and its amounts by month and loan.
pub(super) type Chosen = (PlanResult, Vec<Vec<Money>>);

/// [`run_all`], with `carried` in the pool when given, refining the pool's
/// best plan by each of `refined`.
fn run_from(
    plan: &Plan,
    strategies: &[PlanStrategy],
    carried: Option<&[Vec<Money>]>,
    refined: &[Objective],
) -> Result<Vec<Chosen>> {
    let optimising = strategies
        .iter()
        .any(|s| matches!(s, PlanStrategy::LeastCost | PlanStrategy::LeastCreditDamage));
    let calendar = Calendar::of(plan)?;
    let start = starting_days_past_due(plan)?;
    let mut pool: Vec<Candidate> = Vec::new();
    for rule in ALL_RULES {
        if optimising || strategies.iter().any(|s| rule_of(*s) == Some(rule)) {
            let (key, amounts) = decide(plan, &calendar, rule)?;
            pool.push((Some(rule), key, amounts));
        }
    }
    if let Some(carried) = carried {
        let (key, amounts) = book(plan, &calendar, carried)?;
        pool.push((None, key, amounts));
    }
    if optimising {
        for &objective in refined {
            // climb from every rule's plan, best first
            let mut starts: Vec<&Candidate> = pool.iter().collect();
            starts.sort_by(|a, b| order(objective, &a.1, &b.1));
            let starts: Vec<&[Vec<Money>]> = starts.iter().map(|p| p.2.as_slice()).collect();
            if let Some(refined) = refine(plan, &calendar, &starts, objective)? {
                let (key, refined) = book(plan, &calendar, &refined)?;
                pool.push((None, key, refined));
            }
        }
    }
    let mut reports: Vec<Option<PlanResult>> = vec![None; pool.len()];
    strategies
        .iter()
        .map(|s| {
            let chosen = match (rule_of(*s), s) {
                (Some(rule), _) => pool.iter().position(|p| p.0 == Some(rule)),
                (None, PlanStrategy::LeastCreditDamage) => best(&pool, Objective::Damage),
                (None, _) => best(&pool, Objective::Cost),
            };
            let (Some(index), Some(report_of)) = (chosen, chosen.and_then(|i| reports.get_mut(i))) else {
                return Err(overflow("plan"));
            };
            let amounts = pool.get(index).map(|p| p.2.as_slice()).unwrap_or_default();
            let result = match report_of {
                Some(result) => result,
                None => report_of.insert(report(plan, &calendar, amounts, &start)?),
            };
            let mut result = result.clone();
            result.strategy = *s;
            Ok((result, amounts.to_vec()))
        })
        .collect()
}

/// The pool's best plan by `objective` (the first of equals).
fn best(pool: &[Candidate], objective: Objective) -> Option<usize> {
    (0..pool.len()).min_by(|a, b| match (pool.get(*a), pool.get(*b)) {
        (Some(a), Some(b)) => order(objective, &a.1, &b.1),
        _ => std::cmp::Ordering::Equal,
    })
}

/// A plan in the pool: the rule that made it (none: refined), its credit
/// damage and cost, and its amounts by month and loan.
type Candidate = (Option<Rule>, Key, Vec<Vec<Money>>);

/// The rule a simple strategy follows.
fn rule_of(strategy: PlanStrategy) -> Option<Rule> {
    match strategy {
        PlanStrategy::Avalanche => Some(Rule::Avalanche),
        PlanStrategy::Snowball => Some(Rule::Snowball),
        PlanStrategy::AsScheduled => Some(Rule::AsScheduled),
        PlanStrategy::LeastCost | PlanStrategy::LeastCreditDamage => None,
    }
}

/// Better first by `objective`: cost then damage, or damage then cost.
fn order(objective: Objective, a: &Key, b: &Key) -> std::cmp::Ordering {
    match objective {
        Objective::Cost => (a.cost, a.damage).cmp(&(b.cost, b.damage)),
        Objective::Damage => (a.damage, a.cost).cmp(&(b.damage, b.cost)),
    }
}

const ALL_RULES: [Rule; 6] = [
    Rule::Optimise(Objective::Cost),
    Rule::Optimise(Objective::Damage),
    Rule::Avalanche,
    Rule::Snowball,
    Rule::AsScheduled,
    Rule::CurrentFirst,
];

/// Each loan's days past due on the plan's first day; an error for a loan
/// with nothing owed.
fn starting_days_past_due(plan: &Plan) -> Result<Vec<u32>> {
    plan.debts
        .iter()
        .map(|debt| {
            let st = debt.ledger.statement(plan.as_of)?;
            if st.payoff.is_zero() {
                return Err(Error::Invalid {
                    field: "plan",
                    reason: format!("nothing is owed on {:?} on {}", debt.label, plan.as_of),
                });
            }
            Ok(st.days_past_due)
        })
        .collect()
}

/// Splits every month under `rule`, booking each month before the next is
/// decided: the plan's damage and cost, and its amounts (by month, by loan).
fn decide(plan: &Plan, calendar: &Calendar, rule: Rule) -> Result<(Key, Vec<Vec<Money>>)> {
    let mut books = Books::new(plan, calendar)?;
    let scales: Vec<u32> = plan
        .debts
        .iter()
        .map(|d| d.ledger.policy().rounding().scale())
        .collect();
    let horizon = calendar.horizon()?;
    let mut payments = Vec::new();
    for (index, payday) in calendar.paydays.iter().take(calendar.month_ends.len()).enumerate() {
        let month_ids = books.ids_of(index);
        let month = Month {
            payday: *payday,
            budget: plan.budget_of(index)?,
            tapes: &books.tapes,
            scales: &scales,
            month_ends: calendar.month_ends.get(index..).unwrap_or_default(),
            horizon,
            payment_ids: &month_ids,
        };
        let amounts = split(rule, &month)?;
        if Money::sum(amounts.iter().copied())? > month.budget {
            return Err(overflow("plan split over budget"));
        }
        books.month(calendar, index, &amounts)?;
        payments.push(amounts);
    }
    Ok((books.key(calendar)?, payments))
}

/// `amounts` (by month, by loan) with each payment capped at the loan's
/// payoff that payday, and the plan's damage and cost.
fn book(plan: &Plan, calendar: &Calendar, amounts: &[Vec<Money>]) -> Result<(Key, Vec<Vec<Money>>)> {
    let mut books = Books::new(plan, calendar)?;
    let mut booked = Vec::with_capacity(amounts.len());
    for ((index, payday), month) in calendar.paydays.iter().enumerate().zip(amounts) {
        let row = books
            .tapes
            .iter()
            .zip(month)
            .map(|(tape, amount)| {
                if amount.is_zero() {
                    Ok(*amount)
                } else {
                    Ok((*amount).min(tape.standing(*payday)?.1))
                }
            })
            .collect::<Result<Vec<_>>>()?;
        books.month(calendar, index, &row)?;
        booked.push(row);
    }
    Ok((books.key(calendar)?, booked))
}

/// The loans' replays as a plan pays them month by month, and what the
/// month-ends have said so far.
struct Books<'a> {
    tapes: Vec<Tape<'a>>,
    ids: Vec<Vec<String>>,
    damage: CreditDamage,
    paid: Money,
}

impl<'a> Books<'a> {
    fn new(plan: &'a Plan, calendar: &Calendar) -> Result<Books<'a>> {
        Ok(Books {
            tapes: tapes(plan, calendar)?,
            ids: payment_ids(plan, calendar),
            damage: CreditDamage::default(),
            paid: Money::ZERO,
        })
    }

    /// Each loan's payment id in month `index`.
    fn ids_of(&self, index: usize) -> Vec<String> {
        self.ids
            .iter()
            .map(|l| l.get(index).cloned().unwrap_or_default())
            .collect()
    }

    /// Pays month `index`'s `amounts` (by loan) and reads each loan's days
    /// past due at the month's end.
    fn month(&mut self, calendar: &Calendar, index: usize, amounts: &[Money]) -> Result<()> {
        for ((tape, amount), ids) in self.tapes.iter_mut().zip(amounts).zip(&self.ids) {
            self.damage.count(pay_month(tape, ids, calendar, index, *amount)?);
            self.paid = self.paid.checked_add(*amount)?;
        }
        Ok(())
    }

    /// The plan's damage and its cost: what it paid and what is owed at the horizon.
    fn key(&self, calendar: &Calendar) -> Result<Key> {
        let horizon = calendar.horizon()?;
        let mut cost = self.paid;
        for tape in &self.tapes {
            cost = cost.checked_add(tape.standing(horizon)?.1)?;
        }
        Ok(Key {
            damage: self.damage,
            cost: cost.as_decimal(),
        })
    }
}
