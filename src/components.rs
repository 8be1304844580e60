//! An amount for each [`Component`]: [`Components`] at the interface, and a
//! per-component array in integer minor units for the replay's running sums.

use std::ops::{Index, IndexMut};

use serde::{Deserialize, Serialize};

use crate::component::Component;
use crate::error::Result;
use crate::money::Money;

/// An amount per [`Component`].
///
/// ```
/// use overdue::{Component, Components, Money};
/// use overdue::dec;
/// let mut c = Components::default();
/// c.interest = Money::new(dec!(10))?;
/// c.principal = Money::new(dec!(90))?;
/// assert_eq!(c.get(Component::Interest), Money::new(dec!(10))?);
/// assert_eq!(c.total()?, Money::new(dec!(100))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct Components {
    /// Scheduled fees and late fees.
    pub fees: Money,
    /// Penalty interest.
    pub penalty_interest: Money,
    /// Compound interest.
    pub compound_interest: Money,
    /// Contract interest.
    pub interest: Money,
    /// Principal.
    pub principal: Money,
}

impl Components {
    /// Every component zero, at the rounding's scale.
    fn zero(scale: u32) -> Result<Components> {
        let z = Money::from_minor(0, scale)?;
        Ok(Components {
            fees: z,
            penalty_interest: z,
            compound_interest: z,
            interest: z,
            principal: z,
        })
    }

    /// The amount of one component.
    ///
    /// ```
    /// use overdue::{Component, Components, Money};
    /// assert_eq!(Components::default().get(Component::Fees), Money::ZERO);
    /// ```
    pub fn get(&self, component: Component) -> Money {
        match component {
            Component::Fees => self.fees,
            Component::PenaltyInterest => self.penalty_interest,
            Component::CompoundInterest => self.compound_interest,
            Component::Interest => self.interest,
            Component::Principal => self.principal,
        }
    }

    /// The sum of every component.
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow).
    ///
    /// ```
    /// assert!(overdue::Components::default().total()?.is_zero());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn total(&self) -> Result<Money> {
        Money::sum(Component::ALL.map(|c| self.get(c)))
    }

    pub(crate) fn from_minor(parts: &[i128; 5], scale: u32) -> Result<Components> {
        if *parts == [0; 5] && scale <= 28 {
            // most parts of most installments are zero: the common case costs nothing
            return Components::zero(scale);
        }
        let [fees, penalty, compound, interest, principal] = *parts;
        Ok(Components {
            fees: Money::from_minor(fees, scale)?,
            penalty_interest: Money::from_minor(penalty, scale)?,
            compound_interest: Money::from_minor(compound, scale)?,
            interest: Money::from_minor(interest, scale)?,
            principal: Money::from_minor(principal, scale)?,
        })
    }
}

/// One value per [`Component`], indexed by the component itself.
///
/// The replay keeps its running amounts in integer minor units as a
/// `PerComponent<i128>`; a statement turns them into [`Components`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub(crate) struct PerComponent<T>([T; 5]);

impl<T: Copy> PerComponent<T> {
    /// The same value for every component.
    pub(crate) const fn splat(value: T) -> PerComponent<T> {
        PerComponent([value; 5])
    }

    /// Each component with its value, in the order of [`Component::ALL`].
    pub(crate) fn iter(&self) -> impl Iterator<Item = (Component, T)> + '_ {
        Component::ALL.into_iter().zip(self.0.iter().copied())
    }

    /// The values in the order of [`Component::ALL`].
    pub(crate) fn values(&self) -> [T; 5] {
        self.0
    }
}

impl<T> Index<Component> for PerComponent<T> {
    type Output = T;
    fn index(&self, component: Component) -> &T {
        match component {
            Component::Fees => &self.0[0],
            Component::PenaltyInterest => &self.0[1],
            Component::CompoundInterest => &self.0[2],
            Component::Interest => &self.0[3],
            Component::Principal => &self.0[4],
        }
    }
}

impl<T> IndexMut<Component> for PerComponent<T> {
    fn index_mut(&mut self, component: Component) -> &mut T {
        match component {
            Component::Fees => &mut self.0[0],
            Component::PenaltyInterest => &mut self.0[1],
            Component::CompoundInterest => &mut self.0[2],
            Component::Interest => &mut self.0[3],
            Component::Principal => &mut self.0[4],
        }
    }
}
