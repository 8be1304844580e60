//! The plan's figures, each read from the loans' ledgers after its payments
//! are booked: month by month, loan by loan, and in all.

use chrono::NaiveDate;

use super::replay::{pay, Calendar};
use super::result::{BucketMonths, CreditDamage, LoanMonth, LoanOutcome, PlanMonth, PlanResult};
use super::{Plan, PlanStrategy, PlanWarning};
use crate::accrual::{Ledger, Statement};
use crate::error::{overflow, Result};
use crate::money::Money;

/// What the month ends have said so far: the credit damage and the
/// loan-months in each bucket (by the bucket's first day past due).
#[derive(Default)]
struct Tally {
    damage: CreditDamage,
    buckets: Vec<(u32, BucketMonths)>,
}

impl Tally {
    /// Counts a loan's month-end statement.
    fn count(&mut self, ledger: &Ledger, st: &Statement) {
        self.damage.count(st.days_past_due);
        let bucket = ledger.policy().buckets().bucket(st.days_past_due);
        match self.buckets.iter_mut().find(|b| b.1.bucket == st.bucket) {
            Some(b) => b.1.loan_months = b.1.loan_months.saturating_add(1),
            None => self.buckets.push((
                bucket.from_days(),
                BucketMonths {
                    bucket: st.bucket.clone(),
                    loan_months: 1,
                },
            )),
        }
    }

    /// The loan-months by bucket, in the buckets' order.
    fn bucket_months(mut self) -> Vec<BucketMonths> {
        self.buckets
            .sort_by(|a, b| a.0.cmp(&b.0).then(a.1.bucket.cmp(&b.1.bucket)));
        self.buckets.into_iter().map(|b| b.1).collect()
    }
}

/// The plan's figures, each read from the loans' ledgers after its
/// payments (by month, by loan) are booked.
pub(super) fn report(
    plan: &Plan,
    calendar: &Calendar,
    payments: &[Vec<Money>],
    start_dpd: &[u32],
) -> Result<PlanResult> {
    let mut ledgers: Vec<Ledger> = plan.debts.iter().map(|d| d.ledger.clone()).collect();
    for (payday, month) in calendar.paydays.iter().zip(payments) {
        for (ledger, amount) in ledgers.iter_mut().zip(month) {
            pay(ledger, *payday, *amount)?;
        }
    }
    let horizon = calendar.horizon()?;
    let mut outcomes = starting_outcomes(plan, calendar, &ledgers, start_dpd)?;
    // amounts are reported at the minor unit (a budget of 2200 as 2200.00);
    // the plan's totals at the finest minor unit of its loans
    let scale = finest_scale(plan);
    // each loan's statements at the month ends, from one replay per loan
    let mut month_ends = ledgers
        .iter()
        .map(|l| Ok(l.statements_on(&calendar.month_ends)?.into_iter()))
        .collect::<Result<Vec<_>>>()?;
    let mut tally = Tally::default();
    // what has fallen due and is unpaid at the horizon, loan by loan
    let mut due_left = vec![Money::ZERO; ledgers.len()];
    let mut flows = Vec::new();
    let mut months = Vec::with_capacity(payments.len());
    for (index, amounts) in payments.iter().enumerate() {
        let (Some(payday), Some(end)) = (calendar.paydays.get(index), calendar.month_ends.get(index)) else {
            return Err(overflow("plan month"));
        };
        let budget = at_scale(plan.budget_of(index)?, scale)?;
        let paid = at_scale(Money::sum(amounts.iter().copied())?, scale)?;
        flows.push((*payday, paid));
        let mut loans = Vec::with_capacity(ledgers.len());
        for ((((ledger, amount), o), statements), due) in ledgers
            .iter()
            .zip(amounts)
            .zip(outcomes.iter_mut())
            .zip(month_ends.iter_mut())
            .zip(due_left.iter_mut())
        {
            let st = statements.next().ok_or_else(|| overflow("plan month-end statement"))?;
            debug_assert_eq!(st.as_of, *end);
            tally.count(ledger, &st);
            if *end == horizon {
                *due = fallen_due(&st)?;
            }
            loans.push(loan_month(ledger, o, st, *amount, *payday, *end == horizon)?);
        }
        months.push(PlanMonth {
            payday: *payday,
            month_end: *end,
            budget,
            paid,
            left: at_scale(budget.checked_sub(paid)?, scale)?,
            loans,
        });
    }
    let unused = at_scale(Money::sum(months.iter().map(|m| m.left))?, scale)?;
    let mut warnings = Vec::new();
    for ((o, ledger), due) in outcomes.iter_mut().zip(ledgers).zip(due_left) {
        o.paid = at_scale(o.paid, ledger.policy().rounding().scale())?;
        o.timeline = ledger.timeline_if_listed(plan.as_of, horizon)?;
        if let Some(w) = o
            .timeline
            .as_ref()
            .and_then(|t| PlanWarning::escalation(&o.label, t, horizon))
        {
            warnings.push(w);
        }
        if !due.is_zero() && due <= unused {
            warnings.push(PlanWarning::RemainderLeft {
                label: o.label.clone(),
                owed: due,
                unused,
            });
        }
    }
    let total_paid = at_scale(Money::sum(outcomes.iter().map(|o| o.paid))?, scale)?;
    let still_owed = at_scale(Money::sum(outcomes.iter().map(|o| o.still_owed))?, scale)?;
    flows.push((horizon, still_owed));
    let rounding = plan
        .debts
        .first()
        .map(|d| d.ledger.policy().rounding())
        .unwrap_or_default();
    Ok(PlanResult {
        strategy: PlanStrategy::default(),
        horizon,
        months,
        loans: outcomes,
        total_paid,
        cost: total_paid.checked_add(still_owed)?,
        still_owed,
        npv: crate::cost::present_cost(plan.as_of, &flows, plan.discount_rate, rounding)?,
        damage: tally.damage,
        bucket_months: tally.bucket_months(),
        warnings,
    })
}

/// Each loan's outcome before the plan pays anything: its days past due
/// on the plan's date, or the day before the first payday when that is
/// later (they peak then).
fn starting_outcomes(
    plan: &Plan,
    calendar: &Calendar,
    ledgers: &[Ledger],
    start_dpd: &[u32],
) -> Result<Vec<LoanOutcome>> {
    let mut outcomes: Vec<LoanOutcome> = plan
        .debts
        .iter()
        .zip(start_dpd)
        .map(|(d, dpd)| LoanOutcome {
            label: d.label.clone(),
            paid: Money::ZERO,
            still_owed: Money::ZERO,
            worst_days_past_due: *dpd,
            settled_on: None,
            timeline: None,
        })
        .collect();
    if let Some(eve) = calendar.paydays.first().and_then(|p| p.pred_opt())
        && eve > plan.as_of
    {
        for (ledger, o) in ledgers.iter().zip(outcomes.iter_mut()) {
            o.worst_days_past_due = o.worst_days_past_due.max(ledger.statement(eve)?.days_past_due);
        }
    }
    Ok(outcomes)
}

/// A loan's month: what it was paid on `payday` and its month-end statement
/// `st`, also counted into its outcome `o` (what it owes at the horizon, on
/// the last month).
fn loan_month(
    ledger: &Ledger,
    o: &mut LoanOutcome,
    st: Statement,
    amount: Money,
    payday: NaiveDate,
    at_horizon: bool,
) -> Result<LoanMonth> {
    o.paid = o.paid.checked_add(amount)?;
    o.worst_days_past_due = o.worst_days_past_due.max(st.days_past_due);
    if st.payoff.is_zero() && o.settled_on.is_none() {
        o.settled_on = Some(payday);
    }
    if at_horizon {
        o.still_owed = st.payoff;
    }
    Ok(LoanMonth {
        label: o.label.clone(),
        payment: at_scale(amount, ledger.policy().rounding().scale())?,
        days_past_due: st.days_past_due,
        bucket: st.bucket,
        owed: st.payoff,
    })
}

/// What a statement shows fallen due and unpaid: every component of the
/// installments due on or before its date (penalties and fees included).
fn fallen_due(st: &Statement) -> Result<Money> {
    let due: Vec<Money> = st
        .installments
        .iter()
        .filter(|i| i.due_date <= st.as_of)
        .map(|i| i.outstanding.total())
        .collect::<Result<_>>()?;
    Money::sum(due)
}

/// `amount` written at `scale` places (`2200` as `2200.00`); an amount
/// with more places than that is left as it is.
pub(super) fn at_scale(amount: Money, scale: u32) -> Result<Money> {
    match amount.to_minor("plan amount", scale) {
        Ok(minor) => Money::from_minor(minor, scale),
        Err(_) => Ok(amount),
    }
}

/// The finest minor unit among the plan's loans (2 when it has none).
pub(super) fn finest_scale(plan: &Plan) -> u32 {
    plan.debts
        .iter()
        .map(|d| d.ledger.policy().rounding().scale())
        .max()
        .unwrap_or(2)
}
