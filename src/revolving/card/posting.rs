//! An event posted to a card: a charge checked against the limit, a
//! payment shared among the balances as the rules say, a refund, a
//! returned payment put back where it went.

use chrono::Datelike;

use super::books::{to_cents, Basis, DayRate, Phase, Plan, Target};
use super::clauses::{check_periods, CardRules, InterestMethod, OverLimit, PlanCharge};
use super::event::CardEvent;
use super::replay::{money, whole_cents, Paid, Replay};
use crate::error::{Error, Within};

impl<'a> Replay<'a> {
    pub(super) fn charge_fee(&mut self, fee: i64) {
        self.sums.fees += fee;
        let rest = self.books.use_credit(fee);
        self.books.fees.unbilled += rest;
    }

    /// The phase a new purchase cohort starts in.
    pub(super) fn new_phase(&self) -> Phase {
        let next = self.books.issued + 1;
        match self.terms.interest_method {
            InterestMethod::WholeStatement => Phase::Pending {
                on: next,
                basis: Basis::Actual,
            },
            InterestMethod::UnpaidPartOnly => Phase::Pending {
                on: next,
                basis: Basis::Lots,
            },
            InterestMethod::AverageDailyBalance => match self.decided {
                _ if self.books.issued == 0 => Phase::Free,
                Some((statement, paid)) if statement == self.books.issued => {
                    if paid {
                        Phase::Free
                    } else {
                        Phase::Firm
                    }
                }
                _ => Phase::Pending {
                    on: self.books.issued,
                    basis: Basis::Actual,
                },
            },
        }
    }

    pub(super) fn check_limit(&self, k: usize, amount: i64) -> std::result::Result<(), Within> {
        if self.terms.over_limit == OverLimit::Refused && self.books.owed() - self.books.credit + amount > self.limit {
            return Err(Within::new(
                format!("events[{k}].amount"),
                Error::Invalid {
                    field: "amount",
                    reason: format!(
                        "the charge is over the available limit ({} available) and the contract refuses it",
                        money((self.limit - self.books.owed() + self.books.credit).max(0))?
                    ),
                },
            ));
        }
        Ok(())
    }

    /// Posts event `k` (`amount` its amount in cents).
    pub(super) fn post(&mut self, k: usize, event: &'a CardEvent, amount: i64) -> std::result::Result<(), Within> {
        let at = |leaf: &str| format!("events[{k}]{leaf}");
        let terms = self.terms;
        match event {
            CardEvent::Purchase { id, date, .. } => {
                self.check_limit(k, amount)?;
                self.sums.purchases += amount;
                let rest = self.books.use_credit(amount);
                let phase = self.new_phase();
                let day = i64::from(date.num_days_from_ce());
                let index = self.books.add_purchase(phase, day, amount, rest);
                self.bought.push((id, index, amount));
            }
            CardEvent::CashAdvance { .. } | CardEvent::BalanceTransfer { .. } => {
                let cash = matches!(event, CardEvent::CashAdvance { .. });
                let rule = if cash { terms.cash_fee } else { terms.transfer_fee };
                let fee = whole_cents(rule.on(money(amount)?)?).map_err(|e| Within::new(at(".amount"), e))?;
                self.check_limit(k, amount + fee)?;
                let rest = self.books.use_credit(amount);
                if cash {
                    self.sums.cash += amount;
                    self.books.cash.unbilled += rest;
                } else {
                    self.sums.transfers += amount;
                    self.books.transfer.unbilled += rest;
                }
                self.charge_fee(fee);
            }
            CardEvent::Fee { .. } => {
                self.check_limit(k, amount)?;
                self.charge_fee(amount);
            }
            CardEvent::Payment { id, date, .. } => {
                self.sums.payments += amount;
                let dues = self.reduce_dues(amount);
                let toward_minimum = dues.iter().map(|d| d.1).sum();
                let shares = self.allocate(amount, toward_minimum);
                let _ = date;
                self.paid.push((
                    id,
                    Paid {
                        amount,
                        shares,
                        dues,
                        issued: self.books.issued,
                        returned: None,
                    },
                ));
            }
            CardEvent::Refund { of, .. } => {
                let Some(&(_, index, left)) = self.bought.iter().find(|b| b.0 == of.as_str()) else {
                    return Err(Within::new(
                        at(".of"),
                        Error::Invalid {
                            field: "of",
                            reason: format!("no purchase {of:?} on or before the refund"),
                        },
                    ));
                };
                if amount > left {
                    return Err(Within::new(
                        at(".amount"),
                        Error::RefundTooLarge {
                            amount: money(amount)?.as_decimal(),
                            credit: money(left)?.as_decimal(),
                        },
                    ));
                }
                if let Some(bought) = self.bought.iter_mut().find(|b| b.0 == of.as_str()) {
                    bought.2 = left - amount;
                }
                self.sums.refunds += amount;
                // a credit, not a payment: it does not count toward the minimum
                // (card agreements: payments, not credits, satisfy it), but no
                // more of the minimum is owed than the billed balance left
                let mut rest = amount - self.books.take(Target::Cohort(index), true, amount);
                let others: Vec<u32> = self.books.cohorts.iter().map(|c| c.index).collect();
                for other in others {
                    rest -= self.books.take(Target::Cohort(other), true, rest);
                }
                let order = self.payment_order();
                let rest = rest - self.pay_in_order(rest, &order, &mut Vec::new());
                self.books.credit += rest;
                self.cap_dues();
            }
            CardEvent::InstallmentPlan { periods, charge, .. } => {
                check_periods(*periods).map_err(|e| Within::new(at(".periods"), e))?;
                let billed = self.books.billed_purchases();
                if self.books.issued == 0 || amount > billed {
                    return Err(Within::new(
                        at(".amount"),
                        Error::Invalid {
                            field: "amount",
                            reason: format!("a plan converts billed purchases, and {} are billed", money(billed)?),
                        },
                    ));
                }
                let mut left = amount;
                let billed_cohorts: Vec<u32> = self
                    .books
                    .cohorts
                    .iter()
                    .filter(|c| c.index <= self.books.issued)
                    .map(|c| c.index)
                    .collect();
                for index in billed_cohorts {
                    left -= self.books.take(Target::Cohort(index), true, left);
                }
                let periods_i = i64::from(*periods);
                let (fee, monthly) = match charge {
                    PlanCharge::FeePerPeriod { share } => (to_cents(money(amount)?.as_decimal() * *share)?, None),
                    PlanCharge::Rate { rate } => (0, Some(DayRate::of(*rate).monthly())),
                };
                self.books.plans.push(Plan {
                    left: amount,
                    per_period: amount / periods_i,
                    periods_left: *periods,
                    fee,
                    monthly,
                });
                self.cap_dues();
            }
            CardEvent::Reversal { of, date, .. } => {
                let Some((_, paid)) = self.paid.iter_mut().find(|p| p.0 == of.as_str()) else {
                    return Err(Within::new(at(".of"), Error::UnknownPayment { id: of.clone() }));
                };
                if let Some(first) = paid.returned {
                    return Err(Within::new(
                        at(".of"),
                        Error::AlreadyReversed {
                            id: of.clone(),
                            date: first,
                        },
                    ));
                }
                paid.returned = Some(*date);
                let paid = paid.clone();
                self.sums.returned += paid.amount;
                let moved = paid.issued != self.books.issued;
                for (target, billed, cents) in paid.shares {
                    self.books.restore(target, billed || moved, cents);
                }
                // a credit balance left by other payments pays what is owed again
                let credit = std::mem::take(&mut self.books.credit);
                let order = self.payment_order();
                self.books.credit = credit - self.pay_in_order(credit, &order, &mut Vec::new());
                for (index, cents) in paid.dues {
                    if let Some(due) = self.dues.get_mut(index) {
                        due.left += cents;
                    }
                }
            }
        }
        self.books.tidy();
        Ok(())
    }

    /// No more of the minimum is owed than the billed balance: what a credit
    /// takes off the bill below it is no longer due, the latest due first.
    pub(super) fn cap_dues(&mut self) {
        let owed: i64 = self.dues.iter().map(|d| d.left).sum();
        let mut over = owed - self.books.billed();
        for due in self.dues.iter_mut().rev() {
            if over <= 0 {
                break;
            }
            let took = over.min(due.left);
            due.left -= took;
            over -= took;
        }
    }

    /// A payment counts toward the oldest minimum first.
    pub(super) fn reduce_dues(&mut self, amount: i64) -> Vec<(usize, i64)> {
        let mut left = amount;
        let mut shares = Vec::new();
        for (index, due) in self.dues.iter_mut().enumerate() {
            if left == 0 {
                break;
            }
            let took = left.min(due.left);
            if took > 0 {
                due.left -= took;
                left -= took;
                shares.push((index, took));
            }
        }
        shares
    }

    /// Shares a payment among the balances in the order the rules set.
    pub(super) fn allocate(&mut self, amount: i64, toward_minimum: i64) -> Vec<(Target, bool, i64)> {
        let mut shares = Vec::new();
        let mut left = amount;
        if self.terms.rules == CardRules::Us {
            // up to the minimum: fees, interest, then the lowest rate first (the
            // issuer's choice); above it, the highest rate first (1026.53(a))
            let mut first: Vec<(Target, bool)> = vec![
                (Target::Fees, true),
                (Target::Interest, true),
                (Target::Installments, true),
            ];
            first.extend(self.books.principal_by_rate(true, false).into_iter().map(|t| (t, true)));
            left -= self.pay_in_order(amount.min(toward_minimum), &first, &mut shares);
        }
        let order = self.payment_order();
        left -= self.pay_in_order(left, &order, &mut shares);
        if left > 0 {
            self.books.credit += left;
            shares.push((Target::Credit, false, left));
        }
        shares
    }

    /// The order the rules pay balances in: what the last statement billed
    /// (under US rules the highest rate first, then fees, interest and
    /// installments; otherwise fees, interest, installments, then the highest
    /// rate), then what is not yet billed, fees first and the highest rate
    /// first, and last a plan's principal ahead of its periods.
    pub(super) fn payment_order(&self) -> Vec<(Target, bool)> {
        let billed = self.books.principal_by_rate(true, true).into_iter().map(|t| (t, true));
        let mut order: Vec<(Target, bool)> = Vec::new();
        let due = [
            (Target::Fees, true),
            (Target::Interest, true),
            (Target::Installments, true),
        ];
        if self.terms.rules == CardRules::Us {
            order.extend(billed);
            order.extend(due);
        } else {
            order.extend(due);
            order.extend(billed);
        }
        order.push((Target::Fees, false));
        order.extend(
            self.books
                .principal_by_rate(false, true)
                .into_iter()
                .map(|t| (t, false)),
        );
        // last, a plan repaid ahead of its periods, the oldest first
        order.extend((0..self.books.plans.len()).map(|k| (Target::Plan(k), false)));
        order
    }

    pub(super) fn pay_in_order(
        &mut self,
        amount: i64,
        order: &[(Target, bool)],
        shares: &mut Vec<(Target, bool, i64)>,
    ) -> i64 {
        let mut left = amount;
        for &(target, billed) in order {
            if left == 0 {
                break;
            }
            let took = self.books.take(target, billed, left);
            if took > 0 {
                left -= took;
                shares.push((target, billed, took));
            }
        }
        amount - left
    }
}
