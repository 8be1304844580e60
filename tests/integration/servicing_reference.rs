//! Servicing rules that never take a cent they shouldn't: no pyramiding, reversals and
//! refunds, autodebit and double debits, charge-off, restructures and the annualised cap (the
//! prepayment rules are in `servicing_prepayment`). Each test names the rule it follows and
//! carries its arithmetic.

use crate::common::{d, m};
use overdue::accrual::{
    Accrues, AllocationOrder, Caps, Grace, InstallmentLimit, LateFee, LoanStatus, PenaltyBase, PenaltyRate, Pyramiding,
    Recurrence, Refund, Reversal, Surplus, Waiver,
};
use overdue::restructure::{ComponentPlan, DeferralInterest, NewPlan, Restructure, Shift, Treatment};
use overdue::schedule::Terms;
use overdue::schedule::{DailyInstallments, InterestModel};
use overdue::*;
use rust_decimal_macros::dec;

pub(crate) fn no_penalty() -> OverduePolicy {
    OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::ZERO))
        .with_compound_interest(Accrues::No)
}

fn three_thousand(policy: OverduePolicy) -> Ledger {
    let plan = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let policy = policy.with_late_fee(LateFee::flat(m(dec!(25))));
    let mut ledger = Ledger::new(plan, policy).unwrap();
    for (id, day) in [("p1", d(2026, 2, 5)), ("p2", d(2026, 3, 1)), ("p3", d(2026, 4, 1))] {
        ledger.pay(Payment::new(id, day, m(dec!(1000))).unwrap()).unwrap();
    }
    ledger
}

/// The US FTC Credit Practices Rule, 16 CFR 444.4: no delinquency charge on a full,
/// timely payment whose only shortfall comes from late fees on earlier installments. 3 × 1,000 at
/// 0 %, a flat 25 late fee, 1,000 paid on 02-05 (4 days late), 03-01 and 04-01: only the first
/// installment's 25 is charged, it is still owed, and the loan is current. The Federal Reserve's
/// staff guidelines to the same rule for banks (Regulation AA, Q15-3) give this case: a creditor
/// may not take the earlier late charge out of a full, timely payment and then call that payment
/// deficient.
#[test]
fn no_pyramiding_of_late_fees() {
    let ledger = three_thousand(no_penalty());
    for day in [d(2026, 4, 2), d(2026, 6, 30)] {
        let st = ledger.statement(day).unwrap();
        assert_eq!((st.days_past_due, st.status), (0, LoanStatus::Current), "{day}");
        assert_eq!(
            (st.charged.fees, st.outstanding.fees),
            (m(dec!(25)), m(dec!(25))),
            "{day}"
        );
    }
    // where a jurisdiction permits it, the old behaviour: each payment first pays the earlier fee
    let pyramid = three_thousand(no_penalty().with_pyramiding(Pyramiding::Allowed));
    let st = pyramid.statement(d(2026, 6, 30)).unwrap();
    assert_eq!((st.days_past_due, st.charged.fees), (90, m(dec!(75))));
}

/// A reversed payment is replayed as never received, plus the returned-payment fee;
/// before the reversal date the statement still shows it.
#[test]
fn a_reversal_replays_the_loan_without_the_payment_plus_the_fee() {
    let plan = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
        .with_penalty_base(PenaltyBase::OverdueInstallment);
    let mut ledger = Ledger::new(plan.clone(), policy.clone()).unwrap();
    ledger
        .pay(Payment::new("ach-1", d(2026, 2, 1), m(dec!(1000))).unwrap())
        .unwrap();
    assert_eq!(ledger.statement(d(2026, 2, 10)).unwrap().days_past_due, 0);
    ledger
        .reverse(Reversal::new("ach-1", d(2026, 2, 10)).with_fee(m(dec!(15))))
        .unwrap();
    // before the reversal, as it stood then
    assert_eq!(ledger.statement(d(2026, 2, 9)).unwrap().days_past_due, 0);
    // from the reversal on: 9 days past due, penalty 1,000 × 0.05 % × 9 = 4.50, plus the 15 fee
    let st = ledger.statement(d(2026, 2, 10)).unwrap();
    let plain = Ledger::new(plan, policy).unwrap().statement(d(2026, 2, 10)).unwrap();
    assert_eq!(st.days_past_due, 9);
    assert_eq!(st.outstanding.penalty_interest, m(dec!(4.50)));
    assert_eq!(
        st.outstanding.fees,
        plain.outstanding.fees.checked_add(m(dec!(15))).unwrap()
    );
    assert_eq!(st.payoff, plain.payoff.checked_add(m(dec!(15))).unwrap());
    assert_eq!(st.reversals.len(), 1);
    assert!(matches!(
        ledger.reverse(Reversal::new("ach-2", d(2026, 2, 10))),
        Err(Error::UnknownPayment { .. })
    ));
    assert!(matches!(
        ledger.reverse(Reversal::new("ach-1", d(2026, 2, 11))),
        Err(Error::AlreadyReversed { .. })
    ));
    // the ledger's JSON loads back to the same ledger
    let json = serde_json::to_string(&ledger).unwrap();
    assert_eq!(serde_json::from_str::<Ledger>(&json).unwrap(), ledger);
}

/// A refund pays the credit balance back; more than the credit is an error, and a
/// reversal that would leave a refund larger than the credit is refused.
#[test]
fn refunds_pay_back_the_credit_balance_only() {
    let plan = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let policy = no_penalty().with_allocation(AllocationOrder::servicer_default().with_surplus(Surplus::CreditBalance));
    let mut ledger = Ledger::new(plan, policy).unwrap();
    ledger
        .pay(Payment::new("p1", d(2026, 2, 1), m(dec!(1000))).unwrap())
        .unwrap();
    ledger
        .pay(Payment::new("p2", d(2026, 2, 1), m(dec!(300))).unwrap())
        .unwrap();
    let err = ledger
        .refund(Refund::new(d(2026, 2, 2), m(dec!(300.01))).unwrap())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "refund of 300.01 is more than the 300.00 credit balance"
    );
    ledger
        .refund(Refund::new(d(2026, 2, 2), m(dec!(300))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 2, 2)).unwrap();
    assert_eq!((st.credit_balance, st.refunded), (Money::ZERO, m(dec!(300))));
    assert!(matches!(
        ledger.reverse(Reversal::new("p2", d(2026, 2, 5))),
        Err(Error::RefundTooLarge { .. })
    ));
}

/// The autodebit collects only what is due and unpaid after the day's
/// other payments; a second 1,100.16 under another id on the same day is flagged.
#[test]
fn autodebit_and_double_debits() {
    let plan =
        Schedule::equal_installment(m(dec!(12000)), Rate::annual(dec!(0.18)).unwrap(), 12, d(2026, 1, 15)).unwrap();
    let mut ledger = Ledger::new(plan, OverduePolicy::new()).unwrap();
    assert_eq!(ledger.autodebit(d(2026, 2, 15)).unwrap(), m(dec!(1100.16)));
    ledger
        .pay(Payment::new("app", d(2026, 2, 15), m(dec!(1100.16))).unwrap())
        .unwrap();
    assert_eq!(ledger.autodebit(d(2026, 2, 15)).unwrap(), Money::ZERO);
    ledger
        .pay(Payment::new("bank-debit", d(2026, 2, 15), m(dec!(1100.16))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 2, 15)).unwrap();
    assert_eq!(st.possible_duplicates.len(), 1);
    let dup = &st.possible_duplicates[0];
    assert_eq!(
        (dup.id.as_str(), dup.earlier_id.as_str(), dup.amount),
        ("bank-debit", "app", m(dec!(1100.16)))
    );
    // the caller decides: reversing it gives back the statement of the single payment
    ledger.reverse(Reversal::new("bank-debit", d(2026, 2, 16))).unwrap();
    assert_eq!(ledger.statement(d(2026, 2, 16)).unwrap().payoff, {
        let mut one = Ledger::new(ledger.schedule().clone(), OverduePolicy::new()).unwrap();
        one.pay(Payment::new("app", d(2026, 2, 15), m(dec!(1100.16))).unwrap())
            .unwrap();
        one.statement(d(2026, 2, 16)).unwrap().payoff
    });
}

/// Charge-off stops what the policy says (by default everything, as a lender does
/// when it moves a loan to non-accrual); what is owed stays owed.
#[test]
fn charge_off_stops_what_the_policy_says() {
    let plan =
        Schedule::equal_installment(m(dec!(12000)), Rate::annual(dec!(0.18)).unwrap(), 12, d(2026, 1, 15)).unwrap();
    let base = OverduePolicy::new()
        .with_late_fee(LateFee::flat(m(dec!(30))).every(Recurrence::EveryDays(30)))
        .with_charge_off_after(90);
    let stopped = Ledger::new(plan.clone(), base.clone()).unwrap();
    let at_charge_off = stopped.statement(d(2026, 5, 16)).unwrap();
    assert_eq!(
        (at_charge_off.status, at_charge_off.charged_off_on),
        (LoanStatus::ChargedOff, Some(d(2026, 5, 16)))
    );
    let later = stopped.statement(d(2026, 12, 1)).unwrap();
    // no penalty and no fee after charge-off; contract interest only as earned up to that day
    for c in [Component::Fees, Component::PenaltyInterest, Component::CompoundInterest] {
        assert_eq!(later.charged.get(c), at_charge_off.charged.get(c), "{c}");
    }
    assert_eq!(
        later.payoff, at_charge_off.payoff,
        "nothing more accrues after charge-off"
    );
    // stopping nothing: contract interest, penalties and fees go on
    let running = Ledger::new(plan, base.with_charge_off_stops(&[])).unwrap();
    let later = running.statement(d(2026, 12, 1)).unwrap();
    for c in [Component::Interest, Component::PenaltyInterest, Component::Fees] {
        assert!(later.charged.get(c) > at_charge_off.charged.get(c), "{c}");
    }
}

/// A zero waiver names its field.
#[test]
fn a_zero_waiver_is_rejected() {
    let plan = Schedule::equal_principal(m(dec!(3000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let mut ledger = Ledger::new(plan, OverduePolicy::new()).unwrap();
    let err = ledger
        .waive(Waiver::new(d(2026, 3, 1), Component::Fees, Money::ZERO))
        .unwrap_err();
    assert_eq!(err.to_string(), "waiver amount must be positive, got 0");
}

/// A deferral of a bullet loan kept only 1/n of it. 12,000 at 0 % over 4 months as a
/// bullet, deferred by 2 periods on 2026-03-10: the new row carries all 12,000.
#[test]
fn deferring_a_bullet_keeps_every_cent() {
    let plan = Schedule::build(
        &ScheduleOptions::new(m(dec!(12000)), Rate::ZERO, 4, d(2026, 1, 1)).with_method(Method::Bullet),
    )
    .unwrap();
    let mut ledger = Ledger::new(plan, no_penalty()).unwrap();
    ledger
        .restructure(Restructure::deferral(
            d(2026, 3, 10),
            Shift::Periods(2),
            DeferralInterest::Waive,
        ))
        .unwrap();
    let st = ledger.statement(d(2026, 3, 10)).unwrap();
    let s = &st.restructures[0];
    let rows = &st.installments[s.first_installment as usize - 1..];
    assert_eq!(
        Money::sum(rows.iter().map(|i| i.charged.principal)).unwrap(),
        m(dec!(12000))
    );
}

/// Interest carried into the first new installment was counted twice against an
/// annualised cap (when carried, and again when the row fell due), so it was cut although
/// capitalising it kept it whole. 10,000 at 12 % in 12 months from 2026-01-01, nothing paid, a
/// 13 %/year cap; restructured on 2026-04-10 into 6 months at 12 %, interest carried or capitalised.
/// Either way the cap cuts nothing more than the original did.
#[test]
fn carried_interest_counts_against_the_annualised_cap_once() {
    let plan =
        Schedule::equal_installment(m(dec!(10000)), Rate::annual(dec!(0.12)).unwrap(), 12, d(2026, 1, 1)).unwrap();
    let policy = no_penalty().with_caps(Caps::none().with_annualised(Rate::annual(dec!(0.13)).unwrap()));
    let cut = |treatment: Treatment| {
        let mut ledger = Ledger::new(plan.clone(), policy.clone()).unwrap();
        let r = Restructure::new(
            d(2026, 4, 10),
            NewPlan::Schedule(Terms::new(Rate::annual(dec!(0.12)).unwrap(), 6)),
        )
        .with_component(Component::Interest, ComponentPlan::new(treatment));
        ledger.restructure(r).unwrap();
        ledger.statement(d(2026, 6, 1)).unwrap().cap_cut
    };
    assert_eq!(cut(Treatment::CarryToFirst), Money::ZERO);
    assert_eq!(cut(Treatment::Capitalise), Money::ZERO);
}

/// A penalty on the whole outstanding principal (the acceleration clause of many Chinese loan
/// contracts: 罚息 on all principal once any installment is overdue) accrues once a day on the
/// loan, whichever installment bears it; a cap only decides how much of it is charged. 10,000 at
/// 0 % in 3 monthly installments from 2026-01-01, 0.1 % a day on the outstanding principal, no compound
/// interest or fee, a 24 %/year cap. Installment 1 is paid on 03-15, after which installment 2
/// bears the penalty on 6,666.67: from 03-15 to 04-10 (26 days) the penalty charged and cut
/// grows by 6,666.67 × 0.1 % × 26 = 173.33, to the cent. The installment that took over used to
/// have the days before it did counted as cut too.
#[test]
fn a_penalty_on_the_whole_principal_accrues_once_a_day_on_the_loan() {
    let plan = Schedule::equal_principal(m(dec!(10000)), Rate::ZERO, 3, d(2026, 1, 1)).unwrap();
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.001)).unwrap()))
        .with_penalty_base(PenaltyBase::OutstandingPrincipal)
        .with_compound_interest(Accrues::No)
        .with_caps(Caps::none().with_annualised(Rate::annual(dec!(0.24)).unwrap()));
    let mut ledger = Ledger::new(plan, policy).unwrap();
    let first = ledger.schedule().installments()[0].payment;
    ledger.pay(Payment::new("i1", d(2026, 3, 15), first).unwrap()).unwrap();
    let accrued = |day| {
        let st = ledger.statement(day).unwrap();
        st.charged.penalty_interest.checked_add(st.cap_cut).unwrap()
    };
    let grown = accrued(d(2026, 4, 10)).checked_sub(accrued(d(2026, 3, 15))).unwrap();
    assert_eq!(grown, m(dec!(173.33)));
}

/// Found by the interest property tests: a principal prepayment rebuilds the installments after
/// the current one, and used to rebuild them from their schedule alone, dropping what a
/// restructure had spread onto them. 10,000 at 12 % in 12 months, nothing paid; restructured on
/// 2026-04-10 into 6 months at 12 % with the arrears interest spread over the new installments;
/// 3,000 paid on 04-20 (beyond what is due: principal prepaid, keeping the installment). Every
/// cent of the spread interest is still owed.
#[test]
fn a_prepayment_keeps_what_a_restructure_spread_over_the_installments() {
    let plan =
        Schedule::equal_installment(m(dec!(10000)), Rate::annual(dec!(0.12)).unwrap(), 12, d(2026, 1, 1)).unwrap();
    let mut ledger = Ledger::new(plan, no_penalty()).unwrap();
    let r = Restructure::new(
        d(2026, 4, 10),
        NewPlan::Schedule(Terms::new(Rate::annual(dec!(0.12)).unwrap(), 6)),
    )
    .with_component(Component::Interest, ComponentPlan::new(Treatment::Spread));
    ledger.restructure(r).unwrap();
    ledger
        .pay(Payment::new("extra", d(2026, 4, 20), m(dec!(3000))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 4, 20)).unwrap();
    let s = &st.restructures[0];
    assert!(!s.carried.interest.is_zero());
    let rows = &st.installments[s.first_installment as usize - 1..];
    let posted = Money::sum(rows.iter().map(|i| i.charged.interest)).unwrap();
    assert!(posted >= s.carried.interest, "{posted} < {}", s.carried.interest);
}

/// With no events the payoff and what is owed never fall. The docs' own 1,000
/// bullet at 36 % under a 24 %/year cap showed the total charged falling from 1,030.00 on 01-31
/// to 1,020.66 on 02-01: interest not yet due is now upcoming, not charged.
#[test]
fn what_is_owed_never_falls_while_nothing_happens() {
    let plan = Schedule::build(
        &ScheduleOptions::new(m(dec!(1000)), Rate::annual(dec!(0.36)).unwrap(), 1, d(2026, 1, 1))
            .with_method(Method::Bullet),
    )
    .unwrap();
    let ledger = Ledger::new(
        plan,
        OverduePolicy::new().with_caps(Caps::none().with_annualised(Rate::annual(dec!(0.24)).unwrap())),
    )
    .unwrap();
    let (a, b) = (
        ledger.statement(d(2026, 1, 31)).unwrap(),
        ledger.statement(d(2026, 2, 1)).unwrap(),
    );
    assert_eq!(
        (a.charged.total().unwrap(), b.charged.total().unwrap()),
        (m(dec!(1000)), m(dec!(1020.66)))
    );
    assert!(a.payoff <= b.payoff);
}

/// The minimal case the property test found: a bullet of 57,983.51 at 17.31 %/year
/// over 7 months from 2026-01-30; penalty at the contract rate + 30 % on overdue principal,
/// ACT/360; a 17.46 late fee every 25 days, at most 179.54; grace 9 days (shift); tolerance 4.93;
/// caps 311.11 per installment and 1.67 %/year annualised; charge-off after 176 days; allocation
/// fees → penalty → compound → interest → principal, surplus to credit; 2,640.00 paid on day 8.
/// The payoff was 58,494.57 on 2026-08-08 and 57,983.51 from 2026-11-16 on: the 2,640 had gone to
/// interest not yet due and was never credited back. Now the payoff never falls, and the
/// interest the cap does not allow comes back to the borrower.
#[test]
fn the_annualised_cap_with_prepaid_interest_never_lowers_the_payoff() {
    let plan = Schedule::build(
        &ScheduleOptions::new(
            m(dec!(57983.51)),
            Rate::annual(dec!(0.1731)).unwrap(),
            7,
            d(2026, 1, 30),
        )
        .with_method(Method::Bullet),
    )
    .unwrap();
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::ContractUplift(Ratio::new(dec!(0.30)).unwrap()))
        .with_compound_interest(Accrues::No)
        .with_late_fee(
            LateFee::flat(m(dec!(17.46)))
                .every(Recurrence::EveryDays(25))
                .with_max(m(dec!(179.54))),
        )
        .with_grace(Grace::shift(9))
        .with_tolerance(m(dec!(4.93)))
        .with_caps(
            Caps::none()
                .with_per_installment(InstallmentLimit::Amount(m(dec!(311.11))))
                .with_annualised(Rate::annual(dec!(0.0167)).unwrap()),
        )
        .with_charge_off_after(176)
        .with_allocation(AllocationOrder::servicer_default().with_surplus(Surplus::CreditBalance));
    let untouched = Ledger::new(plan, policy).unwrap();
    let mut ledger = untouched.clone();
    ledger
        .pay(Payment::new("p1", d(2026, 2, 7), m(dec!(2640.00))).unwrap())
        .unwrap();
    let (mut previous, mut untouched_payoff, mut owed) = (Money::ZERO, Money::ZERO, Money::ZERO);
    let mut day = d(2026, 2, 7);
    while day <= d(2027, 6, 1) {
        let st = ledger.statement(day).unwrap();
        assert!(
            st.payoff >= previous,
            "payoff fell on {day}: {} < {previous}",
            st.payoff
        );
        previous = st.payoff;
        // with no events at all, what is owed never falls either
        let plain = untouched.statement(day).unwrap();
        assert!(
            plain.payoff >= untouched_payoff && plain.outstanding.total().unwrap() >= owed,
            "{day}"
        );
        (untouched_payoff, owed) = (plain.payoff, plain.outstanding.total().unwrap());
        day = day.succ_opt().unwrap();
    }
    // the interest the cap keeps out was paid ahead: it is credited back, never kept
    let st = ledger.statement(d(2026, 11, 16)).unwrap();
    let cap = m(dec!(57983.51)).as_decimal() * dec!(0.0167) * rust_decimal::Decimal::from(290) / dec!(360);
    let beyond = st.charged.total().unwrap().checked_sub(st.charged.principal).unwrap();
    assert!(beyond.as_decimal() <= cap, "{beyond} > {cap}");
}

/// Found by the stress harness: a payment after the loan was settled went to the
/// shorten-term rebuild, which removed the settled rows that earlier allocations named.
#[test]
fn a_payment_after_settlement_leaves_the_settled_rows_alone() {
    let plan =
        Schedule::equal_installment(m(dec!(10000)), Rate::annual(dec!(0.12)).unwrap(), 12, d(2026, 1, 1)).unwrap();
    let mut ledger = Ledger::new(plan, OverduePolicy::new()).unwrap();
    ledger
        .pay(Payment::new("all", d(2026, 1, 10), m(dec!(20000))).unwrap())
        .unwrap();
    ledger
        .pay(Payment::new("more", d(2026, 3, 1), m(dec!(100))).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 3, 1)).unwrap();
    assert_eq!(st.installments.len(), 12);
    for a in &st.allocations {
        assert!(a
            .parts
            .iter()
            .all(|p| !p.amount.is_zero() && p.installment as usize <= st.installments.len()));
    }
    assert_eq!(st.status, LoanStatus::PaidOff);
}

/// Matured debts first (Civil Code art. 560: "债务人未作指定的，应当优先履行已经到期的债务"; the
/// oldest-installment-first rule of servicers): installment 1 (due 02-15) is unpaid, and on 03-01
/// the borrower pays exactly its amount. Interest accrues daily on the balance, so the receipt
/// also posts the interest of 02-15 to 03-01 to the current period, installment 2 (interest for
/// days passed, but not due before 03-15). Under the Civil Code art. 561 order (costs, interest,
/// principal, each across the debt) that interest used to be paid before installment 1's
/// principal, which left installment 1 short and past due. Every tier now walks the past-due
/// installments before the current one: installment 1 is paid in full, and the loan is current.
#[test]
fn a_payment_clears_the_past_due_installment_before_the_current_one() {
    let options = ScheduleOptions::new(m(dec!(12000)), Rate::annual(dec!(0.18)).unwrap(), 12, d(2026, 1, 15))
        .with_interest(InterestModel::DailyOnBalance {
            day_count: DayCount::Act365Fixed,
            installments: DailyInstallments::KeepInstallment,
        });
    // pyramiding allowed: the no-pyramiding rule would pay installment 1 in full first anyway
    let policy = no_penalty()
        .with_allocation(AllocationOrder::civil_code_561())
        .with_pyramiding(Pyramiding::Allowed);
    let mut ledger = Ledger::new(Schedule::build(&options).unwrap(), policy).unwrap();
    let first = ledger.schedule().installments()[0].clone();
    ledger
        .pay(Payment::new("i1", d(2026, 3, 1), first.payment).unwrap())
        .unwrap();
    let st = ledger.statement(d(2026, 3, 1)).unwrap();
    assert_eq!(st.days_past_due, 0);
    assert_eq!(st.installments[0].outstanding.total().unwrap(), Money::ZERO);
    assert_eq!(st.installments[0].paid.principal, first.principal);
    assert_eq!(st.installments[1].paid.total().unwrap(), Money::ZERO);
}
