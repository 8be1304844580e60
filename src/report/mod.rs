//! What a lender reports and books of a loan (its credit-bureau record, its
//! risk class), derived from the same replay as its statements.

mod classification;
mod metro2;
mod month_end;
mod pboc;
mod stages;

pub use classification::{AssetClass, ClassificationRules, RiskClassification};
pub use metro2::{Metro2Record, Metro2Status, SpecialComment};
pub use month_end::MonthEnd;
pub use pboc::{PbocMonth, PbocRecord, PbocSpecialTransaction, PbocTransaction};
pub use stages::{AccrualStatus, Ifrs9Stage, RetailCredit};

use chrono::NaiveDate;

use crate::accrual::Statement;

/// The due dates in `from..=to` of the installments in force on `st`: an
/// installment a restructure dated on or before its due date replaced (one
/// numbered before the new plan's first) no longer falls due.
pub(crate) fn dues_within(st: &Statement, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    st.installments
        .iter()
        .filter(|i| i.due_date >= from && i.due_date <= to)
        .filter(|i| {
            !st.restructures
                .iter()
                .any(|r| r.date <= i.due_date && i.number < r.first_installment)
        })
        .map(|i| i.due_date)
        .collect()
}
