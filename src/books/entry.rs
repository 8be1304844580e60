//! A journal entry: what it books, and its postings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::books::accounts::Account;
use crate::money::Money;

/// What an entry books.
///
/// ```
/// assert_ne!(overdue::books::EntryKind::Payment, overdue::books::EntryKind::Recovery);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntryKind {
    /// The loan paid out (and a restructure's principal not carried from
    /// the old plan).
    Disbursement,
    /// Contract interest falling due (or posted).
    InterestDue,
    /// Contract interest earned in the day, not yet due (daily recognition).
    Accrual,
    /// Penalty and compound interest charged.
    Penalty,
    /// Fees charged: scheduled and late fees.
    Fee,
    /// A payment, split by the component it paid; any excess to the credit
    /// balance. A reversed payment is booked back the same way.
    Payment,
    /// A payment after charge-off: back to the allowance.
    Recovery,
    /// Interest or fees paid and credited back to the credit balance.
    Rebate,
    /// A credit balance paid back.
    Refund,
    /// A waiver (or a cap cutting a charge): out of income, principal
    /// against the allowance.
    Waiver,
    /// A restructure: the old claims to its new plan, its fee, interest and
    /// waivers; the new plan's carried amounts as they fall due.
    Restructure,
    /// Interest paid ahead into unearned interest, and out as it is earned.
    Unearned,
    /// The loan goes on non-accrual: unpaid income reversed.
    NonAccrual,
    /// The loan is charged off.
    ChargeOff,
    /// Income held in suspense recognised when the loan is paid off.
    Settlement,
}

/// One account's side of an entry.
///
/// ```
/// use overdue::{books::Account, books::Posting};
/// let json = r#"{"account": "cash", "name": "Cash", "debit": "100.00", "credit": "0.00"}"#;
/// let p: Posting = serde_json::from_str(json).unwrap();
/// assert_eq!((p.account, p.name.as_str()), (Account::Cash, "Cash"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Posting {
    /// The account's role.
    pub account: Account,
    /// Its name in the chart of accounts.
    pub name: String,
    /// The debit (zero for a credit).
    pub debit: Money,
    /// The credit (zero for a debit).
    pub credit: Money,
}

/// A balanced journal entry: its debits equal its credits.
///
/// ```
/// use overdue::{dec, books::BookingPolicy, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
/// let journal = Ledger::new(plan, OverduePolicy::new())?.journal(&BookingPolicy::new(), d(2026, 1, 15))?;
/// let e = &journal.entries[0]; // the disbursement
/// assert_eq!((e.postings[0].name.as_str(), e.postings[0].debit), ("Loans receivable", Money::new(dec!(1200))?));
/// assert_eq!((e.postings[1].name.as_str(), e.postings[1].credit), ("Cash", Money::new(dec!(1200))?));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct JournalEntry {
    /// The day it is booked: the day of its event, or the day the accrual
    /// or the change of standing happened (never earlier).
    #[serde(serialize_with = "crate::dates::serialize")]
    pub date: NaiveDate,
    /// What it books.
    pub kind: EntryKind,
    /// Its postings, one per account.
    pub postings: Vec<Posting>,
}
