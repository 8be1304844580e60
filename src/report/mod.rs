//! What a lender reports and books of a loan (its credit-bureau record, its
//! risk class), derived from the same replay as its statements.
//!
//! [`PbocRecord`] (the PBOC 24-month repayment record), [`Metro2Record`]
//! (the US Metro 2 base segment), [`RiskClassification`] (五级分类 under
//! [`ClassificationRules`]), IFRS 9 stages and US accrual status, and a
//! portfolio's [`MonthEnd`] run, each read from the ledger's replay; a credit
//! line's or a tranche loan's records and risk classes, the line's and each
//! draw's ([`LineRecords`], [`LineClasses`]), and a line's Metro 2 fields
//! ([`LineMetro2`]). See the
//! [reporting guide](crate::guide::reporting).

mod card_class;
mod card_metro2;
mod card_pboc;
mod classification;
mod line;
mod line_class;
mod line_metro2;
mod metro2;
mod month_end;
mod pboc;
mod stages;

pub use card_class::CardClass;
pub use card_metro2::CardMetro2;
pub use classification::{AssetClass, ClassificationRules, RiskClassification};
pub use line::{DrawRecord, LineRecords};
pub use line_class::{DrawClass, LineClasses};
pub use line_metro2::{DrawMetro2, LineMetro2};
pub use metro2::{Metro2Record, Metro2Status, SpecialComment};
pub use month_end::MonthEnd;
pub use pboc::{PbocMonth, PbocRecord, PbocSpecialTransaction, PbocTransaction};
pub use stages::{AccrualStatus, Ifrs9Stage, RetailCredit};

use chrono::NaiveDate;

use crate::accrual::{Event, Ledger, Statement};
use crate::restructure::NewPlan;

/// The due dates in `from..=to` of the installments in force on `st` (see
/// [`Statement::in_force`]).
pub(crate) fn dues_within(st: &Statement, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    st.installments
        .iter()
        .filter(|i| i.due_date >= from && i.due_date <= to && st.in_force(i))
        .map(|i| i.due_date)
        .collect()
}

/// Whether the restructure `ledger` records on `date` is a deferral (展期),
/// rather than a new plan.
pub(crate) fn deferral_on(ledger: &Ledger, date: NaiveDate) -> bool {
    ledger.events().iter().any(|e| {
        matches!(e, Event::Restructure(r) if r.date() == date
            && matches!(r.plan(), NewPlan::Deferral { .. }))
    })
}
