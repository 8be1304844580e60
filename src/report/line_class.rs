//! The risk classes (五级分类) of a credit line: each draw's, as a retail
//! asset of its own, and the line's, the worst of them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{AssetClass, ClassificationRules, RiskClassification};
use crate::error::Result;
use crate::revolving::{CreditLine, DrawLedger, TrancheLoan};

/// One draw's risk class, as a loan of its own.
///
/// ```
/// # use overdue::revolving::{CreditLine, Draw};
/// # use overdue::{report::AssetClass, report::ClassificationRules, schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
/// # let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// # let thousand = Money::new(overdue::dec!(1000))?;
/// # let line = CreditLine::new(thousand, 10, OverduePolicy::new())?
/// #     .with_draw(Draw::new("d1", d(1, 5), thousand, Terms::new(Rate::ZERO, 3)));
/// let draw = &line.risk_classes(&ClassificationRules::china_2023(), d(3, 31))?.draws[0];
/// assert_eq!((draw.id.as_str(), draw.classification.class), ("d1", AssetClass::SpecialMention));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DrawClass {
    /// The draw's id.
    pub id: String,
    /// Its class and why, as [`Ledger::risk_class`](crate::Ledger::risk_class)
    /// gives it for the draw's own ledger.
    pub classification: RiskClassification,
}

/// A credit line's (or a tranche loan's) risk classes.
///
/// A consumer's line is a retail asset: China's 2023 measures (商业银行金融资产
/// 风险分类办法, art. 8) classify retail assets one by one, by their days past
/// due, so each draw is classified as a loan of its own
/// ([`Ledger::risk_class`](crate::Ledger::risk_class) on its ledger: its
/// days past due, any restructure's observation period and the cure rule).
/// The rule that puts all of a debtor's claims in the non-performing classes
/// once more than 10 % of them are (art. 7) is for non-retail debtors, and is
/// not applied. The line's own class is the worst of its draws' (with the
/// most days past due of any), as a lender summarises the account; a line
/// with nothing drawn is normal.
///
/// ```
/// use overdue::revolving::{CreditLine, Draw};
/// use overdue::report::{AssetClass, ClassificationRules};
/// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
/// use overdue::dec;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let thousand = Money::new(dec!(1000))?;
/// let line = CreditLine::new(Money::new(dec!(5000))?, 10, OverduePolicy::new())?
///     .with_draw(Draw::new("old", d(2026, 1, 5), thousand, Terms::new(Rate::ZERO, 2)))  // due 10 Feb, 10 Mar
///     .with_draw(Draw::new("new", d(2026, 2, 1), thousand, Terms::new(Rate::ZERO, 2)))  // due 10 Mar, 10 Apr
///     .with_payment(Payment::new("march", d(2026, 3, 10), thousand)?);
/// // March's payment cleared the old draw (its February installment first); nothing of the new
/// // one has been paid since 10 March
/// let classes = line.risk_classes(&ClassificationRules::china_2023(), d(2026, 6, 30))?;
/// assert_eq!(classes.draws[0].classification.class, AssetClass::Normal);
/// assert_eq!(classes.draws[1].classification.class, AssetClass::Substandard);
/// assert_eq!((classes.class, classes.days_past_due), (AssetClass::Substandard, 112));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LineClasses {
    /// The line's class: the worst of its draws'.
    pub class: AssetClass,
    /// The most days past due of any draw.
    pub days_past_due: u32,
    /// Each draw's class, in the order drawn.
    pub draws: Vec<DrawClass>,
}

impl LineClasses {
    /// The classes of the draws `books` (from [`CreditLine::ledgers`] or
    /// [`TrancheLoan::ledgers`]) under `rules` on `as_of`.
    ///
    /// # Errors
    /// The errors of each draw's [`Ledger::risk_class`](crate::Ledger::risk_class).
    ///
    /// ```
    /// use overdue::report::{AssetClass, ClassificationRules, LineClasses};
    /// use overdue::NaiveDate;
    /// let as_of = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
    /// let nothing_drawn = LineClasses::of(&[], &ClassificationRules::china_2023(), as_of)?;
    /// assert_eq!(nothing_drawn.class, AssetClass::Normal);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn of(books: &[DrawLedger], rules: &ClassificationRules, as_of: NaiveDate) -> Result<LineClasses> {
        let draws = books
            .iter()
            .map(|book| {
                Ok(DrawClass {
                    id: book.id.clone(),
                    classification: book.ledger.risk_class(rules, as_of)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let class = draws
            .iter()
            .map(|d| d.classification.class)
            .fold(AssetClass::Normal, AssetClass::max);
        let days_past_due = draws.iter().map(|d| d.classification.days_past_due).max().unwrap_or(0);
        Ok(LineClasses {
            class,
            days_past_due,
            draws,
        })
    }
}

impl CreditLine {
    /// The line's risk classes under `rules` on `as_of`: each draw's and the
    /// line's ([`LineClasses`]).
    ///
    /// # Errors
    /// As [`CreditLine::statement`].
    ///
    /// ```
    /// use overdue::revolving::{CreditLine, Draw};
    /// use overdue::report::{AssetClass, ClassificationRules};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let thousand = Money::new(overdue::dec!(1000))?;
    /// let line = CreditLine::new(thousand, 10, OverduePolicy::new())?
    ///     .with_draw(Draw::new("d1", d(1, 5), thousand, Terms::new(Rate::ZERO, 3)));
    /// // nothing paid since 10 February: 141 days past due on 1 July
    /// let classes = line.risk_classes(&ClassificationRules::china_2023(), d(7, 1))?;
    /// assert_eq!((classes.class, classes.days_past_due), (AssetClass::Substandard, 141));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn risk_classes(&self, rules: &ClassificationRules, as_of: NaiveDate) -> Result<LineClasses> {
        LineClasses::of(&self.ledgers(as_of)?, rules, as_of)
    }
}

impl TrancheLoan {
    /// The contract's risk classes under `rules` on `as_of`: each tranche's
    /// and the contract's, the worst of them ([`LineClasses`]).
    ///
    /// # Errors
    /// As [`TrancheLoan::statement`].
    ///
    /// ```
    /// use overdue::revolving::{Tranche, TrancheLoan};
    /// use overdue::report::{AssetClass, ClassificationRules};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(d(2, 15));
    /// let thousand = Money::new(overdue::dec!(1000))?;
    /// let loan = TrancheLoan::new(thousand, terms, OverduePolicy::new())?
    ///     .with_tranche(Tranche::new("t1", d(1, 15), thousand));
    /// let classes = loan.risk_classes(&ClassificationRules::china_2023(), d(2, 1))?;
    /// assert_eq!(classes.class, AssetClass::Normal);   // nothing due yet
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn risk_classes(&self, rules: &ClassificationRules, as_of: NaiveDate) -> Result<LineClasses> {
        LineClasses::of(&self.ledgers(as_of)?, rules, as_of)
    }
}
