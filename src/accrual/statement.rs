//! What a loan owes as of a date, and how every payment was applied.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::component::Component;
use crate::components::Components;
use crate::money::Money;
use crate::rate::Rate;

/// What happened to an installment, as its statement shows it on the
/// statement date: what a borrower reads next to it.
///
/// | status | when |
/// |---|---|
/// | `paid` | its principal, interest and scheduled fee are paid (within the amount tolerance); late fees or penalty charged on it may still be owed, in `outstanding` |
/// | `settled` | paid off before its due date by a payment that settled the loan |
/// | `restructured` | a restructure moved what it owed into a new plan |
/// | `past_due` | its due date has passed and it owes more than the tolerance: it ages the loan |
/// | `due` | the current period's installment, not yet paid |
/// | `not_yet_due` | a later installment |
///
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Payment, accrual::InstallmentStatus};
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_principal(Money::new(dec!(300))?, Rate::ZERO, 3, d(2026, 1, 1))?;
/// let mut ledger = Ledger::new(plan, OverduePolicy::new())?;
/// ledger.pay(Payment::new("p1", d(2026, 2, 1), Money::new(dec!(100))?)?)?;
/// let st = ledger.statement(d(2026, 3, 5))?;
/// let status: Vec<_> = st.installments.iter().map(|i| i.state).collect();
/// use InstallmentStatus::*;
/// assert_eq!(status, [Paid, PastDue, Due]);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InstallmentStatus {
    /// Its principal, interest and scheduled fee are paid, within the
    /// amount tolerance (late fees and penalty on it may still be owed).
    Paid,
    /// Paid off before its due date by a payment that settled the loan.
    Settled,
    /// A restructure moved what it owed into a new plan.
    Restructured,
    /// Its due date has passed and it owes more than the tolerance.
    PastDue,
    /// The current period's installment, not yet paid.
    Due,
    /// A later installment, not yet paid.
    NotYetDue,
}

/// The standing of a loan on the statement date.
///
/// ```
/// use overdue::accrual::LoanStatus;
/// assert_ne!(LoanStatus::Current, LoanStatus::Overdue);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LoanStatus {
    /// Nothing is overdue.
    Current,
    /// At least one installment is overdue.
    Overdue,
    /// Days past due reached the policy's charge-off threshold; the accruals
    /// the policy names stop (by default all of them). Stays charged off
    /// until paid off.
    ChargedOff,
    /// Nothing is owed.
    PaidOff,
}

/// One installment on a statement.
///
/// For every component, `charged = paid + waived + restructured + outstanding`
/// exactly.
///
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let schedule = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::annual(dec!(0.12))?, 3, d(2026, 1, 1))?;
/// let ledger = Ledger::new(schedule, OverduePolicy::new())?;
/// let first = &ledger.statement(d(2026, 2, 11))?.installments[0];
/// assert_eq!(first.days_past_due, 10);
/// assert_eq!(first.outstanding.principal, first.charged.principal);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct InstallmentStatement {
    /// 1-based position in the schedule.
    pub number: u32,
    /// Its due date.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub due_date: NaiveDate,
    /// What happened to it, on the statement date.
    pub state: InstallmentStatus,
    /// Everything charged to it so far: the scheduled principal, interest and
    /// fee, plus the penalties and late fees posted.
    pub charged: Components,
    /// What payments paid.
    pub paid: Components,
    /// What was waived (by a waiver, or dropped by a
    /// restructure).
    pub waived: Components,
    /// What a restructure moved into the new plan.
    pub restructured: Components,
    /// What is still owed: principal, and interest and fees once they have
    /// fallen due (or been posted).
    pub outstanding: Components,
    /// Interest and scheduled fees not yet due and not yet paid: owed only
    /// as their period runs (see [`Statement::payoff`]).
    pub upcoming: Components,
    /// Days since its due date while its principal, interest or scheduled fee
    /// is unpaid beyond the tolerance; 0 otherwise.
    pub days_past_due: u32,
    /// Penalties and fees that caps kept from being charged.
    pub cap_cut: Money,
    /// Penalty interest dropped because it was paid within a waive grace
    /// period.
    pub grace_waived: Money,
    /// The annual contract rate in force for its period (a floating rate's
    /// value at the period's start).
    pub rate: Rate,
}

/// Where an allocated amount came from.
///
/// ```
/// use overdue::accrual::AllocationSource;
/// let s = AllocationSource::Payment { id: "p1".into() };
/// assert_ne!(s, AllocationSource::CreditBalance);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum AllocationSource {
    /// A payment, by its id.
    Payment {
        /// The payment's id.
        id: String,
    },
    /// The credit balance, applied on a due date.
    CreditBalance,
    /// The down payment of a restructure.
    DownPayment,
}

/// One slice of an allocation: an amount paid to one component of one
/// installment.
///
/// ```
/// use overdue::{accrual::AllocationPart, Component};
/// let json = r#"{"installment": 1, "component": "interest", "amount": "12.00"}"#;
/// let p: AllocationPart = serde_json::from_str(json).unwrap();
/// assert_eq!((p.installment, p.component), (1, Component::Interest));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AllocationPart {
    /// The installment's 1-based number.
    pub installment: u32,
    /// The component paid.
    pub component: Component,
    /// The amount.
    pub amount: Money,
}

/// How one payment (or the credit balance on a due date) was applied.
///
/// `amount + credit_used = Σ parts + to_credit`, exactly.
///
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Payment};
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let schedule = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::annual(dec!(0.12))?, 3, d(2026, 1, 1))?;
/// let mut ledger = Ledger::new(schedule, OverduePolicy::new())?;
/// ledger.pay(Payment::new("p1", d(2026, 2, 1), Money::new(dec!(100))?)?)?;
/// let a = &ledger.statement(d(2026, 2, 1))?.allocations[0];
/// let parts = Money::sum(a.parts.iter().map(|p| p.amount))?;
/// assert_eq!(parts.checked_add(a.to_credit)?, a.amount.checked_add(a.credit_used)?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct PaymentAllocation {
    /// The payment, or the credit balance.
    pub source: AllocationSource,
    /// The date it was applied.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub date: NaiveDate,
    /// The payment's amount (zero when the source is the credit balance).
    pub amount: Money,
    /// Credit balance applied together with it.
    pub credit_used: Money,
    /// The parts, in the order they were paid.
    pub parts: Vec<AllocationPart>,
    /// What was left over and kept as a credit balance.
    pub to_credit: Money,
    /// Whether it settled the loan early (it covered the payoff amount).
    pub settled: bool,
}

/// Why paid interest or fees were credited back.
///
/// ```
/// use overdue::accrual::RebateReason;
/// assert_ne!(RebateReason::Unearned, RebateReason::OverCap);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RebateReason {
    /// Paid ahead for days that had not passed when the loan was settled or
    /// restructured.
    Unearned,
    /// Paid ahead, then above the annualised cap when it fell due.
    OverCap,
}

/// Paid interest or fees credited back to the borrower's credit balance.
///
/// ```
/// use overdue::{accrual::Rebate, accrual::RebateReason};
/// let json = r#"{"date": "2026-03-01", "installment": 2, "component": "interest",
///                "amount": "15.00", "reason": "unearned"}"#;
/// let r: Rebate = serde_json::from_str(json).unwrap();
/// assert_eq!((r.installment, r.reason), (2, RebateReason::Unearned));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Rebate {
    /// The day it was credited.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub date: NaiveDate,
    /// The installment's 1-based number.
    pub installment: u32,
    /// The component (interest or fees).
    pub component: Component,
    /// The amount credited back.
    pub amount: Money,
    /// Why.
    pub reason: RebateReason,
}

/// A payment that may be a double debit (避免重复扣款).
///
/// ```
/// use overdue::accrual::PossibleDuplicate;
/// let json = r#"{"id": "b", "date": "2026-03-01", "earlier_id": "a", "earlier_date": "2026-03-01", "amount": "100.00"}"#;
/// let p: PossibleDuplicate = serde_json::from_str(json).unwrap();
/// assert_eq!(p.earlier_id, "a");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PossibleDuplicate {
    /// The later payment's id.
    pub id: String,
    /// Its date.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub date: NaiveDate,
    /// The earlier payment of the same amount.
    pub earlier_id: String,
    /// Its date.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub earlier_date: NaiveDate,
    /// The amount both carry.
    pub amount: Money,
}

/// What a loan owes as of a date: per installment and for the loan, with
/// every payment's allocation. Built by [`Ledger::statement`](crate::Ledger::statement).
///
/// # Example: what does this borrower owe today?
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
/// # use overdue::accrual::{LoanStatus, PenaltyBase, PenaltyRate};
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let schedule = Schedule::equal_installment(Money::new(dec!(12000))?, Rate::annual(dec!(0.18))?, 12, d(2026, 1, 15))?;
/// let policy = OverduePolicy::new()
///     .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005))?))
///     .with_penalty_base(PenaltyBase::OverdueInstallment);
/// let ledger = Ledger::new(schedule, policy)?;
/// let st = ledger.statement(d(2026, 3, 17))?;       // first installment 30 days late
/// assert_eq!((st.days_past_due, st.bucket.as_str(), st.status), (30, "M1", LoanStatus::Overdue));
/// // 1,100.16 overdue × 0.05 % × 30 days = 16.5024 → 16.50, plus 1,100.16 × 0.05 % × 2 days = 1.10 on the second
/// assert_eq!(st.outstanding.penalty_interest, Money::new(dec!(17.60))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The statement date: events on this date are included, and accrual
    /// counts the days before it.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub as_of: NaiveDate,
    /// Days past due: from the due date of the oldest installment whose
    /// principal, interest or scheduled fee is unpaid beyond the tolerance.
    pub days_past_due: u32,
    /// The delinquency bucket for `days_past_due`.
    pub bucket: String,
    /// The loan's standing.
    pub status: LoanStatus,
    /// The day the loan was charged off, if it was.
    #[serde(serialize_with = "crate::dates::option::serialize")]
    pub charged_off_on: Option<NaiveDate>,
    /// Everything charged so far, over all installments (see
    /// [`InstallmentStatement::charged`]): principal, and interest and fees
    /// that have fallen due or were posted.
    pub charged: Components,
    /// Everything paid.
    pub paid: Components,
    /// Everything waived.
    pub waived: Components,
    /// Everything restructures moved into new plans.
    pub restructured: Components,
    /// Everything still owed: all principal, and interest, penalties and fees
    /// that have fallen due or were posted. With no events it never falls
    /// as the statement date moves on.
    pub outstanding: Components,
    /// Interest and scheduled fees of installments not yet due and not yet
    /// paid (see [`InstallmentStatement::upcoming`]).
    pub upcoming: Components,
    /// Penalties and fees the caps kept from being charged.
    pub cap_cut: Money,
    /// Money paid beyond what was owed, held for the borrower.
    pub credit_balance: Money,
    /// Interest and scheduled fees paid ahead of their due dates and not
    /// earned by the statement date: a settlement today credits them back
    /// (the payoff already counts them off).
    pub unearned_prepaid: Money,
    /// Interest and fees paid and then credited back: unearned at a
    /// settlement or restructure, or above the annualised cap.
    pub rebates: Vec<Rebate>,
    /// Credit balance paid back to the borrower by refunds.
    pub refunded: Money,
    /// Payments reversed by the statement date (treated as never received).
    pub reversals: Vec<crate::accrual::Reversal>,
    /// Payments that look like a double debit: the same amount as an
    /// earlier payment under another id, within the policy's window, that
    /// went beyond what was due. The caller decides: keep it, or reverse it.
    pub possible_duplicates: Vec<PossibleDuplicate>,
    /// What clears everything on this date, after the credit balance and the
    /// unearned prepaid interest: a payment of this amount today settles the
    /// loan. What it holds of interest not yet due is the policy's
    /// [`EarlySettlement`](crate::accrual::EarlySettlement) rule: under
    /// `accrued_interest` (the default) only the current period's interest
    /// to this day, never interest for days that have not passed; under
    /// `current_period` the whole current period's interest and fee; under
    /// `all_scheduled` every scheduled interest and fee, as the contract
    /// owes them however early it is settled. Penalties, late fees and
    /// compound interest are always those charged up to this date.
    pub payoff: Money,
    /// What is owed today by component, before the credit balance: the
    /// parts of the payoff (later installments' interest only as far as
    /// the early-settlement rule counts it).
    pub payoff_components: Components,
    /// Each installment.
    pub installments: Vec<InstallmentStatement>,
    /// Every payment's allocation, in the order applied.
    pub allocations: Vec<PaymentAllocation>,
    /// What each restructure did, in date order.
    pub restructures: Vec<crate::restructure::RestructureSummary>,
    /// Each promotion offered by the statement date: where it stands and
    /// what it gave (left out of JSON when there is none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promotions: Vec<crate::accrual::PromotionOutcome>,
}

impl Statement {
    /// Whether installment `i` is still in force: a restructure dated on or
    /// before its due date that started a new plan after it replaced it, and
    /// it no longer falls due.
    pub(crate) fn in_force(&self, i: &InstallmentStatement) -> bool {
        !self
            .restructures
            .iter()
            .any(|r| r.date <= i.due_date && i.number < r.first_installment)
    }
}
