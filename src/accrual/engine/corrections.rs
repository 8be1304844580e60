//! What corrects a replay: waivers, reversals, refunds, and the records that
//! flag a possible duplicate payment.

use super::{cadd, date, Alloc, Book, Credited};
use crate::accrual::event::Reversal;
use crate::accrual::statement::{AllocationSource, PossibleDuplicate};
use crate::component::Component;
use crate::error::{Error, Result};
use crate::money::Money;

impl Book<'_> {
    /// Records how money moved (a lean book keeps none).
    pub(super) fn record(&mut self, alloc: Alloc) {
        if self.records {
            self.allocs.push(alloc);
        }
    }

    /// Records a rebate (a lean book keeps none).
    pub(super) fn record_rebate(&mut self, rebate: Credited) {
        if self.records {
            self.rebates.push(rebate);
        }
    }

    /// Flags a payment of the same amount as an earlier one under another id,
    /// within the window, when it goes beyond what is due on day `d`.
    pub(super) fn flag_duplicate(&mut self, id: &str, amount: i128, d: i32) -> Result<()> {
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
            .zip(self.rows.iter())
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
    pub(super) fn reverse(&mut self, r: &Reversal, d: i32) -> Result<()> {
        let Some(fee) = r.fee() else { return Ok(()) };
        let fee = fee.to_minor("returned-payment fee", self.t.scale)?;
        // on the oldest overdue installment, else the latest one due, else the first open one
        let k = self
            .oldest_late(d.saturating_add(1))
            .or_else(|| self.next_due.checked_sub(1).filter(|&k| k >= self.first_open))
            .unwrap_or(self.first_open.min(self.inst.len().saturating_sub(1)));
        self.post(k, Component::Fees, fee, d)
    }

    /// Pays `amount` of the credit balance back to the borrower.
    pub(super) fn refund(&mut self, amount: Money) -> Result<()> {
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

    pub(super) fn waive(
        &mut self,
        component: Component,
        amount: Money,
        installment: Option<u32>,
        d: i32,
    ) -> Result<()> {
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
            .try_fold(0i128, |s, i| cadd(s, i.out[c]))?;
        if left > owed {
            return Err(Error::WaiverTooLarge {
                component,
                amount: amount.as_decimal(),
                outstanding: Money::from_minor(owed, self.t.scale)?.as_decimal(),
            });
        }
        for k in targets {
            let Some(inst) = self.inst.get_mut(k) else { continue };
            let x = left.min(inst.out[c]);
            if x <= 0 {
                continue;
            }
            inst.out[c] -= x;
            inst.waived[c] += x;
            if c == Component::Fees {
                // late fees first, then the scheduled fee
                let late = inst.out[Component::Fees] + x - inst.scheduled_fee_out;
                inst.scheduled_fee_out -= (x - late.min(x)).max(0);
            }
            left -= x;
        }
        self.close_grace(d);
        Ok(())
    }
}
