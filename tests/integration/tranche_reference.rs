//! A loan paid out in tranches, checked by hand: interest on each tranche
//! from its own date (3.65 % a year on Act/365 Fixed is 0.01 % a day), each
//! disbursement re-amortising the installments that remain, as Apache
//! Fineract's multi-disbursement loans regenerate the schedule at each
//! disbursement, or repaid over a schedule of its own; the approved amount
//! paid out once.

use overdue::revolving::{LineStatement, Tranche, TrancheLoan, TrancheRule};
use overdue::{dec, schedule::Terms, Error, Method, Money, NaiveDate, OverduePolicy, Payment, Rate};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn m(v: rust_decimal::Decimal) -> Money {
    Money::new(v).unwrap()
}

/// 100,000 approved at 3.65 % a year, 12 monthly installments from 15 February 2026 (the last
/// on 15 January 2027); 60,000 paid out on 15 January and 40,000 on 1 April.
fn loan(method: Method) -> TrancheLoan {
    let terms = Terms::new(Rate::annual(dec!(0.0365)).unwrap(), 12)
        .with_method(method)
        .with_first_due(d(2026, 2, 15));
    TrancheLoan::new(m(dec!(100000)), terms, OverduePolicy::new())
        .unwrap()
        .with_tranche(Tranche::new("t1", d(2026, 1, 15), m(dec!(60000))))
        .with_tranche(Tranche::new("t2", d(2026, 4, 1), m(dec!(40000))))
}

fn principal_due(st: &LineStatement, k: usize, on: NaiveDate) -> Money {
    let inst = st.draws[k]
        .statement
        .installments
        .iter()
        .find(|i| i.due_date == on)
        .unwrap();
    inst.charged.principal
}

#[test]
fn interest_runs_on_each_tranche_from_its_own_date() {
    let st = loan(Method::EqualInstallment).statement(d(2026, 4, 20)).unwrap();
    let (t1, t2) = (&st.draws[0].statement, &st.draws[1].statement);
    // 60,000 × 0.01 % × 31 days (15 January to 15 February)
    assert_eq!(t1.installments[0].due_date, d(2026, 2, 15));
    assert_eq!(t1.installments[0].charged.interest, m(dec!(186.00)));
    // paid out on 1 April: first due on the contract's next due date, 15 April;
    // 40,000 × 0.01 % × 14 days
    assert_eq!(t2.installments[0].due_date, d(2026, 4, 15));
    assert_eq!(t2.installments[0].charged.interest, m(dec!(56.00)));
}

#[test]
fn a_tranche_re_amortises_the_installments_that_remain_by_default() {
    let st = loan(Method::EqualPrincipal).statement(d(2026, 4, 2)).unwrap();
    let t2 = &st.draws[1].statement.installments;
    // ten installments remain after 1 April (15 April 2026 to 15 January 2027), ending with the
    // contract: 40,000 / 10 = 4,000 principal each
    assert_eq!(t2.len(), 10);
    assert_eq!(t2.last().unwrap().due_date, d(2027, 1, 15));
    assert!(t2.iter().all(|i| i.charged.principal == m(dec!(4000.00))));
    // the contract's installment is re-amortised: the 50,000 of the first tranche still to
    // repay and the 40,000 paid out, 90,000 over the ten installments left
    let due = principal_due(&st, 0, d(2026, 4, 15)).checked_add(principal_due(&st, 1, d(2026, 4, 15)));
    assert_eq!(due.unwrap(), m(dec!(9000.00)));
}

#[test]
fn a_tranche_on_its_own_schedule_runs_the_contract_term_from_its_first_due_date() {
    let st = loan(Method::EqualPrincipal)
        .with_rule(TrancheRule::OwnSchedule)
        .statement(d(2026, 4, 2))
        .unwrap();
    let t2 = &st.draws[1].statement.installments;
    assert_eq!((t2.len(), t2[0].due_date), (12, d(2026, 4, 15)));
    assert_eq!(t2.last().unwrap().due_date, d(2027, 3, 15));
    // 40,000 / 12 = 3,333.33, the last installment taking the cent left
    assert_eq!(t2[0].charged.principal, m(dec!(3333.33)));
}

#[test]
fn the_approved_amount_is_paid_out_once_and_not_restored_by_repayment() {
    // the first tranche repaid in full on 1 March: 60,000, its interest to 15 February and
    // for the 14 days since (60,000 × 0.01 % × 14 = 84.00)
    let early = loan(Method::EqualInstallment);
    let payoff = early.statement(d(2026, 3, 1)).unwrap().payoff;
    let paid = early.with_payment(Payment::new("all", d(2026, 3, 1), payoff).unwrap());
    let st = paid.statement(d(2026, 3, 2)).unwrap();
    assert_eq!(st.outstanding.principal, m(dec!(0.00)));
    // approved and not yet paid out: 100,000 less 60,000; repaid principal is not paid out again
    assert_eq!(st.available, m(dec!(40000.00)));
    assert_eq!(paid.statement(d(2026, 4, 1)).unwrap().available, m(dec!(0.00)));
}

#[test]
fn a_payment_goes_to_the_oldest_due_date_first_then_the_earlier_tranche() {
    // the first tranche's installments paid on their due dates, exactly; on 15 April both
    // tranches fall due and the earlier one takes the whole payment
    let due = |loan: &TrancheLoan, on: NaiveDate, k: usize| {
        let st = loan.statement(on).unwrap();
        let inst = &st.draws[0].statement.installments[k];
        assert_eq!(inst.due_date, on);
        inst.outstanding.total().unwrap()
    };
    let mut paid = loan(Method::EqualInstallment);
    for (k, on) in [d(2026, 2, 15), d(2026, 3, 15), d(2026, 4, 15)].into_iter().enumerate() {
        let amount = due(&paid, on, k);
        paid = paid.with_payment(Payment::new(format!("p{k}"), on, amount).unwrap());
    }
    let st = paid.statement(d(2026, 4, 16)).unwrap();
    let april: Vec<(&str, Money)> = st
        .allocations
        .iter()
        .filter(|a| a.payment_id == "p2")
        .map(|a| (a.draw_id.as_str(), a.amount))
        .collect();
    assert_eq!(april.len(), 1);
    assert_eq!(april[0].0, "t1");
    assert_eq!(
        (st.draws[0].statement.days_past_due, st.draws[1].statement.days_past_due),
        (0, 1)
    );
    assert_eq!(st.days_past_due, 1);
    assert!(!st.frozen);
}

#[test]
fn bad_tranches_are_named_errors_on_any_date() {
    let field = |loan: &TrancheLoan| match loan.statement(d(2026, 1, 1)) {
        Err(Error::Invalid { field, .. }) => field,
        other => panic!("expected a named error, got {other:?}"),
    };
    let over = loan(Method::EqualInstallment).with_tranche(Tranche::new("t3", d(2026, 6, 1), m(dec!(0.01))));
    assert_eq!(field(&over), "tranches");
    let twice = loan(Method::EqualInstallment).with_tranche(Tranche::new("t1", d(2026, 1, 15), m(dec!(0))));
    assert_eq!(field(&twice), "tranches");
    let terms = Terms::new(Rate::ZERO, 3).with_first_due(d(2026, 2, 15));
    let small = |t: Tranche| {
        TrancheLoan::new(m(dec!(100)), terms, OverduePolicy::new())
            .unwrap()
            .with_tranche(t)
    };
    assert_eq!(field(&small(Tranche::new("z", d(2026, 1, 15), m(dec!(0))))), "tranches");
    // the last due date is 15 April: a tranche on it has no installment left to be repaid over
    let late = small(Tranche::new("late", d(2026, 4, 15), m(dec!(10))));
    assert_eq!(field(&late), "tranches");
    assert!(late
        .with_rule(TrancheRule::OwnSchedule)
        .statement(d(2026, 5, 1))
        .is_ok());
    let monthly_only = TrancheLoan::new(
        m(dec!(100)),
        terms.with_frequency(overdue::Frequency::Weekly),
        OverduePolicy::new(),
    );
    assert!(matches!(monthly_only, Err(Error::Invalid { field: "frequency", .. })));
}

#[test]
fn a_tranche_loan_reads_and_writes_strict_json() {
    let loan = loan(Method::EqualInstallment).with_rule(TrancheRule::OwnSchedule);
    let text = serde_json::to_string(&loan).unwrap();
    assert!(text.contains(r#""rule":"own_schedule""#));
    assert_eq!(serde_json::from_str::<TrancheLoan>(&text).unwrap(), loan);
    let unknown = text.replacen(r#""rule""#, r#""rules""#, 1);
    assert!(serde_json::from_str::<TrancheLoan>(&unknown).is_err());
}
