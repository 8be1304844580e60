//! How a lender books a loan: the basis, when interest is recognised, the
//! non-accrual rule, and the chart of accounts.

use serde::{Deserialize, Serialize};

use crate::books::accounts::ChartOfAccounts;

/// When income is recognised.
///
/// ```
/// assert_eq!(overdue::books::Basis::default(), overdue::books::Basis::Accrual);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Basis {
    /// As charged: interest, penalties and fees are income when they are
    /// charged to the borrower (and, by [`InterestRecognition`], contract
    /// interest as it is earned). The default.
    #[default]
    Accrual,
    /// As received: interest, penalties and fees charged are held off the
    /// balance sheet and are income when paid.
    Cash,
}

/// When contract interest is recognised on the accrual basis.
///
/// ```
/// assert_eq!(overdue::books::InterestRecognition::default(), overdue::books::InterestRecognition::WhenDue);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InterestRecognition {
    /// When it falls due (or is posted). The default.
    #[default]
    WhenDue,
    /// Day by day as it is earned, into accrued interest not yet due, moved
    /// to the receivable when it falls due.
    Daily,
}

/// What happens to income once a loan is on non-accrual (非应计).
///
/// ```
/// assert_eq!(overdue::books::NonAccrual::default(), overdue::books::NonAccrual::Reverse);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NonAccrual {
    /// Interest, penalties and fees accrued and unpaid are reversed out of
    /// income into suspense; the receivable stays; later charges go to
    /// suspense; payments release it to income (the US practice). The
    /// default.
    #[default]
    Reverse,
    /// Accrued and unpaid income is reversed and the receivable moved off
    /// the balance sheet to memorandum accounts, as are later charges;
    /// payments are income when received (表外核算, the Chinese practice).
    OffBalance,
}

/// How a loan is booked: the [`Basis`], the [`InterestRecognition`], the
/// days past due from which it is on non-accrual and its [`NonAccrual`]
/// treatment, and the [`ChartOfAccounts`]. Charge-off follows the ledger's
/// own policy ([`OverduePolicy::charge_off_after`](crate::OverduePolicy::charge_off_after)).
///
/// Defaults: accrual basis, interest when due, non-accrual from 90 days
/// past due until the loan is current again, reversed into suspense, the
/// default chart.
///
/// ```
/// use overdue::{books::Basis, books::BookingPolicy, books::InterestRecognition, books::NonAccrual};
/// let p = BookingPolicy::new()
///     .with_interest(InterestRecognition::Daily)
///     .with_non_accrual_after(Some(90), NonAccrual::OffBalance);
/// assert_eq!(p.basis(), Basis::Accrual);
/// assert_eq!(p.non_accrual_after(), Some(90));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BookingPolicy {
    #[serde(default)]
    basis: Basis,
    #[serde(default)]
    interest: InterestRecognition,
    #[serde(default = "ninety")]
    non_accrual_after: Option<u32>,
    #[serde(default)]
    non_accrual: NonAccrual,
    #[serde(default)]
    chart: ChartOfAccounts,
}

/// The default non-accrual threshold.
fn ninety() -> Option<u32> {
    Some(90)
}

impl Default for BookingPolicy {
    fn default() -> BookingPolicy {
        BookingPolicy::new()
    }
}

impl BookingPolicy {
    /// The defaults.
    ///
    /// ```
    /// assert_eq!(overdue::books::BookingPolicy::new(), overdue::books::BookingPolicy::default());
    /// ```
    pub fn new() -> BookingPolicy {
        BookingPolicy {
            basis: Basis::Accrual,
            interest: InterestRecognition::WhenDue,
            non_accrual_after: ninety(),
            non_accrual: NonAccrual::Reverse,
            chart: ChartOfAccounts::default(),
        }
    }

    /// Sets the basis.
    ///
    /// ```
    /// let p = overdue::books::BookingPolicy::new().with_basis(overdue::books::Basis::Cash);
    /// assert_eq!(p.basis(), overdue::books::Basis::Cash);
    /// ```
    #[must_use]
    pub fn with_basis(mut self, basis: Basis) -> BookingPolicy {
        self.basis = basis;
        self
    }

    /// Sets when contract interest is recognised.
    ///
    /// ```
    /// use overdue::{books::BookingPolicy, books::InterestRecognition};
    /// assert_eq!(BookingPolicy::new().with_interest(InterestRecognition::Daily).interest(), InterestRecognition::Daily);
    /// ```
    #[must_use]
    pub fn with_interest(mut self, interest: InterestRecognition) -> BookingPolicy {
        self.interest = interest;
        self
    }

    /// Sets the days past due from which the loan is on non-accrual (`None`:
    /// never), and what happens to its income then.
    ///
    /// ```
    /// use overdue::{books::BookingPolicy, books::NonAccrual};
    /// let p = BookingPolicy::new().with_non_accrual_after(None, NonAccrual::Reverse);
    /// assert_eq!(p.non_accrual_after(), None);
    /// ```
    #[must_use]
    pub fn with_non_accrual_after(mut self, days: Option<u32>, treatment: NonAccrual) -> BookingPolicy {
        self.non_accrual_after = days;
        self.non_accrual = treatment;
        self
    }

    /// Sets the chart of accounts.
    ///
    /// ```
    /// use overdue::{books::Account, books::BookingPolicy, books::ChartOfAccounts};
    /// let p = BookingPolicy::new().with_chart(ChartOfAccounts::default().with_name(Account::Cash, "1002"));
    /// assert_eq!(p.chart().name_of(Account::Cash), "1002");
    /// ```
    #[must_use]
    pub fn with_chart(mut self, chart: ChartOfAccounts) -> BookingPolicy {
        self.chart = chart;
        self
    }

    /// The basis.
    ///
    /// ```
    /// assert_eq!(overdue::books::BookingPolicy::new().basis(), overdue::books::Basis::Accrual);
    /// ```
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// When contract interest is recognised.
    ///
    /// ```
    /// use overdue::{books::BookingPolicy, books::InterestRecognition};
    /// assert_eq!(BookingPolicy::new().interest(), InterestRecognition::WhenDue);
    /// ```
    pub fn interest(&self) -> InterestRecognition {
        self.interest
    }

    /// The non-accrual threshold in days past due.
    ///
    /// ```
    /// assert_eq!(overdue::books::BookingPolicy::new().non_accrual_after(), Some(90));
    /// ```
    pub fn non_accrual_after(&self) -> Option<u32> {
        self.non_accrual_after
    }

    /// The non-accrual treatment.
    ///
    /// ```
    /// assert_eq!(overdue::books::BookingPolicy::new().non_accrual(), overdue::books::NonAccrual::Reverse);
    /// ```
    pub fn non_accrual(&self) -> NonAccrual {
        self.non_accrual
    }

    /// The chart of accounts.
    ///
    /// ```
    /// assert_eq!(overdue::books::BookingPolicy::new().chart(), &overdue::books::ChartOfAccounts::default());
    /// ```
    pub fn chart(&self) -> &ChartOfAccounts {
        &self.chart
    }
}
