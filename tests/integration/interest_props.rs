//! Property tests of daily interest on the actual balance and floating rates.

use crate::common::d;
use chrono::{Days, NaiveDate};
use overdue::accrual::{Accrues, LoanStatus, PenaltyRate};
use overdue::rate::{FloatingRate, RateTable, Reset, Spread};
use overdue::schedule::{DailyInstallments, InterestBasis, InterestModel};
use overdue::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn money(minor: i64) -> Money {
    Money::new(Decimal::new(minor, 2)).unwrap()
}

const DAY_COUNTS: [DayCount; 6] = [
    DayCount::Act360,
    DayCount::Act365Fixed,
    DayCount::ActActIsda,
    DayCount::Thirty360Bond,
    DayCount::Thirty360European,
    DayCount::Thirty360Us,
];

/// A floating rate over `start`: an index table of a few dated values and a reset rule.
fn floating(start: NaiveDate) -> impl Strategy<Value = Option<FloatingRate>> {
    prop::option::of((
        prop::collection::vec((0u32..1500, 0i64..1200), 1..5),
        -300i64..300,
        0u8..4,
        prop::option::of(0i64..400),
        prop::option::of(400i64..2000),
    ))
    .prop_map(move |f| {
        let (index, spread, reset, floor, cap) = f?;
        let entries: std::collections::BTreeMap<_, _> = index
            .iter()
            .map(|&(day, v)| {
                (
                    start + Days::new(u64::from(day)),
                    Rate::annual(Decimal::new(v, 4)).unwrap(),
                )
            })
            .chain([(start, Rate::annual(Decimal::new(index[0].1, 4)).unwrap())])
            .collect();
        let mut f = FloatingRate::new(
            RateTable::new(entries.into_iter().collect()).unwrap(),
            Spread::annual(Decimal::new(spread, 4)),
        )
        .with_reset(match reset {
            0 => Reset::Anniversary,
            1 => Reset::January1,
            2 => Reset::EveryMonths(3),
            _ => Reset::IndexChange,
        });
        if let Some(v) = floor {
            f = f.with_floor(Rate::annual(Decimal::new(v, 4)).unwrap());
        }
        if let Some(v) = cap {
            f = f.with_cap(Rate::annual(Decimal::new(v, 4)).unwrap());
        }
        Some(f)
    })
}

/// Daily-interest terms: principal, rate, installments, method, frequency, day count, rule,
/// and maybe a floating rate.
fn daily_terms() -> impl Strategy<Value = ScheduleOptions> {
    (
        (
            10_000i64..50_000_000,
            0i64..=3600,
            1u32..=36,
            0u8..3,
            0u8..3,
            0usize..6,
            any::<bool>(),
        ),
        0u32..60,
    )
        .prop_flat_map(|(terms, offset)| {
            let start = d(2026, 1, 1) + Days::new(u64::from(offset));
            (Just(terms), Just(start), floating(start))
        })
        .prop_map(|((p, r, n, method, freq, dc, reamortise), start, floating)| {
            let mut o = ScheduleOptions::new(money(p), Rate::annual(Decimal::new(r, 4)).unwrap(), n, start)
                .with_method(match method {
                    0 => Method::EqualInstallment,
                    1 => Method::EqualPrincipal,
                    _ => Method::InterestOnly,
                })
                .with_frequency(match freq {
                    0 => Frequency::Monthly,
                    1 => Frequency::Biweekly,
                    _ => Frequency::Quarterly,
                })
                .with_interest(InterestModel::DailyOnBalance {
                    day_count: DAY_COUNTS[dc],
                    installments: if reamortise {
                        DailyInstallments::Reamortise
                    } else {
                        DailyInstallments::KeepInstallment
                    },
                });
            if let Some(f) = floating {
                o = o.with_floating(f);
            }
            o
        })
}

fn quiet() -> OverduePolicy {
    OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::ZERO))
        .with_compound_interest(Accrues::No)
}

/// Pays every installment's scheduled amount on its due date, installment `k` shifted by
/// `shift` days: the same money, only one payment's date differs.
fn pay_all(ledger: &mut Ledger, k: usize, shift: i64) {
    let rows = ledger.schedule().installments().to_vec();
    let first = ledger.schedule().disbursement() + Days::new(1);
    for (j, r) in rows.iter().enumerate() {
        let day = if j == k {
            r.due_date
                .checked_add_signed(chrono::Duration::days(shift))
                .unwrap()
                .max(first)
        } else {
            r.due_date
        };
        if !r.payment.is_zero() {
            ledger
                .pay(Payment::new(format!("i{j}"), day, r.payment).unwrap())
                .unwrap();
        }
    }
}

/// Contract interest charged by `day`, settled then: what was charged plus the payoff's interest.
fn interest_to(ledger: &Ledger, day: NaiveDate) -> Money {
    let st = ledger.statement(day).unwrap();
    st.charged
        .interest
        .checked_add(st.payoff_components.interest)
        .unwrap()
        .checked_sub(st.outstanding.interest)
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(256)))]

    /// A daily-interest loan paid exactly on every due date owes, to the cent, what an
    /// actual-days schedule under the same day count says.
    #[test]
    fn paid_on_time_equals_the_actual_days_schedule(o in daily_terms()) {
        let Ok(schedule) = Schedule::build(&o) else { return Ok(()) };
        let InterestModel::DailyOnBalance { day_count, .. } = o.interest() else { unreachable!() };
        let plain = o.clone().with_interest(InterestModel::Scheduled).with_basis(InterestBasis::ActualDays(day_count));
        let by_days = Schedule::build(&plain).unwrap();
        prop_assert_eq!(schedule.installments(), by_days.installments());
        let mut ledger = Ledger::new(schedule.clone(), quiet()).unwrap();
        for (j, row) in schedule.installments().iter().enumerate() {
            if !row.payment.is_zero() {
                ledger.pay(Payment::new(format!("i{j}"), row.due_date, row.payment).unwrap()).unwrap();
            }
        }
        let last = schedule.installments().last().unwrap().due_date;
        let st = ledger.statement(last).unwrap();
        prop_assert_eq!(st.status, LoanStatus::PaidOff);
        prop_assert_eq!(st.credit_balance, Money::ZERO);
        for (row, is) in schedule.installments().iter().zip(&st.installments) {
            prop_assert_eq!((is.paid.principal, is.paid.interest), (row.principal, row.interest), "row {}", row.number);
        }
    }

    /// Paying an installment earlier never raises the interest; later never lowers it (to the
    /// minor unit: see the slack below).
    #[test]
    fn earlier_never_costs_more_interest(o in daily_terms(), k in 0usize..36, a in -25i64..60, b in -25i64..60) {
        let Ok(schedule) = Schedule::build(&o) else { return Ok(()) };
        let k = k % schedule.installments().len();
        let (early, late) = (a.min(b), a.max(b));
        let end = schedule.installments().last().unwrap().due_date + Days::new(90);
        let run = |shift| {
            let mut l = Ledger::new(schedule.clone(), quiet()).unwrap();
            pay_all(&mut l, k, shift);
            interest_to(&l, end)
        };
        let (e, l) = (run(early), run(late));
        // interest rounds once a period (once for periods a payment ahead merged); moving a
        // payment can move, merge or split those roundings, each by at most half a minor unit
        let n = i64::try_from(schedule.installments().len()).unwrap();
        let slack = money((n + 1) / 2);
        prop_assert!(e <= l.checked_add(slack).unwrap(), "installment {} paid {} days: {} > {} days: {}", k + 1, early, e, late, l);
    }

    /// The payoff on any date is the principal outstanding plus the interest accrued to that date
    /// plus what is overdue, exactly; with no event since the last due date, the accrued interest
    /// is the balance × the rate × the days since it.
    #[test]
    fn payoff_is_principal_plus_interest_to_date(o in daily_terms(), pays in prop::collection::vec((0u32..700, 1i64..2_000_000), 0..5), at in 0u32..900) {
        let Ok(schedule) = Schedule::build(&o) else { return Ok(()) };
        let mut ledger = Ledger::new(schedule.clone(), quiet()).unwrap();
        for (i, &(day, amount)) in pays.iter().enumerate() {
            let _ = ledger.pay(Payment::new(format!("p{i}"), schedule.disbursement() + Days::new(u64::from(day)), money(amount)).unwrap());
        }
        let day = schedule.disbursement() + Days::new(u64::from(at));
        let st = ledger.statement(day).unwrap();
        crate::accrual_props::money_in_balances(&st)?;
        let accrued = st.payoff_components.interest.checked_sub(st.outstanding.interest).unwrap();
        let owed = Money::sum([st.outstanding.total().unwrap(), accrued]).unwrap();
        prop_assert_eq!(st.payoff, owed.saturating_sub(st.credit_balance));
        // closed form: with no payment (so nothing was posted early or paid ahead), the accrued interest is the balance × the rate × the days
        // since the last due date, rounded once
        let dues: Vec<NaiveDate> = schedule.installments().iter().map(|r| r.due_date).filter(|&x| x <= day).collect();
        let since = dues.last().copied().unwrap_or(schedule.disbursement());
        // (and none at all before it: a payment ahead carries a period's interest into the next)
        let quiet_since = pays.iter().all(|p| schedule.disbursement() + Days::new(u64::from(p.0)) > day);
        let matured = dues.len() == schedule.installments().len();
        if quiet_since && !matured {
            let InterestModel::DailyOnBalance { day_count, .. } = o.interest() else { unreachable!() };
            // (a prepayment may have shortened the term: then every installment may be due)
            let Some(rate) = st.installments.iter().find(|i| i.due_date > day).map(|i| i.rate) else { return Ok(()) };
            let exact = rate.simple_interest(st.outstanding.principal, since, day, day_count).unwrap();
            let expected = Rounding::default().round(exact);
            prop_assert_eq!(accrued.as_decimal(), expected, "since {}", since);
        }
    }

    /// The rate in force never leaves [floor, cap]; with a constant index a floating loan is the
    /// fixed loan at index + spread, row for row.
    #[test]
    fn floating_rates_stay_within_floor_and_cap(o in daily_terms(), v in 0i64..1500, spread in -300i64..300) {
        let Some(f) = o.floating() else { return Ok(()) };
        let start = o.disbursement();
        for k in 0..60u64 {
            let Ok(r) = f.rate_in_force(start, start + Days::new(30 * k)) else { continue };
            if let Some(floor) = f.floor() { prop_assert!(r.value() >= floor.value()); }
            if let Some(cap) = f.cap() { prop_assert!(r.value() <= cap.value()); }
            prop_assert!(!r.value().is_sign_negative() || r.value().is_zero());
        }
        let table = RateTable::new(vec![(start, Rate::annual(Decimal::new(v, 4)).unwrap())]).unwrap();
        let constant = FloatingRate::new(table, Spread::annual(Decimal::new(spread, 4))).with_reset(f.reset());
        let fixed_rate = Rate::annual(Decimal::new(v + spread, 4).max(Decimal::ZERO)).unwrap();
        let floating = o.clone().with_floating(constant);
        let fixed = ScheduleOptions::new(o.principal(), fixed_rate, o.installments(), start)
            .with_method(o.method()).with_frequency(o.frequency()).with_interest(o.interest());
        if let (Ok(a), Ok(b)) = (Schedule::build(&floating), Schedule::build(&fixed)) {
            prop_assert_eq!(a.installments(), b.installments());
        }
    }
}
