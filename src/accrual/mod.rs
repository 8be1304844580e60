//! Overdue accrual: the policy, the allocation order, the ledger replay and
//! the statement.

mod allocation;
mod effect;
mod engine;
mod event;
mod ledger;
mod limitation;
mod policy;
mod readings;
mod servicing;
mod statement;
mod tape;

pub use allocation::{AllocationOrder, Direction, InstallmentState, Surplus, Tier};
pub use effect::PlanEffect;
#[cfg(feature = "test-oracles")]
pub(crate) use engine::Dues;
pub(crate) use engine::Standing;
pub use event::{Event, Interruption, InterruptionCause, Payment, Refund, Reversal, Waiver};
pub use ledger::Ledger;
pub use limitation::{Limitation, LimitationRestart, LimitationRules, Restarter};
pub use policy::{
    Accrues, Bucket, Buckets, Caps, EarlySettlement, FeeAmount, Grace, GraceMeaning, InstallmentLimit, LateFee,
    OverduePolicy, PenaltyBase, PenaltyRate, Recurrence, MAX_POLICY_DAYS,
};
pub(crate) use readings::Through;
pub use servicing::{Accrual, Pyramiding};
pub use statement::{
    AllocationPart, AllocationSource, InstallmentStatement, LoanStatus, PaymentAllocation, PossibleDuplicate, Rebate,
    RebateReason, Statement,
};
pub(crate) use tape::Tape;
