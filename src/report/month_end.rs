//! A lender's monthly filing of a loan: its Metro 2 record and its risk
//! class, from one replay.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::accrual::{Ledger, Through};
use crate::error::Result;
use crate::report::classification::{ClassificationRules, RiskClassification};
use crate::report::metro2::{open_ends, profile_months, read_on, Metro2Record};

/// A loan's monthly filing: its Metro 2 record ([`Ledger::metro2`]) and its
/// risk class ([`Ledger::risk_class`]) on the same date, exactly as each of
/// those gives it.
///
/// ```
/// use overdue::{dec, report::AssetClass, report::ClassificationRules, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
/// let filing = Ledger::new(plan, OverduePolicy::new())?.month_end(d(2026, 4, 30), &ClassificationRules::china_2023())?;
/// assert_eq!(filing.metro2.account_status.code(), "78"); // 75 days past due at the end of 04-30
/// assert_eq!(filing.class.class, AssetClass::SpecialMention); // 74 at its start
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MonthEnd {
    /// The Metro 2 record, the loan taken at the end of the date.
    pub metro2: Metro2Record,
    /// The risk class on the date (as [`Ledger::statement`] takes it).
    pub class: RiskClassification,
}

impl Ledger {
    /// The loan's monthly filing on `as_of` ([`MonthEnd`]): what
    /// [`Ledger::metro2`] and [`Ledger::risk_class`] give, read from one
    /// replay of its history (the standing at every profile month's end and
    /// every classification point as the replay passes it, then one
    /// statement): what a portfolio's monthly run calls for each loan.
    ///
    /// # Errors
    /// As [`Ledger::metro2`] and [`Ledger::risk_class`].
    ///
    /// ```
    /// use overdue::{dec, report::ClassificationRules, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
    /// let ledger = Ledger::new(plan, OverduePolicy::new())?;
    /// let rules = ClassificationRules::china_2023();
    /// let filing = ledger.month_end(d(2026, 6, 30), &rules)?;
    /// assert_eq!(filing.metro2, ledger.metro2(d(2026, 6, 30))?);
    /// assert_eq!(filing.class, ledger.risk_class(&rules, d(2026, 6, 30))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn month_end(&self, as_of: NaiveDate, rules: &ClassificationRules) -> Result<MonthEnd> {
        let opened = self.opened_by(as_of, "date of account information")?;
        let months = profile_months(as_of)?;
        let month_ends = open_ends(&months, opened);
        let class_points = self.class_points(as_of)?;
        // every day read at its end, then the date at its start (the class) and at its end
        let mut ends: Vec<NaiveDate> = month_ends.iter().chain(&class_points).copied().collect();
        ends.sort();
        ends.dedup();
        let mut points: Vec<(NaiveDate, Through)> = ends.iter().map(|&e| (e, Through::EndOf)).collect();
        points.push((as_of, Through::StartOf));
        let (standings, st) = self.standings_then(&points, (as_of, Through::EndOf))?;
        let at_end = |day: NaiveDate| read_on(&ends, &standings, day);
        let days: Vec<u32> = class_points
            .iter()
            .map(|&p| at_end(p).map_or(0, |s| s.days_past_due))
            .collect();
        let on_date = standings.last().map_or(0, |s| s.days_past_due);
        Ok(MonthEnd {
            metro2: self.metro2_from(as_of, &months, at_end, &st)?,
            class: self.classify(rules, as_of, &class_points, &days, on_date, &st)?,
        })
    }
}
