//! How a loan is repaid (the method) and how its interest is counted (the basis).

use serde::{Deserialize, Serialize};

use crate::calendar::DayCount;
use crate::rate::Rate;
use crate::serde_tagged::NoFields;

/// How a loan is repaid.
///
/// The default is [`Method::EqualInstallment`].
///
/// ```
/// use overdue::Method;
/// assert_eq!(Method::default(), Method::EqualInstallment);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[non_exhaustive]
pub enum Method {
    /// Equal installments, annuity (等额本息): a level payment
    /// `P·r / (1 − (1 + r)^−n)` rounded to the minor unit; each row's interest
    /// is `round(balance × r)`, its principal the payment less the interest;
    /// the last row pays the whole remaining balance and its interest. The default.
    #[default]
    EqualInstallment,
    /// Equal principal (等额本金): each row repays `round(P / n)` plus the
    /// interest on the balance; the last row takes the residual.
    EqualPrincipal,
    /// Interest only, principal as a balloon in the last installment (先息后本).
    InterestOnly,
    /// One payment at the end of the term: principal and all interest. The
    /// schedule has a single installment, due `installments` periods after the
    /// first due date's anchor (the term is given in periods).
    Bullet,
    /// Flat-fee installments (分期手续费): each installment repays `P / n`
    /// plus a fee of `P × f` per period on the original principal; `fee` is
    /// the quoted fee rate (usually monthly, e.g. 0.6 %/month). Interest, if
    /// the schedule's rate is not zero, is charged on the balance as well.
    FlatFee {
        /// The fee rate on the original principal.
        fee: Rate,
    },
}

/// How interest for a period is computed.
///
/// The default is [`InterestBasis::PerPeriod`].
///
/// ```
/// use overdue::{DayCount, schedule::InterestBasis};
/// let by_days = InterestBasis::ActualDays(DayCount::Act365Fixed);
/// assert_ne!(by_days, InterestBasis::default());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InterestBasis {
    /// Every period bears the periodic rate `annual / periods a year`,
    /// whatever its length. The default; what published tables use.
    #[default]
    PerPeriod,
    /// Each period bears interest for the days from the previous due date (the
    /// disbursement date for the first) to its due date under the day count:
    /// an odd first period gets broken-period interest. The level payment of
    /// an equal-installment schedule is still computed with the periodic
    /// rate; the last row absorbs the difference.
    ActualDays(DayCount),
}

impl InterestBasis {
    /// Whether it is the default, [`InterestBasis::PerPeriod`] (left out of
    /// a refinance's JSON).
    pub(crate) fn is_per_period(&self) -> bool {
        *self == InterestBasis::PerPeriod
    }
}

/// The fields of [`Method::FlatFee`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct FlatFeeFields {
    fee: Rate,
}

crate::serde_tagged::tagged!(Method, "a repayment method", {
    "equal_installment" => NoFields => |_| Method::EqualInstallment,
    "equal_principal" => NoFields => |_| Method::EqualPrincipal,
    "interest_only" => NoFields => |_| Method::InterestOnly,
    "bullet" => NoFields => |_| Method::Bullet,
    "flat_fee" => FlatFeeFields => |f| Method::FlatFee { fee: f.fee },
});
