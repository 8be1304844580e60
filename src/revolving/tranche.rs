//! A loan paid out in tranches: one contract, an approved amount, several
//! disbursements on their dates.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::line::{CreditLine, Draw};
use super::statement::{DrawLedger, LineKind, LineStatement};
use crate::accrual::{OverduePolicy, Payment, Reversal};
use crate::calendar::Frequency;
use crate::error::{Error, Result, Within};
use crate::money::Money;
use crate::schedule::covers_installments;
use crate::schedule::Terms;

/// How a tranche is repaid.
///
/// ```
/// use overdue::revolving::TrancheRule;
/// assert_eq!(TrancheRule::default(), TrancheRule::Reamortise);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TrancheRule {
    /// Over the installments that remain: on the contract's due dates, from
    /// the first after the tranche to the contract's last. Each disbursement
    /// adds principal and re-amortises the remaining installments (the
    /// contract's installment is the sum of its tranches'), and the loan
    /// ends on the contract's maturity, as a multi-disbursement loan in
    /// Fineract does. The default.
    #[default]
    Reamortise,
    /// A schedule of its own: the contract's number of installments, on the
    /// contract's due day, from the first contract due date after the
    /// tranche; a later tranche ends later than the first.
    OwnSchedule,
}

/// One disbursement of a tranche loan.
///
/// ```
/// use overdue::{revolving::Tranche, Money, NaiveDate};
/// let t = Tranche::new("t1", NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(), Money::ONE);
/// assert_eq!((t.id(), t.amount()), ("t1", Money::ONE));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tranche {
    id: String,
    date: NaiveDate,
    amount: Money,
}

impl Tranche {
    /// A disbursement of `amount` on `date`.
    ///
    /// ```
    /// use overdue::{revolving::Tranche, Money, NaiveDate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// assert_eq!(Tranche::new("t1", day, Money::ONE).date(), day);
    /// ```
    pub fn new(id: impl Into<String>, date: NaiveDate, amount: Money) -> Tranche {
        Tranche {
            id: id.into(),
            date,
            amount,
        }
    }

    /// Its id, unique in the contract.
    ///
    /// ```
    /// # use overdue::{revolving::Tranche, Money, NaiveDate};
    /// # let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// assert_eq!(Tranche::new("t1", day, Money::ONE).id(), "t1");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The day it is paid out; interest on it runs from this day.
    ///
    /// ```
    /// # use overdue::{revolving::Tranche, Money, NaiveDate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// assert_eq!(Tranche::new("t1", day, Money::ONE).date(), day);
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The amount paid out.
    ///
    /// ```
    /// # use overdue::{revolving::Tranche, Money, NaiveDate};
    /// # let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// assert_eq!(Tranche::new("t1", day, Money::ONE).amount(), Money::ONE);
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }
}

/// A loan paid out in tranches: one contract with an approved amount, its
/// terms (rate, number of installments, repayment method, monthly, a first
/// due date on day 1 to 28 of its month), the overdue policy, the
/// disbursements and the payments.
///
/// - **Each tranche** is repaid by the contract's [`TrancheRule`]
///   (re-amortising the remaining installments, by default), on the
///   contract's due dates; interest runs on it day by day from its own
///   date ([`InterestModel::DailyOnBalance`](crate::schedule::InterestModel),
///   Act/365 Fixed), so a tranche paid out a few days before a due date
///   owes a few days' interest then.
/// - **A payment** is shared among the tranches as on a
///   [`CreditLine`]: what has fallen due, oldest due date first (the
///   earlier tranche first), then prepaying the oldest tranche.
/// - **The approved amount** is paid out once: the tranches together may
///   not exceed it, and repaid principal is not paid out again. The
///   statement's `available` is what is approved and not yet paid out.
///   A later tranche is paid out whether or not the loan is overdue (the
///   lender's decision, not the arithmetic's).
///
/// The statement is a [`LineStatement`] of kind
/// [`LineKind::TrancheLoan`]: `limit` is the approved amount, `available`
/// what is not yet paid out, each tranche a draw (its own statement),
/// `frozen` always `false`.
///
/// ```
/// use overdue::revolving::{Tranche, TrancheLoan};
/// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
/// use overdue::dec;
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let terms = Terms::new(Rate::annual(dec!(0.12))?, 12).with_first_due(d(2, 15));
/// let loan = TrancheLoan::new(Money::new(dec!(100000))?, terms, OverduePolicy::new())?
///     .with_tranche(Tranche::new("t1", d(1, 15), Money::new(dec!(60000))?))
///     .with_tranche(Tranche::new("t2", d(4, 1), Money::new(dec!(40000))?));
/// let st = loan.statement(d(4, 2))?;
/// assert_eq!(st.available, Money::new(dec!(0.00))?);
/// // the second tranche is repaid over the ten installments left, the last with the first's
/// let last = |k: usize| st.draws[k].statement.installments.last().unwrap().due_date;
/// assert_eq!((st.draws[1].statement.installments.len(), last(1)), (10, last(0)));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TrancheLoan {
    approved: Money,
    terms: Terms,
    #[serde(default)]
    rule: TrancheRule,
    policy: OverduePolicy,
    #[serde(default)]
    tranches: Vec<Tranche>,
    #[serde(default)]
    payments: Vec<Payment>,
    #[serde(default)]
    reversals: Vec<Reversal>,
}

impl TrancheLoan {
    /// A contract for `approved` on `terms` (which must set a first due date
    /// on day 1 to 28, monthly), held to `policy`, re-amortised at each
    /// tranche.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a negative approved amount, terms without a
    /// first due date, a first due date after the 28th, terms that are not
    /// monthly or have no installment.
    ///
    /// ```
    /// use overdue::{revolving::TrancheLoan, schedule::Terms, Error, Money, NaiveDate, OverduePolicy, Rate};
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
    /// let terms = Terms::new(Rate::ZERO, 6);
    /// assert!(matches!(TrancheLoan::new(Money::ONE, terms, OverduePolicy::new()),
    ///     Err(Error::Invalid { field: "first_due", .. })));
    /// assert!(TrancheLoan::new(Money::ONE, terms.with_first_due(day(31)), OverduePolicy::new()).is_err());
    /// assert!(TrancheLoan::new(Money::ONE, terms.with_first_due(day(28)), OverduePolicy::new()).is_ok());
    /// ```
    pub fn new(approved: Money, terms: Terms, policy: OverduePolicy) -> Result<TrancheLoan> {
        let loan = TrancheLoan {
            approved,
            terms,
            rule: TrancheRule::default(),
            policy,
            tranches: Vec::new(),
            payments: Vec::new(),
            reversals: Vec::new(),
        };
        loan.contract_first_due()?;
        Ok(loan)
    }

    /// The contract with its tranches repaid by `rule`.
    ///
    /// ```
    /// use overdue::revolving::{TrancheLoan, TrancheRule};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
    /// let loan = TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?.with_rule(TrancheRule::OwnSchedule);
    /// assert_eq!(loan.rule(), TrancheRule::OwnSchedule);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_rule(mut self, rule: TrancheRule) -> TrancheLoan {
        self.rule = rule;
        self
    }

    /// The contract with one more tranche.
    ///
    /// ```
    /// use overdue::revolving::{Tranche, TrancheLoan};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
    /// let loan = TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?
    ///     .with_tranche(Tranche::new("t1", day, Money::ONE))
    ///     .with_payment(Payment::new("p1", day, Money::ONE)?);
    /// assert_eq!((loan.tranches().len(), loan.payments().len()), (1, 1));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_tranche(mut self, tranche: Tranche) -> TrancheLoan {
        self.tranches.push(tranche);
        self
    }

    /// The contract with one more payment, which it shares among its tranches.
    ///
    /// ```
    /// use overdue::revolving::TrancheLoan;
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Payment, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
    /// let loan = TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?
    ///     .with_payment(Payment::new("p1", day, Money::ONE)?);
    /// assert_eq!(loan.payments()[0].id(), "p1");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_payment(mut self, payment: Payment) -> TrancheLoan {
        self.payments.push(payment);
        self
    }

    /// The contract with one more reversal of a payment, left out of its
    /// history from the reversal's date, as on a credit line
    /// ([`CreditLine::with_reversal`]).
    ///
    /// ```
    /// use overdue::accrual::Reversal;
    /// use overdue::revolving::TrancheLoan;
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
    /// let loan = TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?
    ///     .with_reversal(Reversal::new("p1", NaiveDate::from_ymd_opt(2026, 2, 3).unwrap()));
    /// assert_eq!(loan.reversals()[0].payment_id(), "p1");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_reversal(mut self, reversal: Reversal) -> TrancheLoan {
        self.reversals.push(reversal);
        self
    }

    /// The reversals recorded, in the order given.
    ///
    /// ```
    /// use overdue::revolving::TrancheLoan;
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
    /// assert!(TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?.reversals().is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn reversals(&self) -> &[Reversal] {
        &self.reversals
    }

    /// The approved amount.
    ///
    /// ```
    /// use overdue::{revolving::TrancheLoan, schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
    /// let loan = TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?;
    /// assert_eq!((loan.approved(), loan.terms().installments()), (Money::ONE, 6));
    /// assert_eq!(loan.policy(), &OverduePolicy::new());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn approved(&self) -> Money {
        self.approved
    }

    /// The contract's terms.
    ///
    /// ```
    /// use overdue::{revolving::TrancheLoan, schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
    /// assert_eq!(TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?.terms(), &terms);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn terms(&self) -> &Terms {
        &self.terms
    }

    /// How each tranche is repaid.
    ///
    /// ```
    /// use overdue::revolving::{TrancheLoan, TrancheRule};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
    /// assert_eq!(TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?.rule(), TrancheRule::Reamortise);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn rule(&self) -> TrancheRule {
        self.rule
    }

    /// The policy every tranche is held to.
    ///
    /// ```
    /// use overdue::{revolving::TrancheLoan, schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
    /// assert_eq!(TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?.policy(), &OverduePolicy::new());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn policy(&self) -> &OverduePolicy {
        &self.policy
    }

    /// The tranches, in the order given.
    ///
    /// ```
    /// use overdue::revolving::{Tranche, TrancheLoan};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
    /// let loan = TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?.with_tranche(Tranche::new("t1", day, Money::ONE));
    /// assert_eq!(loan.tranches()[0].id(), "t1");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn tranches(&self) -> &[Tranche] {
        &self.tranches
    }

    /// The payments, in the order given.
    ///
    /// ```
    /// use overdue::{revolving::TrancheLoan, schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
    /// assert!(TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?.payments().is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn payments(&self) -> &[Payment] {
        &self.payments
    }

    /// The contract on `as_of`: tranches and payments up to it (those on it
    /// included), each tranche's statement and the contract's figures.
    ///
    /// The whole contract is checked first, whatever the date: nothing is
    /// half-applied.
    ///
    /// # Errors
    /// [`Error::Invalid`] for the terms [`TrancheLoan::new`] refuses, two
    /// tranches or two payments with one id, a tranche of nothing or less,
    /// tranches together above the approved amount, a tranche (under
    /// [`TrancheRule::Reamortise`]) on or after the contract's last due date,
    /// a payment before anything is paid out; the errors of each tranche's
    /// schedule and statement.
    ///
    /// ```
    /// use overdue::revolving::{Tranche, TrancheLoan};
    /// use overdue::{schedule::Terms, Error, Money, NaiveDate, OverduePolicy, Rate};
    /// use overdue::dec;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = Terms::new(Rate::annual(dec!(0.12))?, 12).with_first_due(d(2, 15));
    /// let loan = TrancheLoan::new(Money::new(dec!(1000))?, terms, OverduePolicy::new())?
    ///     .with_tranche(Tranche::new("t1", d(1, 15), Money::new(dec!(600))?))
    ///     .with_tranche(Tranche::new("t2", d(6, 1), Money::new(dec!(500))?));
    /// // refused on any date: the second tranche would take the contract above its approved amount
    /// assert!(matches!(loan.statement(d(2, 1)), Err(Error::Invalid { field: "tranches", .. })));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn statement(&self, as_of: NaiveDate) -> Result<LineStatement> {
        let line = self.as_line()?;
        let mut statement = line.statement(as_of)?;
        statement.kind = LineKind::TrancheLoan;
        let paid_out = Money::sum(self.tranches.iter().filter(|t| t.date <= as_of).map(|t| t.amount))?;
        statement.available = self
            .approved
            .checked_sub(paid_out)?
            .max(Money::ZERO)
            .round(self.policy.rounding());
        Ok(statement)
    }

    /// Each tranche paid out by `as_of` as a loan of its own: a
    /// [`Ledger`](crate::Ledger) of its schedule with the payments the
    /// contract gave it, in date order.
    ///
    /// # Errors
    /// As [`TrancheLoan::statement`].
    ///
    /// ```
    /// use overdue::revolving::{Tranche, TrancheLoan};
    /// use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let terms = Terms::new(Rate::ZERO, 6).with_first_due(d(2, 15));
    /// let loan = TrancheLoan::new(Money::ONE, terms, OverduePolicy::new())?
    ///     .with_tranche(Tranche::new("t1", d(1, 15), Money::ONE));
    /// assert_eq!(loan.ledgers(d(1, 1))?.len(), 0);
    /// assert_eq!(loan.ledgers(d(1, 15))?[0].ledger.schedule().installments().len(), 6);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn ledgers(&self, as_of: NaiveDate) -> Result<Vec<DrawLedger>> {
        self.as_line()?.ledgers(as_of)
    }

    /// The contract's first due date, checked.
    fn contract_first_due(&self) -> Result<NaiveDate> {
        let invalid = |field: &'static str, reason: String| Error::Invalid { field, reason };
        if self.approved.as_decimal().is_sign_negative() && !self.approved.is_zero() {
            return Err(invalid(
                "approved",
                format!("must not be negative, got {}", self.approved),
            ));
        }
        let first_due = self.terms.first_due().ok_or_else(|| {
            invalid(
                "first_due",
                "a tranche loan's terms need the contract's first due date".to_owned(),
            )
        })?;
        if first_due.day() > 28 {
            return Err(invalid(
                "first_due",
                format!("must fall on day 1 to 28 of its month (every month has it), got {first_due}"),
            ));
        }
        if self.terms.frequency() != Frequency::Monthly {
            return Err(invalid(
                "frequency",
                format!("a tranche loan falls due monthly, got {:?}", self.terms.frequency()),
            ));
        }
        if self.terms.installments() == 0 {
            return Err(invalid(
                "installments",
                "a contract needs at least one installment".to_owned(),
            ));
        }
        Ok(first_due)
    }

    /// The contract as a line that does not revolve: each tranche a draw on
    /// the terms its rule gives it, after checking the whole contract. An
    /// error names the field of the contract it is about
    /// (`tranches[1].amount`, `terms.first_due`), as a JSON reading reports it.
    fn as_line(&self) -> std::result::Result<CreditLine, Within> {
        let first_due = self.contract_first_due().map_err(|e| {
            let path = match &e {
                Error::Invalid { field: "approved", .. } => "approved".to_owned(),
                Error::Invalid { field, .. } => format!("terms.{field}"),
                _ => "terms".to_owned(),
            };
            Within::new(path, e)
        })?;
        let mut order: Vec<(usize, &Tranche)> = self.tranches.iter().enumerate().collect();
        // stable: the order given breaks ties on one date
        order.sort_by_key(|(_, t)| t.date);
        let mut left = self.approved;
        let mut seen = std::collections::HashSet::new();
        let mut draws = Vec::with_capacity(order.len());
        for (k, tranche) in order {
            let refused = |leaf: &str, reason: String| {
                Within::new(
                    format!("tranches[{k}].{leaf}"),
                    Error::Invalid {
                        field: "tranches",
                        reason: format!(
                            "tranche {:?} of {} on {}: {reason}",
                            tranche.id, tranche.amount, tranche.date
                        ),
                    },
                )
            };
            if !seen.insert(tranche.id.as_str()) {
                return Err(refused("id", "its id is used twice".to_owned()));
            }
            if tranche.amount <= Money::ZERO {
                return Err(refused("amount", "a tranche pays out more than nothing".to_owned()));
            }
            if tranche.amount > left {
                return Err(refused(
                    "amount",
                    format!("above the {left} of the approved amount not yet paid out"),
                ));
            }
            left = left.checked_sub(tranche.amount)?;
            let (first, installments) = self
                .repaid_over(first_due, tranche.date)
                .map_err(|e| Within::new(format!("tranches[{k}].date"), e))?;
            if installments == 0 {
                return Err(refused(
                    "date",
                    format!(
                        "on or after the contract's last due date, with no installment left to repay it over (rule {:?})",
                        self.rule
                    ),
                ));
            }
            // a schedule refuses it too, but only once the replay reaches its date
            let at_amount = |e| Within::new(format!("tranches[{k}].amount"), e);
            let minor = tranche
                .amount
                .to_minor("tranche amount", self.policy.rounding().scale())
                .map_err(at_amount)?;
            covers_installments(self.terms.method(), tranche.amount, minor, installments).map_err(at_amount)?;
            let terms = self.terms.with_first_due(first).with_installments(installments);
            draws.push(Draw::new(tranche.id.clone(), tranche.date, tranche.amount, terms));
        }
        Ok(CreditLine {
            limit: self.approved,
            due_day: first_due.day(),
            policy: self.policy.clone(),
            freeze_after: 0,
            draws,
            payments: self.payments.clone(),
            reversals: self.reversals.clone(),
        })
    }

    /// Checks the contract, its tranches and its payments up to `as_of` as
    /// [`TrancheLoan::statement`] replays them, the error at the field of
    /// the contract it is about (`tranches[1].amount`): what a JSON request
    /// is checked with.
    pub(crate) fn check_through(&self, as_of: NaiveDate) -> std::result::Result<(), Within> {
        self.as_line()?.check_through(as_of).map_err(|e| {
            // a tranche's draw can only be refused for the contract's terms it is built on
            if e.path().starts_with("draws") {
                e.at("terms")
            } else {
                e
            }
        })
    }

    /// A tranche paid out on `date`: its first due date (the contract's
    /// first due date after it) and its number of installments.
    fn repaid_over(&self, first_due: NaiveDate, date: NaiveDate) -> Result<(NaiveDate, u32)> {
        let months = |day: NaiveDate| i64::from(day.year()) * 12 + i64::from(day.month0());
        // the contract's due dates are its first due date plus whole months (day 1 to 28)
        let mut k = (months(date) - months(first_due)).max(0);
        let mut first = Frequency::Monthly.due_date(first_due, u32::try_from(k).unwrap_or(u32::MAX))?;
        if first <= date {
            k += 1;
            first = Frequency::Monthly.due_date(first_due, u32::try_from(k).unwrap_or(u32::MAX))?;
        }
        let installments = self.terms.installments();
        Ok(match self.rule {
            TrancheRule::Reamortise => (first, u32::try_from(i64::from(installments) - k).unwrap_or(0)),
            TrancheRule::OwnSchedule => (first, installments),
        })
    }
}
