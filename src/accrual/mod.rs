//! Overdue accrual: the policy, the allocation order, the ledger replay and
//! the statement.

mod allocation;
mod engine;
mod ledger;
mod policy;
mod statement;

pub use allocation::{AllocationOrder, Component, Direction, InstallmentState, Surplus, Tier};
pub use ledger::{Event, Ledger, Payment, Waiver};
pub use policy::{
    Bucket, Buckets, Caps, EarlySettlement, FeeAmount, Grace, GraceMeaning, InstallmentLimit, LateFee, OverduePolicy,
    PenaltyBase, PenaltyRate, Recurrence, MAX_POLICY_DAYS,
};
pub use statement::{
    AllocationPart, AllocationSource, Components, InstallmentStatement, LoanStatus, PaymentAllocation, Statement,
};
