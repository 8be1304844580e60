//! Prepayment that never costs the borrower money: every surplus rule
//! credits back interest paid ahead and not earned, and a restructure's down
//! payment lowers the debt by exactly its amount. Each test names the rule it
//! follows and carries its arithmetic.

use crate::common::{d, m};
use crate::servicing_reference::no_penalty;
use overdue::accrual::{AllocationOrder, LoanStatus, Surplus};
use overdue::restructure::{NewPlan, Restructure};
use overdue::schedule::InterestBasis;
use overdue::*;
use rust_decimal_macros::dec;

/// 12,000 at 18 %/year, 12 monthly installments from 2026-01-15, interest by actual days
/// (ACT/365F), no penalties.
fn actual_days_loan() -> Schedule {
    Schedule::build(
        &ScheduleOptions::new(m(dec!(12000)), Rate::annual(dec!(0.18)).unwrap(), 12, d(2026, 1, 15))
            .with_basis(InterestBasis::ActualDays(DayCount::Act365Fixed)),
    )
    .unwrap()
}

/// What the borrower pays in all: the payments, then the statement's payoff on `settle`.
fn cost_to_settle(ledger: &Ledger, settle: chrono::NaiveDate) -> Money {
    let st = ledger.statement(settle).unwrap();
    let paid = Money::sum(st.allocations.iter().map(|a| a.amount)).unwrap();
    let mut settled = ledger.clone();
    settled.pay(Payment::new("payoff", settle, st.payoff).unwrap()).unwrap();
    let after = settled.statement(settle).unwrap();
    assert_eq!(after.status, LoanStatus::PaidOff);
    // what the settlement left over is the borrower's, to be refunded
    paid.checked_add(st.payoff)
        .unwrap()
        .checked_sub(after.credit_balance)
        .unwrap()
}

fn with_surplus(surplus: Surplus) -> Ledger {
    let policy = no_penalty().with_allocation(AllocationOrder::servicer_default().with_surplus(surplus));
    let mut ledger = Ledger::new(actual_days_loan(), policy).unwrap();
    let first = ledger.schedule().installments()[0].payment;
    ledger.pay(Payment::new("i1", d(2026, 2, 15), first).unwrap()).unwrap();
    ledger
}

const CHOICES: [Surplus; 5] = [
    Surplus::ShortenTerm,
    Surplus::LowerInstallments,
    Surplus::NextInstallments,
    Surplus::LastInstallments,
    Surplus::CreditBalance,
];

/// Installment 1 paid on 02-15, 5,000 extra on 02-20, settled on 03-15. The extra
/// went partly to interest not yet due, and the payoff never gave it back: 12,860.50 in all,
/// against 12,336.49 without the extra. Now, under every prepayment choice, the payoff credits
/// back what was paid ahead and not earned, so the extra never costs more on any later date
/// (and on 03-15, the current period's interest being fixed on its opening balance in the
/// scheduled model, it costs exactly the same).
#[test]
fn a_prepayment_never_costs_the_borrower_money() {
    for surplus in CHOICES {
        let without = with_surplus(surplus);
        let mut with = without.clone();
        with.pay(Payment::new("extra", d(2026, 2, 20), m(dec!(5000))).unwrap())
            .unwrap();
        assert_eq!(
            cost_to_settle(&without, d(2026, 3, 15)),
            m(dec!(12336.49)),
            "{surplus:?}"
        );
        assert_eq!(cost_to_settle(&with, d(2026, 3, 15)), m(dec!(12336.49)), "{surplus:?}");
        for day in [
            d(2026, 2, 21),
            d(2026, 4, 1),
            d(2026, 4, 15),
            d(2026, 7, 20),
            d(2027, 3, 1),
        ] {
            assert!(
                cost_to_settle(&with, day) <= cost_to_settle(&without, day),
                "{surplus:?} settled on {day}"
            );
        }
        // the payoff on any date never includes interest for days not yet passed
        let st = with.statement(d(2026, 3, 1)).unwrap();
        assert_eq!(st.payoff_components.interest, Money::ZERO, "{surplus:?}");
    }
}

/// Reduce principal, keep the installment (the default). The 5,000 pays installment 2 (1,100.16,
/// due 03-15) and 3,899.84 of principal. The balance after installment 2 falls from
/// 12,000 − 916.71 − 947.12 = 10,136.17 to 6,236.33. Installment 3 (03-15 → 04-15, 31 days):
/// interest 6,236.33 × 18 % × 31/365 = 95.339… → 95.34, principal 1,100.16 − 95.34 = 1,004.82,
/// booked with the 3,899.84 prepaid: 4,904.66. The same 1,100.16 a month then repays the rest by
/// 2026-09-15 (8 installments instead of 12), the last 1,051.96 + 16.08.
#[test]
fn shorten_term_keeps_the_installment() {
    let mut ledger = with_surplus(Surplus::ShortenTerm);
    ledger
        .pay(Payment::new("extra", d(2026, 2, 20), m(dec!(5000))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 2, 20)).unwrap();
    let third = &st.installments[2];
    assert_eq!(
        (third.charged.principal, third.upcoming.interest),
        (m(dec!(4904.66)), m(dec!(95.34)))
    );
    assert_eq!(third.outstanding.principal, m(dec!(1004.82)));
    assert_eq!(st.installments.len(), 8);
    let last = &st.installments[7];
    assert_eq!(
        (last.due_date, last.charged.principal, last.upcoming.interest),
        (d(2026, 9, 15), m(dec!(1051.96)), m(dec!(16.08)))
    );
    assert_eq!(
        st.outstanding.principal,
        m(dec!(12000))
            .checked_sub(m(dec!(916.71)))
            .unwrap()
            .checked_sub(m(dec!(5000)).checked_sub(m(dec!(153.04))).unwrap())
            .unwrap()
    );
}

/// Reduce principal and re-amortise: the same 10 installments after installment 2 on 6,236.33.
/// The level payment is 6,236.33 × 1.5 % / (1 − 1.015^−10) = 676.23 (interest by actual days:
/// the first 95.34 as above, principal 580.89, booked with the 3,899.84 prepaid: 4,480.73).
#[test]
fn lower_installments_keeps_the_term() {
    let mut ledger = with_surplus(Surplus::LowerInstallments);
    ledger
        .pay(Payment::new("extra", d(2026, 2, 20), m(dec!(5000))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 2, 20)).unwrap();
    assert_eq!(st.installments.len(), 12);
    let third = &st.installments[2];
    assert_eq!(
        (third.charged.principal, third.upcoming.interest),
        (m(dec!(4480.73)), m(dec!(95.34)))
    );
    let fourth = &st.installments[3];
    assert_eq!(
        fourth.charged.principal.checked_add(fourth.upcoming.interest).unwrap(),
        m(dec!(676.23))
    );
}

/// Pay the next installments ahead: the 5,000 pays installments 2 to 5 (4 × 1,100.16) and 599.36
/// of installment 6. The interest of 3 to 6 (154.96 + 135.98 + 125.77 + 107.30 = 524.01) is not
/// earned on 03-15: the payoff credits it back, and settling credits it as a rebate.
#[test]
fn paying_ahead_credits_back_unearned_interest_at_payoff() {
    let mut ledger = with_surplus(Surplus::NextInstallments);
    ledger
        .pay(Payment::new("extra", d(2026, 2, 20), m(dec!(5000))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 3, 15)).unwrap();
    assert_eq!(st.installments[5].paid.total().unwrap(), m(dec!(599.36)));
    assert_eq!(st.unearned_prepaid, m(dec!(524.01)));
    let mut settled = ledger.clone();
    settled
        .pay(Payment::new("payoff", d(2026, 3, 15), st.payoff).unwrap())
        .unwrap();
    let after = settled.statement(d(2026, 3, 15)).unwrap();
    let rebated = Money::sum(after.rebates.iter().map(|r| r.amount)).unwrap();
    assert_eq!(
        (after.status, rebated, after.credit_balance),
        (LoanStatus::PaidOff, m(dec!(524.01)), Money::ZERO)
    );
}

/// Pay the last installments ahead: after installment 2 (1,100.16), the 5,000 pays 12 (1,094.56),
/// 11 and 10 (1,100.16 each) and 604.96 of 9, newest first; on 03-15 the interest of 9 to 12
/// (62.66 + 48.89 + 31.76 + 16.48 = 159.79) is not earned and the payoff counts it off.
#[test]
fn paying_the_last_installments_ahead() {
    let mut ledger = with_surplus(Surplus::LastInstallments);
    ledger
        .pay(Payment::new("extra", d(2026, 2, 20), m(dec!(5000))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 3, 15)).unwrap();
    let paid: Vec<Money> = st.installments[8..].iter().map(|i| i.paid.total().unwrap()).collect();
    assert_eq!(
        paid,
        [m(dec!(604.96)), m(dec!(1100.16)), m(dec!(1100.16)), m(dec!(1094.56))]
    );
    assert_eq!(st.unearned_prepaid, m(dec!(159.79)));
}

/// Hold it as a credit balance: 3,899.84 waits, and on 03-15 the payoff is the balance after
/// installment 2 less the credit.
#[test]
fn credit_balance_waits_and_counts_against_the_payoff() {
    let mut ledger = with_surplus(Surplus::CreditBalance);
    ledger
        .pay(Payment::new("extra", d(2026, 2, 20), m(dec!(5000))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 2, 20)).unwrap();
    assert_eq!(st.credit_balance, m(dec!(3899.84)));
    let st = ledger.statement(d(2026, 3, 15)).unwrap();
    assert_eq!(st.payoff, m(dec!(10136.17)).checked_sub(m(dec!(3899.84))).unwrap());
}

/// A restructure's down payment went through the allocation and paid the current
/// installment's full interest, so 500 lowered the debt by 445.16. 10,000 at 12 % over 12 months
/// from 2026-01-01, re-amortised on 01-15: owed 10,000 + 100.00 × 14/31 = 45.16 → 10,045.16;
/// with 500 down, exactly 9,545.16.
#[test]
fn a_down_payment_lowers_the_debt_by_exactly_its_amount() {
    let plan =
        Schedule::equal_installment(m(dec!(10000)), Rate::annual(dec!(0.12)).unwrap(), 12, d(2026, 1, 1)).unwrap();
    let owed = |down: Option<Money>| {
        let mut ledger = Ledger::new(plan.clone(), OverduePolicy::new()).unwrap();
        let mut r = Restructure::new(d(2026, 1, 15), NewPlan::Reamortise);
        if let Some(x) = down {
            r = r.with_down_payment(x);
        }
        ledger.restructure(r).unwrap();
        ledger.statement(d(2026, 1, 15)).unwrap().restructures[0].new_principal
    };
    assert_eq!(owed(None), m(dec!(10045.16)));
    assert_eq!(owed(Some(m(dec!(500)))), m(dec!(9545.16)));
}

/// A payoff charges the current period's interest up to its own day, once. Installment 1 paid
/// on 02-15, the loan settled on 03-05 (ten days into the period to 03-15, interest earned to
/// that day): a statement on 03-12 shows nothing owed and nothing paid ahead, and 100 paid on
/// 03-12 goes whole to the credit balance. Interest already charged by the payoff was counted
/// again pro rata to 03-12, as if paid ahead, and a later payment credited part of it back.
#[test]
fn a_payoff_charges_interest_to_its_day_once() {
    let mut ledger = with_surplus(Surplus::NextInstallments);
    let payoff = ledger.statement(d(2026, 3, 5)).unwrap().payoff;
    ledger
        .pay(Payment::new("payoff", d(2026, 3, 5), payoff).unwrap())
        .unwrap();
    let settled = ledger.statement(d(2026, 3, 5)).unwrap();
    let later = ledger.statement(d(2026, 3, 12)).unwrap();
    assert_eq!(
        (later.status, later.payoff, later.unearned_prepaid),
        (LoanStatus::PaidOff, Money::ZERO, Money::ZERO)
    );
    assert_eq!(later.installments[1].charged, settled.installments[1].charged);
    ledger
        .pay(Payment::new("after", d(2026, 3, 12), m(dec!(100))).unwrap())
        .unwrap();
    let after = ledger.statement(d(2026, 3, 12)).unwrap();
    assert_eq!(after.rebates, settled.rebates);
    assert_eq!(
        after.credit_balance,
        settled.credit_balance.checked_add(m(dec!(100))).unwrap()
    );
}
