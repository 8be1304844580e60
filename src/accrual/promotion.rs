//! Promotions (优惠活动): a lender's offer with a condition and an effect,
//! applied by the ledger on the day the condition is met, and only then.
//!
//! A promotion is an event of the ledger, dated the day it is offered. From
//! that day the replay watches the borrower's payments; on the day a
//! payment meets the condition, the effect is booked (a waiver, a rate
//! discount or a credit). Because a reversed payment is replayed as never
//! received, a reversal that breaks the condition undoes the effect: the
//! ledger read after the reversal never met it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::accrual::event::Event;
use crate::accrual::ledger::Ledger;
use crate::error::{Error, Result};
use crate::money::Money;
use crate::ratio::Ratio;

/// What the borrower must do for a promotion.
///
/// ```
/// use overdue::accrual::PromotionCondition;
/// let c: PromotionCondition = serde_json::from_str(r#"{"kind": "pay_overdue", "by": "2026-04-10"}"#).unwrap();
/// assert!(matches!(c, PromotionCondition::PayOverdue { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[non_exhaustive]
pub enum PromotionCondition {
    /// Pay at least `amount` in all from the day of the offer to `by`
    /// (both included): met on the day the payments reach it.
    PayAtLeast {
        /// The least the payments must add up to.
        amount: Money,
        /// The last day that counts.
        by: NaiveDate,
    },
    /// Pay what is overdue by `by`: met on the day of the payment after
    /// which every installment due before that day has its principal,
    /// interest and scheduled fee paid (within the policy's tolerance): the
    /// loan is no longer past due. Its penalty and
    /// late fees need not be paid: they are what such a promotion usually
    /// waives ("repay by the 10th and the penalty is waived").
    PayOverdue {
        /// The last day that counts.
        by: NaiveDate,
    },
    /// Pay the next `installments` installments on time, from the first
    /// due on or after the offer: met on the day of the payment that
    /// completes the last of them, if none of them was ever late.
    OnTime {
        /// How many installments.
        installments: u32,
    },
}

/// What a promotion gives when its condition is met, on that day.
///
/// ```
/// use overdue::accrual::PromotionEffect;
/// let e: PromotionEffect = serde_json::from_str(r#"{"kind": "waive_penalty"}"#).unwrap();
/// assert_eq!(e, PromotionEffect::WaivePenalty);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[non_exhaustive]
pub enum PromotionEffect {
    /// The penalty and compound interest owed that day are waived (罚息减免).
    WaivePenalty,
    /// The late fees owed that day are waived (scheduled fees are not late fees).
    WaiveFees,
    /// This share of each installment's interest still owed that day,
    /// fallen due or scheduled, is waived (rounded down to the minor unit,
    /// installment by installment).
    WaiveInterest {
        /// The share waived (0.5: half).
        share: Ratio,
    },
    /// The contract rate cut by a share on the next installments to fall
    /// due (利率折扣): each one's scheduled interest falls by that share.
    /// Not for a loan on daily interest, whose interest is not known
    /// before it accrues.
    RateDiscount {
        /// The share of the rate taken off (0.3: 30 % off).
        share: Ratio,
        /// How many installments, from the first due after the day it is met.
        periods: u32,
    },
    /// A credit from the lender (还款券) that takes this much off what is
    /// owed that day, as a waiver does: penalty, compound interest, fees,
    /// interest, then principal, each oldest installment first. A credit
    /// beyond what is owed is not paid out.
    Credit {
        /// The credit.
        amount: Money,
    },
}

/// A lender's promotion: a condition, an effect, and the day it is offered.
///
/// ```
/// use overdue::NaiveDate;
/// use overdue::accrual::{Promotion, PromotionCondition, PromotionEffect};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let p = Promotion::new(
///     "repay by 04-10, penalty waived",
///     d(2026, 3, 20),
///     PromotionCondition::PayOverdue { by: d(2026, 4, 10) },
///     PromotionEffect::WaivePenalty,
/// );
/// assert_eq!(p.offered(), d(2026, 3, 20));
/// assert_eq!(p.label(), "repay by 04-10, penalty waived");
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Promotion {
    label: String,
    offered: NaiveDate,
    condition: PromotionCondition,
    effect: PromotionEffect,
}

impl Promotion {
    /// A promotion called `label`, offered on `offered`.
    ///
    /// ```
    /// # use overdue::{Money, NaiveDate};
    /// # use overdue::accrual::{Promotion, PromotionCondition, PromotionEffect};
    /// let p = Promotion::new("3 on time", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    ///     PromotionCondition::OnTime { installments: 3 }, PromotionEffect::Credit { amount: Money::ONE });
    /// assert_eq!(p.effect(), &PromotionEffect::Credit { amount: Money::ONE });
    /// ```
    pub fn new(
        label: impl Into<String>,
        offered: NaiveDate,
        condition: PromotionCondition,
        effect: PromotionEffect,
    ) -> Promotion {
        Promotion {
            label: label.into(),
            offered,
            condition,
            effect,
        }
    }

    /// Its name, which a statement and a comparison use.
    ///
    /// ```
    /// # use overdue::NaiveDate;
    /// # use overdue::accrual::{Promotion, PromotionCondition, PromotionEffect};
    /// # let p = Promotion::new("coupon", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), PromotionCondition::OnTime { installments: 1 }, PromotionEffect::WaiveFees);
    /// assert_eq!(p.label(), "coupon");
    /// ```
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The day it is offered: payments from this day count.
    ///
    /// ```
    /// # use overdue::NaiveDate;
    /// # use overdue::accrual::{Promotion, PromotionCondition, PromotionEffect};
    /// # let p = Promotion::new("coupon", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), PromotionCondition::OnTime { installments: 1 }, PromotionEffect::WaiveFees);
    /// assert_eq!(p.offered(), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// ```
    pub fn offered(&self) -> NaiveDate {
        self.offered
    }

    /// What the borrower must do.
    ///
    /// ```
    /// # use overdue::NaiveDate;
    /// # use overdue::accrual::{Promotion, PromotionCondition, PromotionEffect};
    /// # let p = Promotion::new("coupon", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), PromotionCondition::OnTime { installments: 1 }, PromotionEffect::WaiveFees);
    /// assert_eq!(p.condition(), &PromotionCondition::OnTime { installments: 1 });
    /// ```
    pub fn condition(&self) -> &PromotionCondition {
        &self.condition
    }

    /// What it gives.
    ///
    /// ```
    /// # use overdue::NaiveDate;
    /// # use overdue::accrual::{Promotion, PromotionCondition, PromotionEffect};
    /// # let p = Promotion::new("coupon", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), PromotionCondition::OnTime { installments: 1 }, PromotionEffect::WaiveFees);
    /// assert_eq!(p.effect(), &PromotionEffect::WaiveFees);
    /// ```
    pub fn effect(&self) -> &PromotionEffect {
        &self.effect
    }

    /// The last day the condition can be met on, if it has one.
    pub(crate) fn by(&self) -> Option<NaiveDate> {
        match self.condition {
            PromotionCondition::PayAtLeast { by, .. } | PromotionCondition::PayOverdue { by } => Some(by),
            PromotionCondition::OnTime { .. } => None,
        }
    }

    /// Refuses what cannot be applied: an empty label, a deadline before the
    /// offer, no installments, an amount or share not above zero, a share of
    /// a rate above one.
    pub(crate) fn check(&self) -> Result<()> {
        let invalid = |reason: String| {
            Err(Error::Invalid {
                field: "promotion",
                reason,
            })
        };
        if self.label.trim().is_empty() {
            return invalid("a promotion needs a label".into());
        }
        if let Some(by) = self.by().filter(|by| *by < self.offered) {
            return invalid(format!(
                "it must be met by {by}, before it is offered ({})",
                self.offered
            ));
        }
        match &self.condition {
            PromotionCondition::PayAtLeast { amount, .. } if amount.as_decimal() <= rust_decimal::Decimal::ZERO => {
                return invalid(format!("the amount to pay ({amount}) is not above zero"));
            }
            PromotionCondition::OnTime { installments: 0 } => {
                return invalid("it asks for no installments on time".into());
            }
            _ => {}
        }
        match &self.effect {
            PromotionEffect::WaiveInterest { share } | PromotionEffect::RateDiscount { share, .. }
                if share.is_zero() || share.as_decimal() > rust_decimal::Decimal::ONE =>
            {
                invalid(format!("the share {share} is not above zero and at most one"))
            }
            PromotionEffect::RateDiscount { periods: 0, .. } => invalid("a rate discount for no periods".into()),
            PromotionEffect::Credit { amount: m } if m.as_decimal() <= rust_decimal::Decimal::ZERO => {
                invalid(format!("the credit ({m}) is not above zero"))
            }
            _ => Ok(()),
        }
    }
}

impl Ledger {
    /// Records a promotion offered to the borrower: from its date, the
    /// ledger watches the payments, and on the day one meets its condition
    /// it books its effect (see [`Promotion`]); each statement lists where
    /// it stands ([`Statement::promotions`](crate::Statement::promotions)).
    ///
    /// # Errors
    /// [`Error::Invalid`] for a promotion that cannot be applied (an empty
    /// label or one another promotion has, a deadline before the offer, no
    /// installments, an amount or share not above zero, a share above one,
    /// a rate discount on daily interest); [`Error::NotInMinorUnits`]; as
    /// [`Ledger::record`].
    ///
    /// ```
    /// use overdue::{dec, Ledger, Money, NaiveDate, OverduePolicy, Payment, Rate, Schedule};
    /// use overdue::accrual::{PenaltyRate, Promotion, PromotionCondition, PromotionEffect, PromotionState};
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 3, d(2026, 1, 15))?;
    /// let policy = OverduePolicy::new().with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.001))?));
    /// let mut ledger = Ledger::new(plan, policy)?;
    /// ledger.offer(Promotion::new("clear it by 03-31, penalty off", d(2026, 3, 1),
    ///     PromotionCondition::PayOverdue { by: d(2026, 3, 31) }, PromotionEffect::WaivePenalty))?;
    /// let owed = ledger.statement(d(2026, 3, 20))?;   // 02-15 and 03-15 late: 800, and 13.20 + 2.00 penalty
    /// assert_eq!(owed.outstanding.penalty_interest, Money::new(dec!(15.20))?);
    /// ledger.pay(Payment::new("p1", d(2026, 3, 20), Money::new(dec!(800))?)?)?;
    /// let after = ledger.statement(d(2026, 3, 20))?;
    /// assert_eq!(after.promotions[0].state, PromotionState::Met);
    /// assert_eq!(after.promotions[0].gave, Money::new(dec!(15.20))?); // the penalty is waived
    /// assert_eq!((after.days_past_due, after.payoff), (0, Money::new(dec!(400))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn offer(&mut self, promotion: Promotion) -> Result<()> {
        self.record(Event::Promotion(promotion))
    }

    /// A promotion must be one that can be applied ([`Promotion::check`]),
    /// its amounts in minor units, a rate discount not on daily interest,
    /// and its label not another promotion's.
    pub(super) fn check_promotion(&self, p: &crate::accrual::Promotion) -> Result<()> {
        p.check()?;
        if let PromotionCondition::PayAtLeast { amount, .. } = p.condition() {
            amount.to_minor("promotion amount", self.terms.scale())?;
        }
        match p.effect() {
            PromotionEffect::Credit { amount } => {
                amount.to_minor("promotion credit", self.terms.scale())?;
            }
            PromotionEffect::RateDiscount { .. }
                if matches!(
                    self.schedule.options().interest(),
                    crate::schedule::InterestModel::DailyOnBalance { .. }
                ) =>
            {
                return Err(Error::Invalid {
                    field: "promotion",
                    reason: "a rate discount needs scheduled interest: daily interest is not known before it accrues"
                        .into(),
                });
            }
            _ => {}
        }
        let taken = self
            .events
            .iter()
            .any(|e| matches!(e, Event::Promotion(q) if q.label() == p.label()));
        if taken {
            return Err(Error::Invalid {
                field: "promotion",
                reason: format!("a promotion is already called {:?}", p.label()),
            });
        }
        Ok(())
    }
}

/// Where a promotion stands on a statement's date.
///
/// ```
/// use overdue::accrual::PromotionState;
/// assert_eq!(serde_json::to_string(&PromotionState::Lapsed).unwrap(), r#""lapsed""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PromotionState {
    /// Its condition can still be met.
    Open,
    /// Its condition was met and its effect booked.
    Met,
    /// Its condition can no longer be met: its day passed, or an
    /// installment it asked for on time was late.
    Lapsed,
}

/// A promotion on a statement: where it stands and what it gave.
///
/// ```
/// use overdue::accrual::{PromotionOutcome, PromotionState};
/// let json = r#"{"label": "penalty off", "offered": "2026-03-20", "state": "met", "met_on": "2026-04-02", "gave": "123.45"}"#;
/// let o: PromotionOutcome = serde_json::from_str(json).unwrap();
/// assert_eq!(o.state, PromotionState::Met);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PromotionOutcome {
    /// The promotion's label.
    pub label: String,
    /// The day it was offered.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub offered: NaiveDate,
    /// Where it stands.
    pub state: PromotionState,
    /// The day its condition was met.
    #[serde(serialize_with = "crate::dates::option::serialize")]
    pub met_on: Option<NaiveDate>,
    /// What it gave: the amounts waived or credited (a rate discount: the
    /// interest it takes off the installments it covers).
    pub gave: Money,
}

/// The fields of [`PromotionCondition::PayAtLeast`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PayAtLeastFields {
    amount: Money,
    by: NaiveDate,
}

/// The fields of [`PromotionCondition::PayOverdue`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ByFields {
    by: NaiveDate,
}

/// The fields of [`PromotionCondition::OnTime`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OnTimeFields {
    installments: u32,
}

crate::serde_tagged::tagged!(PromotionCondition, "a promotion's condition", {
    "pay_at_least" => PayAtLeastFields => |f| PromotionCondition::PayAtLeast { amount: f.amount, by: f.by },
    "pay_overdue" => ByFields => |f| PromotionCondition::PayOverdue { by: f.by },
    "on_time" => OnTimeFields => |f| PromotionCondition::OnTime { installments: f.installments },
});

/// The fields of [`PromotionEffect::WaiveInterest`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShareFields {
    share: Ratio,
}

/// The fields of [`PromotionEffect::RateDiscount`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DiscountFields {
    share: Ratio,
    periods: u32,
}

/// The fields of [`PromotionEffect::Credit`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreditFields {
    amount: Money,
}

crate::serde_tagged::tagged!(PromotionEffect, "a promotion's effect", {
    "waive_penalty" => crate::serde_tagged::NoFields => |_| PromotionEffect::WaivePenalty,
    "waive_fees" => crate::serde_tagged::NoFields => |_| PromotionEffect::WaiveFees,
    "waive_interest" => ShareFields => |f| PromotionEffect::WaiveInterest { share: f.share },
    "rate_discount" => DiscountFields => |f| PromotionEffect::RateDiscount { share: f.share, periods: f.periods },
    "credit" => CreditFields => |f| PromotionEffect::Credit { amount: f.amount },
});
