//! The PBOC credit report's 24-month repayment record (还款记录) of a loan,
//! from the same replay as its statements.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::accrual::{Ledger, Standing, Statement, Through};
use crate::error::{Error, Result};
use crate::money::Money;

/// The months a record covers.
const MONTHS: u32 = 24;

/// One month of the repayment record.
///
/// ```
/// use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
/// let record = Ledger::new(plan, OverduePolicy::new())?.pboc_record(d(2026, 3, 31))?;
/// let march = record.months.last().unwrap();
/// // the February installment unpaid: 29 days past due at the end of 15 March
/// assert_eq!((march.month.as_str(), march.status, march.reporting_date), ("2026-03", '1', d(2026, 3, 15)));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PbocMonth {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The day its status is taken at the end of: the installment due that
    /// month (the settlement date, 结算日), else the month's last day.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub reporting_date: NaiveDate,
    /// The status character: `N`, `1`–`7`, `C`, `*` or `B`.
    pub status: char,
    /// Days past due at the end of the reporting date.
    pub days_past_due: u32,
}

/// A loan's repayment record as the PBOC credit report (个人信用报告, 还款记录)
/// writes it, for the 24 months ending with a reporting month.
///
/// One character per month, oldest first: `N` paid as agreed (an
/// installment fell due that month and nothing was past due at the end of
/// its due date); `1`–`7` past due at the end of the reporting date by 1–30,
/// 31–60, 61–90, 91–120, 121–150, 151–180, or more than 180 days; `C` settled
/// (结清, in the month the loan is paid off, normally or early; the record
/// ends there); `*` no payment due that month and nothing past due (the month
/// the account opened, a month between due dates); `B` charged off (呆账) and
/// not settled. The months before the account opened are left out, so a
/// young loan's record is shorter than 24. Not written here: `D` (a
/// guarantor repaid), `Z` (repaid with assets), `G` (closed otherwise than
/// settled), `#` (status unknown), `M` (a card's arrears repaid after the
/// due date).
///
/// With it, the fields the record carries on its reporting date: the amount
/// overdue (当前逾期总额), the number of installments overdue (当前逾期期数),
/// and the highest number of months overdue in the record (最高逾期期数, the
/// days past due in months of 30 days, rounded up).
///
/// ```
/// use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Payment, Rate, Schedule};
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
/// let mut ledger = Ledger::new(plan, OverduePolicy::new())?;
/// ledger.pay(Payment::new("p1", d(2026, 2, 15), Money::new(dec!(100))?)?)?;
/// let record = ledger.pboc_record(d(2026, 4, 30))?;
/// assert_eq!(record.history, "*N12"); // opened in January, paid in February, then nothing
/// assert_eq!(record.installments_overdue, 2);
/// assert_eq!(record.highest_months_overdue, 2);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PbocRecord {
    /// The status characters, oldest month first.
    pub history: String,
    /// Each month, oldest first.
    pub months: Vec<PbocMonth>,
    /// What was past due at the end of the last reporting date (principal,
    /// interest, penalties and fees of the installments past due).
    pub amount_overdue: Money,
    /// How many installments were past due then.
    pub installments_overdue: u32,
    /// The most months overdue in the record.
    pub highest_months_overdue: u32,
    /// The special transactions (特殊交易) in the record's months: what the
    /// report shows beside the string for a loan that was deferred,
    /// restructured or repaid early, rather than as plain `N`.
    pub special_transactions: Vec<PbocSpecialTransaction>,
}

/// A kind of special transaction (特殊交易类型) on a PBOC record.
///
/// ```
/// assert_ne!(overdue::report::PbocTransaction::Extension, overdue::report::PbocTransaction::EarlySettlement);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PbocTransaction {
    /// 展期 (延期): a deferral moved the installments later.
    Extension,
    /// A restructure into a new plan (reported as another special
    /// transaction, 其他).
    Restructure,
    /// 提前还款: principal of installments after the current period's paid
    /// early, in part.
    EarlyRepayment,
    /// 提前结清: the loan settled before its last due date.
    EarlySettlement,
}

/// One special transaction: its kind, its date and its amount (发生金额):
/// the principal of the new plan for an extension or restructure, the
/// principal paid ahead for an early repayment, the payment for an early
/// settlement.
///
/// ```
/// use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Payment, report::PbocTransaction, Rate, Schedule};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_principal(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
/// let mut ledger = Ledger::new(plan, OverduePolicy::new())?;
/// ledger.pay(Payment::new("all", d(2026, 3, 1), Money::new(dec!(1200))?)?)?; // settled early
/// let record = ledger.pboc_record(d(2026, 3, 31))?;
/// let settled = record.special_transactions.last().map(|t| t.kind);
/// assert_eq!(settled, Some(PbocTransaction::EarlySettlement));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PbocSpecialTransaction {
    /// The kind.
    pub kind: PbocTransaction,
    /// The day it happened.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub date: NaiveDate,
    /// The amount.
    pub amount: Money,
}

/// The first day of `date`'s month.
pub(super) fn month_start(date: NaiveDate) -> Option<NaiveDate> {
    date.with_day(1)
}

/// The status character for days past due (`1`–`7`).
pub(super) fn overdue_digit(days: u32) -> char {
    match days.div_ceil(30).min(7) {
        1 => '1',
        2 => '2',
        3 => '3',
        4 => '4',
        5 => '5',
        6 => '6',
        _ => '7',
    }
}

impl Ledger {
    /// The PBOC 24-month repayment record ([`PbocRecord`]) for the months up
    /// to `as_of`'s, as the loan stood at the end of each month's reporting
    /// date. The month of `as_of` is reported as of its reporting date even
    /// when `as_of` is earlier in the month: the record is filed after it.
    ///
    /// # Errors
    /// As [`Ledger::statement`]; [`Error::DateOrder`] if `as_of` is before
    /// the disbursement.
    ///
    /// ```
    /// use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
    /// let ledger = Ledger::new(plan, OverduePolicy::new())?;
    /// assert_eq!(ledger.pboc_record(d(2026, 1, 20))?.history, "*");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn pboc_record(&self, as_of: NaiveDate) -> Result<PbocRecord> {
        let opened = self.opened_by(as_of, "reporting month")?;
        let bad_date = || Error::DateOutOfRange {
            operation: "a month of the repayment record",
        };
        let last = month_start(as_of).ok_or_else(bad_date)?;
        let first = last
            .checked_sub_months(Months::new(MONTHS - 1))
            .ok_or_else(bad_date)?
            .max(month_start(opened).ok_or_else(bad_date)?);
        // the months and their last days, then each month's reporting date: two replays
        let (starts, ends) = months_between(first, last)?;
        // pass 1: each month's end (settled by then?), and the statement of the last one, which
        // knows every installment that fell due
        let at_ends: Vec<(NaiveDate, Through)> = ends.iter().map(|&e| (e, Through::EndOf)).collect();
        let last_end = ends.last().copied().ok_or_else(bad_date)?;
        let (settled, final_st) = self.standings_then(&at_ends, (last_end, Through::EndOf))?;
        let dues: Vec<Vec<NaiveDate>> = starts
            .iter()
            .zip(&ends)
            .map(|(&start, &end)| super::dues_within(&final_st, start, end))
            .collect();
        // the months up to the one the loan was settled in
        let kept = settled.iter().position(|s| s.paid_off).map_or(starts.len(), |k| k + 1);
        let reporting: Vec<NaiveDate> = dues
            .iter()
            .zip(&ends)
            .take(kept)
            .map(|(dues, &end)| dues.iter().copied().max().unwrap_or(end).max(opened))
            .collect();
        // pass 2: each reporting date, then the statement of the last one
        let at_reporting: Vec<(NaiveDate, Through)> = reporting.iter().map(|&r| (r, Through::EndOf)).collect();
        let last_reporting = reporting.last().copied().ok_or_else(bad_date)?;
        let (standings, last_statement) = self.standings_then(&at_reporting, (last_reporting, Through::EndOf))?;
        let mut months = Vec::new();
        for (k, st) in standings.iter().enumerate() {
            let (Some(&month), Some(month_end), Some(dues), Some(&reporting_date)) =
                (starts.get(k), settled.get(k), dues.get(k), reporting.get(k))
            else {
                break;
            };
            months.push(PbocMonth {
                month: format!("{:04}-{:02}", month.year(), month.month()),
                reporting_date,
                status: month_status(month_end.paid_off, st, !dues.is_empty()),
                days_past_due: st.days_past_due,
            });
        }
        let (amount_overdue, installments_overdue) = overdue_of(&last_statement)?;
        // at the loan's minor unit, zero too: 0.00
        let amount_overdue = amount_overdue.round(self.policy().rounding());
        let from = month_start(first).ok_or_else(bad_date)?;
        let special_transactions = special_transactions(self, &last_statement, from)?;
        Ok(PbocRecord {
            special_transactions,
            history: months.iter().map(|m| m.status).collect(),
            highest_months_overdue: months.iter().map(|m| m.days_past_due.div_ceil(30)).max().unwrap_or(0),
            months,
            amount_overdue,
            installments_overdue,
        })
    }
}

/// What is past due in a statement, and on how many installments.
fn overdue_of(st: &Statement) -> Result<(Money, u32)> {
    let past_due: Vec<_> = st.installments.iter().filter(|i| i.days_past_due > 0).collect();
    let amount = Money::sum(
        past_due
            .iter()
            .map(|i| i.outstanding.total())
            .collect::<Result<Vec<_>>>()?,
    )?;
    Ok((amount, u32::try_from(past_due.len()).unwrap_or(u32::MAX)))
}

/// The special transactions of `st` on or after `from`, in date order.
fn special_transactions(ledger: &Ledger, st: &Statement, from: NaiveDate) -> Result<Vec<PbocSpecialTransaction>> {
    let mut out = Vec::new();
    for r in st.restructures.iter().filter(|r| r.date >= from) {
        let deferral = super::deferral_on(ledger, r.date);
        out.push(PbocSpecialTransaction {
            kind: if deferral {
                PbocTransaction::Extension
            } else {
                PbocTransaction::Restructure
            },
            date: r.date,
            amount: r.new_principal,
        });
    }
    let last_due = st.installments.iter().map(|i| i.due_date).max();
    for a in st.allocations.iter().filter(|a| a.date >= from) {
        if a.settled && last_due.is_some_and(|due| a.date < due) {
            out.push(PbocSpecialTransaction {
                kind: PbocTransaction::EarlySettlement,
                date: a.date,
                amount: a.amount,
            });
            continue;
        }
        // the installment of the period that runs is paid as agreed, not ahead
        let current = st
            .installments
            .iter()
            .map(|i| i.due_date)
            .filter(|&d| d >= a.date)
            .min();
        let ahead = a.parts.iter().filter(|p| {
            p.component == crate::component::Component::Principal
                && st
                    .installments
                    .iter()
                    .any(|i| i.number == p.installment && current.is_some_and(|c| i.due_date > c))
        });
        let amount = Money::sum(ahead.map(|p| p.amount).collect::<Vec<_>>())?;
        if !amount.is_zero() && matches!(a.source, crate::accrual::AllocationSource::Payment { .. }) {
            out.push(PbocSpecialTransaction {
                kind: PbocTransaction::EarlyRepayment,
                date: a.date,
                amount,
            });
        }
    }
    out.sort_by_key(|t| t.date);
    Ok(out)
}

/// The first and last days of each month from `first` to `last` (both
/// first days of a month).
pub(super) fn months_between(first: NaiveDate, last: NaiveDate) -> Result<(Vec<NaiveDate>, Vec<NaiveDate>)> {
    let bad_date = || Error::DateOutOfRange {
        operation: "a month of the repayment record",
    };
    let mut starts = Vec::new();
    let mut month = first;
    while month <= last {
        starts.push(month);
        month = month.checked_add_months(Months::new(1)).ok_or_else(bad_date)?;
    }
    let ends = starts
        .iter()
        .map(|m| {
            m.checked_add_months(Months::new(1))
                .and_then(|n| n.pred_opt())
                .ok_or_else(bad_date)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((starts, ends))
}

/// A month's status in the 24-month history: settled (`C`) by its end,
/// charged off (`B`), overdue (`1`–`7` by the days past due), normal with an
/// installment due (`N`), or nothing due (`*`), as of its reporting date.
fn month_status(settled: bool, st: &Standing, had_dues: bool) -> char {
    if settled {
        'C'
    } else if st.charged_off {
        'B'
    } else if st.days_past_due > 0 {
        overdue_digit(st.days_past_due)
    } else if had_dues {
        'N'
    } else {
        '*'
    }
}
