//! Credit-bureau records: the PBOC 24-month repayment record, worked by hand against
//! the report's own legend (个人信用报告 编制说明: N paid as agreed; 1–7 past due 1–30, 31–60, …,
//! over 180 days; C settled; * no payment due that month; B bad debt).

use crate::common::{d, m};
use overdue::rate::{FloatingRate, RateTable, Reset, Spread};
use overdue::report::{
    AccrualStatus, AssetClass, ClassificationRules, Ifrs9Stage, Metro2Status, PbocTransaction, RetailCredit,
    SpecialComment,
};
use overdue::restructure::{DeferralInterest, NewPlan, Restructure, Shift};
use overdue::schedule::Terms;
use overdue::*;
use rust_decimal_macros::dec;

/// The reference loan: 1,200 in 12 monthly installments of 100 from 2026-01-15 (due on
/// the 15th, February to January), the default policy. Installments 1–3 paid on their due
/// dates; 4 (05-15) and 5 (06-15) missed; on 07-15 everything due is paid (4, 5, 6 and their
/// penalties): cured two months later; 7–9 paid on their due dates; settled early on 11-01.
fn reference_loan() -> Ledger {
    let mut ledger = unpaid();
    let hundred = m(dec!(100));
    for (k, month) in [2, 3, 4].into_iter().enumerate() {
        ledger
            .pay(Payment::new(format!("i{}", k + 1), d(2026, month, 15), hundred).unwrap())
            .unwrap();
    }
    let arrears = ledger.autodebit(d(2026, 7, 15)).unwrap();
    ledger
        .pay(Payment::new("cure", d(2026, 7, 15), arrears).unwrap())
        .unwrap();
    for (k, month) in [8, 9, 10].into_iter().enumerate() {
        ledger
            .pay(Payment::new(format!("i{}", k + 7), d(2026, month, 15), hundred).unwrap())
            .unwrap();
    }
    let payoff = ledger.statement(d(2026, 11, 1)).unwrap().payoff;
    ledger
        .pay(Payment::new("settle", d(2026, 11, 1), payoff).unwrap())
        .unwrap();
    ledger
}

/// By hand, month by month (status at the end of the month's due date, days counted 算头不算尾):
/// January, the account opens and nothing is due: `*`; February to April paid on the due date:
/// `N N N`; May, installment 4 unpaid at the end of 05-15: 1 day, `1`; June, at the end of 06-15
/// installment 4 is 32 days past due (05-15 to 06-16): `2`; July, everything due paid on 07-15:
/// `N`; August to October: `N N N`; November, settled on 11-01: `C`, and the record ends.
#[test]
fn the_reference_loans_pboc_record_worked_by_hand() {
    let ledger = reference_loan();
    let record = ledger.pboc_record(d(2026, 11, 30)).unwrap();
    assert_eq!(record.history, "*NNN12NNNNC");
    assert_eq!(record.highest_months_overdue, 2);
    // settled on 11-01, before the last due date (2027-01-15): 提前结清, for the payoff (300)
    let special: Vec<_> = record
        .special_transactions
        .iter()
        .map(|t| (t.kind, t.date, t.amount))
        .collect();
    assert_eq!(
        special,
        [(PbocTransaction::EarlySettlement, d(2026, 11, 1), m(dec!(300)))]
    );
    assert_eq!((record.amount_overdue, record.installments_overdue), (Money::ZERO, 0));
    let june = &record.months[5];
    assert_eq!(
        (june.month.as_str(), june.reporting_date, june.days_past_due),
        ("2026-06", d(2026, 6, 15), 32)
    );
    // filed at the end of June: two installments past due (4 by 32 days, 5 by 1 day)
    let june_record = ledger.pboc_record(d(2026, 6, 30)).unwrap();
    assert_eq!(june_record.history, "*NNN12");
    assert_eq!(june_record.installments_overdue, 2);
    let owed = ledger.statement(d(2026, 6, 16)).unwrap();
    let past_due = Money::sum(owed.installments[3..5].iter().map(|i| i.outstanding.total().unwrap())).unwrap();
    assert_eq!(june_record.amount_overdue, past_due);
    // at a zero contract rate the default penalty (an uplift on that rate) is nil
    assert_eq!(past_due, m(dec!(200)));
}

/// 24 months at most, oldest first; a record two years on keeps the last 24.
#[test]
fn the_record_keeps_the_last_24_months() {
    let ledger = unpaid();
    let record = ledger.pboc_record(d(2028, 6, 3)).unwrap();
    assert_eq!(record.history.len(), 24);
    assert_eq!(record.months[0].month, "2026-07");
    // nothing was ever paid: more than 180 days past due from August 2026 on
    assert!(record.history.ends_with("7777777777"));
    assert!(ledger.pboc_record(d(2026, 1, 14)).is_err());
}

/// A loan charged off and not settled is reported `B` (呆账). Nothing paid, charge-off at 90 days
/// past due: at the end of 02-15 installment 1 is 1 day past due (`1`), of 03-15 29 days (`1`:
/// February has 28), of 04-15 60 days (`2`); at the end of 05-15 it is 90 days past due and
/// charged off (dated 05-16, the first day at 90), so May, June and July are `B`.
#[test]
fn a_charged_off_loan_is_reported_b() {
    let ledger = crate::common::hundreds(OverduePolicy::new().with_charge_off_after(90));
    let record = ledger.pboc_record(d(2026, 7, 31)).unwrap();
    assert_eq!(record.history, "*112BBB");
    assert_eq!(
        ledger.statement(d(2026, 7, 31)).unwrap().charged_off_on,
        Some(d(2026, 5, 16))
    );
}

// Risk classification (五级分类): the 2023 measures for commercial banks' financial assets
// (商业银行金融资产风险分类办法, CBIRC and PBOC order 2023 No. 1): any amount overdue, at least
// special mention; more than 90 / 270 / 360 days, at least substandard / doubtful / loss; a
// restructured loan at least special mention through an observation period that starts on the
// new plan's first due date, lasts at least a year and two installments, and starts again from
// an installment not paid on time (art. 20); a non-performing loan upgraded only once its arrears
// are paid and two installments in a row are paid on time.

fn unpaid() -> Ledger {
    crate::common::hundreds(OverduePolicy::new())
}

/// Nothing paid, the first installment due 2026-02-15: 1 day past due on 02-16 (special
/// mention), 90 on 05-16 (still special mention: "more than 90"), 91 on 05-17 (substandard), 271
/// on 11-13 (doubtful), 361 on 2027-02-11 (loss).
#[test]
fn classes_by_days_past_due() {
    // credit cards (商业银行信用卡业务监督管理办法, CBRC order 2011 No. 2, art. 92): 1–90 days
    // special mention, 91–120 substandard, 121–180 doubtful, more than 180 loss
    let card = ClassificationRules::china_credit_card();
    let classes: Vec<AssetClass> = [0, 1, 90, 91, 120, 121, 180, 181].map(|x| card.class_for(x)).to_vec();
    use AssetClass::*;
    assert_eq!(
        classes,
        [
            Normal,
            SpecialMention,
            SpecialMention,
            Substandard,
            Substandard,
            Doubtful,
            Doubtful,
            Loss
        ]
    );

    let rules = ClassificationRules::china_2023();
    let l = unpaid();
    let at = |day| {
        let c = l.risk_class(&rules, day).unwrap();
        (c.days_past_due, c.class)
    };
    assert_eq!(at(d(2026, 2, 15)), (0, AssetClass::Normal));
    assert_eq!(at(d(2026, 2, 16)), (1, AssetClass::SpecialMention));
    assert_eq!(at(d(2026, 5, 16)), (90, AssetClass::SpecialMention));
    assert_eq!(at(d(2026, 5, 17)), (91, AssetClass::Substandard));
    assert_eq!(at(d(2026, 11, 12)), (270, AssetClass::Substandard));
    assert_eq!(at(d(2026, 11, 13)), (271, AssetClass::Doubtful));
    assert_eq!(at(d(2027, 2, 11)), (361, AssetClass::Loss));
}

/// Pays what is due on each due date of the ledger from `from` to `to`, `late` days after it.
fn pay_dues(l: &mut Ledger, from: chrono::NaiveDate, to: chrono::NaiveDate, late: u64) {
    let dues: Vec<_> = l
        .statement(to)
        .unwrap()
        .installments
        .iter()
        .map(|i| i.due_date)
        .filter(|&x| x >= from && x <= to)
        .collect();
    for (k, due) in dues.into_iter().enumerate() {
        let day = due + chrono::Days::new(late);
        let amount = l.autodebit(day).unwrap();
        if !amount.is_zero() {
            l.pay(Payment::new(format!("{from}-{k}"), day, amount).unwrap())
                .unwrap();
        }
    }
}

/// 40 days past due on 2026-03-27 (special mention), restructured that day into 12 monthly
/// installments from 2026-04-27. Paid on time, the loan is current, and still special mention
/// until the observation ends: a year from the first new due date (2027-04-27; the two
/// installments end sooner). The day after, normal.
#[test]
fn a_restructured_loan_stays_special_mention_through_its_observation() {
    let rules = ClassificationRules::china_2023();
    let mut l = unpaid();
    l.restructure(Restructure::new(
        d(2026, 3, 27),
        NewPlan::Schedule(Terms::new(Rate::ZERO, 12)),
    ))
    .unwrap();
    pay_dues(&mut l, d(2026, 3, 28), d(2027, 4, 28), 0);
    let during = l.risk_class(&rules, d(2026, 12, 1)).unwrap();
    assert_eq!((during.days_past_due, during.class), (0, AssetClass::SpecialMention));
    assert_eq!(during.observation_ends, Some(d(2027, 4, 27)));
    assert_eq!(
        l.risk_class(&rules, d(2027, 4, 27)).unwrap().class,
        AssetClass::SpecialMention
    );
    assert_eq!(l.risk_class(&rules, d(2027, 4, 28)).unwrap().class, AssetClass::Normal);
}

/// The same, but the 2026-08-27 installment is paid five days late: the observation starts
/// again from it and ends on 2027-08-27.
#[test]
fn a_late_installment_starts_the_observation_again() {
    let rules = ClassificationRules::china_2023();
    let mut l = unpaid();
    l.restructure(Restructure::new(
        d(2026, 3, 27),
        NewPlan::Schedule(Terms::new(Rate::ZERO, 24)),
    ))
    .unwrap();
    pay_dues(&mut l, d(2026, 3, 28), d(2026, 7, 31), 0);
    pay_dues(&mut l, d(2026, 8, 1), d(2026, 8, 31), 5);
    pay_dues(&mut l, d(2026, 9, 1), d(2027, 9, 30), 0);
    let c = l.risk_class(&rules, d(2027, 6, 1)).unwrap();
    assert_eq!(
        (c.class, c.observation_ends),
        (AssetClass::SpecialMention, Some(d(2027, 8, 27)))
    );
    assert_eq!(l.risk_class(&rules, d(2027, 8, 28)).unwrap().class, AssetClass::Normal);
}

/// 100 days past due on 2026-05-26 (substandard); the arrears are paid that day. The loan is
/// current, but stays substandard until two installments in a row are paid on time (06-15 and
/// 07-15): special mention or better only from the end of 07-15.
#[test]
fn a_non_performing_loan_is_upgraded_only_once_cured() {
    let rules = ClassificationRules::china_2023();
    let mut l = unpaid();
    let arrears = l.autodebit(d(2026, 5, 26)).unwrap();
    l.pay(Payment::new("arrears", d(2026, 5, 26), arrears).unwrap())
        .unwrap();
    pay_dues(&mut l, d(2026, 6, 1), d(2026, 8, 31), 0);
    let paid_up = l.risk_class(&rules, d(2026, 6, 1)).unwrap();
    assert_eq!((paid_up.days_past_due, paid_up.class), (0, AssetClass::Substandard));
    assert_eq!(
        l.risk_class(&rules, d(2026, 7, 14)).unwrap().class,
        AssetClass::Substandard
    );
    assert_eq!(l.risk_class(&rules, d(2026, 7, 16)).unwrap().class, AssetClass::Normal);
}

/// IFRS 9 5.5.11 and B5.5.37: more than 30 days past due is stage 2, more than 90 stage 3; the
/// FFIEC Uniform Retail Credit Classification and Account Management Policy (65 FR 36903): 90
/// days non-accrual, 120 days (closed-end) or 180 (open-end) charged off. Nothing paid from
/// 2026-02-15: 30 days on 03-17, 31 on 03-18, 90 on 05-16, 91 on 05-17, 120 on 06-15, 180 on
/// 08-14.
#[test]
fn ifrs9_stages_and_us_accrual_status_by_days_past_due() {
    let l = unpaid();
    let stage = |day| l.ifrs9_stage(day).unwrap();
    assert_eq!(
        [
            stage(d(2026, 3, 17)),
            stage(d(2026, 3, 18)),
            stage(d(2026, 5, 16)),
            stage(d(2026, 5, 17))
        ],
        [
            Ifrs9Stage::Stage1,
            Ifrs9Stage::Stage2,
            Ifrs9Stage::Stage2,
            Ifrs9Stage::Stage3
        ]
    );
    let us = |credit, day| l.us_accrual_status(credit, day).unwrap();
    assert_eq!(us(RetailCredit::ClosedEnd, d(2026, 5, 15)), AccrualStatus::Accrual);
    assert_eq!(us(RetailCredit::ClosedEnd, d(2026, 5, 16)), AccrualStatus::NonAccrual);
    assert_eq!(us(RetailCredit::ClosedEnd, d(2026, 6, 14)), AccrualStatus::NonAccrual);
    assert_eq!(us(RetailCredit::ClosedEnd, d(2026, 6, 15)), AccrualStatus::ChargeOff);
    assert_eq!(us(RetailCredit::OpenEnd, d(2026, 8, 13)), AccrualStatus::NonAccrual);
    assert_eq!(us(RetailCredit::OpenEnd, d(2026, 8, 14)), AccrualStatus::ChargeOff);
    assert_eq!(l.statement(d(2026, 8, 14)).unwrap().days_past_due, 180);
}

// Metro 2 (CDIA Credit Reporting Resource Guide, Base Segment): Account Status 17A (11 current
// 0–29 days past the due date; 71, 78, 80, 82, 83, 84 for 30, 60, 90, 120, 150, 180+ days; 13
// paid or closed; 97 charged off; 64 paid in full, was a charge-off); Payment Rating 17B with
// 13; Payment History Profile 18, the 24 months before the Date of Account Information, newest
// first (0 current, 1–6 by 30 days, B no history before the account opened, D no payment due,
// L charge-off); Special Comment 19 (AC paying under a partial payment agreement, CP forbearance);
// Amount Past Due 22 (payments 30 days or more past due, with their late charges).

/// The reference loan by hand, month ends (end of day; days counted to the next day):
/// January to May current (at the end of 05-31 installment 4 is 17 days late: still `0`, Metro 2
/// counts from 30); end of 06-30 installment 4 is 47 days late: `1`; July (cured on 07-15) to
/// October `0`; settled on 11-01. Filed for November: paid (13), rated `0` (current at the end
/// of 10-31), profile October back to January then 14 months before it opened.
#[test]
fn the_reference_loans_metro2_profile_worked_by_hand() {
    let ledger = reference_loan();
    let november = ledger.metro2(d(2026, 11, 30)).unwrap();
    assert_eq!(november.account_status, Metro2Status::Paid);
    assert_eq!(november.payment_rating, Some('0'));
    assert_eq!(
        november.payment_history_profile,
        format!("0000100000{}", "B".repeat(14))
    );
    assert_eq!(
        (november.amount_past_due, november.current_balance),
        (Money::ZERO, Money::ZERO)
    );
    assert_eq!(november.special_comment, None);
    // filed for June: installment 4 (100) is 47 days late, 5 only 16 (not yet delinquent)
    let june = ledger.metro2(d(2026, 6, 30)).unwrap();
    assert_eq!(
        (june.account_status, june.account_status.code()),
        (Metro2Status::Late30, "71")
    );
    assert_eq!(june.payment_history_profile, format!("00000{}", "B".repeat(19)));
    assert_eq!(june.amount_past_due, m(dec!(100)));
    assert_eq!(june.current_balance, m(dec!(900)));
    assert_eq!(june.payment_rating, None);
    // filed for July, after the cure: current, June's 1 kept in the profile
    let july = ledger.metro2(d(2026, 7, 31)).unwrap();
    assert_eq!(july.account_status, Metro2Status::Current);
    assert_eq!(july.payment_history_profile, format!("100000{}", "B".repeat(18)));
    assert_eq!(july.amount_past_due, Money::ZERO);
}

/// Charged off at 90 days (05-16): 97 with the whole balance past due and `L` in the profile;
/// paid in full afterwards: 64.
#[test]
fn a_charged_off_loan_is_97_then_64() {
    let mut ledger = crate::common::hundreds(OverduePolicy::new().with_charge_off_after(90));
    let july = ledger.metro2(d(2026, 7, 31)).unwrap();
    assert_eq!(july.account_status.code(), "97");
    assert_eq!(july.amount_past_due, july.current_balance);
    assert_eq!(july.amount_past_due, m(dec!(1200)));
    // June L, May L (charged off 05-16), April 2 (75 days), March 1 (44), February 0 (13), January 0
    assert_eq!(july.payment_history_profile, format!("LL2100{}", "B".repeat(18)));
    let payoff = ledger.statement(d(2026, 8, 3)).unwrap().payoff;
    ledger
        .pay(Payment::new("recovery", d(2026, 8, 3), payoff).unwrap())
        .unwrap();
    let august = ledger.metro2(d(2026, 8, 31)).unwrap();
    assert_eq!(august.account_status, Metro2Status::PaidAfterChargeOff);
    assert_eq!((august.payment_rating, august.amount_past_due), (None, Money::ZERO));
}

/// A deferral is reported as forbearance (CP) through its period, with `D` for its months with no
/// payment due, and not as plain current; a restructure as a partial payment agreement (AC)
/// while its plan runs.
#[test]
fn deferrals_and_restructures_carry_their_special_comments() {
    let mut deferred = unpaid();
    deferred
        .pay(Payment::new("i1", d(2026, 2, 15), m(dec!(100))).unwrap())
        .unwrap();
    // on 03-10, nothing past due: the remaining 11 installments move three months later
    deferred
        .restructure(Restructure::deferral(
            d(2026, 3, 10),
            Shift::Periods(3),
            DeferralInterest::Waive,
        ))
        .unwrap();
    let april = deferred.metro2(d(2026, 4, 30)).unwrap();
    assert_eq!(april.special_comment, Some(SpecialComment::Forbearance));
    assert_eq!(april.account_status, Metro2Status::Current);
    assert_eq!(&april.payment_history_profile[..3], "D00"); // March: deferred, no due; February, January
                                                            // the PBOC record has no payment due in the deferred months either: `*`, not `N`
    let record = deferred.pboc_record(d(2026, 4, 30)).unwrap();
    assert_eq!(record.history, "*N**");
    // and shows the deferral as a special transaction (展期), for the 1,100 still owed
    assert_eq!(record.special_transactions.len(), 1);
    assert_eq!(
        (
            record.special_transactions[0].kind,
            record.special_transactions[0].date,
            record.special_transactions[0].amount
        ),
        (PbocTransaction::Extension, d(2026, 3, 10), m(dec!(1100)))
    );
    let first_due = deferred.statement(d(2026, 3, 10)).unwrap().restructures[0].first_installment;
    let due = deferred.statement(d(2026, 3, 10)).unwrap().installments[first_due as usize - 1].due_date;
    assert_eq!(due, d(2026, 6, 15));
    let after = deferred.metro2(d(2026, 6, 30)).unwrap();
    assert_eq!(after.special_comment, None); // the deferral period is over
    assert_eq!(&after.payment_history_profile[..2], "DD"); // May and April: no payment due

    let mut restructured = unpaid();
    restructured
        .restructure(Restructure::new(
            d(2026, 3, 27),
            NewPlan::Schedule(Terms::new(Rate::ZERO, 12)),
        ))
        .unwrap();
    let april = restructured.metro2(d(2026, 4, 30)).unwrap();
    assert_eq!(april.special_comment, Some(SpecialComment::PartialPaymentAgreement));
    assert_eq!(april.account_status.code(), "11");
    // March: 40 days late at the end of 03-26 but restructured on 03-27, current at 03-31
    assert_eq!(&april.payment_history_profile[..3], "000");
}

/// A floating-rate repricing changes the installments, not the agreement: no special comment.
#[test]
fn a_floating_rate_repricing_is_not_a_restructure() {
    let lpr = RateTable::new(vec![
        (d(2026, 1, 1), Rate::annual(dec!(0.03)).unwrap()),
        (d(2026, 4, 1), Rate::annual(dec!(0.035)).unwrap()),
    ])
    .unwrap();
    let floating = FloatingRate::new(lpr, Spread::annual(dec!(0.01))).with_reset(Reset::IndexChange);
    let plan =
        Schedule::build(&ScheduleOptions::new(m(dec!(1200)), Rate::ZERO, 12, d(2026, 1, 15)).with_floating(floating))
            .unwrap();
    let mut ledger = Ledger::new(plan, OverduePolicy::new()).unwrap();
    for month in 2..=6 {
        let due = ledger.autodebit(d(2026, month, 15)).unwrap();
        ledger
            .pay(Payment::new(format!("m{month}"), d(2026, month, 15), due).unwrap())
            .unwrap();
    }
    let june = ledger.metro2(d(2026, 6, 30)).unwrap();
    assert_eq!(
        (june.account_status, june.special_comment),
        (Metro2Status::Current, None)
    );
    assert_eq!(&june.payment_history_profile[..6], "00000B");
}

/// 提前还款: 300 paid on 02-15 against the 100 due: 200 of principal of later installments paid
/// early. A payment of the installment due that day is not early.
#[test]
fn a_payment_ahead_is_an_early_repayment() {
    let mut ledger = unpaid();
    ledger
        .pay(Payment::new("p1", d(2026, 2, 15), m(dec!(300))).unwrap())
        .unwrap();
    ledger
        .pay(Payment::new("p2", d(2026, 5, 10), m(dec!(100))).unwrap())
        .unwrap();
    let record = ledger.pboc_record(d(2026, 5, 31)).unwrap();
    let special: Vec<_> = record
        .special_transactions
        .iter()
        .map(|t| (t.kind, t.date, t.amount))
        .collect();
    assert_eq!(
        special,
        [(PbocTransaction::EarlyRepayment, d(2026, 2, 15), m(dec!(200)))]
    );
}
