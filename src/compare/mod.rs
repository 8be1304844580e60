//! Compare every way out of an overdue debt, side by side.
//!
//! A [`Comparison`] (the request, `request.rs`) weighs [`Choice`]s, each a
//! [`WayOut`] (`way_out.rs`) with one file per way out: pay now and stay
//! (`pay_now.rs`, `stay.rs`), a deferral or restructure (`restructure.rs`), a
//! refinance (`refinance.rs`), a debt-management service
//! (`debt_service.rs`), a promotion the lender offers (`promotion.rs`). `evaluate.rs` works each out into an
//! [`OptionResult`] (`result.rs`), `break_even.rs` finds when staying
//! overdue costs more, and `rank.rs` orders them.

mod break_even;
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

pub use card::{CardComparison, CardComparisonResult};
pub use card_ways::BalanceTransfer;
pub use debt_service::{DebtService, ServiceFee};
pub use evaluate::UNPAID_TIMELINE_MONTHS;
pub use order::{MonthOverBudget, Order, RankBy};
pub use refinance::{FeePayment, Refinance};
pub use request::{Budget, Comparison};
pub use result::{ComparisonResult, CreditImpact, OptionResult};
pub use way_out::{Choice, WayOut};
pub(crate) use weigh::legal_warnings;
