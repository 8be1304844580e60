//! A card's ways out checked by hand: paying in full within the grace
//! period costs nothing, a balance transfer costs its fee at a promotional
//! rate of nothing, an installment plan (账单分期) costs its fee per period,
//! a refinance at 0 % costs nothing, staying costs the payoff on the day;
//! the minimum-only path is the card's own projection; a way out of a loan
//! is refused for a card and a card's for a loan.

use overdue::compare::{BalanceTransfer, CardComparison};
use overdue::compare::{DebtService, Refinance, ServiceFee};
use overdue::limits::LenderKind;
use overdue::revolving::{Card, CardEvent, CardTerms, PlanCharge, Promotion, Repayment, ShareFee};
use overdue::{
    dec, Budget, Choice, Comparison, Ledger, Money, NaiveDate, OverduePolicy, Rate, Ratio, Schedule, WayOut,
};
use rust_decimal::Decimal;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn m(v: Decimal) -> Money {
    Money::new(v).unwrap()
}

/// A Chinese card (statement on the 5th, due 20 days later, 0.05 % a day,
/// 全额计息): 6,000 bought on 10 January, billed on 5 February, due 25 February.
fn card() -> Card {
    Card::new(
        d(2026, 1, 6),
        CardTerms::new(m(dec!(20000)), 5, Rate::daily(dec!(0.0005)).unwrap()).unwrap(),
    )
    .with_event(CardEvent::Purchase {
        id: "tv".into(),
        date: d(2026, 1, 10),
        amount: m(dec!(6000)),
    })
}

/// A comparison on the statement date, with a budget of 2,000 a month.
fn on_statement_day(card: Card) -> CardComparison {
    CardComparison::new(
        card,
        d(2026, 2, 5),
        Budget::new(m(dec!(5000)), m(dec!(3000))),
        Rate::ZERO,
    )
}

fn one(way: WayOut) -> overdue::compare::OptionResult {
    let result = on_statement_day(card()).option(Choice::new("way", way)).run().unwrap();
    result.options.into_iter().next().unwrap()
}

fn paid(o: &overdue::compare::OptionResult) -> Vec<(NaiveDate, Decimal)> {
    o.cash_flows.iter().map(|f| (f.date, -f.amount)).collect()
}

/// PBOC 银发〔2016〕111号 and the card's contract: a statement paid in full by
/// its due date bears no interest (the interest-free period), so paying in
/// full costs the statement balance and nothing more, the day before it is due.
#[test]
fn paying_in_full_within_the_interest_free_period_costs_nothing_more() {
    let o = one(WayOut::PayInFull);
    assert_eq!(paid(&o), [(d(2026, 2, 24), dec!(6000.00))]);
    assert_eq!(o.cost, Decimal::ZERO);
    assert_eq!(o.credit.highest_days_past_due, 0);
}

/// A balance transfer to a card at 0 % until mid-2027 with a 3 % fee: 6,000
/// moved, 180 charged (fees bear no interest, 银发〔2016〕111号), repaid at
/// 1,000 a month: six payments of 1,000 and a last of 180, 6,180 in all.
#[test]
fn a_balance_transfer_at_a_promotional_rate_of_nothing_costs_its_fee() {
    let terms = CardTerms::new(m(dec!(10000)), 10, Rate::annual(dec!(0.18)).unwrap())
        .unwrap()
        .with_promotion(Promotion::new(Rate::ZERO, d(2027, 6, 30)))
        .with_transfer_fee(ShareFee::new(dec!(0.03), Money::ZERO).unwrap());
    let o = one(WayOut::BalanceTransfer(BalanceTransfer::new(
        terms,
        Repayment::Monthly(m(dec!(1000))),
    )));
    let amounts: Vec<Decimal> = paid(&o).into_iter().map(|p| p.1).collect();
    assert_eq!(
        amounts,
        [
            dec!(1000),
            dec!(1000),
            dec!(1000),
            dec!(1000),
            dec!(1000),
            dec!(1000),
            dec!(180)
        ]
    );
    assert_eq!((o.total_paid, o.cost), (m(dec!(6180)), dec!(180)));
    // the old card is settled on the comparison date
    assert_eq!(o.credit.settled_on, d(2026, 2, 5));
}

/// 账单分期: the 6,000 billed converted on the statement date into 6 periods
/// at 0.6 % of the amount a period (36), each period due with a minimum
/// payment: 6 × 1,036 = 6,216. The statement converted is settled, so its
/// interest-free period stands and no interest is charged.
#[test]
fn an_installment_plan_costs_its_fee_per_period() {
    let o = one(WayOut::CardInstallmentPlan {
        periods: 6,
        charge: PlanCharge::FeePerPeriod { share: dec!(0.006) },
    });
    let amounts: Vec<Decimal> = paid(&o).into_iter().map(|p| p.1).collect();
    assert_eq!(amounts, [dec!(1036); 6]);
    assert_eq!((o.total_paid, o.cost), (m(dec!(6216)), dec!(216)));
    assert_eq!(o.credit.highest_days_past_due, 0);
}

/// The minimum-only and fixed-amount paths are the card's own projection
/// ([`Card::project`]), payment for payment.
#[test]
fn the_minimum_only_and_fixed_paths_are_the_cards_projection() {
    for (way, repayment) in [
        (WayOut::MinimumOnly, Repayment::MinimumOnly),
        (
            WayOut::PayMonthly { amount: m(dec!(1500)) },
            Repayment::Monthly(m(dec!(1500))),
        ),
    ] {
        let o = one(way);
        let projection = card().project(d(2026, 2, 5), repayment).unwrap();
        assert_eq!(o.total_paid, projection.total_paid);
        assert_eq!(o.cash_flows.len(), projection.months as usize);
        assert_eq!(o.cash_flows.last().map(|f| f.date), projection.paid_off_on);
    }
}

/// Staying costs the card's payoff on the day; a refinance at 0 % pays
/// today's payoff in equal installments and costs nothing.
#[test]
fn staying_costs_the_payoff_then_and_a_refinance_at_nothing_costs_nothing() {
    let until = d(2026, 5, 1);
    let stay = one(WayOut::Stay { until });
    assert_eq!(stay.total_paid, card().statement(until).unwrap().payoff);
    let family = one(WayOut::Refinance(Refinance::new(
        LenderKind::FamilyOrFriends,
        Rate::ZERO,
        6,
    )));
    assert_eq!((family.total_paid, family.cost), (m(dec!(6000)), Decimal::ZERO));
    assert_eq!(paid(&family).len(), 6);
}

/// A debt-management service on a card: its fee, then the debt less the
/// reduction it negotiates, at the end of its term.
#[test]
fn a_debt_service_on_a_card_settles_the_debt_less_its_reduction() {
    let service = DebtService::new(ServiceFee::Flat(m(dec!(300))), Ratio::new(dec!(0.3)).unwrap(), 6);
    let o = one(WayOut::DebtService(service));
    let at_settlement = card().statement(d(2026, 8, 5)).unwrap().payoff;
    let settlement = (at_settlement.as_decimal() * dec!(0.7)).round_dp(2);
    assert_eq!(paid(&o), [(d(2026, 2, 5), dec!(300)), (d(2026, 8, 5), settlement)]);
}

/// A restructure or a lender's promotion is a way out of an installment
/// loan; the card's own ways are not a loan's: each refused by name.
#[test]
fn a_way_out_of_the_other_kind_of_debt_is_refused() {
    let restructure = on_statement_day(card())
        .option(Choice::new("promotion", WayOut::TakePromotion { label: "x".into() }))
        .run()
        .unwrap_err();
    assert_eq!(restructure.kind(), "invalid");
    assert!(restructure.to_string().contains("not of a card"), "{restructure}");
    let loan = Ledger::new(
        Schedule::equal_installment(m(dec!(600)), Rate::ZERO, 6, d(2026, 1, 1)).unwrap(),
        OverduePolicy::new(),
    )
    .unwrap();
    let minimum = Comparison::new(loan, d(2026, 3, 1), Budget::new(m(dec!(500)), Money::ZERO), Rate::ZERO)
        .option(Choice::new("minimum", WayOut::MinimumOnly))
        .run()
        .unwrap_err();
    assert!(minimum.to_string().contains("not of an installment loan"), "{minimum}");
}

/// A balance transfer is a way out of a loan too: the payoff moved to a card.
#[test]
fn a_loan_can_be_moved_to_a_card() {
    let loan = Ledger::new(
        Schedule::equal_installment(m(dec!(600)), Rate::ZERO, 6, d(2026, 1, 1)).unwrap(),
        OverduePolicy::new(),
    )
    .unwrap();
    let terms = CardTerms::new(m(dec!(5000)), 10, Rate::ZERO).unwrap();
    let result = Comparison::new(loan, d(2026, 3, 1), Budget::new(m(dec!(500)), Money::ZERO), Rate::ZERO)
        .option(Choice::new(
            "transfer",
            WayOut::BalanceTransfer(BalanceTransfer::new(terms, Repayment::InFull)),
        ))
        .run()
        .unwrap();
    // 200 fallen due by 1 March, no interest anywhere: the payoff paid once, by the new card's due date
    assert_eq!(result.options[0].total_paid, result.payoff);
}

/// The card comparison reads from strict JSON, a bad way at its leaf.
#[test]
fn the_card_comparison_reads_from_json() {
    let text = include_str!("../../examples/card_compare.json");
    let request: CardComparison = overdue::from_json(text).unwrap();
    let result = request.run().unwrap();
    assert_eq!(result.options.len(), 8);
    let bad = text.replace("\"periods\": 12", "\"periods\": \"12\"");
    let err = overdue::from_json::<CardComparison>(&bad).unwrap_err();
    assert!(err.to_string().contains("options[4].way.periods"), "{err}");
}

/// The Chinese courts' caps (法发〔2017〕22号, art. 2) are checked on a
/// Chinese card's ways out, not on a US card's: Regulation Z's limits are in
/// its replay.
#[test]
fn a_us_card_is_not_held_to_the_chinese_courts_caps() {
    use overdue::limits::Warning;
    use overdue::revolving::{CardRules, DueRule, InterestMethod};
    let stay = |terms: CardTerms| {
        let card = Card::new(d(2026, 1, 6), terms).with_event(CardEvent::Purchase {
            id: "tv".into(),
            date: d(2026, 1, 10),
            amount: m(dec!(6000)),
        });
        let result = CardComparison::new(card, d(2026, 2, 5), Budget::new(m(dec!(9000)), Money::ZERO), Rate::ZERO)
            .option(Choice::new("stay", WayOut::Stay { until: d(2026, 7, 5) }))
            .run()
            .unwrap();
        result.options[0]
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::AboveLegalCap { .. } | Warning::AboveCourtLimit { .. }))
    };
    let apr = Rate::annual(dec!(0.2999)).unwrap();
    let us = CardTerms::new(m(dec!(20000)), 5, apr)
        .unwrap()
        .with_rules(CardRules::Us)
        .with_interest_method(InterestMethod::AverageDailyBalance)
        .with_due(DueRule::DaysAfterStatement(25));
    let china = CardTerms::new(m(dec!(20000)), 5, apr).unwrap();
    assert!(stay(china));
    assert!(!stay(us));
}
