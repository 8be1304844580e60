//! Reference cases for accrual: published rules and hand-worked statements,
//! each with its arithmetic in a comment.

use crate::common::{d, m};
use overdue::accrual::{
    Accrues, AllocationOrder, AllocationSource, Buckets, Caps, Direction, Grace, InstallmentLimit, InstallmentState,
    LateFee, LoanStatus, PenaltyBase, PenaltyRate, Recurrence, Surplus, Tier, Waiver,
};
use overdue::*;
use rust_decimal_macros::dec;

/// A one-payment loan; `yearly` makes its interest a year's (else a month's).
fn bullet_with(
    principal: rust_decimal::Decimal,
    rate: Rate,
    disbursed: chrono::NaiveDate,
    due: chrono::NaiveDate,
    yearly: bool,
) -> Schedule {
    let frequency = if yearly { Frequency::Yearly } else { Frequency::Monthly };
    Schedule::build(
        &ScheduleOptions::new(m(principal), rate, 1, disbursed)
            .with_method(Method::Bullet)
            .with_frequency(frequency)
            .with_first_due(due),
    )
    .unwrap()
}

fn bullet(
    principal: rust_decimal::Decimal,
    rate: Rate,
    disbursed: chrono::NaiveDate,
    due: chrono::NaiveDate,
) -> Schedule {
    bullet_with(principal, rate, disbursed, due, false)
}

fn no_penalty() -> OverduePolicy {
    OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::ZERO))
        .with_compound_interest(Accrues::No)
}

/// Source: the penalty formula (PBoC 2003 uplift of the contract rate): 10,000 overdue 30 days;
/// contract 4.35 % × 1.5; ACT/360 → 54.38.
/// 10,000 × 0.06525 × 30 / 360 = 54.375 → 54.38 (half away from zero).
#[test]
fn penalty_on_overdue_principal_bank_convention() {
    let s = bullet(
        dec!(10000),
        Rate::annual(dec!(0.0435)).unwrap(),
        d(2025, 1, 1),
        d(2026, 1, 1),
    );
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::ContractUplift(Ratio::new(dec!(0.5)).unwrap()))
        .with_compound_interest(Accrues::No);
    let st = Ledger::new(s, policy).unwrap().statement(d(2026, 1, 31)).unwrap();
    assert_eq!(st.days_past_due, 30);
    assert_eq!(st.outstanding.penalty_interest, m(dec!(54.38)));
}

/// Compound interest (复利) on the overdue interest of the same loan:
/// 435.00 interest × 0.06525 × 30 / 360 = 2.3653… → 2.37.
#[test]
fn compound_interest_on_overdue_interest() {
    let s = bullet_with(
        dec!(10000),
        Rate::annual(dec!(0.0435)).unwrap(),
        d(2025, 1, 1),
        d(2026, 1, 1),
        true,
    );
    assert_eq!(s.installments()[0].interest, m(dec!(435.00)));
    let st = Ledger::new(s, OverduePolicy::new())
        .unwrap()
        .statement(d(2026, 1, 31))
        .unwrap();
    assert_eq!(st.outstanding.penalty_interest, m(dec!(54.38)));
    assert_eq!(st.outstanding.compound_interest, m(dec!(2.37)));
}

/// Source: Civil Code art. 561: costs 200, interest 1,500, principal 10,000; pay 1,000
/// → costs 200, interest 800, principal 0 (Chinese Civil Code art. 561).
#[test]
fn civil_code_561_costs_then_interest_then_principal() {
    // a one-year bullet at 15 %: interest 10,000 × 15 % = 1,500; a 200 fee the day after the due date
    let s = Schedule::build(
        &ScheduleOptions::new(m(dec!(10000)), Rate::annual(dec!(0.15)).unwrap(), 1, d(2025, 1, 1))
            .with_method(Method::Bullet)
            .with_frequency(Frequency::Yearly),
    )
    .unwrap();
    assert_eq!(s.installments()[0].interest, m(dec!(1500)));
    let mut ledger = Ledger::new(
        s,
        no_penalty()
            .with_late_fee(LateFee::flat(m(dec!(200))))
            .with_allocation(AllocationOrder::civil_code_561()),
    )
    .unwrap();
    ledger
        .pay(Payment::new("p", d(2026, 1, 2), m(dec!(1000))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 1, 2)).unwrap();
    assert_eq!(st.paid.fees, m(dec!(200)));
    assert_eq!(st.paid.interest, m(dec!(800)));
    assert_eq!(st.paid.principal, Money::ZERO);
    assert_eq!(st.outstanding.interest, m(dec!(700)));
}

/// Source: arithmetic: 250.00 × 0.05 %/day × 1 day = 0.125 → half-up 0.13, half-even 0.12.
#[test]
fn one_day_penalty_rounds_by_the_policy() {
    for (rounding, expected) in [
        (Rounding::default(), dec!(0.13)),
        (Rounding::half_even(2).unwrap(), dec!(0.12)),
    ] {
        let s = bullet(dec!(250), Rate::ZERO, d(2026, 1, 1), d(2026, 2, 1));
        let policy = OverduePolicy::new()
            .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
            .with_rounding(rounding);
        let st = Ledger::new(s, policy).unwrap().statement(d(2026, 2, 2)).unwrap();
        assert_eq!(st.outstanding.penalty_interest, m(expected));
    }
}

fn online_loan(grace: Grace) -> Ledger {
    // 3,000 at 0 % in 3 monthly installments of 1,000 from 2026-02-01; 0.05 %/day on the overdue installment
    let s = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
        .with_penalty_base(PenaltyBase::OverdueInstallment)
        .with_grace(grace);
    Ledger::new(s, policy).unwrap()
}

/// Waive grace of 3 days: paid on day 3 → no penalty; unpaid on day 4 → 4 days counted from the due date.
/// 1,000 × 0.05 % × 4 = 2.00.
#[test]
fn waive_grace_paid_inside_owes_nothing_and_later_counts_from_due_date() {
    let mut ledger = online_loan(Grace::waive(3));
    // inside grace nothing shows yet: a payoff today would clear it
    let st = ledger.statement(d(2026, 2, 4)).unwrap();
    assert_eq!((st.days_past_due, st.outstanding.penalty_interest), (3, Money::ZERO));
    let st = ledger.statement(d(2026, 2, 5)).unwrap();
    assert_eq!(st.outstanding.penalty_interest, m(dec!(2.00)));

    ledger
        .pay(Payment::new("p", d(2026, 2, 4), m(dec!(1000))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 2, 20)).unwrap();
    assert_eq!(st.charged.penalty_interest, Money::ZERO);
    // 3 days were accrued and dropped: 1,000 × 0.05 % × 3 = 1.50
    assert_eq!(st.installments[0].grace_waived, m(dec!(1.50)));
    assert_eq!(st.status, LoanStatus::Current);
}

/// Shift grace of 3 days: the penalty counts only from day 3. On day 5: 2 days × 1,000 × 0.05 % = 1.00.
#[test]
fn shift_grace_counts_from_the_end_of_grace() {
    let ledger = online_loan(Grace::shift(3));
    assert_eq!(
        ledger.statement(d(2026, 2, 4)).unwrap().outstanding.penalty_interest,
        Money::ZERO
    );
    assert_eq!(
        ledger.statement(d(2026, 2, 6)).unwrap().outstanding.penalty_interest,
        m(dec!(1.00))
    );
}

/// A late fee after a 3-day grace, 5 % of the overdue installment, every 30 days, at most 40:
/// 5 % × 1,000 = 50 → 40 (10 cut) on day 4 (2026-02-05) and again on day 34 (2026-03-07).
#[test]
fn recurring_late_fee_with_per_charge_maximum() {
    let s = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let policy = no_penalty().with_grace(Grace::waive(3)).with_late_fee(
        LateFee::of_installment(Ratio::new(dec!(0.05)).unwrap())
            .every(Recurrence::EveryDays(30))
            .with_max(m(dec!(40))),
    );
    let ledger = Ledger::new(s, policy).unwrap();
    let fees = |y, mo, da| ledger.statement(d(y, mo, da)).unwrap().installments[0].charged.fees;
    assert_eq!(fees(2026, 2, 4), Money::ZERO);
    assert_eq!(fees(2026, 2, 5), m(dec!(40)));
    assert_eq!(fees(2026, 3, 6), m(dec!(40)));
    let st = ledger.statement(d(2026, 3, 7)).unwrap();
    assert_eq!(st.installments[0].charged.fees, m(dec!(80)));
    assert_eq!(st.installments[0].cap_cut, m(dec!(20)));
}

/// Per-installment cap of 5.00: 1,000 × 0.05 % × 20 days = 10.00 → 5.00, 5.00 cut.
#[test]
fn per_installment_cap_cuts_the_penalty() {
    let s = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
        .with_caps(Caps::none().with_per_installment(InstallmentLimit::Amount(m(dec!(5)))));
    let st = Ledger::new(s, policy).unwrap().statement(d(2026, 2, 21)).unwrap();
    assert_eq!(st.installments[0].charged.penalty_interest, m(dec!(5.00)));
    assert_eq!(st.cap_cut, m(dec!(5.00)));
}

/// Lifetime cap of 1 % of principal = 30.00, three 1,000 installments due 02-01, 03-01, 04-01, unpaid
/// on 2026-05-12. Charges post at each due date, oldest first, at 0.50 a day per installment:
/// to 03-01 installment 1 gets 28 days = 14.00; to 04-01 installment 1 gets 31 days = 15.50 (29.50 in
/// all), installment 2 would get 15.50 but only 0.50 fits; nothing fits after that.
#[test]
fn lifetime_cap_holds_the_whole_loan() {
    let s = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
        .with_caps(Caps::none().with_lifetime(Ratio::new(dec!(0.01)).unwrap()));
    let st = Ledger::new(s, policy).unwrap().statement(d(2026, 5, 12)).unwrap();
    assert_eq!(st.charged.penalty_interest, m(dec!(30.00)));
    assert_eq!(st.installments[0].charged.penalty_interest, m(dec!(29.50)));
    assert_eq!(st.installments[1].charged.penalty_interest, m(dec!(0.50)));
    // uncapped: 50.00 + 1,000 × 0.05 % × (72 + 41 days) = 50 + 36 + 20.5 = 106.50
    assert_eq!(st.cap_cut, m(dec!(76.50)));
}

/// Annualised cap 24 %/year on a 1,000 bullet at 12 % (ACT/360): on 2026-12-31, 364 days after
/// disbursement, the cap is 1,000 × 24 % × 364/360 = 242.66 (toward zero). Interest would be 120.00
/// for a year, but this bullet falls due after one month, so interest due is 10.00 and penalties may
/// add at most 232.66. Uncapped, 0.1 %/day × 1,000 × 333 days (02-01 → 12-31) = 333.00.
#[test]
fn annualised_cap_holds_interest_penalty_and_fees_together() {
    let s = bullet(
        dec!(1000),
        Rate::annual(dec!(0.12)).unwrap(),
        d(2026, 1, 1),
        d(2026, 2, 1),
    );
    assert_eq!(s.installments()[0].interest, m(dec!(10.00))); // one month of 12 %
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.001)).unwrap()))
        .with_compound_interest(Accrues::No)
        .with_caps(Caps::none().with_annualised(Rate::annual(dec!(0.24)).unwrap()));
    let st = Ledger::new(s, policy).unwrap().statement(d(2026, 12, 31)).unwrap();
    // interest due is one month: 10.00; cap 242.66 − 10.00 = 232.66
    assert_eq!(st.charged.penalty_interest, m(dec!(232.66)));
    assert_eq!(st.cap_cut, m(dec!(100.34)));
}

/// The three allocation presets on the same state: installment 1 overdue 10 days on a 10,000 loan at
/// 12 % (788.49 principal, 100.00 interest, penalty 3.94, compound 0.50), a 30.00 fee; pay 100.
#[test]
fn allocation_presets() {
    let run = |order: AllocationOrder| {
        let s =
            Schedule::equal_installment(m(dec!(10000)), Rate::annual(dec!(0.12)).unwrap(), 12, d(2026, 1, 1)).unwrap();
        let mut ledger = Ledger::new(
            s,
            OverduePolicy::new()
                .with_late_fee(LateFee::flat(m(dec!(30))))
                .with_allocation(order),
        )
        .unwrap();
        ledger
            .pay(Payment::new("p", d(2026, 2, 11), m(dec!(100))).unwrap())
            .unwrap();
        let st = ledger.statement(d(2026, 2, 11)).unwrap();
        st.allocations[0]
            .parts
            .iter()
            .map(|p| (p.component, p.amount))
            .collect::<Vec<_>>()
    };
    use Component::*;
    // fees 30 → penalty 3.94 → compound 0.50 → interest 65.56
    assert_eq!(
        run(AllocationOrder::servicer_default()),
        [
            (Fees, m(dec!(30))),
            (PenaltyInterest, m(dec!(3.94))),
            (CompoundInterest, m(dec!(0.50))),
            (Interest, m(dec!(65.56)))
        ]
    );
    // costs 30 → penalty, compound, interest (counted as interest) → principal
    assert_eq!(
        run(AllocationOrder::civil_code_561()),
        run(AllocationOrder::servicer_default())
    );
    // principal first: all 100 to principal
    assert_eq!(run(AllocationOrder::principal_first()), [(Principal, m(dec!(100)))]);
}

/// Horizontal vs vertical with two overdue installments (servicer components, 0 % loan of 3,000,
/// 0.05 %/day on the installment, paid 2026-03-11: installment 1 is 38 days late (19.00), installment
/// 2 is 10 days late (5.00)). Pay 50: vertical pays 19.00 penalty then 31.00 principal of installment 1;
/// horizontal pays both penalties (24.00) first, then 26.00 principal of installment 1.
#[test]
fn horizontal_pays_each_component_across_installments_first() {
    use Component::*;
    use InstallmentState::*;
    let run = |direction| {
        let s = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
        let order = AllocationOrder::new(Surplus::CreditBalance).tier(Tier::new(
            &[PastDue, Due],
            &[PenaltyInterest, Principal],
            direction,
        ));
        let policy = OverduePolicy::new()
            .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
            .with_penalty_base(PenaltyBase::OverdueInstallment)
            .with_allocation(order);
        let mut ledger = Ledger::new(s, policy).unwrap();
        ledger
            .pay(Payment::new("p", d(2026, 3, 11), m(dec!(50))).unwrap())
            .unwrap();
        let st = ledger.statement(d(2026, 3, 11)).unwrap();
        st.allocations[0]
            .parts
            .iter()
            .map(|p| (p.installment, p.component, p.amount))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        run(Direction::Vertical),
        [(1, PenaltyInterest, m(dec!(19))), (1, Principal, m(dec!(31)))]
    );
    assert_eq!(
        run(Direction::Horizontal),
        [
            (1, PenaltyInterest, m(dec!(19))),
            (2, PenaltyInterest, m(dec!(5))),
            (1, Principal, m(dec!(26)))
        ]
    );
}

/// Charge-off after 60 days past due: the penalty stops on day 60 (1,000 × 0.05 % × 60 = 30.00),
/// the status is charged off, and the days past due keep counting.
#[test]
fn charge_off_freezes_penalties() {
    let s = Schedule::equal_principal(m(dec!(1000)), Rate::ZERO, 1, d(2026, 1, 1)).unwrap();
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
        .with_charge_off_after(60)
        .with_buckets(Buckets::china_credit_card());
    let ledger = Ledger::new(s, policy).unwrap();
    let st = ledger.statement(d(2026, 12, 1)).unwrap();
    assert_eq!(st.status, LoanStatus::ChargedOff);
    assert_eq!(st.charged_off_on, Some(d(2026, 4, 2))); // 2026-02-01 + 60 days
    assert_eq!(st.outstanding.penalty_interest, m(dec!(30.00)));
    assert_eq!(st.days_past_due, 303);
    assert_eq!(st.bucket, "loss");
    let day_before = ledger.statement(d(2026, 4, 1)).unwrap();
    assert_eq!(
        (day_before.status, day_before.outstanding.penalty_interest),
        (LoanStatus::Overdue, m(dec!(29.50)))
    );
}

/// An amount tolerance of 1.00: 0.50 left unpaid does not age the installment.
#[test]
fn tolerance_keeps_a_small_remainder_current() {
    let s = Schedule::equal_principal(m(dec!(2000)), Rate::ZERO, 2, d(2026, 1, 1)).unwrap();
    let mut ledger = Ledger::new(s, OverduePolicy::new().with_tolerance(m(dec!(1)))).unwrap();
    ledger
        .pay(Payment::new("p", d(2026, 2, 1), m(dec!(999.50))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 2, 20)).unwrap();
    assert_eq!((st.days_past_due, st.status), (0, LoanStatus::Current));
    assert_eq!(st.outstanding.principal, m(dec!(1000.50)));
    assert_eq!(st.outstanding.penalty_interest, Money::ZERO);
}

/// Early settlement on 2026-01-20 of 1,000 at 10 % in 2 installments (8.33 interest in month one):
/// payoff = 1,000 + 8.33 × 19/31 (5.11) = 1,005.11; paying it leaves nothing owed, and the rest of
/// the interest is never charged (no interest for days that have not passed).
#[test]
fn paying_the_payoff_settles_the_loan() {
    let s = Schedule::equal_installment(m(dec!(1000)), Rate::annual(dec!(0.1)).unwrap(), 2, d(2026, 1, 1)).unwrap();
    let total_interest = s.total_interest().unwrap();
    let mut ledger = Ledger::new(s, OverduePolicy::new()).unwrap();
    let payoff = ledger.statement(d(2026, 1, 20)).unwrap().payoff;
    assert_eq!(payoff, m(dec!(1005.11)));
    ledger
        .pay(Payment::new("settle", d(2026, 1, 20), payoff).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 1, 20)).unwrap();
    assert_eq!(st.status, LoanStatus::PaidOff);
    assert!(st.allocations[0].settled);
    assert_eq!(st.paid.interest, m(dec!(5.11)));
    assert_eq!((st.charged.interest, st.waived.interest), (m(dec!(5.11)), Money::ZERO));
    assert!(total_interest > m(dec!(5.11)));
    // and stays so as the due dates pass
    assert_eq!(ledger.statement(d(2026, 6, 1)).unwrap().charged.interest, m(dec!(5.11)));
}

/// A credit balance is applied when the next installment falls due, so a prepaid borrower is never late.
#[test]
fn credit_balance_is_applied_on_the_due_date() {
    let s = Schedule::equal_principal(m(dec!(2000)), Rate::ZERO, 2, d(2026, 1, 1)).unwrap();
    let policy =
        OverduePolicy::new().with_allocation(AllocationOrder::servicer_default().with_surplus(Surplus::CreditBalance));
    let mut ledger = Ledger::new(s, policy).unwrap();
    ledger
        .pay(Payment::new("p", d(2026, 1, 15), m(dec!(1500))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 1, 15)).unwrap();
    // 1,000 to installment 1 (due), 500 kept as credit
    assert_eq!(st.credit_balance, m(dec!(500)));
    let st = ledger.statement(d(2026, 3, 1)).unwrap();
    assert_eq!(st.credit_balance, Money::ZERO);
    assert_eq!(st.allocations[1].source, AllocationSource::CreditBalance);
    assert_eq!(st.outstanding.principal, m(dec!(500)));
}

#[test]
fn bad_events_give_specific_errors() {
    let s = Schedule::equal_principal(m(dec!(2000)), Rate::ZERO, 2, d(2026, 1, 1)).unwrap();
    let mut ledger = Ledger::new(s, OverduePolicy::new()).unwrap();
    ledger
        .pay(Payment::new("a", d(2026, 2, 1), m(dec!(10))).unwrap())
        .unwrap();
    assert_eq!(
        ledger
            .pay(Payment::new("a", d(2026, 3, 1), m(dec!(10))).unwrap())
            .unwrap_err(),
        Error::DuplicatePayment {
            id: "a".into(),
            date: d(2026, 2, 1)
        }
    );
    assert_eq!(
        ledger
            .pay(Payment::new("b", d(2025, 12, 31), m(dec!(10))).unwrap())
            .unwrap_err()
            .to_string(),
        "event date 2025-12-31 must be after disbursement 2026-01-01"
    );
    assert_eq!(
        Payment::new("c", d(2026, 2, 1), Money::ZERO).unwrap_err().to_string(),
        "payment amount must be positive, got 0"
    );
    let err = ledger
        .waive(Waiver::new(d(2026, 2, 10), Component::PenaltyInterest, m(dec!(100))))
        .unwrap_err();
    // 990 overdue principal × 4 % × 1.5 ... the policy's default rate on a 0 % loan is 0: nothing accrued
    assert_eq!(
        err.to_string(),
        "waiver of 100 penalty interest is more than the 0.00 outstanding"
    );
    assert!(ledger.events().len() == 1);
    assert!(matches!(
        ledger.waive(Waiver::new(d(2026, 2, 10), Component::Principal, m(dec!(1))).with_installment(3)),
        Err(Error::Invalid { .. })
    ));
}

/// A waiver of half the penalty: 10,000 at 12 %, installment 1 overdue 30 days: penalty
/// 788.49 × 18 % × 30/360 = 11.83; waive 5.91 on day 30.
#[test]
fn waiver_reduces_what_is_owed() {
    let s = Schedule::equal_installment(m(dec!(10000)), Rate::annual(dec!(0.12)).unwrap(), 12, d(2026, 1, 1)).unwrap();
    let mut ledger = Ledger::new(s, OverduePolicy::new()).unwrap();
    ledger
        .waive(Waiver::new(d(2026, 3, 3), Component::PenaltyInterest, m(dec!(5.91))).with_installment(1))
        .unwrap();
    let st = ledger.statement(d(2026, 3, 3)).unwrap();
    assert_eq!(st.installments[0].charged.penalty_interest, m(dec!(11.83)));
    assert_eq!(st.installments[0].waived.penalty_interest, m(dec!(5.91)));
    assert_eq!(st.installments[0].outstanding.penalty_interest, m(dec!(5.92)));
}

/// An annualised cap below the contract rate cuts the interest when it falls due: a one-month bullet
/// of 1,000 at 36 % (interest 30.00) under a 24 %/year cap (ACT/360): on the due date, 31 days after
/// disbursement, the cap is 1,000 × 24 % × 31/360 = 20.666… → 20.66, so 9.34 of the interest is cut.
#[test]
fn annualised_cap_cuts_contract_interest_above_it() {
    let s = bullet(
        dec!(1000),
        Rate::annual(dec!(0.36)).unwrap(),
        d(2026, 1, 1),
        d(2026, 2, 1),
    );
    assert_eq!(s.installments()[0].interest, m(dec!(30.00)));
    let policy = OverduePolicy::new().with_caps(Caps::none().with_annualised(Rate::annual(dec!(0.24)).unwrap()));
    let ledger = Ledger::new(s, policy).unwrap();
    let before = ledger.statement(d(2026, 1, 31)).unwrap();
    // not yet due: upcoming, not yet charged
    assert_eq!(
        (before.outstanding.interest, before.upcoming.interest),
        (Money::ZERO, m(dec!(30.00)))
    );
    let st = ledger.statement(d(2026, 2, 1)).unwrap();
    assert_eq!(st.charged.interest, m(dec!(20.66)));
    assert_eq!(st.cap_cut, m(dec!(9.34)));
}

/// The ledger, policy and statement round-trip through JSON (decimals as strings), and a ledger
/// whose JSON repeats a payment id fails to load with the error `Ledger::pay` gives.
#[test]
fn ledger_and_statement_round_trip_through_json() {
    let s = Schedule::equal_installment(m(dec!(10000)), Rate::annual(dec!(0.12)).unwrap(), 12, d(2026, 1, 1)).unwrap();
    let policy = OverduePolicy::new()
        .with_late_fee(LateFee::flat(m(dec!(30))).every(Recurrence::EveryDays(30)))
        .with_grace(Grace::shift(3))
        .with_caps(Caps::none().with_annualised(Rate::annual(dec!(0.24)).unwrap()))
        .with_buckets(Buckets::china_credit_card())
        .with_allocation(AllocationOrder::civil_code_561());
    let mut ledger = Ledger::new(s, policy).unwrap();
    ledger
        .pay(Payment::new("p1", d(2026, 2, 11), m(dec!(500))).unwrap())
        .unwrap();
    ledger
        .waive(Waiver::new(d(2026, 3, 20), Component::Fees, m(dec!(10))))
        .unwrap();
    let json = serde_json::to_string(&ledger).unwrap();
    assert!(json.contains(r#""amount":"500""#), "{json}");
    let back: Ledger = serde_json::from_str(&json).unwrap();
    assert_eq!(back, ledger);
    let st = ledger.statement(d(2026, 4, 1)).unwrap();
    let st_back: Statement = serde_json::from_str(&serde_json::to_string(&st).unwrap()).unwrap();
    assert_eq!(st_back, st);

    let dup = json.replacen(
        r#"{"kind":"waiver""#,
        r#"{"kind":"payment","id":"p1","date":"2026-03-01","amount":"1"},{"kind":"waiver""#,
        1,
    );
    let err = serde_json::from_str::<Ledger>(&dup).unwrap_err().to_string();
    assert!(
        err.contains("payment \"p1\" was already applied on 2026-02-11"),
        "{err}"
    );
}
