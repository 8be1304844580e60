//! A tranche loan's invariants on random contracts: each tranche's principal
//! is scheduled to the cent, under re-amortisation every tranche ends on the
//! contract's last due date, what is available is what is approved and not
//! yet paid out, every payment is shared to the cent, and a contract the
//! library refuses is refused by name whatever the date.

use chrono::Datelike;
use overdue::revolving::{Tranche, TrancheLoan, TrancheRule};
use overdue::{schedule::Terms, Error, Frequency, Method, Money, NaiveDate, OverduePolicy, Payment, Rate};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(offset)
}

fn cents(c: i64) -> Money {
    Money::new(Decimal::new(c, 2)).unwrap()
}

/// A contract, and the same with payments (a prepayment reschedules what is left, so the
/// schedule's own invariants are read without them).
fn loan_strategy() -> impl Strategy<Value = (TrancheLoan, TrancheLoan)> {
    let tranche = (0u64..300, 1i64..600_000);
    let payment = (0u64..400, 1i64..300_000);
    (
        (1_000_000i64..2_000_000, 1u32..19, 0usize..3, 1i64..=40, 0u64..60),
        any::<bool>(),
        proptest::collection::vec(tranche, 1..5),
        proptest::collection::vec(payment, 0..8),
    )
        .prop_map(
            |((approved, n, method, per_10k_year, first), own, tranches, payments)| {
                let method = [Method::EqualInstallment, Method::EqualPrincipal, Method::InterestOnly][method];
                let first_due = day(20 + first);
                let first_due = first_due.with_day(first_due.day().min(28)).unwrap();
                let terms = Terms::new(Rate::annual(Decimal::new(per_10k_year, 3)).unwrap(), n)
                    .with_method(method)
                    .with_first_due(first_due);
                let rule = if own {
                    TrancheRule::OwnSchedule
                } else {
                    TrancheRule::Reamortise
                };
                let mut loan = TrancheLoan::new(cents(approved), terms, OverduePolicy::new())
                    .unwrap()
                    .with_rule(rule);
                for (i, (offset, amount)) in tranches.into_iter().enumerate() {
                    loan = loan.with_tranche(Tranche::new(format!("t{i}"), day(offset), cents(amount)));
                }
                let start = loan.tranches().iter().map(Tranche::date).min().unwrap_or(day(0));
                let mut paid = loan.clone();
                for (i, (offset, amount)) in payments.into_iter().enumerate() {
                    paid = paid.with_payment(
                        Payment::new(format!("p{i}"), start + chrono::Days::new(offset), cents(amount)).unwrap(),
                    );
                }
                (loan, paid)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(64)))]

    #[test]
    fn tranches_are_scheduled_to_the_cent_and_paid_out_once((loan, paid) in loan_strategy(), at in 0u64..500) {
        let as_of = day(at);
        let st = match loan.statement(as_of) {
            Ok(st) => st,
            // tranches above the approved amount, after the contract's last due date, or too small
            // to repay over their installments
            Err(e @ (Error::Invalid { field: "tranches", .. } | Error::PrincipalBelowMinorUnits { .. })) => {
                // refused on every date alike: nothing half-applied
                let refused = loan.statement(day(0)).err().is_some_and(|first| first.kind() == e.kind());
                prop_assert!(refused, "refused on one date and not on another");
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(format!("{e:?}"))),
        };
        let paid_out = Money::sum(loan.tranches().iter().filter(|t| t.date() <= as_of).map(Tranche::amount)).unwrap();
        prop_assert_eq!(st.available, loan.approved().checked_sub(paid_out).unwrap());
        prop_assert!(!st.frozen);
        let first_due = loan.terms().first_due().unwrap();
        let last_due = Frequency::Monthly.due_date(first_due, loan.terms().installments() - 1).unwrap();
        for d in &st.draws {
            let tranche = loan.tranches().iter().find(|t| t.id() == d.id).unwrap();
            let scheduled = Money::sum(d.statement.installments.iter().map(|i| i.charged.principal)).unwrap();
            prop_assert_eq!(scheduled, tranche.amount(), "tranche {}", &d.id);
            let dates: Vec<NaiveDate> = d.statement.installments.iter().map(|i| i.due_date).collect();
            // on the contract's due dates, the first after the tranche
            prop_assert!(dates.iter().all(|x| x.day() == first_due.day()));
            prop_assert!(dates[0] > tranche.date() && dates[0] >= first_due);
            match loan.rule() {
                TrancheRule::Reamortise => prop_assert_eq!(*dates.last().unwrap(), last_due),
                _ => prop_assert_eq!(dates.len() as u32, loan.terms().installments()),
            }
        }
        let st = paid.statement(as_of).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(st.available, loan.approved().checked_sub(paid_out).unwrap());
        for p in paid.payments().iter().filter(|p| p.date() <= as_of) {
            let shared = Money::sum(st.allocations.iter().filter(|a| a.payment_id == p.id()).map(|a| a.amount)).unwrap();
            prop_assert_eq!(shared, p.amount(), "payment {}", p.id());
        }
    }
}
