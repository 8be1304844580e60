//! A deferral or a restructure of the loan itself, then every new
//! installment paid when due.

use chrono::NaiveDate;

use super::owed::Today;
use super::path::{Context, Path, Payments};
use crate::error::{overflow, Result};
use crate::restructure::Restructure;

impl Context<'_> {
    /// A deferral or restructure on this loan: its payments, cured on its
    /// date when it leaves nothing past due.
    pub(super) fn restructure_path(&self, r: &Restructure, today: &Today) -> Result<Path> {
        let (payments, highest, last, cured) = self.restructure_payments(r, today)?;
        Ok(Path {
            cured_on: cured,
            ..self.on_this_debt(payments, highest, last)
        })
    }

    /// A restructure on a copy of the ledger: its down payment, then each new
    /// installment when due; the worst days past due, the last due date, and
    /// the day the delinquency ends (the restructure's, when it leaves nothing
    /// past due; else the last due date).
    pub(super) fn restructure_payments(
        &self,
        r: &Restructure,
        today: &Today,
    ) -> Result<(Payments, u32, NaiveDate, NaiveDate)> {
        let (loan, today) = self.owed.loan(today, "a restructure")?;
        let day = self.not_before(r.date(), "restructure date")?;
        let mut ledger = loan.clone();
        ledger.restructure(r.clone())?;
        let st = ledger.statement(day)?;
        let summary = st.restructures.last().ok_or_else(|| overflow("restructure summary"))?;
        let first = usize::try_from(summary.first_installment)
            .unwrap_or(usize::MAX)
            .saturating_sub(1);
        let mut payments = vec![(day, summary.down_payment)];
        let mut last = day;
        for i in st.installments.get(first..).unwrap_or_default() {
            payments.push((i.due_date, i.charged.total()?.checked_add(i.upcoming.total()?)?));
            last = last.max(i.due_date);
        }
        let cured = if st.days_past_due == 0 { day } else { last };
        Ok((payments, st.days_past_due.max(today.days_past_due), last, cured))
    }
}
