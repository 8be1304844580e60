//! What a lender books of a loan: double-entry journal entries for every
//! day of its replay, under a booking policy and a chart of accounts, and
//! the trial balance they give.
//!
//! [`Ledger::journal`](crate::Ledger::journal) books a [`Journal`] of
//! [`JournalEntry`]s under a [`BookingPolicy`] (accrual or cash basis,
//! daily or due-date interest, non-accrual) and a [`ChartOfAccounts`];
//! [`Journal::trial_balance`] sums it. See the
//! [accounting guide](crate::guide::accounting).

mod accounts;
mod booker;
mod day;
mod entry;
mod journal;
mod line;
mod policy;
mod totals;

pub use accounts::{Account, ChartOfAccounts};
#[cfg(feature = "test-oracles")]
pub(crate) use booker::Reading;
pub use entry::{EntryKind, JournalEntry, Posting};
pub use journal::{Journal, TrialBalance, TrialBalanceLine};
pub use policy::{Basis, BookingPolicy, InterestRecognition, NonAccrual};
