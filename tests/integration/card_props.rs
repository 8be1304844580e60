//! A card's invariants on random terms and events: every statement
//! conserves money (the previous balance, plus charges, fees, interest and
//! returned payments, less payments and refunds, is the new balance), the
//! balances by type sum to what is owed, the minimum is never above the
//! balance, paying more never costs more, the part of a US payment above the
//! minimum never goes to a lower-rate balance while a higher-rate one is
//! owed, the grace period applies exactly when the previous statement was
//! paid in full, no input panics, and a card's comparison weighs every way
//! out or refuses it by name, in agreement with the card's own figures.

use overdue::revolving::{
    Card, CardEvent, CardLateFee, CardRules, CardStatement, CardTerms, DueRule, Grace, InterestMethod, MinimumPayment,
    OverLimit, PlanCharge, Promotion, Repayment, ShareFee,
};
use overdue::{Money, NaiveDate, Rate};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(offset)
}

fn cents(c: i64) -> Money {
    Money::new(Decimal::new(c, 2)).unwrap()
}

/// Random terms: Chinese or US rules, any interest method the rules allow,
/// fees, a minimum rule, a late fee, a promotion, a penalty rate (US).
fn terms_strategy() -> impl Strategy<Value = CardTerms> {
    (
        (1u32..=28, any::<bool>(), 0usize..3, 1i64..=8, 1i64..=8),
        (0i64..=20, 0i64..=10_000, 0usize..3, 0i64..=5_000, any::<bool>()),
        (
            0i64..=500,
            any::<bool>(),
            prop_oneof![Just(0u32), 60u32..200],
            0i64..=200,
        ),
    )
        .prop_map(
            |(
                (statement_day, us, method, purchase, cash),
                (share, floor, late, fee, promo),
                (annual, refuse, charge_off, tolerance),
            )| {
                let rate = |per_10k: i64| Rate::daily(Decimal::new(per_10k, 4)).unwrap();
                let mut terms = CardTerms::new(cents(1_000_000), statement_day, rate(purchase))
                    .unwrap()
                    .with_cash_rate(rate(cash))
                    .with_minimum(MinimumPayment::new(Decimal::new(share, 2), cents(floor)).unwrap())
                    .with_cash_fee(ShareFee::new(Decimal::new(3, 2), cents(500)).unwrap())
                    .with_annual_fee(cents(annual * 100))
                    .with_charge_off_after(charge_off)
                    .with_tolerance(cents(tolerance));
                terms = terms.with_late_fee(match late {
                    0 => CardLateFee::None,
                    1 => CardLateFee::Flat(cents(fee)),
                    _ => CardLateFee::ShareOfUnpaidMinimum {
                        share: Decimal::new(5, 2),
                        floor: cents(100),
                        cap: Some(cents(fee.max(100))),
                    },
                });
                if promo {
                    terms = terms.with_promotion(Promotion::new(Rate::ZERO, day(90)));
                }
                if refuse {
                    terms = terms.with_over_limit(OverLimit::Refused);
                }
                if us {
                    terms
                        .with_rules(CardRules::Us)
                        .with_interest_method(InterestMethod::AverageDailyBalance)
                        .with_due(DueRule::DaysAfterStatement(21 + (statement_day % 5)))
                        .with_penalty_rate(Rate::annual(Decimal::new(2999, 4)).unwrap())
                } else {
                    let method = [
                        InterestMethod::WholeStatement,
                        InterestMethod::UnpaidPartOnly,
                        InterestMethod::AverageDailyBalance,
                    ][method];
                    terms
                        .with_interest_method(method)
                        .with_due(DueRule::DaysAfterStatement(1 + statement_day % 27))
                }
            },
        )
}

/// Random events over about a year: charges, payments, refunds of earlier
/// purchases and returned payments.
fn events_strategy() -> impl Strategy<Value = Vec<CardEvent>> {
    proptest::collection::vec((0usize..9, 0u64..400, 1i64..600_000, 0usize..20), 0..24).prop_map(|raw| {
        let mut events = Vec::new();
        for (k, (kind, offset, amount, pick)) in raw.into_iter().enumerate() {
            let (id, date, amount) = (format!("e{k}"), day(offset), cents(amount));
            let earlier = |want: fn(&CardEvent) -> bool| {
                let found: Vec<&CardEvent> = events.iter().filter(|e: &&CardEvent| want(e)).collect();
                found
                    .get(pick % found.len().max(1))
                    .map(|e| (e.id().to_owned(), e.date(), e.amount()))
            };
            let event = match kind {
                0 | 1 => CardEvent::Purchase { id, date, amount },
                2 => CardEvent::CashAdvance { id, date, amount },
                3 => CardEvent::BalanceTransfer { id, date, amount },
                4 => CardEvent::Fee {
                    id,
                    date,
                    amount: cents(amount.as_decimal().mantissa() as i64 % 5_000 + 1),
                },
                5 => match earlier(|e| matches!(e, CardEvent::Purchase { .. })) {
                    Some((of, bought, Some(price))) => CardEvent::Refund {
                        id,
                        date: date.max(bought),
                        amount: amount.min(price),
                        of,
                    },
                    _ => CardEvent::Payment { id, date, amount },
                },
                6 => match earlier(|e| matches!(e, CardEvent::Payment { .. })) {
                    Some((of, paid, _)) => CardEvent::Reversal {
                        id,
                        date: date.max(paid),
                        of,
                    },
                    _ => CardEvent::Payment { id, date, amount },
                },
                7 => CardEvent::InstallmentPlan {
                    id,
                    date,
                    amount: cents(amount.as_decimal().mantissa() as i64 % 200_000 + 1),
                    periods: (pick as u32 % 24) + 1,
                    charge: if pick % 2 == 0 {
                        PlanCharge::FeePerPeriod {
                            share: Decimal::new(6, 3),
                        }
                    } else {
                        PlanCharge::Rate {
                            rate: Rate::annual(Decimal::new(12, 2)).unwrap(),
                        }
                    },
                },
                _ => CardEvent::Payment { id, date, amount },
            };
            events.push(event);
        }
        events
    })
}

fn card_of(terms: CardTerms, events: &[CardEvent]) -> Card {
    events.iter().cloned().fold(Card::new(day(0), terms), Card::with_event)
}

fn net(balance: Money, credit: Money) -> i128 {
    (balance.as_decimal() - credit.as_decimal()).mantissa()
        * 10i128.pow(2 - (balance.as_decimal() - credit.as_decimal()).scale().min(2))
}

fn cents_of(m: Money) -> i128 {
    let d = m.as_decimal().round_dp(2);
    d.mantissa() * 10i128.pow(2 - d.scale())
}

fn check_conservation(st: &CardStatement) -> Result<(), TestCaseError> {
    let mut previous = 0i128;
    for cycle in &st.cycles {
        let charges = cents_of(cycle.purchases)
            + cents_of(cycle.cash_advances)
            + cents_of(cycle.transfers)
            + cents_of(cycle.fees)
            + cents_of(cycle.interest.total().unwrap())
            + cents_of(cycle.returned_payments);
        let credits = cents_of(cycle.payments) + cents_of(cycle.refunds);
        let now = net(cycle.closing_balance, cycle.credit_balance);
        prop_assert_eq!(previous + charges - credits, now, "statement {}", cycle.statement_date);
        prop_assert_eq!(
            cents_of(cycle.balances.total().unwrap()) - cents_of(cycle.credit_balance),
            now
        );
        prop_assert!(
            cycle.minimum_payment <= cycle.closing_balance,
            "minimum {} above balance {}",
            cycle.minimum_payment,
            cycle.closing_balance
        );
        prop_assert!(cycle.past_due <= cycle.minimum_payment);
        previous = now;
    }
    Ok(())
}

proptest! {
    /// No input panics: a statement or a named error.
    #[test]
    fn any_card_gives_a_statement_or_a_named_error(terms in terms_strategy(), events in events_strategy(), as_of in 0u64..500) {
        let card = card_of(terms, &events);
        match card.statement(day(as_of)) {
            Ok(st) => {
                check_conservation(&st)?;
                prop_assert_eq!(cents_of(st.available), (cents_of(st.limit) - cents_of(st.balances.total().unwrap())).max(0));
                prop_assert!(st.payoff.as_decimal() + st.credit_balance.as_decimal() >= st.balances.total().unwrap().as_decimal());
            }
            Err(e) => prop_assert!(overdue::Error::KINDS.contains(&e.kind())),
        }
    }

    /// Paying more never costs more: one more payment leaves what was paid
    /// plus what pays the card off no higher (charge-off off, since a card
    /// charged off stops accruing interest that a paying card still bears).
    #[test]
    fn paying_more_never_costs_more(terms in terms_strategy(), events in events_strategy(), extra in 1i64..300_000, when in 0u64..400, as_of in 400u64..500) {
        let terms = terms.with_charge_off_after(0).with_over_limit(OverLimit::Allowed);
        let events: Vec<CardEvent> = events.into_iter().filter(|e| !matches!(e, CardEvent::Reversal { .. })).collect();
        let base = card_of(terms.clone(), &events);
        let more = base.clone().with_event(CardEvent::Payment { id: "extra".into(), date: day(when), amount: cents(extra) });
        let (Ok(a), Ok(b)) = (base.statement(day(as_of)), more.statement(day(as_of))) else { return Ok(()) };
        let paid = |card: &Card| -> Decimal {
            card.events().iter().filter_map(|e| match e { CardEvent::Payment { amount, .. } => Some(amount.as_decimal()), _ => None }).sum()
        };
        let cost_a = paid(&base) + a.payoff.as_decimal() - a.credit_balance.as_decimal();
        let cost_b = paid(&more) + b.payoff.as_decimal() - b.credit_balance.as_decimal();
        prop_assert!(cost_b <= cost_a, "one more payment cost {} against {}", cost_b, cost_a);
    }

    /// 12 CFR 1026.53(a): above the minimum, a payment goes to the highest-rate
    /// balance first: while cash (the higher rate) is still owed, purchases got
    /// no more than the minimum.
    #[test]
    fn a_us_payment_above_the_minimum_never_goes_to_a_lower_rate_first(buy in 10_000i64..500_000, cash in 10_000i64..500_000, pay in 1i64..1_200_000, on in 32u64..55) {
        let terms = CardTerms::new(cents(10_000_000), 1, Rate::annual(Decimal::new(15, 2)).unwrap())
            .unwrap()
            .with_rules(CardRules::Us)
            .with_interest_method(InterestMethod::AverageDailyBalance)
            .with_due(DueRule::DaysAfterStatement(24))
            .with_cash_rate(Rate::annual(Decimal::new(25, 2)).unwrap())
            .with_minimum(MinimumPayment::new(Decimal::new(2, 2), cents(2_500)).unwrap());
        let card = Card::new(day(1), terms)
            .with_event(CardEvent::Purchase { id: "p".into(), date: day(5), amount: cents(buy) })
            .with_event(CardEvent::CashAdvance { id: "c".into(), date: day(6), amount: cents(cash) })
            .with_event(CardEvent::Payment { id: "pay".into(), date: day(on), amount: cents(pay) });
        let before = card.statement(day(on - 1)).unwrap();
        let after = card.statement(day(on)).unwrap();
        let to_purchases = before.balances.purchase.as_decimal() - after.balances.purchase.as_decimal();
        if !after.balances.cash.is_zero() {
            prop_assert!(to_purchases <= before.minimum_due.as_decimal(), "{} to purchases while cash is owed; minimum {}", to_purchases, before.minimum_due);
        }
    }

    /// The interest-free period applies exactly when the previous statement was
    /// paid in full by its due date: its purchases then bear no interest.
    #[test]
    fn the_grace_period_applies_exactly_when_the_statement_was_paid_in_full(method in 0usize..3, buys in proptest::collection::vec((1u64..30, 10_000i64..300_000), 1..4), short in prop_oneof![Just(0i64), 5_000i64..100_000], late in 0u64..3) {
        let method = [InterestMethod::WholeStatement, InterestMethod::UnpaidPartOnly, InterestMethod::AverageDailyBalance][method];
        let terms = CardTerms::new(cents(10_000_000), 1, Rate::daily(Decimal::new(5, 4)).unwrap()).unwrap().with_interest_method(method);
        let mut card = Card::new(day(1), terms);
        let mut total = 0;
        for (k, (offset, amount)) in buys.iter().enumerate() {
            card = card.with_event(CardEvent::Purchase { id: format!("p{k}"), date: day(*offset), amount: cents(*amount) });
            total += amount;
        }
        // the 1 February statement is due on 21 February; paid on the due date or up to two days late
        let paid = (total - short).max(0);
        if paid > 0 {
            card = card.with_event(CardEvent::Payment { id: "pay".into(), date: day(51 + late), amount: cents(paid) });
        }
        let st = card.statement(day(59)).unwrap();
        let in_full = short == 0 && late == 0;
        prop_assert_eq!(st.cycles[0].grace == Grace::Applied, in_full);
        prop_assert_eq!(st.cycles[1].interest.purchase.is_zero(), in_full);
    }

    /// Paying more each month never costs more in all: in full, then a larger
    /// fixed amount, then a smaller one, then the minimum only.
    #[test]
    fn a_larger_repayment_never_costs_more_in_all(buys in proptest::collection::vec((1u64..60, 10_000i64..400_000), 1..4), share in 5i64..=20, small in 10_000i64..60_000, more in 1i64..60_000, method in 0usize..2) {
        let method = [InterestMethod::WholeStatement, InterestMethod::UnpaidPartOnly][method];
        let terms = CardTerms::new(cents(10_000_000), 5, Rate::daily(Decimal::new(5, 4)).unwrap())
            .unwrap()
            .with_interest_method(method)
            .with_minimum(MinimumPayment::new(Decimal::new(share, 2), cents(10_000)).unwrap());
        let mut card = Card::new(day(0), terms);
        for (k, (offset, amount)) in buys.iter().enumerate() {
            card = card.with_event(CardEvent::Purchase { id: format!("p{k}"), date: day(*offset), amount: cents(*amount) });
        }
        let as_of = day(65);
        let cost = |way| card.project(as_of, way).unwrap();
        let (full, larger, smaller, minimum) = (
            cost(Repayment::InFull),
            cost(Repayment::Monthly(cents(small + more))),
            cost(Repayment::Monthly(cents(small))),
            cost(Repayment::MinimumOnly),
        );
        prop_assert!(full.total_paid <= larger.total_paid, "{:?} {:?}", full, larger);
        prop_assert!(larger.total_paid <= smaller.total_paid, "{:?} {:?}", larger, smaller);
        prop_assert!(smaller.total_paid <= minimum.total_paid, "{:?} {:?}", smaller, minimum);
        prop_assert!(minimum.paid_off_on.is_some());
    }

    /// A card's comparison on random terms and events: every way out is
    /// weighed or refused by name, never a panic; paying now pays today's
    /// payoff; the minimum-only path is the card's projection; and a
    /// break-even day is the first on which staying overdue costs more.
    #[test]
    fn a_card_comparison_is_weighed_or_refused_and_agrees_with_the_card(terms in terms_strategy(), events in events_strategy(), as_of in 30u64..400, monthly in 1i64..200_000, periods in 0u32..70) {
        use overdue::compare::{BalanceTransfer, CardComparison};
        use overdue::{Budget, Choice, WayOut};
        let card = card_of(terms.clone(), &events);
        let as_of = day(as_of);
        // what the comparison reads: the events up to its date
        let known: Vec<CardEvent> = events.iter().filter(|e| e.date() <= as_of).cloned().collect();
        let clipped = card_of(terms.clone(), &known);
        let ways = [
            ("now", WayOut::PayNow),
            ("full", WayOut::PayInFull),
            ("minimum", WayOut::MinimumOnly),
            ("monthly", WayOut::PayMonthly { amount: cents(monthly) }),
            ("plan", WayOut::CardInstallmentPlan { periods, charge: PlanCharge::FeePerPeriod { share: Decimal::new(6, 3) } }),
            ("transfer", WayOut::BalanceTransfer(BalanceTransfer::new(terms, Repayment::Monthly(cents(monthly))))),
        ];
        for (label, way) in ways {
            let request = CardComparison::new(card.clone(), as_of, Budget::new(cents(500_000), Money::ZERO), Rate::ZERO)
                .option(Choice::new(label, way));
            let result = match request.run() {
                Ok(result) => result,
                Err(e) => {
                    prop_assert!(overdue::Error::KINDS.contains(&e.kind()));
                    continue;
                }
            };
            let o = &result.options[0];
            let paid: Decimal = o.cash_flows.iter().map(|f| -f.amount).sum();
            prop_assert_eq!(paid, o.total_paid.as_decimal());
            match label {
                "now" => prop_assert_eq!(o.total_paid, result.payoff),
                "minimum" => prop_assert_eq!(o.total_paid, card.project(as_of, Repayment::MinimumOnly).unwrap().total_paid),
                _ => {}
            }
            if let Some(day) = o.break_even {
                let stay = |d: NaiveDate| clipped.statement(d).unwrap().payoff;
                prop_assert!(stay(day) > o.total_paid);
                if day > as_of {
                    prop_assert!(stay(day.pred_opt().unwrap()) <= o.total_paid);
                }
            }
        }
    }
}
