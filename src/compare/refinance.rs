//! Refinance: a new loan (from family, a private lender or another
//! institution) pays today's payoff; then its installments.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::owed::Today;
use super::path::{Context, Path, Payments};
use crate::calendar::Frequency;
use crate::error::{overflow, Error, Result};
use crate::limits::{LenderKind, Warning};
use crate::money::Money;
use crate::rate::Rate;
use crate::restructure::PlanFee;
use crate::schedule::{terms_methods, InterestBasis, Method, Schedule, ScheduleOptions};

/// How an upfront fee is paid: deducted from what is lent (the borrower
/// receives less, so the principal is grossed up to still pay the payoff),
/// or added to the principal. The default is [`FeePayment::Added`].
///
/// ```
/// use overdue::compare::FeePayment;
/// assert_eq!(FeePayment::default(), FeePayment::Added);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum FeePayment {
    /// Added to the principal. The default.
    #[default]
    Added,
    /// Deducted from what is lent.
    Deducted,
}

/// A new loan that pays today's payoff amount.
///
/// Its principal is the payoff plus an upfront fee that is added, or grossed
/// up so that what is left after a deducted fee is exactly the payoff (a
/// share is then `principal − payoff`, rounded up to the minor unit).
///
/// ```
/// use overdue::{compare::FeePayment, limits::LenderKind, Method, restructure::PlanFee, Rate, Ratio, compare::Refinance};
/// use overdue::dec;
/// let small_loan = Refinance::new(LenderKind::LicensedInstitution, Rate::annual(dec!(0.15))?, 12)
///     .with_upfront_fee(PlanFee::Share(Ratio::new(dec!(0.02))?), FeePayment::Deducted);
/// let family = Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 6).with_method(Method::EqualPrincipal);
/// assert_ne!(small_loan, family);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Refinance {
    pub(super) lender: LenderKind,
    pub(super) rate: Rate,
    pub(super) installments: u32,
    #[serde(default)]
    pub(super) method: Method,
    #[serde(default)]
    pub(super) frequency: Frequency,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) first_due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "InterestBasis::is_per_period")]
    pub(super) basis: InterestBasis,
    #[serde(default)]
    pub(super) upfront_fee: Option<PlanFee>,
    #[serde(default)]
    pub(super) fee_deducted: bool,
    #[serde(default)]
    pub(super) recurring_fee: Option<Money>,
}

impl Refinance {
    /// A loan from `lender` at `rate` in `installments` equal monthly installments.
    ///
    /// ```
    /// use overdue::{limits::LenderKind, Rate, compare::Refinance};
    /// let r = Refinance::new(LenderKind::PrivateLender, Rate::ZERO, 3);
    /// assert_eq!(r.lender(), LenderKind::PrivateLender);
    /// ```
    pub fn new(lender: LenderKind, rate: Rate, installments: u32) -> Refinance {
        Refinance {
            lender,
            rate,
            installments,
            method: Method::default(),
            frequency: Frequency::default(),
            first_due: None,
            basis: InterestBasis::default(),
            upfront_fee: None,
            fee_deducted: false,
            recurring_fee: None,
        }
    }

    /// Sets an upfront fee, deducted from what is lent or added to it.
    ///
    /// ```
    /// use overdue::{compare::FeePayment, limits::LenderKind, Money, restructure::PlanFee, Rate, compare::Refinance};
    /// let r = Refinance::new(LenderKind::PrivateLender, Rate::ZERO, 6)
    ///     .with_upfront_fee(PlanFee::Flat(Money::ZERO), FeePayment::Added);
    /// assert_eq!(r.upfront_fee(), Some((PlanFee::Flat(Money::ZERO), FeePayment::Added)));
    /// ```
    pub fn with_upfront_fee(mut self, fee: PlanFee, payment: FeePayment) -> Refinance {
        self.upfront_fee = Some(fee);
        self.fee_deducted = payment == FeePayment::Deducted;
        self
    }

    /// The upfront fee and how it is paid, if there is one.
    ///
    /// ```
    /// use overdue::{limits::LenderKind, Rate, compare::Refinance};
    /// assert_eq!(Refinance::new(LenderKind::PrivateLender, Rate::ZERO, 6).upfront_fee(), None);
    /// ```
    pub fn upfront_fee(&self) -> Option<(PlanFee, FeePayment)> {
        let payment = if self.fee_deducted {
            FeePayment::Deducted
        } else {
            FeePayment::Added
        };
        self.upfront_fee.map(|fee| (fee, payment))
    }

    /// Sets a fee paid with every installment.
    ///
    /// ```
    /// use overdue::{limits::LenderKind, Money, Rate, compare::Refinance};
    /// use overdue::dec;
    /// let r = Refinance::new(LenderKind::LicensedInstitution, Rate::ZERO, 6).with_recurring_fee(Money::new(dec!(5))?);
    /// # let _ = r;
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_recurring_fee(mut self, fee: Money) -> Refinance {
        self.recurring_fee = Some(fee);
        self
    }

    /// The lender.
    ///
    /// ```
    /// use overdue::{limits::LenderKind, Rate, compare::Refinance};
    /// assert_eq!(Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 6).lender(), LenderKind::FamilyOrFriends);
    /// ```
    pub fn lender(&self) -> LenderKind {
        self.lender
    }

    /// The recurring fee per installment, if any.
    ///
    /// ```
    /// use overdue::{limits::LenderKind, Rate, compare::Refinance};
    /// assert_eq!(Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 6).recurring_fee(), None);
    /// ```
    pub fn recurring_fee(&self) -> Option<Money> {
        self.recurring_fee
    }

    /// The first due date, when one is set (by default one period after the
    /// refinance).
    ///
    /// ```
    /// use overdue::{compare::Refinance, limits::LenderKind, Rate};
    /// assert_eq!(Refinance::new(LenderKind::PrivateLender, Rate::ZERO, 6).first_due(), None);
    /// ```
    pub fn first_due(&self) -> Option<NaiveDate> {
        self.first_due
    }

    terms_methods!(
        Refinance,
        "compare::Refinance, limits::LenderKind, Rate",
        "Refinance::new(LenderKind::PrivateLender, Rate::ZERO, 3)"
    );

    /// The new loan's schedule when it pays `payoff` on `day`: its principal
    /// is the payoff plus an added fee, or grossed up for a deducted one.
    pub(crate) fn schedule(&self, payoff: Money, day: NaiveDate, rounding: crate::money::Rounding) -> Result<Schedule> {
        let principal = refinance_principal(self, payoff, rounding.scale())?;
        Schedule::build(&ScheduleOptions::on_terms(principal, self.terms(), day).with_rounding(rounding))
    }
}

/// The principal of a refinance loan: the payoff plus an added fee, or grossed
/// up so that what is left after a deducted fee is exactly the payoff.
pub(super) fn refinance_principal(r: &Refinance, payoff: Money, scale: u32) -> Result<Money> {
    match (r.upfront_fee, r.fee_deducted) {
        (None, _) => Ok(payoff),
        (Some(PlanFee::Flat(fee)), _) => payoff.checked_add(fee),
        (Some(PlanFee::Share(share)), false) => {
            let fee = payoff
                .as_decimal()
                .checked_mul(share.as_decimal())
                .ok_or_else(|| overflow("refinance fee"))?;
            payoff.checked_add(Money::new(fee.round_dp(scale))?)
        }
        (Some(PlanFee::Share(share)), true) => {
            let keep = Decimal::ONE
                .checked_sub(share.as_decimal())
                .ok_or_else(|| overflow("refinance fee share"))?;
            if keep <= Decimal::ZERO {
                return Err(Error::Invalid {
                    field: "refinance fee",
                    reason: format!("a deducted fee of {share} leaves nothing to lend"),
                });
            }
            let principal = payoff
                .as_decimal()
                .checked_div(keep)
                .ok_or_else(|| overflow("refinance principal"))?
                .round_dp_with_strategy(scale, rust_decimal::RoundingStrategy::AwayFromZero);
            Money::new(principal)
        }
    }
}

impl Context<'_> {
    /// A new loan that pays today's payoff: its installments and recurring fees.
    pub(super) fn refinance_path(&self, r: &Refinance, today: &Today) -> Result<Path> {
        let rounding = self.owed.new_loan_rounding();
        let schedule = r.schedule(today.payoff(), self.as_of, rounding)?;
        let fee = r.recurring_fee.unwrap_or(Money::ZERO);
        let payments = schedule
            .installments()
            .iter()
            .map(|row| Ok((row.due_date, row.payment.checked_add(fee)?)))
            .collect::<Result<Payments>>()?;
        let mut warnings = Vec::new();
        if r.lender != LenderKind::LicensedInstitution {
            warnings.push(Warning::LenderRisk { lender: r.lender });
        }
        Ok(Path {
            payments,
            highest_dpd: today.days_past_due(),
            settled_on: self.as_of,
            cured_on: self.as_of,
            contract: (self.as_of, r.lender),
            to_lender: None,
            warnings,
        })
    }
}
