//! What a way out makes the borrower pay (its path), and what every way out
//! is worked out against: the loan, the comparison date and who lends it.

use chrono::{Datelike, NaiveDate};

use super::owed::Owed;
use crate::error::{Error, Result};
use crate::limits::{LenderKind, Warning};
use crate::money::Money;

/// Dated payments by the borrower.
pub(super) type Payments = Vec<(NaiveDate, Money)>;

/// One way out worked into payments: when the borrower pays what, the worst
/// days past due on the way, when the overdue debt is settled, the contract
/// (date and lender) whose legal cap applies, and warnings of its own.
pub(super) struct Path {
    pub(super) payments: Payments,
    pub(super) highest_dpd: u32,
    pub(super) settled_on: NaiveDate,
    /// The day the delinquency ends (cured or settled).
    pub(super) cured_on: NaiveDate,
    pub(super) contract: (NaiveDate, LenderKind),
    /// The payments a lender receives under `contract`, when not all of
    /// them: what a legal limit on a lender's interest, penalties and fees
    /// covers. A debt-management service's own fee is not a lender's charge.
    pub(super) to_lender: Option<Payments>,
    pub(super) warnings: Vec<Warning>,
}

/// What each way out's path is worked out against.
pub(super) struct Context<'a> {
    /// The loan or card as it stands.
    pub(super) owed: Owed<'a>,
    /// The comparison date.
    pub(super) as_of: NaiveDate,
    /// Who lends the loan.
    pub(super) lender: LenderKind,
}

impl Context<'_> {
    /// A path on this loan or card itself, under its own contract:
    /// `payments`, the worst days past due, and the day it is settled (and
    /// cured).
    pub(super) fn on_this_debt(&self, payments: Payments, highest_dpd: u32, settled_on: NaiveDate) -> Path {
        Path {
            payments,
            highest_dpd,
            settled_on,
            cured_on: settled_on,
            contract: (self.owed.contract_date(), self.lender),
            to_lender: None,
            warnings: Vec::new(),
        }
    }

    /// `day`, refused when it comes before the comparison date.
    pub(super) fn not_before(&self, day: NaiveDate, field: &'static str) -> Result<NaiveDate> {
        if day < self.as_of {
            return Err(Error::DateOrder {
                earlier: "comparison date",
                earlier_date: self.as_of,
                later: field,
                later_date: day,
            });
        }
        Ok(day)
    }
}

pub(super) fn monthly_totals(payments: &[(NaiveDate, Money)]) -> Result<Vec<((i32, u32), Money)>> {
    let key = |d: NaiveDate| (d.year(), d.month());
    let (Some(first), Some(last)) = (
        payments.iter().map(|p| key(p.0)).min(),
        payments.iter().map(|p| key(p.0)).max(),
    ) else {
        return Ok(Vec::new());
    };
    let mut months = Vec::new();
    let mut month = first;
    loop {
        let total = Money::sum(payments.iter().filter(|p| key(p.0) == month).map(|p| p.1))?;
        months.push((month, total));
        if month >= last {
            return Ok(months);
        }
        month = if month.1 == 12 {
            (month.0 + 1, 1)
        } else {
            (month.0, month.1 + 1)
        };
    }
}
