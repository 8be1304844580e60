//! Weighing one way out: its payments, cost, APR, credit impact and
//! warnings, the same for a loan's comparison and a card's.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::budget::Budget;
use super::order::{MonthOverBudget, Order, RankBy};
use super::owed::Today;
use super::path::{monthly_totals, Context, Path, Payments};
use super::result::{CreditImpact, OptionResult};
use super::way_out::{Choice, WayOut};
use crate::calendar::Frequency;
use crate::cost::present_cost;
use crate::cost::{nominal_annual_rate, xirr, CashFlow};
use crate::error::{overflow, Error, Result};
use crate::limits::{LenderKind, Warning};
use crate::money::Money;
use crate::rate::{Rate, RateTable};

/// What every option of a comparison is weighed with: the debt and the
/// date, the borrower's discount rate and budget, the LPR table the legal
/// limits read, how long a negative record is kept, and the ranking.
pub(super) struct Weighing<'a> {
    pub(super) context: Context<'a>,
    pub(super) discount_rate: Rate,
    pub(super) budget: &'a Budget,
    pub(super) lpr: &'a RateTable,
    pub(super) credit_record_years: u32,
    pub(super) rank_by: RankBy,
    pub(super) order: Order,
}

impl Weighing<'_> {
    /// Every one of `options` weighed against `today`, refused when there
    /// are none or nothing is owed.
    pub(super) fn evaluate_all(&self, options: &[Choice], today: &Today) -> Result<Vec<OptionResult>> {
        if options.is_empty() {
            return Err(Error::Invalid {
                field: "comparison",
                reason: "there are no options to compare".into(),
            });
        }
        if today.payoff().is_zero() {
            return Err(Error::Invalid {
                field: "comparison",
                reason: format!("nothing is owed on {}", self.context.as_of),
            });
        }
        options.iter().map(|choice| self.evaluate(choice, today)).collect()
    }

    /// Every option's break-even day searched, then the options ranked.
    pub(super) fn conclude(&self, options: &mut [OptionResult]) -> Result<()> {
        self.break_evens(options)?;
        self.rank(options)
    }

    /// Every option's break-even day and longest delay, searched at once
    /// (each round of probes one replay); none for staying itself.
    pub(super) fn break_evens(&self, options: &mut [OptionResult]) -> Result<()> {
        let totals: Vec<Option<Money>> = options
            .iter()
            .map(|o| (!matches!(o.way, WayOut::Stay { .. })).then_some(o.total_paid))
            .collect();
        let curve = super::break_even::StayCurve::new(self.context.owed, self.context.as_of);
        for (option, (day, delay)) in options.iter_mut().zip(curve.break_evens(&totals)?) {
            option.break_even = day;
            option.longest_delay_days = delay;
        }
        Ok(())
    }

    /// What the budget leaves each month, rounded to the loan's minor unit
    /// (a budget given as `1800` is reported as `1800.00`, as every other amount).
    pub(super) fn monthly_budget(&self) -> Result<Money> {
        let rounding = self.context.owed.rounding();
        let minor = self
            .budget
            .available()
            .round(rounding)
            .to_minor("monthly budget", rounding.scale())?;
        Money::from_minor(minor, rounding.scale())
    }

    /// The option's figures; its break-even day is left for the
    /// comparison's run to search with every other option's.
    pub(super) fn evaluate(&self, choice: &Choice, today: &Today) -> Result<OptionResult> {
        let payoff = today.payoff();
        let Path {
            payments,
            highest_dpd,
            settled_on,
            cured_on,
            contract,
            to_lender,
            mut warnings,
        } = self.context.path(&choice.way, today)?;
        // every amount at the debt's minor unit: a fee given as `3000` is reported as `3000.00`
        let rounding = self.context.owed.rounding();
        let payments: Payments = payments
            .into_iter()
            .filter(|p| !p.1.is_zero())
            .map(|(day, amount)| (day, amount.round(rounding)))
            .collect();
        let cash_flows = paid_flows(&payments);
        let total_paid = Money::sum(payments.iter().map(|p| p.1))?;
        let cost = crate::money::exact_sub(total_paid.as_decimal(), payoff.as_decimal())
            .ok_or_else(|| overflow("option cost"))?;
        let npv = present_cost(self.context.as_of, &payments, self.discount_rate, rounding)?;
        let (effective_rate, apr) = self.rates(payoff, &cash_flows);
        // a legal limit covers what a lender charges: checked on the payments the lender receives
        let lender_apr = match to_lender {
            None => apr,
            Some(to_lender) => self.rates(payoff, &paid_flows(&to_lender)).1,
        };
        if self.context.owed.court_caps_apply() {
            warnings.extend(legal_warnings(contract, lender_apr, self.lpr)?);
        }
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
        let mut against = vec![CashFlow::new(self.context.as_of, payoff.as_decimal())];
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
        let rounding = self.context.owed.rounding();
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
            bucket: self.context.owed.bucket(highest_dpd),
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
