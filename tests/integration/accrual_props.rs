//! Property tests for accrual: the invariants every statement keeps.

use crate::common::d;
use chrono::{Days, NaiveDate};
use overdue::accrual::{
    Accrual, Accrues, AllocationOrder, Caps, EarlySettlement, Grace, InstallmentLimit, InstallmentStatement, LateFee,
    LoanStatus, PenaltyBase, PenaltyRate, Pyramiding, Recurrence, Surplus, MAX_POLICY_DAYS,
};
use overdue::rate::{FloatingRate, RateTable, Reset, Spread};
use overdue::schedule::{DailyInstallments, InterestModel};
use overdue::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

#[derive(Debug, Clone)]
pub(crate) struct Case {
    pub(crate) schedule: Schedule,
    pub(crate) policy: OverduePolicy,
    pub(crate) payments: Vec<(u32, i64)>, // (days after disbursement, minor units)
}

fn schedule() -> impl Strategy<Value = Schedule> {
    (
        (10_000i64..100_000_000, 0i64..=3600, 1u32..=24, 0u8..5, 0u32..60),
        (0u8..4, 0u8..4, prop::collection::vec((0u32..400, 0i64..800), 1..4)),
    )
        .prop_map(|((p, r, n, method, offset), (model, float, index))| {
            let method = match method {
                0 => Method::EqualInstallment,
                1 => Method::EqualPrincipal,
                2 => Method::InterestOnly,
                3 => Method::Bullet,
                _ => Method::FlatFee {
                    fee: Rate::monthly(Decimal::new(60, 4)).unwrap(),
                },
            };
            let start = d(2026, 1, 1) + Days::new(u64::from(offset));
            let mut o = ScheduleOptions::new(
                Money::new(Decimal::new(p, 2)).unwrap(),
                Rate::annual(Decimal::new(r, 4)).unwrap(),
                n,
                start,
            )
            .with_method(method);
            // A quarter daily interest on the actual balance, a quarter floating
            o = match model {
                0 => o.with_interest(InterestModel::daily(DayCount::Act365Fixed)),
                1 => o.with_interest(InterestModel::DailyOnBalance {
                    day_count: DayCount::Act360,
                    installments: DailyInstallments::Reamortise,
                }),
                _ => o,
            };
            if float == 0 && method != Method::Bullet {
                let entries = index
                    .iter()
                    .map(|&(day, v)| {
                        (
                            start + Days::new(u64::from(day)),
                            Rate::annual(Decimal::new(v, 4)).unwrap(),
                        )
                    })
                    .chain([(start, Rate::annual(Decimal::new(r, 4)).unwrap())])
                    .collect::<std::collections::BTreeMap<_, _>>()
                    .into_iter()
                    .collect();
                let table = RateTable::new(entries).unwrap();
                o = o.with_floating(FloatingRate::new(table, Spread::default()).with_reset(Reset::EveryMonths(3)));
            }
            Schedule::build(&o).unwrap()
        })
}

fn late_fee() -> impl Strategy<Value = Option<LateFee>> {
    prop_oneof![
        Just(None),
        (
            0i64..10_000,
            0u8..3,
            prop::option::of(0i64..2_000),
            prop::option::of(2_000i64..20_000),
            prop::option::of(1u32..60)
        )
            .prop_map(|(v, kind, min, max, every)| {
                let mut fee = if kind == 0 {
                    LateFee::flat(Money::new(Decimal::new(v, 2)).unwrap())
                } else {
                    LateFee::of_installment(Ratio::new(Decimal::new(v, 5)).unwrap())
                };
                if let Some(min) = min {
                    fee = fee.with_min(Money::new(Decimal::new(min, 2)).unwrap());
                }
                if let Some(max) = max {
                    fee = fee.with_max(Money::new(Decimal::new(max, 2)).unwrap());
                }
                if let Some(n) = every {
                    fee = fee.every(Recurrence::EveryDays(n));
                }
                Some(fee)
            }),
    ]
}

fn caps() -> impl Strategy<Value = Caps> {
    (
        prop::option::of(0i64..100_000),
        prop::option::of(0i64..5_000),
        prop::option::of(0i64..3_600),
    )
        .prop_map(|(inst, life, annual)| {
            let mut caps = Caps::none();
            if let Some(v) = inst {
                caps = caps.with_per_installment(InstallmentLimit::Amount(Money::new(Decimal::new(v, 2)).unwrap()));
            }
            if let Some(v) = life {
                caps = caps.with_lifetime(Ratio::new(Decimal::new(v, 4)).unwrap());
            }
            if let Some(v) = annual {
                caps = caps.with_annualised(Rate::annual(Decimal::new(v, 4)).unwrap());
            }
            caps
        })
}

/// One of the allocation orders with one of the surplus rules.
fn allocation(order: u8, surplus: u8) -> AllocationOrder {
    match order {
        0 => AllocationOrder::servicer_default(),
        1 => AllocationOrder::civil_code_561(),
        _ => AllocationOrder::principal_first(),
    }
    .with_surplus(match surplus {
        0 => Surplus::NextInstallments,
        1 => Surplus::LastInstallments,
        2 => Surplus::ShortenTerm,
        3 => Surplus::LowerInstallments,
        _ => Surplus::CreditBalance,
    })
}

/// The accruals whose bits are set in `stops`.
fn charge_off_stops(stops: u8) -> Vec<Accrual> {
    Accrual::ALL
        .into_iter()
        .enumerate()
        .filter(|(i, _)| stops & (1 << i) != 0)
        .map(|(_, a)| a)
        .collect()
}

fn policy() -> impl Strategy<Value = OverduePolicy> {
    (
        (0u8..2, 0i64..20, 0u8..3, any::<bool>(), any::<bool>()),
        (late_fee(), 0u32..10, any::<bool>(), 0i64..500),
        (caps(), prop::option::of(1u32..200), 0u8..3, 0u8..5, 0u8..3, 0u8..2),
        (any::<bool>(), 0u8..16),
    )
        .prop_map(
            |(
                (rate, v, base, compound, fee_interest),
                (fee, grace, shift, tol),
                (caps, co, order, surplus, settle, dc),
                (pyramid, stops),
            )| {
                let mut p = OverduePolicy::new()
                    .with_penalty_rate(if rate == 0 {
                        PenaltyRate::Fixed(Rate::daily(Decimal::new(v, 4)).unwrap())
                    } else {
                        PenaltyRate::ContractUplift(Ratio::new(Decimal::new(v * 5, 2)).unwrap())
                    })
                    .with_penalty_base(match base {
                        0 => PenaltyBase::OverduePrincipal,
                        1 => PenaltyBase::OverdueInstallment,
                        _ => PenaltyBase::OutstandingPrincipal,
                    })
                    .with_interest_on_fees(if fee_interest { Accrues::Yes } else { Accrues::No })
                    .with_grace(if shift {
                        Grace::shift(grace)
                    } else {
                        Grace::waive(grace)
                    })
                    .with_tolerance(Money::new(Decimal::new(tol, 2)).unwrap())
                    .with_caps(caps)
                    .with_day_count(if dc == 0 {
                        DayCount::Act360
                    } else {
                        DayCount::Thirty360Bond
                    })
                    .with_allocation(allocation(order, surplus))
                    .with_pyramiding(if pyramid {
                        Pyramiding::Allowed
                    } else {
                        Pyramiding::Forbidden
                    })
                    .with_charge_off_stops(&charge_off_stops(stops))
                    .with_early_settlement(match settle {
                        0 => EarlySettlement::AccruedInterest,
                        1 => EarlySettlement::CurrentPeriod,
                        _ => EarlySettlement::AllScheduled,
                    });
                if base != 1 {
                    p = p.with_compound_interest(if compound { Accrues::Yes } else { Accrues::No });
                }
                if let Some(fee) = fee {
                    p = p.with_late_fee(fee);
                }
                if let Some(days) = co {
                    p = p.with_charge_off_after(days);
                }
                p
            },
        )
}

/// Day counts a policy names: anything up to the validated bound, the bound
/// itself and just past it, or any `u32`.
fn policy_days() -> impl Strategy<Value = u32> {
    prop_oneof![
        0u32..=MAX_POLICY_DAYS,
        Just(MAX_POLICY_DAYS),
        Just(MAX_POLICY_DAYS + 1),
        any::<u32>()
    ]
}

/// Mantissas up to the 96 bits a `Decimal` holds, and just beyond.
fn extreme_mantissa() -> impl Strategy<Value = i128> {
    let max = (1i128 << 96) - 1;
    prop_oneof![
        any::<i64>().prop_map(i128::from),
        (max - 1_000_000)..=max,
        Just(max + 1),
        0..=max
    ]
}

pub(crate) fn case() -> impl Strategy<Value = Case> {
    (
        schedule(),
        policy(),
        prop::collection::vec((0u32..900, 1i64..300_000), 0..6),
    )
        .prop_map(|(schedule, policy, payments)| Case {
            schedule,
            policy,
            payments,
        })
}

pub(crate) fn ledger(case: &Case) -> Ledger {
    let mut ledger = Ledger::new(case.schedule.clone(), case.policy.clone()).unwrap();
    for (i, &(day, amount)) in case.payments.iter().enumerate() {
        let date = case.schedule.disbursement() + Days::new(u64::from(day));
        ledger
            .pay(Payment::new(format!("p{i}"), date, Money::new(Decimal::new(amount, 2)).unwrap()).unwrap())
            .unwrap();
    }
    ledger
}

/// Every allocation's parts plus what went to credit equal the payment plus the credit used;
/// received = paid + credit + refunded; what allocations applied = paid + rebated.
pub(crate) fn money_in_balances(st: &Statement) -> Result<(), TestCaseError> {
    for a in &st.allocations {
        let parts = Money::sum(a.parts.iter().map(|p| p.amount)).unwrap();
        prop_assert_eq!(
            parts.checked_add(a.to_credit).unwrap(),
            a.amount.checked_add(a.credit_used).unwrap()
        );
    }
    let received = Money::sum(st.allocations.iter().map(|a| a.amount)).unwrap();
    let applied = Money::sum(st.allocations.iter().flat_map(|a| a.parts.iter().map(|p| p.amount))).unwrap();
    let rebated = Money::sum(st.rebates.iter().map(|r| r.amount)).unwrap();
    let paid = st.paid.total().unwrap();
    prop_assert_eq!(
        received,
        paid.checked_add(st.credit_balance)
            .unwrap()
            .checked_add(st.refunded)
            .unwrap()
    );
    prop_assert_eq!(applied, paid.checked_add(rebated).unwrap());
    Ok(())
}

/// The case with its interest fixed by the schedule (for properties of the scheduled model).
pub(crate) fn scheduled(case: &mut Case) {
    let o = case.schedule.options().clone().with_interest(InterestModel::Scheduled);
    case.schedule = Schedule::build(&o).unwrap();
}

pub(crate) fn after(case: &Case, days: u32) -> NaiveDate {
    case.schedule.disbursement() + Days::new(u64::from(days))
}

fn late_fee_charged(i: &InstallmentStatement, scheduled_fee: Money) -> Money {
    // the annualised cap may have cut the scheduled fee: then this undercounts, never overcounts
    i.charged.fees.saturating_sub(scheduled_fee)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(200)))]

    #[test]
    fn owed_never_decreases_without_payments(mut case in case(), a in 0u32..1500, b in 0u32..1500) {
        case.payments.clear();
        let ledger = ledger(&case);
        let (a, b) = (a.min(b), a.max(b));
        let early = ledger.statement(after(&case, a)).unwrap();
        let late = ledger.statement(after(&case, b)).unwrap();
        // what is owed on installments already due on the earlier date never falls
        let owed_then = |st: &Statement| Money::sum(
            st.installments.iter().filter(|i| i.due_date < early.as_of).map(|i| i.outstanding.total().unwrap())
        ).unwrap();
        prop_assert!(owed_then(&early) <= owed_then(&late));
        // under every combination of caps, charge-off and allocation: interest
        // not yet due is upcoming, not owed, so what is owed, the charges and the payoff never fall
        prop_assert!(early.outstanding.total().unwrap() <= late.outstanding.total().unwrap());
        prop_assert!(early.charged.total().unwrap() <= late.charged.total().unwrap());
        prop_assert!(early.payoff <= late.payoff, "payoff fell from {} to {}", early.payoff, late.payoff);
        // a shared cap's headroom goes to the oldest installment first at each replay point, so
        // one component can lose share to another; without caps each one grows on its own
        if case.policy.caps() == Caps::none() {
            for c in Component::ALL {
                prop_assert!(early.charged.get(c) <= late.charged.get(c), "{c} fell from {early:?} to {late:?}");
            }
        }
        prop_assert!(early.days_past_due <= late.days_past_due);
    }

    #[test]
    fn money_is_conserved_and_allocations_sum_to_payments(case in case(), at in 0u32..1500) {
        let st = ledger(&case).statement(after(&case, at)).unwrap();
        for i in &st.installments {
            for c in Component::ALL {
                let parts = i.paid.get(c).checked_add(i.waived.get(c)).unwrap().checked_add(i.restructured.get(c)).unwrap().checked_add(i.outstanding.get(c)).unwrap();
                prop_assert_eq!(i.charged.get(c), parts, "installment {} {}", i.number, c);
            }
        }
        money_in_balances(&st)?;
    }

    #[test]
    fn caps_are_never_exceeded(case in case(), at in 0u32..1500) {
        let st = ledger(&case).statement(after(&case, at)).unwrap();
        let caps = case.policy.caps();
        let principal = case.schedule.principal().as_decimal();
        let mut all = Decimal::ZERO;
        for (i, row) in st.installments.iter().zip(case.schedule.installments()) {
            let charges = i.charged.penalty_interest.checked_add(i.charged.compound_interest).unwrap()
                .checked_add(late_fee_charged(i, row.fee)).unwrap();
            if let Some(InstallmentLimit::Amount(cap)) = caps.per_installment() {
                prop_assert!(charges <= cap);
            }
            all += charges.as_decimal();
        }
        if let Some(share) = caps.lifetime() {
            prop_assert!(all <= principal * share.as_decimal());
        }
        if let Some(rate) = caps.annualised() {
            // everything charged beyond principal on installments already due (interest paid
            // ahead is cut too, and credited back, when it falls due above the cap)
            let beyond = st.installments.iter().filter(|i| i.due_date < st.as_of).map(|i| {
                [Component::Fees, Component::PenaltyInterest, Component::CompoundInterest, Component::Interest]
                    .iter().map(|&c| i.charged.get(c).as_decimal()).sum::<Decimal>()
            }).sum::<Decimal>();
            let d0 = case.schedule.disbursement();
            let days = case.policy.day_count().days(d0, st.as_of);
            let cap = principal * rate.value() * Decimal::from(days) / Decimal::from(360);
            prop_assert!(beyond <= cap, "{} > {}", beyond, cap);
        }
    }

    #[test]
    fn paying_the_payoff_leaves_nothing_owed(case in case(), at in 0u32..1500) {
        let mut ledger = ledger(&case);
        let day = after(&case, at.max(case.payments.iter().map(|p| p.0).max().unwrap_or(0)));
        let payoff = ledger.statement(day).unwrap().payoff;
        prop_assume!(!payoff.is_zero());
        ledger.pay(Payment::new("payoff", day, payoff).unwrap()).unwrap();
        let st = ledger.statement(day).unwrap();
        prop_assert_eq!(st.outstanding.total().unwrap(), Money::ZERO);
        prop_assert_eq!(st.payoff, Money::ZERO);
        prop_assert_eq!(st.status, LoanStatus::PaidOff);
        prop_assert_eq!(st.credit_balance, ledger.statement(day).unwrap().credit_balance);
    }

    #[test]
    fn event_order_does_not_matter(case in case(), seed in any::<u64>(), at in 0u32..1500) {
        let forward = ledger(&case);
        let mut shuffled = case.clone();
        // a deterministic shuffle from the seed
        let n = shuffled.payments.len();
        let mut order: Vec<usize> = (0..n).collect();
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (s >> 33) as usize % (i + 1));
        }
        let mut backward = Ledger::new(case.schedule.clone(), case.policy.clone()).unwrap();
        for &i in &order {
            let (day, amount) = case.payments[i];
            backward.pay(Payment::new(format!("p{i}"), after(&case, day), Money::new(Decimal::new(amount, 2)).unwrap()).unwrap()).unwrap();
        }
        shuffled.payments.clear();
        prop_assert_eq!(forward.statement(after(&case, at)).unwrap(), backward.statement(after(&case, at)).unwrap());
    }

    #[test]
    fn a_payment_inside_waive_grace_leaves_no_penalty(mut case in case(), grace in 1u32..10, x in 0u32..10) {
        case.payments.clear();
        case.policy = case.policy.clone().with_grace(Grace::waive(grace)).with_allocation(AllocationOrder::servicer_default());
        let mut ledger = ledger(&case);
        let due = case.schedule.installments()[0].due_date;
        let day = due + Days::new(u64::from(x.min(grace)));
        let owed = ledger.statement(day).unwrap().installments[0].outstanding.total().unwrap();
        prop_assume!(!owed.is_zero());
        ledger.pay(Payment::new("p", day, owed).unwrap()).unwrap();
        let st = ledger.statement(due + Days::new(400)).unwrap();
        prop_assert_eq!(st.installments[0].charged.penalty_interest, Money::ZERO);
        prop_assert_eq!(st.installments[0].charged.compound_interest, Money::ZERO);
    }

    #[test]
    fn arbitrary_input_never_panics(
        p in extreme_mantissa(), scale in 0u32..6, r in any::<i64>(), n in 1u32..50,
        penalty in any::<i64>(), grace in policy_days(), every in policy_days(), fee in any::<i64>(),
        co in policy_days(), cap in any::<i64>(), days in prop::collection::vec((any::<u32>(), any::<i64>()), 0..4),
        at in any::<u32>(),
    ) {
        let Ok(principal) = Decimal::try_from_i128_with_scale(p, scale).map_err(|_| ()).and_then(|v| Money::new(v).map_err(|_| ())) else { return Ok(()) };
        let Ok(rate) = Rate::annual(Decimal::new(r, 4)) else { return Ok(()) };
        let Ok(schedule) = Schedule::equal_installment(principal, rate, n, d(2026, 1, 1)) else { return Ok(()) };
        let mut policy = OverduePolicy::new().with_grace(Grace::waive(grace)).with_charge_off_after(co);
        if let Ok(rate) = Rate::daily(Decimal::new(penalty, 6)) {
            policy = policy.with_penalty_rate(PenaltyRate::Fixed(rate));
        }
        if let Ok(amount) = Money::new(Decimal::new(fee, 2)) {
            policy = policy.with_late_fee(LateFee::flat(amount).every(Recurrence::EveryDays(every)));
        }
        if let Ok(share) = Ratio::new(Decimal::new(cap, 3)) {
            policy = policy.with_caps(Caps::none().with_lifetime(share).with_annualised(Rate::annual(share.as_decimal()).unwrap()));
        }
        let Ok(mut ledger) = Ledger::new(schedule, policy) else { return Ok(()) };
        for (i, (day, amount)) in days.into_iter().enumerate() {
            let Some(date) = d(2026, 1, 1).checked_add_days(Days::new(u64::from(day % 100_000))) else { continue };
            if let Ok(amount) = Money::new(Decimal::new(amount, 2))
                && let Ok(payment) = Payment::new(format!("{i}"), date, amount) {
                    let _ = ledger.pay(payment);
                }
        }
        if let Some(date) = d(2026, 1, 1).checked_add_days(Days::new(u64::from(at % 2_000_000))) {
            let _ = ledger.statement(date);
        }
    }
}
