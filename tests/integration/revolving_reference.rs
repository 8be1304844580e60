//! A credit line with several draws (随借随还), checked by hand: interest
//! is the daily rate times the days on each draw's balance (日利率 × 天数, as
//! the platforms quote it), the penalty 1.5 × the daily rate on overdue
//! principal (the policy's default), a payment shared oldest due date first
//! across draws, and the limit used by the principal owed.

use overdue::accrual::Reversal;
use overdue::report::{AssetClass, ClassificationRules};
use overdue::revolving::{CreditLine, Draw, LineStatement};
use overdue::{dec, schedule::Terms, Error, Method, Money, NaiveDate, OverduePolicy, Payment, Rate};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn m(v: rust_decimal::Decimal) -> Money {
    Money::new(v).unwrap()
}

/// Rent drawn on 3 January (6,000 over six months, equal installments) and a
/// phone on 20 January (3,000 over three months, equal principal), both at
/// 0.04 % a day, due on the 10th; `paid` on 10 February.
fn line(paid: rust_decimal::Decimal) -> CreditLine {
    let daily = Rate::daily(dec!(0.0004)).unwrap();
    CreditLine::new(m(dec!(20000)), 10, OverduePolicy::new())
        .unwrap()
        .with_draw(Draw::new("rent", d(1, 3), m(dec!(6000)), Terms::new(daily, 6)))
        .with_draw(Draw::new(
            "phone",
            d(1, 20),
            m(dec!(3000)),
            Terms::new(daily, 3).with_method(Method::EqualPrincipal),
        ))
        .with_payment(Payment::new("feb", d(2, 10), m(paid)).unwrap())
}

/// a: 1,000 drawn 5 January, due 10 February and 10 March; b: 1,000 drawn 1 February, due
/// 10 March and 10 April (the due day at least 15 days on), both at no interest; 500 paid
/// on 10 February and on 10 March (March's to a, the earlier draw on that due date).
fn two_draws_half_paid() -> CreditLine {
    let terms = Terms::new(Rate::ZERO, 2);
    CreditLine::new(m(dec!(5000)), 10, OverduePolicy::new())
        .unwrap()
        .with_draw(Draw::new("a", d(1, 5), m(dec!(1000)), terms))
        .with_draw(Draw::new("b", d(2, 1), m(dec!(1000)), terms))
        .with_payment(Payment::new("feb", d(2, 10), m(dec!(500))).unwrap())
        .with_payment(Payment::new("mar", d(3, 10), m(dec!(500))).unwrap())
}

fn shares(st: &LineStatement) -> Vec<(&str, Money)> {
    st.allocations.iter().map(|a| (a.draw_id.as_str(), a.amount)).collect()
}

#[test]
fn each_draw_bears_interest_from_its_own_date_and_falls_due_on_the_line_due_day() {
    let st = line(dec!(1100)).statement(d(2, 10)).unwrap();
    let (rent, phone) = (&st.draws[0].statement, &st.draws[1].statement);
    // 6,000 × 0.04 % × 38 days (3 January to 10 February)
    assert_eq!(rent.installments[0].charged.interest, m(dec!(91.20)));
    assert_eq!(rent.installments[0].due_date, d(2, 10));
    // drawn 20 January: the 10th at least 15 days on is 10 February; 3,000 × 0.04 % × 21 days
    assert_eq!(phone.installments[0].due_date, d(2, 10));
    assert_eq!(phone.installments[0].charged.interest, m(dec!(25.20)));
    assert_eq!(phone.installments[0].charged.principal, m(dec!(1000.00)));
}

#[test]
fn a_payment_goes_to_the_oldest_due_date_first_then_the_earlier_draw() {
    // both first installments fall due on 10 February: the earlier draw is paid first,
    // in full (951.81 principal and 91.20 interest), and the phone gets the rest
    let st = line(dec!(1100)).statement(d(3, 1)).unwrap();
    assert_eq!(shares(&st), vec![("rent", m(dec!(1043.01))), ("phone", m(dec!(56.99)))]);
    assert_eq!(st.draws[0].statement.days_past_due, 0);
    // the phone: 25.20 interest paid, 31.79 of its 1,000 principal; 968.21 overdue from
    // 10 February: penalty 968.21 × 0.06 % (1.5 × 0.04 %) × 19 days = 11.04
    let phone = &st.draws[1].statement;
    assert_eq!(phone.days_past_due, 19);
    assert_eq!(phone.outstanding.penalty_interest, m(dec!(11.04)));
    // the line is as late as its latest draw, and frozen
    assert_eq!((st.days_past_due, st.bucket.as_str(), st.frozen), (19, "M1", true));
}

#[test]
fn a_payment_above_the_bill_prepays_the_oldest_draw() {
    // the bill of 10 February is 1,043.01 + 1,025.20 = 2,068.21; the other 131.79 prepays rent
    let st = line(dec!(2200)).statement(d(3, 1)).unwrap();
    assert_eq!(
        shares(&st),
        vec![("rent", m(dec!(1174.80))), ("phone", m(dec!(1025.20)))]
    );
    assert_eq!((st.days_past_due, st.frozen), (0, false));
    assert_eq!(st.next_due_date, Some(d(3, 10)));
}

#[test]
fn the_limit_available_is_the_limit_less_principal_owed_and_repayment_restores_it() {
    let before = line(dec!(0.01)).statement(d(2, 9)).unwrap();
    assert_eq!(before.available, m(dec!(11000.00)));
    let after = line(dec!(2200)).statement(d(2, 10)).unwrap();
    assert_eq!(
        after.available,
        m(dec!(20000)).checked_sub(after.outstanding.principal).unwrap()
    );
    assert!(after.available > before.available);
}

#[test]
fn a_draw_above_the_available_limit_is_refused() {
    let daily = Rate::daily(dec!(0.0004)).unwrap();
    let too_much = line(dec!(2200)).with_draw(Draw::new("car", d(2, 11), m(dec!(13100)), Terms::new(daily, 12)));
    // available on 11 February: 20,000 − 4,916.40 − 2,000 = 13,083.60
    let refused = too_much.statement(d(3, 1));
    assert!(
        matches!(&refused, Err(Error::Invalid { field: "draws", reason }) if reason.contains("available limit")),
        "{refused:?}"
    );
    // within the limit, the same draw of less is taken
    let fits = line(dec!(2200)).with_draw(Draw::new("car", d(2, 11), m(dec!(9000)), Terms::new(daily, 12)));
    assert_eq!(fits.statement(d(3, 1)).unwrap().draws.len(), 3);
}

#[test]
fn a_draw_while_a_draw_is_overdue_is_refused_as_the_line_is_frozen() {
    let daily = Rate::daily(dec!(0.0004)).unwrap();
    let late = line(dec!(1100)).with_draw(Draw::new("tv", d(2, 20), m(dec!(500)), Terms::new(daily, 3)));
    let refused = late.statement(d(3, 1));
    assert!(
        matches!(&refused, Err(Error::Invalid { field: "draws", reason }) if reason.contains("frozen, 10 days past due")),
        "{refused:?}"
    );
    // a line frozen only at 30 days past due takes it
    let lenient =
        line(dec!(1100))
            .with_freeze_after(30)
            .with_draw(Draw::new("tv", d(2, 20), m(dec!(500)), Terms::new(daily, 3)));
    assert_eq!(lenient.statement(d(3, 1)).unwrap().draws.len(), 3);
}

#[test]
fn repaying_the_whole_line_early_costs_only_the_days_used() {
    // on 1 March, after February's bill: the payoff of each draw is its principal and the
    // interest of the days since 10 February, with no fee
    let st = line(dec!(2200)).statement(d(3, 1)).unwrap();
    let settled = line(dec!(2200))
        .with_payment(Payment::new("all", d(3, 1), st.payoff).unwrap())
        .statement(d(3, 1))
        .unwrap();
    assert!(settled.payoff.is_zero(), "{}", settled.payoff);
    assert!(settled.outstanding.principal.is_zero());
    assert_eq!(settled.available, m(dec!(20000)));
    // rent: (6,000 − 1,083.60) × 0.04 % × 19 days = 37.36; phone: 2,000 × 0.04 % × 19 = 15.20
    let rent_principal = st.draws[0].statement.outstanding.principal;
    assert_eq!(rent_principal, m(dec!(4916.40)));
    assert_eq!(st.payoff, m(dec!(4916.40) + dec!(37.36) + dec!(2000) + dec!(15.20)));
}

#[test]
fn a_payment_before_any_draw_and_ids_used_twice_are_refused() {
    let empty = CreditLine::new(m(dec!(100)), 10, OverduePolicy::new())
        .unwrap()
        .with_payment(Payment::new("p", d(1, 1), m(dec!(1))).unwrap());
    assert!(matches!(
        empty.statement(d(2, 1)),
        Err(Error::Invalid { field: "payments", .. })
    ));
    let twice = line(dec!(1)).with_payment(Payment::new("feb", d(2, 11), m(dec!(1))).unwrap());
    assert!(matches!(
        twice.statement(d(3, 1)),
        Err(Error::Invalid { field: "payments", .. })
    ));
}

/// The PBOC record (个人信用报告 还款记录): one status a month, `N` paid as agreed,
/// `1`–`7` by 30-day steps of days past due at the end of the reporting date, `C` settled,
/// `*` nothing due. The line is reported month by month as its worst draw; a draw, as a
/// loan of its own.
#[test]
fn a_line_is_reported_month_by_month_as_its_worst_draw_and_each_draw_as_its_own_loan() {
    let line = two_draws_half_paid();
    let records = line.pboc_records(d(4, 30)).unwrap();
    // March's 500 goes to a (the earlier draw on the same due date): a settles in March
    assert_eq!(records.draws[0].record.history, "*NC");
    // b: its March installment 1 day past due at the end of 10 March, 32 at the end of 10 April
    assert_eq!(records.draws[1].record.history, "*12");
    let months: Vec<(&str, char, u32)> = records
        .line
        .months
        .iter()
        .map(|m| (m.month.as_str(), m.status, m.days_past_due))
        .collect();
    assert_eq!(
        months,
        vec![
            ("2026-01", '*', 0),
            ("2026-02", 'N', 0),
            ("2026-03", '1', 1),
            ("2026-04", '2', 32)
        ]
    );
    // what is overdue on the line is b's: 1,000 over two installments
    assert_eq!(
        (records.line.amount_overdue, records.line.installments_overdue),
        (m(dec!(1000.00)), 2)
    );
    assert_eq!(records.line.highest_months_overdue, 2);
}

/// A consumer's line is a retail asset: China's 2023 measures (商业银行金融资产风险分类办法,
/// art. 8) classify retail assets one by one by days past due, so each draw is classified
/// as a loan of its own, and the line reported as its worst draw. Art. 7's rule (all of a
/// debtor's claims non-performing once more than 10 % are) is for non-retail debtors.
#[test]
fn a_lines_draws_are_classified_one_by_one_as_retail_assets_and_the_line_as_its_worst() {
    let terms = Terms::new(Rate::ZERO, 2);
    // old: drawn 5 January, due 10 February and 10 March; new: drawn 1 February, due 10 March
    // and 10 April; 1,000 paid on 10 March clears old (February's installment first) and
    // leaves new unpaid from 10 March
    let line = CreditLine::new(m(dec!(5000)), 10, OverduePolicy::new())
        .unwrap()
        .with_draw(Draw::new("old", d(1, 5), m(dec!(1000)), terms))
        .with_draw(Draw::new("new", d(2, 1), m(dec!(1000)), terms))
        .with_payment(Payment::new("mar", d(3, 10), m(dec!(1000))).unwrap());
    let rules = ClassificationRules::china_2023();
    let classes_on = |day| {
        let c = line.risk_classes(&rules, day).unwrap();
        let draws: Vec<(AssetClass, u32)> = c
            .draws
            .iter()
            .map(|d| (d.classification.class, d.classification.days_past_due))
            .collect();
        (c.class, c.days_past_due, draws)
    };
    // 8 June: 90 days past due (10 March + 90), still special mention; old was 28 days late
    // on its February installment and is current since: normal
    assert_eq!(
        classes_on(d(6, 8)),
        (
            AssetClass::SpecialMention,
            90,
            vec![(AssetClass::Normal, 0), (AssetClass::SpecialMention, 90)]
        )
    );
    // 9 June: more than 90 days, substandard; the line with it
    assert_eq!(
        classes_on(d(6, 9)),
        (
            AssetClass::Substandard,
            91,
            vec![(AssetClass::Normal, 0), (AssetClass::Substandard, 91)]
        )
    );
}

/// A credit line reported to Metro 2 as the CDIA's guidelines for credit line accounts
/// set it: portfolio type `C` (line of credit), account type `15`, the assigned limit,
/// the highest credit utilized and terms `LOC`; its status, history, balance and amount
/// past due from its draws' (the worst status, a repaid draw counting as current, since
/// the line stays open; the sums of the balances), each draw also reported as a loan.
#[test]
fn a_line_is_reported_to_metro2_as_a_line_of_credit_from_its_draws() {
    let line = two_draws_half_paid();
    let report = line.metro2(d(4, 30)).unwrap();
    assert_eq!(
        (
            report.portfolio_type,
            report.account_type.as_str(),
            report.terms_duration.as_str()
        ),
        ('C', "15", "LOC")
    );
    assert_eq!(report.credit_limit, m(dec!(5000)));
    // on 1 February, before any payment: all of a and all of b
    assert_eq!(report.highest_credit, m(dec!(2000)));
    // April's installment of b, as scheduled (its March one is past due, not scheduled)
    assert_eq!(report.scheduled_monthly_payment, m(dec!(500)));
    // a repaid in March (13); b's March installment 51 days unpaid at the end of 30 April (71)
    let statuses: Vec<&str> = report.draws.iter().map(|r| r.record.account_status.code()).collect();
    assert_eq!(statuses, ["13", "71"]);
    assert_eq!(report.line.account_status.code(), "71");
    assert_eq!(report.line.payment_rating, None);
    // only what is 30 days or more past due: b's March installment
    assert_eq!(report.line.amount_past_due, m(dec!(500)));
    assert_eq!(report.line.current_balance, m(dec!(1000)));
    // March, February and January current (a drawn in January), nothing before
    assert_eq!(report.line.payment_history_profile, format!("000{}", "B".repeat(21)));
}

/// A payment returned unpaid (a bounced debit) is left out of the line's history from the
/// reversal's date, as a ledger leaves out a reversed payment: the draws it paid owe again
/// from their own due dates; a statement before the reversal still counts it.
#[test]
fn a_bounced_payment_is_left_out_of_the_line_from_the_reversal_date() {
    let line = two_draws_half_paid().with_reversal(Reversal::new("feb", d(2, 20)));
    // 19 February: February's 500 paid a's first installment
    let before = line.statement(d(2, 19)).unwrap();
    assert_eq!((before.days_past_due, before.reversals.len()), (0, 0));
    assert_eq!(before.outstanding.principal, m(dec!(1500.00)));
    // 1 March: as if never paid, a's first installment is 19 days past due
    let after = line.statement(d(3, 1)).unwrap();
    assert_eq!(after.days_past_due, 19);
    assert_eq!(after.outstanding.principal, m(dec!(2000.00)));
    assert!(after.allocations.is_empty());
    assert_eq!(after.reversals, [Reversal::new("feb", d(2, 20))]);
    // 30 April: March's 500 went to a's February installment; a's and b's March ones are
    // 51 days past due, b's April one 20
    let april = line.statement(d(4, 30)).unwrap();
    assert_eq!(april.days_past_due, 51);
    assert_eq!(april.outstanding.principal, m(dec!(1500.00)));
    assert_eq!(shares(&april), [("a", m(dec!(500)))]);
}

/// A draw the returned payment made room for stays made: it was judged on the history its
/// day knew. The line is then over its limit, with nothing available, and the next draw is
/// refused.
#[test]
fn a_draw_made_before_a_payment_bounced_stays_made_and_the_line_is_over_its_limit() {
    let thousand = m(dec!(1000));
    let terms = Terms::new(Rate::ZERO, 2);
    // never frozen, so that the limit alone decides
    let line = CreditLine::new(thousand, 10, OverduePolicy::new())
        .unwrap()
        .with_freeze_after(0)
        .with_draw(Draw::new("first", d(1, 5), thousand, terms))
        // February's 500 frees 500 of the limit, drawn on 12 February; the payment bounces on 15
        .with_payment(Payment::new("feb", d(2, 10), m(dec!(500))).unwrap())
        .with_draw(Draw::new("second", d(2, 12), m(dec!(500)), terms))
        .with_reversal(Reversal::new("feb", d(2, 15)));
    let st = line.statement(d(2, 20)).unwrap();
    assert_eq!(st.draws.len(), 2);
    assert_eq!(st.outstanding.principal, m(dec!(1500.00)));
    assert_eq!((st.available, st.days_past_due), (m(dec!(0.00)), 10));
    let refused = line
        .clone()
        .with_draw(Draw::new("third", d(2, 25), m(dec!(1)), terms))
        .statement(d(2, 26))
        .unwrap_err();
    assert!(
        refused.to_string().contains("above the available limit of 0"),
        "{refused}"
    );
}

/// Each draw is judged once on the history its day knew, however many payments bounce after
/// it: thirty draws, each followed by a payment returned two days later (judging each draw by
/// replaying the line to its date, without remembering the judgement, nests one replay per
/// earlier draw: about 2^30 replays here).
#[test]
fn each_draw_is_judged_once_however_many_payments_bounce_after_it() {
    let terms = Terms::new(Rate::ZERO, 12);
    let start = d(1, 1);
    let mut line = CreditLine::new(m(dec!(100000)), 10, OverduePolicy::new())
        .unwrap()
        .with_freeze_after(0);
    for k in 0..30u64 {
        let day = start + chrono::Days::new(7 * k);
        line = line
            .with_draw(Draw::new(format!("d{k}"), day, m(dec!(100)), terms))
            .with_payment(Payment::new(format!("p{k}"), day + chrono::Days::new(1), m(dec!(1))).unwrap())
            .with_reversal(Reversal::new(format!("p{k}"), day + chrono::Days::new(3)));
    }
    let st = line.statement(d(8, 1)).unwrap();
    assert_eq!((st.draws.len(), st.reversals.len()), (30, 30));
    assert!(st.allocations.is_empty());
    assert_eq!(st.outstanding.principal, m(dec!(3000.00)));
}
