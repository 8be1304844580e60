//! A comparison: the loan, the date, the borrower's budget, the discount
//! rate and the options to weigh, with how to rank them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::budget::Budget;
use super::order::{Order, RankBy};
use super::owed::Owed;
use super::way_out::Choice;
use crate::accrual::Ledger;
use crate::limits::LenderKind;
use crate::money::Money;
use crate::rate::{Rate, RateTable};

/// The settings a loan's comparison and a card's share, with their doc
/// examples (`$setup` makes `base`, a comparison without options, on
/// 2026-03-01).
macro_rules! comparison_settings {
    ($ty:ident, $setup:literal) => {
        /// Adds a way out.
        ///
        /// ```
        #[doc = $setup]
        /// let c = base.option(overdue::Choice::new("now", overdue::WayOut::PayNow));
        /// assert_eq!(c.options().len(), 1);
        /// # Ok::<(), overdue::Error>(())
        /// ```
        pub fn option(mut self, choice: $crate::compare::Choice) -> $ty {
            self.options.push(choice);
            self
        }

        /// Sets what the ranking orders by (default NPV).
        ///
        /// ```
        #[doc = $setup]
        /// let c = base.with_rank_by(overdue::compare::RankBy::TotalPaid);
        /// # let _ = c;
        /// # Ok::<(), overdue::Error>(())
        /// ```
        pub fn with_rank_by(mut self, key: $crate::compare::RankBy) -> $ty {
            self.rank_by = key;
            self
        }

        /// Sets whether options the borrower can afford rank first (the
        /// default, [`Order::AffordableFirst`](crate::compare::Order::AffordableFirst)) or money alone decides
        /// ([`Order::MoneyOnly`](crate::compare::Order::MoneyOnly)).
        ///
        /// ```
        #[doc = $setup]
        /// let c = base.with_order(overdue::compare::Order::MoneyOnly);
        /// # let _ = c;
        /// # Ok::<(), overdue::Error>(())
        /// ```
        pub fn with_order(mut self, order: $crate::compare::Order) -> $ty {
            self.order = order;
            self
        }

        /// Sets who the current lender is (default a licensed institution); a
        /// private lender's debt is checked against the private-lending cap.
        ///
        /// ```
        #[doc = $setup]
        /// let c = base.with_lender(overdue::limits::LenderKind::PrivateLender);
        /// # let _ = c;
        /// # Ok::<(), overdue::Error>(())
        /// ```
        pub fn with_lender(mut self, lender: $crate::limits::LenderKind) -> $ty {
            self.lender = lender;
            self
        }

        /// Sets how many years a negative credit record may be kept after the
        /// debt is settled (default 5).
        ///
        /// ```
        #[doc = $setup]
        /// let c = base.with_credit_record_years(7);
        /// # let _ = c;
        /// # Ok::<(), overdue::Error>(())
        /// ```
        pub fn with_credit_record_years(mut self, years: u32) -> $ty {
            self.credit_record_years = years;
            self
        }

        /// Sets the LPR table for the private-lending cap (default
        /// [`RateTable::china_lpr_one_year`](crate::rate::RateTable::china_lpr_one_year)).
        ///
        /// ```
        #[doc = $setup]
        /// use overdue::rate::RateTable;
        /// let c = base.with_lpr(RateTable::china_lpr_one_year().with(d(2026, 6, 22), Rate::annual(overdue::dec!(0.029))?)?);
        /// # let _ = c;
        /// # Ok::<(), overdue::Error>(())
        /// ```
        pub fn with_lpr(mut self, table: $crate::rate::RateTable) -> $ty {
            self.lpr = table;
            self
        }

        /// The ways out, in the order added.
        ///
        /// ```
        #[doc = $setup]
        /// assert!(base.options().is_empty());
        /// # Ok::<(), overdue::Error>(())
        /// ```
        pub fn options(&self) -> &[$crate::compare::Choice] {
            &self.options
        }

        /// The comparison date.
        ///
        /// ```
        #[doc = $setup]
        /// assert_eq!(base.as_of(), d(2026, 3, 1));
        /// # Ok::<(), overdue::Error>(())
        /// ```
        pub fn as_of(&self) -> chrono::NaiveDate {
            self.as_of
        }

        /// The borrower's monthly budget.
        ///
        /// ```
        #[doc = $setup]
        /// assert_eq!(base.budget().available(), Money::ZERO);
        /// # Ok::<(), overdue::Error>(())
        /// ```
        pub fn budget(&self) -> &$crate::compare::Budget {
            &self.budget
        }

        /// What every option is weighed with.
        pub(super) fn weighing(&self) -> $crate::compare::weigh::Weighing<'_> {
            $crate::compare::weigh::Weighing {
                context: $crate::compare::path::Context {
                    owed: self.owed(),
                    as_of: self.as_of,
                    lender: self.lender,
                },
                discount_rate: self.discount_rate,
                budget: &self.budget,
                lpr: &self.lpr,
                credit_record_years: self.credit_record_years,
                rank_by: self.rank_by,
                order: self.order,
            }
        }
    };
}
pub(super) use comparison_settings;

/// A borrower's question: given this loan, today, these ways out, this
/// budget and this discount rate, what does each path cost?
///
/// # Example: should I refinance?
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Comparison, Choice, WayOut, Budget};
/// # use overdue::accrual::{PenaltyBase, PenaltyRate};
/// # use overdue::compare::Refinance;
/// # use overdue::limits::LenderKind;
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(6000))?, Rate::annual(dec!(0.18))?, 6, d(2026, 1, 1))?;
/// let policy = OverduePolicy::new().with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005))?))
///     .with_penalty_base(PenaltyBase::OverdueInstallment);
/// let ledger = Ledger::new(plan, policy)?;                     // nothing paid: 3 installments overdue
/// let result = Comparison::new(ledger, d(2026, 4, 15), Budget::new(Money::new(dec!(5000))?, Money::new(dec!(3500))?),
///         Rate::annual(dec!(0.05))?)
///     .option(Choice::new("stay 60 days", WayOut::Stay { until: d(2026, 6, 14) }))
///     .option(Choice::new("family, 0 %", WayOut::Refinance(Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 6))))
///     .run()?;
/// assert_eq!(result.options[0].label, "family, 0 %");    // ranked by NPV, cheapest first
/// assert!(result.options[0].break_even.is_some());         // staying costs more from that day
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    pub(super) ledger: Ledger,
    pub(super) as_of: NaiveDate,
    pub(super) options: Vec<Choice>,
    pub(super) budget: Budget,
    pub(super) discount_rate: Rate,
    #[serde(default)]
    pub(super) rank_by: RankBy,
    #[serde(default)]
    pub(super) order: Order,
    #[serde(default)]
    pub(super) lender: LenderKind,
    #[serde(default = "default_record_years")]
    pub(super) credit_record_years: u32,
    #[serde(default = "RateTable::china_lpr_one_year")]
    pub(super) lpr: RateTable,
}

pub(super) fn default_record_years() -> u32 {
    5
}

impl Comparison {
    /// A comparison for the loan in `ledger` on `as_of`, with the borrower's
    /// monthly `budget` and `discount_rate` (their opportunity cost), no
    /// options yet; ranked by NPV; the current lender a licensed institution;
    /// a negative credit record kept five years after settlement (China's
    /// credit-reporting regulation); the one-year LPR table shipped with the
    /// crate.
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Comparison, Budget};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
    /// let c = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO);
    /// assert!(c.options().is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(ledger: Ledger, as_of: NaiveDate, budget: Budget, discount_rate: Rate) -> Comparison {
        Comparison {
            ledger,
            as_of,
            options: Vec::new(),
            budget,
            discount_rate,
            rank_by: RankBy::default(),
            order: Order::default(),
            lender: LenderKind::default(),
            credit_record_years: default_record_years(),
            lpr: RateTable::china_lpr_one_year(),
        }
    }

    /// The loan's ledger.
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Comparison, Budget};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
    /// let c = Comparison::new(ledger.clone(), d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO);
    /// assert_eq!(c.ledger(), &ledger);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    comparison_settings!(
        Comparison,
        "# use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Comparison, Budget};\n# let d = |y, m, dd| overdue::NaiveDate::from_ymd_opt(y, m, dd).unwrap();\n# let ledger = Ledger::new(Schedule::equal_installment(Money::new(overdue::dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;\nlet base = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO);"
    );
}

impl Comparison {
    /// What each way out is worked out against.
    /// The loan the comparison is about.
    fn owed(&self) -> Owed<'_> {
        Owed::Loan(&self.ledger)
    }

    /// What the budget leaves each month, at the loan's minor unit.
    pub(crate) fn monthly_budget(&self) -> crate::error::Result<Money> {
        self.weighing().monthly_budget()
    }
}
