//! Property tests for promotions: the effect is booked when, and only when,
//! the condition holds, on the day it first holds; before that day the
//! ledger reads exactly as without the promotion.

use chrono::{Days, NaiveDate};
use overdue::accrual::{
    LateFee, PenaltyRate, Promotion, PromotionCondition, PromotionEffect, PromotionState, Reversal,
};
use overdue::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn money(minor: i64) -> Money {
    Money::new(Decimal::new(minor, 2)).unwrap()
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
}

#[derive(Debug, Clone)]
struct Case {
    rate_bp: i64,
    late_fee: bool,
    /// Payments: days after the start, amount in cents.
    payments: Vec<(u16, i64)>,
    /// The payment reversed, and how many days after it.
    reversal: Option<(usize, u8)>,
    offered: u16,
    window: u16,
    condition: u8,
    need: i64,
    installments: u32,
    effect: u8,
    share_pct: i64,
}

fn case() -> impl Strategy<Value = Case> {
    (
        (0i64..=2400, any::<bool>()),
        prop::collection::vec((0u16..400, 1i64..80_000), 0..8),
        prop::option::of((0usize..8, 0u8..40)),
        (0u16..200, 0u16..120),
        (0u8..3, 1i64..150_000, 1u32..4),
        (0u8..5, 1i64..=100),
    )
        .prop_map(
            |(
                (rate_bp, late_fee),
                mut payments,
                reversal,
                (offered, window),
                (condition, need, installments),
                (effect, share_pct),
            )| {
                payments.sort_unstable();
                Case {
                    rate_bp,
                    late_fee,
                    payments,
                    reversal,
                    offered,
                    window,
                    condition,
                    need,
                    installments,
                    effect,
                    share_pct,
                }
            },
        )
}

fn day(offset: u16) -> NaiveDate {
    start() + Days::new(u64::from(offset))
}

fn promotion(c: &Case) -> Promotion {
    let by = day(c.offered + c.window);
    let condition = match c.condition {
        0 => PromotionCondition::PayAtLeast {
            amount: money(c.need),
            by,
        },
        1 => PromotionCondition::PayOverdue { by },
        _ => PromotionCondition::OnTime {
            installments: c.installments,
        },
    };
    let share = Ratio::new(Decimal::new(c.share_pct, 2)).unwrap();
    let effect = match c.effect {
        0 => PromotionEffect::WaivePenalty,
        1 => PromotionEffect::WaiveFees,
        2 => PromotionEffect::WaiveInterest { share },
        3 => PromotionEffect::RateDiscount {
            share,
            periods: c.installments,
        },
        _ => PromotionEffect::Credit {
            amount: money(c.need / 10 + 1),
        },
    };
    Promotion::new("offer", day(c.offered), condition, effect)
}

/// The loan with the case's payments and reversal, with the promotion or without.
fn ledger(c: &Case, with: bool) -> Ledger {
    history(c, with, None)
}

/// The loan as read on `as_of`: the payments reversed by then never made.
fn as_read_on(c: &Case, with: bool, as_of: NaiveDate) -> Ledger {
    history(c, with, Some(as_of))
}

/// The loan with the case's payments, with the promotion or without; with a
/// date, the payments reversed by then are left out (and the reversal),
/// else the reversal is recorded.
fn history(c: &Case, with: bool, read_on: Option<NaiveDate>) -> Ledger {
    let schedule = Schedule::equal_installment(
        money(600_000),
        Rate::annual(Decimal::new(c.rate_bp, 4)).unwrap(),
        12,
        start(),
    )
    .unwrap();
    let mut policy =
        OverduePolicy::new().with_penalty_rate(PenaltyRate::Fixed(Rate::daily(Decimal::new(5, 4)).unwrap()));
    if c.late_fee {
        policy = policy.with_late_fee(LateFee::flat(money(3000)));
    }
    let mut ledger = Ledger::new(schedule, policy).unwrap();
    if with {
        ledger.offer(promotion(c)).unwrap();
    }
    let reversed_by = |k: usize, as_of: NaiveDate| {
        c.reversal.is_some_and(|(r, after)| {
            r == k
                && c.payments
                    .get(k)
                    .is_some_and(|(o, _)| day(*o) + Days::new(u64::from(after)) <= as_of)
        })
    };
    for (k, (offset, cents)) in c.payments.iter().enumerate() {
        if read_on.is_some_and(|t| reversed_by(k, t)) {
            continue;
        }
        ledger
            .pay(Payment::new(format!("p{k}"), day(*offset), money(*cents)).unwrap())
            .unwrap();
    }
    if let (None, Some((k, after))) = (read_on, c.reversal)
        && let Some((offset, _)) = c.payments.get(k)
    {
        ledger
            .reverse(Reversal::new(
                format!("p{k}"),
                day(*offset) + Days::new(u64::from(after)),
            ))
            .unwrap();
    }
    ledger
}

/// The payments standing on `as_of` (not reversed by then), by date.
fn standing_payments(c: &Case, as_of: NaiveDate) -> Vec<(NaiveDate, Decimal)> {
    c.payments
        .iter()
        .enumerate()
        .filter(|(k, (offset, _))| {
            !c.reversal
                .is_some_and(|(r, after)| r == *k && day(*offset) + Days::new(u64::from(after)) <= as_of)
        })
        .map(|(_, (offset, cents))| (day(*offset), Decimal::new(*cents, 2)))
        .collect()
}

/// The statement without its list of promotions.
fn bare(mut st: Statement) -> Statement {
    st.promotions.clear();
    st
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(200)))]

    /// Before the day it is met (and always, if it never is) the ledger reads as without the
    /// promotion; on that day its condition holds for the first time, checked against the ledger
    /// without it, and exactly what it gave is waived.
    #[test]
    fn a_promotion_takes_effect_only_when_its_condition_holds(c in case()) {
        let recorded = ledger(&c, true);
        let p = promotion(&c);
        let mut days: Vec<NaiveDate> = c.payments.iter().map(|(o, _)| day(*o)).collect();
        days.extend([day(c.offered), day(c.offered + c.window), day(450)]);
        days.extend(recorded.schedule().installments().iter().map(|r| r.due_date + Days::new(1)));
        days.sort_unstable();
        days.dedup();
        for t in days {
            // read on `t`, a payment reversed by then was never made: the promotion's state is
            // what that history gives (a reversal that breaks the condition undoes it)
            let (with, without) = (as_read_on(&c, true, t), as_read_on(&c, false, t));
            let (st1, st0) = (with.statement(t).unwrap(), without.statement(t).unwrap());
            prop_assert_eq!(&recorded.statement(t).unwrap().promotions, &st1.promotions);
            let outcome = st1.promotions.first().cloned();
            prop_assert!(outcome.is_some() == (t >= p.offered()));
            let Some(outcome) = outcome else {
                prop_assert_eq!(bare(st1), st0);
                continue;
            };
            let paid = standing_payments(&c, t);
            match outcome.met_on {
                None => {
                    prop_assert_eq!(bare(st1), st0.clone());
                    // and the condition did not hold on any payment day so far
                    match p.condition() {
                        PromotionCondition::PayAtLeast { amount, by } => {
                            let sum: Decimal = paid.iter().filter(|(d, _)| *d >= p.offered() && d <= by && *d <= t).map(|(_, a)| *a).sum();
                            prop_assert!(sum < amount.as_decimal(), "{sum} reached {amount} by {t}");
                        }
                        PromotionCondition::PayOverdue { by } => {
                            for (d, _) in paid.iter().filter(|(d, _)| *d >= p.offered() && d <= by && *d <= t) {
                                prop_assert!(without.statement(*d).unwrap().days_past_due > 0, "not past due after the payment of {d}");
                            }
                        }
                        _ => {}
                    }
                }
                Some(m) => {
                    prop_assert_eq!(outcome.state, PromotionState::Met);
                    prop_assert!(m >= p.offered() && m <= t);
                    prop_assert!(paid.iter().any(|(d, _)| *d == m), "met on {m}, a day without a payment");
                    if let Some(before) = m.pred_opt().filter(|b| *b >= start()) {
                        prop_assert_eq!(bare(with.statement(before).unwrap()), without.statement(before).unwrap());
                    }
                    let (at1, at0) = (with.statement(m).unwrap(), without.statement(m).unwrap());
                    prop_assert_eq!(
                        at1.waived.total().unwrap(),
                        at0.waived.total().unwrap().checked_add(outcome.gave).unwrap()
                    );
                    // the payments of the history as read on `t`, up to the day it was met
                    let paid_then: Vec<(NaiveDate, Decimal)> = paid.iter().copied().filter(|(d, _)| *d <= m).collect();
                    match p.condition() {
                        PromotionCondition::PayAtLeast { amount, by } => {
                            prop_assert!(m <= *by);
                            let upto = |last: NaiveDate| -> Decimal {
                                paid_then.iter().filter(|(d, _)| *d >= p.offered() && *d <= last).map(|(_, a)| *a).sum()
                            };
                            prop_assert!(upto(m) >= amount.as_decimal());
                            prop_assert!(m.pred_opt().is_none_or(|b| upto(b) < amount.as_decimal()));
                        }
                        PromotionCondition::PayOverdue { by } => {
                            prop_assert!(m <= *by);
                            prop_assert_eq!(at0.days_past_due, 0);
                            for (d, _) in paid_then.iter().filter(|(d, _)| *d >= p.offered() && *d < m) {
                                prop_assert!(without.statement(*d).unwrap().days_past_due > 0, "met already on {d}");
                            }
                        }
                        PromotionCondition::OnTime { installments } => {
                            let targets: Vec<usize> = (0..12usize)
                                .filter(|&k| with.schedule().installments()[k].due_date >= p.offered())
                                .take(*installments as usize)
                                .collect();
                            for k in targets {
                                let due = with.schedule().installments()[k].due_date;
                                let judged = if due < m { due + Days::new(1) } else { m };
                                let row = &without.statement(judged).unwrap().installments[k];
                                prop_assert_eq!(row.days_past_due, 0, "installment {} late", k + 1);
                                let left = row.outstanding.principal.checked_add(row.outstanding.interest).unwrap();
                                prop_assert!(left <= Money::ONE, "installment {} unpaid: {left}", k + 1);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}
