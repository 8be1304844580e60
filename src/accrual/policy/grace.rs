//! The grace period after a due date, and what it means for penalties.

use serde::{Deserialize, Serialize};

/// What a grace period means.
///
/// The default is [`GraceMeaning::Waive`].
///
/// ```
/// use overdue::accrual::GraceMeaning;
/// assert_eq!(GraceMeaning::default(), GraceMeaning::Waive);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GraceMeaning {
    /// Paid within grace: no penalty at all; paid later: penalty counted
    /// from the due date (Chinese online lending, Mambu's tolerance period).
    /// The default.
    #[default]
    Waive,
    /// Penalty counted only from the end of grace (Frappe lending).
    Shift,
}

/// The most days a policy may name for a grace period, a late-fee recurrence
/// or a charge-off threshold: 100 years of 366 days.
///
/// A longer span has no servicing meaning, and bounding it keeps every day
/// computed from it inside the calendar (a larger one is
/// [`Error::TooLarge`](crate::Error::TooLarge) when the policy is used).
///
/// ```
/// use overdue::{accrual::LateFee, Ledger, Money, OverduePolicy, Rate, accrual::Recurrence, Schedule, accrual::MAX_POLICY_DAYS};
/// # use overdue::NaiveDate; use overdue::dec;
/// let plan = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.12))?, 3,
///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
/// let fee = LateFee::flat(Money::new(dec!(25))?).every(Recurrence::EveryDays(MAX_POLICY_DAYS + 1));
/// let err = Ledger::new(plan, OverduePolicy::new().with_late_fee(fee)).unwrap_err();
/// assert_eq!(err.to_string(), "late fee recurrence days must be at most 36600, got 36601");
/// # Ok::<(), overdue::Error>(())
/// ```
pub const MAX_POLICY_DAYS: u32 = 36_600;

/// A grace period of `days` days after each due date, and its meaning.
///
/// ```
/// use overdue::{accrual::Grace, accrual::GraceMeaning};
/// let g = Grace::waive(3);
/// assert_eq!((g.days(), g.meaning()), (3, GraceMeaning::Waive));
/// assert_eq!(Grace::none().days(), 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Grace {
    days: u32,
    #[serde(default)]
    meaning: GraceMeaning,
}

impl Grace {
    /// No grace: penalties count from the due date. The default.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Grace::none(), overdue::accrual::Grace::default());
    /// ```
    pub fn none() -> Grace {
        Grace::default()
    }

    /// `days` of grace; paid within them, no penalty at all.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Grace::waive(3).days(), 3);
    /// ```
    pub fn waive(days: u32) -> Grace {
        Grace {
            days,
            meaning: GraceMeaning::Waive,
        }
    }

    /// `days` of grace; penalties count only from their end.
    ///
    /// ```
    /// use overdue::{accrual::Grace, accrual::GraceMeaning};
    /// assert_eq!(Grace::shift(5).meaning(), GraceMeaning::Shift);
    /// ```
    pub fn shift(days: u32) -> Grace {
        Grace {
            days,
            meaning: GraceMeaning::Shift,
        }
    }

    /// The number of grace days.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Grace::shift(5).days(), 5);
    /// ```
    pub fn days(&self) -> u32 {
        self.days
    }

    /// What the grace means.
    ///
    /// ```
    /// use overdue::{accrual::Grace, accrual::GraceMeaning};
    /// assert_eq!(Grace::waive(1).meaning(), GraceMeaning::Waive);
    /// ```
    pub fn meaning(&self) -> GraceMeaning {
        self.meaning
    }
}
