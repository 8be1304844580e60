//! The ledger: terms, policy and events, replayed in date order.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::accrual::engine::{Book, ReplayTerms};
use crate::accrual::event::{positive, Event, Payment, Reversal, Waiver};
use crate::accrual::ledger_json::{event_path, LedgerRepr};
use crate::accrual::policy::OverduePolicy;
use crate::accrual::statement::Statement;
use crate::error::{Error, Result, Within};
use crate::money::Money;
use crate::schedule::Schedule;

/// The most events a ledger holds: 10,000, a payment every day for 27 years.
/// Replaying them stays well under a second of CPU time; more is
/// [`Error::TooLarge`] (field `events`) when the event is recorded or the
/// ledger is read, not minutes of work. Split a longer history at a
/// restructure or a payoff.
///
/// ```
/// assert_eq!(overdue::accrual::MAX_EVENTS, 10_000);
/// ```
pub const MAX_EVENTS: usize = 10_000;

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
/// # use overdue::{Money, Rate, Component, Schedule, Ledger, OverduePolicy, Payment};
/// # use overdue::NaiveDate; use overdue::dec;
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "LedgerRepr", into = "LedgerRepr")]
pub struct Ledger {
    pub(super) schedule: Schedule,
    pub(super) policy: OverduePolicy,
    pub(super) events: Vec<Event>,
    pub(super) terms: ReplayTerms,
    /// Payment ids seen, with their dates.
    pub(super) ids: BTreeMap<String, NaiveDate>,
    /// Reversed payment ids, with the reversal dates.
    pub(super) reversed: BTreeMap<String, NaiveDate>,
}

impl TryFrom<LedgerRepr> for Ledger {
    type Error = Within;
    /// Read from JSON: an error names the field that is wrong
    /// (`policy.grace.days`, `events[3].id`).
    fn try_from(r: LedgerRepr) -> std::result::Result<Ledger, Within> {
        r.policy.check().map_err(|e| e.under("policy"))?;
        let mut ledger = Ledger::new(r.schedule, r.policy)?;
        for (k, event) in r.events.into_iter().enumerate() {
            ledger.record(event).map_err(|e| Within::new(event_path(k, &e), e))?;
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
    /// late fee minimum above its maximum, a zero recurrence, an allocation order without tiers or with an empty
    /// allocation tier, a rounding scale other than the schedule's);
    /// [`Error::Overflow`].
    ///
    /// ```
    /// # use overdue::{Error, Money, Rate, Schedule, Ledger, OverduePolicy};
    /// # use overdue::accrual::{Accrues, PenaltyBase};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2,
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// let bad = OverduePolicy::new().with_penalty_base(PenaltyBase::OverdueInstallment).with_compound_interest(Accrues::Yes);
    /// assert!(matches!(Ledger::new(s, bad), Err(Error::Invalid { .. })));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(schedule: Schedule, policy: OverduePolicy) -> Result<Ledger> {
        policy.validate()?;
        let terms = ReplayTerms::new(&schedule, &policy)?;
        Ok(Ledger {
            schedule,
            policy,
            events: Vec::new(),
            terms,
            ids: BTreeMap::new(),
            reversed: BTreeMap::new(),
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
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Payment};
    /// # use overdue::NaiveDate; use overdue::dec;
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
    /// # use overdue::{Error, Money, Rate, Component, Schedule, Ledger, OverduePolicy};
    /// # use overdue::accrual::Waiver;
    /// # use overdue::NaiveDate; use overdue::dec;
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

    /// Records a reversal: the payment came back unpaid or was charged back.
    /// From the reversal date on, the loan is replayed as if the payment had
    /// never been received, plus the returned-payment fee.
    ///
    /// # Errors
    /// [`Error::UnknownPayment`] for an id no payment carries;
    /// [`Error::AlreadyReversed`]; [`Error::DateOrder`] if it is dated before
    /// the payment; [`Error::NonPositive`] for a zero fee; the error of any
    /// later event the history without the payment no longer allows (a
    /// refund of a credit balance the payment made).
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Payment};
    /// # use overdue::accrual::Reversal;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let loan = Schedule::equal_principal(Money::new(dec!(3000))?, Rate::ZERO, 3, d(2026, 1, 1))?;
    /// let mut ledger = Ledger::new(loan, OverduePolicy::new())?;
    /// ledger.pay(Payment::new("ach-1", d(2026, 2, 1), Money::new(dec!(1000))?)?)?;
    /// ledger.reverse(Reversal::new("ach-1", d(2026, 2, 4)).with_fee(Money::new(dec!(15))?))?;
    /// let st = ledger.statement(d(2026, 2, 4))?;
    /// assert_eq!((st.days_past_due, st.outstanding.fees), (3, Money::new(dec!(15))?));
    /// assert_eq!(ledger.reverse(Reversal::new("ach-1", d(2026, 2, 5))).unwrap_err().to_string(),
    ///            "payment \"ach-1\" was already reversed on 2026-02-04");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn reverse(&mut self, reversal: Reversal) -> Result<()> {
        self.record(Event::Reversal(reversal))
    }

    /// Records a refund of the credit balance to the borrower.
    ///
    /// # Errors
    /// [`Error::RefundTooLarge`] if it is more than the credit balance on its
    /// date; [`Error::DateOrder`] if it is dated before disbursement.
    ///
    /// ```
    /// # use overdue::{Error, Money, Rate, Schedule, Ledger, OverduePolicy, Payment};
    /// # use overdue::accrual::{AllocationOrder, Refund, Surplus};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let loan = Schedule::equal_principal(Money::new(dec!(3000))?, Rate::ZERO, 3, d(2026, 1, 1))?;
    /// let policy = OverduePolicy::new().with_allocation(AllocationOrder::servicer_default().with_surplus(Surplus::CreditBalance));
    /// let mut ledger = Ledger::new(loan, policy)?;
    /// ledger.pay(Payment::new("p1", d(2026, 2, 1), Money::new(dec!(1200))?)?)?;
    /// ledger.refund(Refund::new(d(2026, 2, 2), Money::new(dec!(200))?)?)?;
    /// assert!(ledger.statement(d(2026, 2, 2))?.credit_balance.is_zero());
    /// let too_much = Refund::new(d(2026, 2, 3), Money::new(dec!(1))?)?;
    /// assert!(matches!(ledger.refund(too_much), Err(Error::RefundTooLarge { .. })));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn refund(&mut self, refund: crate::accrual::event::Refund) -> Result<()> {
        self.record(Event::Refund(refund))
    }

    /// Records any event (see [`Ledger::pay`], [`Ledger::waive`],
    /// [`Ledger::reverse`], [`Ledger::refund`] and [`Ledger::restructure`]).
    ///
    /// # Errors
    /// As for [`Ledger::pay`] and [`Ledger::waive`]; [`Error::TooLarge`]
    /// (field `events`) beyond [`MAX_EVENTS`].
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Payment};
    /// # use overdue::accrual::Event;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2, d(2026, 1, 1))?;
    /// let mut ledger = Ledger::new(s, OverduePolicy::new())?;
    /// ledger.record(Event::Payment(Payment::new("p", d(2026, 2, 1), Money::new(dec!(1))?)?))?;
    /// assert_eq!(ledger.events().len(), 1);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn record(&mut self, event: Event) -> Result<()> {
        if self.events.len() >= MAX_EVENTS {
            return Err(Error::TooLarge {
                field: "events",
                value: u64::try_from(self.events.len()).map_or(u64::MAX, |n| n.saturating_add(1)),
                max: MAX_EVENTS as u64,
            });
        }
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
                if let Some(&seen) = self.ids.get(p.id()) {
                    return Err(Error::DuplicatePayment {
                        id: p.id().to_owned(),
                        date: seen,
                    });
                }
                p.amount().to_minor("payment amount", self.terms.scale())?;
            }
            Event::Restructure(r) => {
                if let Some(last) = self.events.last()
                    && last.date() > r.date()
                {
                    return Err(Error::DateOrder {
                        earlier: "last event",
                        earlier_date: last.date(),
                        later: "restructure date",
                        later_date: r.date(),
                    });
                }
            }
            Event::Waiver(w) => {
                positive("waiver amount", w.amount())?.to_minor("waiver amount", self.terms.scale())?;
            }
            Event::Reversal(r) => self.check_reversal(r)?,
            Event::Refund(r) => {
                r.amount().to_minor("refund amount", self.terms.scale())?;
            }
            Event::Interruption(_) => {}
            Event::Promotion(p) => self.check_promotion(p)?,
        }
        let at = self.events.partition_point(|e| e.sort_key() <= event.sort_key());
        self.check_by_replay(&event, at)?;
        match &event {
            Event::Payment(p) => {
                self.ids.insert(p.id().to_owned(), p.date());
            }
            Event::Reversal(r) => {
                self.reversed.insert(r.payment_id().to_owned(), r.date());
            }
            _ => {}
        }
        self.events.insert(at, event);
        Ok(())
    }

    /// The date of the payment `id`, if the ledger has it.
    pub(crate) fn payment_date(&self, id: &str) -> Option<NaiveDate> {
        self.ids.get(id).copied()
    }

    /// A replay of no events yet (for a ledger without reversals).
    pub(crate) fn book(&self) -> Book<'_> {
        Book::without(&self.terms, BTreeSet::new())
    }

    /// Whether the payment `id` was reversed on or before `as_of`.
    pub(crate) fn reversed_by(&self, id: &str, as_of: NaiveDate) -> bool {
        self.reversed.get(id).is_some_and(|&d| d <= as_of)
    }

    /// A reversal must name a recorded payment, not yet reversed, and come
    /// on or after its date; its fee must be positive and in minor units.
    fn check_reversal(&self, r: &Reversal) -> Result<()> {
        let id = r.payment_id();
        let Some(&paid_on) = self.ids.get(id) else {
            return Err(Error::UnknownPayment { id: id.to_owned() });
        };
        if let Some(&date) = self.reversed.get(id) {
            return Err(Error::AlreadyReversed {
                id: id.to_owned(),
                date,
            });
        }
        if r.date() < paid_on {
            return Err(Error::DateOrder {
                earlier: "payment date",
                earlier_date: paid_on,
                later: "reversal date",
                later_date: r.date(),
            });
        }
        if let Some(fee) = r.fee() {
            positive("returned-payment fee", fee)?.to_minor("returned-payment fee", self.terms.scale())?;
        }
        Ok(())
    }

    /// Books a payment of the library's own (for [`Ledger::plan_effect`]):
    /// outside the user's id space, so no user id can collide with it.
    pub(super) fn book_internal(&mut self, date: NaiveDate, amount: Money) -> Result<()> {
        let event = Event::Payment(Payment::new("", date, amount)?);
        let at = self.events.partition_point(|e| e.sort_key() <= event.sort_key());
        self.events.insert(at, event);
        Ok(())
    }

    /// Records a demand, an acknowledgement or a lawsuit: an event that
    /// interrupts the limitation period ([`Ledger::limitation`]) and moves
    /// no money.
    ///
    /// # Errors
    /// [`Error::DateOrder`] if it is dated before disbursement.
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
    /// # use overdue::accrual::{Interruption, InterruptionCause};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// # let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2, d(2026, 1, 1))?;
    /// let mut ledger = Ledger::new(s, OverduePolicy::new())?;
    /// let before = ledger.statement(d(2026, 6, 1))?;
    /// ledger.interrupt(Interruption::new(d(2026, 4, 1), InterruptionCause::Demand))?;
    /// assert_eq!(ledger.statement(d(2026, 6, 1))?.payoff, before.payoff); // no money moves
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn interrupt(&mut self, interruption: crate::accrual::event::Interruption) -> Result<()> {
        self.record(Event::Interruption(interruption))
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
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
    /// # use overdue::restructure::{NewPlan, Restructure};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_principal(Money::new(dec!(3000))?, Rate::ZERO, 3, d(2026, 1, 1))?;
    /// let mut ledger = Ledger::new(plan, OverduePolicy::new())?;
    /// let too_much = Restructure::new(d(2026, 2, 10), NewPlan::Reamortise).with_down_payment(Money::new(dec!(3000))?);
    /// assert_eq!(ledger.restructure(too_much).unwrap_err().to_string(),
    ///            "down payment 3000 must be less than the 3000.00 owed");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn restructure(&mut self, restructure: crate::restructure::Restructure) -> Result<()> {
        self.record(Event::Restructure(restructure))
    }

    /// Checks that the history with `event` inserted at `at` replays: every
    /// waiver, reversal, refund and restructure still applies, in every
    /// stretch between reversal dates (a reversal changes the history from
    /// its date on). This is exactly what loading the ledger's JSON checks, so
    /// an accepted ledger always loads back. A payment with nothing but
    /// payments after it cannot invalidate anything and is not replayed.
    fn check_by_replay(&self, event: &Event, at: usize) -> Result<()> {
        let later = self.events.get(at..).unwrap_or_default();
        let checked = |e: &Event| !matches!(e, Event::Payment(_) | Event::Interruption(_) | Event::Promotion(_));
        if !checked(event) && !later.iter().any(checked) {
            return Ok(());
        }
        let mut events = self.events.clone();
        events.insert(at.min(events.len()), event.clone());
        let mut ends: Vec<NaiveDate> = events
            .iter()
            .filter_map(|e| match e {
                Event::Reversal(r) => r.date().pred_opt().filter(|&d| d >= event.date()),
                _ => None,
            })
            .collect();
        ends.extend(events.last().map(Event::date));
        ends.sort();
        ends.dedup();
        for end in ends {
            self.replay(&events, end)?;
        }
        Ok(())
    }

    /// The disbursement, if `date` (the `what` of a report) is not before
    /// it; else [`Error::DateOrder`].
    pub(crate) fn opened_by(&self, date: NaiveDate, what: &'static str) -> Result<NaiveDate> {
        let opened = self.schedule.disbursement();
        if date < opened {
            return Err(Error::DateOrder {
                earlier: "disbursement",
                earlier_date: opened,
                later: what,
                later_date: date,
            });
        }
        Ok(opened)
    }

    /// The statement as of `as_of`: events dated on or before it are
    /// applied, and penalties accrue for the days before it.
    ///
    /// # Errors
    /// [`Error::DateOrder`] if `as_of` is before disbursement;
    /// [`Error::Overflow`].
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
    /// # use overdue::accrual::LoanStatus;
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2, d(2026, 1, 1))?;
    /// let ledger = Ledger::new(s, OverduePolicy::new())?;
    /// let st = ledger.statement(d(2026, 1, 20))?;
    /// assert_eq!(st.status, LoanStatus::Current);
    /// assert_eq!(st.payoff.to_string(), "1005.11"); // principal + 19/31 of the first month's 8.33 interest
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn statement(&self, as_of: NaiveDate) -> Result<Statement> {
        self.check_statement_date(as_of)?;
        self.replay(&self.events, as_of)?
            .statement(as_of, self.policy.buckets())
    }

    /// What an autodebit should collect on `on` (避免重复扣款): what was due
    /// that day (every installment due by then, with its penalties and fees,
    /// less the credit balance) less every payment already received that day
    /// through any channel, and never more than is still unpaid on those
    /// installments. An autodebit never takes what another channel has paid.
    ///
    /// # Errors
    /// As for [`Ledger::statement`].
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy, Payment};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let loan = Schedule::equal_principal(Money::new(dec!(3000))?, Rate::ZERO, 3, d(2026, 1, 1))?;
    /// let mut ledger = Ledger::new(loan, OverduePolicy::new())?;
    /// assert_eq!(ledger.autodebit(d(2026, 2, 1))?, Money::new(dec!(1000))?);
    /// ledger.pay(Payment::new("app-transfer", d(2026, 2, 1), Money::new(dec!(400))?)?)?;
    /// assert_eq!(ledger.autodebit(d(2026, 2, 1))?, Money::new(dec!(600))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn autodebit(&self, on: NaiveDate) -> Result<Money> {
        let unpaid = |events: &[Event]| -> Result<Money> {
            let st = self.replay(events, on)?.statement(on, self.policy.buckets())?;
            let due = Money::sum(
                st.installments
                    .iter()
                    .filter(|i| i.due_date <= on)
                    .map(|i| i.outstanding.total())
                    .collect::<Result<Vec<_>>>()?,
            )?;
            Ok(due.saturating_sub(st.credit_balance))
        };
        let paid_today = Money::sum(self.events.iter().filter_map(|e| match e {
            Event::Payment(p) if p.date() == on => Some(p.amount()),
            _ => None,
        }))?;
        let before: Vec<Event> = self
            .events
            .iter()
            .filter(|e| !(matches!(e, Event::Payment(_)) && e.date() == on))
            .cloned()
            .collect();
        let due_before = unpaid(&before)?;
        Ok(unpaid(&self.events)?.min(due_before.saturating_sub(paid_today)))
    }

    /// The schedule.
    ///
    /// ```
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
    /// # use overdue::NaiveDate; use overdue::dec;
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
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
    /// # use overdue::NaiveDate; use overdue::dec;
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
    /// # use overdue::{Money, Rate, Schedule, Ledger, OverduePolicy};
    /// # use overdue::NaiveDate; use overdue::dec;
    /// # let s = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.1))?, 2, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// assert!(Ledger::new(s, OverduePolicy::new())?.events().is_empty());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn events(&self) -> &[Event] {
        &self.events
    }
}
