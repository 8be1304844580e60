//! What a lender books of a loan: double-entry journal entries for every
//! day of its replay, under a booking policy and a chart of accounts, and
//! the trial balance they give.

mod accounts;
mod booker;
mod day;
mod entry;
mod journal;
mod policy;
mod totals;

pub use accounts::{Account, ChartOfAccounts};
pub use entry::{EntryKind, JournalEntry, Posting};
pub use journal::{Journal, TrialBalance, TrialBalanceLine};
pub use policy::{Basis, BookingPolicy, InterestRecognition, NonAccrual};
