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

    pub(crate) fn from_minor(parts: &PerComponent<i128>, scale: u32) -> Result<Components> {
        if *parts == PerComponent::ZERO && scale <= 28 {
            // most parts of most installments are zero: the common case costs nothing
            return Components::zero(scale);
        }
        let part = |c: Component| Money::from_minor(parts[c], scale);
        Ok(Components {
            fees: part(Component::Fees)?,
            penalty_interest: part(Component::PenaltyInterest)?,
            compound_interest: part(Component::CompoundInterest)?,
            interest: part(Component::Interest)?,
            principal: part(Component::Principal)?,
        })
    }
}

/// One value per [`Component`], indexed by the component itself.
///
/// The replay keeps its running amounts in integer minor units as a
/// `PerComponent<i128>`; a statement turns them into [`Components`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub(crate) struct PerComponent<T>([T; 5]);

impl PerComponent<i128> {
    /// Nothing of any component.
    pub(crate) const ZERO: PerComponent<i128> = PerComponent([0; 5]);
}

impl<T> PerComponent<T> {
    /// The values in the order of [`Component::ALL`].
    pub(crate) const fn new(values: [T; 5]) -> PerComponent<T> {
        PerComponent(values)
    }

    /// The values in the order of [`Component::ALL`].
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The values in the order of [`Component::ALL`], to change.
    pub(crate) fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.0.iter_mut()
    }
}

impl<'a, T> IntoIterator for &'a PerComponent<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T> Index<Component> for PerComponent<T> {
    type Output = T;
    fn index(&self, component: Component) -> &T {
        let [fees, penalty, compound, interest, principal] = &self.0;
        match component {
            Component::Fees => fees,
            Component::PenaltyInterest => penalty,
            Component::CompoundInterest => compound,
            Component::Interest => interest,
            Component::Principal => principal,
        }
    }
}

impl<T> IndexMut<Component> for PerComponent<T> {
    fn index_mut(&mut self, component: Component) -> &mut T {
        let [fees, penalty, compound, interest, principal] = &mut self.0;
        match component {
            Component::Fees => fees,
            Component::PenaltyInterest => penalty,
            Component::CompoundInterest => compound,
            Component::Interest => interest,
            Component::Principal => principal,
        }
    }
}
