//! Overdue accrual: what a loan owes on any date, and why.
//!
//! A [`Ledger`] holds a loan's [`Schedule`](crate::Schedule), its
//! [`OverduePolicy`] (penalty interest, late fees, grace, caps, charge-off,
//! buckets, the [`AllocationOrder`] a payment follows, early settlement) and
//! its [`Event`]s (payments, waivers, reversals, refunds, restructures,
//! interruptions of the limitation period, [`Promotion`]s offered). It replays them in date order
//! and gives a [`Statement`] on any date: per installment and component what
//! was charged, paid, waived and is owed, the days past due, the bucket and
//! the payoff. The replay is exact, in minor units, and costs the same 30 or
//! 3,650 days overdue. See the [accrual guide](crate::guide::accrual).
//!
//! ```
//! use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
//! let ledger = Ledger::new(plan, OverduePolicy::new())?;
//! assert_eq!(ledger.statement(d(2026, 2, 25))?.days_past_due, 10);
//! # Ok::<(), overdue::Error>(())
//! ```

mod allocation;
mod effect;
mod engine;
mod event;
mod ledger;
mod ledger_json;
mod limitation;
mod policy;
mod position;
mod promotion;
mod readings;
mod servicing;
mod statement;
mod tape;
mod timeline;

pub use allocation::{AllocationOrder, Direction, InstallmentState, Surplus, Tier};
pub use effect::PlanEffect;
#[cfg(feature = "test-oracles")]
pub(crate) use engine::Dues;
pub(crate) use engine::Standing;
pub use event::{Event, Interruption, InterruptionCause, Payment, Refund, Reversal, Waiver};
pub use ledger::{Ledger, MAX_EVENTS};
pub use limitation::{Limitation, LimitationRestart, LimitationRules, Restarter};
pub use policy::{
    Accrues, Bucket, Buckets, Caps, Collections, EarlySettlement, FeeAmount, Grace, GraceMeaning, InstallmentLimit,
    LateFee, OverduePolicy, PenaltyBase, PenaltyRate, Recurrence, MAX_POLICY_DAYS,
};
pub use position::Position;
pub use promotion::{Promotion, PromotionCondition, PromotionEffect, PromotionOutcome, PromotionState};
pub(crate) use readings::Through;
pub use servicing::{Accrual, Pyramiding};
pub use statement::{
    AllocationPart, AllocationSource, InstallmentStatement, InstallmentStatus, LoanStatus, PaymentAllocation,
    PossibleDuplicate, Rebate, RebateReason, Statement,
};
pub(crate) use tape::Tape;
pub(crate) use timeline::COLLECTION_DAYS;
pub use timeline::{Bureau, Milestone, Timeline, TimelineEntry, MAX_TIMELINE_ENTRIES, RECORD_YEARS};
