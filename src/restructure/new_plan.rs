//! The new plan a restructure puts the loan on: a new schedule, the plan in
//! force re-amortised, or a deferral; and its fee.

use serde::{Deserialize, Serialize};

use crate::money::Money;
use crate::ratio::Ratio;
use crate::schedule::Terms;
use crate::serde_tagged::NoFields;

/// How far a deferral moves the unpaid installments.
///
/// ```
/// use overdue::restructure::Shift;
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
/// use overdue::restructure::DeferralInterest;
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
/// use overdue::{restructure::DeferralInterest, restructure::NewPlan, schedule::Terms, Rate, restructure::Shift};
/// let holiday = NewPlan::Deferral { shift: Shift::Periods(3), interest: DeferralInterest::Accrue };
/// let fresh = NewPlan::Schedule(Terms::new(Rate::ZERO, 6));
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
    Schedule(Terms),
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
/// use overdue::{Money, restructure::PlanFee, Ratio};
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

/// The fields of [`NewPlan::Deferral`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct DeferralFields {
    shift: Shift,
    #[serde(default)]
    interest: DeferralInterest,
}

crate::serde_tagged::tagged!(NewPlan, "a new plan", {
    "schedule" => Terms => NewPlan::Schedule,
    "reamortise" => NoFields => |_| NewPlan::Reamortise,
    "deferral" => DeferralFields => |f| NewPlan::Deferral {
        shift: f.shift,
        interest: f.interest,
    },
});
