//! A card's due dates and statement dates: the grace period decided, the
//! late fee charged, interest billed, the minimum payment set, and the card
//! read on a date.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::books::{to_cents, Accrual, Basis, DayRate, Phase, Target, CASH, PURCHASE, TRANSFER};
use super::clauses::{CardRules, InterestMethod};
use super::replay::{add_days, cents_of, money, Awaiting, Due, Penalty, Replay, Sums};
use super::statement::{CardBalances, CardCycle, CardInterest, CardStatement, CardStatus, Grace, RateInForce};
use super::warning::{warning, RatedBalance};
use crate::error::{Error, Result, Within};
use crate::limits::{UsLateFeeSafeHarbor, Violation};

impl Replay<'_> {
    /// Statement `on` decided: pending interest is dropped if it was paid in
    /// full, owed otherwise.
    pub(super) fn resolve(&mut self, on: u32, paid: bool, due_day: NaiveDate) -> Result<()> {
        let due_day = i64::from(due_day.num_days_from_ce());
        let issued = self.books.issued;
        let rate = self.books.rates[PURCHASE];
        let mut firm = Decimal::ZERO;
        for cohort in &mut self.books.cohorts {
            let Phase::Pending { on: statement, basis } = cohort.phase else {
                continue;
            };
            if statement != on {
                continue;
            }
            let mut pending = std::mem::replace(&mut cohort.pending, Accrual::new(rate));
            if paid {
                cohort.phase = if cohort.index <= issued {
                    Phase::Firm
                } else {
                    Phase::Free
                };
                continue;
            }
            cohort.phase = Phase::Firm;
            firm += match basis {
                Basis::Actual => pending.take()?,
                Basis::Remaining => pending.take()? * Decimal::from(cohort.balance),
                Basis::Lots => lots_interest(cohort.lots.as_slice(), cohort.balance, due_day, rate)?,
            };
        }
        self.books.firm[PURCHASE].add_exact(firm)?;
        self.books.tidy();
        Ok(())
    }

    pub(super) fn end_of_day(&mut self, day: NaiveDate) -> std::result::Result<(), Within> {
        if let Some(awaiting) = self.awaiting.filter(|a| a.due == day) {
            self.decide(awaiting, day)?;
            self.awaiting = None;
        }
        if day == self.next_statement {
            self.close(day)?;
            self.next_statement = self.statement_date(self.books.issued + 1)?;
        }
        Ok(())
    }

    /// The due date of a statement: the grace period, the late fee and the
    /// penalty rate's cure.
    pub(super) fn decide(&mut self, awaiting: Awaiting, day: NaiveDate) -> Result<()> {
        let paid = self.books.billed() == 0;
        if !self.charged_off {
            self.resolve(awaiting.statement, paid, day)?;
        }
        self.decided = Some((awaiting.statement, paid));
        // an installment left unpaid is owed as a purchase of its statement from now on
        let unpaid = std::mem::take(&mut self.books.installments);
        if unpaid > 0 {
            self.books.restore(Target::Cohort(awaiting.statement), true, unpaid);
        }
        if let Some(cycle) = self.cycles.get_mut(awaiting.statement as usize - 1) {
            cycle.grace = if paid { Grace::Applied } else { Grace::Lost };
        }
        let short: i64 = self.dues.iter().filter(|d| d.date <= day).map(|d| d.left).sum();
        let terms = self.terms;
        if !self.charged_off && short > self.tolerance + awaiting.late_fees_in_it {
            let mut fee = cents_of("terms.late_fee", terms.late_fee.charge(money(short)?)?).map_err(Error::from)?;
            if terms.rules == CardRules::Us {
                let repeat = self
                    .last_violation
                    .is_some_and(|last| awaiting.statement.saturating_sub(last) <= 6);
                let violation = if repeat {
                    Violation::RepeatWithinSixCycles
                } else {
                    Violation::First
                };
                let harbor =
                    UsLateFeeSafeHarbor::default().max_fee(add_days(day, 1)?, violation, money(awaiting.minimum)?)?;
                fee = fee.min(cents_of("late fee", harbor).map_err(Error::from)?);
            }
            if fee > 0 {
                self.sums.late_fees += fee;
                self.charge_fee(fee);
                self.last_violation = Some(awaiting.statement);
            }
        }
        if let (Penalty::On { on_time }, true) = (self.penalty, awaiting.minimum > 0) {
            let count = if short <= self.tolerance { on_time + 1 } else { 0 };
            self.penalty = Penalty::On { on_time: count };
            if count >= 6 {
                self.penalty = Penalty::Off;
                self.rate_change = Some(add_days(day, 1)?);
            }
        }
        Ok(())
    }

    /// Each running plan bills one period: its principal, due in full, and its charge.
    fn bill_plans(&mut self) -> Result<()> {
        let mut fees = 0;
        let mut principal = 0;
        for plan in &mut self.books.plans {
            if plan.periods_left == 0 || plan.left == 0 {
                continue;
            }
            let fee = match plan.monthly {
                Some(rate) => to_cents(money(plan.left)?.as_decimal() * rate)?,
                None => plan.fee,
            };
            let part = if plan.periods_left == 1 {
                plan.left
            } else {
                plan.per_period.min(plan.left)
            };
            plan.left -= part;
            plan.periods_left -= 1;
            fees += fee;
            principal += part;
        }
        self.sums.installments += principal;
        let rest = self.books.use_credit(principal);
        self.books.installments += rest;
        if fees > 0 {
            self.charge_fee(fees);
        }
        Ok(())
    }

    /// The statement date: interest billed, the minimum set, a new cycle opened.
    pub(super) fn close(&mut self, day: NaiveDate) -> Result<()> {
        let terms = self.terms;
        let mut interest = [0i64; 3];
        for (charged, accrual) in interest.iter_mut().zip(self.books.firm.iter_mut()) {
            *charged = to_cents(accrual.take()?)?;
        }
        for charged in interest {
            let rest = self.books.use_credit(charged);
            self.books.interest += rest;
        }
        if !self.charged_off {
            self.bill_plans()?;
        }
        self.books.fees.bill();
        self.books.cash.bill();
        self.books.transfer.bill();
        self.books.issued += 1;
        let statement = self.books.issued;
        let rate = self.books.rates[PURCHASE];
        if terms.interest_method == InterestMethod::AverageDailyBalance {
            for cohort in &mut self.books.cohorts {
                if cohort.index == statement && cohort.phase == Phase::Free {
                    cohort.phase = Phase::Pending {
                        on: statement,
                        basis: Basis::Remaining,
                    };
                    cohort.pending = Accrual::new(rate);
                }
            }
        }
        self.books.tidy();
        let owed = self.books.owed();
        let principal = self.books.purchases() + self.books.cash.total() + self.books.transfer.total();
        let over = (owed - self.limit).max(0);
        let past_due: i64 = self.dues.iter().map(|d| d.left).sum();
        let charged = interest.iter().sum::<i64>() + self.sums.fees;
        // a plan's principal not yet billed is owed, but not on this statement
        let billed = self.books.billed();
        let minimum = if self.charged_off {
            billed
        } else {
            let within = principal - over.min(principal);
            let share = to_cents(money(within)?.as_decimal() * terms.minimum.share())?;
            let floor = cents_of("terms.minimum.floor", terms.minimum.floor()).map_err(Error::from)?;
            // an installment is due in full (银保监规〔2022〕13号: no minimum on 分期)
            ((share + charged + over + self.sums.installments).max(floor) + past_due).min(billed)
        };
        let due_date = self.due_date(day)?;
        if terms.rules == CardRules::Us && (due_date - day).num_days() < 21 {
            return Err(Error::Invalid {
                field: "due",
                reason: format!(
                    "US rules give at least 21 days from the statement to the due date (12 CFR 1026.5(b)(2)(ii)), got {} after {day}",
                    due_date
                ),
            });
        }
        let mut new_part = minimum - past_due;
        if new_part < 0 {
            let mut trim = -new_part;
            for due in self.dues.iter_mut().rev() {
                let took = trim.min(due.left);
                due.left -= took;
                trim -= took;
            }
            new_part = 0;
        }
        if new_part > 0 {
            self.dues.push(Due {
                date: due_date,
                left: new_part,
            });
        }
        self.awaiting = Some(Awaiting {
            statement,
            due: due_date,
            minimum,
            late_fees_in_it: self.sums.late_fees,
        });
        let warning = if terms.rules == CardRules::Us && !self.charged_off {
            warning(&self.rated_balances(day)?, terms.minimum)?
        } else {
            None
        };
        let closing = owed - self.books.credit;
        let cycle = CardCycle {
            period_start: self.period_start,
            statement_date: day,
            due_date,
            opening_balance: money(self.opening)?,
            purchases: money(self.sums.purchases)?,
            cash_advances: money(self.sums.cash)?,
            transfers: money(self.sums.transfers)?,
            payments: money(self.sums.payments)?,
            refunds: money(self.sums.refunds)?,
            returned_payments: money(self.sums.returned)?,
            fees: money(self.sums.fees)?,
            installments: money(self.sums.installments)?,
            interest: CardInterest {
                purchase: money(interest[PURCHASE])?,
                cash: money(interest[CASH])?,
                transfer: money(interest[TRANSFER])?,
            },
            closing_balance: money(closing)?,
            credit_balance: money(self.books.credit)?,
            balances: self.balances()?,
            minimum_payment: money(minimum)?,
            past_due: money(past_due.min(minimum))?,
            grace: if owed == 0 { Grace::Applied } else { Grace::Open },
            days_past_due: self.days_past_due(day),
            over_limit: money(over)?,
            warning,
        };
        self.cycles.push(cycle);
        self.sums = Sums::default();
        self.opening = closing;
        self.period_start = add_days(day, 1)?;
        Ok(())
    }

    /// The statement's balances at their monthly rates, for the warning.
    pub(super) fn rated_balances(&self, day: NaiveDate) -> Result<Vec<RatedBalance>> {
        let terms = self.terms;
        let monthly = |rate: DayRate| rate.monthly();
        let purchase = monthly(self.books.rates[PURCHASE]);
        let promo_months = match terms.promotion() {
            Some(p) if p.until() > day => {
                let months = (p.until().year() - day.year()) * 12 + p.until().month() as i32 - day.month() as i32;
                u32::try_from(months.max(0)).unwrap_or(0)
            }
            _ => 0,
        };
        let transfer_rate = monthly(self.books.rates[TRANSFER]);
        Ok(vec![
            RatedBalance {
                cents: self.books.purchases(),
                monthly: purchase,
                promo_months: 0,
                after: purchase,
            },
            RatedBalance {
                cents: self.books.cash.total(),
                monthly: monthly(self.books.rates[CASH]),
                promo_months: 0,
                after: monthly(self.books.rates[CASH]),
            },
            RatedBalance {
                cents: self.books.transfer.total(),
                monthly: transfer_rate,
                promo_months,
                after: if promo_months > 0 {
                    monthly(DayRate::of(terms.purchase_rate()))
                } else {
                    transfer_rate
                },
            },
            RatedBalance {
                cents: self.books.interest
                    + self.books.fees.total()
                    + self.books.installments
                    + self.books.plans_left(),
                monthly: Decimal::ZERO,
                promo_months: 0,
                after: Decimal::ZERO,
            },
        ])
    }

    pub(super) fn balances(&self) -> Result<CardBalances> {
        Ok(CardBalances {
            purchase: money(self.books.purchases())?,
            cash: money(self.books.cash.total())?,
            transfer: money(self.books.transfer.total())?,
            interest: money(self.books.interest)?,
            fees: money(self.books.fees.total())?,
            installments: money(self.books.installments + self.books.plans_left())?,
        })
    }

    pub(super) fn finish(self, as_of: NaiveDate) -> Result<CardStatement> {
        let terms = self.terms;
        let mut accrued = Decimal::ZERO;
        for accrual in &self.books.firm {
            accrued += accrual.peek()?;
        }
        let accrued = to_cents(accrued)?;
        let owed = self.books.owed();
        let late = self.days_past_due(as_of);
        let buckets = terms.buckets();
        let status = if self.charged_off {
            CardStatus::ChargedOff
        } else if late > 0 {
            CardStatus::PastDue
        } else {
            CardStatus::Current
        };
        Ok(CardStatement {
            as_of,
            limit: terms.limit(),
            available: money((self.limit - owed).max(0))?,
            balances: self.balances()?,
            accrued_interest: money(accrued)?,
            payoff: money((owed + accrued - self.books.credit).max(0))?,
            credit_balance: money(self.books.credit)?,
            convertible: money(if self.books.issued == 0 {
                0
            } else {
                self.books.billed_purchases()
            })?,
            minimum_due: money(self.dues.iter().map(|d| d.left).sum())?,
            past_due: money(self.dues.iter().filter(|d| d.date < as_of).map(|d| d.left).sum())?,
            next_due_date: self.awaiting.map(|a| a.due),
            days_past_due: late,
            bucket: buckets.bucket(late).label().to_owned(),
            status,
            over_limit: money((owed - self.limit).max(0))?,
            rate_in_force: if matches!(self.penalty, Penalty::On { .. }) || self.rate_change.is_some() {
                RateInForce::Penalty
            } else {
                RateInForce::Contract
            },
            cycles: self.cycles,
        })
    }
}

/// 余额计息: interest from each purchase's own day to the day before the due
/// date on the part not repaid, the repaid part taken from the oldest first.
fn lots_interest(lots: &[(i64, i64)], unpaid: i64, due_day: i64, rate: DayRate) -> Result<Decimal> {
    let total: i64 = lots.iter().map(|l| l.1).sum();
    let mut repaid = (total - unpaid).max(0);
    let mut accrual = Accrual::new(rate);
    for &(day, amount) in lots {
        let paid = repaid.min(amount);
        repaid -= paid;
        accrual.add(amount - paid, (due_day - day).max(0));
    }
    accrual.take()
}
