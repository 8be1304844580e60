//! How one month's budget is split over the loans, under each rule.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use super::result::CreditDamage;
use crate::accrual::{Payment, Tape};
use crate::error::{overflow, Error, Result};
use crate::money::Money;

/// The rules a month can be split by. The two optimising rules choose with
/// an [`Objective`]; the plan's least-cost and least-damage strategies then
/// keep the best of every rule's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    Optimise(Objective),
    Avalanche,
    Snowball,
    AsScheduled,
    /// What falls due before the next payday and is not late yet, on every
    /// loan, then the avalanche: a start for the optimising strategies
    /// (keeping a current loan current avoids its late fee), not a strategy
    /// of its own.
    CurrentFirst,
}

/// What an optimising split minimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Objective {
    Cost,
    Damage,
}

/// One month's decision: the loans as booked so far (their replays open
/// before the payday), the payday, the money.
pub(super) struct Month<'a> {
    pub payday: NaiveDate,
    pub budget: Money,
    pub tapes: &'a [Tape<'a>],
    /// Each loan's scale (its minor unit's places).
    pub scales: &'a [u32],
    /// The ends of this month and of every later month; the last is the horizon.
    pub month_ends: &'a [NaiveDate],
    pub horizon: NaiveDate,
    /// Each loan's id for the month's payment.
    pub payment_ids: &'a [String],
}

/// What a loan owes on the payday, before the month's payment.
pub(super) struct Standing {
    payoff: Money,
    /// What clears each installment due by the month's end, oldest first,
    /// after the credit balance.
    dues: Vec<(NaiveDate, Money)>,
    scale: u32,
}

impl Standing {
    /// On `payday`, for the month that ends on `month_end`: what is due,
    /// and what falls due before the next payday (paid now, it is never late).
    pub(super) fn of(tape: &Tape<'_>, payday: NaiveDate, month_end: NaiveDate, scale: u32) -> Result<Standing> {
        let owed = tape.dues(payday, month_end)?;
        let mut credit = owed.credit;
        let mut dues = Vec::new();
        for (due_date, owed) in owed.owed {
            let after_credit = owed.saturating_sub(credit);
            credit = credit.saturating_sub(owed);
            if !after_credit.is_zero() {
                dues.push((due_date, after_credit));
            }
        }
        Ok(Standing {
            payoff: owed.payoff,
            dues,
            scale,
        })
    }

    /// What clears the oldest installment due, the two oldest, … (never
    /// above the payoff), and last the payoff itself.
    pub(super) fn clearing_amounts(&self) -> Result<Vec<Money>> {
        let mut cumulative = Money::ZERO;
        let mut amounts = self
            .dues
            .iter()
            .map(|(_, due)| {
                cumulative = cumulative.checked_add(*due)?;
                Ok(cumulative.min(self.payoff))
            })
            .collect::<Result<Vec<_>>>()?;
        amounts.push(self.payoff);
        amounts.dedup();
        Ok(amounts)
    }

    /// What falls due before the next payday, if nothing is late on
    /// `payday` (paid now, the loan stays current); nothing otherwise.
    fn coming(&self, payday: NaiveDate) -> Result<Money> {
        if self.dues.iter().any(|(due_date, _)| *due_date < payday) {
            return Ok(Money::ZERO);
        }
        self.due()
    }

    fn due(&self) -> Result<Money> {
        Ok(Money::sum(self.dues.iter().map(|d| d.1))?.min(self.payoff))
    }

    /// `want`, but no more than `left` and the payoff, at the loan's minor unit.
    fn at_most(&self, want: Money, left: Money) -> Result<Money> {
        let amount = want.min(left).min(self.payoff).as_decimal();
        Money::new(amount.round_dp_with_strategy(self.scale, RoundingStrategy::ToZero))
    }
}

/// Splits the month's budget under `rule`: one amount per loan, summing to
/// at most the budget, each at most the loan's payoff.
pub(super) fn split(rule: Rule, month: &Month<'_>) -> Result<Vec<Money>> {
    let loans = month
        .tapes
        .iter()
        .zip(month.scales)
        .map(|(t, scale)| {
            Standing::of(
                t,
                month.payday,
                month.month_ends.first().copied().unwrap_or(month.payday),
                *scale,
            )
        })
        .collect::<Result<Vec<_>>>()?;
    match rule {
        Rule::AsScheduled => by_due_date(&loans, month.budget),
        Rule::Avalanche => in_order(
            &loans,
            &fastest_growing(&loans, month)?,
            &[Phase::Due, Phase::Payoff],
            month,
        ),
        Rule::CurrentFirst => in_order(
            &loans,
            &fastest_growing(&loans, month)?,
            &[Phase::Coming, Phase::Due, Phase::Payoff],
            month,
        ),
        Rule::Snowball => {
            let mut order: Vec<usize> = (0..loans.len()).collect();
            order.sort_by_key(|i| loans.get(*i).map(|s| s.payoff));
            in_order(&loans, &order, &[Phase::Due, Phase::Payoff], month)
        }
        Rule::Optimise(objective) => Optimiser {
            month,
            loans: &loans,
            objective,
        }
        .split(),
    }
}

/// The loans, the one whose payoff grows fastest first.
fn fastest_growing(loans: &[Standing], month: &Month<'_>) -> Result<Vec<usize>> {
    let growth = loans
        .iter()
        .zip(month.tapes)
        .map(|(s, t)| growth(t, month.payday, s.payoff))
        .collect::<Result<Vec<_>>>()?;
    let mut order: Vec<usize> = (0..loans.len()).collect();
    order.sort_by(|a, b| growth.get(*b).cmp(&growth.get(*a)));
    Ok(order)
}

/// How fast a loan's payoff grows over the next 30 days with nothing paid,
/// as a share of today's.
fn growth(tape: &Tape<'_>, payday: NaiveDate, payoff: Money) -> Result<Decimal> {
    if payoff.is_zero() {
        return Ok(Decimal::ZERO);
    }
    let later = payday
        .checked_add_days(chrono::Days::new(30))
        .ok_or(Error::DateOutOfRange {
            operation: "plan growth",
        })?;
    let grown = tape.standing(later)?.1.saturating_sub(payoff);
    grown
        .as_decimal()
        .checked_div(payoff.as_decimal())
        .ok_or_else(|| overflow("plan growth"))
}

/// Every installment due, over all loans, oldest first; nothing ahead.
fn by_due_date(loans: &[Standing], budget: Money) -> Result<Vec<Money>> {
    let mut dues: Vec<(NaiveDate, usize, Money)> = loans
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.dues.iter().map(move |d| (d.0, i, d.1)))
        .collect();
    dues.sort_by_key(|d| (d.0, d.1));
    let mut paid = vec![Money::ZERO; loans.len()];
    let mut left = budget;
    for (_, i, amount) in dues {
        if let (Some(s), Some(p)) = (loans.get(i), paid.get_mut(i)) {
            let room = s.payoff.saturating_sub(*p);
            let x = s.at_most(amount.min(room), left)?;
            *p = p.checked_add(x)?;
            left = left.checked_sub(x)?;
        }
    }
    Ok(paid)
}

/// Phase by phase, each loan in `order` brought up to what the phase
/// asks of it.
fn in_order(loans: &[Standing], order: &[usize], phases: &[Phase], month: &Month<'_>) -> Result<Vec<Money>> {
    let mut paid = vec![Money::ZERO; loans.len()];
    let mut left = month.budget;
    for phase in phases {
        for &i in order {
            if let (Some(s), Some(p)) = (loans.get(i), paid.get_mut(i)) {
                let target = match phase {
                    Phase::Coming => s.coming(month.payday)?,
                    Phase::Due => s.due()?,
                    Phase::Payoff => s.payoff,
                };
                let x = s.at_most(target.saturating_sub(*p), left)?;
                *p = p.checked_add(x)?;
                left = left.checked_sub(x)?;
            }
        }
    }
    Ok(paid)
}

#[derive(Clone, Copy)]
enum Phase {
    /// What a loan with nothing late has falling due.
    Coming,
    Due,
    Payoff,
}

/// What a choice is worth: the credit damage it leads to (zero when only
/// cost counts), then its cost. Lower is better; keys of loans add up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(super) struct Key {
    pub damage: CreditDamage,
    pub cost: Decimal,
}

impl Key {
    pub(super) fn plus(self, other: Key) -> Result<Key> {
        Ok(Key {
            damage: self.damage.plus(other.damage),
            cost: self.cost.checked_add(other.cost).ok_or_else(|| overflow("plan cost"))?,
        })
    }
}

/// The most partial splits an optimising month keeps at once.
const MAX_STATES: usize = 256;

/// A month split to minimise the objective, judging each loan's payment
/// by where it leaves the loan at the horizon if nothing more were paid:
/// an exact choice among each loan's natural amounts (nothing, what clears
/// each installment due, the payoff, the whole budget), then any money left
/// to the loan it helps most.
struct Optimiser<'a> {
    month: &'a Month<'a>,
    loans: &'a [Standing],
    objective: Objective,
}

/// A partial split: money spent, its key, the amount chosen per loan so far.
#[derive(Clone)]
struct State {
    spent: Money,
    key: Key,
    amounts: Vec<Money>,
}

impl Optimiser<'_> {
    fn split(&self) -> Result<Vec<Money>> {
        let budget = self.month.budget;
        let mut states = vec![State {
            spent: Money::ZERO,
            key: Key::default(),
            amounts: Vec::new(),
        }];
        for (i, loan) in self.loans.iter().enumerate() {
            let options = self
                .candidates(i, loan, budget)?
                .into_iter()
                .map(|x| Ok((x, self.key(i, x)?)))
                .collect::<Result<Vec<_>>>()?;
            let mut next = Vec::new();
            for (from, s) in states.iter().enumerate() {
                for &(x, key) in &options {
                    let spent = s.spent.checked_add(x)?;
                    if spent <= budget {
                        next.push(Step {
                            spent,
                            key: s.key.plus(key)?,
                            from,
                            x,
                        });
                    }
                }
            }
            states = pareto(next)
                .into_iter()
                .map(|step| {
                    let mut amounts = states.get(step.from).map(|s| s.amounts.clone()).unwrap_or_default();
                    amounts.push(step.x);
                    State {
                        spent: step.spent,
                        key: step.key,
                        amounts,
                    }
                })
                .collect();
        }
        let best = states
            .into_iter()
            .min_by(|a, b| a.key.cmp(&b.key).then(b.spent.cmp(&a.spent)))
            .ok_or_else(|| overflow("plan split"))?;
        self.spend_the_rest(best)
    }

    /// Nothing, what clears each installment due in turn, the payoff, the
    /// whole budget, and the least that meets each promotion the lender
    /// offers on the loan: the amounts between which a loan's horizon cost
    /// and days past due change smoothly (a promotion met is a step).
    fn candidates(&self, i: usize, loan: &Standing, budget: Money) -> Result<Vec<Money>> {
        let mut amounts = vec![Money::ZERO, loan.at_most(loan.payoff, budget)?];
        for clear in loan.clearing_amounts()? {
            amounts.push(loan.at_most(clear, budget)?);
        }
        if let (Some(tape), Some(id)) = (self.month.tapes.get(i), self.month.payment_ids.get(i)) {
            let most = loan.at_most(loan.payoff, budget)?;
            for meets in tape.meeting_amounts(id, self.month.payday, most, loan.scale)? {
                amounts.push(meets);
            }
        }
        amounts.sort();
        amounts.dedup();
        Ok(amounts)
    }

    /// Where paying `amount` to loan `i` today leaves it at the horizon,
    /// with nothing more paid: the cost (the amount plus the payoff then)
    /// and, for the damage objective, the month-ends past due on the way
    /// (with no payment, days past due grow a day a day).
    fn key(&self, i: usize, amount: Money) -> Result<Key> {
        let mut tape = self.month.tapes.get(i).ok_or_else(|| overflow("plan loan"))?.clone();
        if !amount.is_zero() {
            let id = self.month.payment_ids.get(i).ok_or_else(|| overflow("plan loan"))?;
            tape.pay(Payment::new(id.as_str(), self.month.payday, amount)?)?;
        }
        let (days_past_due, owed) = tape.into_standing(self.month.horizon)?;
        let mut damage = CreditDamage::default();
        if self.objective == Objective::Damage {
            for end in self.month.month_ends {
                let before = u32::try_from((self.month.horizon - *end).num_days()).unwrap_or(u32::MAX);
                damage.count(days_past_due.saturating_sub(before));
            }
        }
        let cost = amount.checked_add(owed)?.as_decimal();
        Ok(Key { damage, cost })
    }

    /// Money the exact choice left over goes, a loan at a time, where it
    /// lowers the key most (or, where nothing lowers it, pays debt down).
    fn spend_the_rest(&self, mut best: State) -> Result<Vec<Money>> {
        let mut keys = best
            .amounts
            .iter()
            .enumerate()
            .map(|(i, x)| self.key(i, *x))
            .collect::<Result<Vec<_>>>()?;
        for _ in 0..self.loans.len() {
            let left = self.month.budget.saturating_sub(best.spent);
            let mut pick: Option<(usize, Money, Key, Key)> = None;
            for (i, (loan, x)) in self.loans.iter().zip(&best.amounts).enumerate() {
                let more = loan.at_most(loan.payoff.saturating_sub(*x), left)?;
                if more.is_zero() {
                    continue;
                }
                let key = self.key(i, x.checked_add(more)?)?;
                let total = keys
                    .iter()
                    .enumerate()
                    .try_fold(Key::default(), |sum, (j, k)| sum.plus(if j == i { key } else { *k }))?;
                if pick.as_ref().is_none_or(|p| total < p.3) {
                    pick = Some((i, more, key, total));
                }
            }
            let Some((i, more, key, _)) = pick else { break };
            if let (Some(x), Some(k)) = (best.amounts.get_mut(i), keys.get_mut(i)) {
                *x = x.checked_add(more)?;
                *k = key;
            }
            best.spent = best.spent.checked_add(more)?;
        }
        Ok(best.amounts)
    }
}

/// A partial split extended by one loan's amount, before its amounts are
/// written out: money spent, its key, the split it extends, the amount.
struct Step {
    spent: Money,
    key: Key,
    from: usize,
    x: Money,
}

/// The splits no other beats: for each amount spent, only those with a
/// lower key than every cheaper one; at most [`MAX_STATES`] of them.
fn pareto(mut states: Vec<Step>) -> Vec<Step> {
    states.sort_by(|a, b| a.spent.cmp(&b.spent).then(a.key.cmp(&b.key)));
    let mut kept: Vec<Step> = Vec::new();
    for s in states {
        if kept.last().is_none_or(|k| s.key < k.key) {
            kept.push(s);
        }
    }
    if kept.len() > MAX_STATES {
        let step = kept.len().div_ceil(MAX_STATES);
        let last = kept.len() - 1;
        kept = kept
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % step == 0 || *i == last)
            .map(|(_, s)| s)
            .collect();
    }
    kept
}
