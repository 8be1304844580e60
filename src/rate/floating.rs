//! Floating rates: an index from a dated table plus a spread, fixed again on
//! each reset date, held between a floor and a cap.

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{overflow, Error, Result};
use crate::rate::RateTable;
use crate::rate::{Rate, RatePeriod};

/// A signed annual margin added to an index: `Spread::annual(dec!(0.015))`
/// is index + 1.50 %, `Spread::annual(dec!(-0.002))` index − 20 basis
/// points (a Chinese mortgage quoted "LPR − 20bp").
///
/// ```
/// use overdue::rate::Spread;
/// use overdue::dec;
/// assert_eq!(Spread::annual(dec!(-0.002)).value(), dec!(-0.002));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Spread(
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    Decimal,
);

impl Spread {
    /// A spread of `value` a year (signed).
    ///
    /// ```
    /// assert!(overdue::rate::Spread::annual(overdue::dec!(0.015)).value().is_sign_positive());
    /// ```
    pub fn annual(value: Decimal) -> Spread {
        Spread(value.normalize())
    }

    /// The spread as a fraction a year.
    ///
    /// ```
    /// assert_eq!(overdue::rate::Spread::default().value(), overdue::Decimal::ZERO);
    /// ```
    pub fn value(self) -> Decimal {
        self.0
    }
}

/// When a floating rate is fixed again.
///
/// The default is [`Reset::Anniversary`].
///
/// ```
/// assert_eq!(overdue::rate::Reset::default(), overdue::rate::Reset::Anniversary);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reset {
    /// Each anniversary of the disbursement (the default; what a Chinese
    /// mortgage's contract usually says when it names no date).
    #[default]
    Anniversary,
    /// Each 1 January (the other choice Chinese mortgages offered at the
    /// 2020 switch to the LPR).
    January1,
    /// Every `n` months from the disbursement.
    EveryMonths(u32),
    /// On each date the index table changes.
    IndexChange,
}

/// The date whose index value a reset takes.
///
/// The default is [`Fixing::ResetDate`].
///
/// ```
/// assert_eq!(overdue::rate::Fixing::default(), overdue::rate::Fixing::ResetDate);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Fixing {
    /// The index in force on the reset date itself (the default).
    #[default]
    ResetDate,
    /// The index in force `n` days before the reset date (a lookback).
    DaysBefore(u32),
}

/// What a reset to a new rate keeps.
///
/// The default is [`OnReset::KeepTerm`].
///
/// ```
/// assert_eq!(overdue::rate::OnReset::default(), overdue::rate::OnReset::KeepTerm);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OnReset {
    /// The remaining principal is re-amortised over the remaining
    /// installments at the new rate: the installment changes (the default).
    #[default]
    KeepTerm,
    /// The installment stays; a lower rate repays the loan in fewer
    /// installments, a higher one leaves more for the last installment (the
    /// maturity date never moves later).
    KeepInstallment,
}

/// A contract rate of an index plus a spread, fixed again on each reset
/// date, held between an optional floor and cap (and never below zero).
///
/// The rate fixed on a date applies from the first period that starts on or
/// after it: a period's interest is at one rate, the rate in force at its
/// start. A reset that leaves the rate unchanged changes nothing.
///
/// ```
/// use overdue::NaiveDate;
/// use overdue::{rate::FloatingRate, Rate, rate::RateTable, rate::Reset, rate::Spread};
/// use overdue::dec;
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let index = RateTable::new(vec![(d(2025, 1, 1), Rate::annual(dec!(0.031))?), (d(2026, 1, 1), Rate::annual(dec!(0.03))?)])?;
/// let f = FloatingRate::new(index, Spread::annual(dec!(0.015))).with_reset(Reset::January1);
/// assert_eq!(f.rate_in_force(d(2025, 1, 1), d(2025, 12, 31))?, Rate::annual(dec!(0.046))?);
/// assert_eq!(f.rate_in_force(d(2025, 1, 1), d(2026, 1, 1))?, Rate::annual(dec!(0.045))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FloatingRate {
    index: RateTable,
    #[serde(default)]
    spread: Spread,
    #[serde(default)]
    reset: Reset,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    floor: Option<Rate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cap: Option<Rate>,
    #[serde(default)]
    fixing: Fixing,
    #[serde(default)]
    on_reset: OnReset,
    /// The date resets are counted from, when not the schedule's
    /// disbursement (a restructured plan keeps the original loan's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    resets_from: Option<NaiveDate>,
}

/// The most reset dates a loan may have (monthly over a 100-year term).
const MAX_RESETS: usize = 1_300;

impl FloatingRate {
    /// `index + spread`, with the defaults: [`Reset::Anniversary`],
    /// [`Fixing::ResetDate`], [`OnReset::KeepTerm`], no floor, no cap.
    ///
    /// ```
    /// use overdue::{rate::FloatingRate, rate::RateTable, rate::Spread};
    /// let f = FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default());
    /// assert_eq!(f.floor(), None);
    /// ```
    pub fn new(index: RateTable, spread: Spread) -> FloatingRate {
        FloatingRate {
            index,
            spread,
            reset: Reset::default(),
            floor: None,
            cap: None,
            fixing: Fixing::default(),
            on_reset: OnReset::default(),
            resets_from: None,
        }
    }

    /// Counts resets from `date` instead of the schedule's disbursement (an
    /// anniversary of `date`, every N months from it), and starts a schedule
    /// disbursed later at the rate in force then rather than a new fixing: what a
    /// restructured plan of a floating loan keeps.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{rate::FloatingRate, Rate, rate::RateTable, rate::Spread};
    /// use overdue::dec;
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let f = FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).with_resets_from(d(2024, 3, 1));
    /// // a plan starting 2024-10-25 keeps 3.95 % (fixed 2024-03-01) until the 2025-03-01 anniversary
    /// assert_eq!(f.rate_in_force(d(2024, 10, 25), d(2024, 10, 25))?, Rate::annual(dec!(0.0395))?);
    /// assert_eq!(f.rate_in_force(d(2024, 10, 25), d(2025, 3, 1))?, Rate::annual(dec!(0.036))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    #[must_use]
    pub fn with_resets_from(mut self, date: NaiveDate) -> FloatingRate {
        self.resets_from = Some(date);
        self
    }

    /// The date resets are counted from, if not the disbursement.
    ///
    /// ```
    /// use overdue::{rate::FloatingRate, rate::RateTable, rate::Spread};
    /// assert_eq!(FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).resets_from(), None);
    /// ```
    pub fn resets_from(&self) -> Option<NaiveDate> {
        self.resets_from
    }

    /// Where resets are counted from for a schedule disbursed on `disbursement`.
    fn anchor(&self, disbursement: NaiveDate) -> NaiveDate {
        self.resets_from.unwrap_or(disbursement).min(disbursement)
    }

    /// Sets the reset rule.
    ///
    /// ```
    /// use overdue::{rate::FloatingRate, rate::RateTable, rate::Reset, rate::Spread};
    /// let f = FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).with_reset(Reset::EveryMonths(3));
    /// assert_eq!(f.reset(), Reset::EveryMonths(3));
    /// ```
    #[must_use]
    pub fn with_reset(mut self, reset: Reset) -> FloatingRate {
        self.reset = reset;
        self
    }

    /// Sets an annual floor under the rate in force.
    ///
    /// ```
    /// use overdue::{rate::FloatingRate, Rate, rate::RateTable, rate::Spread};
    /// let floor = Rate::annual(overdue::dec!(0.03))?;
    /// let f = FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).with_floor(floor);
    /// assert_eq!(f.floor(), Some(floor));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    #[must_use]
    pub fn with_floor(mut self, floor: Rate) -> FloatingRate {
        self.floor = Some(floor);
        self
    }

    /// Sets an annual cap over the rate in force.
    ///
    /// ```
    /// use overdue::{rate::FloatingRate, Rate, rate::RateTable, rate::Spread};
    /// let cap = Rate::annual(overdue::dec!(0.06))?;
    /// let f = FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).with_cap(cap);
    /// assert_eq!(f.cap(), Some(cap));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    #[must_use]
    pub fn with_cap(mut self, cap: Rate) -> FloatingRate {
        self.cap = Some(cap);
        self
    }

    /// Sets the fixing date rule.
    ///
    /// ```
    /// use overdue::{rate::Fixing, rate::FloatingRate, rate::RateTable, rate::Spread};
    /// let f = FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).with_fixing(Fixing::DaysBefore(5));
    /// assert_eq!(f.fixing(), Fixing::DaysBefore(5));
    /// ```
    #[must_use]
    pub fn with_fixing(mut self, fixing: Fixing) -> FloatingRate {
        self.fixing = fixing;
        self
    }

    /// Sets what a reset keeps.
    ///
    /// ```
    /// use overdue::{rate::FloatingRate, rate::OnReset, rate::RateTable, rate::Spread};
    /// let f = FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).with_on_reset(OnReset::KeepInstallment);
    /// assert_eq!(f.on_reset(), OnReset::KeepInstallment);
    /// ```
    #[must_use]
    pub fn with_on_reset(mut self, on_reset: OnReset) -> FloatingRate {
        self.on_reset = on_reset;
        self
    }

    /// The index table.
    ///
    /// ```
    /// use overdue::{rate::FloatingRate, rate::RateTable, rate::Spread};
    /// let f = FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default());
    /// assert_eq!(f.index(), &RateTable::china_lpr_five_year());
    /// ```
    pub fn index(&self) -> &RateTable {
        &self.index
    }

    /// The spread.
    ///
    /// ```
    /// use overdue::{rate::FloatingRate, rate::RateTable, rate::Spread};
    /// assert_eq!(FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).spread(), Spread::default());
    /// ```
    pub fn spread(&self) -> Spread {
        self.spread
    }

    /// The reset rule.
    ///
    /// ```
    /// use overdue::{rate::FloatingRate, rate::RateTable, rate::Reset, rate::Spread};
    /// assert_eq!(FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).reset(), Reset::Anniversary);
    /// ```
    pub fn reset(&self) -> Reset {
        self.reset
    }

    /// The floor, if any.
    ///
    /// ```
    /// use overdue::{rate::FloatingRate, rate::RateTable, rate::Spread};
    /// assert!(FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).floor().is_none());
    /// ```
    pub fn floor(&self) -> Option<Rate> {
        self.floor
    }

    /// The cap, if any.
    ///
    /// ```
    /// use overdue::{rate::FloatingRate, rate::RateTable, rate::Spread};
    /// assert!(FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).cap().is_none());
    /// ```
    pub fn cap(&self) -> Option<Rate> {
        self.cap
    }

    /// The fixing date rule.
    ///
    /// ```
    /// use overdue::{rate::Fixing, rate::FloatingRate, rate::RateTable, rate::Spread};
    /// assert_eq!(FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).fixing(), Fixing::ResetDate);
    /// ```
    pub fn fixing(&self) -> Fixing {
        self.fixing
    }

    /// What a reset keeps.
    ///
    /// ```
    /// use overdue::{rate::FloatingRate, rate::OnReset, rate::RateTable, rate::Spread};
    /// assert_eq!(FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).on_reset(), OnReset::KeepTerm);
    /// ```
    pub fn on_reset(&self) -> OnReset {
        self.on_reset
    }

    /// Checks the terms: a floor and a cap are annual and the floor is not
    /// above the cap; a reset every 0 months is not a rule.
    pub(crate) fn validate(&self) -> Result<()> {
        for (field, rate) in [("floating rate floor", self.floor), ("floating rate cap", self.cap)] {
            if let Some(r) = rate.filter(|r| r.period() != RatePeriod::Annual) {
                return Err(Error::Invalid {
                    field,
                    reason: format!("{r} is not an annual rate"),
                });
            }
        }
        if let (Some(floor), Some(cap)) = (self.floor, self.cap)
            && floor.value() > cap.value()
        {
            return Err(Error::Invalid {
                field: "floating rate",
                reason: format!("the floor {floor} is above the cap {cap}"),
            });
        }
        if self.reset == Reset::EveryMonths(0) {
            return Err(Error::Zero {
                field: "floating rate reset months",
            });
        }
        Ok(())
    }

    /// The rate fixed for a reset on `date`: the index on the fixing date
    /// plus the spread, held between the floor and the cap, never below zero.
    ///
    /// # Errors
    /// [`Error::IndexNotPublished`] when the table has no value for the
    /// fixing date; [`Error::Overflow`].
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{rate::FloatingRate, Rate, rate::RateTable, rate::Spread};
    /// use overdue::dec;
    /// let d = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    /// let f = FloatingRate::new(RateTable::china_lpr_five_year(), Spread::annual(dec!(-0.002)))
    ///     .with_floor(Rate::annual(dec!(0.035))?);
    /// assert_eq!(f.fixed_on(d)?, Rate::annual(dec!(0.035))?); // 3.50 % − 0.20 % = 3.30 %, floored
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn fixed_on(&self, date: NaiveDate) -> Result<Rate> {
        let fixing_date = match self.fixing {
            Fixing::ResetDate => date,
            Fixing::DaysBefore(n) => date
                .checked_sub_days(Days::new(u64::from(n)))
                .ok_or(Error::DateOutOfRange {
                    operation: "fixing date",
                })?,
        };
        let index = self.index.fixing_on(fixing_date)?;
        let mut value = index
            .value()
            .checked_add(self.spread.value())
            .ok_or_else(|| overflow("floating rate"))?;
        if let Some(floor) = self.floor {
            value = value.max(floor.value());
        }
        if let Some(cap) = self.cap {
            value = value.min(cap.value());
        }
        Rate::annual(value.max(Decimal::ZERO))
    }

    /// The reset dates after `disbursement` up to and including `until`.
    ///
    /// # Errors
    /// [`Error::TooLarge`] beyond 1,300 resets; [`Error::DateOutOfRange`].
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{rate::FloatingRate, rate::RateTable, rate::Reset, rate::Spread};
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let f = FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default()).with_reset(Reset::January1);
    /// assert_eq!(f.reset_dates(d(2025, 3, 15), d(2027, 3, 15))?, vec![d(2026, 1, 1), d(2027, 1, 1)]);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn reset_dates(&self, disbursement: NaiveDate, until: NaiveDate) -> Result<Vec<NaiveDate>> {
        let every_months = |n: u32| -> Result<Vec<NaiveDate>> {
            let mut out = Vec::new();
            for k in 1u32.. {
                let months = n.checked_mul(k).ok_or_else(|| overflow("reset dates"))?;
                let Some(date) = disbursement.checked_add_months(Months::new(months)) else {
                    break;
                };
                if date > until {
                    break;
                }
                push_bounded(&mut out, date)?;
            }
            Ok(out)
        };
        match self.reset {
            Reset::Anniversary => every_months(12),
            Reset::EveryMonths(n) => every_months(n.max(1)),
            Reset::January1 => {
                let mut out = Vec::new();
                for year in disbursement.year().saturating_add(1)..=until.year() {
                    if let Some(date) = NaiveDate::from_ymd_opt(year, 1, 1) {
                        push_bounded(&mut out, date)?;
                    }
                }
                Ok(out)
            }
            Reset::IndexChange => Ok(self
                .index
                .entries()
                .iter()
                .map(|e| e.0)
                .filter(|&d| d > disbursement && d <= until)
                .collect()),
        }
    }

    /// The rate in force on `date` for a loan disbursed on `disbursement`:
    /// the rate fixed on the last reset on or before `date` (at the
    /// disbursement before the first reset).
    ///
    /// # Errors
    /// As [`FloatingRate::fixed_on`].
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{rate::FloatingRate, Rate, rate::RateTable, rate::Spread};
    /// use overdue::dec;
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let f = FloatingRate::new(RateTable::china_lpr_five_year(), Spread::default());
    /// // disbursed 2024-03-01 at 3.95 %; the 2025-03-01 anniversary fixes 3.60 %
    /// assert_eq!(f.rate_in_force(d(2024, 3, 1), d(2025, 2, 28))?, Rate::annual(dec!(0.0395))?);
    /// assert_eq!(f.rate_in_force(d(2024, 3, 1), d(2025, 3, 1))?, Rate::annual(dec!(0.036))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn rate_in_force(&self, disbursement: NaiveDate, date: NaiveDate) -> Result<Rate> {
        let anchor = self.anchor(disbursement);
        let last_reset = self.reset_dates(anchor, date)?.last().copied();
        self.fixed_on(last_reset.unwrap_or(anchor))
    }

    /// The rates in force from `disbursement` to `until`: `(from, rate)`,
    /// the first from the disbursement, then one per reset that changes it.
    pub(crate) fn path(&self, disbursement: NaiveDate, until: NaiveDate) -> Result<Vec<(NaiveDate, Rate)>> {
        let mut path = vec![(disbursement, self.rate_in_force(disbursement, disbursement)?)];
        // a reset on the last due date starts no period
        for date in self
            .reset_dates(self.anchor(disbursement), until)?
            .into_iter()
            .filter(|&d| d > disbursement && d < until)
        {
            let rate = self.fixed_on(date)?;
            if path.last().is_none_or(|&(_, r)| r != rate) {
                path.push((date, rate));
            }
        }
        Ok(path)
    }
}

fn push_bounded(out: &mut Vec<NaiveDate>, date: NaiveDate) -> Result<()> {
    if out.len() >= MAX_RESETS {
        return Err(Error::TooLarge {
            field: "floating rate reset dates",
            value: u64::try_from(out.len()).unwrap_or(u64::MAX).saturating_add(1),
            max: MAX_RESETS as u64,
        });
    }
    out.push(date);
    Ok(())
}

/// The rate in force on `date` along a path from [`FloatingRate::path`].
pub(crate) fn on_path(path: &[(NaiveDate, Rate)], date: NaiveDate) -> Option<Rate> {
    path.iter().rev().find(|p| p.0 <= date).or(path.first()).map(|p| p.1)
}
