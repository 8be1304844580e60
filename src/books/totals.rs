//! The cumulative amounts of a statement the books follow, per component in
//! minor units: a day's entries book what changed since the day before.

use crate::accrual::{AllocationSource, Statement};
use crate::component::Component;
use crate::components::{Components, PerComponent};
use crate::error::{Error, Result};
use crate::money::Money;

/// The cumulative amounts of a statement the books follow, in minor units.
#[derive(Default)]
pub(super) struct Totals {
    /// Charged on the original installments.
    pub(super) charged_old: PerComponent<i128>,
    /// Charged on installments a restructure created.
    pub(super) charged_new: PerComponent<i128>,
    /// Paid by allocations, before rebates.
    pub(super) parts: PerComponent<i128>,
    pub(super) waived: PerComponent<i128>,
    pub(super) restructured: PerComponent<i128>,
    pub(super) rebates: PerComponent<i128>,
    pub(super) cash_in: i128,
    pub(super) refunded: i128,
    pub(super) unearned: i128,
    pub(super) restructures: usize,
}

/// The minor units of `m`.
pub(super) fn minor(m: Money, scale: u32) -> Result<i128> {
    m.to_minor("journal amount", scale)
}

/// Adds the components `c` into `into`.
pub(super) fn add(into: &mut PerComponent<i128>, c: &Components, scale: u32) -> Result<()> {
    for comp in Component::ALL {
        into[comp] = into[comp]
            .checked_add(minor(c.get(comp), scale)?)
            .ok_or_else(overflow)?;
    }
    Ok(())
}

impl Totals {
    pub(super) fn of(st: &Statement, original: u32, scale: u32) -> Result<Totals> {
        let mut t = Totals::default();
        for inst in &st.installments {
            let into = if inst.number > original {
                &mut t.charged_new
            } else {
                &mut t.charged_old
            };
            add(into, &inst.charged, scale)?;
        }
        add(&mut t.waived, &st.waived, scale)?;
        add(&mut t.restructured, &st.restructured, scale)?;
        for a in &st.allocations {
            if matches!(
                a.source,
                AllocationSource::Payment { .. } | AllocationSource::DownPayment
            ) {
                t.cash_in = t.cash_in.checked_add(minor(a.amount, scale)?).ok_or_else(overflow)?;
            }
            for part in &a.parts {
                let c = part.component;
                t.parts[c] = t.parts[c]
                    .checked_add(minor(part.amount, scale)?)
                    .ok_or_else(overflow)?;
            }
        }
        for r in &st.rebates {
            let c = r.component;
            t.rebates[c] = t.rebates[c].checked_add(minor(r.amount, scale)?).ok_or_else(overflow)?;
        }
        t.refunded = minor(st.refunded, scale)?;
        t.unearned = minor(st.unearned_prepaid, scale)?;
        t.restructures = st.restructures.len();
        Ok(t)
    }
}

/// The error of a journal amount out of range.
pub(super) fn overflow() -> Error {
    crate::error::overflow("journal")
}
