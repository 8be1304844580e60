//! What a lender reports and books of a loan (its credit-bureau record, its
//! risk class), derived from the same replay as its statements.

mod classification;
mod pboc;
mod stages;

pub use classification::{AssetClass, ClassificationRules, RiskClassification};
pub use pboc::{PbocMonth, PbocRecord};
pub use stages::{AccrualStatus, Ifrs9Stage, RetailCredit};
