//! The ways out a comparison weighs, and what each one makes the borrower
//! pay (its path).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::debt_service::DebtService;
use super::refinance::Refinance;
use super::request::Comparison;
use crate::accrual::Statement;
use crate::error::Result;
use crate::limits::{LenderKind, Warning};
use crate::money::Money;
use crate::restructure::Restructure;

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
    /// # use overdue::*;
    /// assert_eq!(Choice::new("x", WayOut::PayNow).label(), "x");
    /// ```
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The way out.
    ///
    /// ```
    /// # use overdue::*;
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

impl crate::serde_tagged::Tagged for WayOut {
    const EXPECTING: &'static str = "a way out";
    const KINDS: &'static [&'static str] = &["pay_now", "stay", "restructure", "refinance", "debt_service"];
    fn variant<'de, D: serde::Deserializer<'de>>(kind: &str, fields: D) -> std::result::Result<Self, D::Error> {
        use crate::serde_tagged::NoFields;
        match kind {
            "pay_now" => NoFields::deserialize(fields).map(|_| WayOut::PayNow),
            "stay" => StayFields::deserialize(fields).map(|f| WayOut::Stay { until: f.until }),
            "restructure" => Restructure::deserialize(fields).map(WayOut::Restructure),
            "refinance" => Refinance::deserialize(fields).map(WayOut::Refinance),
            _ => DebtService::deserialize(fields).map(WayOut::DebtService),
        }
    }
}

crate::serde_tagged::deserialize_tagged!(WayOut);

/// One way out worked into payments: when the borrower pays what, the worst
/// days past due on the way, when the overdue debt is settled, the contract
/// (date and lender) whose legal cap applies, and warnings of its own.
pub(super) struct Path {
    pub(super) payments: Payments,
    pub(super) highest_dpd: u32,
    pub(super) settled_on: NaiveDate,
    /// The day the delinquency ends (cured or settled).
    pub(super) cured_on: NaiveDate,
    pub(super) contract: (NaiveDate, LenderKind),
    pub(super) warnings: Vec<Warning>,
}

/// Dated payments by the borrower.
pub(super) type Payments = Vec<(NaiveDate, Money)>;

impl Comparison {
    /// What the borrower pays on one way out, and what it does to the loan.
    pub(super) fn path(&self, way: &WayOut, today: &Statement) -> Result<Path> {
        match way {
            WayOut::PayNow => Ok(self.pay_now_path(today)),
            WayOut::Stay { until } => self.stay_path(*until),
            WayOut::Restructure(r) => self.restructure_path(r, today),
            WayOut::Refinance(r) => self.refinance_path(r, today),
            WayOut::DebtService(s) => self.debt_service_path(s, today),
        }
    }

    /// A path on this loan itself, under its own contract: `payments`, the
    /// worst days past due, and the day it is settled (and cured).
    pub(super) fn on_this_loan(&self, payments: Payments, highest_dpd: u32, settled_on: NaiveDate) -> Path {
        Path {
            payments,
            highest_dpd,
            settled_on,
            cured_on: settled_on,
            contract: (self.ledger.schedule().disbursement(), self.lender),
            warnings: Vec::new(),
        }
    }
}
