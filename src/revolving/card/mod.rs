//! Credit cards (信用卡): the contract ([`CardTerms`]), the account and its
//! events ([`Card`], [`CardEvent`]), replayed day by day into statements
//! ([`CardCycle`]) and the card on any date ([`CardStatement`]).

mod account;
mod books;
mod clauses;
mod closing;
mod event;
mod posting;
mod projection;
mod replay;
mod statement;
mod terms;
mod warning;

pub use account::Card;
pub(crate) use clauses::check_periods;
pub use clauses::{
    CardLateFee, CardRules, DueRule, InterestMethod, MinimumPayment, OverLimit, PlanCharge, Promotion, ShareFee,
};
pub use event::CardEvent;
pub use projection::{Projection, Repayment, MAX_PROJECTION_MONTHS};
pub(crate) use projection::{Walk, NOTHING_A_MONTH};
pub use statement::{
    CardBalances, CardCycle, CardInterest, CardStatement, CardStatus, Grace, MinimumPaymentWarning, RateInForce,
};
pub use terms::CardTerms;
