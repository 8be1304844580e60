//! Compare every way out of an overdue debt, side by side.

mod rank;
mod stay;

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::accrual::{Ledger, Statement};
use crate::calendar::{DayCount, Frequency};
use crate::cost::{nominal_annual_rate, xirr, xnpv, CashFlow};
use crate::error::{overflow, Error, Result};
use crate::limits::{LenderKind, Warning};
use crate::money::Money;
use crate::rate::Rate;
use crate::rate::RateTable;
use crate::ratio::Ratio;
use crate::restructure::{PlanFee, Restructure};
use crate::schedule::{Method, Schedule, ScheduleOptions};

pub use rank::{MonthOverBudget, Order};

/// A new loan that pays today's payoff amount.
///
/// Its principal is the payoff plus an upfront fee that is added, or grossed
/// up so that what is left after a deducted fee is exactly the payoff (a
/// share is then `principal − payoff`, rounded up to the minor unit).
///
/// ```
/// use overdue::{LenderKind, Method, PlanFee, Rate, Ratio, Refinance};
/// use overdue::dec;
/// let small_loan = Refinance::new(LenderKind::LicensedInstitution, Rate::annual(dec!(0.15))?, 12)
///     .upfront_fee(PlanFee::Share(Ratio::new(dec!(0.02))?), true);
/// let family = Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 6).method(Method::EqualPrincipal);
/// assert_ne!(small_loan, family);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Refinance {
    lender: LenderKind,
    rate: Rate,
    installments: u32,
    #[serde(default)]
    method: Method,
    #[serde(default)]
    frequency: Frequency,
    #[serde(default)]
    upfront_fee: Option<PlanFee>,
    #[serde(default)]
    fee_deducted: bool,
    #[serde(default)]
    recurring_fee: Option<Money>,
}

impl Refinance {
    /// A loan from `lender` at `rate` in `installments` equal monthly installments.
    ///
    /// ```
    /// use overdue::{LenderKind, Rate, Refinance};
    /// let r = Refinance::new(LenderKind::PrivateLender, Rate::ZERO, 3);
    /// assert_eq!(r.get_lender(), LenderKind::PrivateLender);
    /// ```
    pub fn new(lender: LenderKind, rate: Rate, installments: u32) -> Refinance {
        Refinance {
            lender,
            rate,
            installments,
            method: Method::default(),
            frequency: Frequency::default(),
            upfront_fee: None,
            fee_deducted: false,
            recurring_fee: None,
        }
    }

    /// Sets the schedule method (default equal installment).
    ///
    /// ```
    /// use overdue::{LenderKind, Method, Rate, Refinance};
    /// let r = Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 6).method(Method::Bullet);
    /// # let _ = r;
    /// ```
    pub fn method(mut self, method: Method) -> Refinance {
        self.method = method;
        self
    }

    /// Sets the frequency (default monthly).
    ///
    /// ```
    /// use overdue::{Frequency, LenderKind, Rate, Refinance};
    /// let r = Refinance::new(LenderKind::PrivateLender, Rate::ZERO, 6).frequency(Frequency::Biweekly);
    /// # let _ = r;
    /// ```
    pub fn frequency(mut self, frequency: Frequency) -> Refinance {
        self.frequency = frequency;
        self
    }

    /// Sets an upfront fee, deducted from what is lent or added to it.
    ///
    /// ```
    /// use overdue::{LenderKind, Money, PlanFee, Rate, Refinance};
    /// let r = Refinance::new(LenderKind::PrivateLender, Rate::ZERO, 6).upfront_fee(PlanFee::Flat(Money::ZERO), false);
    /// # let _ = r;
    /// ```
    pub fn upfront_fee(mut self, fee: PlanFee, deducted: bool) -> Refinance {
        self.upfront_fee = Some(fee);
        self.fee_deducted = deducted;
        self
    }

    /// Sets a fee paid with every installment.
    ///
    /// ```
    /// use overdue::{LenderKind, Money, Rate, Refinance};
    /// use overdue::dec;
    /// let r = Refinance::new(LenderKind::LicensedInstitution, Rate::ZERO, 6).recurring_fee(Money::new(dec!(5))?);
    /// # let _ = r;
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn recurring_fee(mut self, fee: Money) -> Refinance {
        self.recurring_fee = Some(fee);
        self
    }

    /// The number of installments.
    ///
    /// ```
    /// use overdue::{LenderKind, Rate, Refinance};
    /// assert_eq!(Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 6).get_installments(), 6);
    /// ```
    pub fn get_installments(&self) -> u32 {
        self.installments
    }

    /// Sets the number of installments (what
    /// [`Comparison::fit_to_budget`] varies).
    ///
    /// ```
    /// use overdue::{LenderKind, Rate, Refinance};
    /// assert_eq!(Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 6).installments(9).get_installments(), 9);
    /// ```
    pub fn installments(mut self, installments: u32) -> Refinance {
        self.installments = installments;
        self
    }

    /// The lender.
    ///
    /// ```
    /// use overdue::{LenderKind, Rate, Refinance};
    /// assert_eq!(Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 6).get_lender(), LenderKind::FamilyOrFriends);
    /// ```
    pub fn get_lender(&self) -> LenderKind {
        self.lender
    }

    /// The recurring fee per installment, if any.
    ///
    /// ```
    /// use overdue::{LenderKind, Rate, Refinance};
    /// assert_eq!(Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 6).get_recurring_fee(), None);
    /// ```
    pub fn get_recurring_fee(&self) -> Option<Money> {
        self.recurring_fee
    }

    /// The new loan's schedule when it pays `payoff` on `day`: its principal
    /// is the payoff plus an added fee, or grossed up for a deducted one.
    pub(crate) fn schedule(&self, payoff: Money, day: NaiveDate, rounding: crate::money::Rounding) -> Result<Schedule> {
        let principal = refinance_principal(self, payoff, rounding.scale())?;
        Schedule::build(
            &ScheduleOptions::new(principal, self.rate, self.installments, day)
                .method(self.method)
                .frequency(self.frequency)
                .rounding(rounding),
        )
    }
}

/// What a debt-management service charges.
///
/// ```
/// use overdue::{Ratio, ServiceFee};
/// use overdue::dec;
/// let fee = ServiceFee::ShareOfDebt(Ratio::new(dec!(0.15))?);
/// # let _ = fee;
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ServiceFee {
    /// A fixed amount, paid on signing.
    Flat(Money),
    /// A share of today's debt (the payoff amount), paid on signing.
    ShareOfDebt(Ratio),
    /// A share of what the negotiation saves, paid at settlement.
    ShareOfSavings(Ratio),
}

/// A debt-management service: it negotiates a reduction, and the borrower
/// pays the reduced debt when the settlement is reached.
///
/// ```
/// use overdue::{DebtService, Ratio, ServiceFee};
/// use overdue::dec;
/// let s = DebtService::new(ServiceFee::ShareOfDebt(Ratio::new(dec!(0.15))?), Ratio::new(dec!(0.2))?, 3);
/// assert_eq!(s.get_months(), 3);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DebtService {
    fee: ServiceFee,
    reduction: Ratio,
    months: u32,
    #[serde(default)]
    freeze_penalties: bool,
}

impl DebtService {
    /// A service charging `fee` that negotiates `reduction` off the debt,
    /// settled after `months`; penalties keep accruing meanwhile.
    ///
    /// ```
    /// use overdue::{DebtService, Money, Ratio, ServiceFee};
    /// let s = DebtService::new(ServiceFee::Flat(Money::ZERO), Ratio::ZERO, 1);
    /// assert!(!s.get_freeze_penalties());
    /// ```
    pub fn new(fee: ServiceFee, reduction: Ratio, months: u32) -> DebtService {
        DebtService {
            fee,
            reduction,
            months,
            freeze_penalties: false,
        }
    }

    /// The lender freezes penalties while the settlement is negotiated.
    ///
    /// ```
    /// use overdue::{DebtService, Money, Ratio, ServiceFee};
    /// assert!(DebtService::new(ServiceFee::Flat(Money::ZERO), Ratio::ZERO, 1).freeze_penalties().get_freeze_penalties());
    /// ```
    pub fn freeze_penalties(mut self) -> DebtService {
        self.freeze_penalties = true;
        self
    }

    /// The months until the settlement is paid.
    ///
    /// ```
    /// use overdue::{DebtService, Money, Ratio, ServiceFee};
    /// assert_eq!(DebtService::new(ServiceFee::Flat(Money::ZERO), Ratio::ZERO, 4).get_months(), 4);
    /// ```
    pub fn get_months(&self) -> u32 {
        self.months
    }

    /// Whether penalties are frozen meanwhile.
    ///
    /// ```
    /// use overdue::{DebtService, Money, Ratio, ServiceFee};
    /// assert!(!DebtService::new(ServiceFee::Flat(Money::ZERO), Ratio::ZERO, 4).get_freeze_penalties());
    /// ```
    pub fn get_freeze_penalties(&self) -> bool {
        self.freeze_penalties
    }
}

/// One way out of the debt.
///
/// ```
/// use overdue::NaiveDate;
/// use overdue::WayOut;
/// let stay = WayOut::Stay { until: NaiveDate::from_ymd_opt(2026, 8, 23).unwrap() };
/// assert_ne!(stay, WayOut::PayNow);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[non_exhaustive]
pub enum WayOut {
    /// Pay the payoff amount today.
    PayNow,
    /// Stay overdue until a date, then pay everything (penalties keep
    /// accruing under the loan's policy and caps).
    Stay {
        /// The day everything is paid.
        until: NaiveDate,
    },
    /// A deferral or restructure of the loan (dated on or after the
    /// comparison date), then every new installment paid when due.
    Restructure(Restructure),
    /// A new loan pays the payoff today; then its installments.
    Refinance(Refinance),
    /// A debt-management service.
    DebtService(DebtService),
}

/// A labelled way out.
///
/// ```
/// use overdue::{Choice, WayOut};
/// let c = Choice::new("pay now", WayOut::PayNow);
/// assert_eq!(c.label(), "pay now");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    label: String,
    way: WayOut,
}

impl Choice {
    /// A way out with a label for the report.
    ///
    /// ```
    /// use overdue::{Choice, WayOut};
    /// assert_eq!(Choice::new("now", WayOut::PayNow).way(), &WayOut::PayNow);
    /// ```
    pub fn new(label: impl Into<String>, way: WayOut) -> Choice {
        Choice {
            label: label.into(),
            way,
        }
    }

    /// Its label.
    ///
    /// ```
    /// # use overdue::*;
    /// assert_eq!(Choice::new("x", WayOut::PayNow).label(), "x");
    /// ```
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The way out.
    ///
    /// ```
    /// # use overdue::*;
    /// assert_eq!(Choice::new("x", WayOut::PayNow).way(), &WayOut::PayNow);
    /// ```
    pub fn way(&self) -> &WayOut {
        &self.way
    }
}

/// The borrower's monthly budget: income and essential expenses.
///
/// ```
/// use overdue::{Budget, Money};
/// use overdue::dec;
/// let b = Budget::new(Money::new(dec!(6000))?, Money::new(dec!(4200))?);
/// assert_eq!(b.available(), Money::new(dec!(1800))?);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Budget {
    income: Money,
    essential_expenses: Money,
}

impl Budget {
    /// A monthly budget.
    ///
    /// ```
    /// use overdue::{Budget, Money};
    /// assert_eq!(Budget::new(Money::ZERO, Money::ZERO).available(), Money::ZERO);
    /// ```
    pub fn new(income: Money, essential_expenses: Money) -> Budget {
        Budget {
            income,
            essential_expenses,
        }
    }

    /// What can be paid each month: income − essential expenses (zero if
    /// expenses are higher).
    ///
    /// ```
    /// use overdue::{Budget, Money};
    /// use overdue::dec;
    /// assert_eq!(Budget::new(Money::ZERO, Money::new(dec!(1))?).available(), Money::ZERO);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn available(&self) -> Money {
        self.income.saturating_sub(self.essential_expenses)
    }
}

/// What the ranking orders by (ascending). The default is [`RankBy::Npv`].
///
/// ```
/// assert_eq!(overdue::RankBy::default(), overdue::RankBy::Npv);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RankBy {
    /// The present value of the payments at the borrower's discount rate.
    /// The default.
    #[default]
    Npv,
    /// The total paid.
    TotalPaid,
    /// The largest amount paid in one calendar month.
    PeakMonthlyPayment,
}

impl fmt::Display for RankBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RankBy::Npv => "NPV",
            RankBy::TotalPaid => "total paid",
            RankBy::PeakMonthlyPayment => "peak monthly payment",
        })
    }
}

/// A borrower's question: given this loan, today, these ways out, this
/// budget and this discount rate, what does each path cost?
///
/// # Example: should I refinance?
/// ```
/// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(6000))?, Rate::annual(dec!(0.18))?, 6, d(2026, 1, 1))?;
/// let policy = OverduePolicy::new().penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005))?))
///     .penalty_base(PenaltyBase::OverdueInstallment);
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
    ledger: Ledger,
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
    #[serde(default = "default_record_years")]
    credit_record_years: u32,
    #[serde(default = "RateTable::china_lpr_one_year")]
    lpr: RateTable,
}

fn default_record_years() -> u32 {
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
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
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

    /// Adds a way out.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
    /// let c = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO)
    ///     .option(Choice::new("now", WayOut::PayNow));
    /// assert_eq!(c.options().len(), 1);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn option(mut self, choice: Choice) -> Comparison {
        self.options.push(choice);
        self
    }

    /// Sets what the ranking orders by (default NPV).
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
    /// let c = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO)
    ///     .rank_by(RankBy::TotalPaid);
    /// # let _ = c;
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn rank_by(mut self, key: RankBy) -> Comparison {
        self.rank_by = key;
        self
    }

    /// Sets whether options the borrower can afford rank first (the
    /// default, [`Order::AffordableFirst`]) or money alone decides
    /// ([`Order::MoneyOnly`]).
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
    /// let c = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO)
    ///     .order(Order::MoneyOnly);
    /// # let _ = c;
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn order(mut self, order: Order) -> Comparison {
        self.order = order;
        self
    }

    /// Sets who the current lender is (default a licensed institution); a
    /// private lender's loan is checked against the private-lending cap.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
    /// let c = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO)
    ///     .lender(LenderKind::PrivateLender);
    /// # let _ = c;
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn lender(mut self, lender: LenderKind) -> Comparison {
        self.lender = lender;
        self
    }

    /// Sets how many years a negative credit record may be kept after the
    /// debt is settled (default 5).
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
    /// let c = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO)
    ///     .credit_record_years(7);
    /// # let _ = c;
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn credit_record_years(mut self, years: u32) -> Comparison {
        self.credit_record_years = years;
        self
    }

    /// Sets the LPR table for the private-lending cap (default
    /// [`RateTable::china_lpr_one_year`]).
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
    /// let c = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO)
    ///     .lpr(RateTable::china_lpr_one_year().with(d(2026, 6, 22), Rate::annual(dec!(0.029))?)?);
    /// # let _ = c;
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn lpr(mut self, table: RateTable) -> Comparison {
        self.lpr = table;
        self
    }

    /// The ways out, in the order added.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
    /// let c = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO);
    /// assert!(c.options().is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn options(&self) -> &[Choice] {
        &self.options
    }

    /// The loan's ledger.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
    /// let c = Comparison::new(ledger.clone(), d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO);
    /// assert_eq!(c.ledger(), &ledger);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// The comparison date.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
    /// let c = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO);
    /// assert_eq!(c.as_of(), d(2026, 3, 1));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// Works out every option and ranks them.
    ///
    /// # Errors
    /// [`Error::Invalid`] if there are no options, if nothing is owed, or if
    /// an option is dated before the comparison date; the errors of the
    /// statement, the restructure and the schedule behind each option.
    ///
    /// ```
    /// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
    /// let none = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::ZERO, Money::ZERO), Rate::ZERO);
    /// assert!(matches!(none.run(), Err(Error::Invalid { .. })));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn run(&self) -> Result<ComparisonResult> {
        if self.options.is_empty() {
            return Err(Error::Invalid {
                field: "comparison",
                reason: "there are no options to compare".into(),
            });
        }
        let statement = self.ledger.statement(self.as_of)?;
        if statement.payoff.is_zero() {
            return Err(Error::Invalid {
                field: "comparison",
                reason: format!("nothing is owed on {}", self.as_of),
            });
        }
        let mut options = self
            .options
            .iter()
            .map(|choice| self.evaluate(choice, &statement))
            .collect::<Result<Vec<_>>>()?;
        // every option's break-even searched at once: each round of probes is one replay
        let totals: Vec<Option<Money>> = options
            .iter()
            .map(|o| (!matches!(o.way, WayOut::Stay { .. })).then_some(o.total_paid))
            .collect();
        let curve = stay::StayCurve::new(&self.ledger, self.as_of);
        for (option, (day, delay)) in options.iter_mut().zip(curve.break_evens(&totals)?) {
            option.break_even = day;
            option.longest_delay_days = delay;
        }
        self.rank(&mut options)?;
        Ok(ComparisonResult {
            as_of: self.as_of,
            payoff: statement.payoff,
            monthly_budget: self.monthly_budget()?,
            rank_by: self.rank_by,
            order: self.order,
            statement,
            options,
        })
    }

    /// What the budget leaves each month, rounded to the loan's minor unit
    /// (a budget given as `1800` is reported as `1800.00`, as every other amount).
    pub(crate) fn monthly_budget(&self) -> Result<Money> {
        let rounding = self.ledger.policy().get_rounding();
        let minor = self
            .budget
            .available()
            .round(rounding)
            .to_minor("monthly budget", rounding.scale())?;
        Money::from_minor(minor, rounding.scale())
    }

    /// What the borrower pays on one way out, and what it does to the loan.
    fn path(&self, way: &WayOut, today: &Statement) -> Result<Path> {
        let on_this_loan = |payments, highest_dpd, settled_on| Path {
            payments,
            highest_dpd,
            settled_on,
            cured_on: settled_on,
            contract: (self.ledger.schedule().disbursement(), self.lender),
            warnings: Vec::new(),
        };
        match way {
            WayOut::PayNow => Ok(on_this_loan(
                vec![(self.as_of, today.payoff)],
                today.days_past_due,
                self.as_of,
            )),
            WayOut::Stay { until } => {
                let until = self.not_before(*until, "stay date")?;
                let st = self.ledger.statement(until)?;
                Ok(on_this_loan(vec![(until, st.payoff)], st.days_past_due, until))
            }
            WayOut::Restructure(r) => {
                let (payments, highest, last, cured) = self.restructure_payments(r, today)?;
                Ok(Path {
                    cured_on: cured,
                    ..on_this_loan(payments, highest, last)
                })
            }
            WayOut::Refinance(r) => self.refinance_path(r, today),
            WayOut::DebtService(s) => self.debt_service_path(s, today),
        }
    }

    /// A restructure on a copy of the ledger: its down payment, then each new
    /// installment when due; the worst days past due, the last due date, and
    /// the day the delinquency ends (the restructure's, when it leaves nothing
    /// past due; else the last due date).
    fn restructure_payments(
        &self,
        r: &Restructure,
        today: &Statement,
    ) -> Result<(Payments, u32, NaiveDate, NaiveDate)> {
        let day = self.not_before(r.date(), "restructure date")?;
        let mut ledger = self.ledger.clone();
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

    /// A new loan that pays today's payoff: its installments and recurring fees.
    fn refinance_path(&self, r: &Refinance, today: &Statement) -> Result<Path> {
        let rounding = self.ledger.schedule().options().get_rounding();
        let schedule = r.schedule(today.payoff, self.as_of, rounding)?;
        let fee = r.recurring_fee.unwrap_or(Money::ZERO);
        let payments = schedule
            .installments()
            .iter()
            .map(|row| Ok((row.due_date, row.payment.checked_add(fee)?)))
            .collect::<Result<Payments>>()?;
        let mut warnings = Vec::new();
        if r.lender != LenderKind::LicensedInstitution {
            warnings.push(Warning::LenderRisk { lender: r.lender });
        }
        Ok(Path {
            payments,
            highest_dpd: today.days_past_due,
            settled_on: self.as_of,
            cured_on: self.as_of,
            contract: (self.as_of, r.lender),
            warnings,
        })
    }

    /// A debt-management service: its fee, then the reduced debt at settlement.
    fn debt_service_path(&self, s: &DebtService, today: &Statement) -> Result<Path> {
        let settle = self
            .as_of
            .checked_add_months(Months::new(s.months))
            .ok_or(Error::DateOutOfRange {
                operation: "debt-service settlement date",
            })?;
        let at_settlement = self.ledger.statement(settle)?;
        let debt = if s.freeze_penalties {
            today.payoff
        } else {
            at_settlement.payoff
        };
        let rounding = self.ledger.policy().get_rounding();
        let share = |amount: Money, r: Ratio| -> Result<Money> {
            let v = amount
                .as_decimal()
                .checked_mul(r.as_decimal())
                .ok_or_else(|| overflow("debt-service share"))?;
            Money::new(rounding.round(v))
        };
        let reduction = share(debt, s.reduction)?;
        let settlement = debt.checked_sub(reduction.min(debt))?;
        let (fee_day, fee) = match s.fee {
            ServiceFee::Flat(m) => (self.as_of, m),
            ServiceFee::ShareOfDebt(r) => (self.as_of, share(today.payoff, r)?),
            ServiceFee::ShareOfSavings(r) => (settle, share(reduction, r)?),
        };
        let mut warnings = vec![Warning::ServiceRisk];
        // a fee before any debt is settled: unlawful in US telemarketed debt relief
        // (16 CFR 310.4(a)(5)(i))
        if fee_day < settle && !fee.is_zero() {
            warnings.push(Warning::AdvanceFee { fee });
        }
        // what the service saves against paying the whole debt at settlement
        let savings = at_settlement.payoff.saturating_sub(settlement);
        if fee > savings {
            warnings.push(Warning::FeeAboveSavings { fee, savings });
        }
        Ok(Path {
            payments: vec![(fee_day, fee), (settle, settlement)],
            highest_dpd: at_settlement.days_past_due,
            settled_on: settle,
            cured_on: settle,
            contract: (self.ledger.schedule().disbursement(), self.lender),
            warnings,
        })
    }

    /// The option's figures; its break-even day is left for [`Comparison::run`]
    /// to search with every other option's.
    fn evaluate(&self, choice: &Choice, today: &Statement) -> Result<OptionResult> {
        let payoff = today.payoff;
        let Path {
            payments,
            highest_dpd,
            settled_on,
            cured_on,
            contract,
            mut warnings,
        } = self.path(&choice.way, today)?;
        let payments: Payments = payments.into_iter().filter(|p| !p.1.is_zero()).collect();
        let cash_flows: Vec<CashFlow> = payments
            .iter()
            .map(|&(date, amount)| CashFlow::new(date, -amount.as_decimal()))
            .collect();
        let total_paid = Money::sum(payments.iter().map(|p| p.1))?;
        let cost = crate::money::exact_sub(total_paid.as_decimal(), payoff.as_decimal())
            .ok_or_else(|| overflow("option cost"))?;
        let npv = present_cost(
            self.as_of,
            &payments,
            self.discount_rate,
            self.ledger.policy().get_rounding(),
        )?;
        // the option's flows against today's payoff: what it costs as a rate
        let mut against = vec![CashFlow::new(self.as_of, payoff.as_decimal())];
        against.extend(cash_flows.iter().copied());
        // rates to 10 places, the accuracy the XIRR solver guarantees, except where
        // rounding would reach -100 %, a value the solver never returns: then as solved
        let (effective_rate, apr) = match xirr(&against) {
            Ok(e) => (
                Some(reported_rate(e, e)),
                nominal_annual_rate(e, Frequency::Monthly)
                    .ok()
                    .map(|r| reported_rate(r.value(), e)),
            ),
            Err(_) => (None, None),
        };
        warnings.extend(legal_warnings(contract, apr, &self.lpr)?);
        let months = monthly_totals(&payments)?;
        let peak_monthly = months.iter().map(|m| m.1).max().unwrap_or(Money::ZERO);
        let span = months.len().max(1);
        let average = total_paid
            .as_decimal()
            .checked_div(Decimal::from(span))
            .ok_or_else(|| overflow("average monthly payment"))?;
        let average_monthly = Money::new(self.ledger.policy().get_rounding().round(average))?;
        let budget = self.monthly_budget()?;
        let months_over_budget = u32::try_from(months.iter().filter(|m| m.1 > budget).count()).unwrap_or(u32::MAX);
        let first_over_budget = months
            .iter()
            .find(|m| m.1 > budget)
            .map(|&((year, month), paid)| {
                Ok::<_, Error>(MonthOverBudget {
                    month: NaiveDate::from_ymd_opt(year, month, 1).ok_or(Error::DateOutOfRange {
                        operation: "month over budget",
                    })?,
                    paid,
                    over_by: paid.checked_sub(budget)?,
                })
            })
            .transpose()?;
        if months_over_budget > 0 {
            warnings.push(Warning::OverBudget {
                months: months_over_budget,
                peak: peak_monthly,
                budget,
            });
        }
        // the record runs from the day the adverse event ends (征信业管理条例, art. 16)
        let record_until = cured_on
            .checked_add_months(Months::new(self.credit_record_years.saturating_mul(12)))
            .ok_or(Error::DateOutOfRange {
                operation: "credit record date",
            })?;
        Ok(OptionResult {
            label: choice.label.clone(),
            way: choice.way.clone(),
            cash_flows,
            total_paid,
            cost,
            npv,
            effective_rate,
            apr,
            peak_monthly,
            average_monthly,
            months_over_budget,
            affordable: first_over_budget.is_none() && !warnings.iter().any(Warning::breaks_a_legal_limit),
            first_over_budget,
            warnings,
            credit: CreditImpact {
                highest_days_past_due: highest_dpd,
                bucket: self
                    .ledger
                    .policy()
                    .get_buckets()
                    .bucket(highest_dpd)
                    .label()
                    .to_owned(),
                settled_on,
                delinquency_ends: cured_on,
                negative_record_until: record_until,
            },
            break_even: None,
            longest_delay_days: None,
            rank: 0,
            reason: String::new(),
        })
    }

    fn not_before(&self, day: NaiveDate, field: &'static str) -> Result<NaiveDate> {
        if day < self.as_of {
            return Err(Error::DateOrder {
                earlier: "comparison date",
                earlier_date: self.as_of,
                later: field,
                later_date: day,
            });
        }
        Ok(day)
    }
}

/// What `payments` by the borrower are worth on `as_of` at the annual
/// `rate` (Act/365F), rounded with `rounding`: the NPV of a way out or a plan.
pub(crate) fn present_cost(
    as_of: NaiveDate,
    payments: &[(NaiveDate, Money)],
    rate: Rate,
    rounding: crate::money::Rounding,
) -> Result<Money> {
    // discounted to `as_of` (xnpv counts time from its earliest flow)
    let mut flows = vec![CashFlow::new(as_of, Decimal::ZERO)];
    flows.extend(
        payments
            .iter()
            .map(|&(date, amount)| CashFlow::new(date, -amount.as_decimal())),
    );
    let present_value = xnpv(&flows, rate, DayCount::Act365Fixed)?;
    Money::new(rounding.round(-present_value))
}

/// The legal limits a contract of `lender` made on `day` breaks at the
/// simple annual rate `apr` of its interest, penalties and fees.
pub(crate) fn legal_warnings(
    contract: (NaiveDate, LenderKind),
    apr: Option<Decimal>,
    lpr: &RateTable,
) -> Result<Vec<Warning>> {
    match apr {
        Some(simple) => Ok(crate::limits::court_checks(contract, simple, lpr)?.warnings()),
        None => Ok(Vec::new()),
    }
}

/// Dated payments by the borrower.
type Payments = Vec<(NaiveDate, Money)>;

/// One way out worked into payments: when the borrower pays what, the worst
/// days past due on the way, when the overdue debt is settled, the contract
/// (date and lender) whose legal cap applies, and warnings of its own.
struct Path {
    payments: Payments,
    highest_dpd: u32,
    settled_on: NaiveDate,
    /// The day the delinquency ends (cured or settled).
    cured_on: NaiveDate,
    contract: (NaiveDate, LenderKind),
    warnings: Vec<Warning>,
}

/// The principal of a refinance loan: the payoff plus an added fee, or grossed
/// up so that what is left after a deducted fee is exactly the payoff.
fn refinance_principal(r: &Refinance, payoff: Money, scale: u32) -> Result<Money> {
    match (r.upfront_fee, r.fee_deducted) {
        (None, _) => Ok(payoff),
        (Some(PlanFee::Flat(fee)), _) => payoff.checked_add(fee),
        (Some(PlanFee::Share(share)), false) => {
            let fee = payoff
                .as_decimal()
                .checked_mul(share.as_decimal())
                .ok_or_else(|| overflow("refinance fee"))?;
            payoff.checked_add(Money::new(fee.round_dp(scale))?)
        }
        (Some(PlanFee::Share(share)), true) => {
            let keep = Decimal::ONE
                .checked_sub(share.as_decimal())
                .ok_or_else(|| overflow("refinance fee share"))?;
            if keep <= Decimal::ZERO {
                return Err(Error::Invalid {
                    field: "refinance fee",
                    reason: format!("a deducted fee of {share} leaves nothing to lend"),
                });
            }
            let principal = payoff
                .as_decimal()
                .checked_div(keep)
                .ok_or_else(|| overflow("refinance principal"))?
                .round_dp_with_strategy(scale, rust_decimal::RoundingStrategy::AwayFromZero);
            Money::new(principal)
        }
    }
}

/// Payments summed by calendar month, in order, from the first month to the
/// last (months with nothing paid included).
/// `rate` rounded to 10 places, unless the effective rate it comes from
/// would round to -100 % or below: then `rate` as solved (16 places).
fn reported_rate(rate: Decimal, effective: Decimal) -> Decimal {
    if effective.round_dp(10) <= Decimal::NEGATIVE_ONE {
        rate.round_dp(16)
    } else {
        rate.round_dp(10)
    }
}

fn monthly_totals(payments: &[(NaiveDate, Money)]) -> Result<Vec<((i32, u32), Money)>> {
    let key = |d: NaiveDate| (d.year(), d.month());
    let (Some(first), Some(last)) = (
        payments.iter().map(|p| key(p.0)).min(),
        payments.iter().map(|p| key(p.0)).max(),
    ) else {
        return Ok(Vec::new());
    };
    let mut months = Vec::new();
    let mut month = first;
    loop {
        let total = Money::sum(payments.iter().filter(|p| key(p.0) == month).map(|p| p.1))?;
        months.push((month, total));
        if month >= last {
            return Ok(months);
        }
        month = if month.1 == 12 {
            (month.0 + 1, 1)
        } else {
            (month.0, month.1 + 1)
        };
    }
}

/// What an option does to the borrower's credit record.
///
/// ```
/// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
/// let r = Comparison::new(ledger, d(2026, 3, 13), Budget::new(Money::new(dec!(500))?, Money::ZERO), Rate::ZERO)
///     .option(Choice::new("now", WayOut::PayNow)).run()?;
/// let credit = &r.options[0].credit;                     // the first installment was due 02-01
/// assert_eq!((credit.highest_days_past_due, credit.bucket.as_str()), (40, "M2"));
/// assert_eq!(credit.negative_record_until, d(2031, 3, 13)); // five years after settling today
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct CreditImpact {
    /// The most days past due the loan reaches on this path (a restructure
    /// or deferral paid on time adds none).
    pub highest_days_past_due: u32,
    /// The bucket of that.
    pub bucket: String,
    /// The day the overdue debt is settled (a refinance settles it today; a
    /// restructure when its last installment is paid).
    pub settled_on: NaiveDate,
    /// The day the delinquency ends: cured (a restructure that leaves
    /// nothing past due ends it on its date) or settled.
    pub delinquency_ends: NaiveDate,
    /// How long the negative record may be kept: five years (by default)
    /// from the day the delinquency ends (征信业管理条例, art. 16).
    pub negative_record_until: NaiveDate,
}

/// One option, worked out.
///
/// ```
/// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
/// let r = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::new(dec!(500))?, Money::ZERO), Rate::ZERO)
///     .option(Choice::new("now", WayOut::PayNow)).run()?;
/// let now = &r.options[0];
/// assert_eq!(now.total_paid, r.payoff);
/// assert_eq!(now.cost, dec!(0));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct OptionResult {
    /// Its label.
    pub label: String,
    /// The way out.
    pub way: WayOut,
    /// What the borrower pays, when (borrower's view: paid is negative).
    pub cash_flows: Vec<CashFlow>,
    /// The total paid.
    pub total_paid: Money,
    /// Total paid − today's payoff (signed).
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub cost: Decimal,
    /// The present value of the payments at the borrower's discount rate
    /// (ACT/365F from the comparison date).
    pub npv: Money,
    /// The effective annual rate (XIRR) of the payments against today's
    /// payoff, to 10 places; none when there is no rate (everything paid
    /// today).
    #[serde(with = "crate::serde_str::option")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::optional_decimal"))]
    pub effective_rate: Option<Decimal>,
    /// The same as a nominal annual rate with monthly periods (the Chinese
    /// IRR method's nominal figure).
    #[serde(with = "crate::serde_str::option")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::optional_decimal"))]
    pub apr: Option<Decimal>,
    /// The largest total in one calendar month.
    pub peak_monthly: Money,
    /// The total over the calendar months from the first payment to the last.
    pub average_monthly: Money,
    /// Calendar months whose total is above the budget.
    pub months_over_budget: u32,
    /// Whether the borrower can take it: every month within the budget and
    /// no legal cap broken.
    #[serde(default)]
    pub affordable: bool,
    /// The first calendar month above the budget, if any.
    #[serde(default)]
    pub first_over_budget: Option<MonthOverBudget>,
    /// Warnings.
    pub warnings: Vec<Warning>,
    /// The credit impact.
    pub credit: CreditImpact,
    /// The first day on which staying overdue (then paying everything) costs
    /// more than this option in total; none within ten years.
    pub break_even: Option<NaiveDate>,
    /// The longest stay (in days from the comparison date) that still costs
    /// no more than this option.
    pub longest_delay_days: Option<u32>,
    /// Its rank, 1 = best.
    pub rank: u32,
    /// Why it ranks where it does.
    pub reason: String,
}

/// Every option worked out and ranked. Built by [`Comparison::run`].
///
/// ```
/// # use overdue::NaiveDate; use overdue::*; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// # let ledger = Ledger::new(Schedule::equal_installment(Money::new(dec!(600))?, Rate::ZERO, 6, d(2026, 1, 1))?, OverduePolicy::new())?;
/// let r = Comparison::new(ledger, d(2026, 3, 1), Budget::new(Money::new(dec!(500))?, Money::ZERO), Rate::ZERO)
///     .option(Choice::new("now", WayOut::PayNow)).run()?;
/// assert_eq!(r.options[0].rank, 1);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct ComparisonResult {
    /// The comparison date.
    pub as_of: NaiveDate,
    /// Today's payoff amount.
    pub payoff: Money,
    /// What the budget leaves each month.
    pub monthly_budget: Money,
    /// What the ranking ordered by.
    pub rank_by: RankBy,
    /// Whether affordable options ranked first.
    #[serde(default)]
    pub order: Order,
    /// Today's statement.
    pub statement: Statement,
    /// The options, best first.
    pub options: Vec<OptionResult>,
}

/// The fields of [`WayOut::Stay`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct StayFields {
    until: NaiveDate,
}

impl crate::serde_tagged::Tagged for WayOut {
    const EXPECTING: &'static str = "a way out";
    const KINDS: &'static [&'static str] = &["pay_now", "stay", "restructure", "refinance", "debt_service"];
    fn variant<'de, D: serde::Deserializer<'de>>(kind: &str, fields: D) -> std::result::Result<Self, D::Error> {
        use crate::serde_tagged::NoFields;
        match kind {
            "pay_now" => NoFields::deserialize(fields).map(|_| WayOut::PayNow),
            "stay" => StayFields::deserialize(fields).map(|f| WayOut::Stay { until: f.until }),
            "restructure" => Restructure::deserialize(fields).map(WayOut::Restructure),
            "refinance" => Refinance::deserialize(fields).map(WayOut::Refinance),
            _ => DebtService::deserialize(fields).map(WayOut::DebtService),
        }
    }
}

crate::serde_tagged::deserialize_tagged!(WayOut);
