//! What a borrower should know about a plan: a loan it leaves on the way to
//! charge-off or legal action, and a remainder it could have cleared.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::accrual::{Milestone, Timeline, COLLECTION_DAYS};
use crate::money::Money;

/// Something a borrower should know about a plan.
///
/// ```
/// use overdue::{dec, plan::PlanWarning, Money};
/// let w = PlanWarning::RemainderLeft { label: "card".into(), owed: Money::new(dec!(92.96))?, unused: Money::new(dec!(400))? };
/// assert!(w.to_string().contains("92.96"));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PlanWarning {
    /// The plan leaves a loan unpaid long enough for the lender to act: it
    /// reaches 90 days past due (when lenders usually charge off and send a
    /// loan to collection), or its lender's own charge-off or legal action
    /// day, before the horizon.
    Escalates {
        /// The loan.
        label: String,
        /// The first day it happens.
        date: NaiveDate,
        /// The days past due that day.
        days_past_due: u32,
        /// What happens.
        milestone: Milestone,
    },
    /// A loan is left at the horizon with an amount fallen due and unpaid
    /// (installments, penalties, fees) that the budget the plan left unused
    /// could have paid.
    RemainderLeft {
        /// The loan.
        label: String,
        /// What has fallen due on it and is unpaid at the horizon.
        owed: Money,
        /// The budget the plan left unused over its months.
        unused: Money,
    },
}

impl PlanWarning {
    /// The first escalation on a loan's timeline up to `horizon`, if any.
    pub(crate) fn escalation(label: &str, timeline: &Timeline, horizon: NaiveDate) -> Option<PlanWarning> {
        timeline
            .entries
            .iter()
            .filter(|e| e.date <= horizon)
            .find(|e| match e.milestone {
                Milestone::ChargedOff | Milestone::LegalAction => true,
                Milestone::Bucket { .. } => e.days_past_due >= COLLECTION_DAYS,
                _ => false,
            })
            .map(|e| PlanWarning::Escalates {
                label: label.to_owned(),
                date: e.date,
                days_past_due: e.days_past_due,
                milestone: e.milestone.clone(),
            })
    }
}

impl fmt::Display for PlanWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanWarning::Escalates {
                label,
                date,
                days_past_due,
                milestone,
            } => {
                let what = match milestone {
                    Milestone::ChargedOff => "its lender charges it off",
                    Milestone::LegalAction => "its lender takes legal action or hands it to collection",
                    _ => "it may be charged off and sent to collection",
                };
                write!(
                    f,
                    "{label} is left unpaid: on {date} it is {days_past_due} days past due and {what}"
                )
            }
            PlanWarning::RemainderLeft { label, owed, unused } => write!(
                f,
                "{label} is left owing {} fallen due at the horizon, which the {} of budget left unused \
                 could have cleared",
                owed.grouped(),
                unused.grouped()
            ),
        }
    }
}
