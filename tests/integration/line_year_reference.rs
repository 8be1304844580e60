//! A credit line over a year, worked by hand: three draws (先息后本, and two
//! 等额本金), each bill paid on its due date but one, the line frozen while a
//! draw is overdue, and the penalty on that draw's overdue principal. The
//! penalty rate is the contract rate plus 50 % and unpaid interest bears
//! compound interest at it (中国人民银行《关于人民币贷款利率有关问题的通知》,
//! 银发〔2003〕251号, art. 3: 逾期贷款罚息利率为在借款合同载定的利率水平上加收
//! 30%–50%; 对不能按时支付的利息，按罚息利率计收复利), the policy's default.

use overdue::revolving::{CreditLine, Draw};
use overdue::{dec, schedule::Terms, Method, Money, NaiveDate, OverduePolicy, Payment, Rate};
use rust_decimal::Decimal;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn m(v: Decimal) -> Money {
    Money::new(v).unwrap()
}

/// The line: 30,000, due on the 10th, 0.04 % a day on every draw.
/// - rent, 10 January: 12,000, interest only for 12 months (先息后本);
/// - phone, 10 March: 3,000, equal principal over 3 months;
/// - trip, 10 July: 6,000, equal principal over 6 months.
///
/// `payments` are made to the line on their dates.
fn year(payments: &[(NaiveDate, Decimal)]) -> CreditLine {
    let daily = Rate::daily(dec!(0.0004)).unwrap();
    let mut line = CreditLine::new(m(dec!(30000)), 10, OverduePolicy::new())
        .unwrap()
        .with_draw(Draw::new(
            "rent",
            d(2026, 1, 10),
            m(dec!(12000)),
            Terms::new(daily, 12).with_method(Method::InterestOnly),
        ))
        .with_draw(Draw::new(
            "phone",
            d(2026, 3, 10),
            m(dec!(3000)),
            Terms::new(daily, 3).with_method(Method::EqualPrincipal),
        ))
        .with_draw(Draw::new(
            "trip",
            d(2026, 7, 10),
            m(dec!(6000)),
            Terms::new(daily, 6).with_method(Method::EqualPrincipal),
        ));
    for (k, (day, amount)) in payments.iter().enumerate() {
        line = line.with_payment(Payment::new(format!("p{k}"), *day, m(*amount)).unwrap());
    }
    line
}

/// The payments: every bill on its due date, September's short (the rent's
/// interest alone), October's what is then due; on 10 January 2027 the
/// payoff.
fn paid() -> Vec<(NaiveDate, Decimal)> {
    vec![
        (d(2026, 2, 10), dec!(148.80)),
        (d(2026, 3, 10), dec!(134.40)),
        (d(2026, 4, 10), dec!(1186.00)),
        (d(2026, 5, 10), dec!(1168.00)),
        (d(2026, 6, 10), dec!(1161.20)),
        (d(2026, 7, 10), dec!(144.00)),
        (d(2026, 8, 10), dec!(1223.20)),
        (d(2026, 9, 10), dec!(148.80)),
        (d(2026, 10, 10), dec!(2273.12)),
        (d(2026, 11, 10), dec!(1186.00)),
        (d(2026, 12, 10), dec!(1168.00)),
        (d(2027, 1, 10), dec!(13173.65)),
    ]
}

/// Each draw's interest is its principal × 0.04 % × the days (按日计息), billed
/// on the line's due day: the rent 12,000 × 0.04 % = 4.80 a day (148.80 for 31
/// days, 134.40 for 28, 144.00 for 30); the phone 1,000 of principal a month
/// and 37.20, 24.00, 12.40 of interest; the trip 1,000 and 74.40 in August,
/// 1,000 and 62.00 in September.
#[test]
fn a_lines_bill_is_each_draws_installment_due_that_day() {
    let line = year(&paid());
    let bills = [
        (d(2026, 2, 9), dec!(148.80)),
        (d(2026, 3, 9), dec!(134.40)),
        (d(2026, 4, 9), dec!(1186.00)), // 148.80 + 1,037.20
        (d(2026, 5, 9), dec!(1168.00)), // 144.00 + 1,024.00
        (d(2026, 6, 9), dec!(1161.20)), // 148.80 + 1,012.40
        (d(2026, 7, 9), dec!(144.00)),
        (d(2026, 8, 9), dec!(1223.20)),  // 148.80 + 1,074.40
        (d(2026, 9, 9), dec!(1210.80)),  // 148.80 + 1,062.00
        (d(2026, 11, 9), dec!(1186.00)), // 148.80 + 1,037.20
        (d(2026, 12, 9), dec!(1168.00)), // 144.00 + 1,024.00
    ];
    for (eve, bill) in bills {
        let st = line.statement(eve).unwrap();
        assert_eq!((st.bill, st.days_past_due), (m(bill), 0), "{eve}");
    }
}

/// September's 148.80 pays the rent's interest (the earlier draw, on the same
/// due date) and leaves the trip's 1,062.00 unpaid: the trip is past due from
/// 11 September and the line frozen, so a draw on 20 September is refused. By
/// 9 October (29 days) the overdue 1,000 of principal has borne the penalty,
/// 1.5 × 0.04 % = 0.06 % a day: 29 × 0.60 = 17.40, and the 62.00 of overdue
/// interest compound interest at the same rate: 29 × 0.0372 = 1.08.
#[test]
fn one_draw_overdue_freezes_the_line_and_bears_the_penalty() {
    let line = year(&paid());
    let st = line.statement(d(2026, 10, 9)).unwrap();
    assert!(st.frozen);
    assert_eq!(st.days_past_due, 29);
    let trip = &st.draws[2].statement;
    assert_eq!(trip.days_past_due, 29);
    assert_eq!(st.draws[0].statement.days_past_due, 0);
    assert_eq!(
        (trip.outstanding.penalty_interest, trip.outstanding.compound_interest),
        (m(dec!(17.40)), m(dec!(1.08)))
    );
    let refused = line
        .clone()
        .with_draw(Draw::new(
            "tv",
            d(2026, 9, 20),
            m(dec!(1000)),
            Terms::new(Rate::daily(dec!(0.0004)).unwrap(), 3),
        ))
        .statement(d(2026, 10, 9))
        .unwrap_err();
    assert!(refused.to_string().contains("frozen"), "{refused}");
}

/// On 10 October the bill is the rent's 144.00, the trip's September
/// installment (1,062.00), its penalty (30 × 0.60 = 18.00) and compound
/// interest (62.00 × 0.06 % × 30 = 1.116, 1.12), and its October installment
/// as scheduled (1,048.00): 2,273.12. Paid, the line is current and open
/// again. The overdue 1,000 still bore interest for the 30 days (12.00 more
/// than the schedule's 48.00 on 4,000): October's installment pays the 60.00
/// of interest first, so 988.00 of principal, and the trip owes 5,000 −
/// 1,000 − 988 = 3,012.00; 14,988 of the limit is available.
#[test]
fn paying_what_is_due_reopens_the_line() {
    let before = year(&paid()[..8]).statement(d(2026, 10, 10)).unwrap();
    assert_eq!(before.bill, m(dec!(2273.12)));
    let after = year(&paid()).statement(d(2026, 10, 10)).unwrap();
    assert_eq!(
        (after.days_past_due, after.frozen, after.available),
        (0, false, m(dec!(14988)))
    );
    assert_eq!(after.draws[2].statement.payoff, m(dec!(3012.00)));
}

/// Over the year the borrower repays the 21,000 drawn and the interest the
/// days cost, each period's rounded to the cent on its due date: the rent
/// 365 × 4.80 = 1,752.00; the phone 73.60; the trip 74.40 + 62.00 + 60.00,
/// then on 3,012.00 for 31 days 37.35 (so 999.85 of principal in November's
/// 1,037.20), on 2,012.15 for 30 days 24.15 (999.85 again), and on 1,012.30
/// for 31 days 12.55, which with the rent's 12,148.80 makes the last
/// payment 13,173.65; with the penalty 18.00 and compound interest 1.12:
/// 23,115.17 in all, and nothing is left.
#[test]
fn over_the_year_the_line_costs_the_days_each_draw_was_used() {
    let line = year(&paid());
    let trip = dec!(74.40) + dec!(62.00) + dec!(60.00) + dec!(37.35) + dec!(24.15) + dec!(12.55);
    let total: Decimal = paid().iter().map(|p| p.1).sum();
    assert_eq!(
        total,
        dec!(21000) + dec!(1752.00) + dec!(73.60) + trip + dec!(18.00) + dec!(1.12)
    );
    let eve = line.statement(d(2027, 1, 9)).unwrap();
    assert_eq!(eve.draws[2].statement.outstanding.principal, m(dec!(1012.30)));
    let end = line.statement(d(2027, 1, 10)).unwrap();
    assert_eq!((end.payoff, end.days_past_due), (Money::ZERO, 0));
}

/// The year as the lender books it (each draw as a loan of its own, the
/// entries merged): 21,000 lent and 23,115.17 received, so cash is up
/// 2,115.17; the income is the interest of every draw (1,752.00 + 73.60 +
/// 270.45), the penalty 18.00 and compound interest 1.12; nothing is left
/// receivable. Debits equal credits on every entry.
#[test]
fn the_lines_journal_books_the_years_income_and_leaves_nothing_receivable() {
    use overdue::books::{Account, BookingPolicy};
    use overdue::Component;
    let end = d(2027, 1, 10);
    let journal = year(&paid()).journal(&BookingPolicy::new(), end).unwrap();
    let balance = |account| journal.balance(account, end).unwrap();
    assert_eq!(balance(Account::Cash), dec!(2115.17));
    assert_eq!(
        balance(Account::Income(Component::Interest)),
        -(dec!(1752.00) + dec!(73.60) + dec!(270.45))
    );
    assert_eq!(balance(Account::Income(Component::PenaltyInterest)), dec!(-18.00));
    assert_eq!(balance(Account::Income(Component::CompoundInterest)), dec!(-1.12));
    for component in [Component::Principal, Component::Interest, Component::PenaltyInterest] {
        assert_eq!(balance(Account::Receivable(component)), Decimal::ZERO, "{component:?}");
    }
    for entry in &journal.entries {
        let debit: Decimal = entry.postings.iter().map(|p| p.debit.as_decimal()).sum();
        let credit: Decimal = entry.postings.iter().map(|p| p.credit.as_decimal()).sum();
        assert_eq!(debit, credit, "{entry:?}");
    }
}
