//! A loan's comparison run: every option weighed (`weigh.rs`), the
//! promotions open on the loan offered too, the break-even days of all of
//! them at once, ranked; and the loan's timeline if nothing is paid.

use super::owed::Today;
use super::request::Comparison;
use super::result::ComparisonResult;
use super::way_out::{Choice, WayOut};
use crate::accrual::Timeline;
use crate::error::{Error, Result};

/// How far the timeline of a loan left unpaid runs from the comparison date,
/// in months.
///
/// ```
/// assert_eq!(overdue::compare::UNPAID_TIMELINE_MONTHS, 24);
/// ```
pub const UNPAID_TIMELINE_MONTHS: u32 = 24;

impl Comparison {
    /// Works out every option and ranks them.
    ///
    /// # Errors
    /// [`Error::Invalid`] if there are no options, if nothing is owed, or if
    /// an option is dated before the comparison date; the errors of the
    /// statement, the restructure and the schedule behind each option.
    ///
    /// ```
    /// # use overdue::{Error, Money, Rate, Schedule, Ledger, OverduePolicy, Comparison, Budget};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
    /// let none = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO);
    /// assert!(matches!(none.run(), Err(Error::Invalid { .. })));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn run(&self) -> Result<ComparisonResult> {
        let statement = self.ledger.statement(self.as_of)?;
        let weighing = self.weighing();
        let today = Today::Loan(&statement);
        let mut options = weighing.evaluate_all(&self.options, &today)?;
        // every promotion open today is a way out, unless an option names it
        for label in super::promotion::open_promotions(&statement) {
            let named = self
                .options
                .iter()
                .any(|c| matches!(&c.way, WayOut::TakePromotion { label: l } if *l == label));
            if !named {
                let choice = Choice::new(format!("take the promotion: {label}"), WayOut::TakePromotion { label });
                // one that cannot be met from today is not a way out
                if let Ok(option) = weighing.evaluate(&choice, &today) {
                    options.push(option);
                }
            }
        }
        weighing.conclude(&mut options)?;
        Ok(ComparisonResult {
            as_of: self.as_of,
            payoff: statement.payoff,
            monthly_budget: weighing.monthly_budget()?,
            rank_by: self.rank_by,
            order: self.order,
            statement,
            options,
            if_unpaid: self.if_unpaid()?,
        })
    }

    /// The timeline of the loan left as it is, from the comparison date.
    fn if_unpaid(&self) -> Result<Option<Timeline>> {
        let until = self
            .as_of
            .checked_add_months(chrono::Months::new(UNPAID_TIMELINE_MONTHS))
            .ok_or(Error::DateOutOfRange {
                operation: "the end of the timeline if nothing is paid",
            })?;
        self.ledger.timeline_if_listed(self.as_of, until)
    }
}
