//! The statement of a closed replay: every installment, the totals, the
//! payoff, allocations and rebates.

use chrono::NaiveDate;

use super::{cadd, date, day, Book, Inst, InstTerms, Part};
use crate::accrual::policy::Buckets;
use crate::accrual::statement::{
    AllocationPart, InstallmentStatement, LoanStatus, PaymentAllocation, Rebate, Statement,
};
use crate::component::Component;
use crate::components::{Components, PerComponent};
use crate::error::{overflow, Result};
use crate::money::Money;

impl Book<'_> {
    pub(crate) fn statement(mut self, as_of_date: NaiveDate, buckets: &Buckets) -> Result<Statement> {
        let as_of = day(as_of_date);
        let dpd = self.close(as_of)?;
        let owes_principal = self.inst.iter().any(|i| !i.closed && i.out[Component::Principal] > 0);
        let scale = self.t.scale;
        let current = self.current(as_of);
        let mut totals = [PerComponent::ZERO; 6];
        let mut cut = 0i128;
        let mut installments = Vec::with_capacity(self.inst.len());
        for (k, (inst, row)) in self.inst.iter().zip(&self.rows).enumerate() {
            let (charged, out, mut upcoming) = upcoming_split(inst, row, as_of);
            if self.t.daily.is_some() {
                upcoming[Component::Interest] = daily_upcoming(inst, row, as_of, owes_principal);
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
                number: number(k)?,
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
        let mut payoff_parts = PerComponent::ZERO;
        let mut unearned = 0i128;
        let mut net = 0i128;
        for Part {
            component: c,
            amount: x,
            ..
        } in self.payoff_parts(as_of)?
        {
            net = cadd(net, x)?;
            if x < 0 {
                unearned = cadd(unearned, -x)?;
            } else {
                payoff_parts[c] = cadd(payoff_parts[c], x)?;
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
                        .map(|p| {
                            Ok(AllocationPart {
                                installment: number(p.installment)?,
                                component: p.component,
                                amount: Money::from_minor(p.amount, scale)?,
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
                .map(|r| {
                    Ok(Rebate {
                        date: date(r.day)?,
                        installment: number(r.installment)?,
                        component: r.component,
                        amount: Money::from_minor(r.amount, scale)?,
                        reason: r.reason,
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
pub(super) fn daily_upcoming(inst: &Inst, row: &InstTerms, as_of: i32, owes_principal: bool) -> i128 {
    let emptied = row.payment > row.planned_interest && inst.charged[Component::Principal] == 0;
    if row.due <= as_of || inst.closed || super::daily::paid_ahead(inst, row) || emptied || !owes_principal {
        return 0;
    }
    (row.planned_interest - row.interest).max(0)
}

/// An installment's charged and outstanding amounts as of day `as_of`, with
/// the interest and scheduled fee of a period not yet due moved out of them
/// into what is upcoming: they are owed only as the period runs.
pub(super) fn upcoming_split(
    inst: &Inst,
    row: &InstTerms,
    as_of: i32,
) -> (PerComponent<i128>, PerComponent<i128>, PerComponent<i128>) {
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
    (charged, out, upcoming)
}

/// The number a statement gives installment `k` (counted from one).
fn number(k: usize) -> Result<u32> {
    u32::try_from(k + 1).map_err(|_| overflow("installment number"))
}
