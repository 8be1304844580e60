//! The limitation period (诉讼时效): until when a claim on the loan can be
//! enforced in court, replayed from the same history as the statement.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::event::{Event, InterruptionCause};
use super::ledger::Ledger;
use crate::error::{Error, Result};

/// What restarts (or, after it ran out, revives) a limitation period.
///
/// ```
/// use overdue::accrual::Restarter;
/// assert_ne!(Restarter::Payment, Restarter::Demand);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Restarter {
    /// A payment by the debtor (not one later reversed).
    Payment,
    /// The creditor's demand ([`InterruptionCause::Demand`]).
    Demand,
    /// The debtor agreeing to pay: an acknowledgement
    /// ([`InterruptionCause::Acknowledgement`]) or a restructure.
    Acknowledgement,
    /// A lawsuit or an arbitration ([`InterruptionCause::Lawsuit`]).
    Lawsuit,
}

impl From<InterruptionCause> for Restarter {
    fn from(cause: InterruptionCause) -> Restarter {
        match cause {
            InterruptionCause::Demand => Restarter::Demand,
            InterruptionCause::Acknowledgement => Restarter::Acknowledgement,
            InterruptionCause::Lawsuit => Restarter::Lawsuit,
        }
    }
}

/// A jurisdiction's limitation rules: how long a claim lasts, what restarts
/// it while it runs, and what revives it once it has run out.
///
/// The period runs from the due date of the last installment (for an
/// installment debt, the Chinese Civil Code art. 189) and ends at the end of
/// the same day `years` later (art. 202: the corresponding day of the last
/// month; the month's last day when it has none). An interruption after the
/// period started and before it ran out starts it again from its own date
/// (art. 195); one before the last due date changes nothing (the period has
/// not started). After the period has run out, only what revives the claim
/// counts: in China a debtor who agrees to pay or pays cannot then plead the
/// limitation (art. 192; Supreme People's Court limitation provisions,
/// art. 19), and the period runs again from that day; a demand does not.
///
/// Not modelled: the 20-year longstop from the first default (art. 188), a
/// suspension in the last six months (art. 194), and acceleration (a lender
/// who calls the whole debt due starts the period on that day; record it as
/// a [`Restarter::Demand`] interruption).
///
/// ```
/// use overdue::{accrual::LimitationRules, accrual::Restarter};
/// let china = LimitationRules::china();
/// assert_eq!(china.years(), 3);
/// let six_years_payments_only = LimitationRules::new(6)?.with_restarted_by(&[Restarter::Payment]).with_revived_by(&[]);
/// assert_eq!(six_years_payments_only.restarted_by(), &[Restarter::Payment]);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LimitationRules {
    years: u32,
    restarted_by: Vec<Restarter>,
    revived_by: Vec<Restarter>,
}

/// The longest limitation period accepted, in years.
const MAX_YEARS: u32 = 100;

impl LimitationRules {
    /// China (Civil Code arts. 188, 189, 192, 195): three years, restarted by
    /// a payment, a demand, an acknowledgement or a lawsuit; revived by a
    /// payment or an acknowledgement.
    ///
    /// ```
    /// use overdue::{accrual::LimitationRules, accrual::Restarter};
    /// assert_eq!(LimitationRules::china().revived_by(), &[Restarter::Payment, Restarter::Acknowledgement]);
    /// ```
    pub fn china() -> LimitationRules {
        LimitationRules {
            years: 3,
            restarted_by: vec![
                Restarter::Payment,
                Restarter::Demand,
                Restarter::Acknowledgement,
                Restarter::Lawsuit,
            ],
            revived_by: vec![Restarter::Payment, Restarter::Acknowledgement],
        }
    }

    /// A period of `years`, restarted as in China, revived by nothing.
    ///
    /// # Errors
    /// [`Error::Invalid`] for zero years or more than 100.
    ///
    /// ```
    /// use overdue::accrual::LimitationRules;
    /// assert!(LimitationRules::new(0).is_err());
    /// assert!(LimitationRules::new(6)?.revived_by().is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(years: u32) -> Result<LimitationRules> {
        if years == 0 || years > MAX_YEARS {
            return Err(Error::Invalid {
                field: "limitation period",
                reason: format!("must be 1 to {MAX_YEARS} years, got {years}"),
            });
        }
        Ok(LimitationRules {
            years,
            revived_by: Vec::new(),
            ..LimitationRules::china()
        })
    }

    /// What restarts the period while it runs.
    ///
    /// ```
    /// use overdue::{accrual::LimitationRules, accrual::Restarter};
    /// let rules = LimitationRules::china().with_restarted_by(&[Restarter::Lawsuit]);
    /// assert_eq!(rules.restarted_by(), &[Restarter::Lawsuit]);
    /// ```
    pub fn with_restarted_by(mut self, restarters: &[Restarter]) -> LimitationRules {
        self.restarted_by = restarters.to_vec();
        self
    }

    /// What revives the claim once the period has run out.
    ///
    /// ```
    /// use overdue::accrual::LimitationRules;
    /// assert!(LimitationRules::china().with_revived_by(&[]).revived_by().is_empty());
    /// ```
    pub fn with_revived_by(mut self, restarters: &[Restarter]) -> LimitationRules {
        self.revived_by = restarters.to_vec();
        self
    }

    /// The period, in years.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::LimitationRules::new(5)?.years(), 5);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn years(&self) -> u32 {
        self.years
    }

    /// What restarts the period while it runs.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::LimitationRules::china().restarted_by().len(), 4);
    /// ```
    pub fn restarted_by(&self) -> &[Restarter] {
        &self.restarted_by
    }

    /// What revives the claim once the period has run out.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::LimitationRules::china().revived_by().len(), 2);
    /// ```
    pub fn revived_by(&self) -> &[Restarter] {
        &self.revived_by
    }

    /// The last day of a period that runs from `from`.
    fn ends(&self, from: NaiveDate) -> Result<NaiveDate> {
        from.checked_add_months(Months::new(self.years.saturating_mul(12)))
            .ok_or(Error::DateOutOfRange {
                operation: "the end of the limitation period",
            })
    }
}

/// A restart (or a revival) of the limitation period.
///
/// ```
/// use overdue::{dec, accrual::Interruption, accrual::InterruptionCause, Ledger, accrual::LimitationRules, Money, NaiveDate, OverduePolicy, Rate, accrual::Restarter, Schedule};
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
/// let mut ledger = Ledger::new(plan, OverduePolicy::new())?;
/// ledger.interrupt(Interruption::new(d(2028, 5, 4), InterruptionCause::Demand))?;
/// let restart = ledger.limitation(&LimitationRules::china(), d(2029, 1, 1))?.restarts[0];
/// assert_eq!((restart.date, restart.by, restart.revived), (d(2028, 5, 4), Restarter::Demand, false));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LimitationRestart {
    /// The day the period ran again from.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub date: NaiveDate,
    /// What restarted it.
    pub by: Restarter,
    /// Whether the period had already run out (the claim was revived).
    pub revived: bool,
}

/// Until when a claim on the loan can be enforced, as of a date.
///
/// ```
/// use overdue::{dec, Ledger, accrual::LimitationRules, Money, NaiveDate, OverduePolicy, Rate, Schedule};
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
/// let ledger = Ledger::new(plan, OverduePolicy::new())?;
/// let limitation = ledger.limitation(&LimitationRules::china(), d(2028, 1, 1))?;
/// assert_eq!(limitation.runs_from, d(2027, 1, 15)); // the last installment's due date
/// assert_eq!(limitation.expires_at_end_of, d(2030, 1, 15));
/// assert!(!limitation.expired);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Limitation {
    /// The day the period runs from: the last installment's due date, or the
    /// latest restart.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub runs_from: NaiveDate,
    /// The last day a claim can be brought (the period ends at its end).
    #[serde(serialize_with = "crate::dates::serialize")]
    pub expires_at_end_of: NaiveDate,
    /// Whether the period had run out on the date asked about.
    pub expired: bool,
    /// Every restart and revival, oldest first.
    pub restarts: Vec<LimitationRestart>,
}

impl Ledger {
    /// The limitation period under `rules` as of `as_of`: events after it
    /// are left out, as in [`Ledger::statement`]. Payments (not reversed),
    /// [`Interruption`](crate::accrual::Interruption) events and restructures (the
    /// debtor agreeing to a new plan, whose last installment then counts)
    /// restart or revive it as `rules` say.
    ///
    /// # Errors
    /// As [`Ledger::statement`]; [`Error::DateOutOfRange`] when the period
    /// would end past the last representable date.
    ///
    /// ```
    /// use overdue::{dec, Ledger, accrual::LimitationRules, Money, NaiveDate, OverduePolicy, Payment, Rate, Schedule};
    ///
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
    /// let mut ledger = Ledger::new(plan, OverduePolicy::new())?;
    /// ledger.pay(Payment::new("p1", d(2028, 3, 1), Money::new(dec!(100))?)?)?;
    /// let limitation = ledger.limitation(&LimitationRules::china(), d(2030, 6, 1))?;
    /// assert_eq!(limitation.expires_at_end_of, d(2031, 3, 1)); // the payment restarted it
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn limitation(&self, rules: &LimitationRules, as_of: NaiveDate) -> Result<Limitation> {
        let statement = self.statement(as_of)?;
        self.limitation_from(rules, as_of, &statement)
    }

    /// [`Ledger::limitation`] from the statement of `as_of` (whose last due
    /// date starts the period).
    pub(crate) fn limitation_from(
        &self,
        rules: &LimitationRules,
        as_of: NaiveDate,
        statement: &crate::accrual::Statement,
    ) -> Result<Limitation> {
        let last_due = statement
            .installments
            .iter()
            .map(|i| i.due_date)
            .max()
            .unwrap_or(self.schedule().disbursement());
        let mut runs_from = last_due;
        let mut expires = rules.ends(runs_from)?;
        let mut restarts = Vec::new();
        for event in self.events().iter().filter(|e| e.date() <= as_of) {
            let by = match event {
                Event::Payment(p) if !self.reversed_by(p.id(), as_of) => Restarter::Payment,
                Event::Interruption(i) => i.cause().into(),
                Event::Restructure(_) => Restarter::Acknowledgement,
                _ => continue,
            };
            let date = event.date();
            if date <= runs_from {
                continue; // the period has not started, or starts that day anyway
            }
            let revived = date > expires;
            let counts = if revived {
                &rules.revived_by
            } else {
                &rules.restarted_by
            };
            if counts.contains(&by) {
                runs_from = date;
                expires = rules.ends(date)?;
                restarts.push(LimitationRestart { date, by, revived });
            }
        }
        Ok(Limitation {
            runs_from,
            expires_at_end_of: expires,
            expired: as_of > expires,
            restarts,
        })
    }
}
