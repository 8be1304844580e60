//! What a lender reports of a loan to a credit bureau, derived from the same
//! replay as its statements.

mod pboc;

pub use pboc::{PbocMonth, PbocRecord};
