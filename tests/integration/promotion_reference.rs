//! Promotions (优惠活动): each applied on the day its condition is met, and
//! only then, as a waiver booked that day.
//!
//! The effect is booked the way servicing systems book a lender's
//! concession: as a waiver of what is owed, not as a payment (Apache
//! Fineract's charge waiver and its "payment waiver" transaction for BNPL
//! lenders who waive amounts for customers meeting their policies,
//! FINERACT-1761 and FINERACT-2092; SAP Loans' waiver order, which waives
//! billed-but-unpaid or planned items and never what was paid). Like those
//! transactions it is replayed: a reversal of a payment that met the
//! condition undoes it.

use crate::common::{d, m};
use overdue::accrual::{PenaltyRate, Promotion, PromotionCondition, PromotionEffect, PromotionState, Reversal};
use overdue::*;
use rust_decimal_macros::dec;

/// 1,200 at 0 % in 12 monthly installments of 100 from 2026-01-15 (first due 02-15), 0.1 %/day
/// penalty on the whole overdue installment, nothing paid yet.
fn late_loan() -> Ledger {
    crate::common::hundreds(
        OverduePolicy::new().with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.001)).unwrap())),
    )
}

fn pay(ledger: &mut Ledger, id: &str, day: NaiveDate, amount: rust_decimal::Decimal) {
    ledger.pay(Payment::new(id, day, m(amount)).unwrap()).unwrap();
}

#[test]
fn paying_what_is_overdue_by_the_deadline_waives_the_penalty_on_that_day() {
    // on 04-10, 02-15 is 54 days late (5.40), 03-15 26 days (2.60): 8.00 of penalty; paying the
    // two installments overdue (200) without the penalty meets the condition, and the penalty
    // is waived that day
    let mut ledger = late_loan();
    let offer = Promotion::new(
        "repay by 04-30, penalty waived",
        d(2026, 4, 1),
        PromotionCondition::PayOverdue { by: d(2026, 4, 30) },
        PromotionEffect::WaivePenalty,
    );
    ledger.offer(offer).unwrap();
    let before = ledger.statement(d(2026, 4, 10)).unwrap();
    assert_eq!(before.outstanding.penalty_interest, m(dec!(8.00)));
    assert_eq!(before.promotions[0].state, PromotionState::Open);
    pay(&mut ledger, "p1", d(2026, 4, 10), dec!(200));
    let after = ledger.statement(d(2026, 4, 10)).unwrap();
    let promotion = &after.promotions[0];
    assert_eq!(
        (promotion.state, promotion.met_on, promotion.gave),
        (PromotionState::Met, Some(d(2026, 4, 10)), m(dec!(8.00)))
    );
    assert_eq!(after.waived.penalty_interest, m(dec!(8.00)));
    assert_eq!(
        (after.days_past_due, after.outstanding.penalty_interest),
        (0, Money::ZERO)
    );
    assert_eq!(after.payoff, m(dec!(1000.00))); // the ten installments to come, nothing else
    assert!(
        after.to_string().ends_with(
            "promotion \"repay by 04-30, penalty waived\" (offered 2026-04-01): met on 2026-04-10: 8.00 off"
        ),
        "{after}"
    );
    // the day before, nothing was waived
    assert_eq!(
        ledger.statement(d(2026, 4, 9)).unwrap().waived.total().unwrap(),
        Money::ZERO
    );
}

#[test]
fn a_payment_short_of_the_condition_or_after_the_deadline_gives_nothing() {
    let mut ledger = late_loan();
    ledger
        .offer(Promotion::new(
            "pay 250 by 04-30",
            d(2026, 4, 1),
            PromotionCondition::PayAtLeast {
                amount: m(dec!(250)),
                by: d(2026, 4, 30),
            },
            PromotionEffect::WaivePenalty,
        ))
        .unwrap();
    pay(&mut ledger, "p1", d(2026, 4, 10), dec!(150));
    pay(&mut ledger, "p2", d(2026, 5, 1), dec!(150)); // the 250 is reached a day too late
    let st = ledger.statement(d(2026, 5, 10)).unwrap();
    assert_eq!(st.promotions[0].state, PromotionState::Lapsed);
    assert_eq!(
        (st.promotions[0].met_on, st.waived.total().unwrap()),
        (None, Money::ZERO)
    );
    // payments before the offer do not count either
    let mut early = late_loan();
    pay(&mut early, "p0", d(2026, 3, 31), dec!(300));
    early
        .offer(Promotion::new(
            "pay 250 by 04-30",
            d(2026, 4, 1),
            PromotionCondition::PayAtLeast {
                amount: m(dec!(250)),
                by: d(2026, 4, 30),
            },
            PromotionEffect::WaivePenalty,
        ))
        .unwrap();
    assert_eq!(
        early.statement(d(2026, 4, 30)).unwrap().promotions[0].state,
        PromotionState::Open
    );
}

#[test]
fn payments_that_add_up_to_the_amount_meet_it_on_the_day_they_reach_it_and_a_credit_comes_off_the_oldest() {
    // 150 on 04-10 and 100 on 04-20 reach 250 on 04-20: a credit of 50 waives what is owed then,
    // penalty first (0.1 %/day), then principal of the oldest installment
    let mut ledger = late_loan();
    ledger
        .offer(Promotion::new(
            "pay 250 by 04-30, get 50 off",
            d(2026, 4, 1),
            PromotionCondition::PayAtLeast {
                amount: m(dec!(250)),
                by: d(2026, 4, 30),
            },
            PromotionEffect::Credit { amount: m(dec!(50)) },
        ))
        .unwrap();
    pay(&mut ledger, "p1", d(2026, 4, 10), dec!(150));
    pay(&mut ledger, "p2", d(2026, 4, 20), dec!(100));
    let without = {
        let mut l = late_loan();
        pay(&mut l, "p1", d(2026, 4, 10), dec!(150));
        pay(&mut l, "p2", d(2026, 4, 20), dec!(100));
        l.statement(d(2026, 4, 20)).unwrap()
    };
    let st = ledger.statement(d(2026, 4, 20)).unwrap();
    assert_eq!(
        (st.promotions[0].met_on, st.promotions[0].gave),
        (Some(d(2026, 4, 20)), m(dec!(50)))
    );
    assert_eq!(st.waived.total().unwrap(), m(dec!(50)));
    assert_eq!(st.waived.penalty_interest, without.outstanding.penalty_interest);
    assert_eq!(
        st.waived.principal,
        m(dec!(50)).checked_sub(without.outstanding.penalty_interest).unwrap()
    );
    assert_eq!(st.payoff, without.payoff.checked_sub(m(dec!(50))).unwrap());
}

#[test]
fn a_reversal_that_breaks_the_condition_undoes_the_promotion() {
    let mut ledger = late_loan();
    ledger
        .offer(Promotion::new(
            "repay by 04-30, penalty waived",
            d(2026, 4, 1),
            PromotionCondition::PayOverdue { by: d(2026, 4, 30) },
            PromotionEffect::WaivePenalty,
        ))
        .unwrap();
    pay(&mut ledger, "p1", d(2026, 4, 10), dec!(200));
    ledger.reverse(Reversal::new("p1", d(2026, 4, 13))).unwrap();
    // read before the reversal, the payment met it; read after, it never did
    assert_eq!(
        ledger.statement(d(2026, 4, 12)).unwrap().promotions[0].state,
        PromotionState::Met
    );
    let after = ledger.statement(d(2026, 4, 13)).unwrap();
    assert_eq!(
        (after.promotions[0].state, after.waived.total().unwrap()),
        (PromotionState::Open, Money::ZERO)
    );
    // the penalty runs on: 02-15 is 57 days late (5.70), 03-15 29 days (2.90)
    assert_eq!(after.outstanding.penalty_interest, m(dec!(8.60)));
}

#[test]
fn installments_paid_on_time_earn_a_rate_discount_on_the_next_ones() {
    // 12,000 at 18 % over 12 months from 2026-01-05; the offer on 01-10: pay the next two
    // installments on time and the rate is 30 % off for the three after them (their scheduled
    // interest falls by 30 %, rounded down to the cent)
    let schedule =
        Schedule::equal_installment(m(dec!(12000)), Rate::annual(dec!(0.18)).unwrap(), 12, d(2026, 1, 5)).unwrap();
    let rows: Vec<_> = schedule.installments().to_vec();
    let mut ledger = Ledger::new(schedule, OverduePolicy::new()).unwrap();
    ledger
        .offer(Promotion::new(
            "two on time: 30 % off the rate for three months",
            d(2026, 1, 10),
            PromotionCondition::OnTime { installments: 2 },
            PromotionEffect::RateDiscount {
                share: Ratio::new(dec!(0.3)).unwrap(),
                periods: 3,
            },
        ))
        .unwrap();
    pay(&mut ledger, "i1", rows[0].due_date, rows[0].payment.as_decimal());
    assert_eq!(
        ledger.statement(rows[0].due_date).unwrap().promotions[0].state,
        PromotionState::Open
    );
    pay(&mut ledger, "i2", rows[1].due_date, rows[1].payment.as_decimal());
    let st = ledger.statement(rows[1].due_date).unwrap();
    let cut = |k: usize| {
        (rows[k].interest.as_decimal() * dec!(0.3)).round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero)
    };
    let expected: rust_decimal::Decimal = (2..5).map(cut).sum();
    assert_eq!(
        (st.promotions[0].met_on, st.promotions[0].gave.as_decimal()),
        (Some(rows[1].due_date), expected)
    );
    for k in 2..5 {
        let row = &st.installments[k];
        assert_eq!(row.waived.interest.as_decimal(), cut(k), "installment {}", k + 1);
    }
    assert!(st.installments[5].waived.interest.is_zero());
}

#[test]
fn a_late_installment_ends_an_on_time_promotion() {
    let schedule = Schedule::equal_installment(m(dec!(1200)), Rate::ZERO, 12, d(2026, 1, 15)).unwrap();
    let mut ledger = Ledger::new(schedule, OverduePolicy::new()).unwrap();
    ledger
        .offer(Promotion::new(
            "three on time, 20 off",
            d(2026, 2, 1),
            PromotionCondition::OnTime { installments: 3 },
            PromotionEffect::Credit { amount: m(dec!(20)) },
        ))
        .unwrap();
    pay(&mut ledger, "i1", d(2026, 2, 15), dec!(100));
    pay(&mut ledger, "i2", d(2026, 3, 20), dec!(100)); // five days late
    pay(&mut ledger, "i3", d(2026, 4, 15), dec!(100));
    let st = ledger.statement(d(2026, 4, 15)).unwrap();
    assert_eq!(
        (st.promotions[0].state, st.waived.total().unwrap()),
        (PromotionState::Lapsed, Money::ZERO)
    );
    // on time, the same payments meet it on 04-15
    let mut kept = Ledger::new(
        Schedule::equal_installment(m(dec!(1200)), Rate::ZERO, 12, d(2026, 1, 15)).unwrap(),
        OverduePolicy::new(),
    )
    .unwrap();
    kept.offer(Promotion::new(
        "three on time, 20 off",
        d(2026, 2, 1),
        PromotionCondition::OnTime { installments: 3 },
        PromotionEffect::Credit { amount: m(dec!(20)) },
    ))
    .unwrap();
    for (k, month) in [2, 3, 4].into_iter().enumerate() {
        pay(&mut kept, &format!("i{k}"), d(2026, month, 15), dec!(100));
    }
    let st = kept.statement(d(2026, 4, 15)).unwrap();
    assert_eq!(
        (st.promotions[0].met_on, st.waived.principal),
        (Some(d(2026, 4, 15)), m(dec!(20)))
    );
}

#[test]
fn a_ledger_with_a_promotion_reads_back_from_json_and_a_bad_one_is_named() {
    let mut ledger = late_loan();
    ledger
        .offer(Promotion::new(
            "interest 50 % off",
            d(2026, 4, 1),
            PromotionCondition::PayAtLeast {
                amount: m(dec!(100)),
                by: d(2026, 4, 30),
            },
            PromotionEffect::WaiveInterest {
                share: Ratio::new(dec!(0.5)).unwrap(),
            },
        ))
        .unwrap();
    let json = serde_json::to_string(&ledger).unwrap();
    assert!(json.contains(r#""kind":"promotion""#), "{json}");
    let back: Ledger = from_json(&json).unwrap();
    assert_eq!(back, ledger);
    let bad = json.replace(r#""by":"2026-04-30""#, r#""by":"2026-03-30""#);
    let err = from_json::<Ledger>(&bad).unwrap_err();
    assert!(
        err.to_string().contains("events[0]") && err.to_string().contains("before it is offered"),
        "{err}"
    );
    let twice = ledger.clone().offer(Promotion::new(
        "interest 50 % off",
        d(2026, 4, 2),
        PromotionCondition::OnTime { installments: 1 },
        PromotionEffect::WaiveFees,
    ));
    assert!(matches!(twice, Err(Error::Invalid { field: "promotion", .. })));
}
