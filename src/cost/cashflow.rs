//! A dated amount of money in or out of the borrower's pocket, and totals
//! of a list of them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{overflow, Error, Result};
use crate::money::Money;
use crate::schedule::Schedule;

/// A dated, signed amount: positive into the borrower's pocket, negative out.
///
/// It serializes as `{"date": "2026-01-01", "amount": "-100.00"}`.
///
/// # Example
/// ```
/// use overdue::NaiveDate;
/// use overdue::CashFlow;
/// use overdue::dec;
/// let received = CashFlow::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), dec!(1000));
/// assert!(received.amount.is_sign_positive());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CashFlow {
    /// When the money moves.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub date: NaiveDate,
    /// How much: positive received by the borrower, negative paid by them.
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub amount: Decimal,
}

impl CashFlow {
    /// A cash flow of `amount` on `date`.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::CashFlow; use overdue::dec;
    /// let paid = CashFlow::new(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(), dec!(-888.49));
    /// assert_eq!(paid.amount, dec!(-888.49));
    /// ```
    pub fn new(date: NaiveDate, amount: Decimal) -> CashFlow {
        CashFlow { date, amount }
    }

    /// The borrower's flows of a schedule: the principal received at
    /// disbursement, each installment (fees included) paid on its due date.
    ///
    /// # Errors
    /// [`Error::Overflow`] is not expected for a valid schedule.
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, CashFlow};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::ZERO, 4,
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// let flows = CashFlow::from_schedule(&s)?;
    /// assert_eq!(flows.len(), 5);
    /// assert_eq!(flows[0].amount, dec!(1000));
    /// assert_eq!(flows[1].amount, dec!(-250));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn from_schedule(schedule: &Schedule) -> Result<Vec<CashFlow>> {
        let mut flows = Vec::with_capacity(schedule.installments().len() + 1);
        flows.push(CashFlow::new(
            schedule.disbursement(),
            schedule.principal().as_decimal(),
        ));
        flows.extend(
            schedule
                .installments()
                .iter()
                .map(|i| CashFlow::new(i.due_date, -i.payment.as_decimal())),
        );
        Ok(flows)
    }
}

/// What the borrower pays in all: the sum of the negative flows, as a positive amount.
///
/// # Errors
/// [`Error::Overflow`].
///
/// ```
/// # use overdue::{Money, Rate, Schedule, CashFlow};
/// # use overdue::cost::total_paid;
/// # use overdue::NaiveDate; use overdue::dec;
/// let s = Schedule::equal_installment(Money::new(dec!(10000))?, Rate::annual(dec!(0.12))?, 12,
///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
/// assert_eq!(total_paid(&CashFlow::from_schedule(&s)?)?.to_string(), "10661.86");
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn total_paid(flows: &[CashFlow]) -> Result<Money> {
    let paid = flows
        .iter()
        .filter(|f| f.amount.is_sign_negative())
        .try_fold(Decimal::ZERO, |acc, f| crate::money::exact_sub(acc, f.amount))
        .ok_or_else(|| overflow("total paid"))?;
    Money::new(paid)
}

/// Total cost of credit: what is paid minus what is received (the amount
/// financed). Negative if the borrower gets back more than they pay.
///
/// # Errors
/// [`Error::Overflow`].
///
/// ```
/// # use overdue::{Money, Rate, Schedule, CashFlow};
/// # use overdue::cost::total_cost;
/// # use overdue::NaiveDate; use overdue::dec;
/// let s = Schedule::equal_installment(Money::new(dec!(10000))?, Rate::annual(dec!(0.12))?, 12,
///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
/// assert_eq!(total_cost(&CashFlow::from_schedule(&s)?)?, dec!(661.86));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn total_cost(flows: &[CashFlow]) -> Result<Decimal> {
    flows
        .iter()
        .try_fold(Decimal::ZERO, |acc, f| crate::money::exact_sub(acc, f.amount))
        .ok_or_else(|| overflow("total cost"))
}

/// The flows in date order, and the earliest date (the origin of time).
pub(crate) fn sorted_by_date(flows: &[CashFlow]) -> Result<(Vec<CashFlow>, NaiveDate)> {
    let mut sorted = flows.to_vec();
    sorted.sort_by_key(|f| f.date);
    let first = sorted
        .first()
        .ok_or(Error::NoRoot {
            reason: "there are no cash flows",
        })?
        .date;
    Ok((sorted, first))
}
