//! A card's balances in cents while it is replayed: the purchase cohorts
//! (one per statement, for the grace period), the other balances billed
//! and not yet billed, interest accruing exactly, and how a payment is
//! shared among them.

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::rate::{Rate, RatePeriod};

/// A rate per day as an exact ratio `num / den`: a daily rate is itself, an
/// annual one / 365, a monthly one × 12 / 365.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct DayRate {
    num: Decimal,
    den: u32,
    /// The rate per day to 28 digits, to order rates by.
    key: Decimal,
}

impl DayRate {
    pub(super) const ZERO: DayRate = DayRate {
        num: Decimal::ZERO,
        den: 1,
        key: Decimal::ZERO,
    };

    pub(super) fn of(rate: Rate) -> DayRate {
        let (num, den) = match rate.period() {
            RatePeriod::Daily => (rate.value(), 1),
            RatePeriod::Monthly => (rate.value() * Decimal::from(12), 365),
            _ => (rate.value(), 365),
        };
        DayRate {
            num,
            den,
            key: num / Decimal::from(den),
        }
    }

    /// The rate per month of 365/12 days (Appendix M2's periodic rate).
    pub(super) fn monthly(self) -> Decimal {
        let per_year = match self.den {
            1 => self.num * Decimal::from(365),
            _ => self.num,
        };
        per_year / Decimal::from(12)
    }

    /// Interest on `cent_days` (cents × days) at this rate, in currency units.
    fn on(self, cent_days: i128) -> Result<Decimal> {
        let overflow = Error::Overflow {
            operation: "card interest",
        };
        let amount = Decimal::try_from_i128_with_scale(cent_days, 2).map_err(|_| overflow.clone())?;
        let scaled = amount.checked_mul(self.num).ok_or(overflow.clone())?;
        scaled.checked_div(Decimal::from(self.den.max(1))).ok_or(overflow)
    }

    pub(super) fn sort_key(self) -> Decimal {
        self.key
    }
}

/// Interest accruing on a balance: cents × days at one rate, turned into
/// an exact amount when the rate changes or the interest is billed.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Accrual {
    cent_days: i128,
    rate: DayRate,
    exact: Decimal,
}

impl Accrual {
    pub(super) fn new(rate: DayRate) -> Accrual {
        Accrual {
            cent_days: 0,
            rate,
            exact: Decimal::ZERO,
        }
    }

    pub(super) fn add(&mut self, cents: i64, days: i64) {
        self.cent_days += i128::from(cents) * i128::from(days);
    }

    pub(super) fn set_rate(&mut self, rate: DayRate) -> Result<()> {
        if rate != self.rate {
            self.flush()?;
            self.rate = rate;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.cent_days != 0 {
            let interest = self.rate.on(self.cent_days)?;
            self.exact = self.exact.checked_add(interest).ok_or(Error::Overflow {
                operation: "card interest",
            })?;
            self.cent_days = 0;
        }
        Ok(())
    }

    /// The exact interest so far; the accrual starts again from nothing.
    pub(super) fn take(&mut self) -> Result<Decimal> {
        self.flush()?;
        Ok(std::mem::take(&mut self.exact))
    }

    /// The exact interest so far, left in place.
    pub(super) fn peek(&self) -> Result<Decimal> {
        let mut copy = *self;
        copy.take()
    }

    /// Adds exact interest resolved elsewhere (a pending accrual made firm).
    pub(super) fn add_exact(&mut self, amount: Decimal) -> Result<()> {
        self.exact = self.exact.checked_add(amount).ok_or(Error::Overflow {
            operation: "card interest",
        })?;
        Ok(())
    }
}

/// Rounds an exact amount half up to whole cents.
pub(super) fn to_cents(amount: Decimal) -> Result<i64> {
    let rounded = amount.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let cents = rounded.mantissa() * 10i128.pow(2 - rounded.scale().min(2));
    i64::try_from(cents).map_err(|_| Error::Overflow {
        operation: "card interest",
    })
}

/// How a purchase cohort bears interest now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phase {
    /// Interest-free (the grace period applies).
    Free,
    /// Interest accrues and is owed.
    Firm,
    /// Interest accrues into the cohort's pending accrual, owed only if
    /// statement `on` is not paid in full by its due date.
    Pending { on: u32, basis: Basis },
}

/// What a pending accrual is worked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Basis {
    /// Each day's balance (全额计息, and US purchases before the grace is decided).
    Actual,
    /// The part left unpaid at the due date, over the days since the statement
    /// (US, 1026.54(a)(1)(ii)): `pending` accrues on one cent.
    Remaining,
    /// The part left unpaid at the due date, from each purchase's own date
    /// (余额计息): worked from the cohort's lots.
    Lots,
}

/// The purchases of one statement.
#[derive(Debug, Clone)]
pub(super) struct Cohort {
    /// The statement they are (or will be) billed on, from 1.
    pub(super) index: u32,
    pub(super) balance: i64,
    pub(super) phase: Phase,
    pub(super) pending: Accrual,
    /// Each purchase's day number and amount (for [`Basis::Lots`]).
    pub(super) lots: Vec<(i64, i64)>,
    /// What was charged to it in all.
    pub(super) charged: i64,
}

/// A balance that is billed or not yet billed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Pot {
    pub(super) billed: i64,
    pub(super) unbilled: i64,
}

impl Pot {
    pub(super) fn total(self) -> i64 {
        self.billed + self.unbilled
    }

    pub(super) fn bill(&mut self) {
        self.billed += std::mem::take(&mut self.unbilled);
    }
}

/// Where part of a payment went, to put it back if the payment is returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Cohort(u32),
    Cash,
    Transfer,
    Interest,
    Fees,
    /// Installment principal billed and not repaid.
    Installments,
    /// The principal of plan `k` not yet billed (repaid ahead).
    Plan(usize),
    Credit,
}

/// A card installment plan (账单分期) while it runs.
#[derive(Debug, Clone, Copy)]
pub(super) struct Plan {
    /// The principal not yet billed.
    pub(super) left: i64,
    /// The principal billed each period (the last takes what is left).
    pub(super) per_period: i64,
    pub(super) periods_left: u32,
    /// The fee each period, or the monthly rate on what is left.
    pub(super) fee: i64,
    pub(super) monthly: Option<Decimal>,
}

/// The kinds of principal, by their index in the rate arrays.
pub(super) const PURCHASE: usize = 0;
pub(super) const CASH: usize = 1;
pub(super) const TRANSFER: usize = 2;

/// The card's balances in cents.
#[derive(Debug, Clone, Default)]
pub(super) struct Books {
    /// Purchase cohorts, oldest first.
    pub(super) cohorts: Vec<Cohort>,
    pub(super) cash: Pot,
    pub(super) transfer: Pot,
    /// Interest billed and not repaid (interest is only ever billed).
    pub(super) interest: i64,
    pub(super) fees: Pot,
    /// Firm interest accrued and not yet billed, by kind.
    pub(super) firm: [Accrual; 3],
    pub(super) rates: [DayRate; 3],
    /// An overpayment, used against the next charges.
    pub(super) credit: i64,
    /// Installment plans, in the order agreed.
    pub(super) plans: Vec<Plan>,
    /// Installment principal billed and not repaid.
    pub(super) installments: i64,
    /// The statements issued so far.
    pub(super) issued: u32,
}

impl Books {
    pub(super) fn purchases(&self) -> i64 {
        self.cohorts.iter().map(|c| c.balance).sum()
    }

    pub(super) fn billed_purchases(&self) -> i64 {
        self.cohorts
            .iter()
            .filter(|c| c.index <= self.issued)
            .map(|c| c.balance)
            .sum()
    }

    /// Everything owed, billed or not.
    pub(super) fn owed(&self) -> i64 {
        self.purchases()
            + self.cash.total()
            + self.transfer.total()
            + self.interest
            + self.fees.total()
            + self.installments
            + self.plans_left()
    }

    /// The plans' principal not yet billed.
    pub(super) fn plans_left(&self) -> i64 {
        self.plans.iter().map(|p| p.left).sum()
    }

    /// What the last statement billed and is still owed.
    pub(super) fn billed(&self) -> i64 {
        self.billed_purchases()
            + self.cash.billed
            + self.transfer.billed
            + self.interest
            + self.fees.billed
            + self.installments
    }

    /// A purchase of `amount` on day number `day`, `rest` of it owed after the
    /// credit balance, in the cohort of the statement not yet issued (made in
    /// `phase` if it is the first); returns the cohort's index.
    pub(super) fn add_purchase(&mut self, phase: Phase, day: i64, amount: i64, rest: i64) -> u32 {
        let index = self.issued + 1;
        match self.cohorts.last_mut() {
            Some(cohort) if cohort.index == index => {
                cohort.balance += rest;
                cohort.charged += amount;
                cohort.lots.push((day, rest));
            }
            _ => self.cohorts.push(Cohort {
                index,
                balance: rest,
                phase,
                pending: Accrual::new(self.rates[PURCHASE]),
                lots: vec![(day, rest)],
                charged: amount,
            }),
        }
        index
    }

    /// Takes what it can of `cents` from the credit balance; returns the rest.
    pub(super) fn use_credit(&mut self, cents: i64) -> i64 {
        let used = cents.min(self.credit);
        self.credit -= used;
        cents - used
    }

    /// Interest accrues on every balance for `days` days at today's balances.
    pub(super) fn accrue(&mut self, days: i64) {
        if days <= 0 {
            return;
        }
        for cohort in &mut self.cohorts {
            match cohort.phase {
                Phase::Free => {}
                Phase::Firm => self.firm[PURCHASE].add(cohort.balance, days),
                Phase::Pending {
                    basis: Basis::Actual, ..
                } => cohort.pending.add(cohort.balance, days),
                Phase::Pending {
                    basis: Basis::Remaining,
                    ..
                } => cohort.pending.add(1, days),
                Phase::Pending { basis: Basis::Lots, .. } => {}
            }
        }
        self.firm[CASH].add(self.cash.total(), days);
        self.firm[TRANSFER].add(self.transfer.total(), days);
    }

    /// Sets the rates interest accrues at from today.
    pub(super) fn set_rates(&mut self, rates: [DayRate; 3]) -> Result<()> {
        for (accrual, rate) in self.firm.iter_mut().zip(rates) {
            accrual.set_rate(rate)?;
        }
        for cohort in &mut self.cohorts {
            cohort.pending.set_rate(rates[PURCHASE])?;
        }
        self.rates = rates;
        Ok(())
    }

    /// Drops repaid cohorts that nothing waits on.
    pub(super) fn tidy(&mut self) {
        let issued = self.issued;
        self.cohorts
            .retain(|c| c.balance != 0 || c.index > issued || matches!(c.phase, Phase::Pending { .. }));
    }

    /// Takes up to `cents` from one target; returns what it took.
    pub(super) fn take(&mut self, target: Target, billed: bool, cents: i64) -> i64 {
        let slot = match target {
            Target::Cohort(index) => match self.cohorts.iter_mut().find(|c| c.index == index) {
                Some(c) => &mut c.balance,
                None => return 0,
            },
            Target::Cash if billed => &mut self.cash.billed,
            Target::Cash => &mut self.cash.unbilled,
            Target::Transfer if billed => &mut self.transfer.billed,
            Target::Transfer => &mut self.transfer.unbilled,
            Target::Interest => &mut self.interest,
            Target::Fees if billed => &mut self.fees.billed,
            Target::Fees => &mut self.fees.unbilled,
            Target::Installments => &mut self.installments,
            Target::Plan(k) => match self.plans.get_mut(k) {
                Some(plan) => &mut plan.left,
                None => return 0,
            },
            Target::Credit => return 0,
        };
        let took = cents.min(*slot).max(0);
        *slot -= took;
        took
    }

    /// Puts `cents` back on a target a returned payment had paid: as billed
    /// once a statement has passed.
    pub(super) fn restore(&mut self, target: Target, billed: bool, cents: i64) {
        match target {
            Target::Cohort(index) => match self.cohorts.iter_mut().find(|c| c.index == index) {
                Some(c) => c.balance += cents,
                None => {
                    let at = self.cohorts.partition_point(|c| c.index < index);
                    self.cohorts.insert(
                        at,
                        Cohort {
                            index,
                            balance: cents,
                            phase: Phase::Firm,
                            pending: Accrual::new(self.rates[PURCHASE]),
                            lots: Vec::new(),
                            charged: 0,
                        },
                    );
                }
            },
            Target::Cash if billed => self.cash.billed += cents,
            Target::Cash => self.cash.unbilled += cents,
            Target::Transfer if billed => self.transfer.billed += cents,
            Target::Transfer => self.transfer.unbilled += cents,
            Target::Interest => self.interest += cents,
            Target::Fees if billed => self.fees.billed += cents,
            Target::Fees => self.fees.unbilled += cents,
            Target::Installments => self.installments += cents,
            Target::Plan(k) => match self.plans.get_mut(k) {
                Some(plan) => plan.left += cents,
                None => self.installments += cents,
            },
            Target::Credit => {
                // the credit it left may have been used since: what is gone is owed as fees
                let back = cents.min(self.credit);
                self.credit -= back;
                self.fees.billed += cents - back;
            }
        }
    }

    /// The principal targets of one billing state in the order of their
    /// rates, highest first (ties: cash, purchases, transfers).
    pub(super) fn principal_by_rate(&self, billed: bool, highest_first: bool) -> Vec<Target> {
        // (rate, tie order, kind)
        let mut kinds = [
            (self.rates[CASH].sort_key(), 0, CASH),
            (self.rates[PURCHASE].sort_key(), 1, PURCHASE),
            (self.rates[TRANSFER].sort_key(), 2, TRANSFER),
        ];
        if highest_first {
            kinds.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        } else {
            kinds.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        }
        let mut targets = Vec::new();
        for (_, _, kind) in kinds {
            match kind {
                CASH => targets.push(Target::Cash),
                TRANSFER => targets.push(Target::Transfer),
                _ => targets.extend(
                    self.cohorts
                        .iter()
                        .filter(|c| (c.index <= self.issued) == billed)
                        .map(|c| Target::Cohort(c.index)),
                ),
            }
        }
        targets
    }
}
