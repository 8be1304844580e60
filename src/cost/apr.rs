//! APR by method: China (IRR), US Regulation Z Appendix J, EU APRC.
#![expect(
    clippy::float_arithmetic,
    reason = "the root search runs in f64; every returned rate is checked in Decimal"
)]

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{solver, CashFlow, UnitPeriod};
use crate::calendar::{DayCount, Frequency};
use crate::error::{overflow, Error, Result};
use crate::rate::Yield;

/// The annualised rate of the PBoC 2021 No. 3 announcement: the IRR of all
/// costs (interest and every fee) over the principal actually in use.
///
/// Both figures are shown, labelled: `nominal` = periodic IRR × periods a
/// year (what Chinese lenders must disclose), `effective` = (1 + i)^m − 1.
///
/// ```
/// use overdue::{cost::china_apr, Frequency};
/// use overdue::Decimal;
/// use overdue::dec;
/// // 12,000 repaid as 12 × (1,000 + 72): "0.6 % a month" is 13.03 % a year
/// let mut flows = vec![dec!(12000)];
/// flows.extend(std::iter::repeat(dec!(-1072)).take(12));
/// let apr = china_apr(&flows, Frequency::Monthly)?;
/// assert_eq!((apr.periodic * Decimal::ONE_HUNDRED).round_dp(6), dec!(1.086185));
/// assert_eq!((apr.nominal * Decimal::ONE_HUNDRED).round_dp(2), dec!(13.03));
/// assert_eq!((apr.effective * Decimal::ONE_HUNDRED).round_dp(2), dec!(13.84));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct ChinaApr {
    /// The IRR per period.
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub periodic: Decimal,
    /// 名义年化利率: periodic IRR × periods a year.
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub nominal: Decimal,
    /// 实际年化利率: (1 + periodic)^m − 1.
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub effective: Decimal,
}

/// The Chinese IRR-method APR of equally spaced flows, one per period of
/// `frequency`, the first at time 0 (borrower's view: what is received
/// positive, net of fees taken upfront; what is paid negative).
///
/// # Errors
/// As [`crate::cost::irr`].
///
/// ```
/// use overdue::{cost::china_apr, Frequency};
/// use overdue::dec;
/// let apr = china_apr(&[dec!(1000), dec!(-1010)], Frequency::Monthly)?;
/// assert_eq!(apr.nominal.round_dp(10), dec!(0.12));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn china_apr(amounts: &[Decimal], frequency: Frequency) -> Result<ChinaApr> {
    let periodic = super::irr(amounts)?.value();
    let m = frequency.periods_per_year();
    let nominal = periodic.checked_mul(Decimal::from(m)).ok_or_else(|| overflow("apr"))?;
    let base = Decimal::ONE.checked_add(periodic).ok_or_else(|| overflow("apr"))?;
    let effective = solver::powi(base, u64::from(m))?
        .checked_sub(Decimal::ONE)
        .ok_or_else(|| overflow("apr"))?;
    Ok(ChinaApr {
        periodic,
        nominal,
        effective,
    })
}

/// EU Consumer Credit Directive APRC: the effective annual rate `X` with
/// `Σ C_k (1 + X)^−t_k = Σ D_l (1 + X)^−s_l`, time in years of 365 days from
/// the first drawdown. Round it for display with [`crate::Rounding`] on the
/// percentage (the directive asks for at least one decimal; half up is
/// `RoundingMode::HalfAwayFromZero`).
///
/// # Errors
/// As [`crate::xirr`].
///
/// ```
/// use overdue::NaiveDate;
/// use overdue::{cost::eu_aprc, CashFlow, Rounding, RoundingMode};
/// use overdue::Decimal;
/// use overdue::dec;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // CCD worked example: 1,000 lent on 1994-01-01, 1,200 repaid on 1995-07-01
/// let x = eu_aprc(&[CashFlow::new(d(1994, 1, 1), dec!(1000)), CashFlow::new(d(1995, 7, 1), dec!(-1200))])?.value();
/// let shown = Rounding::new(2, RoundingMode::HalfAwayFromZero)?.round(x * Decimal::ONE_HUNDRED);
/// assert_eq!(shown, dec!(12.96));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn eu_aprc(flows: &[CashFlow]) -> Result<Yield> {
    super::xirr_with_day_count(flows, DayCount::Act365Fixed)
}

/// The US Regulation Z Appendix J APR, actuarial method.
///
/// The unit-period is `unit` (a [`UnitPeriod`], or a [`Frequency`] for the
/// unit of that length): any Appendix J allows, four weeks and two months
/// included, and the single-payment term rule. Each flow's time from the
/// first advance is whole unit-periods counted back from its date, plus a
/// fraction: the remaining days / 30 per month of the unit (/ 15
/// semi-monthly, / 365 yearly, / the unit's days for days and weeks), with
/// simple interest on the fraction: `Σ CF_k / ((1 + e_k·i)(1 + i)^q_k) = 0`.
/// APR = i × unit-periods a year.
///
/// # Errors
/// As [`crate::xirr`].
///
/// # Example: Appendix J (c)(1)(i)
/// ```
/// use overdue::{dec, cost::reg_z_apr, CashFlow, Frequency, NaiveDate};
/// let advance = NaiveDate::from_ymd_opt(1978, 1, 10).unwrap();
/// let mut flows = vec![CashFlow::new(advance, dec!(5000))];
/// for k in 1..=24 {
///     flows.push(CashFlow::new(Frequency::Monthly.due_date(advance, k)?, dec!(-230)));
/// }
/// assert_eq!((reg_z_apr(&flows, Frequency::Monthly)?.value() * dec!(100)).round_dp(2), dec!(9.69));
/// # Ok::<(), overdue::Error>(())
/// ```
pub fn reg_z_apr(flows: &[CashFlow], unit: impl Into<UnitPeriod>) -> Result<Yield> {
    let (sorted, advance) = super::sorted_by_date(flows)?;
    let unit = match unit.into() {
        UnitPeriod::SinglePayment => single_payment_unit(&sorted, advance)?,
        unit => unit,
    };
    let per_year = unit.per_year()?;
    let mut terms = Vec::with_capacity(sorted.len());
    for f in &sorted {
        let (q, days, divisor) = unit_periods(advance, f.date, unit)?;
        terms.push(RegZTerm {
            amount: f.amount,
            amount_f: f.amount.to_f64().ok_or_else(|| overflow("cash flow to f64"))?,
            q,
            fraction: Decimal::from(days)
                .checked_div(Decimal::from(divisor))
                .ok_or_else(|| overflow("unit period fraction"))?,
            fraction_f: days as f64 / divisor as f64,
        });
    }
    let amounts: Vec<Decimal> = sorted.iter().map(|f| f.amount).collect();
    let unique = super::root_is_unique(&amounts, sorted.iter().all(|f| f.date == advance))?;
    let eval = |i: f64| reg_z_eval(&terms, i);
    let i = solver::solve(eval, 0.01, unique, |i| {
        solver::refine_in_decimal(i, eval, |i| reg_z_value(&terms, i), None).map(|(i, _)| i)
    })?;
    i.checked_mul(per_year)
        .map(Yield::annual)
        .ok_or_else(|| overflow("apr"))
}

/// The unit-period of a single advance repaid by a single payment.
fn single_payment_unit(sorted: &[CashFlow], advance: NaiveDate) -> Result<UnitPeriod> {
    let last = sorted.last().map_or(advance, |f| f.date);
    if sorted.iter().any(|f| f.date != advance && f.date != last) {
        return Err(Error::Invalid {
            field: "unit-period",
            reason: "a single-payment unit-period needs one advance and one payment date".into(),
        });
    }
    UnitPeriod::for_single_payment(advance, last)
}

/// A transaction as Regulation Z § 1026.22(a) tells them apart for the APR
/// tolerance: regular (equal payments at equal intervals, 1/8 point) or
/// irregular (multiple advances, irregular payment periods or amounts,
/// 1/4 point).
///
/// ```
/// assert_ne!(overdue::cost::Transaction::Regular, overdue::cost::Transaction::Irregular);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Transaction {
    /// Equal payments at equal intervals after a single advance.
    Regular,
    /// Anything else: several advances, irregular periods or amounts.
    Irregular,
}

/// Whether a disclosed APR is accurate under Regulation Z § 1026.22(a):
/// within 1/8 of a percentage point of the computed APR for a regular
/// transaction, 1/4 point for an irregular one. Rates are fractions (0.0969).
///
/// ```
/// use overdue::{cost::reg_z_within_tolerance, cost::Transaction, Yield};
/// use overdue::dec;
/// let computed = Yield::annual(dec!(0.0969));
/// assert!(reg_z_within_tolerance(Yield::annual(dec!(0.0980)), computed, Transaction::Regular));
/// assert!(!reg_z_within_tolerance(Yield::annual(dec!(0.0990)), computed, Transaction::Regular));
/// assert!(reg_z_within_tolerance(Yield::annual(dec!(0.0990)), computed, Transaction::Irregular));
/// ```
pub fn reg_z_within_tolerance(disclosed: Yield, computed: Yield, transaction: Transaction) -> bool {
    let tolerance = match transaction {
        Transaction::Irregular => Decimal::new(25, 4),
        _ => Decimal::new(125, 5),
    };
    disclosed
        .value()
        .checked_sub(computed.value())
        .is_some_and(|d| d.abs() <= tolerance)
}

struct RegZTerm {
    amount: Decimal,
    amount_f: f64,
    q: u64,
    fraction: Decimal,
    fraction_f: f64,
}

fn reg_z_eval(terms: &[RegZTerm], i: f64) -> Option<(f64, f64)> {
    if i <= -1.0 {
        return None;
    }
    let (mut f, mut df) = (0.0, 0.0);
    for t in terms {
        let simple = 1.0 + t.fraction_f * i;
        let compound = (1.0 + i).powi(i32::try_from(t.q).ok()?);
        let v = t.amount_f / (simple * compound);
        f += v;
        df += -v * (t.fraction_f / simple + t.q as f64 / (1.0 + i));
    }
    (f.is_finite() && df.is_finite()).then_some((f, df))
}

/// `Σ CF_k / ((1 + e_k·i)(1 + i)^q_k)` in `Decimal`. For `i ≥ 0` the
/// discount factor `1/(1 + i)` is raised (it shrinks towards zero instead of
/// growing out of range over a long term); for `i < 0`, `(1 + i)` is.
fn reg_z_value(terms: &[RegZTerm], i: Decimal) -> Result<Decimal> {
    let err = || overflow("reg z present value");
    let growth = Decimal::ONE.checked_add(i).ok_or_else(err)?;
    let discount = Decimal::ONE.checked_div(growth).ok_or_else(err)?;
    let mut total = Decimal::ZERO;
    for t in terms {
        let simple = t
            .fraction
            .checked_mul(i)
            .and_then(|x| x.checked_add(Decimal::ONE))
            .ok_or_else(err)?;
        let term = if i >= Decimal::ZERO {
            solver::powi(discount, t.q)?
                .checked_mul(t.amount)
                .and_then(|x| x.checked_div(simple))
        } else {
            simple
                .checked_mul(solver::powi(growth, t.q)?)
                .and_then(|den| t.amount.checked_div(den))
        }
        .ok_or_else(err)?;
        total = total.checked_add(term).ok_or_else(err)?;
    }
    Ok(total)
}

/// Whole unit periods counted back from `date` to `advance`, and the odd
/// days left over with the divisor that turns them into a fraction.
fn unit_periods(advance: NaiveDate, date: NaiveDate, unit: UnitPeriod) -> Result<(u64, i64, i64)> {
    let back = |months: u32| date.checked_sub_months(Months::new(months));
    // whole steps of `step` months from `advance` to `date`, counted back from
    // `date`: estimated from the calendar months between them, then adjusted
    // (at most a step either way), so the cost does not grow with the term
    let whole_months = |step: u32| -> (u64, NaiveDate) {
        let months = (i64::from(date.year()) - i64::from(advance.year())) * 12 + i64::from(date.month())
            - i64::from(advance.month());
        let mut k = u32::try_from(months.max(0) / i64::from(step)).unwrap_or(u32::MAX);
        let fits = |k: u32| k.checked_mul(step).and_then(back).is_some_and(|at| at >= advance);
        while k > 0 && !fits(k) {
            k -= 1;
        }
        while fits(k.saturating_add(1)) && k < u32::MAX {
            k += 1;
        }
        let at = k.checked_mul(step).and_then(back).unwrap_or(date);
        (u64::from(k), at)
    };
    let by_days = |len: i64| -> Result<(u64, i64, i64)> {
        let days = (date - advance).num_days();
        Ok((
            u64::try_from(days / len).map_err(|_| overflow("unit periods"))?,
            days % len,
            len,
        ))
    };
    Ok(match unit {
        UnitPeriod::Days(n) => by_days(i64::from(n).max(1))?,
        UnitPeriod::Weeks(n) => by_days(7 * i64::from(n).max(1))?,
        UnitPeriod::Months(n) => {
            // Appendix J (b)(4), (b)(5)(iii): the odd part counted back from the first whole
            // unit-period in whole months, then days, a month being 30 days
            let n = n.max(1);
            let (k, at) = whole_months(n);
            let (months, days) = months_then_days(advance, at);
            (k, 30 * months + days, 30 * i64::from(n))
        }
        UnitPeriod::SemiMonth => {
            let (k, at) = whole_months(1);
            let days = (at - advance).num_days();
            if days >= 15 {
                (2 * k + 1, days - 15, 15)
            } else {
                (2 * k, days, 15)
            }
        }
        UnitPeriod::Year | UnitPeriod::SinglePayment => {
            // whole months as twelfths of the year, then days as 365ths (Appendix J (c)(5)(iii):
            // 18 months is one year and 6/12)
            let (k, at) = whole_months(12);
            let (months, days) = months_then_days(advance, at);
            (k, 365 * months + 12 * days, 12 * 365)
        }
    })
}

/// The whole months counted back from `at` to `advance`, and the days left.
fn months_then_days(advance: NaiveDate, at: NaiveDate) -> (i64, i64) {
    let mut months = 0u32;
    let mut from = at;
    while let Some(earlier) = at.checked_sub_months(Months::new(months + 1)).filter(|&e| e >= advance) {
        months += 1;
        from = earlier;
        if months >= 12 {
            break;
        }
    }
    (i64::from(months), (from - advance).num_days())
}
