//! Late fees: a flat amount or a share of the installment, once or
//! recurring, with a floor and a maximum.

use serde::{Deserialize, Serialize};

use crate::money::Money;
use crate::ratio::Ratio;

/// How a late fee is sized.
///
/// ```
/// use overdue::{accrual::FeeAmount, Money, Ratio};
/// use overdue::dec;
/// let flat = FeeAmount::Flat(Money::new(dec!(30))?);
/// let share = FeeAmount::OfInstallment(Ratio::new(dec!(0.05))?); // 5 % of what is overdue
/// assert_ne!(flat, share);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum FeeAmount {
    /// The same amount every time.
    Flat(Money),
    /// A share of the overdue installment (its unpaid principal and interest)
    /// when the fee is charged, rounded to the minor unit.
    OfInstallment(Ratio),
}

/// How often a late fee is charged on one overdue installment.
///
/// The default is [`Recurrence::Once`].
///
/// ```
/// use overdue::accrual::Recurrence;
/// assert_eq!(Recurrence::default(), Recurrence::Once);
/// let monthly = Recurrence::EveryDays(30);
/// # let _ = monthly;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "days", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Recurrence {
    /// Once per missed installment. The default.
    #[default]
    Once,
    /// Again every `n` days while the installment stays overdue.
    EveryDays(u32),
}

/// A late fee (滞纳金 / 违约金): its amount, how often, and per-charge bounds.
///
/// A fee is charged on the first day an installment is late beyond grace
/// (due date + grace days + 1) if it is still unpaid at the start of that
/// day (never on an installment with no principal or interest, such as the
/// charges a restructure keeps due), and again every `n` days for [`Recurrence::EveryDays`]. The maximum is
/// the per-charge cap: what it cuts is reported as cut by a cap.
///
/// ```
/// use overdue::{accrual::LateFee, Money, Ratio, accrual::Recurrence};
/// use overdue::dec;
/// let fee = LateFee::of_installment(Ratio::new(dec!(0.05))?)
///     .every(Recurrence::EveryDays(30))
///     .with_min(Money::new(dec!(10))?)
///     .with_max(Money::new(dec!(50))?);
/// assert_eq!(fee.max(), Some(Money::new(dec!(50))?));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LateFee {
    amount: FeeAmount,
    #[serde(default)]
    recurrence: Recurrence,
    #[serde(default)]
    min: Option<Money>,
    #[serde(default)]
    max: Option<Money>,
}

impl LateFee {
    /// A flat fee, charged once per missed installment.
    ///
    /// ```
    /// use overdue::{accrual::FeeAmount, accrual::LateFee, Money};
    /// use overdue::dec;
    /// let fee = LateFee::flat(Money::new(dec!(30))?);
    /// assert_eq!(fee.amount(), FeeAmount::Flat(Money::new(dec!(30))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn flat(amount: Money) -> LateFee {
        LateFee {
            amount: FeeAmount::Flat(amount),
            recurrence: Recurrence::Once,
            min: None,
            max: None,
        }
    }

    /// A share of the overdue installment, charged once per missed installment.
    ///
    /// ```
    /// use overdue::{accrual::LateFee, Ratio};
    /// use overdue::dec;
    /// let fee = LateFee::of_installment(Ratio::new(dec!(0.05))?);
    /// # let _ = fee;
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn of_installment(share: Ratio) -> LateFee {
        LateFee {
            amount: FeeAmount::OfInstallment(share),
            ..LateFee::flat(Money::ZERO)
        }
    }

    /// Sets how often the fee is charged (default once).
    ///
    /// ```
    /// use overdue::{accrual::LateFee, Money, accrual::Recurrence};
    /// let fee = LateFee::flat(Money::ZERO).every(Recurrence::EveryDays(30));
    /// assert_eq!(fee.recurrence(), Recurrence::EveryDays(30));
    /// ```
    pub fn every(mut self, recurrence: Recurrence) -> LateFee {
        self.recurrence = recurrence;
        self
    }

    /// Sets the smallest amount one charge can be (default none).
    ///
    /// ```
    /// use overdue::{accrual::LateFee, Money, Ratio};
    /// use overdue::dec;
    /// let fee = LateFee::of_installment(Ratio::new(dec!(0.01))?).with_min(Money::new(dec!(5))?);
    /// assert_eq!(fee.min(), Some(Money::new(dec!(5))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_min(mut self, min: Money) -> LateFee {
        self.min = Some(min);
        self
    }

    /// Sets the largest amount one charge can be: the per-charge cap
    /// (default none).
    ///
    /// ```
    /// use overdue::{accrual::LateFee, Money, Ratio};
    /// use overdue::dec;
    /// let fee = LateFee::of_installment(Ratio::new(dec!(0.1))?).with_max(Money::new(dec!(40))?);
    /// assert_eq!(fee.max(), Some(Money::new(dec!(40))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_max(mut self, max: Money) -> LateFee {
        self.max = Some(max);
        self
    }

    /// How the fee is sized.
    ///
    /// ```
    /// use overdue::{accrual::FeeAmount, accrual::LateFee, Money};
    /// assert_eq!(LateFee::flat(Money::ZERO).amount(), FeeAmount::Flat(Money::ZERO));
    /// ```
    pub fn amount(&self) -> FeeAmount {
        self.amount
    }

    /// How often it is charged.
    ///
    /// ```
    /// use overdue::{accrual::LateFee, Money, accrual::Recurrence};
    /// assert_eq!(LateFee::flat(Money::ZERO).recurrence(), Recurrence::Once);
    /// ```
    pub fn recurrence(&self) -> Recurrence {
        self.recurrence
    }

    /// The per-charge minimum, if any.
    ///
    /// ```
    /// use overdue::{accrual::LateFee, Money};
    /// assert_eq!(LateFee::flat(Money::ZERO).min(), None);
    /// ```
    pub fn min(&self) -> Option<Money> {
        self.min
    }

    /// The per-charge maximum, if any.
    ///
    /// ```
    /// use overdue::{accrual::LateFee, Money};
    /// assert_eq!(LateFee::flat(Money::ZERO).max(), None);
    /// ```
    pub fn max(&self) -> Option<Money> {
        self.max
    }
}
