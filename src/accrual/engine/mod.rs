//! Replay of a ledger in integer minor units, closed-form between events.
//!
//! Time is counted in days from the common era (`i32`). A segment
//! `[t0, t1)` accrues the days `t0 ..= t1 − 1`; work "at" a date happens at
//! the start of that day, in this order: accrual up to it (and the postings
//! it makes), due transitions (with the credit balance applied), then the
//! day's events. Between two such points every balance is constant, so each
//! installment's penalty over a segment is one product, rounded once.

mod allocate;
mod daily;
mod restructure;
mod settle;

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use crate::accrual::allocation::AllocationOrder;
use crate::accrual::event::{Event, Reversal};
use crate::accrual::policy::{
    Buckets, EarlySettlement, FeeAmount, GraceMeaning, InstallmentLimit, OverduePolicy, PenaltyBase, Recurrence,
};
use crate::accrual::servicing::{Accrual, Pyramiding};
use crate::accrual::statement::{
    AllocationPart, AllocationSource, InstallmentStatement, LoanStatus, PaymentAllocation, PossibleDuplicate, Rebate,
    RebateReason, Statement,
};
use crate::calendar::DayCount;
use crate::component::Component;
use crate::components::Components;
use crate::error::{overflow, Error, Result};
use crate::fraction::Fraction;
use crate::money::{Money, Rounding, RoundingMode};
use crate::rate::{Rate, RatePeriod};
use crate::schedule::{DailyInstallments, Schedule, ScheduleOptions};

const FEES: usize = 0;
const PENALTY: usize = 1;
const COMPOUND: usize = 2;
const INTEREST: usize = 3;
const PRINCIPAL: usize = 4;

/// One component's slot in a per-component array (no indexing that could panic).
fn slot(parts: &mut [i128; 5], c: Component) -> &mut i128 {
    let [fees, penalty, compound, interest, principal] = parts;
    match c {
        Component::Fees => fees,
        Component::PenaltyInterest => penalty,
        Component::CompoundInterest => compound,
        Component::Interest => interest,
        Component::Principal => principal,
    }
}

fn value(parts: &[i128; 5], c: Component) -> i128 {
    let mut copy = *parts;
    *slot(&mut copy, c)
}

type Parts = Vec<(usize, Component, i128)>;

fn cadd(a: i128, b: i128) -> Result<i128> {
    a.checked_add(b).ok_or_else(|| overflow("accrual"))
}

fn cmul(a: i128, b: i128) -> Result<i128> {
    a.checked_mul(b).ok_or_else(|| overflow("accrual"))
}

fn day(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

fn date(day: i32) -> Result<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day).ok_or(Error::DateOutOfRange {
        operation: "accrual date",
    })
}

/// `round_toward_zero(amount × share)`.
fn share_of(amount: i128, share: Fraction) -> Result<i128> {
    crate::money::div_round(cmul(amount, share.num)?, share.den, RoundingMode::TowardZero)
}

/// Simple interest at a rate under a day count, as an exact factor.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Clock {
    rate: Rate,
    day_count: DayCount,
    /// The factor per day-count day, when it is one (every convention but an
    /// annual or monthly rate under ACT/ACT).
    per_day: Option<Fraction>,
    /// The day 30/360 days are counted from (the disbursement).
    origin: NaiveDate,
}

impl Clock {
    fn new(rate: Rate, day_count: DayCount, origin: NaiveDate) -> Result<Clock> {
        let v = Fraction::from_decimal(rate.value())?;
        let year = day_count.nominal_year_days();
        let per_day = match (rate.period(), day_count) {
            (RatePeriod::Daily, _) => Some(v),
            (_, DayCount::ActActIsda) => None,
            (RatePeriod::Monthly, _) => Some(v.scale(12, year)?),
            (_, _) => Some(v.scale(1, year)?),
        };
        Ok(Clock {
            rate,
            day_count,
            per_day,
            origin,
        })
    }

    /// The factor from `start` to `end` (unreduced when it is per day).
    fn factor(&self, start: i32, end: i32) -> Result<Fraction> {
        match self.per_day {
            Some(pd) => {
                let days = match self.day_count {
                    DayCount::Act360 | DayCount::Act365Fixed | DayCount::ActActIsda => i128::from(end - start),
                    // 30/360 days are not additive (a stretch split on the 31st gains a day):
                    // count them from the disbursement, so that an event splitting a stretch
                    // never adds or drops a day, and the days since disbursement are exact
                    _ => {
                        let from =
                            |d: i32| -> Result<i128> { Ok(i128::from(self.day_count.days(self.origin, date(d)?))) };
                        from(end)? - from(start)?
                    }
                };
                Ok(Fraction {
                    num: cmul(pd.num, days)?,
                    den: pd.den,
                })
            }
            None => self.rate.factor_between(date(start)?, date(end)?, self.day_count),
        }
    }

    /// `base` × the factor from `start` to `end`, rounded.
    /// `base` × `f`, rounded.
    fn apply(base: i128, f: Fraction, rounding: Rounding) -> Result<i128> {
        let n = cmul(base, f.num)?;
        // 64-bit fast path: every realistic balance and rate
        if let (Ok(n), Ok(den)) = (i64::try_from(n), i64::try_from(f.den)) {
            return crate::money::div_round_i64(n, den, rounding.mode()).map(i128::from);
        }
        rounding.div(n, f.den)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct InstTerms {
    due: i32,
    start: i32,
    /// Scheduled principal, interest and fee.
    principal: i128,
    interest: i128,
    fee: i128,
    /// The per-installment cap on penalties and fees.
    cap: Option<i128>,
    /// The parts of `interest` and `fee` a restructure carried onto it:
    /// already charged, so owed in full and counted against caps once.
    /// Under daily interest every interest posted on it counts here.
    posted_interest: i128,
    posted_fee: i128,
    /// The planned installment (principal plus interest), which daily
    /// interest splits anew between interest and principal.
    payment: i128,
    /// The interest the plan expects (what daily interest shows as upcoming).
    planned_interest: i128,
    /// The annual contract rate in force for its period.
    rate: Rate,
}

/// The part of an amount carried onto an installment already charged
/// (`posted` of `total`) that is still unpaid, `out` being unpaid in all:
/// it is paid first, and owed in full.
fn posted_left(total: i128, posted: i128, out: i128) -> i128 {
    (posted - (total - out)).clamp(0, out)
}

/// What charge-off stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stops {
    penalty: bool,
    compound: bool,
    fees: bool,
    interest: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FeeTerms {
    flat: i128,
    share: Option<Fraction>,
    every: Option<i32>,
    min: Option<i128>,
    max: Option<i128>,
}

/// Everything a replay needs, precomputed once per ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Terms {
    scale: u32,
    rounding: Rounding,
    disbursement: i32,
    principal: i128,
    inst: Vec<InstTerms>,
    penalty: Clock,
    base: PenaltyBase,
    compound: bool,
    interest_on_fees: bool,
    /// Whether late-fee days are replay points: when fees bear interest or
    /// caps apply, a fee must post in time order with the penalty around it.
    fee_days_split: bool,
    grace: i32,
    waive_grace: bool,
    tolerance: i128,
    fee: Option<FeeTerms>,
    lifetime_cap: Option<i128>,
    annualised_cap: Option<Clock>,
    charge_off: Option<i32>,
    allocation: AllocationOrder,
    settlement: EarlySettlement,
    /// The per-installment cap rule, for installments a restructure adds.
    installment_limit: Option<InstallmentLimit>,
    /// The original schedule's terms, for re-amortisation and deferral.
    options: ScheduleOptions,
    pyramiding: Pyramiding,
    /// Principal, interest and scheduled fee in the allocation's order.
    contractual: Vec<Component>,
    stops: Stops,
    /// Days within which equal payments under other ids look like a double debit.
    duplicate_window: i32,
    /// Daily interest on the actual balance: its day count and installment rule.
    daily: Option<(DayCount, DailyInstallments)>,
}

/// The per-installment cap on an installment of `payment` minor units.
fn installment_cap(limit: Option<InstallmentLimit>, payment: i128, scale: u32) -> Result<Option<i128>> {
    Ok(match limit {
        None => None,
        Some(InstallmentLimit::Amount(m)) => Some(m.to_minor("per-installment cap", scale)?),
        Some(InstallmentLimit::OfInstallment(share)) => Some(share_of(payment, share.exact()?)?),
    })
}

fn days_i32(field: &'static str, days: u32) -> Result<i32> {
    i32::try_from(days).map_err(|_| Error::TooLarge {
        field,
        value: u64::from(days),
        max: i32::MAX as u64,
    })
}

impl Terms {
    pub(crate) fn new(schedule: &Schedule, policy: &OverduePolicy) -> Result<Terms> {
        let scale = schedule.options().get_rounding().scale();
        let rounding = policy.get_rounding();
        if rounding.scale() != scale {
            return Err(Error::Invalid {
                field: "overdue policy rounding",
                reason: format!("scale {} differs from the schedule's scale {scale}", rounding.scale()),
            });
        }
        let minor = |field: &'static str, m: Money| m.to_minor(field, scale);
        let caps = policy.get_caps();
        let mut inst = Vec::with_capacity(schedule.installments().len());
        let mut start = day(schedule.disbursement());
        let options = schedule.options();
        let daily = match options.get_interest() {
            crate::schedule::InterestModel::DailyOnBalance {
                day_count,
                installments,
            } => Some((day_count, installments)),
            _ => None,
        };
        let last_due = schedule
            .installments()
            .last()
            .map_or(schedule.disbursement(), |r| r.due_date);
        let path = options.rate_path(last_due)?;
        for row in schedule.installments() {
            let (principal, interest, fee) = (
                minor("principal", row.principal)?,
                minor("interest", row.interest)?,
                minor("fee", row.fee)?,
            );
            let cap = installment_cap(
                caps.get_per_installment(),
                cadd(cadd(principal, interest)?, fee)?,
                scale,
            )?;
            let due = day(row.due_date);
            inst.push(InstTerms {
                due,
                start,
                principal,
                // daily interest is posted as it is earned, not scheduled
                interest: if daily.is_some() { 0 } else { interest },
                fee,
                cap,
                posted_interest: 0,
                posted_fee: 0,
                payment: cadd(principal, interest)?,
                planned_interest: interest,
                rate: match path.as_slice() {
                    // a fixed rate: no date to look up
                    [] | [_] => options.rate(),
                    _ => crate::rate::on_path(&path, date(start)?).unwrap_or(options.rate()),
                },
            });
            start = due;
        }
        let principal = minor("principal", schedule.principal())?;
        let penalty_rate = policy.get_penalty_rate().resolve(schedule.options().rate())?;
        let grace = policy.get_grace();
        let fee = match policy.get_late_fee() {
            None => None,
            Some(f) => Some(FeeTerms {
                flat: match f.get_amount() {
                    FeeAmount::Flat(m) => minor("late fee", m)?,
                    _ => 0,
                },
                share: match f.get_amount() {
                    FeeAmount::OfInstallment(s) => Some(s.exact()?),
                    _ => None,
                },
                every: match f.get_recurrence() {
                    Recurrence::Once => None,
                    Recurrence::EveryDays(n) => Some(days_i32("late fee recurrence days", n)?),
                },
                min: f.get_min().map(|m| minor("late fee minimum", m)).transpose()?,
                max: f.get_max().map(|m| minor("late fee maximum", m)).transpose()?,
            }),
        };
        Ok(Terms {
            scale,
            rounding,
            disbursement: day(schedule.disbursement()),
            principal,
            inst,
            penalty: Clock::new(penalty_rate, policy.get_day_count(), schedule.disbursement())?,
            base: policy.get_penalty_base(),
            compound: policy.get_compound_interest(),
            interest_on_fees: policy.get_interest_on_fees(),
            fee_days_split: policy.get_interest_on_fees() || caps != crate::accrual::policy::Caps::none(),
            grace: days_i32("grace days", grace.days())?,
            waive_grace: grace.meaning() == GraceMeaning::Waive,
            tolerance: minor("tolerance", policy.get_tolerance())?,
            fee,
            lifetime_cap: caps
                .get_lifetime()
                .map(|s| share_of(principal, s.exact()?))
                .transpose()?,
            annualised_cap: caps
                .get_annualised()
                .map(|r| Clock::new(r, policy.get_day_count(), schedule.disbursement()))
                .transpose()?,
            charge_off: policy
                .get_charge_off_after()
                .map(|d| days_i32("charge-off days past due", d))
                .transpose()?,
            allocation: policy.get_allocation().clone(),
            settlement: policy.get_early_settlement(),
            installment_limit: caps.get_per_installment(),
            options: schedule.options().clone(),
            pyramiding: policy.get_pyramiding(),
            contractual: allocate::contractual_order(policy.get_allocation()),
            stops: {
                let stops = policy.get_charge_off_stops();
                Stops {
                    penalty: stops.contains(&Accrual::PenaltyInterest),
                    compound: stops.contains(&Accrual::CompoundInterest),
                    fees: stops.contains(&Accrual::LateFees),
                    interest: stops.contains(&Accrual::ContractInterest),
                }
            },
            duplicate_window: days_i32("duplicate window days", policy.get_duplicate_window())?,
            daily,
        })
    }

    pub(crate) fn scale(&self) -> u32 {
        self.scale
    }

    /// The day penalty interest starts counting for an installment due on `due`.
    fn penalty_start(&self, due: i32) -> i32 {
        if self.waive_grace {
            due
        } else {
            due.saturating_add(self.grace)
        }
    }

    /// The first day a late fee is charged for an installment due on `due`.
    fn first_fee_day(&self, due: i32) -> i32 {
        due.saturating_add(self.grace).saturating_add(1)
    }
}

/// An installment's running state.
#[derive(Debug, Clone, Default)]
struct Inst {
    charged: [i128; 5],
    paid: [i128; 5],
    waived: [i128; 5],
    out: [i128; 5],
    /// The part of `out[FEES]` that is the scheduled fee (paid before late
    /// fees, waived after them).
    scheduled_fee_out: i128,
    /// Penalty and compound interest accrued inside a waive grace period.
    pending: [i128; 2],
    grace_done: bool,
    grace_waived: i128,
    cut: i128,
    /// Penalties and fees posted on it (for the per-installment cap).
    charges: i128,
    /// What a restructure took off it into the new plan.
    restructured: [i128; 5],
    /// Replaced by a restructure: nothing more happens to it.
    closed: bool,
    /// Daily interest posted on it after its due date (accrued after
    /// maturity): it bears no penalty or compound interest, so posting it on
    /// a payment's day costs nothing more than leaving it accrued.
    late_interest: i128,
}

impl Inst {
    /// Principal, interest and scheduled fee still unpaid: what ages it.
    fn contractual(&self) -> i128 {
        // saturating: it is only compared with the tolerance, and a sum beyond
        // the range is above any tolerance
        self.out[PRINCIPAL]
            .saturating_add(self.out[INTEREST])
            .saturating_add(self.scheduled_fee_out)
    }

    /// Unpaid interest that penalties and fees are computed on: all of it but
    /// daily interest accrued after maturity, which is charged once, never as a base.
    fn interest_bearing(&self) -> i128 {
        (self.out[INTEREST] - self.late_interest).max(0)
    }

    fn take(&mut self, c: Component, amount: i128) -> i128 {
        let x = amount.min(value(&self.out, c));
        if x <= 0 {
            return 0;
        }
        *slot(&mut self.out, c) -= x;
        *slot(&mut self.paid, c) += x;
        if c == Component::Fees {
            // scheduled fee first when paying
            self.scheduled_fee_out -= x.min(self.scheduled_fee_out);
        }
        x
    }
}

#[derive(Debug, Clone)]
struct Alloc {
    source: AllocationSource,
    date: i32,
    amount: i128,
    credit_used: i128,
    parts: Parts,
    to_credit: i128,
    settled: bool,
}

/// A ledger being replayed.
#[derive(Clone)]
pub(crate) struct Book<'t> {
    t: &'t Terms,
    /// The installments' terms: the schedule's, then any a restructure adds.
    rows: Vec<InstTerms>,
    /// The first installment of the plan in force.
    first_open: usize,
    restructures: Vec<crate::restructure::RestructureSummary>,
    /// The terms of the plan in force (re-amortisation and deferral keep them).
    plan: ScheduleOptions,
    inst: Vec<Inst>,
    /// Accrual is done up to (not including) this day.
    at: i32,
    /// The first installment whose due date has not been reached.
    next_due: usize,
    credit: i128,
    /// Penalties and fees posted on the loan (for the lifetime cap).
    charges: i128,
    /// Everything charged beyond principal so far: interest and scheduled
    /// fees of installments that fell due, penalties and late fees (for the
    /// annualised cap).
    beyond: i128,
    charged_off: Option<i32>,
    allocs: Vec<Alloc>,
    /// Installments scanned at late-fee replay points so far (bounded by
    /// [`MAX_SPLIT_WORK`]).
    split_work: u64,
    /// Paid interest and fees credited back: (day, installment, component, amount, why).
    rebates: Vec<(i32, usize, Component, i128, RebateReason)>,
    refunded: i128,
    /// Payments reversed by the statement date: replayed as never received.
    skip: BTreeSet<String>,
    /// Whether the book records how the money moved (allocations, rebates,
    /// possible duplicates) for a statement; a lean book ([`Book::lean`])
    /// moves the same money without.
    records: bool,
    reversals: Vec<Reversal>,
    duplicates: Vec<PossibleDuplicate>,
    /// The last penalty factor computed, by its stretch.
    factor_memo: Option<(i32, i32, Fraction)>,
    /// The annualised cap on the last day it was asked for.
    cap_memo: std::cell::Cell<Option<(i32, i128)>>,
    /// Daily contract interest accrued since the last due date it was posted
    /// on, exact, in minor units, and how much of it was posted since (on
    /// payments): a payment between due dates never changes how the
    /// period's interest rounds.
    accrued: Fraction,
    posted_since_due: i128,
    /// The daily-interest clock of the last period accrued (its rate and start).
    daily_clock: Option<(Rate, i32, Clock)>,
    /// Days `[from, to)` on which daily interest does not accrue (a deferral that waives it).
    interest_free: Vec<(i32, i32)>,
}

/// The most work the replay spends on late-fee days replayed one by one
/// (fee days × installments late at each): a recurring fee under caps or
/// bearing interest, replayed over centuries, is an error instead of a hang.
/// A daily fee on 360 late installments over 15 years stays below it; at a
/// few microseconds a unit, the bound keeps a statement within seconds.
const MAX_SPLIT_WORK: u64 = 2_000_000;

impl<'t> Book<'t> {
    pub(crate) fn new(t: &'t Terms) -> Book<'t> {
        let inst = t
            .inst
            .iter()
            .map(|it| {
                let scheduled = [it.fee, 0, 0, it.interest, it.principal];
                Inst {
                    charged: scheduled,
                    out: scheduled,
                    scheduled_fee_out: it.fee,
                    ..Inst::default()
                }
            })
            .collect();
        Book {
            t,
            rows: t.inst.clone(),
            first_open: 0,
            restructures: Vec::new(),
            plan: t.options.clone(),
            inst,
            at: t.disbursement,
            next_due: 0,
            credit: 0,
            charges: 0,
            beyond: 0,
            charged_off: None,
            allocs: Vec::new(),
            split_work: 0,
            rebates: Vec::new(),
            refunded: 0,
            skip: BTreeSet::new(),
            records: true,
            reversals: Vec::new(),
            duplicates: Vec::new(),
            factor_memo: None,
            cap_memo: std::cell::Cell::new(None),
            accrued: Fraction::ZERO,
            posted_since_due: 0,
            daily_clock: None,
            interest_free: Vec::new(),
        }
    }

    /// A replay in which the payments with these ids were never received.
    pub(crate) fn without(t: &'t Terms, reversed: BTreeSet<String>) -> Book<'t> {
        Book {
            skip: reversed,
            ..Book::new(t)
        }
    }

    fn is_late(&self, k: usize) -> bool {
        self.inst.get(k).is_some_and(|i| i.contractual() > self.t.tolerance)
    }

    fn due(&self, k: usize) -> i32 {
        self.rows.get(k).map_or(i32::MAX, |it| it.due)
    }

    /// Replays one event (events must come in replay order).
    pub(crate) fn apply(&mut self, event: &Event) -> Result<()> {
        let d = day(event.date());
        if let Event::Reversal(r) = event {
            self.reversals.push(r.clone());
        }
        // a reversed payment, and a reversal without a fee, leave no trace in the replay:
        // not even a replay point (penalties are rounded where they post)
        let traceless = match event {
            Event::Payment(p) => self.skip.contains(p.id()),
            Event::Reversal(r) => r.get_fee().is_none(),
            // an interruption of the limitation period moves no money
            Event::Interruption(_) => true,
            _ => false,
        };
        if traceless {
            return Ok(());
        }
        self.advance(d)?;
        match event {
            Event::Payment(p) => {
                let amount = p.amount().to_minor("payment amount", self.t.scale)?;
                self.flag_duplicate(p.id(), amount, d)?;
                self.receive(AllocationSource::Payment { id: p.id().to_owned() }, amount, d)
            }
            Event::Waiver(w) => self.waive(w.component(), w.amount(), w.get_installment(), d),
            Event::Restructure(r) => self.restructure(r, d),
            Event::Reversal(r) => self.reverse(r, d),
            Event::Refund(r) => self.refund(r.amount()),
            Event::Interruption(_) => Ok(()),
        }
    }

    /// Records how money moved (a lean book keeps none).
    fn record(&mut self, alloc: Alloc) {
        if self.records {
            self.allocs.push(alloc);
        }
    }

    /// Records a rebate (a lean book keeps none).
    fn record_rebate(&mut self, rebate: (i32, usize, Component, i128, RebateReason)) {
        if self.records {
            self.rebates.push(rebate);
        }
    }

    /// Flags a payment of the same amount as an earlier one under another id,
    /// within the window, when it goes beyond what is due on day `d`.
    fn flag_duplicate(&mut self, id: &str, amount: i128, d: i32) -> Result<()> {
        if !self.records {
            return Ok(());
        }
        // the payments received so far, newest first, within the window
        let window = self.t.duplicate_window;
        let Some((earlier_id, earlier_day)) =
            self.allocs
                .iter()
                .rev()
                .take_while(|a| d - a.date <= window)
                .find_map(|a| match &a.source {
                    AllocationSource::Payment { id: other } if a.amount == amount && other != id => {
                        Some((other.clone(), a.date))
                    }
                    _ => None,
                })
        else {
            return Ok(());
        };
        let due_now = self
            .inst
            .iter()
            .zip(&self.rows)
            .filter(|(_, row)| row.due <= d)
            .try_fold(0i128, |s, (i, _)| i.out.iter().try_fold(s, |s, x| cadd(s, *x)))?;
        if amount > due_now.saturating_sub(self.credit) {
            self.duplicates.push(PossibleDuplicate {
                id: id.to_owned(),
                date: date(d)?,
                earlier_id,
                earlier_date: date(earlier_day)?,
                amount: Money::from_minor(amount, self.t.scale)?,
            });
        }
        Ok(())
    }

    /// Posts a reversal's returned-payment fee on day `d` (the payment itself
    /// is left out of the whole replay, see [`Book::without`]).
    fn reverse(&mut self, r: &Reversal, d: i32) -> Result<()> {
        let Some(fee) = r.get_fee() else { return Ok(()) };
        let fee = fee.to_minor("returned-payment fee", self.t.scale)?;
        // on the oldest overdue installment, else the latest one due, else the first open one
        let k = self
            .oldest_late(d.saturating_add(1))
            .or_else(|| self.next_due.checked_sub(1).filter(|&k| k >= self.first_open))
            .unwrap_or(self.first_open.min(self.inst.len().saturating_sub(1)));
        self.post(k, Component::Fees, fee, d)
    }

    /// Pays `amount` of the credit balance back to the borrower.
    fn refund(&mut self, amount: Money) -> Result<()> {
        let x = amount.to_minor("refund amount", self.t.scale)?;
        if x > self.credit {
            return Err(Error::RefundTooLarge {
                amount: amount.as_decimal(),
                credit: Money::from_minor(self.credit, self.t.scale)?.as_decimal(),
            });
        }
        self.credit -= x;
        self.refunded = cadd(self.refunded, x)?;
        Ok(())
    }

    /// Accrues and processes due dates up to the start of day `to`.
    fn advance(&mut self, to: i32) -> Result<()> {
        loop {
            let mut next = to;
            if self.next_due < self.inst.len() {
                next = next.min(self.due(self.next_due).max(self.at));
            }
            if self.fee_days_matter() {
                if let Some(p) = self.next_fee_day() {
                    next = next.min(p);
                    self.split_work = self
                        .split_work
                        .saturating_add(u64::try_from(self.next_due).unwrap_or(u64::MAX));
                    if self.split_work > MAX_SPLIT_WORK {
                        return Err(Error::TooLarge {
                            field: "late-fee days replayed one by one (fee days × installments late)",
                            value: self.split_work,
                            max: MAX_SPLIT_WORK,
                        });
                    }
                }
            }
            if next > self.at {
                self.accrue(self.at, next)?;
                self.at = next;
            }
            let mut reached = false;
            while self.next_due < self.inst.len() && self.due(self.next_due) <= self.at {
                self.fall_due(self.next_due)?;
                self.next_due += 1;
                reached = true;
            }
            if reached && self.credit > 0 {
                let credit = std::mem::take(&mut self.credit);
                let (parts, left) = self.allocate(credit, self.at, false)?;
                self.credit = left;
                self.record(Alloc {
                    source: AllocationSource::CreditBalance,
                    date: self.at,
                    amount: 0,
                    credit_used: credit,
                    parts,
                    to_credit: left,
                    settled: false,
                });
                self.close_grace(self.at);
            }
            if self.at >= to {
                return Ok(());
            }
        }
    }

    /// Installment `k` falls due today (`at`): its interest and scheduled fee
    /// count as charged. After a charge-off that stops contract interest,
    /// only the part earned up to the charge-off day is charged. The
    /// annualised cap cuts what does not fit (the fee first, then interest):
    /// unpaid first, then what was paid ahead, which is credited back.
    /// Amounts a restructure carried onto the row were counted when first
    /// charged and are not counted again.
    fn fall_due(&mut self, k: usize) -> Result<()> {
        let Some(it) = self.rows.get(k).copied() else {
            return Ok(());
        };
        if self.inst.get(k).is_none_or(|i| i.closed) {
            return Ok(());
        }
        self.post_daily_on_due(k)?;
        let mut fresh = [
            (Component::Fees, it.fee - it.posted_fee),
            (Component::Interest, it.interest - it.posted_interest),
        ];
        if let (true, Some(co)) = (self.t.stops.interest, self.charged_off) {
            let earning = self.earning_day(co);
            for (c, amount) in &mut fresh {
                let kept = self.earned(*amount, k, it, earning)?;
                self.cut(k, *c, *amount - kept, None)?;
                *amount = kept;
            }
        }
        let counted = fresh.iter().try_fold(0i128, |s, (_, x)| cadd(s, *x))?;
        let Some(room) = self.annualised_room(self.at)? else {
            self.beyond = cadd(self.beyond, counted)?;
            return Ok(());
        };
        let mut excess = (counted - room.max(0)).max(0);
        let mut cut_total = 0;
        for (c, amount) in fresh {
            let x = self.cut(k, c, excess.min(amount), Some(RebateReason::OverCap))?;
            excess -= x;
            cut_total += x;
        }
        if let Some(inst) = self.inst.get_mut(k) {
            inst.cut = cadd(inst.cut, cut_total)?;
        }
        self.beyond = cadd(self.beyond, counted - cut_total)?;
        Ok(())
    }

    /// The share of a period's `amount` earned from the period's start up
    /// to day `end` (pro rata to the day, rounded by the policy).
    fn earned_share(&self, amount: i128, it: InstTerms, end: i32) -> Result<i128> {
        let length = i128::from(it.due - it.start).max(1);
        let elapsed = i128::from(end.saturating_sub(it.start)).clamp(0, length);
        match elapsed {
            0 => Ok(0),
            e if e == length => Ok(amount),
            e => self.t.rounding.div(cmul(amount, e)?, length),
        }
    }

    /// Takes `amount` of component `c` (interest, or the scheduled fee) off
    /// installment `k`'s charges: what is unpaid first, then what was paid,
    /// which goes back to the credit balance as a rebate. Returns what it took.
    fn cut(&mut self, k: usize, c: Component, amount: i128, rebate: Option<RebateReason>) -> Result<i128> {
        let at = self.at;
        let Some(inst) = self.inst.get_mut(k) else { return Ok(0) };
        if amount <= 0 {
            return Ok(0);
        }
        let unpaid = if c == Component::Fees {
            inst.scheduled_fee_out
        } else {
            value(&inst.out, c)
        };
        let from_unpaid = amount.min(unpaid);
        *slot(&mut inst.out, c) -= from_unpaid;
        if c == Component::Fees {
            inst.scheduled_fee_out -= from_unpaid;
        }
        let from_paid = (amount - from_unpaid).min(value(&inst.paid, c));
        *slot(&mut inst.paid, c) -= from_paid;
        *slot(&mut inst.charged, c) -= from_unpaid + from_paid;
        if from_paid > 0 {
            self.credit = cadd(self.credit, from_paid)?;
            self.record_rebate((at, k, c, from_paid, rebate.unwrap_or(RebateReason::Unearned)));
        }
        Ok(from_unpaid + from_paid)
    }

    /// What the annualised cap still allows at the start of day `d`, if there is one.
    fn annualised_room(&self, d: i32) -> Result<Option<i128>> {
        let Some(clock) = &self.t.annualised_cap else {
            return Ok(None);
        };
        // every posting on a day meets the same cap: compute it once a day
        let cap = match self.cap_memo.get() {
            Some((day, cap)) if day == d => cap,
            _ => {
                let f = clock.factor(self.t.disbursement, d)?;
                let cap = crate::money::div_round(cmul(self.t.principal, f.num)?, f.den, RoundingMode::TowardZero)?;
                self.cap_memo.set(Some((d, cap)));
                cap
            }
        };
        Ok(Some(cap - self.beyond))
    }

    /// Whether late-fee days must be replay points now: fees bear interest,
    /// or a cap could still cut a fee posted out of time order. Once the
    /// lifetime cap is used up and no other cap applies, nothing more posts.
    fn fee_days_matter(&self) -> bool {
        let t = self.t;
        if !t.fee_days_split {
            return false;
        }
        let lifetime_used_up = t.lifetime_cap.is_some_and(|cap| self.charges >= cap);
        t.interest_on_fees || t.annualised_cap.is_some() || t.installment_limit.is_some() || !lifetime_used_up
    }

    /// The next day after `at` a late fee is charged (when fees bear interest
    /// or caps apply, fee days are segment boundaries).
    fn next_fee_day(&self) -> Option<i32> {
        let fee = self.t.fee.as_ref()?;
        if self.charged_off.is_some() && self.t.stops.fees {
            return None;
        }
        (0..self.next_due)
            .filter(|&k| self.is_late(k))
            .filter_map(|k| {
                let f0 = self.t.first_fee_day(self.due(k));
                if self.at < f0 {
                    Some(f0)
                } else {
                    // the next multiple of `n` days after `at`; `n` is at most MAX_POLICY_DAYS
                    let n = fee.every?;
                    let periods = (self.at.checked_sub(f0)? / n).checked_add(1)?;
                    f0.checked_add(periods.checked_mul(n)?)
                }
            })
            .min()
    }

    /// The oldest installment that is overdue on day `d` (due before `d`).
    fn oldest_late(&self, d: i32) -> Option<usize> {
        (0..self.next_due).find(|&k| self.due(k) < d && self.is_late(k))
    }

    fn accrue(&mut self, t0: i32, t1: i32) -> Result<()> {
        let Some(oldest) = (0..self.next_due).find(|&k| self.is_late(k)) else {
            let stop = match (self.t.stops.interest, self.charged_off) {
                (true, Some(co)) => co,
                _ => i32::MAX,
            };
            return self.accrue_contract(t0, t1, stop);
        };
        let mut freeze = i32::MAX;
        if let Some(co) = self.charged_off {
            freeze = co;
        } else if let Some(limit) = self.t.charge_off {
            let candidate = self.due(oldest).saturating_add(limit);
            // on the charge-off day itself nothing more is charged
            if candidate <= t1 {
                let co = candidate.max(t0);
                self.charged_off = Some(co);
                freeze = co;
            }
        }
        self.accrue_contract(t0, t1, if self.t.stops.interest { freeze } else { i32::MAX })?;
        let whole_principal = if self.t.base == PenaltyBase::OutstandingPrincipal {
            self.inst.iter().try_fold(0i128, |s, i| cadd(s, i.out[PRINCIPAL]))?
        } else {
            0
        };
        for k in oldest..self.next_due {
            if self.is_late(k) {
                self.accrue_installment(k, k == oldest, whole_principal, t0, t1, freeze)?;
            }
        }
        Ok(())
    }

    fn accrue_installment(
        &mut self,
        k: usize,
        is_oldest: bool,
        whole_principal: i128,
        t0: i32,
        t1: i32,
        freeze: i32,
    ) -> Result<()> {
        let t = self.t;
        let Some(it) = self.rows.get(k).copied() else {
            return Ok(());
        };
        let Some(inst) = self.inst.get(k) else { return Ok(()) };
        let interest = inst.interest_bearing();
        let mut base = match t.base {
            PenaltyBase::OverduePrincipal => inst.out[PRINCIPAL],
            PenaltyBase::OverdueInstallment => cadd(inst.out[PRINCIPAL], interest)?,
            PenaltyBase::OutstandingPrincipal if is_oldest => whole_principal,
            PenaltyBase::OutstandingPrincipal => 0,
        };
        if t.interest_on_fees {
            base = cadd(base, inst.out[FEES])?;
        }
        let compound_base = if t.compound { interest } else { 0 };
        let in_grace = t.waive_grace && !inst.grace_done;
        let until = |stops: bool| if stops { t1.min(freeze) } else { t1 };
        let w0 = t0.max(t.penalty_start(it.due));
        let penalty = self.penalty_interest(base, w0, until(t.stops.penalty))?;
        let compound = self.penalty_interest(compound_base, w0, until(t.stops.compound))?;
        let (fees, fee_cut) = self.late_fees(k, t0, t1, if t.stops.fees { freeze } else { i32::MAX })?;

        if in_grace {
            let past_grace = t1 - it.due > t.grace;
            let (p, c) = {
                let inst = self.inst.get_mut(k).ok_or_else(|| overflow("installment index"))?;
                inst.pending[0] = cadd(inst.pending[0], penalty)?;
                inst.pending[1] = cadd(inst.pending[1], compound)?;
                if !past_grace {
                    (0, 0)
                } else {
                    inst.grace_done = true;
                    let p = std::mem::take(&mut inst.pending);
                    (p[0], p[1])
                }
            };
            self.post_penalty(k, is_oldest, p, t1)?;
            self.post(k, Component::CompoundInterest, c, t1)?;
        } else {
            self.post_penalty(k, is_oldest, penalty, t1)?;
            self.post(k, Component::CompoundInterest, compound, t1)?;
        }
        if let Some(inst) = self.inst.get_mut(k) {
            inst.cut = cadd(inst.cut, fee_cut)?;
        }
        self.post(k, Component::Fees, fees, t1)
    }

    /// Penalty interest on `base` from `start` to `end`. Every installment late
    /// through a stretch shares its factor: it is computed once a stretch.
    fn penalty_interest(&mut self, base: i128, start: i32, end: i32) -> Result<i128> {
        if base == 0 || start >= end {
            return Ok(0);
        }
        let f = match self.factor_memo {
            Some((s, e, f)) if (s, e) == (start, end) => f,
            _ => {
                let f = self.t.penalty.factor(start, end)?;
                self.factor_memo = Some((start, end, f));
                f
            }
        };
        Clock::apply(base, f, self.t.rounding)
    }

    /// Posts penalty interest on installment `k` on day `d`. A penalty on the
    /// whole outstanding principal is the loan's, not one installment's: under
    /// a per-installment cap each late installment takes what its own cap
    /// allows, oldest first, so curing the oldest never opens more room than
    /// leaving it late.
    fn post_penalty(&mut self, k: usize, is_oldest: bool, amount: i128, d: i32) -> Result<()> {
        let whole_loan = is_oldest && self.t.base == PenaltyBase::OutstandingPrincipal;
        if !whole_loan || self.t.installment_limit.is_none() {
            return self.post(k, Component::PenaltyInterest, amount, d);
        }
        let mut left = amount;
        for j in k..self.next_due {
            if left <= 0 {
                break;
            }
            if j != k && !self.is_late(j) {
                continue;
            }
            let room = match (self.rows.get(j).and_then(|r| r.cap), self.inst.get(j)) {
                (Some(cap), Some(i)) => (cap - i.charges).max(0),
                _ => left,
            };
            let x = left.min(room);
            if x > 0 {
                self.post(j, Component::PenaltyInterest, x, d)?;
                left -= x;
            }
        }
        // what fits no installment's cap is cut, and recorded on the oldest
        self.post(k, Component::PenaltyInterest, left, d)
    }

    /// Late fees charged on installment `k` on the days in `(t0, t1]` before
    /// `freeze`, and what the per-charge maximum cut from them.
    fn late_fees(&self, k: usize, t0: i32, t1: i32, freeze: i32) -> Result<(i128, i128)> {
        let (Some(fee), Some(inst)) = (self.t.fee.as_ref(), self.inst.get(k)) else {
            return Ok((0, 0));
        };
        // a row of charges kept due by a restructure has no principal or interest: no late fee on it
        if self.rows.get(k).is_some_and(|r| r.principal == 0 && r.interest == 0) {
            return Ok((0, 0));
        }
        let f0 = self.t.first_fee_day(self.due(k));
        let upper = t1.min(freeze.saturating_sub(1));
        let charged_by = |x: i32| -> i128 {
            if x < f0 {
                0
            } else {
                fee.every.map_or(1, |n| i128::from((x - f0) / n) + 1)
            }
        };
        if upper <= t0 {
            return Ok((0, 0));
        }
        let count = charged_by(upper) - charged_by(t0);
        if count <= 0 {
            return Ok((0, 0));
        }
        let mut each = match fee.share {
            None => fee.flat,
            Some(share) => {
                let interest = inst.interest_bearing();
                let overdue = cadd(inst.out[PRINCIPAL], interest)?;
                self.t.rounding.div(cmul(overdue, share.num)?, share.den)?
            }
        };
        if let Some(min) = fee.min {
            each = each.max(min);
        }
        let mut cut = 0;
        if let Some(max) = fee.max {
            if each > max {
                cut = each - max;
                each = max;
            }
        }
        Ok((cmul(each, count)?, cmul(cut, count)?))
    }

    /// Posts a charge on installment `k` on day `d`, cut by the caps.
    fn post(&mut self, k: usize, c: Component, amount: i128, d: i32) -> Result<()> {
        if amount <= 0 {
            return Ok(());
        }
        let t = self.t;
        let mut allowed = amount;
        let (Some(it), Some(inst)) = (self.rows.get(k), self.inst.get(k)) else {
            return Ok(());
        };
        if let Some(cap) = it.cap {
            allowed = allowed.min((cap - inst.charges).max(0));
        }
        if let Some(cap) = t.lifetime_cap {
            allowed = allowed.min((cap - self.charges).max(0));
        }
        // posting happens at the start of day `d`, before installments due on `d` fall due
        if let Some(room) = self.annualised_room(d)? {
            allowed = allowed.min(room.max(0));
        }
        self.charges = cadd(self.charges, allowed)?;
        self.beyond = cadd(self.beyond, allowed)?;
        let inst = self.inst.get_mut(k).ok_or_else(|| overflow("installment index"))?;
        *slot(&mut inst.charged, c) = cadd(value(&inst.charged, c), allowed)?;
        *slot(&mut inst.out, c) = cadd(value(&inst.out, c), allowed)?;
        inst.charges = cadd(inst.charges, allowed)?;
        inst.cut = cadd(inst.cut, amount - allowed)?;
        Ok(())
    }

    /// Drops the pending penalties of installments cleared within a waive grace.
    fn close_grace(&mut self, d: i32) {
        let (grace, tolerance) = (self.t.grace, self.t.tolerance);
        for (inst, it) in self.inst.iter_mut().zip(&self.rows).take(self.next_due) {
            if !inst.grace_done && inst.contractual() <= tolerance && d - it.due <= grace {
                inst.grace_waived = inst
                    .grace_waived
                    .saturating_add(inst.pending[0].saturating_add(inst.pending[1]));
                inst.pending = [0, 0];
                inst.grace_done = true;
            }
        }
    }

    fn waive(&mut self, component: Component, amount: Money, installment: Option<u32>, d: i32) -> Result<()> {
        let mut left = amount.to_minor("waiver amount", self.t.scale)?;
        let c = component;
        let targets: Vec<usize> = match installment {
            None => (0..self.inst.len()).collect(),
            Some(n) => {
                let k = (n as usize).checked_sub(1).filter(|&k| k < self.inst.len());
                vec![k.ok_or_else(|| Error::Invalid {
                    field: "waiver installment",
                    reason: format!("installment {n} is not in the schedule of {}", self.inst.len()),
                })?]
            }
        };
        let owed = targets
            .iter()
            .filter_map(|&k| self.inst.get(k))
            .try_fold(0i128, |s, i| cadd(s, value(&i.out, c)))?;
        if left > owed {
            return Err(Error::WaiverTooLarge {
                component,
                amount: amount.as_decimal(),
                outstanding: Money::from_minor(owed, self.t.scale)?.as_decimal(),
            });
        }
        for k in targets {
            let Some(inst) = self.inst.get_mut(k) else { continue };
            let x = left.min(value(&inst.out, c));
            if x <= 0 {
                continue;
            }
            *slot(&mut inst.out, c) -= x;
            *slot(&mut inst.waived, c) += x;
            if c == Component::Fees {
                // late fees first, then the scheduled fee
                let late = inst.out[FEES] + x - inst.scheduled_fee_out;
                inst.scheduled_fee_out -= (x - late.min(x)).max(0);
            }
            left -= x;
        }
        self.close_grace(d);
        Ok(())
    }

    /// Finishes the replay at `as_of` and builds the statement.
    /// Brings the book to the start of `as_of` as a statement sees it: its
    /// days past due.
    fn close(&mut self, as_of: i32) -> Result<i32> {
        self.advance(as_of)?;
        // daily interest accrued after maturity is owed now
        if self.t.daily.is_some() && self.next_due >= self.inst.len() {
            self.post_accrued(self.running_row())?;
        }
        let oldest = self.oldest_late(as_of);
        let dpd = oldest.map_or(0, |k| as_of - self.due(k));
        if let (None, Some(limit), Some(k)) = (self.charged_off, self.t.charge_off, oldest) {
            if dpd >= limit {
                self.charged_off = Some(self.due(k).saturating_add(limit));
            }
        }
        Ok(dpd)
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
            paid_off: self.inst.iter().all(|i| i.out == [0; 5]),
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
            if self.fee_days_matter() {
                if let Some(fee_day) = self.next_fee_day() {
                    next = next.min(fee_day);
                }
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
            next_due: self.next_due,
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
            cap_memo: self.cap_memo.clone(),
            accrued: self.accrued,
            posted_since_due: self.posted_since_due,
            daily_clock: self.daily_clock.clone(),
            interest_free: self.interest_free.clone(),
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
    fn payoff(&self, as_of: i32) -> Result<Money> {
        let mut net = 0i128;
        for (_, _, x) in self.payoff_parts(as_of)? {
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
        let owes_principal = self.inst.iter().any(|i| !i.closed && i.out[PRINCIPAL] > 0);
        let mut owed = Vec::new();
        for (inst, row) in self
            .inst
            .iter()
            .zip(&self.rows)
            .filter(|(_, row)| row.due <= day(through))
        {
            let (_, out, mut upcoming) = upcoming_split(inst, row, as_of);
            if self.t.daily.is_some() {
                upcoming[INTEREST] = daily_upcoming(inst, row, as_of, owes_principal);
            }
            let total = out.iter().chain(&upcoming).try_fold(0i128, |s, x| cadd(s, *x))?;
            owed.push((date(row.due)?, Money::from_minor(total, self.t.scale)?));
        }
        Ok(Dues {
            owed,
            credit: Money::from_minor(self.credit, self.t.scale)?,
            payoff: self.payoff(as_of)?,
        })
    }

    pub(crate) fn statement(mut self, as_of_date: NaiveDate, buckets: &Buckets) -> Result<Statement> {
        let as_of = day(as_of_date);
        let dpd = self.close(as_of)?;
        let owes_principal = self.inst.iter().any(|i| !i.closed && i.out[PRINCIPAL] > 0);
        let scale = self.t.scale;
        let current = self.current(as_of);
        let mut totals = [[0i128; 5]; 6];
        let mut cut = 0i128;
        let mut installments = Vec::with_capacity(self.inst.len());
        for (k, (inst, row)) in self.inst.iter().zip(&self.rows).enumerate() {
            let (charged, out, mut upcoming) = upcoming_split(inst, row, as_of);
            if self.t.daily.is_some() {
                upcoming[INTEREST] = daily_upcoming(inst, row, as_of, owes_principal);
            }
            for (total, part) in
                totals
                    .iter_mut()
                    .zip([&charged, &inst.paid, &inst.waived, &inst.restructured, &out, &upcoming])
            {
                for (t, p) in total.iter_mut().zip(part) {
                    *t = cadd(*t, *p)?;
                }
            }
            cut = cadd(cut, inst.cut)?;
            let late = row.due < as_of && inst.contractual() > self.t.tolerance;
            installments.push(InstallmentStatement {
                number: u32::try_from(k + 1).map_err(|_| overflow("installment number"))?,
                due_date: date(row.due)?,
                state: self.state(k, as_of, current),
                charged: Components::from_minor(&charged, scale)?,
                paid: Components::from_minor(&inst.paid, scale)?,
                waived: Components::from_minor(&inst.waived, scale)?,
                restructured: Components::from_minor(&inst.restructured, scale)?,
                outstanding: Components::from_minor(&out, scale)?,
                upcoming: Components::from_minor(&upcoming, scale)?,
                days_past_due: if late {
                    u32::try_from(as_of - row.due).unwrap_or(0)
                } else {
                    0
                },
                cap_cut: Money::from_minor(inst.cut, scale)?,
                grace_waived: Money::from_minor(inst.grace_waived, scale)?,
                rate: row.rate,
            });
        }
        let [charged, paid, waived, restructured, outstanding, upcoming] = totals;
        let mut payoff_parts = [0i128; 5];
        let mut unearned = 0i128;
        let mut net = 0i128;
        for (_, c, x) in self.payoff_parts(as_of)? {
            net = cadd(net, x)?;
            if x < 0 {
                unearned = cadd(unearned, -x)?;
            } else {
                *slot(&mut payoff_parts, c) = cadd(value(&payoff_parts, c), x)?;
            }
        }
        let owed = cadd(outstanding.iter().sum(), upcoming.iter().sum())?;
        let status = if owed == 0 {
            LoanStatus::PaidOff
        } else if self.charged_off.is_some() {
            LoanStatus::ChargedOff
        } else if dpd > 0 {
            LoanStatus::Overdue
        } else {
            LoanStatus::Current
        };
        let dpd = u32::try_from(dpd).unwrap_or(0);
        let allocations = self
            .allocs
            .iter()
            .map(|a| {
                Ok(PaymentAllocation {
                    source: a.source.clone(),
                    date: date(a.date)?,
                    amount: Money::from_minor(a.amount, scale)?,
                    credit_used: Money::from_minor(a.credit_used, scale)?,
                    parts: a
                        .parts
                        .iter()
                        .map(|&(k, c, x)| {
                            Ok(AllocationPart {
                                installment: u32::try_from(k + 1).map_err(|_| overflow("installment number"))?,
                                component: c,
                                amount: Money::from_minor(x, scale)?,
                            })
                        })
                        .collect::<Result<Vec<_>>>()?,
                    to_credit: Money::from_minor(a.to_credit, scale)?,
                    settled: a.settled,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Statement {
            as_of: as_of_date,
            days_past_due: dpd,
            bucket: buckets.bucket(dpd).label().to_owned(),
            status,
            charged_off_on: self.charged_off.map(date).transpose()?,
            charged: Components::from_minor(&charged, scale)?,
            paid: Components::from_minor(&paid, scale)?,
            waived: Components::from_minor(&waived, scale)?,
            restructured: Components::from_minor(&restructured, scale)?,
            outstanding: Components::from_minor(&outstanding, scale)?,
            upcoming: Components::from_minor(&upcoming, scale)?,
            cap_cut: Money::from_minor(cut, scale)?,
            credit_balance: Money::from_minor(self.credit, scale)?,
            unearned_prepaid: Money::from_minor(unearned, scale)?,
            rebates: self
                .rebates
                .iter()
                .map(|&(d, k, component, x, reason)| {
                    Ok(Rebate {
                        date: date(d)?,
                        installment: u32::try_from(k + 1).map_err(|_| overflow("installment number"))?,
                        component,
                        amount: Money::from_minor(x, scale)?,
                        reason,
                    })
                })
                .collect::<Result<Vec<_>>>()?,
            refunded: Money::from_minor(self.refunded, scale)?,
            reversals: self.reversals,
            possible_duplicates: self.duplicates,
            payoff: Money::from_minor((net - self.credit).max(0), scale)?,
            payoff_components: Components::from_minor(&payoff_parts, scale)?,
            installments,
            allocations,
            restructures: self.restructures,
        })
    }
}

/// The interest a daily-interest installment not yet due is expected to
/// charge beyond what was posted on it: the plan's, if it is paid on its due
/// date (none once it is paid ahead in full, once a shorter term left it no
/// principal, or once the loan owes no principal).
fn daily_upcoming(inst: &Inst, row: &InstTerms, as_of: i32, owes_principal: bool) -> i128 {
    let emptied = row.payment > row.planned_interest && inst.charged[PRINCIPAL] == 0;
    if row.due <= as_of || inst.closed || daily::paid_ahead(inst, row) || emptied || !owes_principal {
        return 0;
    }
    (row.planned_interest - row.interest).max(0)
}

/// An installment's charged and outstanding amounts as of day `as_of`, with
/// the interest and scheduled fee of a period not yet due moved out of them
/// into what is upcoming: they are owed only as the period runs.
fn upcoming_split(inst: &Inst, row: &InstTerms, as_of: i32) -> ([i128; 5], [i128; 5], [i128; 5]) {
    let (mut charged, mut out, mut upcoming) = (inst.charged, inst.out, [0i128; 5]);
    if row.due > as_of && !inst.closed {
        let interest = inst.out[INTEREST].min(row.interest - row.posted_interest).max(0);
        let fee = inst.scheduled_fee_out.min(row.fee - row.posted_fee).max(0);
        for (c, x) in [(FEES, fee), (INTEREST, interest)] {
            if let (Some(ch), Some(o), Some(u)) = (charged.get_mut(c), out.get_mut(c), upcoming.get_mut(c)) {
                *ch -= x;
                *o -= x;
                *u = x;
            }
        }
    }
    (charged, out, upcoming)
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
