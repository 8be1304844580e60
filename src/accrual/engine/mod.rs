//! Replay of a ledger in integer minor units, closed-form between events.
//!
//! Time is counted in days from the common era (`i32`). A segment
//! `[t0, t1)` accrues the days `t0 ..= t1 − 1`; work "at" a date happens at
//! the start of that day, in this order: accrual up to it (and the postings
//! it makes), due transitions (with the credit balance applied), then the
//! day's events. Between two such points every balance is constant, so each
//! installment's penalty over a segment is one product, rounded once.

mod allocate;
mod caps;
mod clock;
mod corrections;
mod daily;
mod fees;
mod in_order;
mod penalty;
mod promotions;
mod readings;
mod restructure;
mod settle;
mod statement;
mod terms;

pub(crate) use readings::{Dues, FeeReading, Standing};
pub(crate) use terms::ReplayTerms;

use clock::{Clock, OriginDays};
use terms::InstTerms;

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};

use chrono::{Datelike, NaiveDate};

use crate::accrual::event::{Event, Reversal};
use crate::accrual::statement::{AllocationSource, PossibleDuplicate, RebateReason};
use crate::component::Component;
use crate::components::PerComponent;
use crate::error::{overflow, Error, Result};
use crate::fraction::Fraction;
use crate::money::RoundingMode;
use crate::rate::Rate;
use crate::schedule::ScheduleOptions;

/// A part of a payment (or of a payoff): an amount of one component of one
/// installment (by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Part {
    installment: usize,
    component: Component,
    amount: i128,
}

type Parts = Vec<Part>;

/// Paid interest or fees credited back to the credit balance (negative:
/// a credit realised at a payoff), as a statement lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Credited {
    day: i32,
    installment: usize,
    component: Component,
    amount: i128,
    reason: RebateReason,
}

/// Penalty and compound interest accrued inside a waive grace period, held
/// until the grace ends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Pending {
    penalty: i128,
    compound: i128,
}

#[inline]
fn cadd(a: i128, b: i128) -> Result<i128> {
    a.checked_add(b).ok_or_else(|| overflow("accrual"))
}

#[inline]
fn cmul(a: i128, b: i128) -> Result<i128> {
    a.checked_mul(b).ok_or_else(|| overflow("accrual"))
}

#[inline]
fn day(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

#[inline]
fn date(day: i32) -> Result<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day).ok_or(Error::DateOutOfRange {
        operation: "accrual date",
    })
}

/// `round_toward_zero(amount × share)`.
fn share_of(amount: i128, share: Fraction) -> Result<i128> {
    crate::money::div_round(cmul(amount, share.num)?, share.den, RoundingMode::TowardZero)
}

/// The part of an amount carried onto an installment already charged
/// (`posted` of `total`) that is still unpaid, `out` being unpaid in all:
/// it is paid first, and owed in full.
#[inline]
fn posted_left(total: i128, posted: i128, out: i128) -> i128 {
    (posted - (total - out)).clamp(0, out)
}

/// An installment's running state.
#[derive(Debug, Clone, Default)]
struct Inst {
    charged: PerComponent<i128>,
    paid: PerComponent<i128>,
    waived: PerComponent<i128>,
    out: PerComponent<i128>,
    /// The part of `out[Component::Fees]` that is the scheduled fee (paid before late
    /// fees, waived after them).
    scheduled_fee_out: i128,
    /// Penalty and compound interest accrued inside a waive grace period.
    pending: Pending,
    grace_done: bool,
    grace_waived: i128,
    cut: i128,
    /// Penalties and fees posted on it (for the per-installment cap).
    charges: i128,
    /// What a restructure took off it into the new plan.
    restructured: PerComponent<i128>,
    /// Replaced by a restructure: nothing more happens to it.
    closed: bool,
    /// Daily interest posted on it after its due date (accrued after
    /// maturity): it bears no penalty or compound interest, so posting it on
    /// a payment's day costs nothing more than leaving it accrued.
    late_interest: i128,
    /// Where postings go in time order ([`Book::walk`]): the day up to which
    /// its penalties and fees were posted (or cut).
    settled: i32,
    /// Its current stretch of constant penalty bases.
    piece: penalty::Piece,
}

impl Inst {
    /// Principal, interest and scheduled fee still unpaid: what ages it.
    #[inline]
    fn contractual(&self) -> i128 {
        // saturating: it is only compared with the tolerance, and a sum beyond
        // the range is above any tolerance
        self.out[Component::Principal]
            .saturating_add(self.out[Component::Interest])
            .saturating_add(self.scheduled_fee_out)
    }

    /// Unpaid interest that penalties and fees are computed on: all of it but
    /// daily interest accrued after maturity, which is charged once, never as a base.
    #[inline]
    fn interest_bearing(&self) -> i128 {
        (self.out[Component::Interest] - self.late_interest).max(0)
    }

    #[inline]
    fn take(&mut self, c: Component, amount: i128) -> i128 {
        let x = amount.min(self.out[c]);
        if x <= 0 {
            return 0;
        }
        self.out[c] -= x;
        self.paid[c] += x;
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

/// Whether a replay keeps the records of how the money moved (allocations,
/// rebates, possible duplicates) that only a statement lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Records {
    /// Kept, for a statement.
    Kept,
    /// Dropped: the same money moves, for a reading of the totals.
    Dropped,
}

/// A ledger being replayed.
#[derive(Clone)]
pub(crate) struct Book<'t> {
    t: &'t ReplayTerms,
    /// The installments' terms: the schedule's (borrowed until a
    /// prepayment, a restructure or daily interest changes them), then any a
    /// restructure adds.
    rows: Cow<'t, [InstTerms]>,
    /// The first installment of the plan in force.
    first_open: usize,
    restructures: Vec<crate::restructure::RestructureSummary>,
    /// The terms of the plan in force (re-amortisation and deferral keep them).
    plan: Cow<'t, ScheduleOptions>,
    inst: Vec<Inst>,
    /// Accrual is done up to (not including) this day.
    at: i32,
    /// The late installments' penalties and fees are posted up to (not
    /// including) this day ([`Book::settle`]).
    settled: i32,
    /// A trial settlement's: what would post before the lifetime cap.
    lifetime_cap_off: bool,
    /// Posting charges that no cap has room for: all of it is cut.
    cut_only: bool,
    /// Where postings go in time order: each late installment's next fee
    /// day (stale entries are dropped or moved on when read).
    fee_stops: BinaryHeap<Reverse<(i32, usize)>>,
    /// The first installment whose due date has not been reached.
    next_due: usize,
    /// Every installment before this one owes nothing (see [`Book::owes_on`]):
    /// money is applied from here, so that a payment costs what it pays,
    /// not the installments paid long ago.
    owing_from: usize,
    /// Under a per-installment cap taking the whole loan's penalty, every
    /// installment before this one but the oldest late is paid or has its
    /// cap used up: the penalty spills past them.
    spill_from: usize,
    /// The oldest late installment when the walks last went through them.
    walked_oldest: Option<usize>,
    /// A payoff settled the loan and nothing was charged since: the payoff
    /// is nothing, and money received goes to the credit balance.
    paid_off: bool,
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
    rebates: Vec<Credited>,
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
    /// The penalty clock's 30/360 day counts, by day.
    origin_days: OriginDays,
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
    /// The promotions offered so far.
    offers: Vec<promotions::Offer>,
}

/// The most work the replay spends settling late installments one by one
/// at replay points: each event, each late fee day where fees bear interest
/// or are capped, and under a cap shared by time (the annualised cap, or a
/// per-installment cap taking the whole loan's penalty) every due date and
/// fee day, each visiting every late installment. A recurring fee or a
/// shared cap replayed over centuries is an error instead of a hang. A daily
/// fee on 180 late installments over 15 years, or 520 weekly installments
/// all late under an annualised cap, stays below it; at 0.05 to 0.12 µs a
/// unit, the bound keeps a replay within about 0.1 s, so that a call that
/// replays a loan several times (a comparison, a plan's effect) stays well
/// within a second.
pub(super) const MAX_SPLIT_WORK: u64 = 1_000_000;

impl<'t> Book<'t> {
    pub(crate) fn new(t: &'t ReplayTerms) -> Book<'t> {
        let inst = t
            .inst
            .iter()
            .map(|it| {
                let scheduled = PerComponent::new([it.fee, 0, 0, it.interest, it.principal]);
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
            rows: Cow::Borrowed(&t.inst),
            first_open: 0,
            restructures: Vec::new(),
            plan: Cow::Borrowed(&t.options),
            inst,
            at: t.disbursement,
            settled: t.disbursement,
            lifetime_cap_off: false,
            cut_only: false,
            fee_stops: BinaryHeap::new(),
            next_due: 0,
            owing_from: 0,
            spill_from: 0,
            walked_oldest: None,
            paid_off: false,
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
            origin_days: OriginDays::default(),
            cap_memo: std::cell::Cell::new(None),
            accrued: Fraction::ZERO,
            posted_since_due: 0,
            daily_clock: None,
            interest_free: Vec::new(),
            offers: Vec::new(),
        }
    }

    /// Keeps the records a statement lists, or drops them.
    pub(crate) fn keep(&mut self, records: Records) {
        self.records = records == Records::Kept;
    }

    /// A replay in which the payments with these ids were never received.
    pub(crate) fn without(t: &'t ReplayTerms, reversed: BTreeSet<String>) -> Book<'t> {
        Book {
            skip: reversed,
            ..Book::new(t)
        }
    }

    /// Installment `k` may owe again: something was charged on it.
    #[inline]
    fn owes_on(&mut self, k: usize) {
        self.owing_from = self.owing_from.min(k);
        self.paid_off = false;
    }

    /// Installment `k` owes more principal or interest: it may be late
    /// again, with room under its cap.
    fn owes_contractual_on(&mut self, k: usize) {
        self.owes_on(k);
        self.spill_from = self.spill_from.min(k);
    }

    /// The first installment that may owe anything: every one before it owes nothing.
    fn first_owing(&mut self) -> usize {
        while self
            .inst
            .get(self.owing_from)
            .is_some_and(|i| i.out == PerComponent::ZERO)
        {
            self.owing_from += 1;
        }
        self.owing_from
    }

    #[inline]
    fn is_late(&self, k: usize) -> bool {
        self.inst.get(k).is_some_and(|i| i.contractual() > self.t.tolerance)
    }

    #[inline]
    fn due(&self, k: usize) -> i32 {
        self.rows.get(k).map_or(i32::MAX, |it| it.due)
    }

    /// Replays one event (events must come in replay order).
    pub(crate) fn apply(&mut self, event: &Event) -> Result<()> {
        let d = day(event.date());
        if let Event::Reversal(r) = event {
            self.reversals.push(r.clone());
        }
        // an offer moves no money until it is met: no replay point
        if let Event::Promotion(p) = event {
            self.offer(p);
            return Ok(());
        }
        // a reversed payment, and a reversal without a fee, leave no trace in the replay:
        // not even a replay point (penalties are rounded where they post)
        let traceless = match event {
            Event::Payment(p) => self.skip.contains(p.id()),
            Event::Reversal(r) => r.fee().is_none(),
            // an interruption of the limitation period moves no money
            Event::Interruption(_) => true,
            _ => false,
        };
        if traceless {
            return Ok(());
        }
        self.advance(d)?;
        self.settle(d)?;
        if !self.offers.is_empty() {
            self.judge_on_time(d);
        }
        match event {
            Event::Payment(p) => {
                let amount = p.amount().to_minor("payment amount", self.t.scale)?;
                self.flag_duplicate(p.id(), amount, d)?;
                self.receive(AllocationSource::Payment { id: p.id().to_owned() }, amount, d)?;
                if self.offers.is_empty() {
                    return Ok(());
                }
                self.meet_offers(d, amount)
            }
            Event::Waiver(w) => self.waive(w.component(), w.amount(), w.installment(), d),
            Event::Restructure(r) => self.restructure(r, d),
            Event::Reversal(r) => self.reverse(r, d),
            Event::Refund(r) => self.refund(r.amount()),
            Event::Interruption(_) | Event::Promotion(_) => Ok(()),
        }
    }

    /// Accrues and processes due dates up to the start of day `to`.
    fn advance(&mut self, to: i32) -> Result<()> {
        loop {
            let mut next = to;
            if self.next_due < self.inst.len() {
                next = next.min(self.due(self.next_due).max(self.at));
            }
            if let Some(p) = self.next_fee_stop() {
                // the walk at the fee day counts its work
                next = next.min(p);
            }
            if next > self.at {
                self.accrue(self.at, next)?;
                self.at = next;
            }
            let mut reached = false;
            if !self.offers.is_empty() {
                // before a due date's credit can pay an installment already late
                self.judge_on_time(self.at);
            }
            while self.next_due < self.inst.len() && self.due(self.next_due) <= self.at {
                self.fall_due(self.next_due)?;
                self.next_due += 1;
                reached = true;
            }
            if reached && self.credit > 0 {
                self.settle(self.at)?;
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

    /// The oldest installment that is overdue on day `d` (due before `d`).
    fn oldest_late(&self, d: i32) -> Option<usize> {
        (self.owing_from..self.next_due).find(|&k| self.due(k) < d && self.is_late(k))
    }
}
