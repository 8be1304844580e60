//! The ways out a comparison weighs, and what each one makes the borrower
//! pay (its path).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::card_ways::BalanceTransfer;
use super::debt_service::DebtService;
use super::owed::Today;
use super::path::{Context, Path};
use super::refinance::Refinance;
use crate::error::Result;
use crate::money::Money;
use crate::restructure::Restructure;
use crate::revolving::{PlanCharge, Repayment};
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
    /// Pay a card in full by its next due date (the payoff quoted the day
    /// before it). A card's way out.
    PayInFull,
    /// Pay only a card's minimum payment on each due date until it is
    /// repaid. A card's way out.
    MinimumOnly,
    /// Pay a card a fixed amount on each due date (the minimum when that is
    /// more) until it is repaid. A card's way out.
    PayMonthly {
        /// The amount paid on each due date.
        amount: Money,
    },
    /// Convert a card's billed purchases into an installment plan (账单分期)
    /// on the comparison date (the next day when a statement is cut on it),
    /// then pay the minimum, which carries each
    /// period, on each due date. A card's way out.
    CardInstallmentPlan {
        /// Its number of periods (1 to 60).
        periods: u32,
        /// What the plan charges.
        charge: PlanCharge,
    },
    /// A new card takes over the payoff as a balance transfer, then is
    /// repaid (a way out of a card or a loan).
    BalanceTransfer(BalanceTransfer),
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

/// The fields of [`WayOut::PayMonthly`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct MonthlyFields {
    amount: Money,
}

/// The fields of [`WayOut::CardInstallmentPlan`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct CardPlanFields {
    periods: u32,
    charge: PlanCharge,
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
    "pay_in_full" => NoFields => |_| WayOut::PayInFull,
    "minimum_only" => NoFields => |_| WayOut::MinimumOnly,
    "pay_monthly" => MonthlyFields => |f| WayOut::PayMonthly { amount: f.amount },
    "card_installment_plan" => CardPlanFields => |f| WayOut::CardInstallmentPlan { periods: f.periods, charge: f.charge },
    "balance_transfer" => BalanceTransfer => WayOut::BalanceTransfer,
});

impl Context<'_> {
    /// What the borrower pays on one way out, and what it does to the loan.
    pub(super) fn path(&self, way: &WayOut, today: &Today) -> Result<Path> {
        match way {
            WayOut::PayNow => Ok(self.pay_now_path(today)),
            WayOut::Stay { until } => self.stay_path(*until),
            WayOut::Restructure(r) => self.restructure_path(r, today),
            WayOut::Refinance(r) => self.refinance_path(r, today),
            WayOut::DebtService(s) => self.debt_service_path(s, today),
            WayOut::TakePromotion { label } => self.promotion_path(label, today),
            WayOut::PayInFull => self.repayment_path(Repayment::InFull, today, "paying in full"),
            WayOut::MinimumOnly => self.repayment_path(Repayment::MinimumOnly, today, "paying the minimum only"),
            WayOut::PayMonthly { amount } => {
                self.repayment_path(Repayment::Monthly(*amount), today, "paying a fixed amount a month")
            }
            WayOut::CardInstallmentPlan { periods, charge } => self.card_plan_path(*periods, *charge, today),
            WayOut::BalanceTransfer(t) => self.balance_transfer_path(t, today),
        }
    }
}
