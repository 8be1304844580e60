//! What a restructure does with each component of the arrears: waive some
//! of it, then capitalise, carry, spread or keep due what is left.

use serde::{Deserialize, Serialize};

use crate::money::Money;
use crate::ratio::Ratio;

/// Where one component of what is owed goes in the new plan.
///
/// The default is [`Treatment::Capitalise`].
///
/// ```
/// use overdue::restructure::Treatment;
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
/// use overdue::{Ratio, restructure::Waive};
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
/// use overdue::{restructure::ComponentPlan, Ratio, restructure::Treatment, restructure::Waive};
/// use overdue::dec;
/// let p = ComponentPlan::new(Treatment::Spread).with_waive(Waive::Share(Ratio::new(dec!(0.5))?));
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
    /// use overdue::{restructure::ComponentPlan, restructure::Treatment, restructure::Waive};
    /// assert_eq!(ComponentPlan::new(Treatment::CarryToFirst).waive(), Waive::Nothing);
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
    /// use overdue::{restructure::ComponentPlan, Ratio, restructure::Waive};
    /// assert_eq!(ComponentPlan::waive_all().waive(), Waive::Share(Ratio::ONE));
    /// ```
    pub fn waive_all() -> ComponentPlan {
        ComponentPlan::default().with_waive(Waive::Share(Ratio::ONE))
    }

    /// Sets what is waived first.
    ///
    /// ```
    /// use overdue::{restructure::ComponentPlan, Money, restructure::Treatment, restructure::Waive};
    /// let p = ComponentPlan::new(Treatment::Capitalise).with_waive(Waive::Amount(Money::ZERO));
    /// assert_eq!(p.waive(), Waive::Amount(Money::ZERO));
    /// ```
    pub fn with_waive(mut self, waive: Waive) -> ComponentPlan {
        self.waive = waive;
        self
    }

    /// What is waived.
    ///
    /// ```
    /// assert_eq!(overdue::restructure::ComponentPlan::default().waive(), overdue::restructure::Waive::Nothing);
    /// ```
    pub fn waive(&self) -> Waive {
        self.waive
    }

    /// Where the rest goes.
    ///
    /// ```
    /// assert_eq!(overdue::restructure::ComponentPlan::default().treatment(), overdue::restructure::Treatment::Capitalise);
    /// ```
    pub fn treatment(&self) -> Treatment {
        self.then
    }
}
