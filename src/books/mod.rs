//! What a lender books of a loan: double-entry journal entries for every
//! day of its replay, under a booking policy and a chart of accounts, and
//! the trial balance they give.

mod accounts;
mod booker;
mod journal;
mod policy;

pub use accounts::{Account, ChartOfAccounts};
pub use journal::{EntryKind, Journal, JournalEntry, Posting, TrialBalance, TrialBalanceLine};
pub use policy::{Basis, BookingPolicy, InterestRecognition, NonAccrual};
