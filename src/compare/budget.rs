//! The borrower's monthly budget: what every way out is held against.

use serde::{Deserialize, Serialize};

use crate::money::Money;

/// The borrower's monthly budget: income and essential expenses.
///
/// ```
/// use overdue::{Budget, Money};
/// use overdue::dec;
/// let b = Budget::new(Money::new(dec!(6000))?, Money::new(dec!(4200))?);
/// assert_eq!(b.available(), Money::new(dec!(1800))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Budget {
    pub(super) income: Money,
    pub(super) essential_expenses: Money,
}

impl Budget {
    /// A monthly budget.
    ///
    /// ```
    /// use overdue::{Budget, Money};
    /// assert_eq!(Budget::new(Money::ZERO, Money::ZERO).available(), Money::ZERO);
    /// ```
    pub fn new(income: Money, essential_expenses: Money) -> Budget {
        Budget {
            income,
            essential_expenses,
        }
    }

    /// What can be paid each month: income − essential expenses (zero if
    /// expenses are higher).
    ///
    /// ```
    /// use overdue::{Budget, Money};
    /// use overdue::dec;
    /// assert_eq!(Budget::new(Money::ZERO, Money::new(dec!(1))?).available(), Money::ZERO);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn available(&self) -> Money {
        self.income.saturating_sub(self.essential_expenses)
    }
}
