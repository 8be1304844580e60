//! The ways out of a card: pay it in full, pay the minimum only, pay a
//! fixed amount a month, convert the bill into an installment plan
//! (账单分期), or move the debt to another card at a promotional rate (a
//! balance transfer, open to a loan as well).

use serde::{Deserialize, Serialize};

use super::owed::Today;
use super::path::{Context, Path};
use crate::error::{Error, Result};
use crate::limits::{LenderKind, Warning};
use crate::revolving::{Card, CardEvent, CardTerms, PlanCharge, Repayment, Walk, MAX_PROJECTION_MONTHS};

/// A balance transfer: a new card takes over today's payoff as a balance
/// transfer (its own transfer fee and promotional rate, from
/// [`CardTerms`]), then is repaid as `repayment` says.
///
/// ```
/// use overdue::compare::BalanceTransfer;
/// use overdue::revolving::{CardTerms, Promotion, Repayment, ShareFee};
/// use overdue::{dec, Money, NaiveDate, Rate};
/// let terms = CardTerms::new(Money::new(dec!(20000))?, 5, Rate::annual(dec!(0.24))?)?
///     .with_promotion(Promotion::new(Rate::ZERO, NaiveDate::from_ymd_opt(2027, 6, 30).unwrap()))
///     .with_transfer_fee(ShareFee::new(dec!(0.03), Money::ZERO)?);
/// let transfer = BalanceTransfer::new(terms, Repayment::Monthly(Money::new(dec!(800))?));
/// assert_eq!(transfer.repayment(), Repayment::Monthly(Money::new(dec!(800))?));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BalanceTransfer {
    pub(super) terms: CardTerms,
    pub(super) repayment: Repayment,
    #[serde(default)]
    pub(super) lender: LenderKind,
}

impl BalanceTransfer {
    /// A transfer to a card on `terms` from a licensed institution, repaid
    /// as `repayment` says.
    ///
    /// ```
    /// use overdue::{compare::BalanceTransfer, revolving::{CardTerms, Repayment}, Money, Rate};
    /// let t = BalanceTransfer::new(CardTerms::new(Money::ONE, 5, Rate::ZERO)?, Repayment::InFull);
    /// assert_eq!(t.terms().statement_day(), 5);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(terms: CardTerms, repayment: Repayment) -> BalanceTransfer {
        BalanceTransfer {
            terms,
            repayment,
            lender: LenderKind::default(),
        }
    }

    /// Sets who issues the new card.
    ///
    /// ```
    /// use overdue::{compare::BalanceTransfer, limits::LenderKind, revolving::{CardTerms, Repayment}, Money, Rate};
    /// let t = BalanceTransfer::new(CardTerms::new(Money::ONE, 5, Rate::ZERO)?, Repayment::InFull)
    ///     .with_lender(LenderKind::PrivateLender);
    /// assert_eq!(t.lender(), LenderKind::PrivateLender);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_lender(mut self, lender: LenderKind) -> BalanceTransfer {
        self.lender = lender;
        self
    }

    /// The new card's terms.
    ///
    /// ```
    /// use overdue::{compare::BalanceTransfer, revolving::{CardTerms, Repayment}, Money, Rate};
    /// let t = BalanceTransfer::new(CardTerms::new(Money::ONE, 5, Rate::ZERO)?, Repayment::InFull);
    /// assert_eq!(t.terms().limit(), Money::ONE);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn terms(&self) -> &CardTerms {
        &self.terms
    }

    /// How the new card is repaid.
    ///
    /// ```
    /// use overdue::{compare::BalanceTransfer, revolving::{CardTerms, Repayment}, Money, Rate};
    /// let t = BalanceTransfer::new(CardTerms::new(Money::ONE, 5, Rate::ZERO)?, Repayment::MinimumOnly);
    /// assert_eq!(t.repayment(), Repayment::MinimumOnly);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn repayment(&self) -> Repayment {
        self.repayment
    }

    /// Who issues the new card.
    ///
    /// ```
    /// use overdue::{compare::BalanceTransfer, limits::LenderKind, revolving::{CardTerms, Repayment}, Money, Rate};
    /// let t = BalanceTransfer::new(CardTerms::new(Money::ONE, 5, Rate::ZERO)?, Repayment::InFull);
    /// assert_eq!(t.lender(), LenderKind::LicensedInstitution);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn lender(&self) -> LenderKind {
        self.lender
    }
}

/// The id the comparison's installment plan is recorded under on the card.
const PLAN_ID: &str = "comparison installment plan";

impl Context<'_> {
    /// The card repaid as `repayment` says from the comparison date.
    pub(super) fn repayment_path(&self, repayment: Repayment, today: &Today, what: &str) -> Result<Path> {
        let (card, _) = self.owed.card(today, what)?;
        self.walked(card.walk(self.as_of, repayment)?)
    }

    /// The billed purchases converted into an installment plan on the
    /// comparison date (the day after, when a statement is cut that day: a
    /// statement is cut at the day's end), then the minimum (each period
    /// with it) paid on each due date.
    pub(super) fn card_plan_path(&self, periods: u32, charge: PlanCharge, today: &Today) -> Result<Path> {
        let (card, st) = self.owed.card(today, "a card installment plan")?;
        if st.convertible.is_zero() {
            return Err(Error::Invalid {
                field: "way",
                reason: format!(
                    "nothing billed on {} is left for an installment plan to convert",
                    self.as_of
                ),
            });
        }
        let mut id = PLAN_ID.to_owned();
        while card.events().iter().any(|e| e.id() == id) {
            id.push('\'');
        }
        let cut_today = st.cycles.last().is_some_and(|c| c.statement_date == self.as_of);
        let day = if cut_today {
            self.as_of.succ_opt().ok_or(Error::DateOutOfRange {
                operation: "the installment plan's date",
            })?
        } else {
            self.as_of
        };
        let planned = card.clone().with_event(CardEvent::InstallmentPlan {
            id,
            date: day,
            amount: st.convertible,
            periods,
            charge,
        });
        self.walked(planned.walk(day, Repayment::MinimumOnly)?)
    }

    /// Today's payoff moved to a new card, then that card repaid.
    pub(super) fn balance_transfer_path(&self, transfer: &BalanceTransfer, today: &Today) -> Result<Path> {
        let new_card = Card::new(self.as_of, transfer.terms.clone()).with_event(CardEvent::BalanceTransfer {
            id: "balance transfer".to_owned(),
            date: self.as_of,
            amount: today.payoff(),
        });
        let walk = new_card.walk(self.as_of, transfer.repayment)?;
        never_repaid(&walk)?;
        let mut warnings = Vec::new();
        if transfer.lender != LenderKind::LicensedInstitution {
            warnings.push(Warning::LenderRisk {
                lender: transfer.lender,
            });
        }
        Ok(Path {
            payments: walk.payments,
            highest_dpd: today.days_past_due(),
            settled_on: self.as_of,
            cured_on: self.as_of,
            contract: (self.as_of, transfer.lender),
            to_lender: None,
            warnings,
        })
    }

    /// A repayment of this card carried forward, as a path.
    fn walked(&self, walk: Walk) -> Result<Path> {
        let paid_off = never_repaid(&walk)?;
        Ok(Path {
            cured_on: walk.current_again.unwrap_or(paid_off),
            ..self.on_this_debt(walk.payments, walk.highest_days_past_due, paid_off)
        })
    }
}

/// The day `walk` repays the card, or an error when it never does.
fn never_repaid(walk: &Walk) -> Result<chrono::NaiveDate> {
    walk.paid_off_on.ok_or_else(|| Error::Invalid {
        field: "way",
        reason: format!("these payments do not repay the card within {MAX_PROJECTION_MONTHS} months"),
    })
}
