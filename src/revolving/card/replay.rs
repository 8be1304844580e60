//! A card replayed day by day: interest accrues between the days something
//! happens, events post, statements close, due dates decide the grace
//! period and the late fee.

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;

use super::books::{Books, DayRate, Phase, Target, CASH, PURCHASE, TRANSFER};
use super::clauses::DueRule;
use super::event::CardEvent;
use super::statement::{CardCycle, CardStatement};
use super::terms::CardTerms;
use crate::error::{Error, Result, Within};
use crate::money::Money;

/// One minimum payment still owed in part: its due date and what is left.
#[derive(Debug, Clone, Copy)]
pub(super) struct Due {
    pub(super) date: NaiveDate,
    pub(super) left: i64,
}

/// A payment as it was shared, to undo it if it is returned.
#[derive(Debug, Clone)]
pub(super) struct Paid {
    pub(super) amount: i64,
    pub(super) shares: Vec<(Target, bool, i64)>,
    pub(super) dues: Vec<(usize, i64)>,
    pub(super) issued: u32,
    pub(super) returned: Option<NaiveDate>,
}

/// The statement awaiting its due date.
#[derive(Debug, Clone, Copy)]
pub(super) struct Awaiting {
    pub(super) statement: u32,
    pub(super) due: NaiveDate,
    pub(super) minimum: i64,
    pub(super) late_fees_in_it: i64,
}

/// The penalty rate's course (US rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Penalty {
    Off,
    Notice { from: NaiveDate },
    On { on_time: u32 },
}

/// The sums of the cycle being built.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Sums {
    pub(super) purchases: i64,
    pub(super) cash: i64,
    pub(super) transfers: i64,
    pub(super) payments: i64,
    pub(super) refunds: i64,
    pub(super) returned: i64,
    pub(super) fees: i64,
    pub(super) late_fees: i64,
    pub(super) installments: i64,
}

pub(super) struct Replay<'a> {
    pub(super) terms: &'a CardTerms,
    pub(super) opened: NaiveDate,
    /// The events in the order they post, each with its amount in cents.
    pub(super) order: Vec<(usize, &'a CardEvent, i64)>,
    pub(super) books: Books,
    pub(super) dues: Vec<Due>,
    /// Each payment by its id, as it was shared.
    pub(super) paid: Vec<(&'a str, Paid)>,
    /// Each purchase by its id: its cohort and what is left to refund.
    pub(super) bought: Vec<(&'a str, u32, i64)>,
    /// The date of the next statement.
    pub(super) next_statement: NaiveDate,
    pub(super) awaiting: Option<Awaiting>,
    /// The last decided statement and whether it was paid in full.
    pub(super) decided: Option<(u32, bool)>,
    pub(super) penalty: Penalty,
    pub(super) rate_change: Option<NaiveDate>,
    pub(super) charged_off: bool,
    pub(super) last_violation: Option<u32>,
    pub(super) cycles: Vec<CardCycle>,
    pub(super) sums: Sums,
    pub(super) opening: i64,
    pub(super) period_start: NaiveDate,
    pub(super) limit: i64,
    pub(super) tolerance: i64,
}

/// An amount in whole cents: refused if it has digits below the cent.
pub(super) fn whole_cents(amount: Money) -> Result<i64> {
    let minor = amount.to_minor("amount", 2)?;
    i64::try_from(minor).map_err(|_| Error::TooLarge {
        field: "amount",
        value: u64::MAX,
        max: i64::MAX as u64,
    })
}

/// [`whole_cents`], the error at `field`.
pub(super) fn cents_of(field: &str, amount: Money) -> std::result::Result<i64, Within> {
    whole_cents(amount).map_err(|e| Within::new(field, e))
}

pub(super) fn money(cents: i64) -> Result<Money> {
    Money::from_minor(i128::from(cents.max(0)), 2)
}

pub(super) fn add_days(date: NaiveDate, days: u64) -> Result<NaiveDate> {
    date.checked_add_days(Days::new(days)).ok_or(Error::DateOutOfRange {
        operation: "a card's dates",
    })
}

impl<'a> Replay<'a> {
    pub(super) fn new(
        opened: NaiveDate,
        terms: &'a CardTerms,
        events: &'a [CardEvent],
    ) -> std::result::Result<Replay<'a>, Within> {
        let mut order: Vec<(usize, &CardEvent, i64)> = Vec::with_capacity(events.len());
        // the first event (in the order given) whose id an earlier one has
        let mut ids: Vec<(&str, usize)> = events.iter().enumerate().map(|(k, e)| (e.id(), k)).collect();
        ids.sort_unstable();
        let repeat = ids
            .windows(2)
            .filter_map(|pair| match pair {
                [(a, first), (b, again)] if a == b => Some((*again, *first)),
                _ => None,
            })
            .min();
        for (k, event) in events.iter().enumerate() {
            let at = |leaf: &str| format!("events[{k}]{leaf}");
            if let Some((_, first)) = repeat.filter(|r| r.0 == k) {
                let date = events.get(first).map_or(event.date(), CardEvent::date);
                let error = match event {
                    CardEvent::Payment { .. } => Error::DuplicatePayment {
                        id: event.id().to_owned(),
                        date,
                    },
                    _ => Error::Invalid {
                        field: "id",
                        reason: format!("{:?} is the id of an earlier event (on {date})", event.id()),
                    },
                };
                return Err(Within::new(at(".id"), error));
            }
            if event.date() < opened {
                return Err(Within::new(
                    at(".date"),
                    Error::DateOrder {
                        earlier: "opened",
                        earlier_date: opened,
                        later: "event date",
                        later_date: event.date(),
                    },
                ));
            }
            if let Some(amount) = event.amount() {
                if amount.is_zero() {
                    return Err(Within::new(
                        at(".amount"),
                        Error::NonPositive {
                            field: "amount",
                            value: Decimal::ZERO,
                        },
                    ));
                }
                let cents = whole_cents(amount).map_err(|e| Within::new(at(".amount"), e))?;
                order.push((k, event, cents));
            } else {
                order.push((k, event, 0));
            }
        }
        // stable: the order given breaks the ties
        order.sort_by_key(|(_, e, _)| (e.date(), e.rank()));
        let rates = [
            DayRate::of(terms.purchase_rate()),
            DayRate::of(terms.cash_rate()),
            DayRate::of(terms.promotion().map_or(terms.purchase_rate(), |p| p.rate())),
        ];
        let mut books = Books::default();
        books.set_rates(rates)?;
        Ok(Replay {
            terms,
            opened,
            order,
            books,
            dues: Vec::new(),
            paid: Vec::new(),
            bought: Vec::new(),
            next_statement: opened,
            awaiting: None,
            decided: None,
            penalty: Penalty::Off,
            rate_change: None,
            charged_off: false,
            last_violation: None,
            cycles: Vec::new(),
            sums: Sums::default(),
            opening: 0,
            period_start: opened,
            limit: cents_of("terms.limit", terms.limit()).map_err(|e| e.at("terms.limit"))?,
            tolerance: cents_of("terms.tolerance", terms.tolerance)?,
        })
    }

    /// The statement dates: the statement day of each month, the first after opening.
    pub(super) fn statement_date(&self, index: u32) -> Result<NaiveDate> {
        let opened = self.opened;
        let day = self.terms.statement_day;
        let base = opened.with_day(day).ok_or(Error::DateOutOfRange {
            operation: "a statement date",
        })?;
        let first = if base > opened { base } else { add_months(base, 1)? };
        add_months(first, index.saturating_sub(1))
    }

    pub(super) fn due_date(&self, statement: NaiveDate) -> Result<NaiveDate> {
        due_after(self.terms.due, statement)
    }

    /// The oldest minimum payment unpaid beyond the tolerance.
    pub(super) fn oldest_unpaid(&self) -> Option<NaiveDate> {
        self.dues.iter().find(|d| d.left > self.tolerance).map(|d| d.date)
    }

    pub(super) fn days_past_due(&self, day: NaiveDate) -> u32 {
        self.oldest_unpaid().map_or(0, |due| {
            u32::try_from((day - due).num_days().max(0)).unwrap_or(u32::MAX)
        })
    }

    pub(super) fn contract_rates(&self) -> [DayRate; 3] {
        let terms = self.terms;
        [
            DayRate::of(terms.purchase_rate()),
            DayRate::of(terms.cash_rate()),
            self.books.rates[TRANSFER],
        ]
    }

    pub(super) fn run(mut self, as_of: NaiveDate) -> std::result::Result<CardStatement, Within> {
        self.next_statement = self.statement_date(1)?;
        let mut cursor = self.opened;
        let mut next_event = 0usize;
        let mut day = cursor;
        while day <= as_of {
            // interest for the days since the last one, at the balances they had
            self.books.accrue((day - cursor).num_days());
            cursor = day;
            self.start_of_day(day)?;
            while let Some(&(k, event, cents)) = self.order.get(next_event) {
                if event.date() != day {
                    break;
                }
                self.post(k, event, cents)?;
                next_event += 1;
            }
            self.end_of_day(day)?;
            if day == as_of {
                break;
            }
            day = self.next_day(day, next_event, as_of)?;
        }
        self.finish(as_of).map_err(Within::from)
    }

    /// The next day after `after` something happens, at most `as_of`.
    pub(super) fn next_day(&self, after: NaiveDate, next_event: usize, as_of: NaiveDate) -> Result<NaiveDate> {
        let terms = self.terms;
        let mut next = as_of;
        let mut consider = |d: NaiveDate| {
            if d > after && d < next {
                next = d;
            }
        };
        if let Some((_, event, _)) = self.order.get(next_event) {
            consider(event.date());
        }
        consider(self.next_statement);
        if let Some(a) = self.awaiting {
            consider(a.due);
        }
        if !terms.annual_fee.is_zero() && !self.charged_off {
            consider(anniversary_after(self.opened, add_days(after, 1)?)?);
        }
        if let Penalty::Notice { from: start } = self.penalty {
            consider(start);
        }
        if let Some(d) = self.rate_change {
            consider(d);
        }
        if let Some(p) = terms.promotion() {
            consider(add_days(p.until(), 1)?);
        }
        if let Some(due) = self.oldest_unpaid() {
            if terms.penalty_rate().is_some() && self.penalty == Penalty::Off {
                consider(add_days(due, 60)?);
            }
            if terms.charge_off_after > 0 && !self.charged_off {
                consider(add_days(due, u64::from(terms.charge_off_after))?);
            }
        }
        Ok(next)
    }

    pub(super) fn start_of_day(&mut self, day: NaiveDate) -> Result<()> {
        let terms = self.terms;
        if self.charged_off {
            return Ok(());
        }
        let mut rates = self.books.rates;
        if terms.promotion().is_some_and(|p| p.until().succ_opt() == Some(day)) {
            rates[TRANSFER] = DayRate::of(terms.purchase_rate());
        }
        if self.rate_change == Some(day) {
            self.rate_change = None;
            let contract = self.contract_rates();
            rates[PURCHASE] = contract[PURCHASE];
            rates[CASH] = contract[CASH];
        }
        if let (true, Some(penalty)) = (self.penalty == (Penalty::Notice { from: day }), terms.penalty_rate()) {
            rates[PURCHASE] = DayRate::of(penalty);
            rates[CASH] = DayRate::of(penalty);
            self.penalty = Penalty::On { on_time: 0 };
        }
        if rates != self.books.rates {
            self.books.set_rates(rates)?;
        }
        let late = self.days_past_due(day);
        if terms.charge_off_after > 0 && late >= terms.charge_off_after {
            self.charge_off(day)?;
            return Ok(());
        }
        if terms.penalty_rate().is_some() && self.penalty == Penalty::Off && late >= 60 {
            self.penalty = Penalty::Notice {
                from: add_days(day, 45)?,
            };
        }
        if !terms.annual_fee.is_zero() && anniversary_after(self.opened, day)? == day {
            let fee = cents_of("terms.annual_fee", terms.annual_fee).map_err(Error::from)?;
            self.charge_fee(fee);
        }
        Ok(())
    }

    /// Charged off: what is pending is owed, and interest stops.
    pub(super) fn charge_off(&mut self, day: NaiveDate) -> Result<()> {
        self.charged_off = true;
        let statements: Vec<u32> = self
            .books
            .cohorts
            .iter()
            .filter_map(|c| match c.phase {
                Phase::Pending { on, .. } => Some(on),
                _ => None,
            })
            .collect();
        for on in statements {
            self.resolve(on, false, day)?;
        }
        self.books.set_rates([DayRate::ZERO; 3])?;
        Ok(())
    }
}

/// The due date of the statement of `statement` under `rule`.
pub(super) fn due_after(rule: DueRule, statement: NaiveDate) -> Result<NaiveDate> {
    match rule {
        DueRule::DaysAfterStatement(days) => add_days(statement, u64::from(days)),
        DueRule::DayOfMonth(day) => {
            let same = statement.with_day(day).ok_or(Error::DateOutOfRange {
                operation: "a due date",
            })?;
            if same > statement {
                Ok(same)
            } else {
                add_months(same, 1)
            }
        }
    }
}

pub(super) fn add_months(date: NaiveDate, months: u32) -> Result<NaiveDate> {
    date.checked_add_months(Months::new(months))
        .ok_or(Error::DateOutOfRange {
            operation: "a card's dates",
        })
}

/// The first anniversary of `opened` (itself included) on or after `day`.
pub(super) fn anniversary_after(opened: NaiveDate, day: NaiveDate) -> Result<NaiveDate> {
    let mut years = u32::try_from(day.year() - opened.year()).unwrap_or(0).saturating_sub(1);
    loop {
        let date = opened
            .checked_add_months(Months::new(12 * years))
            .ok_or(Error::DateOutOfRange {
                operation: "an annual fee date",
            })?;
        if date >= day {
            return Ok(date);
        }
        years += 1;
    }
}
