//! Journal entries, worked by hand. The loan: 1,200 at 12 % a year in 12 monthly
//! equal installments of 106.62 from 2026-01-15 (due on the 15th); the first month's interest is
//! 1,200 × 1 % = 12.00. Sources for the rules booked: non-accrual at 90 days past due and
//! charge-off at 120 (FFIEC Uniform Retail Credit Classification and Account Management Policy,
//! 65 FR 36903; the call report's non-accrual rule: accrued unpaid interest reversed, later
//! interest recognised only as received); 表外核算 of the interest of a non-accrual loan and
//! 账销案存 of a charged-off one (the Chinese practice: 应收未收利息 off balance, 核销 keeps the
//! claim in memorandum accounts).

use crate::common::{d, m};
use overdue::accrual::{PenaltyBase, PenaltyRate, Waiver};
use overdue::books::{
    Account, Basis, BookingPolicy, ChartOfAccounts, EntryKind, InterestRecognition, Journal, JournalEntry, NonAccrual,
};
use overdue::restructure::{NewPlan, Restructure};
use overdue::schedule::Terms;
use overdue::schedule::{DailyInstallments, InterestModel};
use overdue::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn loan(policy: OverduePolicy) -> Ledger {
    let plan =
        Schedule::equal_installment(m(dec!(1200)), Rate::annual(dec!(0.12)).unwrap(), 12, d(2026, 1, 15)).unwrap();
    Ledger::new(plan, policy).unwrap()
}

/// An entry's postings as `(name, signed amount)`: debits positive, credits negative.
fn lines(e: &JournalEntry) -> Vec<(&str, Decimal)> {
    e.postings
        .iter()
        .map(|p| (p.name.as_str(), p.debit.as_decimal() - p.credit.as_decimal()))
        .collect()
}

fn entries_on(j: &Journal, day: chrono::NaiveDate) -> Vec<&JournalEntry> {
    j.entries.iter().filter(|e| e.date == day).collect()
}

/// Accrual basis, interest when due: disbursement, the interest falling due, the payment split by
/// what it paid.
#[test]
fn a_payment_on_time_books_interest_and_principal() {
    let mut l = loan(OverduePolicy::new());
    l.pay(Payment::new("p1", d(2026, 2, 15), m(dec!(106.62))).unwrap())
        .unwrap();
    let j = l.journal(&BookingPolicy::new(), d(2026, 2, 28)).unwrap();
    assert_eq!(j.entries.len(), 3);
    assert_eq!(
        lines(&j.entries[0]),
        [("Loans receivable", dec!(1200.00)), ("Cash", dec!(-1200.00))]
    );
    let due = entries_on(&j, d(2026, 2, 15));
    assert_eq!(due[0].kind, EntryKind::InterestDue);
    assert_eq!(
        lines(due[0]),
        [
            ("Receivable: interest", dec!(12.00)),
            ("Income: interest", dec!(-12.00))
        ]
    );
    assert_eq!(due[1].kind, EntryKind::Payment);
    // 106.62 = 12.00 interest + 94.62 principal
    assert_eq!(
        lines(due[1]),
        [
            ("Cash", dec!(106.62)),
            ("Receivable: interest", dec!(-12.00)),
            ("Loans receivable", dec!(-94.62))
        ]
    );
    let tb = j.trial_balance(d(2026, 2, 28)).unwrap();
    assert_eq!(tb.total_debit, tb.total_credit);
    // 1,200 − 94.62 still lent; cash out 1,200 − 106.62
    let line = |name: &str| tb.lines.iter().find(|l| l.name == name).unwrap().clone();
    assert_eq!(line("Loans receivable").debit, m(dec!(1105.38)));
    assert_eq!(line("Cash").credit, m(dec!(1093.38)));
    assert_eq!(line("Income: interest").credit, m(dec!(12.00)));
}

/// Daily recognition: on 01-31, the 16 days before it of the first period's 31 have passed:
/// 12.00 × 16 / 31 = 6.19 accrued; on 02-14, 30 days: 11.61; on 02-15 the 12.00 falls due, so
/// the receivable takes the 11.61 accrued and 0.39 more income (the last day's).
#[test]
fn daily_recognition_accrues_the_periods_interest_day_by_day() {
    let l = loan(OverduePolicy::new());
    let j = l
        .journal(
            &BookingPolicy::new().with_interest(InterestRecognition::Daily),
            d(2026, 2, 15),
        )
        .unwrap();
    assert_eq!(j.balance(Account::AccruedInterest, d(2026, 1, 31)).unwrap(), dec!(6.19));
    assert_eq!(
        j.balance(Account::AccruedInterest, d(2026, 2, 14)).unwrap(),
        dec!(11.61)
    );
    let due = entries_on(&j, d(2026, 2, 15));
    assert_eq!(
        lines(due[0]),
        [
            ("Receivable: interest", dec!(12.00)),
            ("Accrued interest not yet due", dec!(-11.61)),
            ("Income: interest", dec!(-0.39))
        ]
    );
    assert_eq!(j.balance(Account::AccruedInterest, d(2026, 2, 15)).unwrap(), dec!(0));
    assert_eq!(
        j.balance(Account::Income(Component::Interest), d(2026, 2, 15)).unwrap(),
        dec!(-12.00)
    );
}

/// A late installment: 0.05 % a day on the overdue installment, paid 10 days late: 106.62 ×
/// 0.0005 × 10 = 0.5331, 0.53 of penalty interest income, booked day by day as it accrues.
#[test]
fn penalty_interest_is_income_as_it_accrues() {
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
        .with_penalty_base(PenaltyBase::OverdueInstallment);
    let mut l = loan(policy);
    l.pay(Payment::new("late", d(2026, 2, 25), m(dec!(107.15))).unwrap())
        .unwrap();
    let j = l.journal(&BookingPolicy::new(), d(2026, 2, 25)).unwrap();
    let penalties: Vec<&JournalEntry> = j.entries.iter().filter(|e| e.kind == EntryKind::Penalty).collect();
    assert!(penalties.len() >= 9, "daily entries: {}", penalties.len());
    assert!(penalties.iter().all(|e| e.date > d(2026, 2, 15)));
    assert_eq!(
        j.balance(Account::Income(Component::PenaltyInterest), d(2026, 2, 25))
            .unwrap(),
        dec!(-0.53)
    );
    let pay = entries_on(&j, d(2026, 2, 25))
        .into_iter()
        .find(|e| e.kind == EntryKind::Payment)
        .unwrap();
    assert!(lines(pay).contains(&("Receivable: penalty interest", dec!(-0.53))));
    assert_eq!(
        j.balance(Account::Receivable(Component::PenaltyInterest), d(2026, 2, 25))
            .unwrap(),
        dec!(0)
    );
}

/// Nothing paid. On 05-16 installment 1 is 90 days past due (02-15 to 05-16): the loan goes on
/// non-accrual and the interest charged and unpaid (installments 1–4: 12.00 + 11.05 + 10.10 +
/// 9.13 = 42.28) is reversed out of income into suspense; later interest goes to suspense. At
/// 120 days (06-15, when installment 5's 8.16 of interest also falls due, into suspense) it is charged
/// off: the principal against the allowance, the interest against its suspense, and the whole
/// claim kept off the balance sheet. A payment of 500 on 07-01 is a recovery, back to the
/// allowance.
#[test]
fn non_accrual_reverses_income_and_charge_off_keeps_the_claim_off_balance() {
    let mut l = loan(
        OverduePolicy::new()
            .with_penalty_rate(PenaltyRate::Fixed(Rate::ZERO))
            .with_charge_off_after(120),
    );
    let j = l.journal(&BookingPolicy::new(), d(2026, 6, 30)).unwrap();
    let interest: Vec<Decimal> = l
        .schedule()
        .installments()
        .iter()
        .map(|i| i.interest.as_decimal())
        .collect();
    assert_eq!(
        &interest[..5],
        [dec!(12.00), dec!(11.05), dec!(10.10), dec!(9.13), dec!(8.16)]
    );
    let na = j.entries.iter().find(|e| e.kind == EntryKind::NonAccrual).unwrap();
    assert_eq!(na.date, d(2026, 5, 16));
    assert_eq!(
        lines(na),
        [("Income: interest", dec!(42.28)), ("Suspense: interest", dec!(-42.28))]
    );
    assert_eq!(
        j.balance(Account::Income(Component::Interest), d(2026, 6, 14)).unwrap(),
        dec!(0)
    );
    let co = j.entries.iter().find(|e| e.kind == EntryKind::ChargeOff).unwrap();
    assert_eq!(co.date, d(2026, 6, 15));
    let owed = dec!(50.44); // 42.28 + 8.16
    let mut got = lines(co);
    got.sort();
    let mut want = vec![
        ("Suspense: interest", owed),
        ("Receivable: interest", -owed),
        ("Allowance for credit losses", dec!(1200.00)),
        ("Loans receivable", dec!(-1200.00)),
        ("Off-balance: interest", owed),
        ("Off-balance: principal", dec!(1200.00)),
        ("Off-balance: contra", -(owed + dec!(1200.00))),
    ];
    want.sort();
    assert_eq!(got, want);
    l.pay(Payment::new("recovery", d(2026, 7, 1), m(dec!(500))).unwrap())
        .unwrap();
    let j = l.journal(&BookingPolicy::new(), d(2026, 7, 1)).unwrap();
    let rec = entries_on(&j, d(2026, 7, 1))
        .into_iter()
        .find(|e| e.kind == EntryKind::Recovery)
        .unwrap();
    assert!(lines(rec).contains(&("Cash", dec!(500.00))));
    assert!(lines(rec).contains(&("Allowance for credit losses", dec!(-500.00))));
    assert_eq!(
        j.balance(Account::Receivable(Component::Principal), d(2026, 7, 1))
            .unwrap(),
        dec!(0)
    );
    let st = l.statement(d(2026, 7, 1)).unwrap();
    let memo = j
        .balance(Account::OffBalance(Component::Principal), d(2026, 7, 1))
        .unwrap();
    assert_eq!(memo, st.outstanding.principal.as_decimal());
}

/// 表外: with the off-balance treatment the unpaid interest leaves the balance sheet at 90 days,
/// income reversed, the claim in memorandum accounts.
#[test]
fn off_balance_treatment_moves_unpaid_interest_to_memorandum_accounts() {
    let l = loan(OverduePolicy::new().with_penalty_rate(PenaltyRate::Fixed(Rate::ZERO)));
    let policy = BookingPolicy::new().with_non_accrual_after(Some(90), NonAccrual::OffBalance);
    let j = l.journal(&policy, d(2026, 5, 31)).unwrap();
    let na = j.entries.iter().find(|e| e.kind == EntryKind::NonAccrual).unwrap();
    assert_eq!(
        lines(na),
        [
            ("Income: interest", dec!(42.28)),
            ("Receivable: interest", dec!(-42.28)),
            ("Off-balance: interest", dec!(42.28)),
            ("Off-balance: contra", dec!(-42.28)),
        ]
    );
    let tb = j.trial_balance(d(2026, 5, 31)).unwrap();
    assert!(tb
        .lines
        .iter()
        .any(|l| l.name == "Off-balance: interest" && l.memorandum));
    assert_eq!(tb.total_debit, m(dec!(1200.00))); // memorandum accounts are not in the totals
}

/// Cash basis: interest falling due is a memorandum claim; income when paid.
#[test]
fn cash_basis_recognises_income_when_paid() {
    let mut l = loan(OverduePolicy::new());
    l.pay(Payment::new("p1", d(2026, 2, 15), m(dec!(106.62))).unwrap())
        .unwrap();
    let j = l
        .journal(&BookingPolicy::new().with_basis(Basis::Cash), d(2026, 2, 15))
        .unwrap();
    let due = entries_on(&j, d(2026, 2, 15));
    assert_eq!(
        lines(due[0]),
        [
            ("Off-balance: interest", dec!(12.00)),
            ("Off-balance: contra", dec!(-12.00))
        ]
    );
    assert_eq!(
        lines(due[1]),
        [
            ("Cash", dec!(106.62)),
            ("Income: interest", dec!(-12.00)),
            ("Off-balance: contra", dec!(12.00)),
            ("Off-balance: interest", dec!(-12.00)),
            ("Loans receivable", dec!(-94.62)),
        ]
    );
}

/// A waiver of penalties is income given back; a restructure capitalises what is owed into the
/// new principal (interest receivable into loans receivable), with no income on the way.
#[test]
fn waivers_and_restructures() {
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005)).unwrap()))
        .with_penalty_base(PenaltyBase::OverdueInstallment);
    let mut l = loan(policy);
    let st = l.statement(d(2026, 3, 1)).unwrap(); // installment 1 14 days late: 106.62 × 0.0005 × 14 = 0.75
    assert_eq!(st.outstanding.penalty_interest, m(dec!(0.75)));
    l.waive(Waiver::new(d(2026, 3, 1), Component::PenaltyInterest, m(dec!(0.75))))
        .unwrap();
    l.restructure(Restructure::new(
        d(2026, 3, 10),
        NewPlan::Schedule(Terms::new(Rate::annual(dec!(0.12)).unwrap(), 12)),
    ))
    .unwrap();
    let j = l.journal(&BookingPolicy::new(), d(2026, 3, 10)).unwrap();
    let waiver = j.entries.iter().find(|e| e.kind == EntryKind::Waiver).unwrap();
    assert_eq!(waiver.date, d(2026, 3, 1));
    assert_eq!(
        lines(waiver),
        [
            ("Income: penalty interest", dec!(0.75)),
            ("Receivable: penalty interest", dec!(-0.75))
        ]
    );
    let summary = &l.statement(d(2026, 3, 10)).unwrap().restructures[0];
    let re = entries_on(&j, d(2026, 3, 10))
        .into_iter()
        .find(|e| e.kind == EntryKind::Restructure)
        .unwrap();
    // the old claims out, the new principal in: interest and penalties become principal
    let new_principal = summary.new_principal.as_decimal();
    let old_principal = dec!(1200.00);
    let l_re = lines(re);
    assert!(
        l_re.contains(&("Loans receivable", new_principal - old_principal)),
        "{l_re:?}"
    );
    assert_eq!(
        j.balance(Account::Receivable(Component::Interest), d(2026, 3, 10))
            .unwrap(),
        dec!(0)
    );
    assert_eq!(
        j.balance(Account::Receivable(Component::PenaltyInterest), d(2026, 3, 10))
            .unwrap(),
        dec!(0)
    );
    assert_eq!(j.balance(Account::Restructured, d(2026, 3, 10)).unwrap(), dec!(0));
}

/// The lender's chart of accounts names the accounts; two roles under one name are one account.
#[test]
fn the_chart_of_accounts_names_the_accounts() {
    let mut l = loan(OverduePolicy::new());
    l.pay(Payment::new("p1", d(2026, 2, 15), m(dec!(106.62))).unwrap())
        .unwrap();
    let chart = ChartOfAccounts::default()
        .with_name(Account::Receivable(Component::Principal), "1301 贷款")
        .with_name(Account::Receivable(Component::Interest), "1132 应收利息")
        .with_name(Account::Income(Component::Interest), "6011 利息收入")
        .with_name(Account::Cash, "1002 银行存款");
    let j = l
        .journal(&BookingPolicy::new().with_chart(chart), d(2026, 2, 15))
        .unwrap();
    let tb = j.trial_balance(d(2026, 2, 15)).unwrap();
    let names: Vec<&str> = tb.lines.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["1002 银行存款", "1301 贷款", "6011 利息收入"]);
    let json = serde_json::to_value(&j.entries[1]).unwrap();
    assert_eq!(json["postings"][0]["debit"], "12.00"); // decimals as strings
}

/// Daily interest on the actual balance: waiving half the principal of a loan whose later
/// installments resplit interest and principal must leave every statement computable (found by
/// the journal's property test: the resplit moved more principal than was still owed).
#[test]
fn a_principal_waiver_under_daily_interest_keeps_every_statement() {
    let o = ScheduleOptions::new(m(dec!(13513.88)), Rate::annual(dec!(0.1025)).unwrap(), 6, d(2026, 1, 1))
        .with_interest(InterestModel::DailyOnBalance {
            day_count: DayCount::Act365Fixed,
            installments: DailyInstallments::KeepInstallment,
        });
    let mut l = Ledger::new(Schedule::build(&o).unwrap(), OverduePolicy::new()).unwrap();
    let owed = l.statement(d(2026, 3, 13)).unwrap().outstanding.principal;
    let half = m(owed.as_decimal() / dec!(2)).round(Rounding::default());
    l.waive(Waiver::new(d(2026, 3, 13), Component::Principal, half))
        .unwrap();
    for day in d(2026, 3, 13).iter_days().take(200) {
        let st = l.statement(day).unwrap();
        assert!(st.outstanding.principal <= owed);
    }
}

/// A journal books a day at a time: a date centuries on is refused, not a hang.
#[test]
fn a_journal_a_thousand_years_long_is_refused() {
    let l = loan(OverduePolicy::new());
    match l.journal(&BookingPolicy::new(), d(3026, 1, 15)) {
        Err(Error::TooLarge { max, .. }) => assert_eq!(max, 36_525),
        other => panic!("expected TooLarge, got {other:?}"),
    }
    assert!(l.journal(&BookingPolicy::new(), d(2026, 1, 14)).is_err());
}
