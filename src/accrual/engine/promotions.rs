//! Promotions in the replay: each offer watches the payments from the day it
//! is made; on the day a payment meets its condition its effect is booked,
//! as waivers on that day.

use super::{cadd, date, day, share_of, Book};
use crate::accrual::promotion::{PromotionCondition, PromotionEffect, PromotionOutcome, PromotionState};
use crate::accrual::Promotion;
use crate::component::Component;
use crate::error::Result;
use crate::money::Money;

/// A promotion offered, as the replay follows it.
#[derive(Debug, Clone)]
pub(super) struct Offer {
    promotion: Promotion,
    /// The last day its condition can be met on, if it has one.
    by: Option<i32>,
    /// The payments counted towards it so far.
    paid: i128,
    /// The installments it asks for on time (by index).
    on_time: Vec<usize>,
    /// One of them was late: it can no longer be met.
    broken: bool,
    met: Option<i32>,
    /// What its effect took off.
    gave: i128,
}

impl Book<'_> {
    /// Registers a promotion offered on its date. An on-time promotion asks
    /// for the installments due on or after that day (all that are left
    /// when fewer remain).
    pub(super) fn offer(&mut self, promotion: &Promotion) {
        let offered = day(promotion.offered());
        let on_time = match promotion.condition() {
            PromotionCondition::OnTime { installments } => (self.first_open..self.inst.len())
                .filter(|&k| self.due(k) >= offered && self.inst.get(k).is_some_and(|i| !i.closed))
                .take(usize::try_from(*installments).unwrap_or(usize::MAX))
                .collect(),
            _ => Vec::new(),
        };
        let broken = matches!(promotion.condition(), PromotionCondition::OnTime { .. }) && on_time.is_empty();
        self.offers.push(Offer {
            by: promotion.by().map(day),
            promotion: promotion.clone(),
            paid: 0,
            on_time,
            broken,
            met: None,
            gave: 0,
        });
    }

    /// Marks as broken each on-time promotion with an installment whose due
    /// date passed before day `d` unpaid.
    pub(super) fn judge_on_time(&mut self, d: i32) {
        for k in 0..self.offers.len() {
            let Some(offer) = self.offers.get(k) else { continue };
            if offer.met.is_some() || offer.broken {
                continue;
            }
            let late = offer.on_time.iter().any(|&i| self.due(i) < d && self.is_late(i));
            if let (true, Some(offer)) = (late, self.offers.get_mut(k)) {
                offer.broken = true;
            }
        }
    }

    /// After a payment of `amount` on day `d`: books the effect of each
    /// promotion whose condition it meets.
    pub(super) fn meet_offers(&mut self, d: i32, amount: i128) -> Result<()> {
        for k in 0..self.offers.len() {
            let Some(offer) = self.offers.get(k) else { continue };
            let offered = day(offer.promotion.offered());
            if offer.met.is_some() || offer.broken || d < offered || offer.by.is_some_and(|by| d > by) {
                continue;
            }
            let paid = cadd(offer.paid, amount)?;
            let met = match offer.promotion.condition() {
                PromotionCondition::PayAtLeast { amount: need, .. } => {
                    paid >= need.to_minor("promotion amount", self.t.scale)?
                }
                PromotionCondition::PayOverdue { .. } => self.nothing_overdue(d),
                PromotionCondition::OnTime { .. } => offer.on_time.iter().all(|&i| !self.is_late(i)),
            };
            let effect = offer.promotion.effect().clone();
            if let Some(offer) = self.offers.get_mut(k) {
                offer.paid = paid;
            }
            if met {
                let gave = self.give(&effect, d)?;
                if let Some(offer) = self.offers.get_mut(k) {
                    offer.met = Some(d);
                    offer.gave = gave;
                }
            }
        }
        Ok(())
    }

    /// No installment due before day `d` is late: its principal, interest
    /// and scheduled fee are paid (within the tolerance). Its penalty and
    /// late fees need not be: they are what such a promotion usually waives.
    fn nothing_overdue(&self, d: i32) -> bool {
        (0..self.next_due).all(|k| self.due(k) >= d || !self.is_late(k))
    }

    /// Books `effect` on day `d` as waivers; what it took off.
    fn give(&mut self, effect: &PromotionEffect, d: i32) -> Result<i128> {
        let mut gave = 0;
        match effect {
            PromotionEffect::WaivePenalty => {
                for c in [Component::PenaltyInterest, Component::CompoundInterest] {
                    gave = cadd(gave, self.waive_all(c, i128::MAX, d)?)?;
                }
            }
            PromotionEffect::WaiveFees => {
                for k in 0..self.inst.len() {
                    let late = self
                        .inst
                        .get(k)
                        .map_or(0, |i| i.out[Component::Fees] - i.scheduled_fee_out);
                    gave = cadd(gave, self.waive_on(k, Component::Fees, late, d)?)?;
                }
            }
            PromotionEffect::WaiveInterest { share } => {
                let share = share.exact()?;
                for k in 0..self.inst.len() {
                    let owed = self.inst.get(k).map_or(0, |i| i.out[Component::Interest]);
                    gave = cadd(gave, self.waive_on(k, Component::Interest, share_of(owed, share)?, d)?)?;
                }
            }
            PromotionEffect::RateDiscount { share, periods } => {
                let share = share.exact()?;
                let periods = usize::try_from(*periods).unwrap_or(usize::MAX);
                for k in (self.next_due..self.inst.len()).take(periods) {
                    let scheduled = self.inst.get(k).map_or(0, |i| i.out[Component::Interest]);
                    gave = cadd(
                        gave,
                        self.waive_on(k, Component::Interest, share_of(scheduled, share)?, d)?,
                    )?;
                }
            }
            PromotionEffect::Credit { amount } => {
                let mut left = amount.to_minor("promotion credit", self.t.scale)?;
                for c in [
                    Component::PenaltyInterest,
                    Component::CompoundInterest,
                    Component::Fees,
                    Component::Interest,
                    Component::Principal,
                ] {
                    let x = self.waive_all(c, left, d)?;
                    left -= x;
                    gave = cadd(gave, x)?;
                }
            }
        }
        Ok(gave)
    }

    /// Waives up to `most` of component `c` across the loan, oldest
    /// installment first; what it waived.
    fn waive_all(&mut self, c: Component, most: i128, d: i32) -> Result<i128> {
        let owed = self.inst.iter().try_fold(0i128, |s, i| cadd(s, i.out[c]))?;
        let x = owed.min(most);
        if x > 0 {
            self.waive(c, Money::from_minor(x, self.t.scale)?, None, d)?;
        }
        Ok(x.max(0))
    }

    /// Waives `amount` of component `c` of installment `k` (nothing when it
    /// is not above zero); what it waived.
    fn waive_on(&mut self, k: usize, c: Component, amount: i128, d: i32) -> Result<i128> {
        if amount <= 0 {
            return Ok(0);
        }
        let number = u32::try_from(k + 1).unwrap_or(u32::MAX);
        self.waive(c, Money::from_minor(amount, self.t.scale)?, Some(number), d)?;
        Ok(amount)
    }

    /// Whether the promotion called `label` has been met.
    pub(crate) fn met(&self, label: &str) -> bool {
        self.offers
            .iter()
            .any(|o| o.met.is_some() && o.promotion.label() == label)
    }

    /// Where each promotion stands on day `as_of`, and what it gave.
    pub(super) fn promotion_outcomes(&self, as_of: i32) -> Result<Vec<PromotionOutcome>> {
        self.offers
            .iter()
            .map(|o| {
                let state = match o.met {
                    Some(_) => PromotionState::Met,
                    None if o.broken
                        || o.by.is_some_and(|by| by < as_of)
                        || o.on_time.iter().any(|&i| self.due(i) < as_of && self.is_late(i)) =>
                    {
                        PromotionState::Lapsed
                    }
                    None => PromotionState::Open,
                };
                Ok(PromotionOutcome {
                    label: o.promotion.label().to_owned(),
                    offered: o.promotion.offered(),
                    state,
                    met_on: o.met.map(date).transpose()?,
                    gave: Money::from_minor(o.gave, self.t.scale)?,
                })
            })
            .collect()
    }
}
