//! Everything a replay needs from a schedule and a policy, in minor units and
//! days, computed once per ledger.

use super::{cadd, date, day, share_of, Clock};
use crate::accrual::allocation::AllocationOrder;
use crate::accrual::policy::{
    Caps, EarlySettlement, FeeAmount, GraceMeaning, InstallmentLimit, LateFee, OverduePolicy, PenaltyBase, Recurrence,
};
use crate::accrual::servicing::{Accrual, Pyramiding};
use crate::calendar::DayCount;
use crate::component::Component;
use crate::error::{Error, Result};
use crate::fraction::Fraction;
use crate::money::{Money, Rounding};
use crate::rate::Rate;
use crate::schedule::{DailyInstallments, InterestModel, Schedule, ScheduleOptions};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct InstTerms {
    pub(super) due: i32,
    pub(super) start: i32,
    /// Scheduled principal, interest and fee.
    pub(super) principal: i128,
    pub(super) interest: i128,
    pub(super) fee: i128,
    /// The per-installment cap on penalties and fees.
    pub(super) cap: Option<i128>,
    /// The parts of `interest` and `fee` a restructure carried onto it:
    /// already charged, so owed in full and counted against caps once.
    /// Under daily interest every interest posted on it counts here.
    pub(super) posted_interest: i128,
    pub(super) posted_fee: i128,
    /// The planned installment (principal plus interest), which daily
    /// interest splits anew between interest and principal.
    pub(super) payment: i128,
    /// The interest the plan expects (what daily interest shows as upcoming).
    pub(super) planned_interest: i128,
    /// The annual contract rate in force for its period.
    pub(super) rate: Rate,
}

/// What charge-off stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stops {
    pub(super) penalty: bool,
    pub(super) compound: bool,
    pub(super) fees: bool,
    pub(super) interest: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FeeTerms {
    pub(super) flat: i128,
    pub(super) share: Option<Fraction>,
    pub(super) every: Option<i32>,
    pub(super) min: Option<i128>,
    pub(super) max: Option<i128>,
}

/// Everything a replay needs, precomputed once per ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReplayTerms {
    pub(super) scale: u32,
    pub(super) rounding: Rounding,
    pub(super) disbursement: i32,
    pub(super) principal: i128,
    pub(super) inst: Vec<InstTerms>,
    pub(super) penalty: Clock,
    pub(super) base: PenaltyBase,
    pub(super) compound: bool,
    pub(super) interest_on_fees: bool,
    /// Whether late-fee days are replay points: when fees bear interest or
    /// caps apply, a fee must post in time order with the penalty around it.
    pub(super) fee_days_split: bool,
    pub(super) grace: i32,
    pub(super) waive_grace: bool,
    pub(super) tolerance: i128,
    pub(super) fee: Option<FeeTerms>,
    pub(super) lifetime_cap: Option<i128>,
    pub(super) annualised_cap: Option<Clock>,
    pub(super) charge_off: Option<i32>,
    pub(super) allocation: AllocationOrder,
    pub(super) settlement: EarlySettlement,
    /// The per-installment cap rule, for installments a restructure adds.
    pub(super) installment_limit: Option<InstallmentLimit>,
    /// The original schedule's terms, for re-amortisation and deferral.
    pub(super) options: ScheduleOptions,
    pub(super) pyramiding: Pyramiding,
    /// Principal, interest and scheduled fee in the allocation's order.
    pub(super) contractual: Vec<Component>,
    pub(super) stops: Stops,
    /// Days within which equal payments under other ids look like a double debit.
    pub(super) duplicate_window: i32,
    /// Daily interest on the actual balance: its day count and installment rule.
    pub(super) daily: Option<(DayCount, DailyInstallments)>,
}

/// The per-installment cap on an installment of `payment` minor units.
pub(super) fn installment_cap(limit: Option<InstallmentLimit>, payment: i128, scale: u32) -> Result<Option<i128>> {
    Ok(match limit {
        None => None,
        Some(InstallmentLimit::Amount(m)) => Some(m.to_minor("per-installment cap", scale)?),
        Some(InstallmentLimit::OfInstallment(share)) => Some(share_of(payment, share.exact()?)?),
    })
}

pub(super) fn days_i32(field: &'static str, days: u32) -> Result<i32> {
    i32::try_from(days).map_err(|_| Error::TooLarge {
        field,
        value: u64::from(days),
        max: i32::MAX as u64,
    })
}

impl ReplayTerms {
    pub(crate) fn new(schedule: &Schedule, policy: &OverduePolicy) -> Result<ReplayTerms> {
        let scale = schedule.options().rounding().scale();
        let rounding = policy.rounding();
        if rounding.scale() != scale {
            return Err(Error::Invalid {
                field: "overdue policy rounding",
                reason: format!("scale {} differs from the schedule's scale {scale}", rounding.scale()),
            });
        }
        let minor = |field: &'static str, m: Money| m.to_minor(field, scale);
        let caps = policy.caps();
        let options = schedule.options();
        let daily = match options.interest() {
            InterestModel::DailyOnBalance {
                day_count,
                installments,
            } => Some((day_count, installments)),
            _ => None,
        };
        let principal = minor("principal", schedule.principal())?;
        let penalty_rate = policy.penalty_rate().resolve(options.rate())?;
        let grace = policy.grace();
        Ok(ReplayTerms {
            scale,
            rounding,
            disbursement: day(schedule.disbursement()),
            principal,
            inst: installment_terms(schedule, caps.per_installment(), daily.is_some())?,
            penalty: Clock::new(penalty_rate, policy.day_count(), schedule.disbursement())?,
            base: policy.penalty_base(),
            compound: policy.compound_interest(),
            interest_on_fees: policy.interest_on_fees(),
            fee_days_split: policy.interest_on_fees() || caps != Caps::none(),
            grace: days_i32("grace days", grace.days())?,
            waive_grace: grace.meaning() == GraceMeaning::Waive,
            tolerance: minor("tolerance", policy.tolerance())?,
            fee: policy.late_fee().map(|f| FeeTerms::new(f, scale)).transpose()?,
            lifetime_cap: caps.lifetime().map(|s| share_of(principal, s.exact()?)).transpose()?,
            annualised_cap: caps
                .annualised()
                .map(|r| Clock::new(r, policy.day_count(), schedule.disbursement()))
                .transpose()?,
            charge_off: policy
                .charge_off_after()
                .map(|d| days_i32("charge-off days past due", d))
                .transpose()?,
            allocation: policy.allocation().clone(),
            settlement: policy.early_settlement(),
            installment_limit: caps.per_installment(),
            options: options.clone(),
            pyramiding: policy.pyramiding(),
            contractual: super::allocate::contractual_order(policy.allocation()),
            stops: Stops::new(policy),
            duplicate_window: days_i32("duplicate window days", policy.duplicate_window())?,
            daily,
        })
    }

    pub(crate) fn scale(&self) -> u32 {
        self.scale
    }

    /// The day penalty interest starts counting for an installment due on `due`.
    pub(super) fn penalty_start(&self, due: i32) -> i32 {
        if self.waive_grace {
            due
        } else {
            due.saturating_add(self.grace)
        }
    }

    /// The first day a late fee is charged for an installment due on `due`.
    pub(super) fn first_fee_day(&self, due: i32) -> i32 {
        due.saturating_add(self.grace).saturating_add(1)
    }
}

/// Each installment's terms from the schedule: its amounts in minor units,
/// its cap and the contract rate in force for its period (daily interest
/// is posted as it is earned, not scheduled).
fn installment_terms(schedule: &Schedule, limit: Option<InstallmentLimit>, daily: bool) -> Result<Vec<InstTerms>> {
    let scale = schedule.options().rounding().scale();
    let minor = |field: &'static str, m: Money| m.to_minor(field, scale);
    let options = schedule.options();
    let last_due = schedule
        .installments()
        .last()
        .map_or(schedule.disbursement(), |r| r.due_date);
    let path = options.rate_path(last_due)?;
    let mut inst = Vec::with_capacity(schedule.installments().len());
    let mut start = day(schedule.disbursement());
    for row in schedule.installments() {
        let (principal, interest, fee) = (
            minor("principal", row.principal)?,
            minor("interest", row.interest)?,
            minor("fee", row.fee)?,
        );
        let cap = installment_cap(limit, cadd(cadd(principal, interest)?, fee)?, scale)?;
        let due = day(row.due_date);
        inst.push(InstTerms {
            due,
            start,
            principal,
            interest: if daily { 0 } else { interest },
            fee,
            cap,
            posted_interest: 0,
            posted_fee: 0,
            payment: cadd(principal, interest)?,
            planned_interest: interest,
            rate: match path.as_slice() {
                // a fixed rate: no date to look up
                [] | [_] => options.rate(),
                _ => crate::rate::on_path(&path, date(start)?).unwrap_or(options.rate()),
            },
        });
        start = due;
    }
    Ok(inst)
}

impl FeeTerms {
    /// A late fee in minor units at `scale`.
    fn new(f: LateFee, scale: u32) -> Result<FeeTerms> {
        let minor = |field: &'static str, m: Money| m.to_minor(field, scale);
        Ok(FeeTerms {
            flat: match f.amount() {
                FeeAmount::Flat(m) => minor("late fee", m)?,
                _ => 0,
            },
            share: match f.amount() {
                FeeAmount::OfInstallment(s) => Some(s.exact()?),
                _ => None,
            },
            every: match f.recurrence() {
                Recurrence::Once => None,
                Recurrence::EveryDays(n) => Some(days_i32("late fee recurrence days", n)?),
            },
            min: f.min().map(|m| minor("late fee minimum", m)).transpose()?,
            max: f.max().map(|m| minor("late fee maximum", m)).transpose()?,
        })
    }
}

impl Stops {
    /// What the policy's charge-off stops.
    fn new(policy: &OverduePolicy) -> Stops {
        let stops = policy.charge_off_stops();
        Stops {
            penalty: stops.contains(&Accrual::PenaltyInterest),
            compound: stops.contains(&Accrual::CompoundInterest),
            fees: stops.contains(&Accrual::LateFees),
            interest: stops.contains(&Accrual::ContractInterest),
        }
    }
}
