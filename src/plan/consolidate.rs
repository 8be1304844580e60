//! Consolidation: one new loan that pays off some of the loans today,
//! against the best plan without it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Debt, Plan, PlanResult};
use crate::accrual::{Ledger, OverduePolicy};
use crate::calendar::Frequency;
use crate::compare::{legal_warnings, Refinance};
use crate::cost::{nominal_annual_rate, xirr, CashFlow};
use crate::error::{overflow, Error, Result};
use crate::limits::{LenderKind, Warning};
use crate::money::Money;
use crate::rate::RateTable;

/// A consolidation loan (以贷养贷 when it comes from another lender to pay
/// the first): a [`Refinance`] disbursed on the plan's first day that pays
/// off the named loans, booked with its own policy.
///
/// ```
/// use overdue::{plan::Consolidation, limits::LenderKind, Rate, compare::Refinance};
/// use overdue::dec;
/// let c = Consolidation::new(["A", "B"], Refinance::new(LenderKind::LicensedInstitution, Rate::annual(dec!(0.12))?, 12));
/// assert_eq!(c.loans, ["A", "B"]);
/// assert_eq!(c.label, "consolidation loan");
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Consolidation {
    /// The labels of the loans it pays off.
    pub loans: Vec<String>,
    /// The new loan's terms.
    pub refinance: Refinance,
    /// The new loan's label in the plan (default `consolidation loan`).
    #[serde(default = "default_label")]
    pub label: String,
    /// The new loan's overdue policy (default [`OverduePolicy::new`]).
    #[serde(default)]
    pub policy: OverduePolicy,
}

fn default_label() -> String {
    "consolidation loan".into()
}

impl Consolidation {
    /// Pays off `loans` with `refinance`.
    ///
    /// ```
    /// use overdue::{plan::Consolidation, limits::LenderKind, Rate, compare::Refinance};
    /// let c = Consolidation::new(["A"], Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 6));
    /// assert_eq!(c.loans.len(), 1);
    /// ```
    pub fn new<S: Into<String>>(loans: impl IntoIterator<Item = S>, refinance: Refinance) -> Consolidation {
        Consolidation {
            loans: loans.into_iter().map(Into::into).collect(),
            refinance,
            label: default_label(),
            policy: OverduePolicy::new(),
        }
    }

    /// The new loan's overdue policy.
    ///
    /// ```
    /// use overdue::{plan::Consolidation, limits::LenderKind, OverduePolicy, Rate, compare::Refinance};
    /// let c = Consolidation::new(["A"], Refinance::new(LenderKind::FamilyOrFriends, Rate::ZERO, 6))
    ///     .with_policy(OverduePolicy::new().with_charge_off_after(180));
    /// assert_eq!(c.policy.charge_off_after(), Some(180));
    /// ```
    pub fn with_policy(mut self, policy: OverduePolicy) -> Consolidation {
        self.policy = policy;
        self
    }
}

/// A consolidation against the best plan without it.
///
/// ```
/// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Plan};
/// # use overdue::accrual::PenaltyRate;
/// # use overdue::compare::Refinance;
/// # use overdue::limits::LenderKind;
/// # use overdue::plan::{Consolidation, Debt, MonthlyBudget};
/// # use overdue::NaiveDate; use overdue::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let late = OverduePolicy::new().with_penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.001))?));
/// let a = Ledger::new(Schedule::equal_installment(Money::new(dec!(3000))?, Rate::annual(dec!(0.24))?, 6, d(2026, 7, 5))?, late)?;
/// let owed = a.statement(d(2026, 10, 1))?.payoff;
/// let plan = Plan::new(d(2026, 10, 1), MonthlyBudget::Constant(Money::new(dec!(700))?), 10, 6).debt(Debt::new("A", a));
/// let c = plan.consolidate(&Consolidation::new(["A"], Refinance::new(LenderKind::LicensedInstitution, Rate::annual(dec!(0.10))?, 6)))?;
/// assert_eq!((c.paid_off, c.principal), (owed, owed));   // no fee: the new loan is exactly what A owed
/// assert!(c.saving > dec!(0)); // 10 % a year instead of 36.5 % a year in penalties
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConsolidationResult {
    /// What the consolidated loans owed on the plan's first day.
    pub paid_off: Money,
    /// The new loan's principal (with an added or grossed-up fee).
    pub principal: Money,
    /// The simple annual rate of the new loan's payments against what it
    /// pays off (what a court compares with a cap), if it has one.
    #[serde(with = "crate::serde_str::option")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::optional_decimal"))]
    pub apr: Option<Decimal>,
    /// The best plan without the new loan.
    pub without: PlanResult,
    /// The same strategy with the new loan in place of those it pays off.
    pub with: PlanResult,
    /// `without.cost − with.cost`: what consolidating saves (negative: what
    /// it costs).
    #[serde(with = "crate::serde_str")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::decimal"))]
    pub saving: Decimal,
    /// The new loan's legal-limit and lender warnings.
    pub warnings: Vec<Warning>,
}

impl Plan {
    /// Consolidates: one new loan pays off the named loans on the plan's
    /// first day; the plan then runs with it in their place, under the
    /// strategy [`Plan::compare`] recommends without it, and the two are
    /// set side by side.
    ///
    /// # Errors
    /// As for [`Plan::run`]; [`Error::Invalid`] for a label the plan does not
    /// have (or named twice), a new label the plan already uses, or a
    /// refinance with a recurring fee (a ledger books fees by policy, not
    /// per installment).
    ///
    /// ```
    /// # use overdue::{Money, Rate, Plan};
    /// # use overdue::compare::Refinance;
    /// # use overdue::limits::LenderKind;
    /// # use overdue::plan::{Consolidation, MonthlyBudget};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let plan = Plan::new(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(), MonthlyBudget::Constant(Money::new(dec!(700))?), 10, 6);
    /// let c = Consolidation::new(["nobody"], Refinance::new(LenderKind::LicensedInstitution, Rate::ZERO, 6));
    /// assert!(plan.consolidate(&c).is_err());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn consolidate(&self, consolidation: &Consolidation) -> Result<ConsolidationResult> {
        let best = self.compare()?;
        let strategy = best.recommended;
        let without = best.recommended()?.clone();
        let (with_plan, paid_off, schedule) = self.with_consolidation(consolidation)?;
        let with = with_plan.run(strategy)?;
        let apr = new_loan_apr(&schedule, paid_off, self.as_of)?;
        let r = &consolidation.refinance;
        let mut warnings = legal_warnings((self.as_of, r.lender()), apr, &RateTable::china_lpr_one_year())?;
        if r.lender() != LenderKind::LicensedInstitution {
            warnings.push(Warning::LenderRisk { lender: r.lender() });
        }
        Ok(ConsolidationResult {
            paid_off,
            principal: schedule.principal(),
            apr,
            saving: crate::money::exact_sub(without.cost.as_decimal(), with.cost.as_decimal())
                .ok_or_else(|| overflow("consolidation saving"))?,
            without,
            with,
            warnings,
        })
    }

    /// The plan with the new loan in place of those it pays off, what they
    /// owed, and the new loan's schedule.
    fn with_consolidation(&self, c: &Consolidation) -> Result<(Plan, Money, crate::schedule::Schedule)> {
        let invalid = |reason: String| Error::Invalid {
            field: "consolidation",
            reason,
        };
        if c.refinance.recurring_fee().is_some() {
            return Err(invalid(
                "a consolidation loan with a recurring fee is not supported".into(),
            ));
        }
        for (i, label) in c.loans.iter().enumerate() {
            if !self.debts.iter().any(|d| &d.label == label) || c.loans.iter().take(i).any(|l| l == label) {
                return Err(invalid(format!(
                    "{label:?} is not a loan of the plan, or is named twice"
                )));
            }
        }
        let (out, keep): (Vec<&Debt>, Vec<&Debt>) = self.debts.iter().partition(|d| c.loans.contains(&d.label));
        if keep.iter().any(|d| d.label == c.label) {
            return Err(invalid(format!("the plan already has a loan labelled {:?}", c.label)));
        }
        let paid_off = Money::sum(
            out.iter()
                .map(|d| Ok(d.ledger.statement(self.as_of)?.payoff))
                .collect::<Result<Vec<_>>>()?,
        )?;
        let rounding = c.policy.rounding();
        let schedule = c.refinance.schedule(paid_off, self.as_of, rounding)?;
        let new_loan = Debt::new(c.label.clone(), Ledger::new(schedule.clone(), c.policy.clone())?)
            .with_lender(c.refinance.lender());
        let mut plan = self.clone();
        plan.debts = keep.into_iter().cloned().chain([new_loan]).collect();
        Ok((plan, paid_off, schedule))
    }
}

/// The simple annual rate of a new loan's installments against what it
/// pays off on `day`.
fn new_loan_apr(
    schedule: &crate::schedule::Schedule,
    paid_off: Money,
    day: chrono::NaiveDate,
) -> Result<Option<Decimal>> {
    let mut flows = vec![CashFlow::new(day, paid_off.as_decimal())];
    flows.extend(
        schedule
            .installments()
            .iter()
            .map(|i| CashFlow::new(i.due_date, -i.payment.as_decimal())),
    );
    Ok(xirr(&flows)
        .ok()
        .and_then(|e| nominal_annual_rate(e, Frequency::Monthly).ok())
        .map(|r| r.value().round_dp(10)))
}
