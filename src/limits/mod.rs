//! Legal limits: China's private-lending cap (4 × LPR), US card late-fee safe
//! harbors, EU late-payment interest. Dated data ships with the crate and can
//! be replaced by the user's own.
//!
//! [`PrivateLendingCap`] checks a rate or a contract's flows against the cap
//! in force on its date; [`UsLateFeeSafeHarbor`] gives the largest late fee;
//! [`EuLatePayment`] the interest and compensation due between businesses.
//! [`LimitsRequest`] checks a contract in one call, and the comparison's
//! [`Warning`]s (with the [`LenderKind`]) say what a borrower should know.
//! See the [cost guide](crate::guide::cost).

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::DayCount;
use crate::cost::{xirr, CashFlow};
use crate::error::{overflow, Error, Result};
use crate::money::{Money, Rounding};
use crate::rate::{ymd, Rate, RateTable, Spread};

mod check;
mod lender;
mod warning;
pub(crate) use check::court_checks;
pub use check::{LateFeeCheck, LateFeeToCheck, LimitsRequest, LimitsResult, Violation};
pub use lender::LenderKind;
pub use warning::Warning;

/// The cap on a Chinese private-lending contract, by its formation date.
///
/// Since 2020-08-20 (Supreme People's Court rules): 4 × the one-year LPR at
/// formation; interest, overdue interest, 违约金 and other fees claimed
/// together are held to it. Before: 24 % enforceable; 24–36 % not enforceable
/// but not refundable if paid; above 36 % void. The seven kinds of locally
/// supervised lenders (micro-lenders, pawnshops, ...) are outside these rules.
///
/// ```
/// use overdue::NaiveDate;
/// use overdue::{limits::PrivateLendingCap, rate::RateTable};
/// use overdue::dec;
/// let cap = PrivateLendingCap::on(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), &RateTable::china_lpr_one_year())?;
/// assert_eq!(cap.enforceable.value(), dec!(0.12)); // 4 × 3.00 %
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct PrivateLendingCap {
    /// The highest annual rate a court enforces.
    pub enforceable: Rate,
    /// For contracts before 2020-08-20: above this rate the agreement is void
    /// (36 %); between `enforceable` and it, paid interest is not refunded.
    pub void_above: Option<Rate>,
}

/// The day the 4 × LPR rules took effect.
fn lpr_rules_start() -> Option<NaiveDate> {
    ymd(2020, 8, 20)
}

impl PrivateLendingCap {
    /// The cap for a contract formed on `contract_date`, using `lpr` for
    /// contracts from 2020-08-20.
    ///
    /// # Errors
    /// As [`RateTable::rate_on`]; [`Error::Overflow`].
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{limits::PrivateLendingCap, rate::RateTable};
    /// use overdue::dec;
    /// let old = PrivateLendingCap::on(NaiveDate::from_ymd_opt(2018, 5, 1).unwrap(), &RateTable::china_lpr_one_year())?;
    /// assert_eq!(old.enforceable.value(), dec!(0.24));
    /// assert_eq!(old.void_above.unwrap().value(), dec!(0.36));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn on(contract_date: NaiveDate, lpr: &RateTable) -> Result<PrivateLendingCap> {
        if lpr_rules_start().is_some_and(|start| contract_date < start) {
            return Ok(PrivateLendingCap {
                enforceable: Rate::annual(Decimal::new(24, 2))?,
                void_above: Some(Rate::annual(Decimal::new(36, 2))?),
            });
        }
        Ok(PrivateLendingCap {
            enforceable: lpr.rate_on(contract_date)?.scaled(Decimal::from(4))?,
            void_above: None,
        })
    }

    /// Checks an annual rate against the cap.
    ///
    /// # Errors
    /// [`Error::Overflow`].
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{DayCount, limits::PrivateLendingCap, Rate, rate::RateTable};
    /// use overdue::dec;
    /// let cap = PrivateLendingCap::on(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), &RateTable::china_lpr_one_year())?;
    /// let check = cap.check_rate(Rate::monthly(dec!(0.03))?, DayCount::Act365Fixed)?; // 36 % a year
    /// assert!(check.exceeded);
    /// assert_eq!(check.excess, dec!(0.24));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn check_rate(&self, rate: Rate, day_count: DayCount) -> Result<CapCheck> {
        self.check_annual(rate.to_annual(day_count)?.value())
    }

    /// Checks the effective annual rate (XIRR) of a set of cash flows against
    /// the cap. The effective rate is at least the nominal one, so this errs
    /// on the borrower's side.
    ///
    /// # Errors
    /// As [`crate::xirr`].
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{CashFlow, limits::PrivateLendingCap, rate::RateTable};
    /// use overdue::dec;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let cap = PrivateLendingCap::on(d(2026, 1, 1), &RateTable::china_lpr_one_year())?;
    /// let flows = [CashFlow::new(d(2026, 1, 1), dec!(10000)), CashFlow::new(d(2027, 1, 1), dec!(-11000))];
    /// assert!(!cap.check_flows(&flows)?.exceeded); // 10 % ≤ 12 %
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn check_flows(&self, flows: &[CashFlow]) -> Result<CapCheck> {
        self.check_annual(xirr(flows)?.value())
    }

    /// Checks a simple annual rate (a fraction) against the cap.
    pub(crate) fn check_annual(&self, annual: Decimal) -> Result<CapCheck> {
        let cap = self.enforceable.value();
        let excess = annual
            .checked_sub(cap)
            .ok_or_else(|| crate::error::overflow("rate above the cap"))?
            .max(Decimal::ZERO);
        Ok(CapCheck {
            annual_rate: annual,
            cap: self.enforceable,
            exceeded: annual > cap,
            excess,
            void: self.void_above.is_some_and(|v| annual > v.value()),
        })
    }

    /// The part of each charge above the cap: a charge of `amount` for the
    /// use of `base` from `from` to `to` is allowed `base × cap × year
    /// fraction` (rounded with `rounding`); the rest is not enforceable.
    ///
    /// # Errors
    /// [`Error::DateOrder`] if a charge ends before it starts; [`Error::Overflow`].
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{limits::Charge, DayCount, Money, limits::PrivateLendingCap, rate::RateTable, Rounding};
    /// use overdue::dec;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let cap = PrivateLendingCap::on(d(2026, 1, 1), &RateTable::china_lpr_one_year())?;
    /// // 3 % a month charged on 10,000 for January: 300, of which 12 % × 31/365 × 10,000 = 101.92 is allowed
    /// let charge = Charge::new(d(2026, 1, 1), d(2026, 2, 1), Money::new(dec!(10000))?, Money::new(dec!(300))?);
    /// let split = cap.split_charges(&[charge], DayCount::Act365Fixed, Rounding::default())?;
    /// assert_eq!(split[0].allowed.to_string(), "101.92");
    /// assert_eq!(split[0].excess.to_string(), "198.08");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn split_charges(
        &self,
        charges: &[Charge],
        day_count: DayCount,
        rounding: Rounding,
    ) -> Result<Vec<ChargeSplit>> {
        charges
            .iter()
            .map(|c| {
                if c.to < c.from {
                    return Err(Error::DateOrder {
                        earlier: "charge start",
                        earlier_date: c.from,
                        later: "charge end",
                        later_date: c.to,
                    });
                }
                let limit = self.enforceable.simple_interest(c.base, c.from, c.to, day_count)?;
                let limit = Money::new(rounding.round(limit))?;
                let allowed = c.amount.min(limit);
                Ok(ChargeSplit {
                    allowed,
                    excess: c.amount.checked_sub(allowed)?,
                })
            })
            .collect()
    }
}

/// The result of checking a rate against a cap.
///
/// ```
/// # use overdue::{Rate, DayCount};
/// # use overdue::limits::PrivateLendingCap;
/// # use overdue::rate::RateTable;
/// # use overdue::NaiveDate; use overdue::dec;
/// let cap = PrivateLendingCap::on(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), &RateTable::china_lpr_one_year())?;
/// let check = cap.check_rate(Rate::annual(dec!(0.10))?, DayCount::Act365Fixed)?;
/// assert!(!check.exceeded && check.excess.is_zero());
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct CapCheck {
    /// The annual rate checked.
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub annual_rate: Decimal,
    /// The enforceable cap.
    pub cap: Rate,
    /// Whether the rate is above the cap.
    pub exceeded: bool,
    /// How far above the cap, in rate (0.24 = 24 points); zero if within.
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub excess: Decimal,
    /// For contracts before 2020-08-20: whether the rate is above 36 % (void).
    pub void: bool,
}

/// A charge for the use of money over a period, to split against a cap.
///
/// ```
/// # use overdue::Money;
/// # use overdue::limits::Charge;
/// # use overdue::NaiveDate; use overdue::dec;
/// let d = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
/// let c = Charge::new(d(1), d(2), Money::new(dec!(1000))?, Money::new(dec!(30))?);
/// assert_eq!(c.amount.to_string(), "30");
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Charge {
    /// Start of the period charged for.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub from: NaiveDate,
    /// End of the period (exclusive).
    #[serde(serialize_with = "crate::dates::serialize")]
    pub to: NaiveDate,
    /// The principal in use.
    pub base: Money,
    /// Everything charged for it: interest, penalty interest, fees.
    pub amount: Money,
}

impl Charge {
    /// A charge of `amount` for the period from `from` to `to` on `base`.
    ///
    /// ```
    /// use overdue::{dec, limits::Charge, Money, NaiveDate};
    /// let d = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
    /// let c = Charge::new(d(1), d(2), Money::new(dec!(1000))?, Money::new(dec!(30))?);
    /// assert_eq!(c.amount.to_string(), "30");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(from: NaiveDate, to: NaiveDate, base: Money, amount: Money) -> Charge {
        Charge { from, to, base, amount }
    }
}

/// A charge split into the part within the cap and the part above it.
///
/// ```
/// # use overdue::{Money, Rounding, DayCount};
/// # use overdue::limits::{Charge, PrivateLendingCap};
/// # use overdue::rate::RateTable;
/// # use overdue::NaiveDate; use overdue::dec;
/// let d = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
/// let cap = PrivateLendingCap::on(d(1), &RateTable::china_lpr_one_year())?;
/// let c = Charge::new(d(1), d(2), Money::new(dec!(1000))?, Money::new(dec!(5))?);
/// let s = cap.split_charges(&[c], DayCount::Act365Fixed, Rounding::default())?;
/// assert!(s[0].excess.is_zero());
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct ChargeSplit {
    /// The enforceable part.
    pub allowed: Money,
    /// The part above the cap.
    pub excess: Money,
}

/// US credit-card late fees: dated safe-harbor amounts (12 CFR 1026.52(b)),
/// first violation and repeat within the next six billing cycles, and the
/// rule that a fee may not exceed the minimum payment that was late.
///
/// Default data (overridable with [`UsLateFeeSafeHarbor::new`]), each row
/// from the Federal Register document that set it (the Bureau's annual
/// CPI adjustments; comment 52(b)(1)(ii)-2.i keeps the history):
///
/// | effective | first | repeat | set by |
/// |---|---|---|---|
/// | 2010-08-22 | $25 | $35 | Federal Reserve Board, CARD Act penalty-fee rule, 75 FR 37526 (June 29, 2010) |
/// | 2014-01-01 | $26 | $37 | CFPB annual threshold adjustment for 2014 (78 FR, 2013) |
/// | 2015-01-01 | $27 | $38 | CFPB annual threshold adjustments, 79 FR No. 158 (August 15, 2014); unchanged for 2016–2018 |
/// | 2019-01-01 | $28 | $39 | CFPB annual threshold adjustments, 83 FR 43503 (August 27, 2018) |
/// | 2020-01-01 | $29 | $40 | CFPB annual threshold adjustments, 84 FR (August 1, 2019); unchanged for 2021 (85 FR 50944, August 19, 2020) |
/// | 2022-01-01 | $30 | $41 | CFPB annual threshold adjustments, 86 FR (published in the autumn of 2021) |
///
/// No adjustment was published for 2023. The 2024 penalty-fee rule (an $8
/// late fee for larger issuers, 89 FR 19128, March 15, 2024) was vacated in
/// April 2025 and withdrawn (90 FR 20084, May 12, 2025), so $30 / $41 stand.
///
/// ```
/// use overdue::NaiveDate;
/// use overdue::{Money, limits::UsLateFeeSafeHarbor, limits::Violation};
/// use overdue::dec;
/// let table = UsLateFeeSafeHarbor::default();
/// let d = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
/// assert_eq!(table.max_fee(d, Violation::First, Money::new(dec!(100))?)?.to_string(), "30");
/// assert_eq!(table.max_fee(d, Violation::RepeatWithinSixCycles, Money::new(dec!(100))?)?.to_string(), "41");
/// assert_eq!(table.max_fee(d, Violation::RepeatWithinSixCycles, Money::new(dec!(15))?)?.to_string(), "15"); // not above the minimum payment
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UsLateFeeSafeHarbor {
    entries: Vec<(NaiveDate, Money, Money)>,
}

impl Default for UsLateFeeSafeHarbor {
    fn default() -> Self {
        // (effective date, first, repeat): see the table and sources above
        let data = [
            (2010, 8, 22, 25, 35), // 75 FR 37526
            (2014, 1, 1, 26, 37),  // 78 FR (2013 adjustment)
            (2015, 1, 1, 27, 38),  // 79 FR No. 158, 2014-08-15
            (2019, 1, 1, 28, 39),  // 83 FR 43503, 2018-08-27
            (2020, 1, 1, 29, 40),  // 84 FR, 2019-08-01
            (2022, 1, 1, 30, 41),  // 86 FR, 2021
        ];
        UsLateFeeSafeHarbor {
            entries: data
                .iter()
                .filter_map(|&(y, m, d, a, b)| {
                    Some((
                        ymd(y, m, d)?,
                        Money::new(Decimal::from(a)).ok()?,
                        Money::new(Decimal::from(b)).ok()?,
                    ))
                })
                .collect(),
        }
    }
}

impl UsLateFeeSafeHarbor {
    /// A table of `(effective date, first fee, repeat fee)`.
    ///
    /// # Errors
    /// [`Error::Invalid`] if empty.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{Money, limits::UsLateFeeSafeHarbor, limits::Violation};
    /// use overdue::dec;
    /// let t = UsLateFeeSafeHarbor::new(vec![(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
    ///     Money::new(dec!(32))?, Money::new(dec!(43))?)])?;
    /// assert!(t.max_fee(NaiveDate::from_ymd_opt(2029, 1, 1).unwrap(), Violation::First, Money::new(dec!(50))?).is_err());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(mut entries: Vec<(NaiveDate, Money, Money)>) -> Result<Self> {
        if entries.is_empty() {
            return Err(Error::Invalid {
                field: "safe-harbor table",
                reason: "it has no entries".to_owned(),
            });
        }
        entries.sort_by_key(|e| e.0);
        Ok(UsLateFeeSafeHarbor { entries })
    }

    /// The largest late fee allowed on `date`: the safe harbor (repeat if
    /// another violation occurred in the previous six cycles), but not more
    /// than the minimum payment that was late.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a date before the first entry.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{Money, limits::UsLateFeeSafeHarbor, limits::Violation};
    /// use overdue::dec;
    /// let d = NaiveDate::from_ymd_opt(2014, 6, 1).unwrap();
    /// let fee = UsLateFeeSafeHarbor::default().max_fee(d, Violation::First, Money::new(dec!(100))?)?;
    /// assert_eq!(fee.to_string(), "26");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn max_fee(&self, date: NaiveDate, violation: Violation, minimum_payment_due: Money) -> Result<Money> {
        let (_, first, repeat) = self
            .entries
            .iter()
            .rev()
            .find(|e| e.0 <= date)
            .ok_or_else(|| Error::Invalid {
                field: "date",
                reason: format!("{date} is before the first safe-harbor entry"),
            })?;
        let harbor = match violation {
            Violation::RepeatWithinSixCycles => *repeat,
            _ => *first,
        };
        Ok(harbor.min(minimum_payment_due))
    }
}

/// EU late-payment interest between businesses (Directive 2011/7/EU):
/// simple interest at the reference rate in force on the first day of each
/// half-year (1 January, 1 July) plus a margin (at least 8 points), from the
/// day after the due date to the payment date, plus a fixed compensation
/// (€40). The user supplies the reference rates.
///
/// ```
/// use overdue::NaiveDate;
/// use overdue::{DayCount, limits::EuLatePayment, Money, Rate, rate::RateTable};
/// use overdue::dec;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let ecb = RateTable::new(vec![(d(2026, 1, 1), Rate::annual(dec!(0.0215))?), (d(2026, 7, 1), Rate::annual(dec!(0.02))?)])?;
/// let rules = EuLatePayment::new(ecb);
/// // 10,000 due 2026-06-20, paid 2026-07-10: 10 days at 10.15 % and 10 days at 10.00 %
/// let interest = rules.interest(Money::new(dec!(10000))?, d(2026, 6, 20), d(2026, 7, 10), DayCount::Act365Fixed)?;
/// assert_eq!(interest.round_dp(2), dec!(55.21));
/// assert_eq!(rules.fixed_compensation().to_string(), "40");
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EuLatePayment {
    reference: RateTable,
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    margin: Decimal,
    fixed_compensation: Money,
}

impl EuLatePayment {
    /// The directive's minimum: reference rate + 8 points, €40.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{limits::EuLatePayment, Rate, rate::{RateTable, Spread}};
    /// use overdue::dec;
    /// let t = RateTable::new(vec![(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Rate::annual(dec!(0.02))?)])?;
    /// assert_eq!(EuLatePayment::new(t).margin(), Spread::annual(dec!(0.08)));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(reference_rates: RateTable) -> EuLatePayment {
        EuLatePayment {
            reference: reference_rates,
            margin: Decimal::new(8, 2),
            fixed_compensation: Money::new(Decimal::from(40)).unwrap_or_default(),
        }
    }

    /// Sets the margin above the reference rate, in points a year
    /// (`Spread::annual(dec!(0.08))` is 8 points).
    ///
    /// ```
    /// # use overdue::Rate;
    /// # use overdue::limits::EuLatePayment;
    /// # use overdue::rate::{RateTable, Spread};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let t = RateTable::new(vec![(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Rate::annual(dec!(0.02))?)])?;
    /// let margin = Spread::annual(dec!(0.09));
    /// assert_eq!(EuLatePayment::new(t).with_margin(margin).margin(), margin);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_margin(mut self, margin: Spread) -> EuLatePayment {
        self.margin = margin.value();
        self
    }

    /// The margin above the reference rate.
    ///
    /// ```
    /// # use overdue::Rate;
    /// # use overdue::limits::EuLatePayment;
    /// # use overdue::rate::{RateTable, Spread};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let t = RateTable::new(vec![(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Rate::annual(dec!(0.02))?)])?;
    /// assert_eq!(EuLatePayment::new(t).margin(), Spread::annual(dec!(0.08)));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn margin(&self) -> Spread {
        Spread::annual(self.margin)
    }

    /// The fixed compensation per late payment (€40).
    ///
    /// ```
    /// # use overdue::{Money, Rate};
    /// # use overdue::limits::EuLatePayment;
    /// # use overdue::rate::RateTable;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let t = RateTable::new(vec![(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Rate::annual(dec!(0.02))?)])?;
    /// assert_eq!(EuLatePayment::new(t).fixed_compensation(), Money::new(dec!(40))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn fixed_compensation(&self) -> Money {
        self.fixed_compensation
    }

    /// The statutory rate for the half-year containing `date`.
    ///
    /// # Errors
    /// As [`RateTable::rate_on`]; [`Error::Overflow`].
    ///
    /// ```
    /// # use overdue::Rate;
    /// # use overdue::limits::EuLatePayment;
    /// # use overdue::rate::RateTable;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let t = RateTable::new(vec![(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Rate::annual(dec!(0.02))?)])?;
    /// let r = EuLatePayment::new(t).rate_on(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap())?;
    /// assert_eq!(r.value(), dec!(0.10));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn rate_on(&self, date: NaiveDate) -> Result<Rate> {
        let start = half_year_start(date)?;
        let reference = self.reference.rate_on(start)?.value();
        Rate::annual(
            reference
                .checked_add(self.margin)
                .ok_or_else(|| overflow("late-payment rate"))?,
        )
    }

    /// Simple late-payment interest on `amount` due on `due` and paid on
    /// `paid`, from the day after the due date, exact (unrounded); each
    /// half-year at its own rate.
    ///
    /// # Errors
    /// As [`EuLatePayment::rate_on`]; [`Error::DateOutOfRange`].
    ///
    /// ```
    /// # use overdue::{Money, Rate, DayCount};
    /// # use overdue::limits::EuLatePayment;
    /// # use overdue::rate::RateTable;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let t = RateTable::new(vec![(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Rate::annual(dec!(0.02))?)])?;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let i = EuLatePayment::new(t).interest(Money::new(dec!(3650))?, d(3, 1), d(3, 11), DayCount::Act365Fixed)?;
    /// assert_eq!(i, dec!(10)); // 10 days at 10 %
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn interest(&self, amount: Money, due: NaiveDate, paid: NaiveDate, day_count: DayCount) -> Result<Decimal> {
        let out = || Error::DateOutOfRange {
            operation: "late-payment interest",
        };
        // from the day after the due date through the payment date: [due + 1, paid + 1)
        let mut cursor = due.succ_opt().ok_or_else(out)?;
        let end = paid.succ_opt().ok_or_else(out)?;
        let mut total = Decimal::ZERO;
        while cursor < end {
            let next_half = next_half_year(cursor)?.min(end);
            let part = self
                .rate_on(cursor)?
                .simple_interest(amount, cursor, next_half, day_count)?;
            total = total
                .checked_add(part)
                .ok_or_else(|| overflow("late-payment interest"))?;
            cursor = next_half;
        }
        Ok(total)
    }
}

fn half_year_start(date: NaiveDate) -> Result<NaiveDate> {
    let month = if date.month() >= 7 { 7 } else { 1 };
    ymd(date.year(), month, 1).ok_or(Error::DateOutOfRange { operation: "half-year" })
}

fn next_half_year(date: NaiveDate) -> Result<NaiveDate> {
    let next = if date.month() >= 7 {
        ymd(date.year() + 1, 1, 1)
    } else {
        ymd(date.year(), 7, 1)
    };
    next.ok_or(Error::DateOutOfRange { operation: "half-year" })
}
