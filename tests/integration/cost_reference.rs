//! Reference cases for the cost of credit, each citing its source.

use crate::common::d;
use chrono::{Days, Months, NaiveDate};
use overdue::{cost::china_apr, cost::eu_aprc, cost::reg_z_apr, xirr, CashFlow, Error, Frequency};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn pct(x: Decimal, dp: u32) -> Decimal {
    (x * dec!(100)).round_dp(dp)
}

fn monthly(advance: NaiveDate, amount: Decimal, first: NaiveDate, n: u32, payment: Decimal) -> Vec<CashFlow> {
    let mut flows = vec![CashFlow::new(advance, amount)];
    flows.extend((0..n).map(|k| CashFlow::new(first + Months::new(k), -payment)));
    flows
}

/// Source: Reg Z Appendix J (c)(1)(i).
#[test]
fn reg_z_c1_i() {
    let flows = monthly(d(1978, 1, 10), dec!(5000), d(1978, 2, 10), 24, dec!(230));
    assert_eq!(
        pct(reg_z_apr(&flows, Frequency::Monthly).unwrap().value(), 2),
        dec!(9.69)
    );
}

/// Source: Reg Z Appendix J (c)(1)(ii) — odd first period.
#[test]
fn reg_z_c1_ii() {
    let flows = monthly(d(1978, 2, 10), dec!(6000), d(1978, 4, 1), 36, dec!(200));
    assert_eq!(
        pct(reg_z_apr(&flows, Frequency::Monthly).unwrap().value(), 2),
        dec!(11.82)
    );
}

/// Source: Reg Z Appendix J (c)(1)(iii) — semi-monthly on the 1st and 16th.
#[test]
fn reg_z_c1_iii() {
    let mut flows = vec![CashFlow::new(d(1978, 2, 23), dec!(5000))];
    for k in 0..24u32 {
        flows.push(CashFlow::new(
            Frequency::SemiMonthly.due_date(d(1978, 3, 1), k).unwrap(),
            dec!(-219.17),
        ));
    }
    assert_eq!(
        pct(reg_z_apr(&flows, Frequency::SemiMonthly).unwrap().value(), 2),
        dec!(10.34)
    );
}

/// Source: Reg Z Appendix J (c)(1)(iv) — quarterly.
#[test]
fn reg_z_c1_iv() {
    let mut flows = vec![CashFlow::new(d(1978, 5, 23), dec!(10000))];
    flows.extend((0..40u32).map(|k| CashFlow::new(d(1978, 10, 1) + Months::new(3 * k), dec!(-385))));
    assert_eq!(
        pct(reg_z_apr(&flows, Frequency::Quarterly).unwrap().value(), 2),
        dec!(8.97)
    );
}

/// Source: Reg Z Appendix J (c)(1)(v) — weekly.
#[test]
fn reg_z_c1_v() {
    let mut flows = vec![CashFlow::new(d(1978, 3, 20), dec!(500))];
    flows.extend((0..30u64).map(|k| CashFlow::new(d(1978, 4, 21) + Days::new(7 * k), dec!(-17.60))));
    assert_eq!(
        pct(reg_z_apr(&flows, Frequency::Weekly).unwrap().value(), 2),
        dec!(14.96)
    );
}

/// Source: EU Consumer Credit Directive, Annex I worked examples.
#[test]
fn eu_aprc_examples() {
    let one = [
        CashFlow::new(d(1994, 1, 1), dec!(1000)),
        CashFlow::new(d(1995, 7, 1), dec!(-1200)),
    ];
    assert_eq!(pct(eu_aprc(&one).unwrap().value(), 2), dec!(12.96));
    let two = [
        CashFlow::new(d(1994, 1, 1), dec!(950)),
        CashFlow::new(d(1995, 7, 1), dec!(-1200)),
    ];
    assert_eq!(pct(eu_aprc(&two).unwrap().value(), 1), dec!(16.9));
    let three = [
        CashFlow::new(d(1994, 1, 1), dec!(1000)),
        CashFlow::new(d(1995, 1, 1), dec!(-600)),
        CashFlow::new(d(1996, 1, 1), dec!(-600)),
    ];
    assert_eq!(pct(eu_aprc(&three).unwrap().value(), 2), dec!(13.07));
}

/// Source: the IRR of the flows, 12,000 against 12 × 1,072 (a flat-fee installment loan).
#[test]
fn flat_fee_china_apr() {
    let mut flows = vec![dec!(12000)];
    flows.extend(std::iter::repeat_n(dec!(-1072), 12));
    let apr = china_apr(&flows, Frequency::Monthly).unwrap();
    assert_eq!(pct(apr.periodic, 6), dec!(1.086185));
    assert_eq!(pct(apr.nominal, 2), dec!(13.03));
    assert_eq!(pct(apr.effective, 2), dec!(13.84));
}

/// Source: Microsoft Excel documentation, XIRR function example (expected
/// 0.373362535, itself wrong in the 9th digit: asserted to 8).
#[test]
fn excel_xirr_example() {
    let flows = [
        CashFlow::new(d(2008, 1, 1), dec!(-10000)),
        CashFlow::new(d(2008, 3, 1), dec!(2750)),
        CashFlow::new(d(2008, 10, 30), dec!(4250)),
        CashFlow::new(d(2009, 2, 15), dec!(3250)),
        CashFlow::new(d(2009, 4, 1), dec!(2750)),
    ];
    let r = xirr(&flows).unwrap().value();
    assert!((r - dec!(0.373362535)).abs() < dec!(0.00000001), "{r}");
    // the true root, to 1e-10: Excel's 0.373362535 is off in the 9th digit
    assert_eq!(r.round_dp(10), dec!(0.3733625335));
}

#[test]
fn xirr_errors_name_the_problem() {
    let same = [
        CashFlow::new(d(2026, 1, 1), dec!(1)),
        CashFlow::new(d(2026, 2, 1), dec!(2)),
    ];
    assert_eq!(
        xirr(&same).unwrap_err().to_string(),
        "no rate solves the cash flows: all cash flows have the same sign"
    );
    let zero = [
        CashFlow::new(d(2026, 1, 1), dec!(0)),
        CashFlow::new(d(2026, 2, 1), dec!(0)),
    ];
    assert!(matches!(
        xirr(&zero),
        Err(Error::NoRoot {
            reason: "all cash flows are zero"
        })
    ));
    let one_date = [
        CashFlow::new(d(2026, 1, 1), dec!(1)),
        CashFlow::new(d(2026, 1, 1), dec!(-2)),
    ];
    assert!(matches!(xirr(&one_date), Err(Error::NoRoot { .. })));
    assert!(matches!(xirr(&[]), Err(Error::NoRoot { .. })));
}

#[test]
fn xirr_two_dates_and_near_minus_100_percent() {
    let two = [
        CashFlow::new(d(2026, 1, 1), dec!(-1000)),
        CashFlow::new(d(2027, 1, 1), dec!(1500)),
    ];
    assert_eq!(xirr(&two).unwrap().value().round_dp(10), dec!(0.5));
    // almost everything lost: 1,000 in, 0.000001 back a year later
    let lost = [
        CashFlow::new(d(2026, 1, 1), dec!(-1000)),
        CashFlow::new(d(2027, 1, 1), dec!(0.000001)),
    ];
    let r = xirr(&lost).unwrap().value();
    assert!((r - dec!(-0.999999999)).abs() < dec!(0.0000000001), "{r}");
}

/// Several sign changes: 1,000 out, 2,300 in, 1,320 out has roots 10 % and 20 %;
/// the documented policy returns the one nearest 0 %.
#[test]
fn xirr_several_roots_policy() {
    let flows = [
        CashFlow::new(d(2025, 1, 1), dec!(-1000)),
        CashFlow::new(d(2026, 1, 1), dec!(2300)),
        CashFlow::new(d(2027, 1, 1), dec!(-1320)),
    ];
    assert_eq!(xirr(&flows).unwrap().value().round_dp(9), dec!(0.1));
}

/// Regulation Z Appendix J unit-periods beyond the payment
/// frequencies: four weeks and two months ((b)(3)(i): the common period;
/// (b)(5): 52 ÷ 4 = 13 and 12 ÷ 2 = 6 a year), and the single-payment rule
/// ((b)(3)(ii): the term is the unit-period, a year at most). Each stream is
/// built at a known rate per unit-period, so the APR is that rate × units a year.
#[test]
fn reg_z_unit_periods_appendix_j() {
    use overdue::cost::UnitPeriod;
    let day = |y, m, dd| chrono::NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    // 1,000 repaid by 13 four-weekly payments of 82.4148196684 (to the ten-billionth) at 1 % per four weeks: 13 %
    let advance = day(2026, 1, 5);
    let mut flows = vec![CashFlow::new(advance, dec!(1000))];
    for k in 1..=13u64 {
        flows.push(CashFlow::new(advance + chrono::Days::new(28 * k), dec!(-82.4148196684)));
    }
    assert_eq!(
        reg_z_apr(&flows, UnitPeriod::Weeks(4)).unwrap().value().round_dp(8),
        dec!(0.13)
    );
    // 1,000 repaid by 6 bimonthly payments of 178.5258123352 at 2 % per two months: 12 %
    let mut flows = vec![CashFlow::new(advance, dec!(1000))];
    for k in 1..=6u32 {
        flows.push(CashFlow::new(
            advance + chrono::Months::new(2 * k),
            dec!(-178.5258123352),
        ));
    }
    assert_eq!(
        reg_z_apr(&flows, UnitPeriod::Months(2)).unwrap().value().round_dp(8),
        dec!(0.12)
    );
    // single payment after six months: the unit is six months, 5 % of it, twice a year: 10 %
    let single = |days_or_months: chrono::NaiveDate, paid| {
        reg_z_apr(
            &[CashFlow::new(advance, dec!(1000)), CashFlow::new(days_or_months, paid)],
            UnitPeriod::SinglePayment,
        )
        .unwrap()
        .value()
    };
    assert_eq!(single(day(2026, 7, 5), dec!(-1050)).round_dp(10), dec!(0.1));
    // after 39 days: the unit is 39 days, 1 % of it, 365/39 a year: 9.358974 %
    assert_eq!(
        single(advance + chrono::Days::new(39), dec!(-1010)).round_dp(8),
        dec!(0.09358974)
    );
    // after 18 months: the unit is a year; one year and 6/12 of another (whole months are
    // twelfths, Appendix J (c)(5)(iii)) at 10 % total: (1 + i/2)(1 + i) = 1.1, i = 6.524758 %
    assert_eq!(
        reg_z_apr(
            &[
                CashFlow::new(day(2026, 1, 1), dec!(1000)),
                CashFlow::new(day(2027, 7, 1), dec!(-1100))
            ],
            UnitPeriod::SinglePayment
        )
        .unwrap()
        .value()
        .round_dp(8),
        dec!(0.06524758)
    );
    // more than one payment date is not a single payment
    assert!(matches!(
        reg_z_apr(&flows, UnitPeriod::SinglePayment),
        Err(Error::Invalid {
            field: "unit-period",
            ..
        })
    ));
    assert!(matches!(
        reg_z_apr(&flows, UnitPeriod::Weeks(0)),
        Err(Error::Invalid { .. })
    ));
    // a frequency is the unit of its length
    assert_eq!(
        reg_z_apr(&flows, Frequency::Quarterly).unwrap().value(),
        reg_z_apr(&flows, UnitPeriod::Months(3)).unwrap().value()
    );
}

/// Regulation Z Appendix J (b)(4) and (b)(5)(iii): for a unit-period of several months, the odd
/// part of a period is whole months counted back, then days, a month being 30 days. Example
/// (c)(4)(ii): 8,000 advanced, every two months (6 unit-periods a year), a short first period of
/// one month and 22 days (52/60 of a unit: advanced 2026-01-10, first payment 2026-03-01, which
/// is 50 calendar days), a first payment of 449.36, 18 of 465, a last of 200: 7.30 %. Counting the
/// 50 calendar days instead (50/60) gives another rate. And (c)(5)(iii): 1,000 repaid by 1,135.19
/// after 18 months, a year's unit and 6/12 of another: 8.76 %.
#[test]
fn reg_z_multi_month_unit_counts_whole_months_then_days() {
    use overdue::cost::UnitPeriod;
    let first = d(2026, 3, 1);
    let mut flows = vec![
        CashFlow::new(d(2026, 1, 10), dec!(8000)),
        CashFlow::new(first, dec!(-449.36)),
    ];
    for k in 1..=18u32 {
        flows.push(CashFlow::new(first + Months::new(2 * k), dec!(-465)));
    }
    flows.push(CashFlow::new(first + Months::new(38), dec!(-200)));
    let apr = reg_z_apr(&flows, UnitPeriod::Months(2)).unwrap().value();
    assert_eq!(apr.round_dp(4), dec!(0.0730), "{apr}");
    let single = [
        CashFlow::new(d(2026, 1, 1), dec!(1000)),
        CashFlow::new(d(2027, 7, 1), dec!(-1135.19)),
    ];
    let apr = reg_z_apr(&single, UnitPeriod::SinglePayment).unwrap().value();
    assert_eq!(apr.round_dp(4), dec!(0.0876), "{apr}");
}
