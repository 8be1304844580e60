//! Interest that follows the money: daily interest on the actual balance, and
//! floating rates. Each test carries its arithmetic.

use crate::common::{d, m};
use overdue::accrual::{Accrues, LoanStatus, PenaltyRate};
use overdue::rate::{FloatingRate, RateTable, Reset, Spread};
use overdue::restructure::{NewPlan, Restructure};
use overdue::schedule::Terms;
use overdue::schedule::{DailyInstallments, InterestBasis, InterestModel};
use overdue::*;
use rust_decimal_macros::dec;

fn no_penalty() -> OverduePolicy {
    OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::ZERO))
        .with_compound_interest(Accrues::No)
}

/// 12,000 at 18 %/year, 12 monthly installments from 2026-01-15, daily interest under ACT/365F.
fn daily_options(rule: DailyInstallments) -> ScheduleOptions {
    ScheduleOptions::new(m(dec!(12000)), Rate::annual(dec!(0.18)).unwrap(), 12, d(2026, 1, 15)).with_interest(
        InterestModel::DailyOnBalance {
            day_count: DayCount::Act365Fixed,
            installments: rule,
        },
    )
}

fn daily_ledger(rule: DailyInstallments) -> Ledger {
    Ledger::new(Schedule::build(&daily_options(rule)).unwrap(), no_penalty()).unwrap()
}

fn pay_schedule_from(ledger: &mut Ledger, from: usize) {
    let plan = ledger.schedule().clone();
    for (k, row) in plan.installments().iter().enumerate().skip(from) {
        ledger
            .pay(Payment::new(format!("i{}", k + 1), row.due_date, row.payment).unwrap())
            .unwrap();
    }
}

fn total_interest(st: &Statement) -> Money {
    st.charged.interest
}

/// Invariant: a daily-interest loan paid exactly on every due date owes, to the cent,
/// what an actual-days schedule under the same day count says: each period's interest is the
/// balance × 18 % × days / 365 (02-15: 12,000 × 0.18 × 31 / 365 = 183.45; 03-15: 11,083.29 ×
/// 0.18 × 28 / 365 = 153.04), and the last installment settles the loan.
#[test]
fn daily_interest_paid_on_time_equals_the_actual_days_schedule() {
    let by_days = Schedule::build(
        &ScheduleOptions::new(m(dec!(12000)), Rate::annual(dec!(0.18)).unwrap(), 12, d(2026, 1, 15))
            .with_basis(InterestBasis::ActualDays(DayCount::Act365Fixed)),
    )
    .unwrap();
    for rule in [DailyInstallments::KeepInstallment, DailyInstallments::Reamortise] {
        let mut ledger = daily_ledger(rule);
        assert_eq!(ledger.schedule().installments(), by_days.installments());
        pay_schedule_from(&mut ledger, 0);
        let st = ledger.statement(d(2027, 1, 15)).unwrap();
        assert_eq!(st.status, LoanStatus::PaidOff);
        for (row, is) in by_days.installments().iter().zip(&st.installments) {
            assert_eq!(
                (is.paid.principal, is.paid.interest),
                (row.principal, row.interest),
                "{rule:?} {}",
                row.number
            );
        }
        assert_eq!(st.installments[0].paid.interest, m(dec!(183.45)));
        assert_eq!(st.installments[1].paid.interest, m(dec!(153.04)));
        assert_eq!(total_interest(&st), by_days.total_interest().unwrap());
        assert_eq!(st.credit_balance, Money::ZERO);
    }
}

/// Installment 2 (due 03-15, 1,100.16) paid 45 days late, on 04-29; everything else on time.
/// By hand (ACT/365F, 18 %, no penalty so only contract interest moves):
/// - 04-15, installment 3 falls due on a balance still 11,083.29 (installment 2's 947.12 of
///   principal unpaid): 11,083.29 × 0.18 × 31 / 365 = 169.44 of interest (154.96 on time), so
///   1,100.16 − 169.44 = 930.72 of principal;
/// - 04-29, the payment first takes the 14 days since 04-15 onto installment 4: 11,083.29 ×
///   0.18 × 14 / 365 = 76.52, then pays installment 2 (947.12 + 153.04) in full;
/// - 05-15, installment 4: 76.52 + 10,136.17 × 0.18 × 16 / 365 (79.98) = 156.50 (135.98 on
///   time), principal 943.66.
///
/// Each later installment keeps 1,100.16; the last settles what remains, so the 45 days cost
/// more interest, and the last installment is larger by exactly the principal they displaced.
#[test]
fn daily_interest_on_an_installment_paid_45_days_late() {
    let mut ledger = daily_ledger(DailyInstallments::KeepInstallment);
    let plan = ledger.schedule().clone();
    let rows = plan.installments();
    ledger
        .pay(Payment::new("i1", rows[0].due_date, rows[0].payment).unwrap())
        .unwrap();
    ledger
        .pay(Payment::new("i2", d(2026, 4, 29), rows[1].payment).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 4, 29)).unwrap();
    assert_eq!(st.installments[2].charged.interest, m(dec!(169.44)));
    assert_eq!(st.installments[2].charged.principal, m(dec!(930.72)));
    assert_eq!(st.installments[3].charged.interest, m(dec!(76.52)));
    assert_eq!(st.days_past_due, 14); // installment 3, due 04-15
    let st = ledger.statement(d(2026, 5, 15)).unwrap();
    assert_eq!(st.installments[3].charged.interest, m(dec!(156.50)));
    assert_eq!(st.installments[3].charged.principal, m(dec!(943.66)));
    // installment 3 paid on 05-15 with 4; then on time to the end
    ledger
        .pay(Payment::new("i3", d(2026, 5, 15), rows[2].payment).unwrap())
        .unwrap();
    pay_schedule_from(&mut ledger, 3);
    let end = rows[11].due_date;
    let st = ledger.statement(end).unwrap();
    let on_time = plan.total_interest().unwrap();
    assert!(total_interest(&st) > on_time, "{} vs {on_time}", total_interest(&st));
    // what is left after paying the scheduled last installment is the extra interest
    let extra = total_interest(&st).checked_sub(on_time).unwrap();
    assert_eq!(st.payoff, extra, "the last installment settles what remains");
    // paying it settles the loan
    ledger.pay(Payment::new("rest", end, st.payoff).unwrap()).unwrap();
    assert_eq!(ledger.statement(end).unwrap().status, LoanStatus::PaidOff);
}

/// Installment 1 paid on 02-15, then 5,000 extra on 02-20. The payment first pays the 5 days of
/// interest since 02-15 (11,083.29 × 0.18 × 5 / 365 = 27.33); the rest, 4,972.67, reduces the
/// principal that day (installment 2's 947.12, then 4,025.55 off the later ones). Extra principal
/// does not pay the next installment ahead: on 03-15 installment 2 still asks for the rest of
/// its 1,100.16, 125.71 = the 23 days since 02-20 on 6,110.62 (69.31) + 56.40 of principal.
/// Then installment 3: 31 days on 6,054.22 = 92.55 of interest. Keeping the installment repays
/// the loan in fewer installments (installment 3 still 1,100.16); re-amortising keeps all
/// twelve at a lower installment. Either way the interest is less than on time.
#[test]
fn a_prepayment_on_a_daily_interest_loan_under_each_installment_rule() {
    let on_time = daily_ledger(DailyInstallments::KeepInstallment)
        .schedule()
        .total_interest()
        .unwrap();
    for rule in [DailyInstallments::KeepInstallment, DailyInstallments::Reamortise] {
        let mut ledger = daily_ledger(rule);
        let first = ledger.schedule().installments()[0].clone();
        ledger
            .pay(Payment::new("i1", first.due_date, first.payment).unwrap())
            .unwrap();
        ledger
            .pay(Payment::new("extra", d(2026, 2, 20), m(dec!(5000))).unwrap())
            .unwrap();
        let st = ledger.statement(d(2026, 2, 20)).unwrap();
        let extra = st.allocations.last().unwrap();
        let to_interest = Money::sum(
            extra
                .parts
                .iter()
                .filter(|p| p.component == Component::Interest)
                .map(|p| p.amount),
        )
        .unwrap();
        assert_eq!(to_interest, m(dec!(27.33)), "{rule:?}");
        assert_eq!(
            st.outstanding.principal,
            m(dec!(6110.62)),
            "{rule:?}: 11,083.29 − 4,972.67"
        );
        let (second_due, third_due) = pay_the_rest_when_due(&mut ledger);
        let last = ledger.statement(d(2027, 1, 15)).unwrap();
        assert_eq!(last.status, LoanStatus::PaidOff, "{rule:?}");
        assert!(total_interest(&last) < on_time, "{rule:?}");
        let paying = last
            .installments
            .iter()
            .filter(|i| !i.charged.principal.is_zero())
            .count();
        assert_eq!(second_due, m(dec!(125.71)), "{rule:?}");
        assert_eq!(
            last.installments[1].charged.interest,
            m(dec!(96.64)),
            "{rule:?}: 27.33 + 69.31"
        );
        assert_eq!(last.installments[2].charged.interest, m(dec!(92.55)), "{rule:?}");
        match rule {
            DailyInstallments::KeepInstallment => {
                assert!(paying < 12, "the term shortens: {paying}");
                assert_eq!(third_due, m(dec!(1100.16)));
            }
            _ => {
                assert_eq!(paying, 12, "the term stays");
                assert!(third_due < m(dec!(1100.16)), "{third_due}");
            }
        }
    }
}

/// Pays every installment after the first still owed on its due date; returns what the
/// second and the third asked.
fn pay_the_rest_when_due(ledger: &mut Ledger) -> (Money, Money) {
    let (mut second_due, mut third_due) = (Money::ZERO, Money::ZERO);
    for k in 1..12 {
        let due = ledger.schedule().installments()[k].due_date;
        let Some(owed) = ledger
            .statement(due)
            .unwrap()
            .installments
            .get(k)
            .map(|i| i.outstanding)
        else {
            break; // the term shortened
        };
        let amount = Money::sum([owed.principal, owed.interest]).unwrap();
        if k == 1 {
            second_due = amount;
        }
        if k == 2 {
            third_due = amount;
        }
        if !amount.is_zero() {
            ledger
                .pay(Payment::new(format!("i{}", k + 1), due, amount).unwrap())
                .unwrap();
        }
    }
    (second_due, third_due)
}

/// The payoff of a daily-interest loan on any date is the principal outstanding plus the
/// interest accrued to that date plus what is overdue: 10 days after disbursement,
/// 12,000 + 12,000 × 0.18 × 10 / 365 (59.18).
#[test]
fn daily_interest_payoff_is_principal_plus_interest_to_date() {
    let ledger = daily_ledger(DailyInstallments::KeepInstallment);
    let st = ledger.statement(d(2026, 1, 25)).unwrap();
    assert_eq!(st.payoff, m(dec!(12059.18)));
    assert_eq!(st.payoff_components.interest, m(dec!(59.18)));
    // what the plan expects if every installment is paid on its due date
    assert_eq!(st.upcoming.interest, ledger.schedule().total_interest().unwrap());
    let mut settled = ledger.clone();
    settled
        .pay(Payment::new("payoff", d(2026, 1, 25), st.payoff).unwrap())
        .unwrap();
    let after = settled.statement(d(2026, 3, 1)).unwrap();
    assert_eq!(
        (after.status, after.charged.interest),
        (LoanStatus::PaidOff, m(dec!(59.18)))
    );
}

/// 100,000 over 36 months from 2025-01-01 (monthly, per-period basis, half away from zero), the
/// index 3.10 % until 2025-12-31 and 3.00 % from 2026-01-01, spread 1.50 %, reset each
/// 1 January (the reference case). Rows 1–12 at 4.60 %: 100,000 × (0.046/12) /
/// (1 − (1 + 0.046/12)^−36) = 2,979.16, leaving 68,184.85; rows 13–36 at 4.50 %: 68,184.85
/// re-amortised over 24 = 2,976.12, the last settling the residual. No restructure.
fn lpr_case() -> ScheduleOptions {
    let index = RateTable::new(vec![
        (d(2025, 1, 1), Rate::annual(dec!(0.031)).unwrap()),
        (d(2026, 1, 1), Rate::annual(dec!(0.03)).unwrap()),
    ])
    .unwrap();
    let floating = FloatingRate::new(index, Spread::annual(dec!(0.015))).with_reset(Reset::January1);
    ScheduleOptions::new(m(dec!(100000)), Rate::ZERO, 36, d(2025, 1, 1)).with_floating(floating)
}

#[test]
fn lpr_reference_case() {
    let s = Schedule::build(&lpr_case()).unwrap();
    let rows = s.installments();
    assert!(rows[..12].iter().all(|r| r.payment == m(dec!(2979.16))));
    assert_eq!(rows[11].balance_after, m(dec!(68184.85)));
    assert!(rows[12..35].iter().all(|r| r.payment == m(dec!(2976.12))));
    assert_eq!(rows[35].balance_after, Money::ZERO);
    // the rate in force for each period, and no restructure
    let mut ledger = Ledger::new(s.clone(), no_penalty()).unwrap();
    pay_schedule_from(&mut ledger, 0);
    let st = ledger.statement(d(2028, 1, 1)).unwrap();
    assert_eq!(st.status, LoanStatus::PaidOff);
    assert!(st.restructures.is_empty());
    assert!(st.installments[..12]
        .iter()
        .all(|i| i.rate == Rate::annual(dec!(0.046)).unwrap()));
    assert!(st.installments[12..]
        .iter()
        .all(|i| i.rate == Rate::annual(dec!(0.045)).unwrap()));
    // JSON round trip keeps the floating terms
    let back: Schedule = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
}

/// With a constant index a floating loan is the fixed loan at index + spread, row for row.
#[test]
fn constant_index_equals_the_fixed_loan() {
    let index = RateTable::new(vec![(d(2020, 1, 1), Rate::annual(dec!(0.035)).unwrap())]).unwrap();
    let floating = FloatingRate::new(index, Spread::annual(dec!(-0.002))).with_reset(Reset::EveryMonths(3));
    let f = Schedule::build(
        &ScheduleOptions::new(m(dec!(500000)), Rate::ZERO, 360, d(2024, 6, 15)).with_floating(floating),
    )
    .unwrap();
    let fixed = Schedule::build(&ScheduleOptions::new(
        m(dec!(500000)),
        Rate::annual(dec!(0.033)).unwrap(),
        360,
        d(2024, 6, 15),
    ))
    .unwrap();
    assert_eq!(f.installments(), fixed.installments());
}

/// A floor and a cap that bind: the five-year LPR fell from 3.95 % (2024-02-20) to 3.50 %
/// (2025-05-20); LPR − 0.50 % with a 3.20 % floor fixes 3.45 % at disbursement (2024-03-01) and
/// 3.20 % (not 3.10 %) at the 2025-03-01 anniversary (LPR 3.60 %); LPR + 3 % capped at 6.70 %
/// fixes 6.70 % (not 6.95 %) and then 6.60 %.
#[test]
fn a_floor_and_a_cap_that_bind() {
    let lpr = RateTable::china_lpr_five_year();
    let floored =
        FloatingRate::new(lpr.clone(), Spread::annual(dec!(-0.005))).with_floor(Rate::annual(dec!(0.032)).unwrap());
    assert_eq!(
        floored.rate_in_force(d(2024, 3, 1), d(2024, 3, 1)).unwrap(),
        Rate::annual(dec!(0.0345)).unwrap()
    );
    assert_eq!(
        floored.rate_in_force(d(2024, 3, 1), d(2025, 3, 1)).unwrap(),
        Rate::annual(dec!(0.032)).unwrap()
    );
    let capped = FloatingRate::new(lpr, Spread::annual(dec!(0.03))).with_cap(Rate::annual(dec!(0.067)).unwrap());
    assert_eq!(
        capped.rate_in_force(d(2024, 3, 1), d(2024, 3, 1)).unwrap(),
        Rate::annual(dec!(0.067)).unwrap()
    );
    assert_eq!(
        capped.rate_in_force(d(2024, 3, 1), d(2025, 3, 1)).unwrap(),
        Rate::annual(dec!(0.066)).unwrap()
    );
    // and through a schedule: rows after the anniversary at the floor
    let o = ScheduleOptions::new(m(dec!(100000)), Rate::ZERO, 24, d(2024, 3, 1)).with_floating(floored);
    let s = Schedule::build(&o).unwrap();
    let ledger = Ledger::new(s, no_penalty()).unwrap();
    let st = ledger.statement(d(2024, 3, 1)).unwrap();
    assert_eq!(st.installments[11].rate, Rate::annual(dec!(0.0345)).unwrap());
    assert_eq!(st.installments[12].rate, Rate::annual(dec!(0.032)).unwrap());
}

/// A reset before the table's first date, or after the date it is known through, is a
/// specific error.
#[test]
fn a_fixing_outside_the_index_table_is_an_error() {
    let lpr = FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default());
    let early = ScheduleOptions::new(m(dec!(1000)), Rate::ZERO, 12, d(2019, 1, 1)).with_floating(lpr.clone());
    assert!(matches!(Schedule::build(&early), Err(Error::IndexNotPublished { .. })));
    let long = ScheduleOptions::new(m(dec!(1000)), Rate::ZERO, 120, d(2025, 6, 1)).with_floating(lpr.clone());
    let err = Schedule::build(&long).unwrap_err();
    assert!(
        matches!(err, Error::IndexNotPublished { date, .. } if date == d(2026, 6, 1)),
        "{err}"
    );
    // declared current, the last value holds
    let open = FloatingRate::new(
        RateTable::china_lpr_five_year().with_known_through(d(2036, 12, 31)),
        Spread::default(),
    );
    assert!(
        Schedule::build(&ScheduleOptions::new(m(dec!(1000)), Rate::ZERO, 120, d(2025, 6, 1)).with_floating(open))
            .is_ok()
    );
}

/// A floating loan with daily interest: the accrual follows the rate in force, and paid on
/// time it equals its actual-days schedule.
#[test]
fn a_floating_daily_interest_loan_paid_on_time() {
    let o = lpr_case().with_interest(InterestModel::daily(DayCount::Act360));
    let s = Schedule::build(&o).unwrap();
    let mut ledger = Ledger::new(s.clone(), no_penalty()).unwrap();
    pay_schedule_from(&mut ledger, 0);
    let st = ledger.statement(d(2028, 1, 1)).unwrap();
    assert_eq!(st.status, LoanStatus::PaidOff);
    for (row, is) in s.installments().iter().zip(&st.installments) {
        assert_eq!(is.paid.interest, row.interest, "{}", row.number);
    }
}

/// Everything else keeps working: the cost metrics of a floating schedule, and a comparison of
/// the ways out of a daily-interest loan 40 days overdue (each option settles the debt).
#[test]
fn cost_metrics_and_the_comparison_on_both() {
    // the LPR case's cash flows: an effective rate between the two nominal rates, compounded
    let s = Schedule::build(&lpr_case()).unwrap();
    let rate = xirr(&CashFlow::from_schedule(&s).unwrap()).unwrap().value();
    assert!(rate > dec!(0.045) && rate < dec!(0.0471), "{rate}");
    // a daily-interest loan with installments 2 and 3 unpaid
    let mut ledger = daily_ledger(DailyInstallments::KeepInstallment);
    let first = ledger.schedule().installments()[0].clone();
    ledger
        .pay(Payment::new("i1", first.due_date, first.payment).unwrap())
        .unwrap();
    let today = d(2026, 4, 24); // 40 days past due
    let request = Comparison::new(
        ledger.clone(),
        today,
        Budget::new(m(dec!(4000)), m(dec!(2500))),
        Rate::annual(dec!(0.05)).unwrap(),
    )
    .option(Choice::new("pay now", WayOut::PayNow))
    .option(Choice::new("stay 60 days", WayOut::Stay { until: d(2026, 6, 23) }))
    .option(Choice::new(
        "restructure",
        WayOut::Restructure(Restructure::new(
            today,
            NewPlan::Schedule(Terms::new(Rate::annual(dec!(0.18)).unwrap(), 12)),
        )),
    ));
    let result = request.run().unwrap();
    assert_eq!(result.options.len(), 3);
    // the payoff is the principal outstanding + the interest accrued to today + what is overdue
    let st = ledger.statement(today).unwrap();
    assert_eq!(result.payoff, st.payoff);
    for o in &result.options {
        let mut l = ledger.clone();
        if let WayOut::Restructure(r) = &o.way {
            l.restructure(r.clone()).unwrap();
        }
        for (i, f) in o.cash_flows.iter().enumerate() {
            l.pay(Payment::new(format!("f{i}"), f.date, Money::new(-f.amount).unwrap()).unwrap())
                .unwrap();
        }
        let last = o.cash_flows.last().unwrap().date;
        assert_eq!(
            l.statement(last).unwrap().outstanding.total().unwrap(),
            Money::ZERO,
            "{}",
            o.label
        );
    }
}
