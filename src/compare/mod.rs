//! Compare every way out of an overdue debt, side by side.
//!
//! A [`Comparison`] (the request, `request.rs`) weighs [`Choice`]s for an
//! installment loan, a [`CardComparison`] (`card.rs`) for a credit card;
//! both read their debt the same way (`owed.rs`) and share their settings
//! and the borrower's [`Budget`] (`budget.rs`). Each choice is a [`WayOut`]
//! (`way_out.rs`) with one file per way out: pay now and stay
//! (`pay_now.rs`, `stay.rs`), a deferral or restructure (`restructure.rs`),
//! a refinance (`refinance.rs`), a debt-management service
//! (`debt_service.rs`), a promotion the lender offers (`promotion.rs`), and
//! a card's own ways: in full, the minimum only, a fixed amount, an
//! installment plan, a balance transfer (`card_ways.rs`). `weigh.rs` works
//! each out into an [`OptionResult`] (`result.rs`), `break_even.rs` finds
//! when staying overdue costs more, `rank.rs` orders them, and
//! `evaluate.rs` runs a loan's comparison.

mod break_even;
mod budget;
mod card;
mod card_ways;
mod debt_service;
mod evaluate;
mod order;
mod owed;
mod path;
mod pay_now;
mod promotion;
mod rank;
mod refinance;
mod request;
mod restructure;
mod result;
mod stay;
mod way_out;
mod weigh;

pub use budget::Budget;
pub use card::{CardComparison, CardComparisonResult};
pub use card_ways::BalanceTransfer;
pub use debt_service::{DebtService, ServiceFee};
pub use evaluate::UNPAID_TIMELINE_MONTHS;
pub use order::{MonthOverBudget, Order, RankBy};
pub use refinance::{FeePayment, Refinance};
pub use request::Comparison;
pub use result::{ComparisonResult, CreditImpact, OptionResult};
pub use way_out::{Choice, WayOut};
pub(crate) use weigh::legal_warnings;
