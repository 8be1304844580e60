//! The overdue policy: penalty interest, late fees, grace, caps, charge-off,
//! buckets, allocation and early settlement, with documented defaults.
//!
//! One file per part of the policy; [`OverduePolicy`] (here) gathers them.

mod buckets;
mod caps;
mod check;
mod collections;
mod grace;
mod late_fee;
mod penalty;
mod settlement;

pub use buckets::{Bucket, Buckets};
pub use caps::{Caps, InstallmentLimit};
pub use collections::Collections;
pub use grace::{Grace, GraceMeaning, MAX_POLICY_DAYS};
pub use late_fee::{FeeAmount, LateFee, Recurrence};
pub use penalty::{Accrues, PenaltyBase, PenaltyRate};
pub use settlement::EarlySettlement;

use crate::accrual::allocation::AllocationOrder;
use crate::accrual::servicing::{default_charge_off_stops, Accrual, Pyramiding};
use crate::calendar::DayCount;
use crate::money::{Money, Rounding};
use serde::{Deserialize, Serialize};

/// How a loan accrues once it is overdue: one value, every field with a
/// documented default, serde-ready.
///
/// | field | default |
/// |---|---|
/// | penalty rate | contract rate × 1.5 ([`PenaltyRate::ContractUplift`] 50 %) |
/// | day count for daily accrual | [`DayCount::Act360`] (Chinese bank practice) |
/// | penalty base | [`PenaltyBase::OverduePrincipal`] |
/// | compound interest (复利) on overdue interest | on, at the penalty rate |
/// | late fee | none |
/// | interest on late fees | off (the Chinese credit-card rule) |
/// | grace | none |
/// | amount tolerance | 1.00 (one unit of the currency): a shortfall up to it is not overdue |
/// | caps | none |
/// | charge-off | never |
/// | freeze, legal action ([`Collections`]) | none |
/// | what charge-off stops | every accrual ([`Accrual::ALL`]) |
/// | late fees on late fees (pyramiding) | [`Pyramiding::Forbidden`] (16 CFR 444.4) |
/// | possible double debit window | 0 days: equal payments on the same day |
/// | buckets | [`Buckets::m_buckets`] |
/// | allocation | [`AllocationOrder::servicer_default`] |
/// | early settlement | [`EarlySettlement::AccruedInterest`] |
/// | rounding | [`Rounding::default`] (2 places, half away from zero); its scale must match the schedule's |
///
/// Setters never fail; [`Ledger::new`](crate::Ledger::new) validates the whole.
///
/// # Example: an online lender's policy
/// ```
/// use overdue::{accrual::Accrues, accrual::Grace, accrual::LateFee, Money, OverduePolicy, accrual::PenaltyBase, accrual::PenaltyRate, Rate};
/// use overdue::dec;
/// let policy = OverduePolicy::new()
///     .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005))?))   // 0.05 %/day
///     .with_penalty_base(PenaltyBase::OverdueInstallment)
///     .with_compound_interest(Accrues::No)
///     .with_late_fee(LateFee::flat(Money::new(dec!(30))?))
///     .with_grace(Grace::waive(3));
/// assert_eq!(policy.grace(), Grace::waive(3));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct OverduePolicy {
    penalty_rate: PenaltyRate,
    day_count: DayCount,
    penalty_base: PenaltyBase,
    compound_interest: Option<bool>,
    late_fee: Option<LateFee>,
    interest_on_fees: bool,
    grace: Grace,
    tolerance: Money,
    caps: Caps,
    charge_off_after_days: Option<u32>,
    collections: Collections,
    charge_off_stops: Vec<Accrual>,
    pyramiding: Pyramiding,
    duplicate_window_days: u32,
    buckets: Buckets,
    allocation: AllocationOrder,
    early_settlement: EarlySettlement,
    rounding: Rounding,
}

impl Default for OverduePolicy {
    fn default() -> OverduePolicy {
        OverduePolicy {
            penalty_rate: PenaltyRate::default(),
            day_count: DayCount::default(),
            penalty_base: PenaltyBase::default(),
            compound_interest: None,
            late_fee: None,
            interest_on_fees: false,
            grace: Grace::default(),
            tolerance: Money::ONE,
            caps: Caps::default(),
            charge_off_after_days: None,
            collections: Collections::default(),
            charge_off_stops: default_charge_off_stops(),
            pyramiding: Pyramiding::default(),
            duplicate_window_days: 0,
            buckets: Buckets::default(),
            allocation: AllocationOrder::default(),
            early_settlement: EarlySettlement::default(),
            rounding: Rounding::default(),
        }
    }
}

impl OverduePolicy {
    /// The default policy (see the table above).
    ///
    /// ```
    /// use overdue::{DayCount, OverduePolicy};
    /// assert_eq!(OverduePolicy::new().day_count(), DayCount::Act360);
    /// ```
    pub fn new() -> OverduePolicy {
        OverduePolicy::default()
    }

    /// Sets the penalty rate.
    ///
    /// ```
    /// use overdue::{OverduePolicy, accrual::PenaltyRate, Rate};
    /// use overdue::dec;
    /// let p = OverduePolicy::new().with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005))?));
    /// # let _ = p;
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_penalty_rate(mut self, rate: PenaltyRate) -> OverduePolicy {
        self.penalty_rate = rate;
        self
    }

    /// Sets the day count penalties accrue by (default ACT/360).
    ///
    /// ```
    /// use overdue::{DayCount, OverduePolicy};
    /// let p = OverduePolicy::new().with_day_count(DayCount::Act365Fixed);
    /// assert_eq!(p.day_count(), DayCount::Act365Fixed);
    /// ```
    pub fn with_day_count(mut self, day_count: DayCount) -> OverduePolicy {
        self.day_count = day_count;
        self
    }

    /// Sets what penalty interest is charged on.
    ///
    /// ```
    /// use overdue::{OverduePolicy, accrual::PenaltyBase};
    /// let p = OverduePolicy::new().with_penalty_base(PenaltyBase::OutstandingPrincipal);
    /// assert_eq!(p.penalty_base(), PenaltyBase::OutstandingPrincipal);
    /// ```
    pub fn with_penalty_base(mut self, base: PenaltyBase) -> OverduePolicy {
        self.penalty_base = base;
        self
    }

    /// Whether overdue contract interest bears compound interest (复利) at
    /// the penalty rate. Default: on, unless the penalty base is
    /// [`PenaltyBase::OverdueInstallment`] (which already includes the
    /// interest; asking for both is an error).
    ///
    /// ```
    /// use overdue::{accrual::Accrues, OverduePolicy};
    /// assert!(!OverduePolicy::new().with_compound_interest(Accrues::No).compound_interest());
    /// assert!(OverduePolicy::new().compound_interest());
    /// ```
    pub fn with_compound_interest(mut self, accrues: Accrues) -> OverduePolicy {
        self.compound_interest = Some(accrues == Accrues::Yes);
        self
    }

    /// Sets a late fee (default none).
    ///
    /// ```
    /// use overdue::{accrual::LateFee, Money, OverduePolicy};
    /// let p = OverduePolicy::new().with_late_fee(LateFee::flat(Money::ZERO));
    /// assert!(p.late_fee().is_some());
    /// ```
    pub fn with_late_fee(mut self, fee: LateFee) -> OverduePolicy {
        self.late_fee = Some(fee);
        self
    }

    /// Whether unpaid late fees bear penalty interest (default off: the
    /// Chinese credit-card rule, no interest on 违约金).
    ///
    /// ```
    /// use overdue::{accrual::Accrues, OverduePolicy};
    /// assert!(OverduePolicy::new().with_interest_on_fees(Accrues::Yes).interest_on_fees());
    /// ```
    pub fn with_interest_on_fees(mut self, accrues: Accrues) -> OverduePolicy {
        self.interest_on_fees = accrues == Accrues::Yes;
        self
    }

    /// Sets the grace period (default none).
    ///
    /// ```
    /// use overdue::{accrual::Grace, OverduePolicy};
    /// assert_eq!(OverduePolicy::new().with_grace(Grace::shift(5)).grace(), Grace::shift(5));
    /// ```
    pub fn with_grace(mut self, grace: Grace) -> OverduePolicy {
        self.grace = grace;
        self
    }

    /// An installment whose unpaid principal, interest and scheduled fee add
    /// up to at most `tolerance` does not count as overdue: no days past due,
    /// no penalty, no fee. The amount is still owed, and a payment that
    /// covers an installment short by no more than the tolerance pays that
    /// installment before earlier late fees and penalties (see
    /// [`Pyramiding::Forbidden`]).
    ///
    /// The default is 1.00, one unit of the loan's currency: a shortfall of a
    /// few minor units, such as a level payment paid on a last row a few cents
    /// larger, never becomes a delinquency or a second fee. US mortgage
    /// servicing allows far more (Freddie Mac's Guide 8103.5 and Fannie Mae's
    /// C-1.1-02 accept a payment deficient by $50 or less; Regulation X,
    /// comment 31 (Delinquency)-3, lets a servicer not treat such a borrower as
    /// delinquent), and Mambu's arrears tolerance (`toleranceFloorAmount`)
    /// and Fineract's in-arrears tolerance are the same setting. Set it to
    /// [`Money::ZERO`] for the strict reading, where one unpaid minor unit is
    /// overdue.
    ///
    /// ```
    /// use overdue::{Money, OverduePolicy};
    /// use overdue::dec;
    /// let p = OverduePolicy::new().with_tolerance(Money::new(dec!(1))?);
    /// assert_eq!(p.tolerance(), Money::new(dec!(1))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_tolerance(mut self, tolerance: Money) -> OverduePolicy {
        self.tolerance = tolerance;
        self
    }

    /// Sets the caps (default none).
    ///
    /// ```
    /// use overdue::{accrual::Caps, OverduePolicy, Ratio};
    /// let p = OverduePolicy::new().with_caps(Caps::none().with_lifetime(Ratio::ONE));
    /// assert_eq!(p.caps().lifetime(), Some(Ratio::ONE));
    /// ```
    pub fn with_caps(mut self, caps: Caps) -> OverduePolicy {
        self.caps = caps;
        self
    }

    /// Charges the loan off on the day its days past due reach `days`
    /// (default never); [`OverduePolicy::charge_off_stops`] says which
    /// accruals stop that day.
    ///
    /// ```
    /// use overdue::OverduePolicy;
    /// assert_eq!(OverduePolicy::new().with_charge_off_after(120).charge_off_after(), Some(120));
    /// ```
    pub fn with_charge_off_after(mut self, days: u32) -> OverduePolicy {
        self.charge_off_after_days = Some(days);
        self
    }

    /// Sets the accruals that stop at charge-off (default all four,
    /// [`Accrual::ALL`]); an empty set lets everything go on accruing.
    ///
    /// ```
    /// use overdue::{accrual::Accrual, OverduePolicy};
    /// let p = OverduePolicy::new().with_charge_off_stops(&[Accrual::LateFees]);
    /// assert_eq!(p.charge_off_stops(), &[Accrual::LateFees]);
    /// ```
    pub fn with_charge_off_stops(mut self, stops: &[Accrual]) -> OverduePolicy {
        let mut stops = stops.to_vec();
        stops.sort();
        stops.dedup();
        self.charge_off_stops = stops;
        self
    }

    /// Allows or forbids late fees that exist only because of earlier late
    /// fees (default [`Pyramiding::Forbidden`]).
    ///
    /// ```
    /// use overdue::{OverduePolicy, accrual::Pyramiding};
    /// let p = OverduePolicy::new().with_pyramiding(Pyramiding::Allowed);
    /// assert_eq!(p.pyramiding(), Pyramiding::Allowed);
    /// ```
    pub fn with_pyramiding(mut self, rule: Pyramiding) -> OverduePolicy {
        self.pyramiding = rule;
        self
    }

    /// Sets the window in which a payment of the same amount as an earlier
    /// one, under another id, is flagged as a possible double debit when it
    /// went beyond what was due (default 0 days: the same day).
    ///
    /// ```
    /// use overdue::OverduePolicy;
    /// assert_eq!(OverduePolicy::new().with_duplicate_window(3).duplicate_window(), 3);
    /// ```
    pub fn with_duplicate_window(mut self, days: u32) -> OverduePolicy {
        self.duplicate_window_days = days;
        self
    }

    /// Sets the delinquency buckets (default M0–M4+).
    ///
    /// ```
    /// use overdue::{accrual::Buckets, OverduePolicy};
    /// let p = OverduePolicy::new().with_buckets(Buckets::china_credit_card());
    /// assert_eq!(p.buckets().bucket(100).label(), "substandard");
    /// ```
    pub fn with_buckets(mut self, buckets: Buckets) -> OverduePolicy {
        self.buckets = buckets;
        self
    }

    /// Sets the payment allocation order (default
    /// [`AllocationOrder::servicer_default`]).
    ///
    /// ```
    /// use overdue::{accrual::AllocationOrder, OverduePolicy};
    /// let p = OverduePolicy::new().with_allocation(AllocationOrder::civil_code_561());
    /// assert_eq!(p.allocation(), &AllocationOrder::civil_code_561());
    /// ```
    pub fn with_allocation(mut self, order: AllocationOrder) -> OverduePolicy {
        self.allocation = order;
        self
    }

    /// Sets what an early settlement owes (default
    /// [`EarlySettlement::AccruedInterest`]).
    ///
    /// ```
    /// use overdue::{accrual::EarlySettlement, OverduePolicy};
    /// let p = OverduePolicy::new().with_early_settlement(EarlySettlement::AllScheduled);
    /// assert_eq!(p.early_settlement(), EarlySettlement::AllScheduled);
    /// ```
    pub fn with_early_settlement(mut self, rule: EarlySettlement) -> OverduePolicy {
        self.early_settlement = rule;
        self
    }

    /// Sets the rounding of posted accruals (default 2 places, half away
    /// from zero). Its scale must match the schedule's.
    ///
    /// ```
    /// use overdue::{OverduePolicy, Rounding};
    /// let p = OverduePolicy::new().with_rounding(Rounding::half_even(2)?);
    /// assert_eq!(p.rounding(), Rounding::half_even(2)?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_rounding(mut self, rounding: Rounding) -> OverduePolicy {
        self.rounding = rounding;
        self
    }

    /// The penalty rate.
    ///
    /// ```
    /// use overdue::{OverduePolicy, accrual::PenaltyRate};
    /// assert_eq!(OverduePolicy::new().penalty_rate(), PenaltyRate::default());
    /// ```
    pub fn penalty_rate(&self) -> PenaltyRate {
        self.penalty_rate
    }

    /// The day count penalties accrue by.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().day_count(), overdue::DayCount::Act360);
    /// ```
    pub fn day_count(&self) -> DayCount {
        self.day_count
    }

    /// The penalty base.
    ///
    /// ```
    /// use overdue::{OverduePolicy, accrual::PenaltyBase};
    /// assert_eq!(OverduePolicy::new().penalty_base(), PenaltyBase::OverduePrincipal);
    /// ```
    pub fn penalty_base(&self) -> PenaltyBase {
        self.penalty_base
    }

    /// Whether compound interest is charged (see
    /// [`OverduePolicy::compound_interest`] for the default).
    ///
    /// ```
    /// use overdue::{OverduePolicy, accrual::PenaltyBase};
    /// let p = OverduePolicy::new().with_penalty_base(PenaltyBase::OverdueInstallment);
    /// assert!(!p.compound_interest()); // the base already holds the interest
    /// ```
    pub fn compound_interest(&self) -> bool {
        self.compound_interest
            .unwrap_or(self.penalty_base != PenaltyBase::OverdueInstallment)
    }

    /// The late fee, if any.
    ///
    /// ```
    /// assert!(overdue::OverduePolicy::new().late_fee().is_none());
    /// ```
    pub fn late_fee(&self) -> Option<LateFee> {
        self.late_fee
    }

    /// Whether late fees bear penalty interest.
    ///
    /// ```
    /// assert!(!overdue::OverduePolicy::new().interest_on_fees());
    /// ```
    pub fn interest_on_fees(&self) -> bool {
        self.interest_on_fees
    }

    /// The grace period.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().grace(), overdue::accrual::Grace::none());
    /// ```
    pub fn grace(&self) -> Grace {
        self.grace
    }

    /// The amount tolerance (default 1.00).
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().tolerance(), overdue::Money::ONE);
    /// ```
    pub fn tolerance(&self) -> Money {
        self.tolerance
    }

    /// The caps.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().caps(), overdue::accrual::Caps::none());
    /// ```
    pub fn caps(&self) -> Caps {
        self.caps
    }

    /// The charge-off threshold in days past due, if any.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().charge_off_after(), None);
    /// ```
    pub fn charge_off_after(&self) -> Option<u32> {
        self.charge_off_after_days
    }

    /// The accruals that stop at charge-off.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().charge_off_stops(), &overdue::accrual::Accrual::ALL);
    /// ```
    pub fn charge_off_stops(&self) -> &[Accrual] {
        &self.charge_off_stops
    }

    /// The pyramiding rule.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().pyramiding(), overdue::accrual::Pyramiding::Forbidden);
    /// ```
    pub fn pyramiding(&self) -> Pyramiding {
        self.pyramiding
    }

    /// The possible-double-debit window, in days.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().duplicate_window(), 0);
    /// ```
    pub fn duplicate_window(&self) -> u32 {
        self.duplicate_window_days
    }

    /// The delinquency buckets.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().buckets(), &overdue::accrual::Buckets::m_buckets());
    /// ```
    pub fn buckets(&self) -> &Buckets {
        &self.buckets
    }

    /// The allocation order.
    ///
    /// ```
    /// use overdue::{accrual::AllocationOrder, OverduePolicy};
    /// assert_eq!(OverduePolicy::new().allocation(), &AllocationOrder::servicer_default());
    /// ```
    pub fn allocation(&self) -> &AllocationOrder {
        &self.allocation
    }

    /// The early-settlement rule.
    ///
    /// ```
    /// use overdue::{accrual::EarlySettlement, OverduePolicy};
    /// assert_eq!(OverduePolicy::new().early_settlement(), EarlySettlement::AccruedInterest);
    /// ```
    pub fn early_settlement(&self) -> EarlySettlement {
        self.early_settlement
    }

    /// The rounding of posted accruals.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().rounding(), overdue::Rounding::default());
    /// ```
    pub fn rounding(&self) -> Rounding {
        self.rounding
    }
}
