//! Caps on penalties and fees: per installment, over the loan's life, and
//! annualised.

use serde::{Deserialize, Serialize};

use crate::money::Money;
use crate::rate::Rate;
use crate::ratio::Ratio;

/// A limit on what one installment can be charged in penalties and fees.
///
/// ```
/// use overdue::{accrual::InstallmentLimit, Money, Ratio};
/// use overdue::dec;
/// let by_amount = InstallmentLimit::Amount(Money::new(dec!(200))?);
/// let by_share = InstallmentLimit::OfInstallment(Ratio::new(dec!(0.1))?); // 10 % of the installment
/// assert_ne!(by_amount, by_share);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum InstallmentLimit {
    /// At most this amount.
    Amount(Money),
    /// At most this share of the scheduled installment (principal + interest
    /// + fee), rounded toward zero to the minor unit.
    OfInstallment(Ratio),
}

/// Caps on penalties and fees. By default there are none.
///
/// Every cap cuts what would be charged; the statement reports the cut. Caps
/// are applied where charges are posted (at each event, due date and late-fee
/// day, and at the statement date), to penalty interest, then compound
/// interest, then late fees, oldest installment first. The annualised cap
/// also counts contract interest and scheduled fees, on the day each
/// installment falls due: if they do not fit, the unpaid part of the
/// scheduled fee, then of the interest, is cut (a contract rate above the cap
/// is cut to it, as a court would; check the contract itself with
/// [`PrivateLendingCap`](crate::limits::PrivateLendingCap)). The per-charge cap is
/// [`LateFee::max`](crate::accrual::LateFee::max).
///
/// ```
/// use overdue::{accrual::Caps, accrual::InstallmentLimit, Money, Rate, Ratio};
/// use overdue::dec;
/// let caps = Caps::none()
///     .with_per_installment(InstallmentLimit::Amount(Money::new(dec!(300))?))
///     .with_lifetime(Ratio::new(dec!(0.36))?)            // penalties + fees ≤ 36 % of principal
///     .with_annualised(Rate::annual(dec!(0.24))?);        // interest + penalties + fees ≤ 24 %/year
/// assert_eq!(caps.lifetime(), Some(Ratio::new(dec!(0.36))?));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Caps {
    #[serde(default)]
    per_installment: Option<InstallmentLimit>,
    #[serde(default)]
    lifetime: Option<Ratio>,
    #[serde(default)]
    annualised: Option<Rate>,
}

impl Caps {
    /// No caps. The default.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Caps::none(), overdue::accrual::Caps::default());
    /// ```
    pub fn none() -> Caps {
        Caps::default()
    }

    /// Caps penalties and fees charged on any one installment.
    ///
    /// ```
    /// use overdue::{accrual::Caps, accrual::InstallmentLimit, Money};
    /// let caps = Caps::none().with_per_installment(InstallmentLimit::Amount(Money::ZERO));
    /// assert!(caps.per_installment().is_some());
    /// ```
    pub fn with_per_installment(mut self, limit: InstallmentLimit) -> Caps {
        self.per_installment = Some(limit);
        self
    }

    /// Caps the lifetime total of penalties and fees at a share of the
    /// principal.
    ///
    /// ```
    /// use overdue::{accrual::Caps, Ratio};
    /// assert_eq!(Caps::none().with_lifetime(Ratio::ONE).lifetime(), Some(Ratio::ONE));
    /// ```
    pub fn with_lifetime(mut self, share_of_principal: Ratio) -> Caps {
        self.lifetime = Some(share_of_principal);
        self
    }

    /// Caps everything charged beyond principal (contract interest and
    /// scheduled fees due so far + penalties + late fees) at `rate` × principal × the time elapsed since
    /// disbursement (by the policy's day count): 24 %/year, or 4 × LPR.
    ///
    /// ```
    /// use overdue::{accrual::Caps, Rate};
    /// use overdue::dec;
    /// let caps = Caps::none().with_annualised(Rate::annual(dec!(0.12))?);
    /// assert_eq!(caps.annualised(), Some(Rate::annual(dec!(0.12))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_annualised(mut self, rate: Rate) -> Caps {
        self.annualised = Some(rate);
        self
    }

    /// The per-installment cap, if any.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Caps::none().per_installment(), None);
    /// ```
    pub fn per_installment(&self) -> Option<InstallmentLimit> {
        self.per_installment
    }

    /// The lifetime cap as a share of principal, if any.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Caps::none().lifetime(), None);
    /// ```
    pub fn lifetime(&self) -> Option<Ratio> {
        self.lifetime
    }

    /// The annualised cap rate, if any.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Caps::none().annualised(), None);
    /// ```
    pub fn annualised(&self) -> Option<Rate> {
        self.annualised
    }
}
