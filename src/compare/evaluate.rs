//! Working out each option: its payments, cost, APR, credit impact and
//! warnings, and the break-even days of all of them at once.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::order::MonthOverBudget;
use super::path::{monthly_totals, Path, Payments};
use super::request::Comparison;
use super::result::{ComparisonResult, CreditImpact, OptionResult};
use super::way_out::{Choice, WayOut};
use crate::accrual::{Statement, Timeline};
use crate::calendar::Frequency;
use crate::cost::present_cost;
use crate::cost::{nominal_annual_rate, xirr, CashFlow};
use crate::error::{overflow, Error, Result};
use crate::limits::{LenderKind, Warning};
use crate::money::Money;
use crate::rate::RateTable;

/// How far the timeline of a loan left unpaid runs from the comparison date,
/// in months.
///
/// ```
/// assert_eq!(overdue::compare::UNPAID_TIMELINE_MONTHS, 24);
/// ```
pub const UNPAID_TIMELINE_MONTHS: u32 = 24;

impl Comparison {
    /// Works out every option and ranks them.
    ///
    /// # Errors
    /// [`Error::Invalid`] if there are no options, if nothing is owed, or if
    /// an option is dated before the comparison date; the errors of the
    /// statement, the restructure and the schedule behind each option.
    ///
    /// ```
    /// # use overdue::{Error, Money, Rate, Schedule, Ledger, OverduePolicy, Comparison, Budget};
    /// # use overdue::NaiveDate; use overdue::dec;
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
        // every promotion open today is a way out, unless an option names it
        for label in super::promotion::open_promotions(&statement) {
            let named = self
                .options
                .iter()
                .any(|c| matches!(&c.way, WayOut::TakePromotion { label: l } if *l == label));
            if !named {
                let choice = Choice::new(format!("take the promotion: {label}"), WayOut::TakePromotion { label });
                // one that cannot be met from today is not a way out
                if let Ok(option) = self.evaluate(&choice, &statement) {
                    options.push(option);
                }
            }
        }
        // every option's break-even searched at once: each round of probes is one replay
        let totals: Vec<Option<Money>> = options
            .iter()
            .map(|o| (!matches!(o.way, WayOut::Stay { .. })).then_some(o.total_paid))
            .collect();
        let curve = super::break_even::StayCurve::new(&self.ledger, self.as_of);
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
            if_unpaid: self.if_unpaid()?,
        })
    }

    /// The timeline of the loan left as it is, from the comparison date.
    fn if_unpaid(&self) -> Result<Option<Timeline>> {
        let until = self
            .as_of
            .checked_add_months(chrono::Months::new(UNPAID_TIMELINE_MONTHS))
            .ok_or(Error::DateOutOfRange {
                operation: "the end of the timeline if nothing is paid",
            })?;
        self.ledger.timeline_if_listed(self.as_of, until)
    }

    /// What the budget leaves each month, rounded to the loan's minor unit
    /// (a budget given as `1800` is reported as `1800.00`, as every other amount).
    pub(crate) fn monthly_budget(&self) -> Result<Money> {
        let rounding = self.ledger.policy().rounding();
        let minor = self
            .budget
            .available()
            .round(rounding)
            .to_minor("monthly budget", rounding.scale())?;
        Money::from_minor(minor, rounding.scale())
    }

    /// The option's figures; its break-even day is left for [`Comparison::run`]
    /// to search with every other option's.
    pub(super) fn evaluate(&self, choice: &Choice, today: &Statement) -> Result<OptionResult> {
        let payoff = today.payoff;
        let Path {
            payments,
            highest_dpd,
            settled_on,
            cured_on,
            contract,
            to_lender,
            mut warnings,
        } = self.context().path(&choice.way, today)?;
        // every amount at the loan's minor unit: a fee given as `3000` is reported as `3000.00`
        let rounding = self.ledger.policy().rounding();
        let payments: Payments = payments
            .into_iter()
            .filter(|p| !p.1.is_zero())
            .map(|(day, amount)| (day, amount.round(rounding)))
            .collect();
        let cash_flows = paid_flows(&payments);
        let total_paid = Money::sum(payments.iter().map(|p| p.1))?;
        let cost = crate::money::exact_sub(total_paid.as_decimal(), payoff.as_decimal())
            .ok_or_else(|| overflow("option cost"))?;
        let npv = present_cost(self.as_of, &payments, self.discount_rate, rounding)?;
        let (effective_rate, apr) = self.rates(payoff, &cash_flows);
        // a legal limit covers what a lender charges: checked on the payments the lender receives
        let lender_apr = match to_lender {
            None => apr,
            Some(to_lender) => self.rates(payoff, &paid_flows(&to_lender)).1,
        };
        warnings.extend(legal_warnings(contract, lender_apr, &self.lpr)?);
        let months = self.months(&payments, total_paid)?;
        if months.over_budget > 0 {
            warnings.push(Warning::OverBudget {
                months: months.over_budget,
                peak: months.peak,
                budget: months.budget,
            });
        }
        Ok(OptionResult {
            label: choice.label.clone(),
            way: choice.way.clone(),
            cash_flows,
            total_paid,
            cost,
            npv,
            effective_rate,
            apr,
            peak_monthly: months.peak,
            average_monthly: months.average,
            months_over_budget: months.over_budget,
            affordable: months.first_over.is_none() && !warnings.iter().any(Warning::breaks_a_legal_limit),
            first_over_budget: months.first_over,
            warnings,
            credit: self.credit_impact(highest_dpd, settled_on, cured_on)?,
            break_even: None,
            longest_delay_days: None,
            rank: 0,
            reason: String::new(),
        })
    }

    /// The option's flows against today's payoff, as rates: its effective
    /// annual rate and APR (nominal, monthly), to 10 places (the accuracy the
    /// XIRR solver guarantees) except where rounding would reach −100 %, a
    /// value the solver never returns: then as solved.
    fn rates(&self, payoff: Money, cash_flows: &[CashFlow]) -> (Option<Decimal>, Option<Decimal>) {
        let mut against = vec![CashFlow::new(self.as_of, payoff.as_decimal())];
        against.extend(cash_flows.iter().copied());
        match xirr(&against) {
            Ok(e) => (
                Some(reported_rate(e.value(), e.value())),
                nominal_annual_rate(e, Frequency::Monthly)
                    .ok()
                    .map(|r| reported_rate(r.value(), e.value())),
            ),
            Err(_) => (None, None),
        }
    }

    /// The option's payments by calendar month, against the budget.
    fn months(&self, payments: &Payments, total_paid: Money) -> Result<Months> {
        let months = monthly_totals(payments)?;
        let rounding = self.ledger.policy().rounding();
        let peak = months.iter().map(|m| m.1).max().unwrap_or(Money::ZERO).round(rounding);
        let span = months.len().max(1);
        let average = total_paid
            .as_decimal()
            .checked_div(Decimal::from(span))
            .ok_or_else(|| overflow("average monthly payment"))?;
        let average = Money::new(rounding.round(average))?;
        let budget = self.monthly_budget()?;
        let over_budget = u32::try_from(months.iter().filter(|m| m.1 > budget).count()).unwrap_or(u32::MAX);
        let first_over = months
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
        Ok(Months {
            peak,
            average,
            budget,
            over_budget,
            first_over,
        })
    }

    /// What a path does to the credit record: the worst days past due and
    /// their bucket, and how long the record may be kept, from the day the
    /// adverse event ends (征信业管理条例, art. 16).
    fn credit_impact(&self, highest_dpd: u32, settled_on: NaiveDate, cured_on: NaiveDate) -> Result<CreditImpact> {
        let record_until = cured_on
            .checked_add_months(chrono::Months::new(self.credit_record_years.saturating_mul(12)))
            .ok_or(Error::DateOutOfRange {
                operation: "credit record date",
            })?;
        Ok(CreditImpact {
            highest_days_past_due: highest_dpd,
            bucket: self.ledger.policy().buckets().bucket(highest_dpd).label().to_owned(),
            settled_on,
            delinquency_ends: cured_on,
            negative_record_until: record_until,
        })
    }
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

/// Payments as the borrower's cash flows (paid: negative).
fn paid_flows(payments: &Payments) -> Vec<CashFlow> {
    payments
        .iter()
        .map(|&(date, amount)| CashFlow::new(date, -amount.as_decimal()))
        .collect()
}

/// Payments summed by calendar month, in order, from the first month to the
/// last (months with nothing paid included).
/// `rate` rounded to 10 places, unless the effective rate it comes from
/// would round to -100 % or below: then `rate` as solved (16 places).
pub(super) fn reported_rate(rate: Decimal, effective: Decimal) -> Decimal {
    if effective.round_dp(10) <= Decimal::NEGATIVE_ONE {
        rate.round_dp(16)
    } else {
        rate.round_dp(10)
    }
}

/// An option's payments by calendar month, against the budget.
struct Months {
    peak: Money,
    average: Money,
    budget: Money,
    over_budget: u32,
    first_over: Option<MonthOverBudget>,
}
