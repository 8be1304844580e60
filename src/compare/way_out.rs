//! The ways out a comparison weighs, and what each one makes the borrower
//! pay (its path).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::debt_service::DebtService;
use super::path::{Context, Path};
use super::refinance::Refinance;
use crate::accrual::Statement;
use crate::error::Result;
use crate::restructure::Restructure;
use crate::serde_tagged::NoFields;

/// One way out of the debt.
///
/// ```
/// use overdue::NaiveDate;
/// use overdue::WayOut;
/// let stay = WayOut::Stay { until: NaiveDate::from_ymd_opt(2026, 8, 23).unwrap() };
/// assert_ne!(stay, WayOut::PayNow);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[non_exhaustive]
pub enum WayOut {
    /// Pay the payoff amount today.
    PayNow,
    /// Stay overdue until a date, then pay everything (penalties keep
    /// accruing under the loan's policy and caps).
    Stay {
        /// The day everything is paid.
        until: NaiveDate,
    },
    /// A deferral or restructure of the loan (dated on or after the
    /// comparison date), then every new installment paid when due.
    Restructure(Restructure),
    /// A new loan pays the payoff today; then its installments.
    Refinance(Refinance),
    /// A debt-management service.
    DebtService(DebtService),
    /// Take a promotion the lender offers on the loan (its label): meet its
    /// condition with the least it asks from the comparison date, then pay
    /// what is left on the day it is met. A comparison offers this for
    /// every promotion open on its date that no option names.
    TakePromotion {
        /// The promotion's label.
        label: String,
    },
}

/// A labelled way out.
///
/// ```
/// use overdue::{Choice, WayOut};
/// let c = Choice::new("pay now", WayOut::PayNow);
/// assert_eq!(c.label(), "pay now");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub(super) label: String,
    pub(super) way: WayOut,
}

impl Choice {
    /// A way out with a label for the report.
    ///
    /// ```
    /// use overdue::{Choice, WayOut};
    /// assert_eq!(Choice::new("now", WayOut::PayNow).way(), &WayOut::PayNow);
    /// ```
    pub fn new(label: impl Into<String>, way: WayOut) -> Choice {
        Choice {
            label: label.into(),
            way,
        }
    }

    /// Its label.
    ///
    /// ```
    /// # use overdue::{Choice, WayOut};
    /// assert_eq!(Choice::new("x", WayOut::PayNow).label(), "x");
    /// ```
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The way out.
    ///
    /// ```
    /// # use overdue::{Choice, WayOut};
    /// assert_eq!(Choice::new("x", WayOut::PayNow).way(), &WayOut::PayNow);
    /// ```
    pub fn way(&self) -> &WayOut {
        &self.way
    }
}

/// The fields of [`WayOut::Stay`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct StayFields {
    pub(super) until: NaiveDate,
}

/// The fields of [`WayOut::TakePromotion`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct PromotionFields {
    label: String,
}

crate::serde_tagged::tagged!(WayOut, "a way out", {
    "pay_now" => NoFields => |_| WayOut::PayNow,
    "stay" => StayFields => |f| WayOut::Stay { until: f.until },
    "restructure" => Restructure => WayOut::Restructure,
    "refinance" => Refinance => WayOut::Refinance,
    "debt_service" => DebtService => WayOut::DebtService,
    "take_promotion" => PromotionFields => |f| WayOut::TakePromotion { label: f.label },
});

impl Context<'_> {
    /// What the borrower pays on one way out, and what it does to the loan.
    pub(super) fn path(&self, way: &WayOut, today: &Statement) -> Result<Path> {
        match way {
            WayOut::PayNow => Ok(self.pay_now_path(today)),
            WayOut::Stay { until } => self.stay_path(*until),
            WayOut::Restructure(r) => self.restructure_path(r, today),
            WayOut::Refinance(r) => self.refinance_path(r, today),
            WayOut::DebtService(s) => self.debt_service_path(s, today),
            WayOut::TakePromotion { label } => self.promotion_path(label, today),
        }
    }
}
