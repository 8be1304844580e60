//! What happens when: the dated milestones a loan left as it is brings under
//! its contract, its lender's policy and the law.

use std::fmt;

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ledger::Ledger;
use super::limitation::LimitationRules;
use super::policy::{Caps, Recurrence};
use super::statement::{InstallmentStatement, InstallmentStatus, Statement};
use crate::error::{overflow, Error, Result};
use crate::money::Money;

/// The most milestones a timeline lists (late fees charged again and again
/// over a long horizon count one each).
///
/// ```
/// assert_eq!(overdue::accrual::MAX_TIMELINE_ENTRIES, 1_000);
/// ```
pub const MAX_TIMELINE_ENTRIES: usize = 1_000;

/// How long a negative credit record is kept after the delinquency ends: five
/// years (征信业管理条例 art. 16; the US Fair Credit Reporting Act keeps most
/// for seven, 15 U.S.C. 1681c(a)).
///
/// ```
/// assert_eq!(overdue::accrual::RECORD_YEARS, 5);
/// ```
pub const RECORD_YEARS: u32 = 5;

/// Days past due from which lenders usually charge a loan off and send it to
/// collection (the US charge-off and non-accrual policies start at 90 and
/// 120; the five-class rules treat more than 90 as non-performing).
pub(crate) const COLLECTION_DAYS: u32 = 90;

/// A credit bureau a late payment is reported to.
///
/// ```
/// use overdue::accrual::Bureau;
/// assert_ne!(Bureau::Pboc, Bureau::Metro2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Bureau {
    /// The PBOC Credit Reference Center (征信中心): a monthly record shows an
    /// installment overdue from its first day.
    Pboc,
    /// A US consumer reporting agency, by Metro 2: an account is reported
    /// delinquent from 30 days past due.
    Metro2,
}

/// What happens on a timeline's date.
///
/// ```
/// use overdue::accrual::Milestone;
/// assert_ne!(Milestone::ChargedOff, Milestone::LegalAction);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Milestone {
    /// A late fee is charged on an installment.
    LateFee {
        /// The installment's 1-based number.
        installment: u32,
        /// The fee charged (after any cap).
        amount: Money,
    },
    /// The loan enters a delinquency bucket.
    Bucket {
        /// The bucket's label ("M2").
        bucket: String,
    },
    /// The loan becomes reportable as late to a bureau.
    ReportedLate {
        /// The bureau.
        bureau: Bureau,
    },
    /// The lender freezes the account or line ([`Collections`](crate::accrual::Collections)).
    Frozen,
    /// The lender charges the loan off (核销): the debt is still owed.
    ChargedOff,
    /// The lender starts legal action or hands the loan to collection.
    LegalAction,
    /// The limitation period (诉讼时效) ends at the end of this day.
    LimitationEnds,
    /// The negative credit record is removed.
    RecordRemoved,
}

/// One dated milestone, with the days past due on that day and a sentence
/// a borrower reads.
///
/// ```
/// use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
/// let timeline = Ledger::new(plan, OverduePolicy::new())?.timeline(d(2026, 2, 1), d(2026, 6, 1))?;
/// let first = &timeline.entries[0];
/// assert_eq!((first.date, first.days_past_due), (d(2026, 2, 16), 1));
/// assert!(first.text.contains("PBOC"));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TimelineEntry {
    /// The day it happens.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub date: NaiveDate,
    /// The loan's days past due on that day (for the end of the
    /// limitation period and the removal of the record, on the last day the
    /// timeline replays).
    pub days_past_due: u32,
    /// What happens.
    pub milestone: Milestone,
    /// What happens, in a sentence ("on 2027-01-15 this loan reaches 90
    /// days past due: ...").
    pub text: String,
}

/// What a loan left as it is brings, day by day: late fees, bucket changes,
/// the days it becomes reportable to the bureaus, the lender's freeze,
/// charge-off and legal action, the end of the limitation period and the
/// removal of the negative record. See [`Ledger::timeline`].
///
/// ```
/// use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
/// let timeline = Ledger::new(plan, OverduePolicy::new())?.timeline(d(2026, 2, 1), d(2026, 6, 1))?;
/// assert!(timeline.entries.windows(2).all(|w| w[0].date <= w[1].date));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Timeline {
    /// The day after which milestones are listed (the timeline's `from`).
    #[serde(serialize_with = "crate::dates::serialize")]
    pub after: NaiveDate,
    /// The last day replayed.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub until: NaiveDate,
    /// The milestones in date order.
    pub entries: Vec<TimelineEntry>,
}

impl fmt::Display for TimelineEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Ledger {
    /// What happens to this loan, left as it is, after `from` and up to
    /// `until`: each late fee, each bucket change, the day it becomes
    /// reportable as late (to the PBOC from the first day; by Metro 2 at 30
    /// days), the lender's freeze and legal action
    /// ([`Collections`](crate::accrual::Collections)) and charge-off, and,
    /// whatever `until`, the end of the limitation period under China's
    /// rules and, once the delinquency has ended, the removal of the negative
    /// record five years later ([`RECORD_YEARS`]). The ledger's events
    /// count as they are, later ones too: a timeline of a ledger with planned
    /// payments is the timeline under that plan.
    ///
    /// # Errors
    /// As [`Ledger::statement`]; [`Error::DateOrder`] if `until` is before
    /// `from`; [`Error::TooLarge`] beyond [`MAX_TIMELINE_ENTRIES`].
    ///
    /// ```
    /// use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
    /// use overdue::accrual::{Collections, Milestone};
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
    /// let policy = OverduePolicy::new()
    ///     .with_charge_off_after(180)
    ///     .with_collections(Collections::new().with_legal_action_after(90));
    /// let timeline = Ledger::new(plan, policy)?.timeline(d(2026, 2, 1), d(2027, 2, 1))?;
    /// let legal = timeline.entries.iter().find(|e| e.milestone == Milestone::LegalAction).unwrap();
    /// assert_eq!(legal.date, d(2026, 5, 16)); // 90 days after the first due date, 2026-02-15
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn timeline(&self, from: NaiveDate, until: NaiveDate) -> Result<Timeline> {
        self.timeline_under(from, until, &LimitationRules::china())
    }

    /// [`Ledger::timeline`], or none where it would list more than
    /// [`MAX_TIMELINE_ENTRIES`] milestones: what a comparison or a plan
    /// reports beside its own figures.
    pub(crate) fn timeline_if_listed(&self, from: NaiveDate, until: NaiveDate) -> Result<Option<Timeline>> {
        match self.timeline(from, until) {
            Ok(timeline) => Ok(Some(timeline)),
            Err(Error::TooLarge { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// [`Ledger::timeline`] under other limitation rules.
    ///
    /// # Errors
    /// As [`Ledger::timeline`].
    ///
    /// ```
    /// use overdue::{dec, accrual::LimitationRules, accrual::Milestone, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
    /// let ledger = Ledger::new(plan, OverduePolicy::new())?;
    /// let six = ledger.timeline_under(d(2026, 2, 1), d(2026, 6, 1), &LimitationRules::new(6)?)?;
    /// let end = six.entries.iter().find(|e| e.milestone == Milestone::LimitationEnds).unwrap();
    /// assert_eq!(end.date, d(2033, 1, 15)); // six years from the last due date
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn timeline_under(&self, from: NaiveDate, until: NaiveDate, rules: &LimitationRules) -> Result<Timeline> {
        if until < from {
            return Err(Error::DateOrder {
                earlier: "timeline start",
                earlier_date: from,
                later: "timeline end",
                later_date: until,
            });
        }
        // between the ledger's events the loan is left as it is: each stretch's milestones
        // follow from the statement at its start
        let mut starts: Vec<NaiveDate> = vec![from];
        starts.extend(
            self.events()
                .iter()
                .map(|e| e.date())
                .filter(|&d| d > from && d <= until),
        );
        starts.dedup();
        let stretches = self.statements_on(&starts)?;
        let Some(start) = stretches.first() else {
            return Err(overflow("timeline"));
        };
        let mut candidates = Vec::new();
        for (k, (&s, st)) in starts.iter().zip(&stretches).enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(until);
            candidates.extend(self.threshold_days(st, s, end));
            candidates.extend(self.fee_days(st, s, end)?);
            if candidates.len() > MAX_TIMELINE_ENTRIES {
                return Err(too_many(candidates.len()));
            }
        }
        // the day before each fee day too, where a cap or a charge-off may cut a scheduled fee
        // as it falls due: a late fee is what its own day added (without either, an
        // installment's fees, charged and to run, change only on its fee days)
        let eves = candidates
            .iter()
            .filter(|c| matches!(c.1, Candidate::FeeDay { eve: true, .. }))
            .filter_map(|c| c.0.pred_opt());
        // and the stretches' starts, where a delinquency may end
        let mut dates: Vec<NaiveDate> = candidates
            .iter()
            .map(|c| c.0)
            .chain(eves)
            .chain(starts.iter().copied())
            .collect();
        dates.push(until);
        dates.sort_unstable();
        dates.dedup();
        let readings = self.fee_readings_on(&dates)?;
        let on = |day: NaiveDate| dates.binary_search(&day).ok().and_then(|k| readings.get(k));
        let mut entries = Vec::new();
        for (k, (day, st)) in dates.iter().zip(&readings).enumerate() {
            // the reading before: the day before, or the last one (the installment's fees moved
            // on no day between)
            let Some(before) = k.checked_sub(1).and_then(|k| readings.get(k)) else {
                continue;
            };
            let due_a_fee = candidates.iter().filter_map(|c| match c.1 {
                Candidate::FeeDay { installment, .. } if c.0 == *day => Some(installment),
                _ => None,
            });
            for i in due_a_fee {
                // a scheduled fee moves from upcoming to charged as it falls due: a late fee is
                // what the two together gained
                let (Some(now), Some(then)) = (st.fees.get(i), before.fees.get(i)) else {
                    continue;
                };
                let amount = now.saturating_sub(*then);
                if !amount.is_zero() {
                    let installment = u32::try_from(i + 1).unwrap_or(u32::MAX);
                    let fee = Milestone::LateFee { installment, amount };
                    entries.push(entry(*day, st.days_past_due, fee));
                }
            }
        }
        for (day, candidate) in &candidates {
            match candidate {
                Candidate::Reached(days, milestone) => {
                    // reached only if nothing cured the loan on the way
                    if let Some(st) = on(*day).filter(|st| st.days_past_due >= *days) {
                        entries.push(entry(*day, st.days_past_due, milestone.clone()));
                    }
                }
                Candidate::FeeDay { .. } => {}
            }
        }
        let Some(last) = on(until) else {
            return Err(overflow("timeline"));
        };
        let in_force = stretches.last().unwrap_or(start);
        let limitation = self.limitation_from(rules, until, in_force)?;
        entries.push(entry(
            limitation.expires_at_end_of,
            last.days_past_due,
            Milestone::LimitationEnds,
        ));
        let late: Vec<(NaiveDate, u32)> = dates
            .iter()
            .zip(&readings)
            .map(|(&day, st)| (day, st.days_past_due))
            .collect();
        if let Some(ended) = delinquency_ended(&late) {
            let removed = ended
                .checked_add_months(Months::new(12 * RECORD_YEARS))
                .ok_or(Error::DateOutOfRange {
                    operation: "the day the negative record is removed",
                })?;
            entries.push(entry(removed, last.days_past_due, Milestone::RecordRemoved));
        }
        entries.sort_by_key(|e| (e.date, order(&e.milestone)));
        if entries.len() > MAX_TIMELINE_ENTRIES {
            return Err(too_many(entries.len()));
        }
        Ok(Timeline {
            after: from,
            until,
            entries,
        })
    }

    /// The days after `from`, up to `until`, on which the loan left as it
    /// is reaches each threshold of days past due: the bureaus', each
    /// bucket's and the lender's (its charge-off, freeze and legal action).
    fn threshold_days(&self, start: &Statement, from: NaiveDate, until: NaiveDate) -> Vec<(NaiveDate, Candidate)> {
        let policy = self.policy();
        let Some(oldest) = oldest_owing(start, policy.tolerance()) else {
            return Vec::new();
        };
        let mut thresholds = vec![
            (1, Milestone::ReportedLate { bureau: Bureau::Pboc }),
            (30, Milestone::ReportedLate { bureau: Bureau::Metro2 }),
        ];
        for bucket in policy.buckets().buckets().iter().filter(|b| b.from_days() > 0) {
            let bucket_label = bucket.label().to_owned();
            thresholds.push((bucket.from_days(), Milestone::Bucket { bucket: bucket_label }));
        }
        if let (Some(days), None) = (policy.charge_off_after(), start.charged_off_on) {
            thresholds.push((days, Milestone::ChargedOff));
        }
        let collections = policy.collections();
        if let Some(days) = collections.freeze_after() {
            thresholds.push((days, Milestone::Frozen));
        }
        if let Some(days) = collections.legal_action_after() {
            thresholds.push((days, Milestone::LegalAction));
        }
        thresholds
            .into_iter()
            .filter_map(|(days, milestone)| {
                let day = oldest.checked_add_days(Days::new(u64::from(days)))?;
                // reached only if nothing cures the loan on the way: read on that day
                let candidate = Candidate::Reached(days, milestone);
                (day > from && day <= until).then_some((day, candidate))
            })
            .collect()
    }

    /// The days after `from`, up to `until`, a late fee falls on an
    /// installment that owes: its first day late beyond grace, then every
    /// `n` days for a recurring fee.
    fn fee_days(&self, start: &Statement, from: NaiveDate, until: NaiveDate) -> Result<Vec<(NaiveDate, Candidate)>> {
        let policy = self.policy();
        let Some(fee) = policy.late_fee() else {
            return Ok(Vec::new());
        };
        let grace = u64::from(policy.grace().days());
        let cut_possible = policy.caps() != Caps::none() || policy.charge_off_after().is_some();
        let mut days = Vec::new();
        let tolerance = policy.tolerance();
        for (k, i) in start
            .installments
            .iter()
            .enumerate()
            .filter(|(_, i)| owing(i, tolerance))
        {
            // a scheduled fee still to fall due, which a cap or a charge-off may cut on its day
            let scheduled =
                i.state != InstallmentStatus::PastDue && !i.charged.fees.checked_add(i.upcoming.fees)?.is_zero();
            let eve = cut_possible && scheduled;
            let Some(mut day) = i.due_date.checked_add_days(Days::new(grace + 1)) else {
                continue;
            };
            while day <= until {
                if day > from {
                    days.push((day, Candidate::FeeDay { installment: k, eve }));
                    if days.len() > MAX_TIMELINE_ENTRIES {
                        return Err(too_many(days.len()));
                    }
                }
                let Recurrence::EveryDays(n) = fee.recurrence() else {
                    break;
                };
                match day.checked_add_days(Days::new(u64::from(n.max(1)))) {
                    Some(next) => day = next,
                    None => break,
                }
            }
        }
        Ok(days)
    }
}

/// Why a date is read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Candidate {
    /// A late fee may fall on it; read the day before too when a scheduled
    /// fee may have been cut on the installment's due date.
    FeeDay {
        /// The installment's index.
        installment: usize,
        /// Whether the day before is read.
        eve: bool,
    },
    /// The loan left as it is reaches these days past due on it, unless
    /// something cures it first: read.
    Reached(u32, Milestone),
}

/// Whether an installment owes what ages a loan left as it is: it is past
/// due, or not yet due and owes more than `tolerance` in all.
fn owing(i: &InstallmentStatement, tolerance: Money) -> bool {
    match i.state {
        InstallmentStatus::PastDue => true,
        InstallmentStatus::Due | InstallmentStatus::NotYetDue => {
            let total = i.outstanding.total().and_then(|o| o.checked_add(i.upcoming.total()?));
            total.map_or(true, |t| t > tolerance)
        }
        _ => false,
    }
}

/// The due date of the oldest installment that owes (see [`owing`]).
fn oldest_owing(st: &Statement, tolerance: Money) -> Option<NaiveDate> {
    st.installments
        .iter()
        .filter(|i| owing(i, tolerance))
        .map(|i| i.due_date)
        .min()
}

/// The day the loan's delinquency ended, if it was past due at some reading
/// and is not at the last: the first reading after the last one past due.
fn delinquency_ended(readings: &[(NaiveDate, u32)]) -> Option<NaiveDate> {
    let last_late = readings.iter().rposition(|r| r.1 > 0)?;
    readings.get(last_late + 1).map(|r| r.0)
}

/// Milestones on the same day: fees and buckets first, the law last.
fn order(m: &Milestone) -> u8 {
    match m {
        Milestone::LateFee { .. } => 0,
        Milestone::ReportedLate { .. } => 1,
        Milestone::Bucket { .. } => 2,
        Milestone::Frozen => 3,
        Milestone::ChargedOff => 4,
        Milestone::LegalAction => 5,
        Milestone::LimitationEnds => 6,
        _ => 7,
    }
}

fn too_many(n: usize) -> Error {
    Error::TooLarge {
        field: "timeline milestones",
        value: u64::try_from(n).unwrap_or(u64::MAX),
        max: MAX_TIMELINE_ENTRIES as u64,
    }
}

fn entry(date: NaiveDate, days_past_due: u32, milestone: Milestone) -> TimelineEntry {
    let text = format!("on {date} {}", sentence(&milestone, days_past_due));
    TimelineEntry {
        date,
        days_past_due,
        milestone,
        text,
    }
}

/// What a milestone means for the borrower, with the rule it follows.
fn sentence(m: &Milestone, days: u32) -> String {
    match m {
        Milestone::LateFee { installment, amount } => {
            format!(
                "a late fee of {} is charged on installment {installment}",
                amount.grouped()
            )
        }
        Milestone::Bucket { bucket } if days >= COLLECTION_DAYS => {
            format!("this loan reaches {days} days past due ({bucket}): it may be charged off and sent to collection")
        }
        Milestone::Bucket { bucket } => format!("this loan reaches {days} days past due ({bucket})"),
        Milestone::ReportedLate { bureau: Bureau::Pboc } => "this loan is overdue and may be reported to the PBOC \
             credit reference center, which records an overdue installment from its first day"
            .to_owned(),
        Milestone::ReportedLate { bureau: _ } => {
            "this loan is 30 days past due: a US lender reports it late to the credit bureaus (Metro 2)".to_owned()
        }
        Milestone::Frozen => "the lender freezes the account or credit line (its policy)".to_owned(),
        Milestone::ChargedOff => {
            "the lender charges this loan off (its policy): it is still owed and usually sent to collection".to_owned()
        }
        Milestone::LegalAction => {
            "the lender takes legal action or hands this loan to collection (its policy)".to_owned()
        }
        Milestone::LimitationEnds => "the limitation period ends (Civil Code arts. 188, 189): after it a court \
             will not enforce the debt unless the borrower pays or agrees to pay (art. 192)"
            .to_owned(),
        Milestone::RecordRemoved => format!(
            "the negative credit record is removed, {RECORD_YEARS} years after the delinquency ended \
             (征信业管理条例 art. 16)"
        ),
    }
}
