//! IFRS 9 impairment stages and the US retail accrual status, by the
//! days-past-due presumptions their standards set.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::accrual::Ledger;
use crate::error::Result;

/// An IFRS 9 impairment stage.
///
/// ```
/// use overdue::report::Ifrs9Stage;
/// assert!(Ifrs9Stage::Stage1 < Ifrs9Stage::Stage3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Ifrs9Stage {
    /// Performing: 12-month expected credit losses.
    Stage1,
    /// A significant increase in credit risk since recognition: lifetime
    /// expected credit losses.
    Stage2,
    /// Credit-impaired (in default): lifetime expected credit losses,
    /// interest on the net carrying amount.
    Stage3,
}

/// The kind of US retail credit, which sets when it is charged off.
///
/// ```
/// use overdue::report::RetailCredit;
/// assert_eq!(RetailCredit::default(), RetailCredit::ClosedEnd);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RetailCredit {
    /// An installment loan: charged off at 120 days past due. The default.
    #[default]
    ClosedEnd,
    /// A revolving line (a card): charged off at 180 days past due.
    OpenEnd,
}

/// A US retail loan's accrual status.
///
/// ```
/// use overdue::report::AccrualStatus;
/// assert_ne!(AccrualStatus::Accrual, AccrualStatus::NonAccrual);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AccrualStatus {
    /// Interest is recognised as income.
    Accrual,
    /// 90 days or more past due: interest is no longer recognised as income.
    NonAccrual,
    /// Past the charge-off threshold: classified loss and charged off.
    ChargeOff,
}

/// More than this many days past due is a significant increase in credit
/// risk (IFRS 9 5.5.11).
const SICR_DAYS: u32 = 30;
/// More than this many days past due is default (IFRS 9 B5.5.37).
const DEFAULT_DAYS: u32 = 90;
/// Days past due from which a retail loan stops accruing interest.
const NON_ACCRUAL_DAYS: u32 = 90;

impl Ledger {
    /// The IFRS 9 stage as of `as_of` by the standard's rebuttable
    /// presumptions on days past due: more than 30 days, a significant
    /// increase in credit risk (stage 2, IFRS 9 5.5.11); more than 90 days,
    /// default (stage 3, B5.5.37). A lender with reasonable information that
    /// rebuts them, or other evidence of impairment, decides otherwise.
    ///
    /// # Errors
    /// As [`Ledger::statement`].
    ///
    /// ```
    /// use overdue::{dec, report::Ifrs9Stage, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
    /// let ledger = Ledger::new(plan, OverduePolicy::new())?;
    /// assert_eq!(ledger.ifrs9_stage(d(2026, 3, 17))?, Ifrs9Stage::Stage1); // 30 days
    /// assert_eq!(ledger.ifrs9_stage(d(2026, 3, 18))?, Ifrs9Stage::Stage2); // 31 days
    /// assert_eq!(ledger.ifrs9_stage(d(2026, 5, 17))?, Ifrs9Stage::Stage3); // 91 days
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn ifrs9_stage(&self, as_of: NaiveDate) -> Result<Ifrs9Stage> {
        Ok(stage_for(self.statement(as_of)?.days_past_due))
    }

    /// The US retail accrual status as of `as_of` under the FFIEC Uniform
    /// Retail Credit Classification and Account Management Policy (65 FR
    /// 36903, June 12, 2000) and the call report's non-accrual rule: 90 days
    /// or more past due, non-accrual; 120 days past due for closed-end
    /// credit, 180 for open-end, charged off.
    ///
    /// # Errors
    /// As [`Ledger::statement`].
    ///
    /// ```
    /// use overdue::{dec, report::AccrualStatus, Ledger, Money, NaiveDate, OverduePolicy, Rate, report::RetailCredit, Schedule};
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
    /// let ledger = Ledger::new(plan, OverduePolicy::new())?;
    /// assert_eq!(ledger.us_accrual_status(RetailCredit::ClosedEnd, d(2026, 5, 15))?, AccrualStatus::Accrual); // 89 days
    /// assert_eq!(ledger.us_accrual_status(RetailCredit::ClosedEnd, d(2026, 5, 16))?, AccrualStatus::NonAccrual); // 90
    /// assert_eq!(ledger.us_accrual_status(RetailCredit::ClosedEnd, d(2026, 6, 15))?, AccrualStatus::ChargeOff); // 120
    /// assert_eq!(ledger.us_accrual_status(RetailCredit::OpenEnd, d(2026, 6, 15))?, AccrualStatus::NonAccrual);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn us_accrual_status(&self, credit: RetailCredit, as_of: NaiveDate) -> Result<AccrualStatus> {
        Ok(accrual_status_for(credit, self.statement(as_of)?.days_past_due))
    }
}

/// The IFRS 9 stage of `days` past due (5.5.11, B5.5.37).
pub(super) fn stage_for(days: u32) -> Ifrs9Stage {
    if days > DEFAULT_DAYS {
        Ifrs9Stage::Stage3
    } else if days > SICR_DAYS {
        Ifrs9Stage::Stage2
    } else {
        Ifrs9Stage::Stage1
    }
}

/// The US accrual status of `credit` `days` past due (the FFIEC policy).
pub(super) fn accrual_status_for(credit: RetailCredit, days: u32) -> AccrualStatus {
    let charge_off = match credit {
        RetailCredit::ClosedEnd => 120,
        RetailCredit::OpenEnd => 180,
    };
    if days >= charge_off {
        AccrualStatus::ChargeOff
    } else if days >= NON_ACCRUAL_DAYS {
        AccrualStatus::NonAccrual
    } else {
        AccrualStatus::Accrual
    }
}
