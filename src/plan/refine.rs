//! Refining a plan: moving money between loans within a month, or spending
//! what a month left, while that improves the objective, each move judged
//! by the loans' own ledgers over the whole plan.

use rust_decimal::{Decimal, RoundingStrategy};

use super::allocate::{Key, Objective};
use super::judge::{scale, Judge};
use super::replay::Calendar;
use super::Plan;
use crate::error::Result;
use crate::money::Money;

/// Where a move takes money from.
#[derive(Clone, Copy)]
enum Source {
    /// What the month left unspent.
    Unspent,
    /// Another loan's payment that month.
    Loan(usize),
}

/// The plan refined from `amounts` (by month, by loan), if a move improved it.
/// Climbs from each of `starts` in turn (one budget of evaluations for all)
/// and returns the best plan reached that improved on its start.
pub(super) fn refine(
    plan: &Plan,
    calendar: &Calendar,
    starts: &[&[Vec<Money>]],
    objective: Objective,
) -> Result<Option<Vec<Vec<Money>>>> {
    let mut judge = Judge::new(plan, calendar, objective)?;
    let mut best: Option<(Key, Vec<Vec<Money>>)> = None;
    for start in starts {
        if let Some((key, amounts)) = climb(&mut judge, start)?
            && best.as_ref().is_none_or(|b| key < b.0)
        {
            best = Some((key, amounts));
        }
    }
    // what is left of the budget goes to kicks: from the best plan, one
    // payment is dropped and the plan climbs again; a better plan is kept
    // and kicked in turn
    let mut base = match (&best, starts.first()) {
        (Some(b), _) => b.clone(),
        (None, Some(start)) => (key_of(&mut judge, start)?, start.to_vec()),
        (None, None) => return Ok(None),
    };
    'kicks: while !judge.spent() {
        for (k, month) in base.1.iter().enumerate() {
            for (j, amount) in month.iter().enumerate() {
                if amount.is_zero() {
                    continue;
                }
                // the payment dropped, or given whole to each other loan
                for to in std::iter::once(None).chain((0..month.len()).filter(|i| *i != j).map(Some)) {
                    if judge.spent() {
                        break 'kicks;
                    }
                    let mut kicked = base.1.clone();
                    if let Some(m) = kicked.get_mut(k) {
                        if let Some(x) = m.get_mut(j) {
                            *x = Money::ZERO;
                        }
                        if let Some(y) = to.and_then(|i| m.get_mut(i)) {
                            *y = y.checked_add(*amount)?;
                        }
                    }
                    if let Some((key, amounts)) = climb(&mut judge, &kicked)?
                        && key < base.0
                    {
                        base = (key, amounts);
                        best = Some(base.clone());
                        continue 'kicks;
                    }
                }
            }
        }
        break;
    }
    Ok(best.map(|b| b.1))
}

/// The key of a plan of `amounts` (by month, by loan).
fn key_of(judge: &mut Judge<'_>, amounts: &[Vec<Money>]) -> Result<Key> {
    let mut total = Key::default();
    for i in 0..judge.plan.debts.len() {
        let column: Vec<Money> = amounts
            .iter()
            .map(|m| m.get(i).copied().unwrap_or(Money::ZERO))
            .collect();
        total = total.plus(judge.outcome(i, &column)?.0)?;
    }
    Ok(total)
}

/// Moves money while a move improves the plan; the plan reached and its
/// key, if any move did.
fn climb(judge: &mut Judge<'_>, amounts: &[Vec<Money>]) -> Result<Option<(Key, Vec<Vec<Money>>)>> {
    let n = judge.plan.debts.len();
    let months = amounts.len();
    let mut columns: Vec<Vec<Money>> = (0..n)
        .map(|i| {
            amounts
                .iter()
                .map(|m| m.get(i).copied().unwrap_or(Money::ZERO))
                .collect()
        })
        .collect();
    let mut keys = Vec::with_capacity(n);
    for (i, column) in columns.iter_mut().enumerate() {
        let (key, capped) = judge.outcome(i, column)?;
        *column = capped;
        keys.push(key);
    }
    for (i, column) in columns.iter().enumerate() {
        judge.rebase(i, column)?;
    }
    let total = sum(&keys)?;
    let mut state = State { columns, keys, total };
    let mut improved_any = false;
    loop {
        let mut improved = match move_round(judge, &mut state, months)? {
            Round::Spent => break,
            Round::Improved => {
                improved_any = true;
                true
            }
            Round::Unchanged => false,
        };
        if !improved {
            // stuck: try trading between two loans across two months
            // (more to one now, as much back to the other later)
            let State { columns, keys, total } = &mut state;
            improved = swap(judge, columns, keys, total)?
                || gather(judge, columns, keys, total)?
                || focus(judge, columns, keys, total)?;
        }
        if !improved || judge.spent() {
            break;
        }
        improved_any = true;
    }
    Ok(improved_any.then(|| {
        let amounts = (0..months)
            .map(|k| {
                state
                    .columns
                    .iter()
                    .map(|c| c.get(k).copied().unwrap_or(Money::ZERO))
                    .collect()
            })
            .collect();
        (state.total, amounts)
    }))
}

/// The search's state: each loan's column of payments (by month), each
/// loan's key, and their sum.
struct State {
    columns: Vec<Vec<Money>>,
    keys: Vec<Key>,
    total: Key,
}

/// How a round of moves ended.
enum Round {
    /// At least one move was kept.
    Improved,
    /// None was.
    Unchanged,
    /// The search's budget of work ran out.
    Spent,
}

/// One round of moves: in each month, money moved into each loan from what
/// is unspent or from another loan, by each of [`moves`]' sizes; a move is
/// kept when it lowers the total key (and then the source has changed, so
/// the next size would be stale).
fn move_round(judge: &mut Judge<'_>, state: &mut State, months: usize) -> Result<Round> {
    let plan = judge.plan;
    let n = plan.debts.len();
    let mut improved = false;
    for k in 0..months {
        for j in 0..n {
            for source in std::iter::once(Source::Unspent).chain((0..n).filter(|i| *i != j).map(Source::Loan)) {
                let columns = &state.columns;
                let available = match source {
                    Source::Unspent => plan
                        .budget_of(k)?
                        .saturating_sub(Money::sum(columns.iter().filter_map(|c| c.get(k).copied()))?),
                    Source::Loan(i) => columns.get(i).and_then(|c| c.get(k)).copied().unwrap_or(Money::ZERO),
                };
                let current = columns.get(j).and_then(|c| c.get(k)).copied().unwrap_or(Money::ZERO);
                let clearing = judge.clearing(j, columns, k)?;
                for delta in moves(available, plan.budget_of(k)?, current, &clearing, scale(plan, j))? {
                    if judge.spent() {
                        return Ok(Round::Spent);
                    }
                    if try_move(judge, state, source, j, k, delta)? {
                        improved = true;
                        break;
                    }
                }
            }
        }
    }
    Ok(if improved { Round::Improved } else { Round::Unchanged })
}

/// Moves `delta` in month `k` into loan `j` from `source`; keeps it when it
/// lowers the total key, or when it pays in money left unspent and keeps the
/// key (it lowers the debt; each such move spends more, so the search ends).
fn try_move(
    judge: &mut Judge<'_>,
    state: &mut State,
    source: Source,
    j: usize,
    k: usize,
    delta: Money,
) -> Result<bool> {
    let (key_j, column_j) = judge.outcome(j, &shifted(&state.columns, j, k, delta, Direction::In)?)?;
    let mut trial = state.keys.clone();
    set(&mut trial, j, key_j);
    let mut column_i = None;
    if let Source::Loan(i) = source {
        let (key_i, col) = judge.outcome(i, &shifted(&state.columns, i, k, delta, Direction::Out)?)?;
        set(&mut trial, i, key_i);
        column_i = Some((i, col));
    }
    let trial_total = sum(&trial)?;
    let pays_in =
        matches!(source, Source::Unspent) && trial_total == state.total && state.columns.get(j) != Some(&column_j);
    let keep = trial_total < state.total || pays_in;
    if !keep {
        return Ok(false);
    }
    state.total = trial_total;
    state.keys = trial;
    adopt(judge, &mut state.columns, j, column_j)?;
    if let Some((i, col)) = column_i {
        adopt(judge, &mut state.columns, i, col)?;
    }
    Ok(true)
}

/// The first trade that improves the plan: `delta` from loan `i` to loan
/// `j` in month `k`, and as much back from `j` to `i` in a later month.
fn swap(judge: &mut Judge<'_>, columns: &mut [Vec<Money>], keys: &mut Vec<Key>, total: &mut Key) -> Result<bool> {
    let n = columns.len();
    let months = columns.first().map_or(0, Vec::len);
    for k in 0..months {
        for later in k + 1..months {
            for i in 0..n {
                for j in (0..n).filter(|j| *j != i) {
                    let give = columns.get(i).and_then(|c| c.get(k)).copied().unwrap_or(Money::ZERO);
                    let back = columns
                        .get(j)
                        .and_then(|c| c.get(later))
                        .copied()
                        .unwrap_or(Money::ZERO);
                    let delta = give.min(back);
                    if delta.is_zero() {
                        continue;
                    }
                    if judge.spent() {
                        return Ok(false);
                    }
                    let col_i = shifted(columns, i, k, delta, Direction::Out)?;
                    let col_i = shifted(&[col_i], 0, later, delta, Direction::In)?;
                    let col_j = shifted(columns, j, k, delta, Direction::In)?;
                    let col_j = shifted(&[col_j], 0, later, delta, Direction::Out)?;
                    let (key_i, col_i) = judge.outcome(i, &col_i)?;
                    let (key_j, col_j) = judge.outcome(j, &col_j)?;
                    let mut trial = keys.clone();
                    set(&mut trial, i, key_i);
                    set(&mut trial, j, key_j);
                    let trial_total = sum(&trial)?;
                    if trial_total < *total && within_budget(judge, columns, (i, &col_i), (j, &col_j))? {
                        *total = trial_total;
                        *keys = trial;
                        adopt(judge, columns, i, col_i)?;
                        adopt(judge, columns, j, col_j)?;
                        return Ok(true);
                    }
                }
            }
        }
    }
    Ok(false)
}

/// The first gathering that improves the plan: in month `k`, loan `j`
/// takes what clears another of its installments (see [`raise`]).
fn gather(judge: &mut Judge<'_>, columns: &mut [Vec<Money>], keys: &mut Vec<Key>, total: &mut Key) -> Result<bool> {
    let n = columns.len();
    let months = columns.first().map_or(0, Vec::len);
    for k in 0..months {
        for j in 0..n {
            let current = columns.get(j).and_then(|c| c.get(k)).copied().unwrap_or(Money::ZERO);
            for target in judge.clearing(j, columns, k)? {
                if target <= current {
                    continue;
                }
                if judge.spent() {
                    return Ok(false);
                }
                let mut trial = columns.to_vec();
                raise(&mut trial, j, k, target, judge.plan.budget_of(k)?)?;
                if trial.get(j).and_then(|c| c.get(k)) != Some(&target) {
                    continue; // the month cannot pay it
                }
                if accept(judge, columns, keys, total, trial)? {
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

/// The first focus that improves the plan: for one to three months in a
/// row, loan `j` gets the whole budget (up to its payoff; see [`raise`]).
/// What one month cannot clear, a few months in a row can.
fn focus(judge: &mut Judge<'_>, columns: &mut [Vec<Money>], keys: &mut Vec<Key>, total: &mut Key) -> Result<bool> {
    let n = columns.len();
    let months = columns.first().map_or(0, Vec::len);
    for j in 0..n {
        for k in 0..months {
            for window in 1..=3usize.min(months - k) {
                if judge.spent() {
                    return Ok(false);
                }
                let mut trial = columns.to_vec();
                for m in k..k + window {
                    let budget = judge.plan.budget_of(m)?;
                    let payoff = judge.clearing(j, &trial, m)?.last().copied().unwrap_or(budget);
                    raise(&mut trial, j, m, budget.min(payoff), budget)?;
                }
                if accept(judge, columns, keys, total, trial)? {
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

/// Raises loan `j`'s payment in month `m` towards `target`, taking the
/// money left of the month's `budget` first, then from the other loans,
/// largest payment first (as far as they go).
fn raise(columns: &mut [Vec<Money>], j: usize, m: usize, target: Money, budget: Money) -> Result<()> {
    let current = columns.get(j).and_then(|c| c.get(m)).copied().unwrap_or(Money::ZERO);
    if target <= current {
        return Ok(());
    }
    let spent = Money::sum(columns.iter().filter_map(|c| c.get(m).copied()))?;
    let mut need = target
        .saturating_sub(current)
        .saturating_sub(budget.saturating_sub(spent));
    let mut donors: Vec<usize> = (0..columns.len()).filter(|i| *i != j).collect();
    donors.sort_by_key(|i| std::cmp::Reverse(columns.get(*i).and_then(|c| c.get(m)).copied()));
    for i in donors {
        if let Some(x) = columns.get_mut(i).and_then(|c| c.get_mut(m)) {
            let take = need.min(*x);
            *x = x.saturating_sub(take);
            need = need.saturating_sub(take);
        }
    }
    if let Some(x) = columns.get_mut(j).and_then(|c| c.get_mut(m)) {
        *x = target.saturating_sub(need);
    }
    Ok(())
}

/// Takes the `trial` columns if they improve the plan's key (judging only
/// the loans whose payments changed).
fn accept(
    judge: &mut Judge<'_>,
    columns: &mut [Vec<Money>],
    keys: &mut Vec<Key>,
    total: &mut Key,
    trial: Vec<Vec<Money>>,
) -> Result<bool> {
    let mut trial_keys = keys.clone();
    let mut changed = false;
    for (i, column) in trial.iter().enumerate() {
        if Some(column) != columns.get(i) {
            let (key, _) = judge.outcome(i, column)?;
            set(&mut trial_keys, i, key);
            changed = true;
        }
    }
    let trial_total = sum(&trial_keys)?;
    if !changed || trial_total >= *total {
        return Ok(false);
    }
    *total = trial_total;
    *keys = trial_keys;
    for (i, column) in trial.into_iter().enumerate() {
        if Some(&column) != columns.get(i) {
            adopt(judge, columns, i, column)?;
        }
    }
    Ok(true)
}

/// Takes `column` as loan `i`'s payments in the search (and as the base its
/// next trials replay from).
fn adopt(judge: &mut Judge<'_>, columns: &mut [Vec<Money>], i: usize, column: Vec<Money>) -> Result<()> {
    judge.rebase(i, &column)?;
    if let Some(c) = columns.get_mut(i) {
        *c = column;
    }
    Ok(())
}

/// Whether every month stays within its budget with loans `a` and `b`
/// paying their new columns.
fn within_budget(
    judge: &Judge<'_>,
    columns: &[Vec<Money>],
    a: (usize, &[Money]),
    b: (usize, &[Money]),
) -> Result<bool> {
    let months = columns.first().map_or(0, Vec::len);
    for k in 0..months {
        let mut spent = Money::ZERO;
        for (i, c) in columns.iter().enumerate() {
            let column = if i == a.0 {
                a.1
            } else if i == b.0 {
                b.1
            } else {
                c.as_slice()
            };
            spent = spent.checked_add(column.get(k).copied().unwrap_or(Money::ZERO))?;
        }
        if spent > judge.plan.budget_of(k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

#[derive(Clone, Copy)]
enum Direction {
    In,
    Out,
}

/// Loan `i`'s column with `delta` added to (or taken from) month `k`.
fn shifted(columns: &[Vec<Money>], i: usize, k: usize, delta: Money, direction: Direction) -> Result<Vec<Money>> {
    let mut column = columns.get(i).cloned().unwrap_or_default();
    if let Some(x) = column.get_mut(k) {
        *x = match direction {
            Direction::In => x.checked_add(delta)?,
            Direction::Out => x.saturating_sub(delta),
        };
    }
    Ok(column)
}

/// All of `available`, half of it, what brings the receiver's payment to
/// each amount that clears another of its installments (the last: its
/// payoff), and a quarter and a tenth of the month's budget: those that
/// `available` covers and the payoff leaves room for, at the loan's minor
/// unit, largest first.
fn moves(available: Money, budget: Money, current: Money, clearing: &[Money], scale: u32) -> Result<Vec<Money>> {
    let part = |whole: Money, n: u32| {
        Money::new((whole.as_decimal() / Decimal::from(n)).round_dp_with_strategy(scale, RoundingStrategy::ToZero))
    };
    let room = clearing
        .last()
        .map_or(available, |payoff| payoff.saturating_sub(current));
    let mut all = vec![
        available.min(room),
        part(available, 2)?,
        part(available, 3)?,
        part(budget, 4)?,
        part(budget, 10)?,
        part(budget, 20)?,
    ];
    all.extend(
        clearing
            .iter()
            .filter(|c| **c > current)
            .map(|c| c.saturating_sub(current)),
    );
    all.retain(|m| !m.is_zero() && *m <= available && *m <= room);
    all.sort();
    all.dedup();
    all.reverse();
    Ok(all)
}

fn set(keys: &mut [Key], i: usize, key: Key) {
    if let Some(k) = keys.get_mut(i) {
        *k = key;
    }
}

fn sum(keys: &[Key]) -> Result<Key> {
    keys.iter().try_fold(Key::default(), |acc, k| acc.plus(*k))
}
