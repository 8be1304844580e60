//! One row of a schedule.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::money::Money;

/// One row of a schedule.
///
/// `payment = principal + interest + fee` exactly, and `balance_after` is
/// the principal still owed after this installment is paid.
///
/// ```
/// # use overdue::{Money, Rate, Schedule};
/// # use overdue::NaiveDate; use overdue::dec;
/// let s = Schedule::equal_installment(Money::new(dec!(10000))?, Rate::annual(dec!(0.12))?, 12,
///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
/// let first = &s.installments()[0];
/// assert_eq!((first.number, first.interest.to_string(), first.principal.to_string()),
///            (1, "100.00".to_string(), "788.49".to_string()));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct Installment {
    /// 1-based position in the schedule.
    pub number: u32,
    /// The date the installment falls due.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub due_date: NaiveDate,
    /// Principal repaid.
    pub principal: Money,
    /// Contract interest.
    pub interest: Money,
    /// Fees (flat-fee installments).
    pub fee: Money,
    /// The whole installment: principal + interest + fee.
    pub payment: Money,
    /// Principal outstanding after this installment.
    pub balance_after: Money,
}

impl Installment {
    /// An installment from its parts; `payment` is their sum.
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow).
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{schedule::Installment, Money};
    /// use overdue::dec;
    /// let m = |v| Money::new(v).unwrap();
    /// let i = Installment::new(1, NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
    ///     m(dec!(90)), m(dec!(10)), Money::ZERO, m(dec!(10)))?;
    /// assert_eq!(i.payment, m(dec!(100)));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(
        number: u32,
        due_date: NaiveDate,
        principal: Money,
        interest: Money,
        fee: Money,
        balance_after: Money,
    ) -> Result<Installment> {
        let payment = principal.checked_add(interest)?.checked_add(fee)?;
        Ok(Installment {
            number,
            due_date,
            principal,
            interest,
            fee,
            payment,
            balance_after,
        })
    }
}
