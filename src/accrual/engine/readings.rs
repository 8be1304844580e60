//! Reading a replay without a statement: closing it on a date, its standing,
//! payoff and dues, and the copies a search reads from.

use chrono::NaiveDate;

use super::{cadd, date, day, Book, Part};
use crate::accrual::policy::Buckets;
use crate::accrual::statement::{LoanStatus, Statement};
use crate::component::Component;
use crate::components::PerComponent;
use crate::error::Result;
use crate::money::Money;

impl<'t> Book<'t> {
    /// Finishes the replay at `as_of` and builds the statement.
    /// Brings the book to the start of `as_of` as a statement sees it: its
    /// days past due.
    pub(super) fn close(&mut self, as_of: i32) -> Result<i32> {
        self.advance(as_of)?;
        self.settle(as_of)?;
        // daily interest accrued after maturity is owed now
        if self.t.daily.is_some() && self.next_due >= self.inst.len() {
            self.post_accrued(self.running_row())?;
        }
        let oldest = self.oldest_late(as_of);
        let dpd = oldest.map_or(0, |k| as_of - self.due(k));
        if let (None, Some(limit), Some(k)) = (self.charged_off, self.t.charge_off, oldest)
            && dpd >= limit
        {
            self.charged_off = Some(self.due(k).saturating_add(limit));
        }
        Ok(dpd)
    }

    /// What a timeline reads on `as_of`, closing the book there: the days
    /// past due and each installment's fees, charged and still to run, as a
    /// statement of that day gives them.
    pub(crate) fn fee_reading(mut self, as_of_date: NaiveDate) -> Result<FeeReading> {
        let as_of = day(as_of_date);
        let dpd = self.close(as_of)?;
        let owes_principal = self.owes_principal();
        let scale = self.t.scale;
        let fees = (0..self.inst.len())
            .map(|k| {
                let split = self.split(k, as_of, owes_principal);
                Money::from_minor(
                    cadd(split.charged[Component::Fees], split.upcoming[Component::Fees])?,
                    scale,
                )
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(FeeReading {
            days_past_due: u32::try_from(dpd).unwrap_or(0),
            fees,
        })
    }

    /// The standing a statement of `as_of` would give (its days past due,
    /// whether the loan was charged off, whether it is paid off), read
    /// without closing the book: it is brought only to its last natural stop
    /// on or before `as_of` ([`Book::pass`]), a point every replay passes
    /// through, so the events after it replay exactly as they would without
    /// this look. Under daily
    /// interest (whose close posts what accrued after maturity) a copy is
    /// closed instead.
    pub(crate) fn peek(&mut self, as_of_date: NaiveDate, buckets: &Buckets) -> Result<Standing> {
        if self.t.daily.is_some() {
            return Ok(Standing::of(&self.clone().statement(as_of_date, buckets)?));
        }
        self.pass(as_of_date)?;
        let as_of = day(as_of_date);
        let oldest = self.oldest_late(as_of);
        let dpd = oldest.map_or(0, |k| as_of - self.due(k));
        let reaches_limit = oldest.is_some() && self.t.charge_off.is_some_and(|limit| dpd >= limit);
        Ok(Standing {
            days_past_due: u32::try_from(dpd).unwrap_or(0),
            charged_off: self.charged_off.is_some() || reaches_limit,
            paid_off: self.inst.iter().all(|i| i.out == PerComponent::ZERO),
        })
    }

    /// Brings the book to the last day on or before `as_of` where every
    /// replay stops anyway: a due date, or a fee day where fee days split the
    /// accrual ([`Book::advance`]'s own stops). The events and closes after it
    /// come out exactly as without it, and a copy closed on `as_of` has only
    /// the days since that stop left to accrue, so reading many later dates
    /// from one book costs the furthest of them, not their sum. Under daily
    /// interest it does nothing (its close posts what accrued after maturity).
    pub(crate) fn pass(&mut self, as_of_date: NaiveDate) -> Result<()> {
        if self.t.daily.is_some() {
            return Ok(());
        }
        let as_of = day(as_of_date);
        loop {
            let mut next = i32::MAX;
            if self.next_due < self.inst.len() {
                next = self.due(self.next_due).max(self.at);
            }
            if let Some(fee_day) = self.next_fee_stop() {
                next = next.min(fee_day);
            }
            if next > as_of || next < self.at {
                return Ok(());
            }
            let before = (self.at, self.next_due);
            self.advance(next)?;
            if (self.at, self.next_due) == before {
                return Ok(());
            }
        }
    }

    /// A copy for reading what is owed: the same money and days, without
    /// the records of how it came about (allocations, rebates, warnings,
    /// reversals, restructures), which only a statement shows, and keeping
    /// none of the events applied to it. Events applied to the copy move
    /// the same money (the allocations are read only to flag a possible
    /// duplicate, a warning).
    pub(crate) fn lean(&self) -> Book<'t> {
        Book {
            t: self.t,
            rows: self.rows.clone(),
            first_open: self.first_open,
            restructures: Vec::new(),
            plan: self.plan.clone(),
            inst: self.inst.clone(),
            at: self.at,
            settled: self.settled,
            lifetime_cap_off: self.lifetime_cap_off,
            cut_only: self.cut_only,
            fee_stops: self.fee_stops.clone(),
            next_due: self.next_due,
            owing_from: self.owing_from,
            paid_off: self.paid_off,
            spill_from: self.spill_from,
            walked_oldest: self.walked_oldest,
            credit: self.credit,
            charges: self.charges,
            beyond: self.beyond,
            charged_off: self.charged_off,
            allocs: Vec::new(),
            split_work: self.split_work,
            rebates: Vec::new(),
            refunded: self.refunded,
            skip: self.skip.clone(),
            records: false,
            reversals: Vec::new(),
            duplicates: Vec::new(),
            factor_memo: self.factor_memo,
            origin_days: self.origin_days.clone(),
            cap_memo: self.cap_memo.clone(),
            accrued: self.accrued,
            posted_since_due: self.posted_since_due,
            daily_clock: self.daily_clock.clone(),
            interest_free: self.interest_free.clone(),
            offers: self.offers.clone(),
        }
    }

    /// The statement's days past due and payoff alone, without building
    /// the statement.
    pub(crate) fn standing(mut self, as_of_date: NaiveDate) -> Result<(u32, Money)> {
        let as_of = day(as_of_date);
        let dpd = self.close(as_of)?;
        Ok((u32::try_from(dpd).unwrap_or(0), self.payoff(as_of)?))
    }

    /// The statement's payoff on day `as_of` of a closed book.
    pub(super) fn payoff(&self, as_of: i32) -> Result<Money> {
        let mut net = 0i128;
        for Part { amount: x, .. } in self.payoff_parts(as_of)? {
            net = cadd(net, x)?;
        }
        Money::from_minor((net - self.credit).max(0), self.t.scale)
    }

    /// What the statement of `as_of` says is owed on each installment due
    /// on or before `through`, its credit balance and its payoff, without
    /// building the statement (see [`Dues::of`]).
    pub(crate) fn dues(mut self, as_of_date: NaiveDate, through: NaiveDate) -> Result<Dues> {
        let as_of = day(as_of_date);
        self.close(as_of)?;
        let owes_principal = self.owes_principal();
        let mut owed = Vec::new();
        for (k, row) in self.rows.iter().enumerate().filter(|(_, row)| row.due <= day(through)) {
            let split = self.split(k, as_of, owes_principal);
            let total = split
                .outstanding
                .iter()
                .chain(&split.upcoming)
                .try_fold(0i128, |s, x| cadd(s, *x))?;
            owed.push((date(row.due)?, Money::from_minor(total, self.t.scale)?));
        }
        Ok(Dues {
            owed,
            credit: Money::from_minor(self.credit, self.t.scale)?,
            payoff: self.payoff(as_of)?,
        })
    }
}

/// What a statement says is owed on each installment due by a date (its
/// outstanding and upcoming amounts together, by due date), its credit
/// balance and its payoff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dues {
    pub(crate) owed: Vec<(NaiveDate, Money)>,
    pub(crate) credit: Money,
    pub(crate) payoff: Money,
}

impl Dues {
    /// The dues `st` gives for the installments due on or before `through`.
    pub(crate) fn of(st: &Statement, through: NaiveDate) -> Result<Dues> {
        let owed = st
            .installments
            .iter()
            .filter(|i| i.due_date <= through)
            .map(|i| Ok((i.due_date, i.outstanding.total()?.checked_add(i.upcoming.total()?)?)))
            .collect::<Result<Vec<_>>>()?;
        Ok(Dues {
            owed,
            credit: st.credit_balance,
            payoff: st.payoff,
        })
    }
}

/// What a timeline reads on a day (see [`Book::fee_reading`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FeeReading {
    /// [`Statement::days_past_due`].
    pub(crate) days_past_due: u32,
    /// Each installment's fees, charged and upcoming.
    pub(crate) fees: Vec<Money>,
}

impl FeeReading {
    /// The reading a statement gives.
    pub(crate) fn of(st: &Statement) -> FeeReading {
        FeeReading {
            days_past_due: st.days_past_due,
            fees: st
                .installments
                .iter()
                .map(|i| i.charged.fees.checked_add(i.upcoming.fees).unwrap_or(i.charged.fees))
                .collect(),
        }
    }
}

/// Where a loan stands on a statement date, as its statement says: what the
/// records and classes of a loan's history read at each point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Standing {
    /// [`Statement::days_past_due`].
    pub(crate) days_past_due: u32,
    /// Whether [`Statement::charged_off_on`] is set.
    pub(crate) charged_off: bool,
    /// Whether the status is [`LoanStatus::PaidOff`].
    pub(crate) paid_off: bool,
}

impl Standing {
    /// The standing a statement gives.
    pub(crate) fn of(st: &Statement) -> Standing {
        Standing {
            days_past_due: st.days_past_due,
            charged_off: st.charged_off_on.is_some(),
            paid_off: st.status == LoanStatus::PaidOff,
        }
    }
}
