//! Replay of a ledger in integer minor units, closed-form between events.
//!
//! Time is counted in days from the common era (`i32`). A segment
//! `[t0, t1)` accrues the days `t0 ..= t1 − 1`; work "at" a date happens at
//! the start of that day, in this order: accrual up to it (and the postings
//! it makes), due transitions (with the credit balance applied), then the
//! day's events. Between two such points every balance is constant, so each
//! installment's penalty over a segment is one product, rounded once.

use chrono::{Datelike, NaiveDate};

use crate::accrual::allocation::{AllocationOrder, Component, Direction, InstallmentState, Surplus};
use crate::accrual::ledger::Event;
use crate::accrual::policy::{
    Buckets, EarlySettlement, FeeAmount, GraceMeaning, InstallmentLimit, OverduePolicy, PenaltyBase, Recurrence,
};
use crate::accrual::statement::{
    AllocationPart, AllocationSource, Components, InstallmentStatement, LoanStatus, PaymentAllocation, Statement,
};
use crate::calendar::DayCount;
use crate::error::{overflow, Error, Result};
use crate::fraction::Fraction;
use crate::money::{Money, Rounding, RoundingMode};
use crate::rate::{Rate, RatePeriod};
use crate::schedule::{Schedule, ScheduleOptions};

const FEES: usize = 0;
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
}

impl Clock {
    fn new(rate: Rate, day_count: DayCount) -> Result<Clock> {
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
        })
    }

    /// The factor from `start` to `end` (unreduced when it is per day).
    fn factor(&self, start: i32, end: i32) -> Result<Fraction> {
        match self.per_day {
            Some(pd) => {
                let days = match self.day_count {
                    DayCount::Act360 | DayCount::Act365Fixed | DayCount::ActActIsda => i128::from(end - start),
                    _ => i128::from(self.day_count.days(date(start)?, date(end)?)),
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
    fn interest(&self, base: i128, start: i32, end: i32, rounding: Rounding) -> Result<i128> {
        if base == 0 || start >= end {
            return Ok(0);
        }
        let f = self.factor(start, end)?;
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
                interest,
                fee,
                cap,
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
            penalty: Clock::new(penalty_rate, policy.get_day_count())?,
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
                .map(|r| Clock::new(r, policy.get_day_count()))
                .transpose()?,
            charge_off: policy
                .get_charge_off_after()
                .map(|d| days_i32("charge-off days past due", d))
                .transpose()?,
            allocation: policy.get_allocation().clone(),
            settlement: policy.get_early_settlement(),
            installment_limit: caps.get_per_installment(),
            options: schedule.options().clone(),
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
}

/// The most work the replay spends on late-fee days replayed one by one
/// (fee days × installments late at each): a recurring fee under caps or
/// bearing interest, replayed over centuries, is an error instead of a hang.
/// A daily fee on 360 late installments over 150 years stays below it.
const MAX_SPLIT_WORK: u64 = 20_000_000;

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
        self.advance(d)?;
        match event {
            Event::Payment(p) => {
                let amount = p.amount().to_minor("payment amount", self.t.scale)?;
                self.receive(AllocationSource::Payment { id: p.id().to_owned() }, amount, d)
            }
            Event::Waiver(w) => self.waive(w.component(), w.amount(), w.get_installment(), d),
            Event::Restructure(r) => self.restructure(r, d),
        }
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
                self.allocs.push(Alloc {
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
    /// count as charged, and the annualised cap cuts what does not fit
    /// (the fee first, then interest; only what is still unpaid can be cut).
    fn fall_due(&mut self, k: usize) -> Result<()> {
        let Some(it) = self.rows.get(k).copied() else {
            return Ok(());
        };
        if self.inst.get(k).is_some_and(|i| i.closed) {
            return Ok(());
        }
        let scheduled = cadd(it.interest, it.fee)?;
        let room = match self.annualised_room(self.at)? {
            Some(room) => room,
            None => {
                self.beyond = cadd(self.beyond, scheduled)?;
                return Ok(());
            }
        };
        let inst = self.inst.get_mut(k).ok_or_else(|| overflow("installment index"))?;
        let mut excess = (scheduled - room.max(0)).max(0);
        let fee_cut = excess.min(inst.scheduled_fee_out);
        inst.scheduled_fee_out -= fee_cut;
        inst.out[FEES] -= fee_cut;
        inst.charged[FEES] -= fee_cut;
        excess -= fee_cut;
        let interest_cut = excess.min(inst.out[INTEREST]);
        inst.out[INTEREST] -= interest_cut;
        inst.charged[INTEREST] -= interest_cut;
        inst.cut = cadd(inst.cut, fee_cut + interest_cut)?;
        self.beyond = cadd(self.beyond, scheduled - fee_cut - interest_cut)?;
        Ok(())
    }

    /// What the annualised cap still allows at the start of day `d`, if there is one.
    fn annualised_room(&self, d: i32) -> Result<Option<i128>> {
        let Some(clock) = &self.t.annualised_cap else {
            return Ok(None);
        };
        let f = clock.factor(self.t.disbursement, d)?;
        let cap = crate::money::div_round(cmul(self.t.principal, f.num)?, f.den, RoundingMode::TowardZero)?;
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
        if self.charged_off.is_some() {
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
            return Ok(());
        };
        let mut freeze = i32::MAX;
        if let Some(co) = self.charged_off {
            freeze = co;
        } else if let Some(limit) = self.t.charge_off {
            let candidate = self.due(oldest).saturating_add(limit);
            if candidate < t1 {
                let co = candidate.max(t0);
                self.charged_off = Some(co);
                freeze = co;
            }
        }
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
        let mut base = match t.base {
            PenaltyBase::OverduePrincipal => inst.out[PRINCIPAL],
            PenaltyBase::OverdueInstallment => cadd(inst.out[PRINCIPAL], inst.out[INTEREST])?,
            PenaltyBase::OutstandingPrincipal if is_oldest => whole_principal,
            PenaltyBase::OutstandingPrincipal => 0,
        };
        if t.interest_on_fees {
            base = cadd(base, inst.out[FEES])?;
        }
        let compound_base = if t.compound { inst.out[INTEREST] } else { 0 };
        let (w0, w1) = (t0.max(t.penalty_start(it.due)), t1.min(freeze));
        let penalty = t.penalty.interest(base, w0, w1, t.rounding)?;
        let compound = t.penalty.interest(compound_base, w0, w1, t.rounding)?;
        let (fees, fee_cut) = self.late_fees(k, t0, t1, freeze)?;

        let in_grace = t.waive_grace && !inst.grace_done;
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
            self.post(k, Component::PenaltyInterest, p, t1)?;
            self.post(k, Component::CompoundInterest, c, t1)?;
        } else {
            self.post(k, Component::PenaltyInterest, penalty, t1)?;
            self.post(k, Component::CompoundInterest, compound, t1)?;
        }
        if let Some(inst) = self.inst.get_mut(k) {
            inst.cut = cadd(inst.cut, fee_cut)?;
        }
        self.post(k, Component::Fees, fees, t1)
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
                let overdue = cadd(inst.out[PRINCIPAL], inst.out[INTEREST])?;
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

    /// Installment states on day `d`: the index of the current period's
    /// installment (the first due on or after `d`).
    fn current(&self, d: i32) -> usize {
        let open = self.rows.get(self.first_open..).unwrap_or_default();
        self.first_open + open.partition_point(|i| i.due < d)
    }

    fn state(&self, k: usize, d: i32, current: usize) -> InstallmentState {
        if self.due(k) < d {
            InstallmentState::PastDue
        } else if k == current {
            InstallmentState::Due
        } else {
            InstallmentState::NotYetDue
        }
    }

    /// Pays `amount` by the allocation order on day `d`; returns the parts
    /// and what is left.
    fn allocate(&mut self, mut amount: i128, d: i32, with_surplus: bool) -> Result<(Parts, i128)> {
        let t = self.t;
        let mut parts = Vec::new();
        let current = self.current(d);
        let n = self.inst.len();
        let mut pay = |book: &mut Book<'_>, k: usize, c: Component, amount: &mut i128| {
            if *amount <= 0 {
                return;
            }
            if let Some(inst) = book.inst.get_mut(k) {
                let x = inst.take(c, *amount);
                if x > 0 {
                    *amount -= x;
                    parts.push((k, c, x));
                }
            }
        };
        for tier in t.allocation.tiers() {
            let covered: Vec<usize> = (0..n)
                .filter(|&k| tier.states().contains(&self.state(k, d, current)))
                .collect();
            match tier.direction() {
                Direction::Horizontal => {
                    for c in tier.components() {
                        for &k in &covered {
                            pay(self, k, *c, &mut amount);
                        }
                    }
                }
                _ => {
                    for &k in &covered {
                        for c in tier.components() {
                            pay(self, k, *c, &mut amount);
                        }
                    }
                }
            }
            if amount == 0 {
                break;
            }
        }
        if with_surplus && amount > 0 {
            let order: Vec<usize> = match t.allocation.get_surplus() {
                Surplus::LastInstallments => (0..n).rev().collect(),
                Surplus::CreditBalance => Vec::new(),
                _ => (0..n).collect(),
            };
            for k in order {
                for c in Component::ALL {
                    pay(self, k, c, &mut amount);
                }
            }
        }
        Ok((parts, amount))
    }

    /// What settles the loan on day `d`, part by part (before the credit balance).
    fn payoff_parts(&self, d: i32) -> Result<Parts> {
        let mut parts = Vec::new();
        let open = self.rows.get(self.first_open..).unwrap_or_default();
        let current = self.first_open + open.partition_point(|i| i.due <= d); // first not yet due
        let mut room = self.annualised_room(d)?;
        for (k, (inst, it)) in self.inst.iter().zip(&self.rows).enumerate() {
            if inst.closed {
                continue;
            }
            if it.due <= d {
                for c in Component::ALL {
                    parts.push((k, c, value(&inst.out, c)));
                }
                continue;
            }
            let (interest, fee) = match self.t.settlement {
                EarlySettlement::AllScheduled => (inst.out[INTEREST], inst.scheduled_fee_out),
                EarlySettlement::CurrentPeriod if k == current => (inst.out[INTEREST], inst.scheduled_fee_out),
                EarlySettlement::AccruedInterest if k == current => {
                    let (elapsed, length) = (i128::from(d - it.start), i128::from(it.due - it.start).max(1));
                    let earned = |scheduled: i128, out: i128| -> Result<i128> {
                        let accrued = self.t.rounding.div(cmul(scheduled, elapsed.max(0))?, length)?;
                        Ok((accrued - (scheduled - out)).clamp(0, out))
                    };
                    (
                        earned(it.interest, inst.out[INTEREST])?,
                        earned(it.fee, inst.scheduled_fee_out)?,
                    )
                }
                _ => (0, 0),
            };
            // settling early charges them today: they must fit the annualised cap's room
            // (the fee is cut first, as when an installment falls due)
            let (interest, fee) = match room.as_mut() {
                None => (interest, fee),
                Some(room) => {
                    let allowed = cadd(interest, fee)?.min((*room).max(0));
                    *room -= allowed;
                    let interest_kept = interest.min(allowed);
                    (interest_kept, allowed - interest_kept)
                }
            };
            parts.push((k, Component::Fees, fee));
            parts.push((k, Component::Interest, interest));
            parts.push((k, Component::Principal, inst.out[PRINCIPAL]));
        }
        parts.retain(|p| p.2 > 0);
        Ok(parts)
    }

    /// Receives money on day `d`: settles the loan if it covers the payoff,
    /// otherwise applies it by the allocation order.
    fn receive(&mut self, source: AllocationSource, amount: i128, d: i32) -> Result<()> {
        let credit_used = std::mem::take(&mut self.credit);
        let available = cadd(amount, credit_used)?;
        let payoff = self.payoff_parts(d)?;
        let total = payoff.iter().try_fold(0i128, |s, p| cadd(s, p.2))?;
        let (parts, left, settled) = if total > 0 && available >= total {
            for &(k, c, x) in &payoff {
                if let Some(inst) = self.inst.get_mut(k) {
                    inst.take(c, x);
                }
            }
            // interest and fees not earned by the settlement date are forgiven
            for inst in &mut self.inst {
                inst.waived[FEES] += inst.out[FEES];
                inst.waived[INTEREST] += inst.out[INTEREST];
                inst.out[FEES] = 0;
                inst.out[INTEREST] = 0;
                inst.scheduled_fee_out = 0;
            }
            (payoff, available - total, true)
        } else {
            let (parts, left) = self.allocate(available, d, true)?;
            (parts, left, false)
        };
        self.credit = left;
        self.allocs.push(Alloc {
            source,
            date: d,
            amount,
            credit_used,
            parts,
            to_credit: left,
            settled,
        });
        self.close_grace(d);
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

    /// Replaces what is owed on day `d` by a new plan (see [`Restructure`](crate::Restructure)).
    fn restructure(&mut self, r: &crate::restructure::Restructure, d: i32) -> Result<()> {
        use crate::restructure::{DeferralInterest, NewPlan, PlanFee, Shift, Treatment, Waive};
        let scale = self.t.scale;
        let sum = |parts: &Parts| parts.iter().try_fold(0i128, |s, p| cadd(s, p.2));
        let owed_total = sum(&self.payoff_parts(d)?)?;
        if owed_total == 0 {
            return Err(Error::Invalid {
                field: "restructure",
                reason: format!("nothing is owed on {}", date(d)?),
            });
        }
        // 1. the down payment, by the allocation order
        let down = match r.get_down_payment() {
            Some(m) => m.to_minor("down payment", scale)?,
            None => 0,
        };
        if cadd(down, self.credit)? >= owed_total {
            return Err(Error::DownPaymentTooLarge {
                down_payment: r.get_down_payment().unwrap_or(Money::ZERO).as_decimal(),
                owed: Money::from_minor(owed_total, scale)?.as_decimal(),
            });
        }
        if down > 0 || self.credit > 0 {
            self.receive(AllocationSource::DownPayment, down, d)?;
        }
        // 2. take what is owed off the old installments; drop interest not yet earned
        let parts = self.payoff_parts(d)?;
        let mut owed = [0i128; 5];
        for &(k, c, x) in &parts {
            *slot(&mut owed, c) = cadd(value(&owed, c), x)?;
            if let Some(inst) = self.inst.get_mut(k) {
                let x = x.min(value(&inst.out, c));
                *slot(&mut inst.out, c) -= x;
                *slot(&mut inst.restructured, c) += x;
            }
        }
        for inst in self.inst.iter_mut().skip(self.first_open) {
            for c in Component::ALL {
                *slot(&mut inst.waived, c) += value(&inst.out, c);
            }
            inst.out = [0; 5];
            inst.scheduled_fee_out = 0;
            inst.grace_waived = inst
                .grace_waived
                .saturating_add(inst.pending[0].saturating_add(inst.pending[1]));
            inst.pending = [0, 0];
            inst.grace_done = true;
            inst.closed = true;
        }
        // 3. waive, then place each component
        let mut waived = [0i128; 5];
        let mut rest = owed;
        for c in Component::ALL {
            let have = value(&owed, c);
            let w = match r.get_component(c).get_waive() {
                Waive::Share(share) => share_of(have, share.exact()?)?.min(have),
                Waive::Amount(m) => {
                    let w = m.to_minor("waiver amount", scale)?;
                    if w > have {
                        return Err(Error::WaiverTooLarge {
                            component: c,
                            amount: m.as_decimal(),
                            outstanding: Money::from_minor(have, scale)?.as_decimal(),
                        });
                    }
                    w
                }
                _ => 0,
            };
            *slot(&mut waived, c) = w;
            *slot(&mut rest, c) = have - w;
        }
        let restructured: i128 = rest.iter().sum();
        let fee = match r.get_fee() {
            None => 0,
            Some(PlanFee::Flat(m)) => m.to_minor("restructure fee", scale)?,
            Some(PlanFee::Share(share)) => {
                let f = share.exact()?;
                self.t.rounding.div(cmul(restructured, f.num)?, f.den)?
            }
        };
        *slot(&mut rest, Component::Fees) = cadd(value(&rest, Component::Fees), fee)?;
        let (mut capitalised, mut first, mut spread, mut now) = ([0i128; 5], [0i128; 5], [0i128; 5], [0i128; 5]);
        for c in Component::ALL {
            let target = match r.get_component(c).treatment() {
                Treatment::CarryToFirst => &mut first,
                Treatment::Spread => &mut spread,
                Treatment::DueNow => &mut now,
                _ => &mut capitalised,
            };
            *slot(target, c) = value(&rest, c);
        }
        let mut principal: i128 = capitalised.iter().sum();
        // 4. the new terms; re-amortisation and deferral keep the plan in force and the
        //    periods it has left (a bullet has one installment but many periods)
        let o = self.plan.clone();
        let anchor = o.get_first_due()?;
        let mut future = 0u32;
        let mut next_due = None;
        for k in 0..o.installments() {
            let due = day(o.get_frequency().due_date(anchor, k)?);
            if due > d {
                future += 1;
                next_due = next_due.or(Some(due));
            }
        }
        let (rate, count, method, frequency, basis, first_due, holiday) = match r.get_plan() {
            NewPlan::Schedule(terms) => (
                terms.get_rate(),
                terms.get_installments(),
                terms.get_method(),
                terms.get_frequency(),
                terms.get_basis(),
                terms.get_first_due().map(day),
                None,
            ),
            plan => {
                let base = next_due.ok_or_else(|| Error::Invalid {
                    field: "restructure",
                    reason: "no installment of the current schedule is left to spread the arrears over".into(),
                })?;
                let (moved, holiday) = match plan {
                    NewPlan::Deferral { shift, interest } => {
                        let moved = match shift {
                            Shift::Periods(k) => day(o.get_frequency().due_date(date(base)?, k)?),
                            Shift::Days(n) => base.saturating_add(days_i32("deferral days", n)?),
                        };
                        (moved, Some((shift, interest)))
                    }
                    _ => (base, None),
                };
                (
                    o.rate(),
                    future,
                    o.get_method(),
                    o.get_frequency(),
                    o.get_basis(),
                    Some(moved),
                    holiday,
                )
            }
        };
        if let Some(first_due) = first_due {
            if first_due <= d {
                return Err(Error::DateOrder {
                    earlier: "restructure date",
                    earlier_date: date(d)?,
                    later: "new first due date",
                    later_date: date(first_due)?,
                });
            }
        }
        // 5. contract interest for a deferral period, on what is capitalised
        let mut deferral_interest = 0;
        if let (Some((shift, treatment)), Some(base), Some(moved)) = (holiday, next_due, first_due) {
            if treatment != DeferralInterest::Waive {
                let factor = match shift {
                    Shift::Periods(k) => rate.periodic_exact(frequency)?.scale(i128::from(k), 1)?,
                    _ => rate.factor_between(date(base)?, date(moved)?, crate::calendar::DayCount::Act365Fixed)?,
                };
                deferral_interest = factor.apply(principal, self.t.rounding)?;
                if treatment == DeferralInterest::Capitalise {
                    principal = cadd(principal, deferral_interest)?;
                } else {
                    *slot(&mut first, Component::Interest) =
                        cadd(value(&first, Component::Interest), deferral_interest)?;
                }
            }
        }
        if principal <= 0 {
            return Err(Error::Invalid {
                field: "restructure",
                reason: "nothing is capitalised into the new principal".into(),
            });
        }
        let mut options = ScheduleOptions::new(Money::from_minor(principal, scale)?, rate, count, date(d)?)
            .method(method)
            .frequency(frequency)
            .basis(basis)
            .rounding(o.get_rounding());
        if let Some(first_due) = first_due {
            options = options.first_due(date(first_due)?);
        }
        let schedule = Schedule::build(&options)?;
        self.plan = options;
        // 6. the new installments
        self.next_due = self.next_due.max(self.inst.len());
        self.first_open = self.inst.len();
        let first_number = self.inst.len() + 1;
        if now.iter().any(|&x| x > 0) {
            self.push_row(d, d, [0; 3], now)?;
        }
        // spread over the rows the new schedule has (a bullet plan of `count` periods has one)
        let n = i128::try_from(schedule.installments().len().max(1)).map_err(|_| overflow("installment count"))?;
        let mut start = d;
        for (j, row) in schedule.installments().iter().enumerate() {
            let j = i128::try_from(j).map_err(|_| overflow("installment index"))?;
            let mut extra = [0i128; 5];
            for c in Component::ALL {
                let total = value(&spread, c);
                let mut part = total / n;
                if j == n - 1 {
                    part = total - part * (n - 1);
                }
                if j == 0 {
                    part = cadd(part, value(&first, c))?;
                }
                *slot(&mut extra, c) = part;
            }
            let due = day(row.due_date);
            let sched = [
                row.principal.to_minor("principal", scale)?,
                row.interest.to_minor("interest", scale)?,
                row.fee.to_minor("fee", scale)?,
            ];
            self.push_row(due, start, sched, extra)?;
            start = due;
        }
        let mut carried = [0i128; 5];
        for c in Component::ALL {
            *slot(&mut carried, c) = cadd(cadd(value(&first, c), value(&spread, c))?, value(&now, c))?;
        }
        self.restructures.push(crate::restructure::RestructureSummary {
            date: date(d)?,
            down_payment: Money::from_minor(down, scale)?,
            owed: Components::from_minor(&owed, scale)?,
            waived: Components::from_minor(&waived, scale)?,
            capitalised: Components::from_minor(&capitalised, scale)?,
            carried: Components::from_minor(&carried, scale)?,
            fee: Money::from_minor(fee, scale)?,
            deferral_interest: Money::from_minor(deferral_interest, scale)?,
            new_principal: Money::from_minor(principal, scale)?,
            first_installment: u32::try_from(first_number).map_err(|_| overflow("installment number"))?,
            installments: u32::try_from(self.inst.len() + 1 - first_number)
                .map_err(|_| overflow("installment count"))?,
        });
        Ok(())
    }

    /// Adds an installment of the plan in force: `sched` = principal,
    /// interest, fee from its schedule; `extra` = amounts placed on it.
    fn push_row(&mut self, due: i32, start: i32, sched: [i128; 3], extra: [i128; 5]) -> Result<()> {
        let [principal, interest, fee] = sched;
        let [x_fees, x_penalty, x_compound, x_interest, x_principal] = extra;
        let charged = [
            cadd(fee, x_fees)?,
            x_penalty,
            x_compound,
            cadd(interest, x_interest)?,
            cadd(principal, x_principal)?,
        ];
        let payment = charged.iter().try_fold(0i128, |s, x| cadd(s, *x))?;
        self.rows.push(InstTerms {
            due,
            start,
            principal: charged[PRINCIPAL],
            interest: charged[INTEREST],
            fee: charged[FEES],
            cap: installment_cap(self.t.installment_limit, payment, self.t.scale)?,
        });
        self.inst.push(Inst {
            charged,
            out: charged,
            scheduled_fee_out: charged[FEES],
            ..Inst::default()
        });
        Ok(())
    }

    /// Finishes the replay at `as_of` and builds the statement.
    pub(crate) fn statement(mut self, as_of_date: NaiveDate, buckets: &Buckets) -> Result<Statement> {
        let as_of = day(as_of_date);
        self.advance(as_of)?;
        let oldest = self.oldest_late(as_of);
        let dpd = oldest.map_or(0, |k| as_of - self.due(k));
        if let (None, Some(limit), Some(k)) = (self.charged_off, self.t.charge_off, oldest) {
            if dpd >= limit {
                self.charged_off = Some(self.due(k).saturating_add(limit));
            }
        }
        let scale = self.t.scale;
        let current = self.current(as_of);
        let mut totals = [[0i128; 5]; 5];
        let mut cut = 0i128;
        let mut installments = Vec::with_capacity(self.inst.len());
        for (k, (inst, row)) in self.inst.iter().zip(&self.rows).enumerate() {
            for (total, part) in
                totals
                    .iter_mut()
                    .zip([&inst.charged, &inst.paid, &inst.waived, &inst.restructured, &inst.out])
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
                charged: Components::from_minor(&inst.charged, scale)?,
                paid: Components::from_minor(&inst.paid, scale)?,
                waived: Components::from_minor(&inst.waived, scale)?,
                restructured: Components::from_minor(&inst.restructured, scale)?,
                outstanding: Components::from_minor(&inst.out, scale)?,
                days_past_due: if late {
                    u32::try_from(as_of - row.due).unwrap_or(0)
                } else {
                    0
                },
                cap_cut: Money::from_minor(inst.cut, scale)?,
                grace_waived: Money::from_minor(inst.grace_waived, scale)?,
            });
        }
        let [charged, paid, waived, restructured, outstanding] = totals;
        let mut payoff_parts = [0i128; 5];
        for (_, c, x) in self.payoff_parts(as_of)? {
            *slot(&mut payoff_parts, c) = cadd(value(&payoff_parts, c), x)?;
        }
        let payoff_total = payoff_parts.iter().try_fold(0i128, |s, x| cadd(s, *x))?;
        let owed: i128 = outstanding.iter().sum();
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
            cap_cut: Money::from_minor(cut, scale)?,
            credit_balance: Money::from_minor(self.credit, scale)?,
            payoff: Money::from_minor((payoff_total - self.credit).max(0), scale)?,
            payoff_components: Components::from_minor(&payoff_parts, scale)?,
            installments,
            allocations,
            restructures: self.restructures,
        })
    }
}
