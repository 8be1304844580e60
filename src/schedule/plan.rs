//! The inputs every method works from, in minor units, and the rows they
//! give, turned into installments.

use chrono::NaiveDate;

use super::installment::Installment;
use super::method::InterestBasis;
use super::method::Method;
use super::options::ScheduleOptions;
use super::MAX_INSTALLMENTS;
use crate::error::{overflow, Error, Result};
use crate::fraction::Fraction;
use crate::money::{Money, Rounding};
use crate::rate::RatePeriod;

/// A row in minor units, before it becomes an [`Installment`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Row {
    pub(crate) principal: i128,
    pub(crate) interest: i128,
    pub(crate) fee: i128,
}

/// The inputs every method works from, validated and in minor units.
pub(crate) struct Inputs {
    pub(crate) principal: i128,
    pub(crate) n: u32,
    pub(crate) due_dates: Vec<NaiveDate>,
    /// The exact interest factor of each row (periodic rate or by days).
    pub(crate) factors: Vec<Fraction>,
    /// The nominal periodic rate (for the level payment).
    pub(crate) periodic: Fraction,
    pub(crate) rounding: Rounding,
}

pub(super) fn to_installments(
    rows: &[Row],
    dates: &[NaiveDate],
    principal: i128,
    scale: u32,
) -> Result<Vec<Installment>> {
    let mut balance = principal;
    let mut out = Vec::with_capacity(rows.len());
    for (k, (row, &due_date)) in rows.iter().zip(dates).enumerate() {
        balance -= row.principal;
        let p = Money::from_minor(row.principal, scale)?;
        let i = Money::from_minor(row.interest, scale)?;
        let f = Money::from_minor(row.fee, scale)?;
        let payment = row
            .principal
            .checked_add(row.interest)
            .and_then(|x| x.checked_add(row.fee))
            .ok_or_else(|| overflow("installment payment"))?;
        let payment = Money::from_minor(payment, scale)?;
        out.push(Installment {
            number: u32::try_from(k + 1).map_err(|_| overflow("installment number"))?,
            due_date,
            principal: p,
            interest: i,
            fee: f,
            payment,
            balance_after: Money::from_minor(balance, scale)?,
        });
    }
    Ok(out)
}

/// The nominal periodic factor and each row's interest factor (periodic, or
/// by the days from the previous due date, the first from `start`).
pub(super) fn rates(
    o: &ScheduleOptions,
    start: NaiveDate,
    due_dates: &[NaiveDate],
) -> Result<(Fraction, Vec<Fraction>)> {
    let periodic = match (o.rate.period(), o.effective_basis()) {
        (RatePeriod::Daily, InterestBasis::ActualDays(dc)) => Fraction::from_decimal(o.rate.value())?
            .scale(dc.nominal_year_days(), i128::from(o.frequency.periods_per_year()))?,
        _ => o.rate.periodic_exact(o.frequency)?,
    };
    let factors = match o.effective_basis() {
        InterestBasis::PerPeriod => vec![periodic; due_dates.len()],
        InterestBasis::ActualDays(dc) => {
            let mut prev = start;
            let mut out = Vec::with_capacity(due_dates.len());
            for &due in due_dates {
                out.push(o.rate.factor_between(prev, due, dc)?);
                prev = due;
            }
            out
        }
    };
    Ok((periodic, factors))
}

impl Inputs {
    pub(super) fn new(o: &ScheduleOptions) -> Result<Inputs> {
        o.validate_terms()?;
        if o.installments == 0 {
            return Err(Error::Zero { field: "installments" });
        }
        if o.installments > MAX_INSTALLMENTS {
            return Err(Error::TooLarge {
                field: "installments",
                value: u64::from(o.installments),
                max: u64::from(MAX_INSTALLMENTS),
            });
        }
        if o.principal.is_zero() {
            return Err(Error::NonPositive {
                field: "principal",
                value: o.principal.as_decimal(),
            });
        }
        o.rate.as_contract_rate()?;
        let rounding = o.rounding;
        let principal = o.principal.to_minor("principal", rounding.scale())?;
        let first_due = o.first_due()?;
        if first_due <= o.disbursement {
            return Err(Error::DateOrder {
                earlier: "disbursement",
                earlier_date: o.disbursement,
                later: "first due date",
                later_date: first_due,
            });
        }
        covers_installments(o.method, o.principal, principal, o.installments)?;
        let due_dates = (0..o.installments)
            .map(|k| o.frequency.due_date(first_due, k))
            .collect::<Result<Vec<_>>>()?;
        // every date the crate reads or gives is within years 0001 to 9999
        if o.disbursement < crate::dates::FIRST {
            return Err(Error::DateOutOfRange {
                operation: "the disbursement (before 0001-01-01)",
            });
        }
        if due_dates.last().is_some_and(|&last| last > crate::dates::LAST) {
            return Err(Error::DateOutOfRange {
                operation: "the last due date (after 9999-12-31)",
            });
        }
        let (periodic, factors) = rates(o, o.disbursement, &due_dates)?;
        Ok(Inputs {
            principal,
            n: o.installments,
            due_dates,
            factors,
            periodic,
            rounding,
        })
    }

    /// A plan for `principal` over the given due dates, the first period
    /// starting on `start`, under `o`'s rate, basis, frequency and rounding
    /// (what a prepayment rebuilds the remaining installments from).
    pub(crate) fn over(
        o: &ScheduleOptions,
        principal: i128,
        start: NaiveDate,
        due_dates: Vec<NaiveDate>,
    ) -> Result<Inputs> {
        let n = u32::try_from(due_dates.len()).map_err(|_| overflow("installment count"))?;
        let (periodic, factors) = rates(o, start, &due_dates)?;
        Ok(Inputs {
            principal,
            n,
            due_dates,
            factors,
            periodic,
            rounding: o.rounding,
        })
    }

    /// The interest of row `k` (0-based) on `balance`, rounded.
    #[inline]
    pub(crate) fn interest(&self, k: usize, balance: i128) -> Result<i128> {
        let factor = self.factors.get(k).copied().unwrap_or(self.periodic);
        factor.apply(balance, self.rounding)
    }
}

/// Refuses a principal (`minor` of its minor units) that a method repaying
/// it over every installment cannot split into at least one minor unit each.
pub(crate) fn covers_installments(method: Method, principal: Money, minor: i128, installments: u32) -> Result<()> {
    let amortizes = matches!(
        method,
        Method::EqualInstallment | Method::EqualPrincipal | Method::FlatFee { .. }
    );
    if amortizes && minor < i128::from(installments) {
        return Err(Error::PrincipalBelowMinorUnits {
            principal: principal.as_decimal(),
            installments,
        });
    }
    Ok(())
}
