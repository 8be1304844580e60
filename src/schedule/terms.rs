//! The terms of an installment loan, written once: a schedule's options, a
//! restructure's new schedule and a refinance each hold one.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{InterestBasis, Method};
use crate::calendar::Frequency;
use crate::rate::Rate;

/// The setters and getters of a loan's [`Terms`], for a type that holds
/// them as fields of the same names (`rate`, `installments`, `method`,
/// `frequency`, `first_due`, `basis`): written once, here.
macro_rules! terms_methods {
    ($ty:ident, $uses:literal, $new:literal) => {
        /// Sets the repayment method (default equal installment).
        ///
        /// ```
        #[doc = concat!("# use overdue::{", $uses, "};")]
        #[doc = concat!("let x = ", $new, ".with_method(overdue::Method::Bullet);")]
        /// assert_eq!(x.method(), overdue::Method::Bullet);
        /// ```
        pub fn with_method(mut self, method: $crate::schedule::Method) -> $ty {
            self.method = method;
            self
        }

        /// Sets the number of installments (the term in periods for a
        /// bullet; what
        /// [`Comparison::fit_to_budget`](crate::Comparison::fit_to_budget) varies).
        ///
        /// ```
        #[doc = concat!("# use overdue::{", $uses, "};")]
        #[doc = concat!("let x = ", $new, ".with_installments(9);")]
        /// assert_eq!(x.installments(), 9);
        /// ```
        pub fn with_installments(mut self, installments: u32) -> $ty {
            self.installments = installments;
            self
        }

        /// Sets the frequency (default monthly).
        ///
        /// ```
        #[doc = concat!("# use overdue::{", $uses, "};")]
        #[doc = concat!("let x = ", $new, ".with_frequency(overdue::Frequency::Biweekly);")]
        /// assert_eq!(x.frequency(), overdue::Frequency::Biweekly);
        /// ```
        pub fn with_frequency(mut self, frequency: $crate::calendar::Frequency) -> $ty {
            self.frequency = frequency;
            self
        }

        /// Sets the first due date (default one period after the loan
        /// starts); it must come after the loan starts, and later due
        /// dates are anchored on it.
        ///
        /// ```
        #[doc = concat!("# use overdue::{", $uses, "};")]
        /// let day = overdue::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        #[doc = concat!("let x = ", $new, ".with_first_due(day);")]
        /// # let _ = x;
        /// ```
        pub fn with_first_due(mut self, first_due: chrono::NaiveDate) -> $ty {
            self.first_due = Some(first_due);
            self
        }

        /// Sets how interest is counted (default per period; or by the
        /// actual days under a day count).
        ///
        /// ```
        #[doc = concat!("# use overdue::{", $uses, "};")]
        /// use overdue::{schedule::InterestBasis, DayCount};
        #[doc = concat!("let x = ", $new, ".with_basis(InterestBasis::ActualDays(DayCount::Act365Fixed));")]
        /// assert_eq!(x.basis(), InterestBasis::ActualDays(DayCount::Act365Fixed));
        /// ```
        pub fn with_basis(mut self, basis: $crate::schedule::InterestBasis) -> $ty {
            self.basis = basis;
            self
        }

        /// The contract rate.
        ///
        /// ```
        #[doc = concat!("# use overdue::{", $uses, "};")]
        #[doc = concat!("assert!(", $new, ".rate().is_zero());")]
        /// ```
        pub fn rate(&self) -> $crate::rate::Rate {
            self.rate
        }

        /// The number of installments.
        ///
        /// ```
        #[doc = concat!("# use overdue::{", $uses, "};")]
        #[doc = concat!("assert_eq!(", $new, ".installments(), 3);")]
        /// ```
        pub fn installments(&self) -> u32 {
            self.installments
        }

        /// The repayment method.
        ///
        /// ```
        #[doc = concat!("# use overdue::{", $uses, "};")]
        #[doc = concat!("assert_eq!(", $new, ".method(), overdue::Method::EqualInstallment);")]
        /// ```
        pub fn method(&self) -> $crate::schedule::Method {
            self.method
        }

        /// The frequency.
        ///
        /// ```
        #[doc = concat!("# use overdue::{", $uses, "};")]
        #[doc = concat!("assert_eq!(", $new, ".frequency(), overdue::Frequency::Monthly);")]
        /// ```
        pub fn frequency(&self) -> $crate::calendar::Frequency {
            self.frequency
        }

        /// The loan's terms as one value.
        ///
        /// ```
        #[doc = concat!("# use overdue::{", $uses, "};")]
        #[doc = concat!("assert_eq!(", $new, ".terms().installments(), 3);")]
        /// ```
        pub fn terms(&self) -> $crate::schedule::Terms {
            $crate::schedule::Terms {
                rate: self.rate,
                installments: self.installments,
                method: self.method,
                frequency: self.frequency,
                first_due: self.first_due,
                basis: self.basis,
            }
        }

        /// How interest is counted.
        ///
        /// ```
        #[doc = concat!("# use overdue::{", $uses, "};")]
        #[doc = concat!("assert_eq!(", $new, ".basis(), overdue::schedule::InterestBasis::PerPeriod);")]
        /// ```
        pub fn basis(&self) -> $crate::schedule::InterestBasis {
            self.basis
        }
    };
}
pub(crate) use terms_methods;

/// The terms of an installment loan: its rate, the number of installments,
/// the repayment method, the frequency, the first due date and the interest
/// basis. [`ScheduleOptions`](crate::ScheduleOptions) adds the principal
/// and the disbursement; a restructure's new schedule
/// ([`NewPlan::Schedule`](crate::restructure::NewPlan::Schedule)) and a
/// [`Refinance`](crate::compare::Refinance) take their principal from the
/// debt. The setters and getters below are the same on all three.
///
/// ```
/// use overdue::{dec, Method, Rate, schedule::Terms};
/// let t = Terms::new(Rate::annual(dec!(0.12))?, 6).with_method(Method::EqualPrincipal);
/// assert_eq!((t.installments(), t.method()), (6, Method::EqualPrincipal));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Terms {
    pub(crate) rate: Rate,
    pub(crate) installments: u32,
    #[serde(default)]
    pub(crate) method: Method,
    #[serde(default)]
    pub(crate) frequency: Frequency,
    #[serde(default)]
    pub(crate) first_due: Option<NaiveDate>,
    #[serde(default)]
    pub(crate) basis: InterestBasis,
}

impl Terms {
    /// `installments` equal installments at `rate`, monthly, the first one
    /// period after the loan starts, interest per period.
    ///
    /// ```
    /// use overdue::{schedule::Terms, Rate};
    /// use overdue::dec;
    /// assert_eq!(Terms::new(Rate::annual(dec!(0.1))?, 12).rate(), Rate::annual(dec!(0.1))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(rate: Rate, installments: u32) -> Terms {
        Terms {
            rate,
            installments,
            method: Method::default(),
            frequency: Frequency::default(),
            first_due: None,
            basis: InterestBasis::default(),
        }
    }

    /// The first due date, when one is set (by default one period after the
    /// loan starts).
    ///
    /// ```
    /// use overdue::{schedule::Terms, NaiveDate, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    /// assert_eq!(Terms::new(Rate::ZERO, 3).first_due(), None);
    /// assert_eq!(Terms::new(Rate::ZERO, 3).with_first_due(day).first_due(), Some(day));
    /// ```
    pub fn first_due(&self) -> Option<NaiveDate> {
        self.first_due
    }

    terms_methods!(Terms, "Rate, schedule::Terms", "Terms::new(Rate::ZERO, 3)");
}
