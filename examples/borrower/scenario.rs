//! The built-in borrower scenario, shared with the integration test that
//! checks the example's report.

use chrono::NaiveDate;
use overdue::accrual::{Caps, Grace, LateFee, PenaltyBase, PenaltyRate};
use overdue::compare::{DebtService, FeePayment, Refinance, ServiceFee};
use overdue::limits::LenderKind;
use overdue::restructure::{ComponentPlan, DeferralInterest, NewPlan, PlanFee, Restructure, Shift, Treatment, Waive};
use overdue::schedule::Terms;
use overdue::*;
use rust_decimal::Decimal;

fn d(y: i32, m: u32, day: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day).ok_or(Error::DateOutOfRange {
        operation: "scenario date",
    })
}

fn money(v: i64, scale: u32) -> Result<Money> {
    Money::new(Decimal::new(v, scale))
}

/// A 12-month online installment loan of 12,000 at 18 %/year from
/// 2026-01-15; three installments paid, the fourth (05-15) and fifth (06-15)
/// missed; today, 2026-06-24, the fourth is 40 days overdue. The lender
/// charges 0.05 %/day on the overdue installments and a 30.00 late fee after
/// a 3-day grace, within a 24 %/year cap on everything charged beyond
/// principal. Seven ways out; a budget of 6,000 income and 4,200 essential
/// expenses a month; a 5 %/year discount rate.
pub fn comparison() -> Result<Comparison> {
    let plan = Schedule::equal_installment(
        money(12_000, 0)?,
        Rate::annual(Decimal::new(18, 2))?,
        12,
        d(2026, 1, 15)?,
    )?;
    let policy = OverduePolicy::new()
        .with_penalty_rate(PenaltyRate::Fixed(Rate::daily(Decimal::new(5, 4))?))
        .with_penalty_base(PenaltyBase::OverdueInstallment)
        .with_late_fee(LateFee::flat(money(30, 0)?))
        .with_grace(Grace::waive(3))
        .with_caps(Caps::none().with_annualised(Rate::annual(Decimal::new(24, 2))?));
    let mut ledger = Ledger::new(plan, policy)?;
    for (id, month) in [("repay-02", 2), ("repay-03", 3), ("repay-04", 4)] {
        ledger.pay(Payment::new(id, d(2026, month, 15)?, money(110_016, 2)?)?)?;
    }
    let today = d(2026, 6, 24)?;
    let half = ComponentPlan::new(Treatment::Capitalise).with_waive(Waive::Share(Ratio::new(Decimal::new(5, 1))?));
    Ok(Comparison::new(
        ledger,
        today,
        Budget::new(money(6_000, 0)?, money(4_200, 0)?),
        Rate::annual(Decimal::new(5, 2))?,
    )
    .option(Choice::new(
        "Family loan, 0 %, 6 months",
        WayOut::Refinance(
            Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 6).with_method(Method::EqualPrincipal),
        ),
    ))
    .option(Choice::new(
        "Private lender, 3 %/month",
        WayOut::Refinance(Refinance::new(
            LenderKind::PrivateLender,
            Rate::monthly(Decimal::new(3, 2))?,
            6,
        )),
    ))
    .option(Choice::new(
        "Small loan, 15 % + 2 % fee",
        WayOut::Refinance(
            Refinance::new(LenderKind::LicensedInstitution, Rate::annual(Decimal::new(15, 2))?, 12)
                .with_upfront_fee(PlanFee::Share(Ratio::new(Decimal::new(2, 2))?), FeePayment::Deducted),
        ),
    ))
    .option(Choice::new(
        "Deferral 3 months, 1 % fee",
        WayOut::Restructure(
            Restructure::deferral(today, Shift::Periods(3), DeferralInterest::Accrue)
                .with_fee(PlanFee::Share(Ratio::new(Decimal::new(1, 2))?)),
        ),
    ))
    .option(Choice::new(
        "Restructure 12, half penalty off",
        WayOut::Restructure(
            Restructure::new(
                today,
                NewPlan::Schedule(Terms::new(Rate::annual(Decimal::new(18, 2))?, 12)),
            )
            .with_component(Component::PenaltyInterest, half),
        ),
    ))
    .option(Choice::new(
        "Debt service, 15 % fee, 20 % off",
        WayOut::DebtService(DebtService::new(
            ServiceFee::ShareOfDebt(Ratio::new(Decimal::new(15, 2))?),
            Ratio::new(Decimal::new(2, 1))?,
            3,
        )),
    ))
    .option(Choice::new(
        "Stay overdue 60 more days",
        WayOut::Stay { until: d(2026, 8, 23)? },
    )))
}
