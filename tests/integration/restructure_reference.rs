//! Reference cases for deferral and restructuring, with the arithmetic in comments.

use crate::common::{d, m};
use overdue::accrual::{AllocationSource, Event, LateFee, LoanStatus, PenaltyBase, PenaltyRate};
use overdue::restructure::{ComponentPlan, DeferralInterest, NewPlan, PlanFee, Restructure, Shift, Treatment, Waive};
use overdue::schedule::Terms;
use overdue::*;
use rust_decimal_macros::dec;

/// 10,000 at 12 % over 12 months from 2026-01-01 (payment 888.49), first three paid on time.
fn annuity_three_paid(policy: OverduePolicy) -> Ledger {
    let s = Schedule::equal_installment(m(dec!(10000)), Rate::annual(dec!(0.12)).unwrap(), 12, d(2026, 1, 1)).unwrap();
    let mut ledger = Ledger::new(s, policy).unwrap();
    for (i, month) in [2, 3, 4].into_iter().enumerate() {
        ledger
            .pay(Payment::new(format!("m{i}"), d(2026, month, 1), m(dec!(888.49))).unwrap())
            .unwrap();
    }
    ledger
}

/// A 3-month payment holiday taken on 2026-04-15.
/// Balance after 3 payments: 10,000 → 9,211.51 → 8,415.14 → 7,610.80. Interest of April (76.11)
/// accrued for 14 of 30 days: 35.518 → 35.52. New principal 7,610.80 + 35.52 = 7,646.32.
/// Holiday interest, accruing: 7,646.32 × 1 % × 3 = 229.3896 → 229.39, due with the first
/// installment. The 9 remaining installments move from 05-01 … 2027-01-01 to 08-01 … 2027-04-01
/// (the term extends by 3 periods); the annuity on 7,646.32 at 1 % over 9 months is 892.634… → 892.63.
#[test]
fn three_month_payment_holiday_on_an_annuity() {
    let mut ledger = annuity_three_paid(OverduePolicy::new());
    ledger
        .restructure(Restructure::deferral(
            d(2026, 4, 15),
            Shift::Periods(3),
            DeferralInterest::Accrue,
        ))
        .unwrap();
    let st = ledger.statement(d(2026, 4, 15)).unwrap();
    let s = &st.restructures[0];
    assert_eq!(s.owed.principal, m(dec!(7610.80)));
    assert_eq!(s.owed.interest, m(dec!(35.52)));
    assert_eq!(s.new_principal, m(dec!(7646.32)));
    assert_eq!(s.deferral_interest, m(dec!(229.39)));
    assert_eq!((s.first_installment, s.installments), (13, 9));
    let new = &st.installments[12..];
    assert_eq!(new[0].due_date, d(2026, 8, 1));
    assert_eq!(new[8].due_date, d(2027, 4, 1));
    // the holiday's 229.39 is charged now; the period's own 76.46 is upcoming until 08-01
    assert_eq!(
        (new[0].charged.interest, new[0].upcoming.interest),
        (m(dec!(229.39)), m(dec!(76.46)))
    );
    assert_eq!(
        new[0].charged.principal.checked_add(m(dec!(76.46))).unwrap(),
        m(dec!(892.63))
    );
    // against the original: interest rises by the holiday's 229.39 and the longer term; the penalties
    // the original would charge if paid on the new dates are avoided
    let effect = annuity_three_paid(OverduePolicy::new())
        .plan_effect(&Restructure::deferral(
            d(2026, 4, 15),
            Shift::Periods(3),
            DeferralInterest::Accrue,
        ))
        .unwrap();
    assert_eq!(effect.installments.len(), 9);
    assert!(effect.extra_interest > dec!(229.39));
    assert!(effect.penalties_avoided > Money::ZERO);
    assert!(effect.new_total > effect.original_owed);
    // nothing falls due during the holiday
    let july = ledger.statement(d(2026, 7, 31)).unwrap();
    assert_eq!((july.days_past_due, july.status), (0, LoanStatus::Current));
    // the old installments 4–12 are closed: their principal moved, their unearned interest dropped
    assert_eq!(st.installments[3].restructured.interest, m(dec!(35.52)));
    assert_eq!(st.installments[3].waived.interest, m(dec!(40.59)));
}

/// 12,000 at 18 % over 12 months from 2026-01-15 (payment 1,100.16), the first three paid, the
/// fourth (05-15) and fifth (06-15) missed; 0.05 %/day on the overdue installment. On 2026-06-24:
/// penalty 1,100.16 × 0.05 % × 40 = 22.0032 → 22.00 and × 9 days = 4.95; 26.95 in all.
/// Half waived: 13.475 → 13.47 (toward zero). Owed: principal 9,197.91; interest 137.97 + 123.54 +
/// 9/30 × 108.89 (32.67) = 294.18. New principal 9,197.91 + 294.18 + 26.95 − 13.47 = 9,505.57,
/// into 6 equal installments at 18 %: 9,505.57 × 1.5 % / (1 − 1.015^−6) = 1,668.467… → 1,668.47.
#[test]
fn two_missed_installments_into_six_with_half_the_penalties_waived() {
    let s = Schedule::equal_installment(m(dec!(12000)), Rate::annual(dec!(0.18)).unwrap(), 12, d(2026, 1, 15)).unwrap();
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
        .with_penalty_base(PenaltyBase::OverdueInstallment);
    let mut ledger = Ledger::new(s, policy).unwrap();
    for (id, day) in [("m1", d(2026, 2, 15)), ("m2", d(2026, 3, 15)), ("m3", d(2026, 4, 15))] {
        ledger.pay(Payment::new(id, day, m(dec!(1100.16))).unwrap()).unwrap();
    }
    let before = ledger.statement(d(2026, 6, 24)).unwrap();
    let deal = Restructure::new(
        d(2026, 6, 24),
        NewPlan::Schedule(Terms::new(Rate::annual(dec!(0.18)).unwrap(), 6)),
    )
    .with_component(
        Component::PenaltyInterest,
        ComponentPlan::new(Treatment::Capitalise).with_waive(Waive::Share(Ratio::new(dec!(0.5)).unwrap())),
    );
    ledger.restructure(deal).unwrap();
    let st = ledger.statement(d(2026, 6, 24)).unwrap();
    let s = &st.restructures[0];
    assert_eq!(s.owed.penalty_interest, m(dec!(26.95)));
    assert_eq!(s.waived.penalty_interest, m(dec!(13.47)));
    assert_eq!(s.owed.interest, m(dec!(294.18)));
    assert_eq!(s.new_principal, m(dec!(9505.57)));
    assert_eq!(
        st.installments[12]
            .charged
            .principal
            .checked_add(st.installments[12].upcoming.interest)
            .unwrap(),
        m(dec!(1668.47))
    );
    assert_eq!(st.installments[12].due_date, d(2026, 7, 24));
    assert_eq!((st.days_past_due, st.status), (0, LoanStatus::Current));
    // the history is kept: the statement before the restructure is unchanged
    assert_eq!(ledger.statement(d(2026, 6, 23)).unwrap(), {
        let mut plain = ledger.clone();
        plain = Ledger::new(plain.schedule().clone(), plain.policy().clone()).unwrap();
        for e in ledger.events().iter().filter(|e| !matches!(e, Event::Restructure(_))) {
            plain.record(e.clone()).unwrap();
        }
        plain.statement(d(2026, 6, 23)).unwrap()
    });
    // 9,197.91 + 294.18 + 26.95 (no late fee in this policy)
    assert_eq!(before.payoff, m(dec!(9519.04)));
}

/// Re-amortisation: 3,000 at 0 % in three installments of 1,000 (02-01, 03-01, 04-01); the first is
/// missed. On 02-10 the 1,000 overdue is spread over the two remaining installments: 3,000 over 2 =
/// 1,500 due 03-01 and 1,500 due 04-01. With a 200 down payment first: 2,800 → 1,400 each.
#[test]
fn reamortisation_over_the_remaining_installments() {
    let s = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let mut ledger = Ledger::new(s.clone(), OverduePolicy::new()).unwrap();
    ledger
        .restructure(Restructure::new(d(2026, 2, 10), NewPlan::Reamortise))
        .unwrap();
    let st = ledger.statement(d(2026, 2, 10)).unwrap();
    let new: Vec<_> = st.installments[3..]
        .iter()
        .map(|i| (i.due_date, i.charged.principal))
        .collect();
    assert_eq!(new, [(d(2026, 3, 1), m(dec!(1500))), (d(2026, 4, 1), m(dec!(1500)))]);
    assert_eq!(st.days_past_due, 0);

    let mut ledger = Ledger::new(s, OverduePolicy::new()).unwrap();
    ledger
        .restructure(Restructure::new(d(2026, 2, 10), NewPlan::Reamortise).with_down_payment(m(dec!(200))))
        .unwrap();
    let st = ledger.statement(d(2026, 4, 2)).unwrap();
    assert_eq!(st.allocations[0].source, AllocationSource::DownPayment);
    assert_eq!(st.installments[3].charged.principal, m(dec!(1400)));
    // unpaid since: installment 4 (03-01) is 32 days past due
    assert_eq!(st.days_past_due, 32);
}

/// Carry, spread and due-now placements: 3,000 at 0 % with a 30 late fee on the missed first
/// installment. Fees due now (kept: the loan stays overdue from the restructure date), principal
/// capitalised over 2 installments; a 1 % fee on the 3,030 restructured (30.30) is spread over them.
#[test]
fn placements_carry_spread_and_due_now() {
    let s = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let policy = OverduePolicy::new().with_late_fee(LateFee::flat(m(dec!(30))));
    let mut ledger = Ledger::new(s, policy).unwrap();
    let deal = Restructure::new(d(2026, 2, 10), NewPlan::Schedule(Terms::new(Rate::ZERO, 2)))
        .with_component(Component::Fees, ComponentPlan::new(Treatment::Spread))
        .with_fee(PlanFee::Share(Ratio::new(dec!(0.01)).unwrap()));
    ledger.restructure(deal).unwrap();
    let st = ledger.statement(d(2026, 2, 10)).unwrap();
    let s = &st.restructures[0];
    assert_eq!(s.fee, m(dec!(30.30)));
    assert_eq!(s.carried.fees, m(dec!(60.30)));
    // 60.30 over 2: 30.15 each
    assert_eq!(st.installments[3].charged.fees, m(dec!(30.15)));
    assert_eq!(st.installments[4].charged.fees, m(dec!(30.15)));

    let s = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let mut ledger = Ledger::new(s, OverduePolicy::new().with_late_fee(LateFee::flat(m(dec!(30))))).unwrap();
    ledger
        .restructure(
            Restructure::deferral(d(2026, 2, 10), Shift::Periods(1), DeferralInterest::Waive)
                .with_component(Component::Fees, ComponentPlan::new(Treatment::DueNow)),
        )
        .unwrap();
    let st = ledger.statement(d(2026, 2, 20)).unwrap();
    assert_eq!(st.installments[3].due_date, d(2026, 2, 10));
    assert_eq!(st.installments[3].outstanding.fees, m(dec!(30)));
    assert_eq!(st.days_past_due, 10); // the kept fee keeps the loan overdue from 02-10
}

#[test]
fn bad_restructures_give_specific_errors() {
    let s = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let mut ledger = Ledger::new(s, OverduePolicy::new().with_late_fee(LateFee::flat(m(dec!(30))))).unwrap();
    ledger
        .pay(Payment::new("p", d(2026, 2, 20), m(dec!(10))).unwrap())
        .unwrap();
    let before_last = Restructure::new(d(2026, 2, 10), NewPlan::Reamortise);
    assert_eq!(
        ledger.restructure(before_last).unwrap_err().to_string(),
        "restructure date 2026-02-10 must be after last event 2026-02-20"
    );
    let early = Restructure::new(
        d(2026, 2, 25),
        NewPlan::Schedule(Terms::new(Rate::ZERO, 2).with_first_due(d(2026, 2, 25))),
    );
    assert_eq!(
        ledger.restructure(early).unwrap_err().to_string(),
        "new first due date 2026-02-25 must be after restructure date 2026-02-25"
    );
    let too_much = Restructure::new(d(2026, 2, 25), NewPlan::Reamortise).with_component(
        Component::Fees,
        ComponentPlan::new(Treatment::Capitalise).with_waive(Waive::Amount(m(dec!(31)))),
    );
    // the 10 paid went to the 30 fee first: 20 owed
    assert_eq!(
        ledger.restructure(too_much).unwrap_err().to_string(),
        "waiver of 31 fees is more than the 20.00 outstanding"
    );
    let down = Restructure::new(d(2026, 2, 25), NewPlan::Reamortise).with_down_payment(m(dec!(5000)));
    assert!(matches!(
        ledger.restructure(down),
        Err(Error::DownPaymentTooLarge { .. })
    ));
    assert_eq!(ledger.events().len(), 1);
}

/// A deferral of a bullet keeps its remaining periods: 1,200 at 12 % due in one payment after 12
/// months (2027-01-01, interest 144.00); deferred by 2 months on 2026-07-01 with the period's
/// interest waived: the remaining 6 periods move 2 later, so it matures on 2027-03-01. Interest
/// earned so far, pro rata to the day: 144.00 × 181/365 = 71.408… → 71.41, capitalised; the new
/// bullet charges 6 months at 1 % on 1,271.41 = 76.2846 → 76.28.
#[test]
fn deferring_a_bullet_keeps_its_remaining_periods() {
    let s = Schedule::build(
        &ScheduleOptions::new(m(dec!(1200)), Rate::annual(dec!(0.12)).unwrap(), 12, d(2026, 1, 1))
            .with_method(Method::Bullet),
    )
    .unwrap();
    assert_eq!(s.installments()[0].interest, m(dec!(144.00)));
    let mut ledger = Ledger::new(s, OverduePolicy::new()).unwrap();
    ledger
        .restructure(Restructure::deferral(
            d(2026, 7, 1),
            Shift::Periods(2),
            DeferralInterest::Waive,
        ))
        .unwrap();
    let st = ledger.statement(d(2026, 7, 1)).unwrap();
    assert_eq!(st.restructures[0].new_principal, m(dec!(1271.41)));
    let new = &st.installments[1];
    assert_eq!((new.due_date, new.upcoming.interest), (d(2027, 3, 1), m(dec!(76.28))));
}

/// A down payment lowers the debt restructured by exactly its amount, even when the allocation
/// order lets it pay interest not yet due: that interest, not earned on the restructure date, is
/// credited back, and the credit pays the debt being restructured (principal first, then what the
/// plan does not waive) instead of sitting beside the new plan while penalty is capitalised.
/// 3 × 1,000 at 12 %/year (interest 30, 20, 10), nothing paid, penalty 0.5 %/day on overdue
/// installments; restructured on 2026-03-10 with a down payment that covers everything but
/// 0.25 of principal and the penalty, in an order that pays interest and principal of every
/// installment (due or not) and penalties only of the installment due (a lender's own order:
/// the past-due penalty, 236.45, is left to the restructure). Paid ahead: installment 3's
/// 10.00 of interest, of which 7.10 is not earned on 03-10 and is credited back; 0.25 of it
/// pays the last principal and 6.85 the penalty restructured.
#[test]
fn a_down_payment_that_paid_interest_not_yet_due_still_lowers_the_debt_by_its_amount() {
    use overdue::accrual::{AllocationOrder, Direction, InstallmentState, Surplus, Tier};
    let all = [
        InstallmentState::PastDue,
        InstallmentState::Due,
        InstallmentState::NotYetDue,
    ];
    let order = AllocationOrder::new(Surplus::NextInstallments)
        .tier(Tier::new(
            &all,
            &[Component::Interest, Component::Principal],
            Direction::Vertical,
        ))
        .tier(Tier::new(
            &[InstallmentState::Due],
            &[Component::PenaltyInterest, Component::CompoundInterest, Component::Fees],
            Direction::Horizontal,
        ));
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.005)).unwrap()))
        .with_penalty_base(PenaltyBase::OverdueInstallment)
        .with_allocation(order);
    let plan = Schedule::equal_principal(m(dec!(3000)), Rate::annual(dec!(0.12)).unwrap(), 3, d(2026, 1, 1)).unwrap();
    let day = d(2026, 3, 10);
    let plain = Ledger::new(plan, policy).unwrap();
    let before = plain.statement(day).unwrap();
    // everything scheduled (3,000 principal, 60 interest) but 0.25 of principal
    let down = m(dec!(3059.75));
    let restructure = |down: Option<Money>| {
        let mut ledger = plain.clone();
        let mut r = Restructure::new(day, NewPlan::Schedule(Terms::new(Rate::annual(dec!(0.12)).unwrap(), 6)));
        if let Some(down) = down {
            r = r.with_down_payment(down);
        }
        ledger.restructure(r).unwrap();
        ledger.statement(day).unwrap()
    };
    let (without, with) = (restructure(None), restructure(Some(down)));
    let owed = |st: &Statement| st.restructures[0].owed.total().unwrap();
    assert_eq!(owed(&without), before.payoff);
    assert_eq!(owed(&with), owed(&without).checked_sub(down).unwrap());
    assert!(
        with.credit_balance.is_zero(),
        "credit left idle: {}",
        with.credit_balance
    );
}
