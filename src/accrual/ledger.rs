//! The ledger: terms, policy and events, replayed in date order.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::accrual::allocation::Component;
use crate::accrual::engine::{Book, Terms};
use crate::accrual::policy::OverduePolicy;
use crate::accrual::statement::Statement;
use crate::error::{Error, Result};
use crate::money::Money;
use crate::schedule::Schedule;

/// A payment received from the borrower.
///
/// Its id identifies the debit: a ledger rejects a second payment with the
/// same id, so the same money is never applied twice.
///
/// ```
/// use chrono::NaiveDate;
/// use overdue::{Money, Payment};
/// use rust_decimal_macros::dec;
/// let p = Payment::new("txn-1", NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Money::new(dec!(500))?)?;
/// assert_eq!(p.id(), "txn-1");
/// assert!(Payment::new("txn-2", p.date(), Money::ZERO).is_err());
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PaymentRepr")]
pub struct Payment {
    id: String,
    date: NaiveDate,
    amount: Money,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Payment", expecting = "struct Payment")]
struct PaymentRepr {
    id: String,
    date: NaiveDate,
    amount: Money,
}

impl TryFrom<PaymentRepr> for Payment {
    type Error = Error;
    fn try_from(r: PaymentRepr) -> Result<Payment> {
        Payment::new(r.id, r.date, r.amount)
    }
}

impl Payment {
    /// A payment of `amount` on `date`, identified by `id`.
    ///
    /// # Errors
    /// [`Error::NonPositive`] with field `payment amount` if the amount is zero
    /// (a negative amount cannot be a [`Money`]).
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::{Money, Payment}; use rust_decimal_macros::dec;
    /// let p = Payment::new("a", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Money::new(dec!(1))?)?;
    /// assert_eq!(p.amount(), Money::new(dec!(1))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(id: impl Into<String>, date: NaiveDate, amount: Money) -> Result<Payment> {
        if amount.is_zero() {
            return Err(Error::NonPositive {
                field: "payment amount",
                value: amount.as_decimal(),
            });
        }
        Ok(Payment {
            id: id.into(),
            date,
            amount,
        })
    }

    /// Its id.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::{Money, Payment}; use rust_decimal_macros::dec;
    /// # let p = Payment::new("a", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Money::new(dec!(1))?)?;
    /// assert_eq!(p.id(), "a");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The date it was received.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::{Money, Payment}; use rust_decimal_macros::dec;
    /// # let p = Payment::new("a", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Money::new(dec!(1))?)?;
    /// assert_eq!(p.date(), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Its amount.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::{Money, Payment}; use rust_decimal_macros::dec;
    /// # let p = Payment::new("a", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Money::new(dec!(2))?)?;
    /// assert_eq!(p.amount().to_string(), "2");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }
}

/// A waiver: the lender gives up an amount of one component, of one
/// installment or of the whole loan (oldest installment first).
///
/// A waiver of [`Component::Fees`] waives late fees before scheduled fees.
/// Only posted amounts can be waived: penalty interest still inside a waive
/// grace period is not yet charged.
///
/// ```
/// use chrono::NaiveDate;
/// use overdue::{Component, Money, Waiver};
/// use rust_decimal_macros::dec;
/// let w = Waiver::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Component::PenaltyInterest, Money::new(dec!(20))?)
///     .installment(2);
/// assert_eq!(w.get_installment(), Some(2));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    date: NaiveDate,
    component: Component,
    amount: Money,
    #[serde(default)]
    installment: Option<u32>,
}

impl Waiver {
    /// A waiver of `amount` of `component` on `date`, across the loan.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::{Component, Money, Waiver};
    /// let w = Waiver::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Component::Fees, Money::ZERO);
    /// assert_eq!(w.component(), Component::Fees);
    /// ```
    pub fn new(date: NaiveDate, component: Component, amount: Money) -> Waiver {
        Waiver {
            date,
            component,
            amount,
            installment: None,
        }
    }

    /// Restricts the waiver to one installment (1-based).
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::{Component, Money, Waiver};
    /// let w = Waiver::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Component::Fees, Money::ZERO).installment(3);
    /// assert_eq!(w.get_installment(), Some(3));
    /// ```
    pub fn installment(mut self, number: u32) -> Waiver {
        self.installment = Some(number);
        self
    }

    /// The date it takes effect.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::{Component, Money, Waiver};
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    /// assert_eq!(Waiver::new(day, Component::Fees, Money::ZERO).date(), day);
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The component waived.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::{Component, Money, Waiver};
    /// let w = Waiver::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Component::Interest, Money::ZERO);
    /// assert_eq!(w.component(), Component::Interest);
    /// ```
    pub fn component(&self) -> Component {
        self.component
    }

    /// The amount waived.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::{Component, Money, Waiver};
    /// let w = Waiver::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Component::Interest, Money::ZERO);
    /// assert!(w.amount().is_zero());
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// The installment it is restricted to, if any.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::{Component, Money, Waiver};
    /// let w = Waiver::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), Component::Interest, Money::ZERO);
    /// assert_eq!(w.get_installment(), None);
    /// ```
    pub fn get_installment(&self) -> Option<u32> {
        self.installment
    }
}

/// Something that happened to a loan after disbursement.
///
/// Events on the same date are replayed waivers first (in component,
/// installment and amount order), then payments (in id order), then a
/// restructure, so the order in which they were recorded never matters.
///
/// ```
/// # use chrono::NaiveDate; use overdue::*; use rust_decimal_macros::dec;
/// let p = Payment::new("p1", NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(), Money::new(dec!(10))?)?;
/// let e = Event::Payment(p.clone());
/// assert_eq!(e.date(), p.date());
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Event {
    /// A payment.
    Payment(Payment),
    /// A waiver.
    Waiver(Waiver),
    /// A restructure or deferral: a new plan for what is owed.
    Restructure(crate::restructure::Restructure),
}

impl Event {
    /// The date of the event.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::*;
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    /// assert_eq!(Event::Waiver(Waiver::new(day, Component::Fees, Money::ZERO)).date(), day);
    /// ```
    pub fn date(&self) -> NaiveDate {
        match self {
            Event::Payment(p) => p.date,
            Event::Waiver(w) => w.date,
            Event::Restructure(r) => r.date(),
        }
    }

    /// The replay order: date, then waivers before payments, then a stable key.
    fn sort_key(&self) -> (NaiveDate, u8, &str, usize, Option<u32>, Money) {
        match self {
            Event::Waiver(w) => (w.date, 0, "", w.component.index(), w.installment, w.amount),
            Event::Payment(p) => (p.date, 1, p.id.as_str(), 0, None, p.amount),
            Event::Restructure(r) => (r.date(), 2, "", 0, None, Money::ZERO),
        }
    }
}

/// A loan's history: its schedule, its overdue policy and its events. Ask it
/// for a [`Statement`] as of any date.
///
/// The ledger replays events in date order from disbursement, accruing in
/// closed form between them: the cost of a statement grows with the number
/// of installments and events, not with the number of days overdue. A
/// backdated payment is simply a different history.
///
/// # Example: a partial payment 10 days late
/// ```
/// # use chrono::NaiveDate; use overdue::*; use rust_decimal_macros::dec;
/// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let schedule = Schedule::equal_installment(Money::new(dec!(10000))?, Rate::annual(dec!(0.12))?, 12, d(2026, 1, 1))?;
/// let mut ledger = Ledger::new(schedule, OverduePolicy::new())?;   // penalty: 12 % × 1.5 on overdue principal
/// ledger.pay(Payment::new("p1", d(2026, 2, 11), Money::new(dec!(500))?)?)?;
/// let st = ledger.statement(d(2026, 2, 11))?;
/// // 10 days on 788.49 principal at 18 %/360 = 3.94; compound on 100.00 interest = 0.50
/// let parts: Vec<_> = st.allocations[0].parts.iter().map(|p| (p.component, p.amount.to_string())).collect();
/// assert_eq!(parts, [(Component::PenaltyInterest, "3.94".to_string()),
///                    (Component::CompoundInterest, "0.50".to_string()),
///                    (Component::Interest, "100.00".to_string()),
///                    (Component::Principal, "395.56".to_string())]);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "LedgerRepr", into = "LedgerRepr")]
pub struct Ledger {
    schedule: Schedule,
    policy: OverduePolicy,
    events: Vec<Event>,
    terms: Terms,
    /// Payment ids seen, with their dates.
    ids: std::collections::BTreeMap<String, NaiveDate>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Ledger", expecting = "struct Ledger")]
struct LedgerRepr {
    schedule: Schedule,
    policy: OverduePolicy,
    #[serde(default)]
    events: Vec<Event>,
}

impl TryFrom<LedgerRepr> for Ledger {
    type Error = Error;
    fn try_from(r: LedgerRepr) -> Result<Ledger> {
        let mut ledger = Ledger::new(r.schedule, r.policy)?;
        for event in r.events {
            ledger.record(event)?;
        }
        Ok(ledger)
    }
}

impl From<Ledger> for LedgerRepr {
    fn from(l: Ledger) -> LedgerRepr {
        LedgerRepr {
            schedule: l.schedule,
            policy: l.policy,
            events: l.events,
        }
    }
}

impl Ledger {
    /// A ledger for a loan on `schedule` under `policy`, with no events yet.
    ///
    /// # Errors
    /// [`Error::Invalid`] or [`Error::Zero`] for a policy whose fields cannot
    /// be used together (compound interest on an overdue-installment base, a
    /// late fee minimum above its maximum, a zero recurrence, an empty
    /// allocation tier, a rounding scale other than the schedule's);
    /// [`Error::Overflow`].
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::*; use rust_decimal_macros::dec;
    /// let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2,
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// let bad = OverduePolicy::new().penalty_base(PenaltyBase::OverdueInstallment).compound_interest(true);
    /// assert!(matches!(Ledger::new(s, bad), Err(Error::Invalid { .. })));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(schedule: Schedule, policy: OverduePolicy) -> Result<Ledger> {
        policy.validate()?;
        let terms = Terms::new(&schedule, &policy)?;
        Ok(Ledger {
            schedule,
            policy,
            events: Vec::new(),
            terms,
            ids: std::collections::BTreeMap::new(),
        })
    }

    /// Records a payment.
    ///
    /// # Errors
    /// [`Error::DuplicatePayment`] if a payment with the same id was recorded;
    /// [`Error::DateOrder`] if it is dated before disbursement;
    /// [`Error::NotInMinorUnits`] if the amount has digits below the minor unit;
    /// [`Error::WaiverTooLarge`] (or a restructure's error) if it is dated
    /// before a recorded waiver or restructure that it would leave invalid
    /// (a waiver of more than would then be owed): the ledger keeps only
    /// histories that replay, so its JSON always loads back.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::*; use rust_decimal_macros::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2, d(2026, 1, 1))?;
    /// let mut ledger = Ledger::new(s, OverduePolicy::new())?;
    /// ledger.pay(Payment::new("bank-77", d(2026, 2, 1), Money::new(dec!(100))?)?)?;
    /// let again = ledger.pay(Payment::new("bank-77", d(2026, 2, 3), Money::new(dec!(100))?)?);
    /// assert_eq!(again.unwrap_err().to_string(), "payment \"bank-77\" was already applied on 2026-02-01");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn pay(&mut self, payment: Payment) -> Result<()> {
        self.record(Event::Payment(payment))
    }

    /// Records a waiver, after checking that it does not waive more than is
    /// owed on its date.
    ///
    /// # Errors
    /// [`Error::WaiverTooLarge`]; [`Error::DateOrder`] if it is dated before
    /// disbursement; [`Error::Invalid`] for an installment number outside the
    /// schedule; [`Error::NonPositive`] for a zero amount. A waiver dated before
    /// others is checked with them: it is rejected if a later waiver would
    /// then waive more than is owed.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::*; use rust_decimal_macros::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2, d(2026, 1, 1))?;
    /// let mut ledger = Ledger::new(s, OverduePolicy::new())?;
    /// let w = Waiver::new(d(2026, 1, 20), Component::PenaltyInterest, Money::new(dec!(1))?);
    /// assert!(matches!(ledger.waive(w), Err(Error::WaiverTooLarge { .. }))); // nothing accrued yet
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn waive(&mut self, waiver: Waiver) -> Result<()> {
        self.record(Event::Waiver(waiver))
    }

    /// Records any event (see [`Ledger::pay`] and [`Ledger::waive`]).
    ///
    /// # Errors
    /// As for [`Ledger::pay`] and [`Ledger::waive`].
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::*; use rust_decimal_macros::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2, d(2026, 1, 1))?;
    /// let mut ledger = Ledger::new(s, OverduePolicy::new())?;
    /// ledger.record(Event::Payment(Payment::new("p", d(2026, 2, 1), Money::new(dec!(1))?)?))?;
    /// assert_eq!(ledger.events().len(), 1);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn record(&mut self, event: Event) -> Result<()> {
        let disbursement = self.schedule.disbursement();
        if event.date() < disbursement {
            return Err(Error::DateOrder {
                earlier: "disbursement",
                earlier_date: disbursement,
                later: "event date",
                later_date: event.date(),
            });
        }
        match &event {
            Event::Payment(p) => {
                if let Some(&seen) = self.ids.get(&p.id) {
                    return Err(Error::DuplicatePayment {
                        id: p.id.clone(),
                        date: seen,
                    });
                }
                p.amount.to_minor("payment amount", self.terms.scale())?;
            }
            Event::Restructure(r) => {
                if let Some(last) = self.events.last() {
                    if last.date() > r.date() {
                        return Err(Error::DateOrder {
                            earlier: "last event",
                            earlier_date: last.date(),
                            later: "restructure date",
                            later_date: r.date(),
                        });
                    }
                }
            }
            Event::Waiver(w) => {
                if w.amount.is_zero() {
                    return Err(Error::NonPositive {
                        field: "waiver amount",
                        value: w.amount.as_decimal(),
                    });
                }
                w.amount.to_minor("waiver amount", self.terms.scale())?;
            }
        }
        let at = self.events.partition_point(|e| e.sort_key() <= event.sort_key());
        self.check_by_replay(&event, at)?;
        if let Event::Payment(p) = &event {
            self.ids.insert(p.id.clone(), p.date);
        }
        self.events.insert(at, event);
        Ok(())
    }

    /// Books a payment of the library's own (for [`Ledger::plan_effect`]):
    /// outside the user's id space, so no user id can collide with it.
    fn book_internal(&mut self, date: NaiveDate, amount: Money) -> Result<()> {
        let event = Event::Payment(Payment::new("", date, amount)?);
        let at = self.events.partition_point(|e| e.sort_key() <= event.sort_key());
        self.events.insert(at, event);
        Ok(())
    }

    /// Records a restructure or deferral, after checking it against the
    /// history up to its date.
    ///
    /// # Errors
    /// [`Error::DateOrder`] if it is dated before the last recorded event, or
    /// its new schedule starts on or before its date;
    /// [`Error::WaiverTooLarge`] if a component plan waives more than is owed;
    /// [`Error::DownPaymentTooLarge`] if the down payment would pay off the
    /// debt; [`Error::Invalid`] if nothing is owed, nothing is left to spread
    /// the arrears over or nothing is capitalised; the errors of
    /// [`Schedule::build`] for the new terms.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::*; use rust_decimal_macros::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_principal(Money::new(dec!(3000))?, Rate::ZERO, 3, d(2026, 1, 1))?;
    /// let mut ledger = Ledger::new(plan, OverduePolicy::new())?;
    /// let too_much = Restructure::new(d(2026, 2, 10), NewPlan::Reamortise).down_payment(Money::new(dec!(3000))?);
    /// assert_eq!(ledger.restructure(too_much).unwrap_err().to_string(),
    ///            "down payment 3000 must be less than the 3000.00 owed");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn restructure(&mut self, restructure: crate::restructure::Restructure) -> Result<()> {
        self.record(Event::Restructure(restructure))
    }

    /// What `restructure` would change, against keeping the original
    /// schedule (see [`PlanEffect`](crate::PlanEffect)). The ledger itself is
    /// not changed.
    ///
    /// # Errors
    /// As for [`Ledger::restructure`]; [`Error::Overflow`].
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::*; use rust_decimal_macros::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_principal(Money::new(dec!(3000))?, Rate::ZERO, 3, d(2026, 1, 1))?;
    /// let ledger = Ledger::new(plan, OverduePolicy::new())?;
    /// let effect = ledger.plan_effect(&Restructure::new(d(2026, 2, 10), NewPlan::Reamortise))?;
    /// assert_eq!((effect.original_owed, effect.new_total), (Money::new(dec!(3000))?, Money::new(dec!(3000))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn plan_effect(&self, restructure: &crate::restructure::Restructure) -> Result<crate::restructure::PlanEffect> {
        let day = restructure.date();
        let before = self.statement(day)?;
        let mut with = self.clone();
        with.restructure(restructure.clone())?;
        let after = with.statement(day)?;
        let summary = after
            .restructures
            .last()
            .cloned()
            .ok_or_else(|| crate::error::overflow("restructure summary"))?;
        let first = usize::try_from(summary.first_installment)
            .unwrap_or(usize::MAX)
            .saturating_sub(1);
        let installments = after.installments.get(first..).unwrap_or_default().to_vec();
        let down: Vec<_> = after
            .allocations
            .iter()
            .filter(|a| a.source == crate::AllocationSource::DownPayment && a.date == day)
            .flat_map(|a| a.parts.iter())
            .collect();
        let down_part = |c: Component| Money::sum(down.iter().filter(|p| p.component == c).map(|p| p.amount));
        let new_sum = |c: Component| Money::sum(installments.iter().map(|i| i.charged.get(c)));
        let signed = |a: Money, b: Money| {
            a.as_decimal()
                .checked_sub(b.as_decimal())
                .ok_or_else(|| crate::error::overflow("plan effect"))
        };
        let extra_interest = signed(
            new_sum(Component::Interest)?.checked_add(down_part(Component::Interest)?)?,
            before.outstanding.interest,
        )?;
        let extra_fees = signed(
            new_sum(Component::Fees)?.checked_add(down_part(Component::Fees)?)?,
            before.outstanding.fees,
        )?;
        let new_total = Money::sum(installments.iter().map(|i| i.charged.total().unwrap_or(Money::ZERO)))?
            .checked_add(summary.down_payment)?;
        // the original, paid with the new plan's amounts on the new plan's dates
        let mut original = self.clone();
        if !summary.down_payment.is_zero() {
            original.book_internal(day, summary.down_payment)?;
        }
        let mut last = day;
        for i in &installments {
            let total = i.charged.total()?;
            if !total.is_zero() {
                original.book_internal(i.due_date, total)?;
            }
            last = last.max(i.due_date);
        }
        let end = original.statement(last)?;
        let charges = |st: &Statement| -> Result<Money> {
            st.charged
                .penalty_interest
                .checked_add(st.charged.compound_interest)?
                .checked_add(st.charged.fees)
        };
        Ok(crate::restructure::PlanEffect {
            summary,
            installments,
            original_owed: before.outstanding.total()?,
            new_total,
            extra_interest,
            extra_fees,
            penalties_avoided: charges(&end)?.saturating_sub(charges(&before)?),
        })
    }

    /// Checks that the history with `event` inserted at `at` replays: every
    /// waiver and restructure still applies. This is exactly what loading the
    /// ledger's JSON checks, so an accepted ledger always loads back. A
    /// payment with no waiver or restructure after it cannot invalidate
    /// anything and is not replayed.
    fn check_by_replay(&self, event: &Event, at: usize) -> Result<()> {
        let later = self.events.get(at..).unwrap_or_default();
        let checked = |e: &Event| !matches!(e, Event::Payment(_));
        if !checked(event) && !later.iter().any(checked) {
            return Ok(());
        }
        let mut book = Book::new(&self.terms);
        for e in self.events.get(..at).unwrap_or_default() {
            book.apply(e)?;
        }
        book.apply(event)?;
        if let Some(last) = later.iter().rposition(checked) {
            for e in later.get(..=last).unwrap_or_default() {
                book.apply(e)?;
            }
        }
        Ok(())
    }

    /// The statement as of `as_of`: events dated on or before it are
    /// applied, and penalties accrue for the days before it.
    ///
    /// # Errors
    /// [`Error::DateOrder`] if `as_of` is before disbursement;
    /// [`Error::Overflow`].
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::*; use rust_decimal_macros::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2, d(2026, 1, 1))?;
    /// let ledger = Ledger::new(s, OverduePolicy::new())?;
    /// let st = ledger.statement(d(2026, 1, 20))?;
    /// assert_eq!(st.status, LoanStatus::Current);
    /// assert_eq!(st.payoff.to_string(), "1005.11"); // principal + 19/31 of the first month's 8.33 interest
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn statement(&self, as_of: NaiveDate) -> Result<Statement> {
        let disbursement = self.schedule.disbursement();
        if as_of < disbursement {
            return Err(Error::DateOrder {
                earlier: "disbursement",
                earlier_date: disbursement,
                later: "statement date",
                later_date: as_of,
            });
        }
        let mut book = Book::new(&self.terms);
        for event in self.events.iter().take_while(|e| e.date() <= as_of) {
            book.apply(event)?;
        }
        book.statement(as_of, self.policy.get_buckets())
    }

    /// The schedule.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::*; use rust_decimal_macros::dec;
    /// # let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// let ledger = Ledger::new(s.clone(), OverduePolicy::new())?;
    /// assert_eq!(ledger.schedule(), &s);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// The overdue policy.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::*; use rust_decimal_macros::dec;
    /// # let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// let ledger = Ledger::new(s, OverduePolicy::new())?;
    /// assert_eq!(ledger.policy(), &OverduePolicy::new());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn policy(&self) -> &OverduePolicy {
        &self.policy
    }

    /// The events, in replay order.
    ///
    /// ```
    /// # use chrono::NaiveDate; use overdue::*; use rust_decimal_macros::dec;
    /// # let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// assert!(Ledger::new(s, OverduePolicy::new())?.events().is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn events(&self) -> &[Event] {
        &self.events
    }
}
