//! The terms of a new schedule for the arrears.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::Frequency;
use crate::rate::Rate;
use crate::schedule::{InterestBasis, Method};

/// The terms of a new schedule; its principal is what the restructure
/// capitalises, and it is disbursed on the restructure date.
///
/// ```
/// use overdue::{Method, restructure::NewTerms, Rate};
/// use overdue::dec;
/// let t = NewTerms::new(Rate::annual(dec!(0.12))?, 6).with_method(Method::EqualPrincipal);
/// assert_eq!(t.installments(), 6);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewTerms {
    rate: Rate,
    installments: u32,
    #[serde(default)]
    method: Method,
    #[serde(default)]
    frequency: Frequency,
    #[serde(default)]
    first_due: Option<NaiveDate>,
    #[serde(default)]
    basis: InterestBasis,
}

impl NewTerms {
    /// `installments` equal installments at `rate`, monthly, the first one
    /// period after the restructure date.
    ///
    /// ```
    /// use overdue::{restructure::NewTerms, Rate};
    /// use overdue::dec;
    /// assert_eq!(NewTerms::new(Rate::annual(dec!(0.1))?, 12).rate(), Rate::annual(dec!(0.1))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(rate: Rate, installments: u32) -> NewTerms {
        NewTerms {
            rate,
            installments,
            method: Method::default(),
            frequency: Frequency::default(),
            first_due: None,
            basis: InterestBasis::default(),
        }
    }

    /// Sets the method (default equal installment).
    ///
    /// ```
    /// use overdue::{Method, restructure::NewTerms, Rate};
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).with_method(Method::Bullet).method(), Method::Bullet);
    /// ```
    pub fn with_method(mut self, method: Method) -> NewTerms {
        self.method = method;
        self
    }

    /// Sets the number of installments (what
    /// [`Comparison::fit_to_budget`](crate::Comparison::fit_to_budget) varies).
    ///
    /// ```
    /// use overdue::{restructure::NewTerms, Rate};
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).with_installments(9).installments(), 9);
    /// ```
    pub fn with_installments(mut self, installments: u32) -> NewTerms {
        self.installments = installments;
        self
    }

    /// Sets the frequency (default monthly).
    ///
    /// ```
    /// use overdue::{Frequency, restructure::NewTerms, Rate};
    /// let t = NewTerms::new(Rate::ZERO, 3).with_frequency(Frequency::Biweekly);
    /// assert_eq!(t.frequency(), Frequency::Biweekly);
    /// ```
    pub fn with_frequency(mut self, frequency: Frequency) -> NewTerms {
        self.frequency = frequency;
        self
    }

    /// Sets the first due date (default one period after the restructure
    /// date); it must be after the restructure date.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{restructure::NewTerms, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).with_first_due(day).first_due(), Some(day));
    /// ```
    pub fn with_first_due(mut self, first_due: NaiveDate) -> NewTerms {
        self.first_due = Some(first_due);
        self
    }

    /// Sets the interest basis (default per period).
    ///
    /// ```
    /// use overdue::{DayCount, schedule::InterestBasis, restructure::NewTerms, Rate};
    /// let t = NewTerms::new(Rate::ZERO, 3).with_basis(InterestBasis::ActualDays(DayCount::Act365Fixed));
    /// assert_eq!(t.basis(), InterestBasis::ActualDays(DayCount::Act365Fixed));
    /// ```
    pub fn with_basis(mut self, basis: InterestBasis) -> NewTerms {
        self.basis = basis;
        self
    }

    /// The rate.
    ///
    /// ```
    /// # use overdue::Rate;
    /// # use overdue::restructure::NewTerms;
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).rate(), Rate::ZERO);
    /// ```
    pub fn rate(&self) -> Rate {
        self.rate
    }

    /// The number of installments.
    ///
    /// ```
    /// # use overdue::Rate;
    /// # use overdue::restructure::NewTerms;
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).installments(), 3);
    /// ```
    pub fn installments(&self) -> u32 {
        self.installments
    }

    /// The method.
    ///
    /// ```
    /// # use overdue::{Rate, Method};
    /// # use overdue::restructure::NewTerms;
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).method(), Method::EqualInstallment);
    /// ```
    pub fn method(&self) -> Method {
        self.method
    }

    /// The frequency.
    ///
    /// ```
    /// # use overdue::{Rate, Frequency};
    /// # use overdue::restructure::NewTerms;
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).frequency(), Frequency::Monthly);
    /// ```
    pub fn frequency(&self) -> Frequency {
        self.frequency
    }

    /// The first due date, if set.
    ///
    /// ```
    /// # use overdue::Rate;
    /// # use overdue::restructure::NewTerms;
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).first_due(), None);
    /// ```
    pub fn first_due(&self) -> Option<NaiveDate> {
        self.first_due
    }

    /// The interest basis.
    ///
    /// ```
    /// # use overdue::Rate;
    /// # use overdue::restructure::NewTerms;
    /// # use overdue::schedule::InterestBasis;
    /// assert_eq!(NewTerms::new(Rate::ZERO, 3).basis(), InterestBasis::PerPeriod);
    /// ```
    pub fn basis(&self) -> InterestBasis {
        self.basis
    }
}
