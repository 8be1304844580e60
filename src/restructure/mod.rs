//! Deferral and restructuring: a new plan for what a loan owes on a date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::Frequency;
use crate::component::Component;
use crate::components::Components;
use crate::money::Money;
use crate::rate::Rate;
use crate::ratio::Ratio;
use crate::schedule::{InterestBasis, Method};

/// Where one component of what is owed goes in the new plan.
///
/// The default is [`Treatment::Capitalise`].
///
/// ```
/// use overdue::Treatment;
/// assert_eq!(Treatment::default(), Treatment::Capitalise);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Treatment {
    /// Into the new principal, which bears the new rate. The default.
    #[default]
    Capitalise,
    /// Added, as the same component, to the first new installment.
    CarryToFirst,
    /// Split equally over the new installments (the last takes the residual).
    Spread,
    /// Stays due on the restructure date: unpaid, it keeps the loan overdue
    /// (a deferral that keeps the penalties already accrued).
    DueNow,
}

/// How much of a component the lender gives up.
///
/// ```
/// use overdue::{Ratio, Waive};
/// use overdue::dec;
/// let half = Waive::Share(Ratio::new(dec!(0.5))?);
/// assert_ne!(half, Waive::Nothing);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Waive {
    /// Nothing is waived. The default.
    #[default]
    Nothing,
    /// A share of what is owed (rounded toward zero to the minor unit; at
    /// most 100 %).
    Share(Ratio),
    /// A fixed amount; more than is owed is an error.
    Amount(Money),
}

/// The plan for one component: what is waived, and where the rest goes.
///
/// ```
/// use overdue::{ComponentPlan, Ratio, Treatment, Waive};
/// use overdue::dec;
/// let p = ComponentPlan::new(Treatment::Spread).waive(Waive::Share(Ratio::new(dec!(0.5))?));
/// assert_eq!(p.treatment(), Treatment::Spread);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ComponentPlan {
    #[serde(default)]
    waive: Waive,
    #[serde(default)]
    then: Treatment,
}

impl ComponentPlan {
    /// Nothing waived; all of it goes by `treatment`.
    ///
    /// ```
    /// use overdue::{ComponentPlan, Treatment, Waive};
    /// assert_eq!(ComponentPlan::new(Treatment::CarryToFirst).get_waive(), Waive::Nothing);
    /// ```
    pub fn new(treatment: Treatment) -> ComponentPlan {
        ComponentPlan {
            waive: Waive::Nothing,
            then: treatment,
        }
    }

    /// All of it waived.
    ///
    /// ```
    /// use overdue::{ComponentPlan, Ratio, Waive};
    /// assert_eq!(ComponentPlan::waive_all().get_waive(), Waive::Share(Ratio::ONE));
    /// ```
    pub fn waive_all() -> ComponentPlan {
        ComponentPlan::default().waive(Waive::Share(Ratio::ONE))
    }

    /// Sets what is waived first.
    ///
    /// ```
    /// use overdue::{ComponentPlan, Money, Treatment, Waive};
    /// let p = ComponentPlan::new(Treatment::Capitalise).waive(Waive::Amount(Money::ZERO));
    /// assert_eq!(p.get_waive(), Waive::Amount(Money::ZERO));
    /// ```
    pub fn waive(mut self, waive: Waive) -> ComponentPlan {
        self.waive = waive;
        self
    }

    /// What is waived.
    ///
    /// ```
    /// assert_eq!(overdue::ComponentPlan::default().get_waive(), overdue::Waive::Nothing);
    /// ```
    pub fn get_waive(&self) -> Waive {
        self.waive
    }

    /// Where the rest goes.
    ///
    /// ```
    /// assert_eq!(overdue::ComponentPlan::default().treatment(), overdue::Treatment::Capitalise);
    /// ```
    pub fn treatment(&self) -> Treatment {
        self.then
    }
}

/// The terms of a new schedule; its principal is what the restructure
/// capitalises, and it is disbursed on the restructure date.
///
/// ```
/// use overdue::{Method, NewTerms, Rate};
/// use overdue::dec;
/// let t = NewTerms::new(Rate::annual(dec!(0.12))?, 6).method(Method::EqualPrincipal);
/// assert_eq!(t.get_installments(), 6);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewTerms {
    rate: Rate,
    installments: u32,
    #[serde(default)]
    method: Method,
    #[serde(default)]
    frequency: Frequency,
    #[serde(default)]
    first_due: Option<NaiveDate>,
    #[serde(default)]
    basis: InterestBasis,
}

impl NewTerms {
    /// `installments` equal installments at `rate`, monthly, the first one
    /// period after the restructure date.
    ///
    /// ```
    /// use overdue::{NewTerms, Rate};
    /// use overdue::dec;
    /// assert_eq!(NewTerms::new(Rate::annual(dec!(0.1))?, 12).get_rate(), Rate::annual(dec!(0.1))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(rate: Rate, installments: u32) -> NewTerms {
        NewTerms {
            rate,
            installments,
            method: Method::default(),
            frequency: Frequency::default(),
            first_due: None,
            basis: InterestBasis::default(),
        }
    }

    /// Sets the method (default equal installment).
    ///
    /// ```
    /// use overdue::{Method, NewTerms, Rate};
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).method(Method::Bullet).get_method(), Method::Bullet);
    /// ```
    pub fn method(mut self, method: Method) -> NewTerms {
        self.method = method;
        self
    }

    /// Sets the number of installments (what
    /// [`Comparison::fit_to_budget`](crate::Comparison::fit_to_budget) varies).
    ///
    /// ```
    /// use overdue::{NewTerms, Rate};
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).installments(9).get_installments(), 9);
    /// ```
    pub fn installments(mut self, installments: u32) -> NewTerms {
        self.installments = installments;
        self
    }

    /// Sets the frequency (default monthly).
    ///
    /// ```
    /// use overdue::{Frequency, NewTerms, Rate};
    /// let t = NewTerms::new(Rate::ZERO, 3).frequency(Frequency::Biweekly);
    /// assert_eq!(t.get_frequency(), Frequency::Biweekly);
    /// ```
    pub fn frequency(mut self, frequency: Frequency) -> NewTerms {
        self.frequency = frequency;
        self
    }

    /// Sets the first due date (default one period after the restructure
    /// date); it must be after the restructure date.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{NewTerms, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).first_due(day).get_first_due(), Some(day));
    /// ```
    pub fn first_due(mut self, first_due: NaiveDate) -> NewTerms {
        self.first_due = Some(first_due);
        self
    }

    /// Sets the interest basis (default per period).
    ///
    /// ```
    /// use overdue::{DayCount, InterestBasis, NewTerms, Rate};
    /// let t = NewTerms::new(Rate::ZERO, 3).basis(InterestBasis::ActualDays(DayCount::Act365Fixed));
    /// assert_eq!(t.get_basis(), InterestBasis::ActualDays(DayCount::Act365Fixed));
    /// ```
    pub fn basis(mut self, basis: InterestBasis) -> NewTerms {
        self.basis = basis;
        self
    }

    /// The rate.
    ///
    /// ```
    /// # use overdue::*;
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).get_rate(), Rate::ZERO);
    /// ```
    pub fn get_rate(&self) -> Rate {
        self.rate
    }

    /// The number of installments.
    ///
    /// ```
    /// # use overdue::*;
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).get_installments(), 3);
    /// ```
    pub fn get_installments(&self) -> u32 {
        self.installments
    }

    /// The method.
    ///
    /// ```
    /// # use overdue::*;
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).get_method(), Method::EqualInstallment);
    /// ```
    pub fn get_method(&self) -> Method {
        self.method
    }

    /// The frequency.
    ///
    /// ```
    /// # use overdue::*;
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).get_frequency(), Frequency::Monthly);
    /// ```
    pub fn get_frequency(&self) -> Frequency {
        self.frequency
    }

    /// The first due date, if set.
    ///
    /// ```
    /// # use overdue::*;
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).get_first_due(), None);
    /// ```
    pub fn get_first_due(&self) -> Option<NaiveDate> {
        self.first_due
    }

    /// The interest basis.
    ///
    /// ```
    /// # use overdue::*;
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).get_basis(), InterestBasis::PerPeriod);
    /// ```
    pub fn get_basis(&self) -> InterestBasis {
        self.basis
    }
}

/// How far a deferral moves the unpaid installments.
///
/// ```
/// use overdue::Shift;
/// assert_ne!(Shift::Periods(3), Shift::Days(90));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Shift {
    /// A payment holiday of this many installments: the term extends by as
    /// many periods.
    Periods(u32),
    /// This many days (later due dates stay anchored on the moved first one).
    Days(u32),
}

/// Contract interest for the deferral period itself.
///
/// The default is [`DeferralInterest::Accrue`].
///
/// ```
/// use overdue::DeferralInterest;
/// assert_eq!(DeferralInterest::default(), DeferralInterest::Accrue);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DeferralInterest {
    /// Keeps accruing at the contract rate and is due with the first
    /// installment after the deferral. The default.
    #[default]
    Accrue,
    /// Waived: the deferral period is interest-free.
    Waive,
    /// Added to the principal at the end of the deferral.
    Capitalise,
}

/// The shape of the new plan.
///
/// ```
/// use overdue::{DeferralInterest, NewPlan, NewTerms, Rate, Shift};
/// let holiday = NewPlan::Deferral { shift: Shift::Periods(3), interest: DeferralInterest::Accrue };
/// let fresh = NewPlan::Schedule(NewTerms::new(Rate::ZERO, 6));
/// assert_ne!(holiday, fresh);
/// assert_ne!(NewPlan::Reamortise, fresh);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[non_exhaustive]
pub enum NewPlan {
    /// A new schedule on new terms (分期 of the arrears).
    Schedule(NewTerms),
    /// Re-amortisation: what is capitalised (the overdue principal and
    /// everything else capitalised) is spread over the remaining
    /// installments of the current schedule, on its rate, method and dates.
    Reamortise,
    /// A deferral (展期 / 延期还款): the remaining installments, with what is
    /// capitalised, move later by `shift`, on the current rate and method.
    Deferral {
        /// How far they move.
        shift: Shift,
        /// Contract interest for the deferral period.
        #[serde(default)]
        interest: DeferralInterest,
    },
}

/// A fee for the restructure or deferral.
///
/// ```
/// use overdue::{Money, PlanFee, Ratio};
/// use overdue::dec;
/// let one_percent = PlanFee::Share(Ratio::new(dec!(0.01))?);
/// assert_ne!(one_percent, PlanFee::Flat(Money::ZERO));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PlanFee {
    /// A fixed amount.
    Flat(Money),
    /// A share of the amount restructured (after waivers), rounded by the
    /// policy's rounding.
    Share(Ratio),
}

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
/// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(6000))?, Rate::annual(dec!(0.12))?, 6, d(2026, 1, 1))?;
/// let mut ledger = Ledger::new(plan, OverduePolicy::new())?;
/// let deal = Restructure::new(d(2026, 3, 20), NewPlan::Schedule(NewTerms::new(Rate::annual(dec!(0.12))?, 6)))
///     .component(Component::PenaltyInterest, ComponentPlan::new(Treatment::Capitalise)
///         .waive(Waive::Share(Ratio::new(dec!(0.5))?)));
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
    /// # use overdue::NaiveDate; use overdue::*;
    /// let r = Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise);
    /// assert_eq!(r.get_plan(), NewPlan::Reamortise);
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
    /// # use overdue::NaiveDate; use overdue::*;
    /// let r = Restructure::deferral(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), Shift::Periods(3), DeferralInterest::Waive);
    /// assert!(matches!(r.get_plan(), NewPlan::Deferral { .. }));
    /// ```
    pub fn deferral(date: NaiveDate, shift: Shift, interest: DeferralInterest) -> Restructure {
        Restructure::new(date, NewPlan::Deferral { shift, interest })
    }

    /// Sets the plan for one component.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*;
    /// let r = Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise)
    ///     .component(Component::Fees, ComponentPlan::waive_all());
    /// assert_eq!(r.get_component(Component::Fees), ComponentPlan::waive_all());
    /// ```
    pub fn component(mut self, component: Component, plan: ComponentPlan) -> Restructure {
        *self.slot(component) = plan;
        self
    }

    /// Sets a down payment, applied first by the loan's allocation order.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// let r = Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise)
    ///     .down_payment(Money::new(dec!(500))?);
    /// assert_eq!(r.get_down_payment(), Some(Money::new(dec!(500))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn down_payment(mut self, amount: Money) -> Restructure {
        self.down_payment = Some(amount);
        self
    }

    /// Sets a fee for the restructure; it joins the fees and follows their plan.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// let r = Restructure::deferral(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), Shift::Periods(3), DeferralInterest::Accrue)
    ///     .fee(PlanFee::Share(Ratio::new(dec!(0.01))?));
    /// assert!(r.get_fee().is_some());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn fee(mut self, fee: PlanFee) -> Restructure {
        self.fee = Some(fee);
        self
    }

    /// Its date.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*;
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
    /// # use overdue::NaiveDate; use overdue::*;
    /// let r = Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise);
    /// assert_eq!(r.get_plan(), NewPlan::Reamortise);
    /// ```
    pub fn get_plan(&self) -> NewPlan {
        self.plan
    }

    /// The plan for one component.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*;
    /// let r = Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise);
    /// assert_eq!(r.get_component(Component::Interest).treatment(), Treatment::Capitalise);
    /// ```
    pub fn get_component(&self, component: Component) -> ComponentPlan {
        let mut copy = self.clone();
        *copy.slot(component)
    }

    /// The down payment, if any.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*;
    /// assert_eq!(Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise).get_down_payment(), None);
    /// ```
    pub fn get_down_payment(&self) -> Option<Money> {
        self.down_payment
    }

    /// The fee, if any.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*;
    /// assert_eq!(Restructure::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), NewPlan::Reamortise).get_fee(), None);
    /// ```
    pub fn get_fee(&self) -> Option<PlanFee> {
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
/// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
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

/// The fields of [`NewPlan::Deferral`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct DeferralFields {
    shift: Shift,
    #[serde(default)]
    interest: DeferralInterest,
}

impl crate::serde_tagged::Tagged for NewPlan {
    const EXPECTING: &'static str = "a new plan";
    const KINDS: &'static [&'static str] = &["schedule", "reamortise", "deferral"];
    fn variant<'de, D: serde::Deserializer<'de>>(kind: &str, fields: D) -> std::result::Result<Self, D::Error> {
        match kind {
            "schedule" => NewTerms::deserialize(fields).map(NewPlan::Schedule),
            "reamortise" => crate::serde_tagged::NoFields::deserialize(fields).map(|_| NewPlan::Reamortise),
            _ => DeferralFields::deserialize(fields).map(|f| NewPlan::Deferral {
                shift: f.shift,
                interest: f.interest,
            }),
        }
    }
}

crate::serde_tagged::deserialize_tagged!(NewPlan);
