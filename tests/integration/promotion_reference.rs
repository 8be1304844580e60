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

#[test]
fn a_comparison_offers_each_open_promotion_as_a_way_out() {
    // on 04-10 the payoff is 1,208.00 (1,200 and 8.00 of penalty); taking the promotion pays the
    // 200 overdue, the penalty is waived, and the 1,000 left is paid the same day: 1,200.00
    let mut ledger = late_loan();
    ledger
        .offer(Promotion::new(
            "repay by 04-30, penalty waived",
            d(2026, 4, 1),
            PromotionCondition::PayOverdue { by: d(2026, 4, 30) },
            PromotionEffect::WaivePenalty,
        ))
        .unwrap();
    let comparison = Comparison::new(
        ledger.clone(),
        d(2026, 4, 10),
        Budget::new(m(dec!(5000)), m(dec!(3000))),
        Rate::ZERO,
    )
    .option(Choice::new("pay now", WayOut::PayNow))
    .option(Choice::new("stay a month", WayOut::Stay { until: d(2026, 5, 10) }));
    let result = comparison.run().unwrap();
    assert_eq!(result.payoff, m(dec!(1208.00)));
    let taken = result
        .options
        .iter()
        .find(|o| o.label == "take the promotion: repay by 04-30, penalty waived")
        .unwrap();
    assert_eq!(taken.rank, 1);
    assert_eq!(taken.total_paid, m(dec!(1200.00)));
    let flows: Vec<_> = taken.cash_flows.iter().map(|f| (f.date, f.amount)).collect();
    assert_eq!(
        flows,
        [(d(2026, 4, 10), dec!(-200.00)), (d(2026, 4, 10), dec!(-1000.00))]
    );
    // named, it is not offered twice; a name the loan has no promotion under is refused
    let named = Comparison::new(
        ledger.clone(),
        d(2026, 4, 10),
        Budget::new(m(dec!(5000)), m(dec!(3000))),
        Rate::ZERO,
    )
    .option(Choice::new(
        "the offer",
        WayOut::TakePromotion {
            label: "repay by 04-30, penalty waived".into(),
        },
    ));
    assert_eq!(named.run().unwrap().options.len(), 1);
    let unknown = Comparison::new(
        ledger.clone(),
        d(2026, 4, 10),
        Budget::new(m(dec!(5000)), m(dec!(3000))),
        Rate::ZERO,
    )
    .option(Choice::new(
        "?",
        WayOut::TakePromotion {
            label: "no such offer".into(),
        },
    ));
    assert!(matches!(unknown.run(), Err(Error::Invalid { field: "promotion", .. })));
    // after its deadline it is not on offer
    let late = Comparison::new(
        ledger,
        d(2026, 5, 5),
        Budget::new(m(dec!(5000)), m(dec!(3000))),
        Rate::ZERO,
    )
    .option(Choice::new("pay now", WayOut::PayNow));
    assert_eq!(late.run().unwrap().options.len(), 1);
}

/// The way out "take the promotion" a comparison on `as_of` (beside paying now) offers.
fn taken_promotion(ledger: Ledger, as_of: NaiveDate) -> compare::OptionResult {
    let result = Comparison::new(ledger, as_of, Budget::new(m(dec!(5000)), m(dec!(3000))), Rate::ZERO)
        .option(Choice::new("pay now", WayOut::PayNow))
        .run()
        .unwrap();
    result
        .options
        .into_iter()
        .find(|o| matches!(o.way, WayOut::TakePromotion { .. }))
        .unwrap()
}

#[test]
fn taking_an_amount_promotion_pays_only_what_is_missing_from_it() {
    // 150 paid on 04-05 counts towards "pay 250 by 04-30": on 04-10 the path pays the 100
    // missing, the 30 credit comes off, and the rest is paid that day
    let mut ledger = late_loan();
    ledger
        .offer(Promotion::new(
            "pay 250 by 04-30, 30 off",
            d(2026, 4, 1),
            PromotionCondition::PayAtLeast {
                amount: m(dec!(250)),
                by: d(2026, 4, 30),
            },
            PromotionEffect::Credit { amount: m(dec!(30)) },
        ))
        .unwrap();
    pay(&mut ledger, "p1", d(2026, 4, 5), dec!(150));
    let payoff = ledger.statement(d(2026, 4, 10)).unwrap().payoff;
    let taken = taken_promotion(ledger, d(2026, 4, 10));
    assert_eq!(taken.cash_flows[0].amount, dec!(-100.00));
    assert_eq!(taken.total_paid, payoff.checked_sub(m(dec!(30))).unwrap());
}

#[test]
fn taking_an_on_time_promotion_pays_each_installment_when_due_then_the_rest() {
    let schedule = Schedule::equal_installment(m(dec!(1200)), Rate::ZERO, 12, d(2026, 1, 15)).unwrap();
    let mut ledger = Ledger::new(schedule, OverduePolicy::new()).unwrap();
    ledger
        .offer(Promotion::new(
            "two on time, 20 off",
            d(2026, 2, 1),
            PromotionCondition::OnTime { installments: 2 },
            PromotionEffect::Credit { amount: m(dec!(20)) },
        ))
        .unwrap();
    let taken = taken_promotion(ledger, d(2026, 2, 10));
    let flows: Vec<_> = taken.cash_flows.iter().map(|f| (f.date, f.amount)).collect();
    assert_eq!(
        flows,
        [
            (d(2026, 2, 15), dec!(-100.00)),
            (d(2026, 3, 15), dec!(-100.00)),
            (d(2026, 3, 15), dec!(-980.00))
        ]
    );
}

#[test]
fn the_least_cost_plan_meets_a_promotion_that_pays() {
    // two loans, 1,000 a month: A (1,200 at 0 %, 0.05 %/day) and B (the late loan, 0.1 %/day),
    // whose lender waives B's penalty if what is overdue is paid by 10-31. On 10-10 B has eight
    // installments overdue (800) and their penalty: the least-cost plan pays B's 800 on the
    // first payday, the penalty is waived, and the plan costs less than with no offer
    let a = Ledger::new(
        Schedule::equal_installment(m(dec!(1200)), Rate::ZERO, 12, d(2026, 6, 1)).unwrap(),
        OverduePolicy::new().with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap())),
    )
    .unwrap();
    let with_offer = |offer: bool| {
        let mut b = late_loan();
        if offer {
            b.offer(Promotion::new(
                "repay by 10-31, penalty waived",
                d(2026, 10, 1),
                PromotionCondition::PayOverdue { by: d(2026, 10, 31) },
                PromotionEffect::WaivePenalty,
            ))
            .unwrap();
        }
        Plan::new(d(2026, 10, 1), plan::MonthlyBudget::Constant(m(dec!(1000))), 10, 3)
            .debt(plan::Debt::new("A", a.clone()))
            .debt(plan::Debt::new("B", b))
    };
    let offered = with_offer(true).run(plan::PlanStrategy::LeastCost).unwrap();
    let plain = with_offer(false).run(plan::PlanStrategy::LeastCost).unwrap();
    let b_paid = offered.months[0].loans[1].payment;
    // the plan's payments, booked on B's ledger, meet the promotion on the first payday
    let mut b = with_offer(true).debts()[1].ledger.clone();
    for (k, month) in offered.months.iter().enumerate() {
        let x = month.loans[1].payment;
        if !x.is_zero() {
            b.pay(Payment::new(format!("m{k}"), month.payday, x).unwrap()).unwrap();
        }
    }
    let st = b.statement(offered.horizon).unwrap();
    assert_eq!(
        st.promotions[0].met_on,
        Some(d(2026, 10, 10)),
        "B paid {b_paid} on 10-10"
    );
    assert!(st.promotions[0].gave > Money::ZERO);
    assert!(offered.cost < plain.cost, "{} against {}", offered.cost, plain.cost);
}
