//! Properties of the journal: on random histories (with waivers, restructures,
//! charge-off and recoveries, under every booking policy) every entry balances, the claims
//! booked equal the statement's outstanding to the cent, the credit balance agrees, nothing is
//! left in suspense or holding once the loan is paid, and income is what was charged less what
//! was given back.

use overdue::accrual::{AllocationSource, LoanStatus, Waiver};
use overdue::books::{Account, Basis, BookingPolicy, InterestRecognition, NonAccrual};
use overdue::restructure::{DeferralInterest, NewPlan, Restructure, Shift};
use overdue::schedule::Terms;
use overdue::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn booking() -> impl Strategy<Value = BookingPolicy> {
    (
        0u8..2,
        0u8..2,
        prop_oneof![Just(None), Just(Some(30)), Just(Some(90))],
        0u8..2,
    )
        .prop_map(|(basis, interest, days, treatment)| {
            BookingPolicy::new()
                .with_basis(if basis == 0 { Basis::Accrual } else { Basis::Cash })
                .with_interest(if interest == 0 {
                    InterestRecognition::WhenDue
                } else {
                    InterestRecognition::Daily
                })
                .with_non_accrual_after(
                    days,
                    if treatment == 0 {
                        NonAccrual::Reverse
                    } else {
                        NonAccrual::OffBalance
                    },
                )
        })
}

/// A random history with, optionally, a waiver of part of what is owed and a restructure.
#[derive(Debug, Clone)]
struct History {
    case: crate::accrual_props::Case,
    waive: Option<(u32, usize, u8)>,
    restructure: Option<(u32, u8)>,
    settle: Option<u32>,
}

fn history() -> impl Strategy<Value = History> {
    (
        crate::accrual_props::case(),
        prop::option::of((0u32..700, 0usize..5, 1u8..100)),
        prop::option::of((0u32..240, 0u8..3)),
        prop::option::of(0u32..900),
    )
        .prop_map(|(case, waive, restructure, settle)| History {
            case,
            waive,
            restructure,
            settle,
        })
}

fn ledger(h: &History) -> Ledger {
    let mut l = crate::accrual_props::ledger(&h.case);
    if let Some((day, c, share)) = h.waive {
        let date = crate::accrual_props::after(&h.case, day);
        let component = Component::ALL[c];
        if let Ok(st) = l.statement(date) {
            let owed = st.outstanding.get(component);
            let amount = Money::new(owed.as_decimal() * Decimal::from(share) / Decimal::from(100)).unwrap();
            let amount = amount.round(Rounding::default());
            if !amount.is_zero() {
                let _ = l.waive(Waiver::new(date, component, amount));
            }
        }
    }
    if let Some((day, kind)) = h.restructure {
        let date = crate::accrual_props::after(&h.case, day);
        let deal = match kind {
            0 => Restructure::new(
                date,
                NewPlan::Schedule(Terms::new(Rate::annual(Decimal::new(12, 2)).unwrap(), 6)),
            ),
            1 => Restructure::deferral(date, Shift::Periods(2), DeferralInterest::Accrue),
            _ => Restructure::new(date, NewPlan::Reamortise),
        };
        let _ = l.restructure(deal);
    }
    if let Some(day) = h.settle {
        let date = crate::accrual_props::after(&h.case, day);
        if let Ok(st) = l.statement(date)
            && !st.payoff.is_zero()
        {
            let _ = l.pay(Payment::new("settle", date, st.payoff).unwrap());
        }
    }
    l
}

fn minor(x: Decimal) -> Decimal {
    x.round_dp(2)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(64)))]

    #[test]
    fn the_journal_balances_and_reconciles_with_the_statement(h in history(), policy in booking(), at in 0u32..1100) {
        let l = ledger(&h);
        let through = crate::accrual_props::after(&h.case, at);
        let journal = l.journal(&policy, through).unwrap();
        // every entry balances, in date order, within the books' days
        let mut last = l.schedule().disbursement();
        for e in &journal.entries {
            let dr: Decimal = e.postings.iter().map(|p| p.debit.as_decimal()).sum();
            let cr: Decimal = e.postings.iter().map(|p| p.credit.as_decimal()).sum();
            prop_assert_eq!(dr, cr, "{:?}", e);
            prop_assert!(e.date >= last && e.date <= through);
            last = e.date;
        }
        let tb = journal.trial_balance(through).unwrap();
        prop_assert_eq!(tb.total_debit, tb.total_credit);
        // on the last day and on earlier days, the claims booked are the statement's outstanding,
        // component by component, and the credit balances agree
        let start = l.schedule().disbursement();
        for back in [0u64, 1, 17, 45, 200] {
            let Some(day) = through.checked_sub_days(chrono::Days::new(back)).filter(|&d| d >= start) else { continue };
            let st = l.statement(day).unwrap();
            for c in Component::ALL {
                let booked = journal.balance(Account::Receivable(c), day).unwrap() + journal.balance(Account::OffBalance(c), day).unwrap();
                prop_assert_eq!(minor(booked), st.outstanding.get(c).as_decimal(), "{:?} on {}", c, day);
            }
            prop_assert_eq!(-journal.balance(Account::CreditBalance, day).unwrap(), st.credit_balance.as_decimal());
            prop_assert_eq!(-journal.balance(Account::Unearned, day).unwrap(), st.unearned_prepaid.as_decimal());
        }
        let st = l.statement(through).unwrap();
        // cash: paid out the principal, received the payments, paid back the refunds
        let received: Decimal = st.allocations.iter()
            .filter(|a| !matches!(a.source, AllocationSource::CreditBalance))
            .map(|a| a.amount.as_decimal()).sum();
        prop_assert_eq!(journal.balance(Account::Cash, through).unwrap(),
            received - st.refunded.as_decimal() - l.schedule().principal().as_decimal());
        // paid off: nothing held anywhere
        if st.status == LoanStatus::PaidOff {
            for a in [Account::Restructured, Account::OffBalanceRestructured, Account::AccruedInterest] {
                prop_assert_eq!(journal.balance(a, through).unwrap(), Decimal::ZERO, "{:?}", a);
            }
            for c in Component::ALL {
                prop_assert_eq!(journal.balance(Account::Suspense(c), through).unwrap(), Decimal::ZERO);
                prop_assert_eq!(journal.balance(Account::OffBalance(c), through).unwrap(), Decimal::ZERO);
            }
        }
        // income recognised is what was charged less what was waived, what is not yet earned and
        // what non-accrual holds back (in suspense or off the balance sheet), plus what was
        // earned and is not yet due; on the cash basis, what was paid less what is not yet earned
        let plain = h.restructure.is_none() || st.restructures.is_empty();
        if plain && st.charged_off_on.is_none() {
            let income_parts = [Component::Interest, Component::PenaltyInterest, Component::CompoundInterest, Component::Fees];
            let bal = |a: Account| journal.balance(a, through).unwrap();
            let income: Decimal = income_parts.iter().map(|&c| -bal(Account::Income(c))).sum();
            let unearned = st.unearned_prepaid.as_decimal();
            let expected = match policy.basis() {
                Basis::Cash => income_parts.iter().map(|&c| st.paid.get(c).as_decimal()).sum::<Decimal>() - unearned,
                _ => {
                    let charged: Decimal = income_parts.iter()
                        .map(|&c| st.charged.get(c).as_decimal() - st.waived.get(c).as_decimal()).sum();
                    let held: Decimal = income_parts.iter()
                        .map(|&c| -bal(Account::Suspense(c)) + bal(Account::OffBalance(c))).sum();
                    charged - unearned - held + bal(Account::AccruedInterest)
                }
            };
            prop_assert_eq!(income, expected);
        }
    }
}

#[cfg(feature = "test-oracles")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(64)))]

    /// The journal reads the statement only on the days it may change (an event, a due date,
    /// or while something fallen due is owed, interest paid ahead is being earned, interest
    /// accrues by the day or a rate floats): the same entries as reading it every day.
    #[test]
    fn the_journal_read_when_the_statement_may_change_is_the_one_read_every_day(h in history(), policy in booking(), at in 0u32..1100) {
        let l = ledger(&h);
        let through = crate::accrual_props::after(&h.case, at);
        let (when_changed, every_day) = overdue::oracles::journals_both_ways(&l, &policy, through).unwrap();
        prop_assert_eq!(when_changed, every_day);
    }
}
