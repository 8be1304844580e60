//! A loan's journal: double-entry postings for every day of its replay, and
//! its trial balance as of a date.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::accrual::Ledger;
use crate::books::accounts::Account;
use crate::books::booker::{Booker, Reading};
use crate::books::entry::{JournalEntry, Posting};
use crate::books::policy::BookingPolicy;
use crate::error::Result;
use crate::money::Money;

/// A loan's journal from its disbursement through a date, built by
/// [`Ledger::journal`].
///
/// ```
/// use overdue::{dec, books::Account, books::BookingPolicy, Component, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::annual(dec!(0.12))?, 12, d(2026, 1, 15))?;
/// let ledger = Ledger::new(plan, OverduePolicy::new())?;
/// let journal = ledger.journal(&BookingPolicy::new(), d(2026, 2, 15))?;
/// // the first month's interest fell due on 02-15: 12 % / 12 of 1,200
/// assert_eq!(journal.balance(Account::Receivable(Component::Interest), d(2026, 2, 15))?, dec!(12.00));
/// assert_eq!(journal.balance(Account::Income(Component::Interest), d(2026, 2, 15))?, dec!(-12.00));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Journal {
    /// The last day booked.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub through: NaiveDate,
    /// The entries, in date order.
    pub entries: Vec<JournalEntry>,
}

/// One account of a trial balance.
///
/// ```
/// use overdue::books::TrialBalanceLine;
/// let json = r#"{"name": "Cash", "debit": "0.00", "credit": "0.00", "memorandum": false}"#;
/// let line: TrialBalanceLine = serde_json::from_str(json).unwrap();
/// assert!(!line.memorandum);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TrialBalanceLine {
    /// The account's name.
    pub name: String,
    /// Its balance when a debit.
    pub debit: Money,
    /// Its balance when a credit.
    pub credit: Money,
    /// Whether it is a memorandum (off-balance) account.
    pub memorandum: bool,
}

/// The balances of a journal's accounts as of a date, by account name.
/// Total debits equal total credits.
///
/// ```
/// use overdue::{dec, books::BookingPolicy, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
/// let tb = Ledger::new(plan, OverduePolicy::new())?.journal(&BookingPolicy::new(), d(2026, 3, 1))?.trial_balance(d(2026, 3, 1))?;
/// assert_eq!(tb.total_debit, tb.total_credit);
/// assert_eq!(tb.total_debit, Money::new(dec!(1200))?); // loans receivable against cash
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TrialBalance {
    /// The date.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub as_of: NaiveDate,
    /// Each account with a balance, in chart order.
    pub lines: Vec<TrialBalanceLine>,
    /// The debits of the balance-sheet and income accounts.
    pub total_debit: Money,
    /// Their credits.
    pub total_credit: Money,
}

impl Journal {
    /// The balance of `account` on `as_of` (its entries included): debits
    /// minus credits.
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) if it does not fit.
    ///
    /// ```
    /// use overdue::{dec, books::Account, books::BookingPolicy, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
    /// let j = Ledger::new(plan, OverduePolicy::new())?.journal(&BookingPolicy::new(), d(2026, 1, 31))?;
    /// assert_eq!(j.balance(Account::Cash, d(2026, 1, 31))?, dec!(-1200));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn balance(&self, account: Account, as_of: NaiveDate) -> Result<Decimal> {
        self.entries
            .iter()
            .take_while(|e| e.date <= as_of)
            .flat_map(|e| &e.postings)
            .filter(|p| p.account == account)
            .try_fold(Decimal::ZERO, |sum, p| {
                sum.checked_add(p.debit.as_decimal())
                    .and_then(|s| s.checked_sub(p.credit.as_decimal()))
                    .ok_or_else(|| crate::error::overflow("account balance"))
            })
    }

    /// The trial balance on `as_of`, its entries included.
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) if a total does not fit.
    ///
    /// ```
    /// use overdue::{dec, books::BookingPolicy, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
    /// let tb = Ledger::new(plan, OverduePolicy::new())?.journal(&BookingPolicy::new(), d(2026, 1, 31))?.trial_balance(d(2026, 1, 31))?;
    /// let names: Vec<&str> = tb.lines.iter().map(|l| l.name.as_str()).collect();
    /// assert_eq!(names, ["Cash", "Loans receivable"]);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn trial_balance(&self, as_of: NaiveDate) -> Result<TrialBalance> {
        let mut sums: Vec<(String, Decimal, bool)> = Vec::new();
        let mut order: Vec<(Account, String)> = Vec::new();
        for p in self
            .entries
            .iter()
            .take_while(|e| e.date <= as_of)
            .flat_map(|e| &e.postings)
        {
            if !order.iter().any(|(a, _)| *a == p.account) {
                order.push((p.account, p.name.clone()));
            }
        }
        order.sort();
        for (account, name) in order {
            let b = self.balance(account, as_of)?;
            match sums.iter_mut().find(|s| s.0 == name) {
                Some(s) => {
                    s.1 =
                        s.1.checked_add(b)
                            .ok_or_else(|| crate::error::overflow("trial balance"))?
                }
                None => sums.push((name, b, account.is_memorandum())),
            }
        }
        let mut lines = Vec::new();
        let (mut debit, mut credit) = (Decimal::ZERO, Decimal::ZERO);
        for (name, b, memorandum) in sums.into_iter().filter(|s| !s.1.is_zero()) {
            let (dr, cr) = if b > Decimal::ZERO {
                (b, Decimal::ZERO)
            } else {
                (Decimal::ZERO, -b)
            };
            if !memorandum {
                debit = debit
                    .checked_add(dr)
                    .ok_or_else(|| crate::error::overflow("trial balance"))?;
                credit = credit
                    .checked_add(cr)
                    .ok_or_else(|| crate::error::overflow("trial balance"))?;
            }
            lines.push(TrialBalanceLine {
                name,
                debit: Money::new(dr)?,
                credit: Money::new(cr)?,
                memorandum,
            });
        }
        Ok(TrialBalance {
            as_of,
            lines,
            total_debit: Money::new(debit)?,
            total_credit: Money::new(credit)?,
        })
    }
}

impl Ledger {
    /// The loan's journal under `policy` from its disbursement through
    /// `through`: the statement of every day ([`Ledger::statement`]: its
    /// events applied, penalties accrued for the days before it) against
    /// the day before's, booked as balanced entries dated that day. On
    /// every date the receivables plus the off-balance claims of each
    /// component equal that day's statement's outstanding, and the credit
    /// balance and unearned interest accounts equal its credit balance and
    /// unearned prepaid interest.
    ///
    /// # Errors
    /// As [`Ledger::statement`]; [`Error::DateOrder`](crate::Error::DateOrder)
    /// if `through` is before the disbursement;
    /// [`Error::TooLarge`](crate::Error::TooLarge) if it is more than a
    /// hundred years (36,525 days) after it.
    ///
    /// ```
    /// use overdue::{dec, books::BookingPolicy, books::EntryKind, Ledger, Money, NaiveDate, OverduePolicy, Payment, Rate, Schedule};
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::annual(dec!(0.12))?, 12, d(2026, 1, 15))?;
    /// let mut ledger = Ledger::new(plan, OverduePolicy::new())?;
    /// ledger.pay(Payment::new("p1", d(2026, 2, 15), Money::new(dec!(106.62))?)?)?;
    /// let journal = ledger.journal(&BookingPolicy::new(), d(2026, 2, 28))?;
    /// let kinds: Vec<EntryKind> = journal.entries.iter().map(|e| e.kind).collect();
    /// assert_eq!(kinds, [EntryKind::Disbursement, EntryKind::InterestDue, EntryKind::Payment]);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn journal(&self, policy: &BookingPolicy, through: NaiveDate) -> Result<Journal> {
        self.journal_reading(policy, through, Reading::WhenChanged)
    }

    /// [`Ledger::journal`], reading the statement on the days `reading` says.
    pub(crate) fn journal_reading(
        &self,
        policy: &BookingPolicy,
        through: NaiveDate,
        reading: Reading,
    ) -> Result<Journal> {
        let booker = Booker::run(self, policy, through, reading)?;
        let scale = self.policy().rounding().scale();
        let chart = policy.chart();
        let entries = booker
            .entries
            .into_iter()
            .map(|draft| {
                let mut net: Vec<(Account, i128)> = Vec::new();
                for (account, x) in draft.lines {
                    match net.iter_mut().find(|n| n.0 == account) {
                        Some(n) => n.1 += x,
                        None => net.push((account, x)),
                    }
                }
                let postings = net
                    .into_iter()
                    .filter(|n| n.1 != 0)
                    .map(|(account, x)| {
                        Ok(Posting {
                            account,
                            name: chart.name_of(account),
                            debit: Money::from_minor(x.max(0), scale)?,
                            credit: Money::from_minor(x.min(0).checked_neg().unwrap_or(0), scale)?,
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok(JournalEntry {
                    date: draft.date,
                    kind: draft.kind,
                    postings,
                })
            })
            .filter(|e: &Result<JournalEntry>| e.as_ref().map_or(true, |e| !e.postings.is_empty()))
            .collect::<Result<Vec<_>>>()?;
        Ok(Journal { through, entries })
    }
}
