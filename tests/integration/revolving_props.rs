//! A credit line's invariants on random draws and payments: every payment
//! is shared among the draws to the cent, the line's figures are the sums
//! of its draws', the limit used is the principal owed, the line's bureau
//! record and risk class are the worst of its draws', and paying the payoff
//! settles every draw.

use overdue::accrual::Reversal;
use overdue::report::{AssetClass, ClassificationRules};
use overdue::revolving::{CreditLine, Draw};
use overdue::{schedule::Terms, Error, Method, Money, NaiveDate, OverduePolicy, Payment, Rate};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(offset)
}

fn cents(c: i64) -> Money {
    Money::new(Decimal::new(c, 2)).unwrap()
}

fn line_strategy() -> impl Strategy<Value = CreditLine> {
    let draw = (0u64..200, 10_000i64..800_000, 1u32..13, 0usize..3, 1i64..=10);
    let payment = (0u64..400, 1i64..400_000);
    (
        proptest::collection::vec(draw, 1..5),
        proptest::collection::vec(payment, 0..8),
        1u32..=28,
        prop_oneof![Just(0u32), 1u32..40],
    )
        .prop_map(|(draws, payments, due_day, freeze_after)| {
            let mut line = CreditLine::new(cents(2_000_000), due_day, OverduePolicy::new())
                .unwrap()
                .with_freeze_after(freeze_after);
            for (i, (offset, amount, n, method, per_10k)) in draws.into_iter().enumerate() {
                let method = [Method::EqualInstallment, Method::EqualPrincipal, Method::InterestOnly][method];
                let rate = Rate::daily(Decimal::new(per_10k, 4)).unwrap();
                line = line.with_draw(Draw::new(
                    format!("d{i}"),
                    day(offset),
                    cents(amount),
                    Terms::new(rate, n).with_method(method),
                ));
            }
            // payments from the first draw on (one before it is refused, as the reference test checks)
            let first = line.draws().iter().map(Draw::date).min().unwrap_or(day(0));
            for (i, (offset, amount)) in payments.into_iter().enumerate() {
                line = line.with_payment(
                    Payment::new(format!("p{i}"), first + chrono::Days::new(offset), cents(amount)).unwrap(),
                );
            }
            line
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(64)))]

    #[test]
    fn a_line_is_the_sum_of_its_draws_and_every_payment_is_shared_to_the_cent(line in line_strategy(), at in 0u64..500) {
        let as_of = day(at);
        let st = match line.statement(as_of) {
            Ok(st) => st,
            // a draw above the limit or while frozen, a payment before any draw: named, not a panic
            // a draw above the limit or while frozen: named, not a panic
            Err(Error::Invalid { field: "draws", .. }) => return Ok(()),
            Err(e) => return Err(TestCaseError::fail(format!("{e:?}"))),
        };
        for p in line.payments().iter().filter(|p| p.date() <= as_of) {
            let shared = Money::sum(st.allocations.iter().filter(|a| a.payment_id == p.id()).map(|a| a.amount)).unwrap();
            prop_assert_eq!(shared, p.amount(), "payment {}", p.id());
        }
        let sum = |f: fn(&overdue::Statement) -> Money| Money::sum(st.draws.iter().map(|d| f(&d.statement))).unwrap();
        prop_assert_eq!(st.payoff, sum(|s| s.payoff));
        prop_assert_eq!(st.outstanding.principal, sum(|s| s.outstanding.principal));
        prop_assert_eq!(st.outstanding.penalty_interest, sum(|s| s.outstanding.penalty_interest));
        prop_assert_eq!(st.days_past_due, st.draws.iter().map(|d| d.statement.days_past_due).max().unwrap_or(0));
        prop_assert_eq!(st.available.checked_add(st.outstanding.principal).unwrap(), line.limit().max(st.outstanding.principal));
        prop_assert_eq!(st.frozen, line.freeze_after() > 0 && st.days_past_due >= line.freeze_after());
        // every draw's own payments are what the line gave it
        for d in &st.draws {
            let given = Money::sum(st.allocations.iter().filter(|a| a.draw_id == d.id).map(|a| a.amount)).unwrap();
            let received = Money::sum(d.statement.allocations.iter().map(|a| a.amount)).unwrap();
            prop_assert_eq!(given, received, "draw {}", &d.id);
        }
        // the line is reported as its worst draw, month by month, and never settled
        let records = line.pboc_records(as_of).unwrap();
        let severity = |c: char| match c { 'N' => 1, 'B' => 9, c => c.to_digit(10).map_or(0, |d| d + 1) };
        prop_assert!(!records.line.history.contains('C'));
        for draw in &records.draws {
            for month in &draw.record.months {
                let on_line = records.line.months.iter().find(|m| m.month == month.month);
                prop_assert!(on_line.is_some_and(|m| severity(m.status) >= severity(month.status)), "{}", &month.month);
            }
        }
        let highest = records.draws.iter().map(|d| d.record.highest_months_overdue).max().unwrap_or(0);
        prop_assert_eq!(records.line.highest_months_overdue, highest);
        // each draw is classified as a loan of its own; the line is the worst of them
        let rules = ClassificationRules::china_2023();
        let classes = line.risk_classes(&rules, as_of).unwrap();
        let books = line.ledgers(as_of).unwrap();
        prop_assert_eq!(classes.draws.len(), books.len());
        for (class, book) in classes.draws.iter().zip(&books) {
            prop_assert_eq!(&class.id, &book.id);
            prop_assert_eq!(&class.classification, &book.ledger.risk_class(&rules, as_of).unwrap());
            prop_assert!(class.classification.class <= classes.class);
            prop_assert!(class.classification.days_past_due <= classes.days_past_due);
        }
        prop_assert!(classes.draws.iter().any(|c| c.classification.class == classes.class) || (classes.draws.is_empty() && classes.class == AssetClass::Normal));
        prop_assert_eq!(classes.days_past_due, st.days_past_due);
        // the line's Metro 2 fields are its draws': balances summed, the worst status (a repaid
        // draw counting as current), each month the worst history, never closed while open
        let metro2 = line.metro2(as_of).unwrap();
        prop_assert_eq!(metro2.draws.len(), st.draws.len());
        let balance = Money::sum(metro2.draws.iter().map(|r| r.record.current_balance)).unwrap();
        prop_assert_eq!(metro2.line.current_balance, balance);
        let past_due = Money::sum(metro2.draws.iter().map(|r| r.record.amount_past_due)).unwrap();
        prop_assert_eq!(metro2.line.amount_past_due, past_due);
        prop_assert!(metro2.line.account_status.code() != "13");
        let history = |c: char| match c { 'B' => 0, 'D' => 1, 'L' => 9, c => c.to_digit(10).map_or(0, |d| d + 2) };
        for (k, c) in metro2.line.payment_history_profile.chars().enumerate() {
            for r in &metro2.draws {
                let drawn = r.record.payment_history_profile.chars().nth(k).unwrap_or('B');
                prop_assert!(history(c) >= history(drawn), "month {}: {} below {}", k, c, drawn);
            }
        }
        prop_assert!(metro2.highest_credit <= line.limit());
        prop_assert!(metro2.highest_credit >= st.outstanding.principal || !st.allocations.is_empty());
        // paying the payoff settles every draw
        if !st.draws.is_empty() && !st.payoff.is_zero() {
            let settled = line.clone().with_payment(Payment::new("payoff", as_of, st.payoff).unwrap()).statement(as_of).unwrap();
            prop_assert!(settled.payoff.is_zero(), "{}", settled.payoff);
            prop_assert!(settled.outstanding.principal.is_zero());
        }
    }

    /// A reversed payment is left out of the line from the reversal's date: from then on the
    /// line reads as if it had never been made (but for a draw it made possible, which stays
    /// made), and before it as if it were never reversed.
    #[test]
    fn a_reversed_payment_is_as_if_never_made_from_its_reversal_date(line in line_strategy(), pick in any::<prop::sample::Index>(), after in 0u64..60, at in 0u64..500) {
        if line.payments().is_empty() {
            return Ok(());
        }
        let payment = line.payments()[pick.index(line.payments().len())].clone();
        let reversal = Reversal::new(payment.id(), payment.date() + chrono::Days::new(after));
        let reversed = line.clone().with_reversal(reversal.clone());
        let without = line.payments().iter().filter(|p| p.id() != payment.id()).fold(
            CreditLine::new(line.limit(), line.due_day(), line.policy().clone()).unwrap().with_freeze_after(line.freeze_after()),
            |l, p| l.with_payment(p.clone()),
        );
        let without = line.draws().iter().fold(without, |l, d| l.with_draw(d.clone()));
        let as_of = day(at);
        let expected = if as_of >= reversal.date() { without.statement(as_of) } else { line.statement(as_of) };
        match (reversed.statement(as_of), expected) {
            (Ok(got), Ok(mut want)) => {
                if as_of >= reversal.date() {
                    want.reversals = vec![reversal];
                }
                prop_assert_eq!(got, want);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a.kind(), b.kind()),
            // a draw the reversed payment made possible on its day stays made; a line that never
            // had the payment refuses it
            (Ok(_), Err(Error::Invalid { field: "draws", .. })) if as_of >= reversal.date() => {}
            (a, b) => prop_assert!(false, "{:?} against {:?}", a.map(|s| s.payoff), b.map(|s| s.payoff)),
        }
    }
}
