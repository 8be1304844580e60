//! The PBOC repayment record of a credit card (贷记卡), from its statements.

use chrono::{Datelike, NaiveDate};

use super::pboc::overdue_digit;
use super::{PbocMonth, PbocRecord};
use crate::error::Result;
use crate::money::Money;
use crate::revolving::{Card, CardStatus};

/// The months a record covers.
const MONTHS: usize = 24;

impl Card {
    /// The card's PBOC repayment record (还款记录 of a 贷记卡) on `as_of`: one
    /// character a month for the statements of the last 24 months, oldest
    /// first, each read on its statement date (the card's 结算日): `N` a
    /// balance billed and nothing past due, `*` nothing owed, `1`–`7` a
    /// minimum payment past due by 1–30 … more than 180 days, `B` charged off.
    /// The card stays open, so never `C`. With it: the minimum payments past
    /// due on the last statement date (当前逾期总额), the months overdue then
    /// (当前逾期期数) and the most in the record (最高逾期期数). Not written: `M`
    /// (arrears repaid after the due date), `G`, `#`.
    ///
    /// # Errors
    /// As [`Card::statement`].
    ///
    /// ```
    /// use overdue::revolving::{Card, CardEvent, CardTerms};
    /// use overdue::{dec, Money, NaiveDate, Rate};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let card = Card::new(d(1, 6), CardTerms::new(Money::new(dec!(10000))?, 5, Rate::daily(dec!(0.0005))?)?)
    ///     .with_event(CardEvent::Purchase { id: "tv".into(), date: d(1, 10), amount: Money::new(dec!(3000))? })
    ///     .with_event(CardEvent::Payment { id: "feb".into(), date: d(2, 25), amount: Money::new(dec!(300))? });
    /// // February paid its minimum; March's 5 April statement finds it 11 days late
    /// let record = card.pboc_record(d(4, 30))?;
    /// assert_eq!(record.history, "NN1");
    /// assert_eq!((record.installments_overdue, record.highest_months_overdue), (1, 1));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn pboc_record(&self, as_of: NaiveDate) -> Result<PbocRecord> {
        let st = self.statement(as_of)?;
        let first_month = months_of(as_of) - (MONTHS as i64 - 1);
        let mut months = Vec::new();
        for cycle in st.cycles.iter().filter(|c| months_of(c.statement_date) >= first_month) {
            let charged_off = st.status == CardStatus::ChargedOff
                && self.statement(cycle.statement_date)?.status == CardStatus::ChargedOff;
            let status = if charged_off {
                'B'
            } else if cycle.days_past_due > 0 {
                overdue_digit(cycle.days_past_due)
            } else if cycle.closing_balance.is_zero() {
                '*'
            } else {
                'N'
            };
            months.push(PbocMonth {
                month: format!("{:04}-{:02}", cycle.statement_date.year(), cycle.statement_date.month()),
                reporting_date: cycle.statement_date,
                status,
                days_past_due: cycle.days_past_due,
            });
        }
        let months_overdue = |m: &PbocMonth| m.days_past_due.div_ceil(30);
        Ok(PbocRecord {
            history: months.iter().map(|m| m.status).collect(),
            amount_overdue: st.cycles.last().map_or(Money::ZERO, |c| c.past_due),
            installments_overdue: months.last().map_or(0, months_overdue),
            highest_months_overdue: months.iter().map(months_overdue).max().unwrap_or(0),
            months,
            special_transactions: Vec::new(),
        })
    }
}

/// A month's number, to count months between dates.
fn months_of(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month0())
}
