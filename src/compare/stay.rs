//! Stay overdue until a date, then pay everything: penalties keep accruing
//! under the loan's policy and caps.

use chrono::NaiveDate;

use super::path::{Context, Path};
use crate::error::Result;

impl Context<'_> {
    /// The payoff on `until` (not before the comparison date), paid then.
    pub(super) fn stay_path(&self, until: NaiveDate) -> Result<Path> {
        let until = self.not_before(until, "stay date")?;
        let st = self.owed.standing(until)?;
        Ok(self.on_this_debt(vec![(until, st.payoff)], st.days_past_due, until))
    }
}
