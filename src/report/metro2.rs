//! The US Metro 2 Base Segment fields a furnisher reports for a loan each
//! month, from the same replay as its statements.
//!
//! Codes follow the CDIA Credit Reporting Resource Guide (CRRG), Base
//! Segment: Field 17A Account Status, 17B Payment Rating, 18 Payment History
//! Profile, 19 Special Comment, 21 Current Balance, 22 Amount Past Due.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::accrual::{Ledger, LoanStatus, Standing, Statement, Through};
use crate::error::{Error, Result};
use crate::money::Money;

/// The months of a Payment History Profile.
const PROFILE_MONTHS: u32 = 24;

/// Metro 2 Account Status (Base Segment, Field 17A), for an installment
/// loan. Serialized as its two-character code.
///
/// ```
/// use overdue::report::Metro2Status;
/// assert_eq!(Metro2Status::Late30.code(), "71");
/// assert_eq!(Metro2Status::for_days_past_due(95), Metro2Status::Late90);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum Metro2Status {
    /// `11`: current, 0–29 days past the due date.
    #[serde(rename = "11")]
    Current,
    /// `71`: 30–59 days past the due date.
    #[serde(rename = "71")]
    Late30,
    /// `78`: 60–89 days.
    #[serde(rename = "78")]
    Late60,
    /// `80`: 90–119 days.
    #[serde(rename = "80")]
    Late90,
    /// `82`: 120–149 days.
    #[serde(rename = "82")]
    Late120,
    /// `83`: 150–179 days.
    #[serde(rename = "83")]
    Late150,
    /// `84`: 180 days or more.
    #[serde(rename = "84")]
    Late180,
    /// `13`: paid or closed, zero balance (reported with a Payment Rating).
    #[serde(rename = "13")]
    Paid,
    /// `97`: unpaid balance reported as a loss (charged off).
    #[serde(rename = "97")]
    ChargedOff,
    /// `64`: paid in full, was a charge-off.
    #[serde(rename = "64")]
    PaidAfterChargeOff,
}

impl Metro2Status {
    /// The two-character code.
    ///
    /// ```
    /// assert_eq!(overdue::report::Metro2Status::ChargedOff.code(), "97");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Metro2Status::Current => "11",
            Metro2Status::Late30 => "71",
            Metro2Status::Late60 => "78",
            Metro2Status::Late90 => "80",
            Metro2Status::Late120 => "82",
            Metro2Status::Late150 => "83",
            Metro2Status::Late180 => "84",
            Metro2Status::Paid => "13",
            Metro2Status::ChargedOff => "97",
            Metro2Status::PaidAfterChargeOff => "64",
        }
    }

    /// The status of an open, not charged-off loan by its days past due.
    ///
    /// ```
    /// use overdue::report::Metro2Status;
    /// assert_eq!(Metro2Status::for_days_past_due(29), Metro2Status::Current);
    /// assert_eq!(Metro2Status::for_days_past_due(180), Metro2Status::Late180);
    /// ```
    pub fn for_days_past_due(days: u32) -> Metro2Status {
        match days / 30 {
            0 => Metro2Status::Current,
            1 => Metro2Status::Late30,
            2 => Metro2Status::Late60,
            3 => Metro2Status::Late90,
            4 => Metro2Status::Late120,
            5 => Metro2Status::Late150,
            _ => Metro2Status::Late180,
        }
    }
}

/// Metro 2 Special Comment (Base Segment, Field 19) for a loan paid under
/// an agreement. Serialized as its code.
///
/// ```
/// assert_eq!(overdue::report::SpecialComment::PartialPaymentAgreement.code(), "AC");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum SpecialComment {
    /// `AC`: paying under a partial payment agreement (a restructure into a
    /// new installment plan, while it runs).
    #[serde(rename = "AC")]
    PartialPaymentAgreement,
    /// `CP`: account in forbearance (a deferral, through its deferral
    /// period).
    #[serde(rename = "CP")]
    Forbearance,
}

impl SpecialComment {
    /// The code.
    ///
    /// ```
    /// assert_eq!(overdue::report::SpecialComment::Forbearance.code(), "CP");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            SpecialComment::PartialPaymentAgreement => "AC",
            SpecialComment::Forbearance => "CP",
        }
    }
}

/// A loan's Metro 2 Base Segment fields for a reporting date (the Date of
/// Account Information), taken at the end of that day.
///
/// - `account_status` (17A): [`Metro2Status`] by days past due, or paid
///   (`13`, `64` after a charge-off), or charged off (`97`).
/// - `payment_rating` (17B): only with status `13`, the loan's standing
///   before it was paid (`0` current, `1`–`6` by 30 days, `L` charged off).
/// - `payment_history_profile` (18): the 24 months before the reporting
///   month, newest first, each at the end of its last day: `0` 0–29 days
///   past due, `1`–`6` 30–59 … 180 or more, `L` charged off, `D` no payment
///   due in a month of a deferral (no history reported that month), `B` no
///   history before the account opened; a month after the loan was paid
///   repeats `0` (the account was closed current).
/// - `amount_past_due` (22): the principal, interest, penalties and fees of
///   the installments 30 days or more past due (the amounts less than 30
///   days late are not yet delinquent in Metro 2); for a charged-off loan,
///   the whole unpaid balance; zero once paid.
/// - `current_balance` (21): what clears the loan at the end of the day
///   (the statement's payoff), never less than the amount past due: where
///   interest paid ahead on later installments would be rebated at payoff,
///   the payoff nets that rebate, but the past-due amounts are owed in full
///   and Metro 2 does not accept an amount past due above the balance.
/// - `special_comment` (19): `CP` through a deferral's period (until the
///   first installment after it falls due), `AC` while a restructured plan
///   runs; none for a floating-rate repricing, which is not an agreement.
///
/// Amounts are exact; a Metro 2 file carries whole dollars, a conversion
/// left to the file writer.
///
/// ```
/// use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
/// let line = Ledger::new(plan, OverduePolicy::new())?.metro2(d(2026, 4, 30))?;
/// // nothing paid: February's installment is 75 days past due at the end of 30 April
/// assert_eq!(line.account_status.code(), "78");
/// assert_eq!(line.payment_history_profile, format!("{}{}", "100", "B".repeat(21)));
/// assert_eq!(line.amount_past_due, Money::new(dec!(200))?); // February's and March's
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Metro2Record {
    /// The Date of Account Information.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub date: NaiveDate,
    /// Account Status (17A).
    pub account_status: Metro2Status,
    /// Payment Rating (17B), with status `13` only.
    pub payment_rating: Option<char>,
    /// Payment History Profile (18): 24 characters, newest month first.
    pub payment_history_profile: String,
    /// Amount Past Due (22).
    pub amount_past_due: Money,
    /// Current Balance (21).
    pub current_balance: Money,
    /// Special Comment (19).
    pub special_comment: Option<SpecialComment>,
}

/// A restructure on the ledger, as the bureau sees it.
struct Agreement {
    comment: SpecialComment,
    date: NaiveDate,
    /// The first due date of its new plan.
    first_due: Option<NaiveDate>,
}

impl Agreement {
    /// The agreements recorded by `st`'s date.
    fn all(ledger: &Ledger, st: &Statement) -> Vec<Agreement> {
        st.restructures
            .iter()
            .map(|r| {
                let deferral = super::deferral_on(ledger, r.date);
                let first = usize::try_from(r.first_installment).unwrap_or(usize::MAX);
                Agreement {
                    comment: if deferral {
                        SpecialComment::Forbearance
                    } else {
                        SpecialComment::PartialPaymentAgreement
                    },
                    date: r.date,
                    first_due: st.installments.get(first.saturating_sub(1)).map(|i| i.due_date),
                }
            })
            .collect()
    }

    /// Whether `day` falls in a deferral's period: on or after its date,
    /// before its first new due date.
    fn defers(&self, day: NaiveDate) -> bool {
        self.comment == SpecialComment::Forbearance && day >= self.date && self.first_due.is_none_or(|due| day < due)
    }
}

/// The Payment History Profile character for a month that ended with `s`.
fn profile_char(s: &Standing, deferred_without_dues: bool) -> char {
    if s.charged_off && !s.paid_off {
        return 'L';
    }
    if s.paid_off {
        return '0';
    }
    if deferred_without_dues && s.days_past_due == 0 {
        return 'D';
    }
    rating_digit(s.days_past_due)
}

/// `0`–`6` for days past due, 30 days a step.
pub(super) fn rating_digit(days: u32) -> char {
    match days / 30 {
        0 => '0',
        1 => '1',
        2 => '2',
        3 => '3',
        4 => '4',
        5 => '5',
        _ => '6',
    }
}

impl Ledger {
    /// The Metro 2 Base Segment fields ([`Metro2Record`]) with `as_of` as
    /// the Date of Account Information, the loan taken at the end of that
    /// day and of each earlier month's last day.
    ///
    /// # Errors
    /// As [`Ledger::statement`]; [`Error::DateOrder`] if `as_of` is before
    /// the disbursement.
    ///
    /// ```
    /// use overdue::{dec, Ledger, report::Metro2Status, Money, NaiveDate, OverduePolicy, Rate, Schedule};
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
    /// let line = Ledger::new(plan, OverduePolicy::new())?.metro2(d(2026, 1, 31))?;
    /// assert_eq!(line.account_status, Metro2Status::Current);
    /// assert_eq!(line.payment_history_profile, "B".repeat(24));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn metro2(&self, as_of: NaiveDate) -> Result<Metro2Record> {
        let opened = self.opened_by(as_of, "date of account information")?;
        // the months' ends and the reporting date, from one replay
        let months = profile_months(as_of)?;
        let ends = open_ends(&months, opened);
        let points: Vec<(NaiveDate, Through)> = ends.iter().map(|&e| (e, Through::EndOf)).collect();
        let (standings, st) = self.standings_then(&points, (as_of, Through::EndOf))?;
        let at_end = |end: NaiveDate| read_on(&ends, &standings, end);
        self.metro2_from(as_of, &months, at_end, &st)
    }

    /// The record for `as_of` from the standing at the end of each profile
    /// month (`at_end`, `None` before the account opened) and the statement
    /// at the end of `as_of`.
    pub(crate) fn metro2_from(
        &self,
        as_of: NaiveDate,
        months: &[(NaiveDate, NaiveDate)],
        at_end: impl Fn(NaiveDate) -> Option<Standing>,
        st: &Statement,
    ) -> Result<Metro2Record> {
        let agreements = Agreement::all(self, st);
        let profile = months
            .iter()
            .map(|&(start, end)| match at_end(end) {
                None => 'B',
                Some(s) => {
                    let no_dues = super::dues_within(st, start, end).is_empty();
                    profile_char(&s, no_dues && agreements.iter().any(|a| a.defers(end)))
                }
            })
            .collect();
        let paid = st.status == LoanStatus::PaidOff;
        let account_status = match (paid, st.charged_off_on.is_some()) {
            (true, true) => Metro2Status::PaidAfterChargeOff,
            (true, false) => Metro2Status::Paid,
            (false, true) => Metro2Status::ChargedOff,
            (false, false) => Metro2Status::for_days_past_due(st.days_past_due),
        };
        let payment_rating = match account_status {
            Metro2Status::Paid => Some(self.rating_before_payoff(st)?),
            _ => None,
        };
        let amount_past_due = match account_status {
            Metro2Status::ChargedOff => st.payoff,
            _ if paid => Money::ZERO,
            _ => Money::sum(
                st.installments
                    .iter()
                    .filter(|i| i.days_past_due >= 30)
                    .map(|i| i.outstanding.total())
                    .collect::<Result<Vec<_>>>()?,
            )?,
        };
        let special_comment = match agreements.last() {
            Some(a) if !paid && a.comment == SpecialComment::Forbearance => a.defers(as_of).then_some(a.comment),
            Some(a) if !paid => Some(a.comment),
            _ => None,
        };
        // at the loan's minor unit, zero too: 0.00
        let rounding = self.policy().rounding();
        let amount_past_due = amount_past_due.round(rounding);
        Ok(Metro2Record {
            date: as_of,
            account_status,
            payment_rating,
            payment_history_profile: profile,
            amount_past_due,
            current_balance: st.payoff.max(amount_past_due).round(rounding),
            special_comment,
        })
    }

    /// The Payment Rating of a paid loan: its standing at the end of the
    /// day before the payment that settled it.
    fn rating_before_payoff(&self, st: &Statement) -> Result<char> {
        let settled_on = st.allocations.iter().rev().find(|a| a.settled).map(|a| a.date);
        let Some(before) = settled_on
            .and_then(|d| d.pred_opt())
            .filter(|&d| d >= self.schedule().disbursement())
        else {
            return Ok('0');
        };
        let prior = self.standings(&[(before, Through::EndOf)])?;
        Ok(match prior.first() {
            Some(s) if s.charged_off => 'L',
            Some(s) => rating_digit(s.days_past_due),
            None => '0',
        })
    }
}

/// The standing read on `day`, from `standings` read on each of `days`.
pub(crate) fn read_on(days: &[NaiveDate], standings: &[Standing], day: NaiveDate) -> Option<Standing> {
    days.iter()
        .position(|&d| d == day)
        .and_then(|k| standings.get(k))
        .copied()
}

/// The last days of `months` on or after the account opened, ascending.
pub(crate) fn open_ends(months: &[(NaiveDate, NaiveDate)], opened: NaiveDate) -> Vec<NaiveDate> {
    months.iter().rev().map(|m| m.1).filter(|&end| end >= opened).collect()
}

/// The 24 months before `as_of`'s as (first day, last day), newest first.
pub(crate) fn profile_months(as_of: NaiveDate) -> Result<Vec<(NaiveDate, NaiveDate)>> {
    let bad_date = || Error::DateOutOfRange {
        operation: "a month of the payment history profile",
    };
    let mut months = Vec::with_capacity(24);
    let mut month_end = as_of.with_day0(0).and_then(|d| d.pred_opt()).ok_or_else(bad_date)?;
    for _ in 0..PROFILE_MONTHS {
        let month_start = month_end.with_day0(0).ok_or_else(bad_date)?;
        months.push((month_start, month_end));
        month_end = month_start.pred_opt().ok_or_else(bad_date)?;
    }
    Ok(months)
}
