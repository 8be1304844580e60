//! Take the promotion: meet a promotion offered on the loan with the least
//! it asks, then pay what is left on the day it is met.

use chrono::NaiveDate;

use super::owed::Today;
use super::path::{Context, Path, Payments};
use crate::accrual::{Event, Ledger, Payment, Promotion, PromotionCondition, PromotionState, Statement};
use crate::error::{Error, Result};
use crate::money::Money;

impl Context<'_> {
    /// The promotion called `label`, met with the least it asks from the
    /// comparison date, then the payoff that day.
    ///
    /// - Pay at least an amount: what is still missing from it, today.
    /// - Pay what is overdue: the least payment today that leaves nothing
    ///   past due (found by replaying the loan), and never less than the
    ///   principal and interest overdue.
    /// - Installments on time: today, what has fallen due; then, on each
    ///   installment's due date, what is owed through it.
    pub(super) fn promotion_path(&self, label: &str, today: &Today) -> Result<Path> {
        let (loan, today) = self.owed.loan(today, "taking a promotion")?;
        let promotion = self.promotion(loan, label, today)?;
        let mut ledger = loan.clone();
        let mut payments: Payments = Vec::new();
        let mut highest = today.days_past_due;
        match promotion.condition() {
            PromotionCondition::PayAtLeast { amount, .. } => {
                let counted = self.paid_since(loan, promotion.offered())?;
                let missing = amount.saturating_sub(counted);
                pay(&mut ledger, &mut payments, self.as_of, missing)?;
            }
            PromotionCondition::PayOverdue { .. } => {
                // never short of the principal and interest overdue, even where the policy's
                // tolerance would let a payment that much short meet it
                let scale = ledger.policy().rounding().scale();
                let least = ledger
                    .tape(self.as_of)?
                    .least_meeting(label, "promotion probe", self.as_of, today.payoff, scale)?
                    .unwrap_or(today.payoff);
                let overdue = contractual_before(today, self.as_of)?.min(today.payoff);
                pay(&mut ledger, &mut payments, self.as_of, least.max(overdue))?;
            }
            PromotionCondition::OnTime { .. } => {
                pay(&mut ledger, &mut payments, self.as_of, owed_before(today, self.as_of)?)?;
                let dues: Vec<NaiveDate> = today
                    .installments
                    .iter()
                    .map(|i| i.due_date)
                    .filter(|d| *d >= self.as_of.max(promotion.offered()))
                    .collect();
                for due in dues {
                    if met_on(&ledger, label, due)?.is_some() {
                        break;
                    }
                    let st = ledger.statement(due)?;
                    highest = highest.max(st.days_past_due);
                    pay(&mut ledger, &mut payments, due, owed_through(&st, due)?)?;
                }
            }
        }
        let last = payments.last().map_or(self.as_of, |p| p.0);
        let Some(met) = met_on(&ledger, label, last)? else {
            return Err(Error::Invalid {
                field: "promotion",
                reason: format!("{label:?} cannot be met from {}", self.as_of),
            });
        };
        let rest = ledger.statement(met)?.payoff;
        payments.push((met, rest));
        Ok(self.on_this_debt(payments, highest, met))
    }

    /// The promotion called `label`, open on the comparison date.
    fn promotion(&self, loan: &Ledger, label: &str, today: &Statement) -> Result<Promotion> {
        let open = today
            .promotions
            .iter()
            .any(|p| p.label == label && p.state == PromotionState::Open);
        let found = loan.events().iter().find_map(|e| match e {
            Event::Promotion(p) if p.label() == label => Some(p.clone()),
            _ => None,
        });
        match found {
            Some(p) if open => Ok(p),
            Some(_) => Err(Error::Invalid {
                field: "promotion",
                reason: format!("{label:?} is not open on {}: it was met or has lapsed", self.as_of),
            }),
            None => Err(Error::Invalid {
                field: "promotion",
                reason: format!("the loan has no promotion called {label:?}"),
            }),
        }
    }

    /// The payments standing on the comparison date made on or after `from`.
    fn paid_since(&self, loan: &Ledger, from: NaiveDate) -> Result<Money> {
        let as_of = self.as_of;
        Money::sum(loan.events().iter().filter_map(|e| match e {
            Event::Payment(p) if p.date() >= from && p.date() <= as_of && !loan.reversed_by(p.id(), as_of) => {
                Some(p.amount())
            }
            _ => None,
        }))
    }
}

/// The open promotions of `today`'s statement, by label.
pub(super) fn open_promotions(today: &Statement) -> Vec<String> {
    today
        .promotions
        .iter()
        .filter(|p| p.state == PromotionState::Open)
        .map(|p| p.label.clone())
        .collect()
}

/// Pays `amount` on `day` (nothing for zero), on the ledger and in the path.
fn pay(ledger: &mut Ledger, payments: &mut Payments, day: NaiveDate, amount: Money) -> Result<()> {
    if amount.is_zero() {
        return Ok(());
    }
    ledger.pay(Payment::new(format!("promotion path {}", payments.len()), day, amount)?)?;
    payments.push((day, amount));
    Ok(())
}

/// The day the promotion `label` was met, read on `day`.
fn met_on(ledger: &Ledger, label: &str, day: NaiveDate) -> Result<Option<NaiveDate>> {
    Ok(ledger
        .statement(day)?
        .promotions
        .iter()
        .find(|p| p.label == label)
        .and_then(|p| p.met_on))
}

/// The principal and interest owed on installments due before `day`.
fn contractual_before(st: &Statement, day: NaiveDate) -> Result<Money> {
    let mut owed = Money::ZERO;
    for i in st.installments.iter().filter(|i| i.due_date < day) {
        owed = owed
            .checked_add(i.outstanding.principal)?
            .checked_add(i.outstanding.interest)?;
    }
    Ok(owed)
}

/// What is owed on installments due before `day`.
fn owed_before(st: &Statement, day: NaiveDate) -> Result<Money> {
    Money::sum(
        st.installments
            .iter()
            .filter(|i| i.due_date < day)
            .map(|i| i.outstanding.total())
            .collect::<Result<Vec<_>>>()?,
    )
}

/// What is owed on installments due on or before `day`.
fn owed_through(st: &Statement, day: NaiveDate) -> Result<Money> {
    Money::sum(
        st.installments
            .iter()
            .filter(|i| i.due_date <= day)
            .map(|i| i.outstanding.total())
            .collect::<Result<Vec<_>>>()?,
    )
}
