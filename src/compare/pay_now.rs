//! Pay now: the payoff amount today, the cheapest path when it can be paid.

use super::owed::Today;
use super::path::{Context, Path};

impl Context<'_> {
    /// Today's payoff, paid today.
    pub(super) fn pay_now_path(&self, today: &Today) -> Path {
        self.on_this_debt(vec![(self.as_of, today.payoff())], today.days_past_due(), self.as_of)
    }
}
