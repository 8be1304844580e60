//! How contract interest is charged: fixed by the schedule, or day by day on
//! the principal actually outstanding.

use serde::{Deserialize, Serialize};

use crate::calendar::DayCount;
use crate::serde_tagged::NoFields;

/// How a loan's contract interest is charged.
///
/// The default is [`InterestModel::Scheduled`].
///
/// ```
/// use overdue::{DayCount, schedule::InterestModel};
/// assert_eq!(InterestModel::default(), InterestModel::Scheduled);
/// let daily = InterestModel::daily(DayCount::Act365Fixed);
/// assert_ne!(daily, InterestModel::Scheduled);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[non_exhaustive]
pub enum InterestModel {
    /// Each installment's interest is fixed when the schedule is built,
    /// whenever it is paid (precomputed installment plans, 等额本息 tables).
    /// The default.
    #[default]
    Scheduled,
    /// Contract interest accrues day by day on the principal actually
    /// outstanding (按日计息, US simple interest, Fineract's daily rest): it
    /// is posted when an installment falls due and whenever money is
    /// received, so a late payment costs more interest and an early one
    /// less. The schedule is the payment plan, built on actual days under
    /// `day_count`.
    DailyOnBalance {
        /// The day count the daily accrual uses.
        day_count: DayCount,
        /// What the installments do when the interest differs from the plan.
        #[serde(default)]
        installments: DailyInstallments,
    },
}

impl InterestModel {
    /// Daily interest on the actual balance under `day_count`, keeping the
    /// scheduled installment ([`DailyInstallments::KeepInstallment`]).
    ///
    /// ```
    /// use overdue::{DayCount, schedule::InterestModel};
    /// assert!(matches!(InterestModel::daily(DayCount::Act360), InterestModel::DailyOnBalance { .. }));
    /// ```
    pub fn daily(day_count: DayCount) -> InterestModel {
        InterestModel::DailyOnBalance {
            day_count,
            installments: DailyInstallments::default(),
        }
    }

    /// The day count of the daily accrual, when interest is daily.
    pub(crate) fn daily_day_count(self) -> Option<DayCount> {
        match self {
            InterestModel::DailyOnBalance { day_count, .. } => Some(day_count),
            InterestModel::Scheduled => None,
        }
    }

    pub(crate) fn is_scheduled(&self) -> bool {
        *self == InterestModel::Scheduled
    }
}

/// What a daily-interest loan's installments do when the interest actually
/// charged differs from the plan's (a late or early payment, a prepayment).
///
/// The default is [`DailyInstallments::KeepInstallment`].
///
/// ```
/// assert_eq!(overdue::schedule::DailyInstallments::default(), overdue::schedule::DailyInstallments::KeepInstallment);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DailyInstallments {
    /// Each installment stays as scheduled: more interest leaves less of it
    /// for principal, and the last installment settles whatever remains (the
    /// common US simple-interest rule). A prepayment shortens the term. The default.
    #[default]
    KeepInstallment,
    /// The remaining principal is re-amortised over the remaining
    /// installments after each unscheduled principal change: the term stays,
    /// the installment moves.
    Reamortise,
}

/// The fields of [`InterestModel::DailyOnBalance`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct DailyFields {
    day_count: DayCount,
    #[serde(default)]
    installments: DailyInstallments,
}

crate::serde_tagged::tagged!(InterestModel, "an interest model", {
    "scheduled" => NoFields => |_| InterestModel::Scheduled,
    "daily_on_balance" => DailyFields => |f| InterestModel::DailyOnBalance {
        day_count: f.day_count,
        installments: f.installments,
    },
});
