//! A card's comparison: the ways out of a credit card (pay in full, the
//! minimum only, a fixed amount a month, an installment plan, a balance
//! transfer, and the ways out any debt has: pay now, stay, refinance, a
//! debt-management service), each weighed as a loan's are and ranked.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::budget::Budget;
use super::order::{Order, RankBy};
use super::owed::{wrong_debt, Debt, Owed, Today};
use super::request::comparison_settings;
use super::result::OptionResult;
use super::way_out::{Choice, WayOut};
use crate::error::{Error, Result, Within};
use crate::limits::LenderKind;
use crate::money::Money;
use crate::rate::{Rate, RateTable};
use crate::revolving::{check_periods, Card, CardStatement, NOTHING_A_MONTH};

/// A borrower's question about a card: given this card, today, these ways
/// out, this budget and this discount rate, what does each path cost?
///
/// Every figure is the card's own replay: the minimum-only path pays each
/// statement's minimum on its due date, with the interest, late fees and
/// penalty rate the card's terms charge, until nothing is owed. Events
/// recorded after the comparison date are left out.
///
/// ```
/// use overdue::compare::CardComparison;
/// use overdue::revolving::{Card, CardEvent, CardTerms};
/// use overdue::{dec, Budget, Choice, Money, NaiveDate, Rate, WayOut};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let card = Card::new(d(1, 6), CardTerms::new(Money::new(dec!(20000))?, 5, Rate::daily(dec!(0.0005))?)?)
///     .with_event(CardEvent::Purchase { id: "tv".into(), date: d(1, 10), amount: Money::new(dec!(6000))? });
/// let result = CardComparison::new(card, d(2, 5), Budget::new(Money::new(dec!(9000))?, Money::new(dec!(2000))?), Rate::ZERO)
///     .option(Choice::new("in full", WayOut::PayInFull))
///     .option(Choice::new("minimum only", WayOut::MinimumOnly))
///     .run()?;
/// // paying in full by the due date costs nothing more; the minimum alone costs interest for years
/// assert_eq!(result.options[1].label, "minimum only");
/// assert_eq!(result.options[0].total_paid, Money::new(dec!(6000))?);
/// assert_eq!(result.options[1].cost, dec!(955.12));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "CardComparisonRepr", into = "CardComparisonRepr")]
pub struct CardComparison {
    pub(super) card: Card,
    pub(super) as_of: NaiveDate,
    pub(super) options: Vec<Choice>,
    pub(super) budget: Budget,
    pub(super) discount_rate: Rate,
    pub(super) rank_by: RankBy,
    pub(super) order: Order,
    pub(super) lender: LenderKind,
    pub(super) credit_record_years: u32,
    pub(super) lpr: RateTable,
}

/// A card comparison as JSON gives it, checked whole as it is read: the
/// card's events, and each option at its leaf (`options[2].way.periods`).
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename = "CardComparison", expecting = "struct CardComparison")]
struct CardComparisonRepr {
    card: Card,
    #[serde(serialize_with = "crate::dates::serialize")]
    as_of: NaiveDate,
    options: Vec<Choice>,
    budget: Budget,
    discount_rate: Rate,
    #[serde(default)]
    rank_by: RankBy,
    #[serde(default)]
    order: Order,
    #[serde(default)]
    lender: LenderKind,
    #[serde(default = "super::request::default_record_years")]
    credit_record_years: u32,
    #[serde(default = "RateTable::china_lpr_one_year")]
    lpr: RateTable,
}

impl TryFrom<CardComparisonRepr> for CardComparison {
    type Error = Within;
    fn try_from(r: CardComparisonRepr) -> std::result::Result<CardComparison, Within> {
        r.card.replay(r.as_of).map_err(|e| e.under("card"))?;
        for (i, choice) in r.options.iter().enumerate() {
            check_way(&choice.way).map_err(|e| e.under(&format!("options[{i}].way")))?;
        }
        Ok(CardComparison {
            card: r.card,
            as_of: r.as_of,
            options: r.options,
            budget: r.budget,
            discount_rate: r.discount_rate,
            rank_by: r.rank_by,
            order: r.order,
            lender: r.lender,
            credit_record_years: r.credit_record_years,
            lpr: r.lpr,
        })
    }
}

impl From<CardComparison> for CardComparisonRepr {
    fn from(c: CardComparison) -> CardComparisonRepr {
        CardComparisonRepr {
            card: c.card,
            as_of: c.as_of,
            options: c.options,
            budget: c.budget,
            discount_rate: c.discount_rate,
            rank_by: c.rank_by,
            order: c.order,
            lender: c.lender,
            credit_record_years: c.credit_record_years,
            lpr: c.lpr,
        }
    }
}

/// A way out a card can take, with terms that can hold: refused at its
/// field otherwise.
fn check_way(way: &WayOut) -> std::result::Result<(), Within> {
    let refused = |field: &'static str, reason: String| {
        let path = if field == "way" { "" } else { field };
        Err(Within::new(path, Error::Invalid { field, reason }))
    };
    match way {
        WayOut::Restructure(_) => refused("way", wrong_debt("a restructure", Debt::Card)),
        WayOut::TakePromotion { .. } => refused("way", wrong_debt("taking a promotion", Debt::Card)),
        WayOut::PayMonthly { amount } if amount.is_zero() => refused("amount", NOTHING_A_MONTH.to_owned()),
        WayOut::CardInstallmentPlan { periods, .. } => check_periods(*periods).map_err(|e| Within::new("periods", e)),
        WayOut::BalanceTransfer(t) => t.terms.check().map_err(|e| e.under("terms")),
        _ => Ok(()),
    }
}

impl CardComparison {
    /// A comparison for `card` on `as_of`, with the borrower's monthly
    /// `budget` and `discount_rate`, no options yet; the defaults of
    /// [`Comparison::new`](crate::Comparison::new).
    ///
    /// ```
    /// use overdue::compare::CardComparison;
    /// use overdue::revolving::{Card, CardTerms};
    /// use overdue::{Budget, Money, NaiveDate, Rate};
    /// let card = Card::new(NaiveDate::from_ymd_opt(2026, 1, 6).unwrap(), CardTerms::new(Money::ONE, 5, Rate::ZERO)?);
    /// let c = CardComparison::new(card, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO);
    /// assert!(c.options().is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(card: Card, as_of: NaiveDate, budget: Budget, discount_rate: Rate) -> CardComparison {
        CardComparison {
            card,
            as_of,
            options: Vec::new(),
            budget,
            discount_rate,
            rank_by: RankBy::default(),
            order: Order::default(),
            lender: LenderKind::default(),
            credit_record_years: super::request::default_record_years(),
            lpr: RateTable::china_lpr_one_year(),
        }
    }

    /// The card.
    ///
    /// ```
    /// use overdue::compare::CardComparison;
    /// use overdue::revolving::{Card, CardTerms};
    /// use overdue::{Budget, Money, NaiveDate, Rate};
    /// let card = Card::new(NaiveDate::from_ymd_opt(2026, 1, 6).unwrap(), CardTerms::new(Money::ONE, 5, Rate::ZERO)?);
    /// let c = CardComparison::new(card.clone(), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO);
    /// assert_eq!(c.card(), &card);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn card(&self) -> &Card {
        &self.card
    }

    comparison_settings!(
        CardComparison,
        "# use overdue::{Money, Rate, Budget, compare::CardComparison, revolving::{Card, CardTerms}};\n# let d = |y, m, dd| overdue::NaiveDate::from_ymd_opt(y, m, dd).unwrap();\n# let card = Card::new(d(2026, 1, 6), CardTerms::new(Money::new(overdue::dec!(5000))?, 5, Rate::ZERO)?);\nlet base = CardComparison::new(card, d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO);"
    );

    /// The card the comparison is about.
    fn owed(&self) -> Owed<'_> {
        Owed::Card(&self.card)
    }

    /// Works out every option and ranks them.
    ///
    /// # Errors
    /// [`Error::Invalid`] if there are no options, if nothing is owed, if an
    /// option is dated before the comparison date, or is a way out of an
    /// installment loan only (a restructure, a promotion); the card's own
    /// errors ([`Card::statement`]).
    ///
    /// ```
    /// use overdue::compare::CardComparison;
    /// use overdue::revolving::{Card, CardTerms};
    /// use overdue::{Budget, Choice, Money, NaiveDate, Rate, WayOut};
    /// let card = Card::new(NaiveDate::from_ymd_opt(2026, 1, 6).unwrap(), CardTerms::new(Money::ONE, 5, Rate::ZERO)?);
    /// let nothing_owed = CardComparison::new(card, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO)
    ///     .option(Choice::new("now", WayOut::PayNow));
    /// assert_eq!(nothing_owed.run().unwrap_err().kind(), "invalid");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn run(&self) -> Result<CardComparisonResult> {
        let up_to_today = CardComparison {
            card: self.card.up_to(self.as_of),
            ..self.clone()
        };
        let weighing = up_to_today.weighing();
        let statement = up_to_today.card.statement(self.as_of)?;
        let today = Today::Card(&statement);
        let mut options = weighing.evaluate_all(&self.options, &today)?;
        weighing.conclude(&mut options)?;
        Ok(CardComparisonResult {
            as_of: self.as_of,
            payoff: statement.payoff,
            monthly_budget: weighing.monthly_budget()?,
            rank_by: self.rank_by,
            order: self.order,
            statement,
            options,
        })
    }
}

/// A card's comparison worked out: today's statement and every option,
/// best first, each as a loan's comparison gives it ([`OptionResult`]).
///
/// ```
/// use overdue::compare::CardComparison;
/// use overdue::revolving::{Card, CardEvent, CardTerms};
/// use overdue::{dec, Budget, Choice, Money, NaiveDate, Rate, WayOut};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let card = Card::new(d(1, 6), CardTerms::new(Money::new(dec!(20000))?, 5, Rate::daily(dec!(0.0005))?)?)
///     .with_event(CardEvent::Purchase { id: "tv".into(), date: d(1, 10), amount: Money::new(dec!(6000))? });
/// let r = CardComparison::new(card, d(2, 5), Budget::new(Money::new(dec!(8000))?, Money::ZERO), Rate::ZERO)
///     .option(Choice::new("now", WayOut::PayNow)).run()?;
/// assert_eq!((r.payoff, r.statement.next_due_date), (Money::new(dec!(6000))?, Some(d(2, 25))));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct CardComparisonResult {
    /// The comparison date.
    #[serde(serialize_with = "crate::dates::serialize")]
    pub as_of: NaiveDate,
    /// Today's payoff amount.
    pub payoff: Money,
    /// What the budget leaves each month.
    pub monthly_budget: Money,
    /// What the ranking ordered by.
    pub rank_by: RankBy,
    /// Whether affordable options ranked first.
    pub order: Order,
    /// The card's statement today.
    pub statement: CardStatement,
    /// The options, best first.
    pub options: Vec<OptionResult>,
}
