//! A credit card as the bureau sees it: the Metro 2 fields of a revolving
//! account (the CDIA's Credit Reporting Resource Guide: portfolio type `R`,
//! account type `18` credit card, terms duration `REV`, the credit limit,
//! the highest balance, the minimum payment as the scheduled payment), its
//! status by days past due and `97` once charged off (180 days, the uniform
//! retail policy for open-end credit).

use overdue::revolving::{Card, CardEvent, CardTerms};
use overdue::{dec, Money, NaiveDate, Rate};
use rust_decimal::Decimal;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn m(v: Decimal) -> Money {
    Money::new(v).unwrap()
}

/// Opened 6 January 2026, statement on the 5th, due 20 days later, 0.05 % a
/// day, minimum 10 %: 3,000 bought on 10 January and nothing paid.
fn unpaid() -> Card {
    Card::new(
        d(2026, 1, 6),
        CardTerms::new(m(dec!(10000)), 5, Rate::daily(dec!(0.0005)).unwrap()).unwrap(),
    )
    .with_event(CardEvent::Purchase {
        id: "tv".into(),
        date: d(2026, 1, 10),
        amount: m(dec!(3000)),
    })
}

#[test]
fn a_card_is_reported_as_a_revolving_credit_card_account() {
    let report = unpaid().metro2(d(2026, 4, 30)).unwrap();
    assert_eq!(
        (
            report.portfolio_type,
            report.account_type.as_str(),
            report.terms_duration.as_str()
        ),
        ('R', "18", "REV")
    );
    assert_eq!(report.credit_limit, m(dec!(10000)));
    // 5 March: 10 % of 3,000 + 81.00 interest (54 days from 10 January) + the 300 past due = 681.00;
    // 5 April: 300 + 46.50 interest (31 days) + the 681.00 past due = 1,027.50
    assert_eq!(report.scheduled_monthly_payment, m(dec!(1027.50)));
    // the minimum due 25 February unpaid: 64 days at the end of 30 April
    assert_eq!(report.record.account_status.code(), "78");
    assert_eq!(report.record.payment_history_profile.get(..5), Some("100BB"));
    // past due at the end of 30 April: all three minimums (due 25 February, March and April)
    let st = unpaid().statement(d(2026, 4, 30)).unwrap();
    assert_eq!(st.past_due, m(dec!(1027.50)));
    assert_eq!(report.record.amount_past_due, st.past_due);
    assert_eq!(report.record.current_balance, st.balances.total().unwrap());
    assert!(report.highest_credit >= report.record.current_balance);
}

#[test]
fn a_card_charged_off_at_180_days_is_reported_as_a_loss() {
    let report = unpaid().metro2(d(2026, 12, 31)).unwrap();
    assert_eq!(report.record.account_status.code(), "97");
    assert_eq!(report.record.payment_history_profile.get(..2), Some("LL"));
}

/// The PBOC record of a 贷记卡 (征信中心《个人信用信息基础数据库》 repayment
/// record: one character a month, read on the statement date): `N` billed
/// and nothing past due, `1`–`7` by months past due, `B` charged off; the
/// months overdue now and at most.
#[test]
fn a_card_is_recorded_month_by_month_on_its_statement_dates() {
    let record = unpaid().pboc_record(d(2026, 6, 30)).unwrap();
    // 5 February billed (N); then the minimum due 25 February unpaid: 8, 39, 69, 100 days
    assert_eq!(record.history, "N1234");
    assert_eq!((record.installments_overdue, record.highest_months_overdue), (4, 4));
    let last = record.months.last().unwrap();
    assert_eq!(
        (last.month.as_str(), last.reporting_date, last.days_past_due),
        ("2026-06", d(2026, 6, 5), 100)
    );
    assert_eq!(
        record.amount_overdue,
        unpaid().statement(d(2026, 6, 5)).unwrap().cycles[4].past_due
    );
    // charged off at 180 days (24 August): B from the next statement on
    let off = unpaid().pboc_record(d(2026, 12, 31)).unwrap();
    assert!(off.history.ends_with("BBBB"), "{}", off.history);
}

/// A card's classification by its days past due, counted from the first
/// minimum missed (25 February here): China's card classes (商业银行信用卡业务
/// 监督管理办法, CBRC order 2011 No. 2, art. 92: 1–90 days special mention,
/// 91–120 substandard, 121–180 doubtful, more than 180 loss); the FFIEC
/// Uniform Retail Credit Classification and Account Management Policy for
/// open-end credit (90 days non-accrual, 180 days charged off); IFRS 9's
/// presumptions (more than 30 days stage 2, more than 90 stage 3).
#[test]
fn a_card_is_classified_by_its_days_past_due_and_charged_off_at_180() {
    use overdue::report::{AccrualStatus as A, AssetClass as C, ClassificationRules, Ifrs9Stage as S};
    let card = unpaid();
    let rules = ClassificationRules::china_credit_card();
    let on = |days: u64| {
        let c = card.classify(&rules, d(2026, 2, 25) + chrono::Days::new(days)).unwrap();
        assert_eq!(c.days_past_due as u64, days);
        (c.class, c.us_accrual_status, c.ifrs9_stage, c.charged_off)
    };
    assert_eq!(on(30), (C::SpecialMention, A::Accrual, S::Stage1, false));
    assert_eq!(on(31), (C::SpecialMention, A::Accrual, S::Stage2, false));
    assert_eq!(on(89), (C::SpecialMention, A::Accrual, S::Stage2, false));
    assert_eq!(on(90), (C::SpecialMention, A::NonAccrual, S::Stage2, false));
    assert_eq!(on(91), (C::Substandard, A::NonAccrual, S::Stage3, false));
    assert_eq!(on(121), (C::Doubtful, A::NonAccrual, S::Stage3, false));
    assert_eq!(on(179), (C::Doubtful, A::NonAccrual, S::Stage3, false));
    assert_eq!(on(180), (C::Loss, A::ChargeOff, S::Stage3, true));
}

/// A card its contract charges off sooner (here at 120 days) is classified
/// loss and charged off from that day, whatever the bands say.
#[test]
fn a_card_charged_off_by_its_terms_is_classified_loss() {
    use overdue::report::{AccrualStatus, AssetClass, ClassificationRules};
    let terms = CardTerms::new(m(dec!(10000)), 5, Rate::daily(dec!(0.0005)).unwrap())
        .unwrap()
        .with_charge_off_after(120);
    let card = Card::new(d(2026, 1, 6), terms).with_event(CardEvent::Purchase {
        id: "tv".into(),
        date: d(2026, 1, 10),
        amount: m(dec!(3000)),
    });
    let c = card
        .classify(&ClassificationRules::china_credit_card(), d(2026, 6, 25))
        .unwrap();
    assert_eq!((c.days_past_due, c.charged_off), (120, true));
    assert_eq!(
        (c.class, c.us_accrual_status),
        (AssetClass::Loss, AccrualStatus::ChargeOff)
    );
}
