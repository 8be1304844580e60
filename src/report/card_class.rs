//! A credit card's classification on a date: its risk class (五级分类), its
//! US accrual status as open-end credit, and its IFRS 9 stage, all from the
//! card's days past due, and each at its worst once the card is charged off.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::stages::{accrual_status_for, stage_for};
use super::{AccrualStatus, AssetClass, ClassificationRules, Ifrs9Stage, RetailCredit};
use crate::error::Result;
use crate::revolving::{Card, CardStatus};

/// A card's classification on a date.
///
/// - The risk class by the rules given: China's card classes
///   ([`ClassificationRules::china_credit_card`], 商业银行信用卡业务监督管理办法
///   art. 92: overdue 1–90 days special mention, 91–120 substandard,
///   121–180 doubtful, more than 180 loss) or any other.
/// - The US accrual status of open-end credit (the FFIEC Uniform Retail
///   Credit Classification and Account Management Policy, 65 FR 36903): 90
///   days past due, non-accrual; 180, charged off.
/// - The IFRS 9 stage by days past due (5.5.11, B5.5.37).
///
/// A card charged off under its own terms
/// ([`CardTerms::with_charge_off_after`](crate::revolving::CardTerms::with_charge_off_after))
/// is classified loss, charged off and in stage 3 whatever its days past due.
///
/// ```
/// use overdue::revolving::{Card, CardEvent, CardTerms};
/// use overdue::report::{AccrualStatus, AssetClass, ClassificationRules, Ifrs9Stage};
/// use overdue::{dec, Money, NaiveDate, Rate};
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let card = Card::new(d(2026, 3, 6), CardTerms::new(Money::new(dec!(10000))?, 5, Rate::daily(dec!(0.0005))?)?)
///     .with_event(CardEvent::Purchase { id: "tv".into(), date: d(2026, 3, 10), amount: Money::new(dec!(3000))? });
/// // the April statement's minimum, due 25 April, is never paid
/// let rules = ClassificationRules::china_credit_card();
/// let july = card.classify(&rules, d(2026, 7, 25))?;                 // 91 days past due
/// assert_eq!((july.class, july.us_accrual_status, july.ifrs9_stage),
///     (AssetClass::Substandard, AccrualStatus::NonAccrual, Ifrs9Stage::Stage3));
/// let october = card.classify(&rules, d(2026, 10, 22))?;             // 180 days: charged off
/// assert_eq!((october.class, october.us_accrual_status, october.charged_off),
///     (AssetClass::Loss, AccrualStatus::ChargeOff, true));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CardClass {
    /// The card's days past due on the date.
    pub days_past_due: u32,
    /// Whether the card has been charged off (by its terms).
    pub charged_off: bool,
    /// Its risk class (五级分类).
    pub class: AssetClass,
    /// Its US accrual status, as open-end credit.
    pub us_accrual_status: AccrualStatus,
    /// Its IFRS 9 stage.
    pub ifrs9_stage: Ifrs9Stage,
}

impl Card {
    /// The card's classification on `as_of` ([`CardClass`]), its risk class
    /// by `rules`.
    ///
    /// # Errors
    /// As [`Card::statement`].
    ///
    /// ```
    /// use overdue::revolving::{Card, CardTerms};
    /// use overdue::report::{AssetClass, ClassificationRules};
    /// use overdue::{Money, NaiveDate, Rate};
    /// let card = Card::new(NaiveDate::from_ymd_opt(2026, 3, 6).unwrap(), CardTerms::new(Money::ONE, 5, Rate::ZERO)?);
    /// let class = card.classify(&ClassificationRules::china_credit_card(), NaiveDate::from_ymd_opt(2026, 6, 1).unwrap())?;
    /// assert_eq!(class.class, AssetClass::Normal);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn classify(&self, rules: &ClassificationRules, as_of: NaiveDate) -> Result<CardClass> {
        let st = self.statement(as_of)?;
        let days = st.days_past_due;
        let charged_off = st.status == CardStatus::ChargedOff;
        if charged_off {
            return Ok(CardClass {
                days_past_due: days,
                charged_off,
                class: AssetClass::Loss,
                us_accrual_status: AccrualStatus::ChargeOff,
                ifrs9_stage: Ifrs9Stage::Stage3,
            });
        }
        Ok(CardClass {
            days_past_due: days,
            charged_off,
            class: rules.class_for(days),
            us_accrual_status: accrual_status_for(RetailCredit::OpenEnd, days),
            ifrs9_stage: stage_for(days),
        })
    }
}
