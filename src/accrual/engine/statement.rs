//! The statement of a closed replay: every installment, the totals, the
//! payoff, allocations and rebates.

use chrono::NaiveDate;

use super::{cadd, date, day, Book, Inst, InstTerms, Part};
use crate::accrual::allocation::InstallmentState;
use crate::accrual::policy::Buckets;
use crate::accrual::position::Position;
use crate::accrual::statement::{
    AllocationPart, InstallmentStatement, InstallmentStatus, LoanStatus, PaymentAllocation, Rebate, Statement,
};
use crate::component::Component;
use crate::components::{Components, PerComponent};
use crate::error::{overflow, Result};
use crate::money::Money;

/// An installment's amounts as a statement shows them on a day: what was
/// charged and is outstanding so far, and what is upcoming (the interest
/// and scheduled fee of a period not yet due, owed only as it runs).
pub(super) struct Split {
    pub(super) charged: PerComponent<i128>,
    pub(super) outstanding: PerComponent<i128>,
    pub(super) upcoming: PerComponent<i128>,
}

/// A statement's totals over its installments, by component.
#[derive(Default)]
struct Totals {
    charged: PerComponent<i128>,
    paid: PerComponent<i128>,
    waived: PerComponent<i128>,
    restructured: PerComponent<i128>,
    outstanding: PerComponent<i128>,
    upcoming: PerComponent<i128>,
    cut: i128,
}

impl Totals {
    /// Adds an installment.
    fn add(&mut self, inst: &Inst, split: &Split) -> Result<()> {
        for (total, part) in [
            (&mut self.charged, &split.charged),
            (&mut self.paid, &inst.paid),
            (&mut self.waived, &inst.waived),
            (&mut self.restructured, &inst.restructured),
            (&mut self.outstanding, &split.outstanding),
            (&mut self.upcoming, &split.upcoming),
        ] {
            for (t, p) in total.iter_mut().zip(part) {
                *t = cadd(*t, *p)?;
            }
        }
        self.cut = cadd(self.cut, inst.cut)?;
        Ok(())
    }

    /// Adds what an installment owes, outstanding and upcoming.
    fn add_owed(&mut self, split: &Split) -> Result<()> {
        for (total, part) in [
            (&mut self.outstanding, &split.outstanding),
            (&mut self.upcoming, &split.upcoming),
        ] {
            for (t, p) in total.iter_mut().zip(part) {
                *t = cadd(*t, *p)?;
            }
        }
        Ok(())
    }
}

/// The payoff of a closed book, by component, with interest paid ahead
/// and not earned (credited back at payoff) apart.
struct Payoff {
    components: PerComponent<i128>,
    unearned: i128,
    /// What settles the loan before the credit balance.
    net: i128,
}

impl Book<'_> {
    /// The statement of `as_of_date`, closing the book there.
    pub(crate) fn statement(mut self, as_of_date: NaiveDate, buckets: &Buckets) -> Result<Statement> {
        let as_of = day(as_of_date);
        let dpd = self.close(as_of)?;
        let scale = self.t.scale;
        let mut totals = Totals::default();
        let installments = self.installment_statements(as_of, &mut totals)?;
        let payoff = self.payoff_split(as_of)?;
        let status = self.status(&totals, dpd)?;
        let dpd = u32::try_from(dpd).unwrap_or(0);
        let amount = |x: i128| Money::from_minor(x, scale);
        let per = |x: &PerComponent<i128>| Components::from_minor(x, scale);
        let promotions = self.promotion_outcomes(as_of)?;
        Ok(Statement {
            as_of: as_of_date,
            days_past_due: dpd,
            bucket: buckets.bucket(dpd).label().to_owned(),
            status,
            charged_off_on: self.charged_off.map(date).transpose()?,
            charged: per(&totals.charged)?,
            paid: per(&totals.paid)?,
            waived: per(&totals.waived)?,
            restructured: per(&totals.restructured)?,
            outstanding: per(&totals.outstanding)?,
            upcoming: per(&totals.upcoming)?,
            cap_cut: amount(totals.cut)?,
            credit_balance: amount(self.credit)?,
            unearned_prepaid: amount(payoff.unearned)?,
            rebates: self.rebate_records()?,
            refunded: amount(self.refunded)?,
            payoff: amount((payoff.net - self.credit).max(0))?,
            payoff_components: per(&payoff.components)?,
            installments,
            allocations: self.allocation_records()?,
            reversals: self.reversals,
            possible_duplicates: self.duplicates,
            promotions,
            restructures: self.restructures,
        })
    }

    /// The headline figures of the statement of `as_of_date`, closing the
    /// book there, without listing the installments.
    pub(crate) fn position(mut self, as_of_date: NaiveDate, buckets: &Buckets) -> Result<Position> {
        let as_of = day(as_of_date);
        let dpd = self.close(as_of)?;
        let mut totals = Totals::default();
        let owes_principal = self.owes_principal();
        for k in 0..self.inst.len() {
            let split = self.split(k, as_of, owes_principal);
            totals.add_owed(&split)?;
        }
        let status = self.status(&totals, dpd)?;
        let dpd = u32::try_from(dpd).unwrap_or(0);
        let scale = self.t.scale;
        Ok(Position {
            as_of: as_of_date,
            days_past_due: dpd,
            bucket: buckets.bucket(dpd).label().to_owned(),
            status,
            charged_off_on: self.charged_off.map(date).transpose()?,
            outstanding: Components::from_minor(&totals.outstanding, scale)?,
            upcoming: Components::from_minor(&totals.upcoming, scale)?,
            credit_balance: Money::from_minor(self.credit, scale)?,
            payoff: self.payoff(as_of)?,
        })
    }

    /// The loan's status on a closed book, from its totals and days past due.
    fn status(&self, totals: &Totals, dpd: i32) -> Result<LoanStatus> {
        let owed = cadd(totals.outstanding.iter().sum(), totals.upcoming.iter().sum())?;
        Ok(if owed == 0 {
            LoanStatus::PaidOff
        } else if self.charged_off.is_some() {
            LoanStatus::ChargedOff
        } else if dpd > 0 {
            LoanStatus::Overdue
        } else {
            LoanStatus::Current
        })
    }

    /// Installment `k` as a statement of day `as_of` shows it.
    pub(super) fn split(&self, k: usize, as_of: i32, owes_principal: bool) -> Split {
        let (Some(inst), Some(row)) = (self.inst.get(k), self.rows.get(k)) else {
            return Split {
                charged: PerComponent::ZERO,
                outstanding: PerComponent::ZERO,
                upcoming: PerComponent::ZERO,
            };
        };
        let mut split = upcoming_split(inst, row, as_of);
        if self.t.daily.is_some() {
            split.upcoming[Component::Interest] = daily_upcoming(inst, row, as_of, owes_principal);
        }
        split
    }

    /// Whether the loan still owes principal on an installment in force.
    pub(super) fn owes_principal(&self) -> bool {
        self.inst.iter().any(|i| !i.closed && i.out[Component::Principal] > 0)
    }

    /// Every installment's statement on day `as_of`, added into `totals`.
    fn installment_statements(&self, as_of: i32, totals: &mut Totals) -> Result<Vec<InstallmentStatement>> {
        let scale = self.t.scale;
        let owes_principal = self.owes_principal();
        let current = self.current(as_of);
        let settled_on = self.allocs.iter().filter(|a| a.settled).map(|a| a.date).min();
        let mut installments = Vec::with_capacity(self.inst.len());
        for (k, (inst, row)) in self.inst.iter().zip(self.rows.iter()).enumerate() {
            let split = self.split(k, as_of, owes_principal);
            totals.add(inst, &split)?;
            let late = row.due < as_of && inst.contractual() > self.t.tolerance;
            let per = |x: &PerComponent<i128>| Components::from_minor(x, scale);
            installments.push(InstallmentStatement {
                number: number(k)?,
                due_date: date(row.due)?,
                state: self.installment_status(k, as_of, current, settled_on, &split),
                charged: per(&split.charged)?,
                paid: per(&inst.paid)?,
                waived: per(&inst.waived)?,
                restructured: per(&inst.restructured)?,
                outstanding: per(&split.outstanding)?,
                upcoming: per(&split.upcoming)?,
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
        Ok(installments)
    }

    /// What happened to installment `k` by day `as_of`, the loan having been
    /// settled on `settled_on` (if it was), `split` being how it stands.
    fn installment_status(
        &self,
        k: usize,
        as_of: i32,
        current: usize,
        settled_on: Option<i32>,
        split: &Split,
    ) -> InstallmentStatus {
        let (Some(inst), Some(row)) = (self.inst.get(k), self.rows.get(k)) else {
            return InstallmentStatus::NotYetDue;
        };
        let owes = inst.contractual();
        // interest or a scheduled fee still to run (daily interest is charged as it is earned)
        let to_run = split.upcoming[Component::Interest].saturating_add(split.upcoming[Component::Fees]);
        if inst.closed {
            InstallmentStatus::Restructured
        } else if (owes == 0 && to_run == 0) || (row.due < as_of && owes <= self.t.tolerance) {
            match settled_on {
                Some(s) if s < row.due => InstallmentStatus::Settled,
                _ => InstallmentStatus::Paid,
            }
        } else {
            match self.state(k, as_of, current) {
                InstallmentState::PastDue => InstallmentStatus::PastDue,
                InstallmentState::Due => InstallmentStatus::Due,
                _ => InstallmentStatus::NotYetDue,
            }
        }
    }

    /// The payoff on day `as_of` of a closed book, by component.
    fn payoff_split(&self, as_of: i32) -> Result<Payoff> {
        let mut payoff = Payoff {
            components: PerComponent::ZERO,
            unearned: 0,
            net: 0,
        };
        for Part {
            component: c,
            amount: x,
            ..
        } in self.payoff_parts(as_of)?
        {
            payoff.net = cadd(payoff.net, x)?;
            if x < 0 {
                payoff.unearned = cadd(payoff.unearned, -x)?;
            } else {
                payoff.components[c] = cadd(payoff.components[c], x)?;
            }
        }
        Ok(payoff)
    }

    /// How each payment was applied, as a statement lists it.
    fn allocation_records(&self) -> Result<Vec<PaymentAllocation>> {
        let scale = self.t.scale;
        let amount = |x: i128| Money::from_minor(x, scale);
        self.allocs
            .iter()
            .map(|a| {
                Ok(PaymentAllocation {
                    source: a.source.clone(),
                    date: date(a.date)?,
                    amount: amount(a.amount)?,
                    credit_used: amount(a.credit_used)?,
                    parts: a
                        .parts
                        .iter()
                        .map(|p| {
                            Ok(AllocationPart {
                                installment: number(p.installment)?,
                                component: p.component,
                                amount: amount(p.amount)?,
                            })
                        })
                        .collect::<Result<Vec<_>>>()?,
                    to_credit: amount(a.to_credit)?,
                    settled: a.settled,
                })
            })
            .collect()
    }

    /// The interest and fees credited back, as a statement lists them.
    fn rebate_records(&self) -> Result<Vec<Rebate>> {
        self.rebates
            .iter()
            .map(|r| {
                Ok(Rebate {
                    date: date(r.day)?,
                    installment: number(r.installment)?,
                    component: r.component,
                    amount: Money::from_minor(r.amount, self.t.scale)?,
                    reason: r.reason,
                })
            })
            .collect()
    }
}

/// The interest a daily-interest installment not yet due is expected to
/// charge beyond what was posted on it: the plan's, if it is paid on its due
/// date (none once it is paid ahead in full, once a shorter term left it no
/// principal, or once the loan owes no principal).
fn daily_upcoming(inst: &Inst, row: &InstTerms, as_of: i32, owes_principal: bool) -> i128 {
    let emptied = row.payment > row.planned_interest && inst.charged[Component::Principal] == 0;
    if row.due <= as_of || inst.closed || super::daily::paid_ahead(inst, row) || emptied || !owes_principal {
        return 0;
    }
    (row.planned_interest - row.interest).max(0)
}

/// An installment's charged and outstanding amounts as of day `as_of`, with
/// the interest and scheduled fee of a period not yet due moved out of them
/// into what is upcoming: they are owed only as the period runs.
fn upcoming_split(inst: &Inst, row: &InstTerms, as_of: i32) -> Split {
    let (mut charged, mut out, mut upcoming) = (inst.charged, inst.out, PerComponent::ZERO);
    if row.due > as_of && !inst.closed {
        let interest = inst.out[Component::Interest]
            .min(row.interest - row.posted_interest)
            .max(0);
        let fee = inst.scheduled_fee_out.min(row.fee - row.posted_fee).max(0);
        for (c, x) in [(Component::Fees, fee), (Component::Interest, interest)] {
            charged[c] -= x;
            out[c] -= x;
            upcoming[c] = x;
        }
    }
    Split {
        charged,
        outstanding: out,
        upcoming,
    }
}

/// The number a statement gives installment `k` (counted from one).
fn number(k: usize) -> Result<u32> {
    u32::try_from(k + 1).map_err(|_| overflow("installment number"))
}
