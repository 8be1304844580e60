//! Deferral and restructuring: a new plan for what a loan owes on a date.
//!
//! A [`Restructure`] is a ledger event: a down payment, then for each
//! component a waiver and a [`Treatment`] ([`ComponentPlan`]), a [`PlanFee`],
//! and a [`NewPlan`]: a new schedule on new [`Terms`](crate::schedule::Terms),
//! the plan in force re-amortised, or a deferral by a [`Shift`] with its
//! [`DeferralInterest`]. The ledger replays it like any event and lists a
//! [`RestructureSummary`]; [`Ledger::plan_effect`](crate::Ledger::plan_effect)
//! says what it would change. See the
//! [restructuring guide](crate::guide::restructuring).

mod component_plan;
mod new_plan;

pub use component_plan::{ComponentPlan, Treatment, Waive};
pub use new_plan::{DeferralInterest, NewPlan, PlanFee, Shift};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::component::Component;
use crate::components::Components;
use crate::money::Money;

/// A restructure of a loan on a date: a down payment, what is waived, and a
/// new plan for the rest. Record it on a [`Ledger`](crate::Ledger) with
/// [`Ledger::restructure`](crate::Ledger::restructure).
///
/// On its date, after that day's payments: the down payment is applied by
/// the loan's allocation order; then everything owed — by the policy's
/// early-settlement rule, so interest not yet earned is dropped — is taken off
/// the old installments (shown as `restructured`), each component is waived
/// and placed by its [`ComponentPlan`] (default: all capitalised), the fee is
/// added to the fees, and the new installments follow. Statements before the
/// date are unchanged.
///
/// # Example: two missed installments into 6, half the penalties waived
/// ```
/// # use overdue::{Money, Rate, Ratio, Component, Schedule, Ledger, OverduePolicy};
/// # use overdue::restructure::{ComponentPlan, NewPlan, Restructure, Treatment, Waive};
/// # use overdue::schedule::Terms;
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(6000))?, Rate::annual(dec!(0.12))?, 6, d(2026, 1, 1))?;
/// let mut ledger = Ledger::new(plan, OverduePolicy::new())?;
/// let deal = Restructure::new(d(2026, 3, 20), NewPlan::Schedule(Terms::new(Rate::annual(dec!(0.12))?, 6)))
///     .with_component(Component::PenaltyInterest, ComponentPlan::new(Treatment::Capitalise)
///         .with_waive(Waive::Share(Ratio::new(dec!(0.5))?)));
/// ledger.restructure(deal)?;
/// let st = ledger.statement(d(2026, 3, 20))?;
/// let summary = &st.restructures[0];
/// assert_eq!(st.installments.len(), 6 + 6);
/// assert_eq!(summary.new_principal, st.installments[6..].iter()
///     .map(|i| i.charged.principal).try_fold(Money::ZERO, |a, b| a.checked_add(b))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Restructure {
    date: NaiveDate,
    plan: NewPlan,
    #[serde(default)]
    principal: ComponentPlan,
    #[serde(default)]
    interest: ComponentPlan,
    #[serde(default)]
    penalty_interest: ComponentPlan,
    #[serde(default)]
    compound_interest: ComponentPlan,
    #[serde(default)]
    fees: ComponentPlan,
    #[serde(default)]
    down_payment: Option<Money>,
    #[serde(default)]
    fee: Option<PlanFee>,
}

impl Restructure {
    /// A restructure on `date` into `plan`, everything capitalised.
    ///
    /// ```
    /// # use overdue::restructure::{NewPlan, Restructure};
    /// # use overdue::NaiveDate;
    /// let r = Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise);
    /// assert_eq!(r.plan(), NewPlan::Reamortise);
    /// ```
    pub fn new(date: NaiveDate, plan: NewPlan) -> Restructure {
        Restructure {
            date,
            plan,
            principal: ComponentPlan::default(),
            interest: ComponentPlan::default(),
            penalty_interest: ComponentPlan::default(),
            compound_interest: ComponentPlan::default(),
            fees: ComponentPlan::default(),
            down_payment: None,
            fee: None,
        }
    }

    /// A deferral on `date`: the remaining installments move by `shift`.
    ///
    /// ```
    /// # use overdue::restructure::{DeferralInterest, NewPlan, Restructure, Shift};
    /// # use overdue::NaiveDate;
    /// let r = Restructure::deferral(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), Shift::Periods(3), DeferralInterest::Waive);
    /// assert!(matches!(r.plan(), NewPlan::Deferral { .. }));
    /// ```
    pub fn deferral(date: NaiveDate, shift: Shift, interest: DeferralInterest) -> Restructure {
        Restructure::new(date, NewPlan::Deferral { shift, interest })
    }

    /// Sets the plan for one component.
    ///
    /// ```
    /// # use overdue::Component;
    /// # use overdue::restructure::{ComponentPlan, NewPlan, Restructure};
    /// # use overdue::NaiveDate;
    /// let r = Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise)
    ///     .with_component(Component::Fees, ComponentPlan::waive_all());
    /// assert_eq!(r.component(Component::Fees), ComponentPlan::waive_all());
    /// ```
    pub fn with_component(mut self, component: Component, plan: ComponentPlan) -> Restructure {
        *self.slot(component) = plan;
        self
    }

    /// Sets a down payment, applied first by the loan's allocation order.
    ///
    /// ```
    /// # use overdue::Money;
    /// # use overdue::restructure::{NewPlan, Restructure};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let r = Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise)
    ///     .with_down_payment(Money::new(dec!(500))?);
    /// assert_eq!(r.down_payment(), Some(Money::new(dec!(500))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_down_payment(mut self, amount: Money) -> Restructure {
        self.down_payment = Some(amount);
        self
    }

    /// Sets a fee for the restructure; it joins the fees and follows their plan.
    ///
    /// ```
    /// # use overdue::Ratio;
    /// # use overdue::restructure::{DeferralInterest, PlanFee, Restructure, Shift};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let r = Restructure::deferral(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), Shift::Periods(3), DeferralInterest::Accrue)
    ///     .with_fee(PlanFee::Share(Ratio::new(dec!(0.01))?));
    /// assert!(r.fee().is_some());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_fee(mut self, fee: PlanFee) -> Restructure {
        self.fee = Some(fee);
        self
    }

    /// Its date.
    ///
    /// ```
    /// # use overdue::restructure::{NewPlan, Restructure};
    /// # use overdue::NaiveDate;
    /// let day = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
    /// assert_eq!(Restructure::new(day, NewPlan::Reamortise).date(), day);
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The same restructure with another plan.
    pub(crate) fn with_plan(mut self, plan: NewPlan) -> Restructure {
        self.plan = plan;
        self
    }

    /// The new plan.
    ///
    /// ```
    /// # use overdue::restructure::{NewPlan, Restructure};
    /// # use overdue::NaiveDate;
    /// let r = Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise);
    /// assert_eq!(r.plan(), NewPlan::Reamortise);
    /// ```
    pub fn plan(&self) -> NewPlan {
        self.plan
    }

    /// The plan for one component.
    ///
    /// ```
    /// # use overdue::Component;
    /// # use overdue::restructure::{NewPlan, Restructure, Treatment};
    /// # use overdue::NaiveDate;
    /// let r = Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise);
    /// assert_eq!(r.component(Component::Interest).treatment(), Treatment::Capitalise);
    /// ```
    pub fn component(&self, component: Component) -> ComponentPlan {
        let mut copy = self.clone();
        *copy.slot(component)
    }

    /// The down payment, if any.
    ///
    /// ```
    /// # use overdue::restructure::{NewPlan, Restructure};
    /// # use overdue::NaiveDate;
    /// assert_eq!(Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise).down_payment(), None);
    /// ```
    pub fn down_payment(&self) -> Option<Money> {
        self.down_payment
    }

    /// The fee, if any.
    ///
    /// ```
    /// # use overdue::restructure::{NewPlan, Restructure};
    /// # use overdue::NaiveDate;
    /// assert_eq!(Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise).fee(), None);
    /// ```
    pub fn fee(&self) -> Option<PlanFee> {
        self.fee
    }

    fn slot(&mut self, component: Component) -> &mut ComponentPlan {
        match component {
            Component::Fees => &mut self.fees,
            Component::PenaltyInterest => &mut self.penalty_interest,
            Component::CompoundInterest => &mut self.compound_interest,
            Component::Interest => &mut self.interest,
            Component::Principal => &mut self.principal,
        }
    }
}

/// What a restructure did, on the statement.
///
/// For every component: `owed = waived + capitalised + carried` (carried
/// covers carry-to-first, spread and due-now), and `new_principal` = the
/// capitalised components + capitalised deferral interest.
///
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
/// # use overdue::restructure::{NewPlan, Restructure};
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_principal(Money::new(dec!(3000))?, Rate::ZERO, 3, d(2026, 1, 1))?;
/// let mut ledger = Ledger::new(plan, OverduePolicy::new())?;
/// ledger.restructure(Restructure::new(d(2026, 2, 10), NewPlan::Reamortise))?;
/// let s = &ledger.statement(d(2026, 2, 10))?.restructures[0];
/// assert_eq!(s.new_principal, Money::new(dec!(3000))?); // 1,000 overdue + 2,000 to come
/// assert_eq!(s.installments, 2);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct RestructureSummary {
    /// Its date.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub date: NaiveDate,
    /// The down payment applied.
    pub down_payment: Money,
    /// What was owed after the down payment, by component (before the fee).
    pub owed: Components,
    /// What was waived.
    pub waived: Components,
    /// What went into the new principal.
    pub capitalised: Components,
    /// What was placed on the new installments as it was (carried, spread or
    /// due now), including the fee and deferral interest that were not
    /// capitalised.
    pub carried: Components,
    /// The restructure fee.
    pub fee: Money,
    /// Contract interest for a deferral period.
    pub deferral_interest: Money,
    /// The new principal.
    pub new_principal: Money,
    /// The number of the first new installment on the statement.
    pub first_installment: u32,
    /// How many new installments.
    pub installments: u32,
}
