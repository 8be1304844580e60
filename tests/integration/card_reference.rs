//! Credit cards checked by hand: a statement worked cycle by cycle, the
//! Chinese interest methods (全额计息, 余额计息) and 违约金, the US rules of
//! Regulation Z (payment allocation, no double-cycle billing, the penalty
//! rate, the late-fee safe harbor, the minimum-payment warning), charge-off,
//! refunds, returned payments and bad input.

use overdue::revolving::{
    Card, CardEvent, CardLateFee, CardRules, CardStatement, CardStatus, CardTerms, DueRule, Grace, InterestMethod,
    MinimumPayment, OverLimit, PlanCharge, Promotion, RateInForce, Repayment, ShareFee,
};
use overdue::{dec, Money, NaiveDate, Rate};
use rust_decimal::Decimal;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn m(v: Decimal) -> Money {
    Money::new(v).unwrap()
}

fn buy(id: &str, date: NaiveDate, amount: Decimal) -> CardEvent {
    CardEvent::Purchase {
        id: id.into(),
        date,
        amount: m(amount),
    }
}

fn pay(id: &str, date: NaiveDate, amount: Decimal) -> CardEvent {
    CardEvent::Payment {
        id: id.into(),
        date,
        amount: m(amount),
    }
}

/// A Chinese card: limit 20,000, statement on the 5th, due 20 days later,
/// 0.05 % a day (万分之五), minimum 10 % with no floor.
fn china(method: InterestMethod) -> CardTerms {
    CardTerms::new(m(dec!(20000)), 5, Rate::daily(dec!(0.0005)).unwrap())
        .unwrap()
        .with_interest_method(method)
}

/// 10,000 bought on 10 March, the 5 April statement due 25 April, 1,000 paid that day.
fn textbook(method: InterestMethod) -> CardStatement {
    Card::new(d(2026, 3, 6), china(method))
        .with_event(buy("tv", d(2026, 3, 10), dec!(10000)))
        .with_event(pay("p1", d(2026, 4, 25), dec!(1000)))
        .statement(d(2026, 5, 5))
        .unwrap()
}

/// PBOC 银发〔2016〕111号 leaves the interest method to the contract. 全额计息:
/// the whole statement bears interest from its posting date once it is not
/// paid in full: 10,000 × 0.05 % × 46 days (10 March – 24 April) + 9,000 ×
/// 0.05 % × 10 days (25 April – 4 May) = 230 + 45 = 275.
#[test]
fn whole_statement_interest_runs_on_the_full_amount_from_the_posting_date() {
    let st = textbook(InterestMethod::WholeStatement);
    assert_eq!(st.cycles[0].grace, Grace::Lost);
    assert_eq!(st.cycles[1].interest.purchase, m(dec!(275)));
    assert_eq!(st.cycles[1].closing_balance, m(dec!(9275)));
}

/// 余额计息: only the unpaid 9,000 bears interest from the posting date:
/// 9,000 × 0.05 % × 56 days (10 March – 4 May) = 252.
#[test]
fn unpaid_part_interest_runs_only_on_what_was_not_repaid() {
    let st = textbook(InterestMethod::UnpaidPartOnly);
    assert_eq!(st.cycles[1].interest.purchase, m(dec!(252)));
}

/// The 5 April statement (10,000) paid in full on its due date: the purchase
/// was interest-free (免息期), and nothing is owed on 5 May.
#[test]
fn a_statement_paid_in_full_by_its_due_date_bears_no_interest() {
    for method in [InterestMethod::WholeStatement, InterestMethod::UnpaidPartOnly] {
        let st = Card::new(d(2026, 3, 6), china(method))
            .with_event(buy("tv", d(2026, 3, 10), dec!(10000)))
            .with_event(pay("p1", d(2026, 4, 25), dec!(10000)))
            .statement(d(2026, 5, 5))
            .unwrap();
        assert_eq!(st.cycles[0].grace, Grace::Applied);
        assert_eq!(st.cycles[1].interest.purchase, Money::ZERO);
        assert_eq!(st.payoff, Money::ZERO);
    }
}

/// The minimum payment (最低还款额): 10 % of the principal plus the cycle's
/// interest and fees, at least the floor, all of the balance below it; the
/// unpaid part of an earlier minimum comes on top.
#[test]
fn the_minimum_is_a_share_of_the_principal_plus_interest_and_fees_with_a_floor() {
    let terms =
        china(InterestMethod::WholeStatement).with_minimum(MinimumPayment::new(dec!(0.10), m(dec!(100))).unwrap());
    let card = |amount| {
        Card::new(d(2026, 3, 6), terms.clone())
            .with_event(buy("a", d(2026, 3, 10), amount))
            .statement(d(2026, 4, 5))
            .unwrap()
    };
    assert_eq!(card(dec!(3000)).cycles[0].minimum_payment, m(dec!(300)));
    assert_eq!(card(dec!(600)).cycles[0].minimum_payment, m(dec!(100))); // the floor
    assert_eq!(card(dec!(80)).cycles[0].minimum_payment, m(dec!(80))); // all of it below the floor
                                                                       // nothing paid: on 5 May, 10 % of 3,000 + 3,000 × 0.05 % × 56 days (84.00) + the 300 past due
    let st = Card::new(d(2026, 3, 6), terms)
        .with_event(buy("a", d(2026, 3, 10), dec!(3000)))
        .statement(d(2026, 5, 5))
        .unwrap();
    let may = &st.cycles[1];
    assert_eq!(may.interest.purchase, m(dec!(84)));
    assert_eq!((may.past_due, may.minimum_payment), (m(dec!(300)), m(dec!(684))));
    assert_eq!(may.days_past_due, 10);
}

/// 违约金 (PBOC 银发〔2016〕111号 replaced 滞纳金 by a charge set in the
/// contract; 5 % of the unpaid minimum is the common term): charged once,
/// the day after the due date, on the part of the minimum left unpaid; not
/// for a shortfall within the tolerance; and bearing no interest.
#[test]
fn the_late_charge_is_a_share_of_the_unpaid_minimum_and_bears_no_interest() {
    let terms = china(InterestMethod::WholeStatement).with_late_fee(CardLateFee::ShareOfUnpaidMinimum {
        share: dec!(0.05),
        floor: m(dec!(1)),
        cap: None,
    });
    let card = |paid: Decimal| {
        let card = Card::new(d(2026, 3, 6), terms.clone()).with_event(buy("a", d(2026, 3, 10), dec!(3000)));
        let card = if paid > Decimal::ZERO {
            card.with_event(pay("p", d(2026, 4, 25), paid))
        } else {
            card
        };
        card.statement(d(2026, 5, 5)).unwrap()
    };
    // minimum 300; 100 paid: 5 % of the 200 unpaid
    let may = &card(dec!(100)).cycles[1];
    assert_eq!(may.fees, m(dec!(10)));
    assert_eq!(may.balances.fees, m(dec!(10)));
    // 299.50 paid: short by 0.50, within the 1.00 tolerance: no charge and not past due
    let st = card(dec!(299.50));
    assert_eq!(st.cycles[1].fees, Money::ZERO);
    assert_eq!(st.cycles[1].days_past_due, 0);
    // nothing paid: 5 % of 300; the next statement's interest is on the purchase only
    let st = card(Decimal::ZERO);
    assert_eq!(st.cycles[1].fees, m(dec!(15)));
    assert_eq!(st.cycles[1].interest.purchase, m(dec!(84)));
}

/// A minimum left unpaid only by an earlier late charge brings no new one
/// (16 CFR 444.4, the pyramiding rule; Reg X comment 31 reads the same way).
#[test]
fn no_late_charge_is_caused_only_by_an_earlier_late_charge() {
    let terms = china(InterestMethod::WholeStatement).with_late_fee(CardLateFee::Flat(m(dec!(50))));
    // the 5 April minimum (300) missed: 50 charged on 26 April; the 5 May minimum is
    // 10 % of 3,000 + 84 interest + the 50 charge, plus the 300 past due = 734
    let base = Card::new(d(2026, 3, 6), terms).with_event(buy("a", d(2026, 3, 10), dec!(3000)));
    let may = base.clone().statement(d(2026, 5, 5)).unwrap();
    assert_eq!(may.cycles[1].minimum_payment, m(dec!(734)));
    // all of it paid but the 50 charge (fees are paid first, so 684 leaves 50 of the minimum)
    let st = base
        .with_event(pay("p", d(2026, 5, 25), dec!(684)))
        .statement(d(2026, 6, 5))
        .unwrap();
    assert_eq!(st.cycles[2].fees, Money::ZERO);
}

/// Days past due count from the first minimum missed; at 180 days the card
/// is charged off (the US uniform policy for open-end credit; the Chinese
/// loss class starts after 180 days), and interest and fees stop.
#[test]
fn days_past_due_run_from_the_first_missed_minimum_and_charge_off_stops_interest() {
    let terms = china(InterestMethod::WholeStatement).with_late_fee(CardLateFee::Flat(m(dec!(50))));
    let card = Card::new(d(2026, 3, 6), terms).with_event(buy("a", d(2026, 3, 10), dec!(3000)));
    let st = card.statement(d(2026, 7, 24)).unwrap();
    assert_eq!(
        (st.days_past_due, st.status, st.bucket.as_str()),
        (90, CardStatus::PastDue, "special mention")
    );
    let off = card.statement(d(2026, 10, 22)).unwrap();
    assert_eq!((off.days_past_due, off.status), (180, CardStatus::ChargedOff));
    // the interest of the days before the charge-off is billed; nothing after it
    let later = card.statement(d(2027, 3, 1)).unwrap();
    assert_eq!(later.payoff, off.payoff);
    assert_eq!(later.balances.total().unwrap(), off.payoff);
    assert!(later
        .cycles
        .iter()
        .filter(|c| c.statement_date > d(2026, 11, 5))
        .all(|c| c.interest.total().unwrap().is_zero() && c.fees.is_zero()));
}

/// The longest interest-free period the terms allow stays within the 60 days
/// of 《银行卡业务管理办法》 art. 22: a purchase the day after a statement at
/// the end of a 31-day cycle, due 27 days after the next statement.
#[test]
fn the_interest_free_period_is_at_most_sixty_days() {
    let terms = china(InterestMethod::WholeStatement).with_due(DueRule::DaysAfterStatement(27));
    let st = Card::new(d(2026, 1, 1), terms)
        .with_event(buy("a", d(2026, 1, 6), dec!(1000)))
        .statement(d(2026, 3, 10))
        .unwrap();
    // 6 January to 4 March, both counted
    let days = (st.cycles[1].due_date - d(2026, 1, 6)).num_days() + 1;
    assert_eq!((st.cycles[1].due_date, days), (d(2026, 3, 4), 58));
    // a due date 28 days on could fall after the next statement: refused
    let late = Card::new(
        d(2026, 1, 1),
        CardTerms::new(m(dec!(1)), 5, Rate::ZERO)
            .unwrap()
            .with_due(DueRule::DaysAfterStatement(28)),
    );
    assert_eq!(late.statement(d(2026, 2, 1)).unwrap_err().kind(), "invalid");
}

/// A cash advance bears interest from its own date with no grace period, and
/// its fee is charged with it; fees bear no interest (PBOC 银发〔2016〕111号).
#[test]
fn a_cash_advance_bears_interest_from_its_date_and_its_fee_bears_none() {
    let terms = china(InterestMethod::WholeStatement).with_cash_fee(ShareFee::new(dec!(0.01), m(dec!(10))).unwrap());
    let st = Card::new(d(2026, 3, 6), terms)
        .with_event(CardEvent::CashAdvance {
            id: "atm".into(),
            date: d(2026, 3, 20),
            amount: m(dec!(2000)),
        })
        .statement(d(2026, 4, 5))
        .unwrap();
    let april = &st.cycles[0];
    // 2,000 × 0.05 % × 16 days (20 March – 4 April)
    assert_eq!(april.interest.cash, m(dec!(16)));
    assert_eq!(april.fees, m(dec!(20)));
    assert_eq!(april.closing_balance, m(dec!(2036)));
}

/// A refund is a credit to the purchase: refunded in full before the due
/// date, the statement counts as paid in full, so no interest.
#[test]
fn a_refund_reduces_the_purchase_and_can_clear_the_statement() {
    let card = Card::new(d(2026, 3, 6), china(InterestMethod::WholeStatement))
        .with_event(buy("shoes", d(2026, 3, 10), dec!(800)))
        .with_event(CardEvent::Refund {
            id: "r".into(),
            date: d(2026, 4, 12),
            amount: m(dec!(800)),
            of: "shoes".into(),
        });
    let st = card.statement(d(2026, 5, 5)).unwrap();
    assert_eq!(
        (st.cycles[0].grace, st.cycles[1].refunds),
        (Grace::Applied, m(dec!(800)))
    );
    assert_eq!(st.payoff, Money::ZERO);
    let too_much = card
        .with_event(CardEvent::Refund {
            id: "r2".into(),
            date: d(2026, 4, 13),
            amount: m(dec!(1)),
            of: "shoes".into(),
        })
        .statement(d(2026, 5, 5));
    assert_eq!(too_much.unwrap_err().kind(), "refund_too_large");
}

/// A payment returned unpaid owes again from the day it is returned: the
/// minimum it paid is past due from its own due date.
#[test]
fn a_returned_payment_owes_again_from_its_due_date() {
    let card = Card::new(d(2026, 3, 6), china(InterestMethod::WholeStatement))
        .with_event(buy("a", d(2026, 3, 10), dec!(3000)))
        .with_event(pay("p", d(2026, 4, 20), dec!(300)))
        .with_event(CardEvent::Reversal {
            id: "back".into(),
            date: d(2026, 4, 28),
            of: "p".into(),
        });
    assert_eq!(card.statement(d(2026, 4, 27)).unwrap().days_past_due, 0);
    let st = card.statement(d(2026, 4, 28)).unwrap();
    assert_eq!((st.days_past_due, st.balances.purchase), (3, m(dec!(3000))));
    let twice = card.with_event(CardEvent::Reversal {
        id: "again".into(),
        date: d(2026, 4, 29),
        of: "p".into(),
    });
    assert_eq!(twice.statement(d(2026, 5, 1)).unwrap_err().kind(), "already_reversed");
}

/// The annual fee on the opening day and each anniversary.
#[test]
fn the_annual_fee_falls_on_the_opening_day_and_each_anniversary() {
    let terms = china(InterestMethod::WholeStatement).with_annual_fee(m(dec!(200)));
    let st = Card::new(d(2026, 3, 6), terms)
        .with_event(pay("fee", d(2026, 4, 20), dec!(200)))
        .with_event(pay("fee2", d(2027, 3, 6), dec!(200)))
        .statement(d(2027, 4, 5))
        .unwrap();
    let fees: Vec<_> = st
        .cycles
        .iter()
        .filter(|c| !c.fees.is_zero())
        .map(|c| (c.statement_date, c.fees))
        .collect();
    assert_eq!(fees[0], (d(2026, 4, 5), m(dec!(200))));
    assert_eq!(fees.iter().filter(|f| f.1 == m(dec!(200))).count(), 2);
}

/// Over the limit: recorded and flagged by default (what is over is due in
/// full with the minimum); refused where the contract forbids it.
#[test]
fn a_charge_over_the_limit_is_flagged_or_refused_as_the_contract_says() {
    let terms = CardTerms::new(m(dec!(1000)), 5, Rate::ZERO).unwrap();
    let card = |terms: CardTerms| {
        Card::new(d(2026, 3, 6), terms)
            .with_event(buy("a", d(2026, 3, 10), dec!(900)))
            .with_event(buy("b", d(2026, 3, 11), dec!(300)))
            .statement(d(2026, 4, 5))
    };
    let st = card(terms.clone()).unwrap();
    assert_eq!(st.over_limit, m(dec!(200)));
    // 10 % of the 1,000 within the limit + the 200 over it
    assert_eq!(st.cycles[0].minimum_payment, m(dec!(300)));
    assert_eq!(st.available, Money::ZERO);
    assert_eq!(
        card(terms.with_over_limit(OverLimit::Refused)).unwrap_err().kind(),
        "invalid"
    );
}

/// A US card: purchases at 15 % APR, cash at 25 %, statement on the 1st,
/// due on the 25th, minimum 2 % + interest and fees, at least 25.
fn us() -> CardTerms {
    CardTerms::new(m(dec!(10000)), 1, Rate::annual(dec!(0.15)).unwrap())
        .unwrap()
        .with_rules(CardRules::Us)
        .with_interest_method(InterestMethod::AverageDailyBalance)
        .with_due(DueRule::DaysAfterStatement(24))
        .with_cash_rate(Rate::annual(dec!(0.25)).unwrap())
        .with_minimum(MinimumPayment::new(dec!(0.02), m(dec!(25))).unwrap())
}

/// 12 CFR 1026.53(a): the part of a payment above the minimum goes to the
/// balance with the highest APR first.
#[test]
fn a_payment_above_the_minimum_goes_to_the_highest_rate_balance_first() {
    let st = Card::new(d(2026, 1, 2), us())
        .with_event(buy("a", d(2026, 1, 5), dec!(1000)))
        .with_event(CardEvent::CashAdvance {
            id: "c".into(),
            date: d(2026, 1, 5),
            amount: m(dec!(500)),
        })
        .with_event(pay("p", d(2026, 2, 20), dec!(600)))
        .statement(d(2026, 2, 20))
        .unwrap();
    let feb = &st.cycles[0];
    // cash interest 500 × 25 % / 365 × 27 days (5 – 31 January) = 9.25; purchases in grace
    assert_eq!((feb.interest.cash, feb.interest.purchase), (m(dec!(9.25)), Money::ZERO));
    // minimum: 2 % of 1,500 + 9.25 = 39.25, paid to interest, then the lowest rate (purchases: 30.00)
    assert_eq!(feb.minimum_payment, m(dec!(39.25)));
    // the other 560.75 to cash first: cash 500 → 0, then 60.75 to purchases
    assert_eq!(st.balances.cash, Money::ZERO);
    assert_eq!(st.balances.purchase, m(dec!(909.25)));
}

/// 12 CFR 1026.54: no interest on days of an earlier cycle, and none on the
/// part of a grace-period balance repaid within the grace period. January's
/// purchase (in grace) is not paid in full by 25 February: interest runs from
/// the 1 February statement, and the 400 repaid on 20 February bears none.
#[test]
fn losing_the_grace_period_charges_no_interest_for_an_earlier_cycle() {
    let st = Card::new(d(2026, 1, 2), us())
        .with_event(buy("a", d(2026, 1, 5), dec!(1000)))
        .with_event(pay("p", d(2026, 2, 20), dec!(400)))
        .statement(d(2026, 3, 1))
        .unwrap();
    assert_eq!(st.cycles[0].grace, Grace::Lost);
    // 600 × 15 % / 365 × 28 days (1 – 28 February)
    assert_eq!(st.cycles[1].interest.purchase, m(dec!(6.90)));
}

/// 12 CFR 1026.52(b): a late fee no higher than the safe harbor ($30, then
/// $41 for a repeat within six cycles) and never above the minimum that was late.
#[test]
fn the_us_late_fee_is_held_to_the_safe_harbor_and_the_late_minimum() {
    let terms = us().with_late_fee(CardLateFee::Flat(m(dec!(45))));
    let st = Card::new(d(2026, 1, 2), terms.clone())
        .with_event(buy("a", d(2026, 1, 5), dec!(3000)))
        .statement(d(2026, 4, 1))
        .unwrap();
    // first miss (minimum 60): $30; the next within six cycles: $41
    assert_eq!(st.cycles[1].fees, m(dec!(30)));
    assert_eq!(st.cycles[2].fees, m(dec!(41)));
    // a minimum of 25 missed: the fee is 25
    let small = Card::new(d(2026, 1, 2), terms)
        .with_event(buy("a", d(2026, 1, 5), dec!(100)))
        .statement(d(2026, 3, 1))
        .unwrap();
    assert_eq!(small.cycles[1].fees, m(dec!(25)));
}

/// 12 CFR 1026.55(b)(4): the penalty rate only once a minimum is 60 days
/// late, from 45 days after (the notice of 1026.9(g)); back to the contract
/// rate after six minimum payments in a row on time.
#[test]
fn the_penalty_rate_waits_for_sixty_days_late_and_ends_after_six_on_time_payments() {
    let terms = us().with_penalty_rate(Rate::annual(dec!(0.2999)).unwrap());
    let missed = Card::new(d(2026, 1, 2), terms).with_event(buy("a", d(2026, 1, 5), dec!(3000)));
    // the 25 February minimum unpaid: 60 days late on 26 April, the rate from 10 June
    assert_eq!(
        missed.statement(d(2026, 6, 9)).unwrap().rate_in_force,
        RateInForce::Contract
    );
    assert_eq!(
        missed.statement(d(2026, 6, 10)).unwrap().rate_in_force,
        RateInForce::Penalty
    );
    // everything past due paid on 10 June, then each minimum on time from 25 June
    let mut card = missed.with_event(pay("catch-up", d(2026, 6, 10), dec!(600)));
    for (k, month) in (6..=12).enumerate() {
        card = card.with_event(pay(&format!("m{k}"), d(2026, month, 20), dec!(150)));
    }
    // on time on 25 June, July, August, September, October and November: back from 26 November
    assert_eq!(
        card.statement(d(2026, 11, 25)).unwrap().rate_in_force,
        RateInForce::Penalty
    );
    assert_eq!(
        card.statement(d(2026, 11, 26)).unwrap().rate_in_force,
        RateInForce::Contract
    );
}

/// A promotional rate on a balance transfer until its end date, then the
/// purchase rate; the transfer fee is charged with it.
#[test]
fn a_balance_transfer_bears_the_promotional_rate_until_it_ends() {
    let terms = us()
        .with_promotion(Promotion::new(Rate::ZERO, d(2026, 1, 31)))
        .with_transfer_fee(ShareFee::new(dec!(0.03), m(dec!(5))).unwrap());
    let st = Card::new(d(2026, 1, 2), terms)
        .with_event(CardEvent::BalanceTransfer {
            id: "bt".into(),
            date: d(2026, 1, 10),
            amount: m(dec!(2000)),
        })
        .statement(d(2026, 3, 1))
        .unwrap();
    assert_eq!(st.cycles[0].fees, m(dec!(60)));
    assert_eq!(st.cycles[0].interest.transfer, Money::ZERO);
    // February at 15 %: 2,000 × 15 % / 365 × 28 = 23.01 (the minimum 100 was not paid)
    assert_eq!(st.cycles[1].interest.transfer, m(dec!(23.01)));
}

/// 12 CFR 1026.7(b)(12), worked as Appendix M2 does (a monthly periodic rate
/// of APR / 365 × 365 / 12, only the minimum paid, no new charges; the
/// 36-month payment at that rate), recomputed by hand month by month: 1,000
/// at 12 % APR (1 % a month), minimum 2 % of the balance plus the month's
/// interest, at least 20. Paying only the minimum takes 61 months and
/// 1,314.98; 33.21 a month repays it in 36 months, 1,195.56 in all, saving
/// 119.42.
#[test]
fn the_minimum_payment_warning_is_recomputed_by_hand() {
    let terms = CardTerms::new(m(dec!(10000)), 1, Rate::annual(dec!(0.12)).unwrap())
        .unwrap()
        .with_rules(CardRules::Us)
        .with_interest_method(InterestMethod::AverageDailyBalance)
        .with_due(DueRule::DaysAfterStatement(24))
        .with_minimum(MinimumPayment::new(dec!(0.02), m(dec!(20))).unwrap());
    let st = Card::new(d(2026, 1, 2), terms.clone())
        .with_event(buy("a", d(2026, 1, 5), dec!(1000)))
        .statement(d(2026, 2, 1))
        .unwrap();
    let warning = st.cycles[0].warning.expect("a US statement carries the warning");
    assert_eq!(warning.months_minimum_only, Some(61));
    assert_eq!(warning.total_minimum_only, Some(m(dec!(1314.98))));
    assert_eq!(warning.payment_36_months, Some(m(dec!(33.21))));
    assert_eq!(warning.total_36_months, Some(m(dec!(1195.56))));
    assert_eq!(warning.savings, Some(m(dec!(119.42))));
    // a balance the minimum repays within 36 months: no 36-month figures
    let small = Card::new(d(2026, 1, 2), terms)
        .with_event(buy("a", d(2026, 1, 5), dec!(100)))
        .statement(d(2026, 2, 1))
        .unwrap();
    let warning = small.cycles[0].warning.unwrap();
    assert_eq!(
        (warning.months_minimum_only, warning.payment_36_months),
        (Some(6), None)
    );
    // Chinese rules carry no such warning
    assert!(textbook(InterestMethod::WholeStatement).cycles[0].warning.is_none());
}

/// A card installment plan (账单分期): the 5 April statement's 12,000
/// converted on 10 April into 12 periods at a 0.6 % fee a period: 1,000 and
/// 72 on each statement from 5 May, due in full (银保监规〔2022〕13号: no
/// minimum on 分期); what was converted no longer counts as unpaid, so the
/// April statement keeps its interest-free period; at most 60 periods.
#[test]
fn an_installment_plan_bills_equal_parts_and_its_fee_each_statement() {
    let plan = |periods| CardEvent::InstallmentPlan {
        id: "plan".into(),
        date: d(2026, 4, 10),
        amount: m(dec!(12000)),
        periods,
        charge: PlanCharge::FeePerPeriod { share: dec!(0.006) },
    };
    let card = Card::new(d(2026, 3, 6), china(InterestMethod::WholeStatement))
        .with_event(buy("sofa", d(2026, 3, 10), dec!(12000)))
        .with_event(plan(12));
    let st = card.statement(d(2026, 5, 5)).unwrap();
    assert_eq!(st.cycles[0].grace, Grace::Applied);
    let may = &st.cycles[1];
    assert_eq!(
        (may.installments, may.fees, may.interest.purchase),
        (m(dec!(1000)), m(dec!(72)), Money::ZERO)
    );
    assert_eq!(may.minimum_payment, m(dec!(1072)));
    assert_eq!(st.balances.installments, m(dec!(12000)));
    // each month paid on its due date: twelve statements, 864 of fees in all, nothing left
    let mut paid = card.clone();
    for month in 5..=12 {
        paid = paid.with_event(pay(&format!("m{month}"), d(2026, month, 25), dec!(1072)));
    }
    for month in 1..=4 {
        paid = paid.with_event(pay(&format!("n{month}"), d(2027, month, 25), dec!(1072)));
    }
    let end = paid.statement(d(2027, 4, 30)).unwrap();
    let fees: Money = Money::sum(end.cycles.iter().map(|c| c.fees)).unwrap();
    assert_eq!(fees, m(dec!(864)));
    assert_eq!((end.payoff, end.days_past_due), (Money::ZERO, 0));
    // 61 periods, or more than is billed, or before any statement: refused
    let too_long = Card::new(d(2026, 3, 6), china(InterestMethod::WholeStatement))
        .with_event(buy("sofa", d(2026, 3, 10), dec!(12000)))
        .with_event(plan(61));
    assert_eq!(too_long.statement(d(2026, 5, 5)).unwrap_err().kind(), "invalid");
    let early = Card::new(d(2026, 3, 6), china(InterestMethod::WholeStatement))
        .with_event(buy("sofa", d(2026, 3, 10), dec!(12000)))
        .with_event(CardEvent::InstallmentPlan {
            id: "plan".into(),
            date: d(2026, 3, 20),
            amount: m(dec!(12000)),
            periods: 12,
            charge: PlanCharge::FeePerPeriod { share: dec!(0.006) },
        });
    assert_eq!(early.statement(d(2026, 5, 5)).unwrap_err().kind(), "invalid");
}

/// The ways to repay a card, each carried forward by the card's own replay:
/// in full on the due date (no interest within the interest-free period),
/// a fixed amount a month, or the minimum only (the slowest and dearest).
#[test]
fn paying_in_full_costs_least_and_the_minimum_only_most() {
    let card = Card::new(d(2026, 1, 6), china(InterestMethod::WholeStatement)).with_event(buy(
        "tv",
        d(2026, 1, 10),
        dec!(6000),
    ));
    let full = card.project(d(2026, 2, 5), Repayment::InFull).unwrap();
    // the payment that clears the card is made the day before its due date, at that day's payoff
    assert_eq!(
        (full.months, full.total_paid, full.paid_off_on),
        (1, m(dec!(6000)), Some(d(2026, 2, 24)))
    );
    let fixed = card.project(d(2026, 2, 5), Repayment::Monthly(m(dec!(1000)))).unwrap();
    let minimum = card.project(d(2026, 2, 5), Repayment::MinimumOnly).unwrap();
    assert!(full.total_paid < fixed.total_paid && fixed.total_paid < minimum.total_paid);
    assert!(full.months < fixed.months && fixed.months < minimum.months);
    // the fixed plan, by hand: the balance after each payment never grows, and the last payment clears it
    let st = card.clone();
    let mut replayed = st;
    let mut day = d(2026, 2, 25);
    for k in 0..fixed.months {
        let eve = day.pred_opt().unwrap();
        let before = replayed.statement(eve).unwrap();
        let amount = m(dec!(1000)).max(before.minimum_due).min(before.payoff);
        let on = if amount == before.payoff { eve } else { day };
        replayed = replayed.with_event(pay(&format!("k{k}"), on, amount.as_decimal()));
        day = day.checked_add_months(chrono::Months::new(1)).unwrap();
    }
    assert_eq!(
        replayed.statement(fixed.paid_off_on.unwrap()).unwrap().payoff,
        Money::ZERO
    );
    assert_eq!(
        card.project(d(2026, 2, 5), Repayment::Monthly(Money::ZERO))
            .unwrap_err()
            .kind(),
        "invalid"
    );
}
