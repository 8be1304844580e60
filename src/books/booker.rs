//! Books a loan day by day: each day's statement against the day before's,
//! so the receivables always equal what the statement says is owed.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::accrual::{Ledger, LoanStatus, Statement};
use crate::books::accounts::Account;
use crate::books::entry::EntryKind;
use crate::books::policy::{Basis, BookingPolicy, InterestRecognition, NonAccrual};
use crate::books::totals::{minor, overflow, Totals};
use crate::component::Component;
use crate::error::{Error, Result};
use crate::money::Rounding;
use crate::schedule::InterestModel;

pub(super) const P: Component = Component::Principal;
pub(super) const I: Component = Component::Interest;
/// The most days a journal books: a hundred years, each a statement.
pub(crate) const MAX_JOURNAL_DAYS: u64 = 36_525;

/// The components that earn income, in booking order.
pub(super) const INCOME: [Component; 4] = [
    Component::Interest,
    Component::PenaltyInterest,
    Component::CompoundInterest,
    Component::Fees,
];

/// An entry being built: lines of (account, debit positive / credit negative).
pub(crate) struct Draft {
    pub(crate) date: NaiveDate,
    pub(crate) kind: EntryKind,
    pub(crate) lines: Vec<(Account, i128)>,
}

/// Where the loan stands for its books.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Accruing,
    NonAccrual,
    ChargedOff,
}

/// Why a claim is reduced, which sets the other side of the posting.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Reduction {
    /// Paid: the cash side is posted by the caller.
    Payment,
    /// Waived, or cut off its charge (a cap): out of income, or against the
    /// allowance for principal.
    Waiver,
    /// Moved to a restructure's new plan.
    Restructure,
}

/// The day-by-day state of a loan's books.
pub(crate) struct Booker<'a> {
    pub(super) policy: &'a BookingPolicy,
    pub(super) rounding: Rounding,
    pub(super) scale: u32,
    pub(super) original: u32,
    pub(super) disbursement: NaiveDate,
    pub(super) bal: BTreeMap<Account, i128>,
    pub(super) mode: Mode,
    pub(crate) entries: Vec<Draft>,
}

/// Which days a journal reads the loan's statement on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Every day (the test suite's cross-check reads it so).
    #[cfg_attr(
        not(feature = "test-oracles"),
        expect(dead_code, reason = "read every day only by the test suite's cross-check")
    )]
    EveryDay,
    /// Only the days it may have changed (see [`quiet_until`]); on the
    /// others the day's entries are booked from the last statement read,
    /// which is that day's but for its date.
    WhenChanged,
}

/// The last day after `day` on which the statement of `ledger` stays `st`
/// but for its date; `day` itself when it may change the next day.
///
/// The statement changes with the days only through what is owed and
/// late (penalties, fees, days past due, charge-off), interest paid ahead
/// being earned, interest accruing day by day, or a floating rate's reset;
/// otherwise only an event or a due date changes it. So while nothing of
/// the installments fallen due is owed, nothing is paid ahead, and the loan
/// has neither daily interest nor a floating rate, it stays the same until
/// the day before the next event or due date.
fn quiet_until(ledger: &Ledger, st: &Statement, day: NaiveDate) -> NaiveDate {
    let options = ledger.schedule().options();
    let steady = matches!(options.interest(), InterestModel::Scheduled)
        && options.floating().is_none()
        && st.days_past_due == 0
        && st.charged_off_on.is_none()
        && st.unearned_prepaid.is_zero()
        && st
            .installments
            .iter()
            .filter(|i| i.due_date <= day)
            .all(|i| Component::ALL.iter().all(|&c| i.outstanding.get(c).is_zero()));
    if !steady {
        return day;
    }
    let next_due = st.installments.iter().map(|i| i.due_date).filter(|&d| d > day).min();
    let events = ledger.events();
    let next_event = events
        .get(events.partition_point(|e| e.date() <= day))
        .map(crate::accrual::Event::date);
    match next_due.into_iter().chain(next_event).min() {
        Some(next) => next.pred_opt().unwrap_or(day),
        None => NaiveDate::MAX,
    }
}

impl<'a> Booker<'a> {
    /// Books `ledger` from its disbursement through `through`: each day's
    /// statement (its events applied, the days before it accrued) against
    /// the day before's.
    pub(crate) fn run(
        ledger: &Ledger,
        policy: &'a BookingPolicy,
        through: NaiveDate,
        reading: Reading,
    ) -> Result<Booker<'a>> {
        let disbursement = ledger.opened_by(through, "journal date")?;
        let days = u64::try_from((through - disbursement).num_days()).unwrap_or(u64::MAX);
        if days > MAX_JOURNAL_DAYS {
            return Err(Error::TooLarge {
                field: "days booked (journal date after the disbursement)",
                value: days,
                max: MAX_JOURNAL_DAYS,
            });
        }
        let rounding = ledger.policy().rounding();
        let mut booker = Booker {
            policy,
            rounding,
            scale: rounding.scale(),
            original: u32::try_from(ledger.schedule().installments().len()).unwrap_or(u32::MAX),
            disbursement,
            bal: BTreeMap::new(),
            mode: Mode::Accruing,
            entries: Vec::new(),
        };
        let mut reader = ledger.statement_reader();
        let mut prev = Totals::default();
        // the last statement read, and the last day the statement stays the same but for its date
        let mut last: Option<(Statement, NaiveDate)> = None;
        for day in disbursement.iter_days().take_while(|&d| d <= through) {
            if let Some((st, quiet_until)) = &last
                && reading == Reading::WhenChanged
                && day <= *quiet_until
            {
                booker.day(day, &prev, &prev, st)?;
                continue;
            }
            let st = reader.read(day)?;
            let now = Totals::of(&st, booker.original, booker.scale)?;
            booker.day(day, &prev, &now, &st)?;
            prev = now;
            let until = quiet_until(ledger, &st, day);
            last = Some((st, until));
        }
        Ok(booker)
    }

    /// The balance of `account`, debit positive.
    pub(crate) fn balance(&self, account: Account) -> i128 {
        self.bal.get(&account).copied().unwrap_or(0)
    }

    /// The income of component `c` held in suspense (its credit balance).
    pub(super) fn suspended(&self, c: Component) -> Result<i128> {
        Ok(self
            .balance(Account::Suspense(c))
            .checked_neg()
            .ok_or_else(overflow)?
            .max(0))
    }

    /// Posts one entry of balanced lines (zero lines dropped; an entry with
    /// none is not kept).
    pub(super) fn post(&mut self, date: NaiveDate, kind: EntryKind, lines: &[(Account, i128)]) -> Result<()> {
        let lines: Vec<(Account, i128)> = lines.iter().copied().filter(|l| l.1 != 0).collect();
        if lines.is_empty() {
            return Ok(());
        }
        for &(account, x) in &lines {
            let b = self.bal.entry(account).or_insert(0);
            *b = b.checked_add(x).ok_or_else(overflow)?;
        }
        match self.entries.last_mut() {
            Some(last) if last.date == date && last.kind == kind => last.lines.extend(lines),
            _ => self.entries.push(Draft { date, kind, lines }),
        }
        Ok(())
    }

    /// Debits `debit` and credits `credit` with `x` (reversed when negative).
    pub(super) fn move_(
        &mut self,
        date: NaiveDate,
        kind: EntryKind,
        debit: Account,
        credit: Account,
        x: i128,
    ) -> Result<()> {
        let minus = x.checked_neg().ok_or_else(overflow)?;
        self.post(date, kind, &[(debit, x), (credit, minus)])
    }

    /// Whether income charged today is held off the balance sheet.
    pub(super) fn income_off_balance(&self) -> bool {
        self.policy.basis() == Basis::Cash
            || self.mode == Mode::ChargedOff
            || (self.mode == Mode::NonAccrual && self.policy.non_accrual() == NonAccrual::OffBalance)
    }

    /// The entry kind of a charge of `c`.
    pub(super) fn charge_kind(c: Component) -> EntryKind {
        match c {
            Component::Interest => EntryKind::InterestDue,
            Component::Fees => EntryKind::Fee,
            _ => EntryKind::Penalty,
        }
    }

    /// Books `x` of income component `c` charged to the borrower, debiting
    /// `debit` (the receivable, or a restructure's holding): income,
    /// suspense or the memorandum by the loan's standing.
    pub(super) fn charge(
        &mut self,
        date: NaiveDate,
        kind: EntryKind,
        c: Component,
        debit: Account,
        x: i128,
    ) -> Result<()> {
        if x < 0 {
            return self.reduce(date, c, x.checked_neg().ok_or_else(overflow)?, Reduction::Waiver, kind);
        }
        if self.income_off_balance() {
            let memo = if debit == Account::Restructured {
                Account::OffBalanceRestructured
            } else {
                Account::OffBalance(c)
            };
            return self.move_(date, kind, memo, Account::OffBalanceContra, x);
        }
        if self.mode == Mode::NonAccrual {
            return self.move_(date, kind, debit, Account::Suspense(c), x);
        }
        let from_accrued = if c == I && debit.is_receivable() {
            x.min(self.balance(Account::AccruedInterest).max(0))
        } else {
            0
        };
        self.move_(date, kind, debit, Account::AccruedInterest, from_accrued)?;
        self.move_(date, kind, debit, Account::Income(c), x - from_accrued)
    }

    /// Takes `x` of component `c` off the borrower's claims (the
    /// receivable first, then the memorandum), for `why`.
    pub(super) fn reduce(
        &mut self,
        date: NaiveDate,
        c: Component,
        x: i128,
        why: Reduction,
        kind: EntryKind,
    ) -> Result<()> {
        if x < 0 {
            // a payment reversed, or a waiver undone: the claim is back on the books
            let back = x.checked_neg().ok_or_else(overflow)?;
            let other = match why {
                // the cash side is the caller's
                Reduction::Payment => return self.post(date, kind, &[(Account::Receivable(c), back)]),
                Reduction::Waiver if c == P => Account::Allowance,
                Reduction::Waiver => Account::Income(c),
                Reduction::Restructure => Account::Restructured,
            };
            return self.move_(date, kind, Account::Receivable(c), other, back);
        }
        let on = x.min(self.balance(Account::Receivable(c)).max(0));
        let off = (x - on).min(self.balance(Account::OffBalance(c)).max(0));
        let rest = x - on - off;
        let on = on + rest; // nothing else holds it: the receivable goes below zero, never silently lost
        let suspended = self.suspended(c)?;
        match why {
            Reduction::Payment => {
                self.post(date, kind, &[(Account::Receivable(c), -on)])?;
                if c != P {
                    self.move_(date, kind, Account::Suspense(c), Account::Income(c), on.min(suspended))?;
                }
                let recovery = if self.mode == Mode::ChargedOff || c == P {
                    Account::Allowance
                } else {
                    Account::Income(c)
                };
                self.post(date, kind, &[(recovery, -off)])?;
                self.move_(date, kind, Account::OffBalanceContra, Account::OffBalance(c), off)
            }
            Reduction::Waiver => {
                let from_suspense = on.min(suspended);
                let debit = if c == P { Account::Allowance } else { Account::Income(c) };
                self.post(
                    date,
                    kind,
                    &[
                        (Account::Suspense(c), from_suspense),
                        (debit, on - from_suspense),
                        (Account::Receivable(c), -on),
                    ],
                )?;
                self.move_(date, kind, Account::OffBalanceContra, Account::OffBalance(c), off)
            }
            Reduction::Restructure => {
                self.move_(date, kind, Account::Restructured, Account::Receivable(c), on)?;
                self.move_(date, kind, Account::OffBalanceRestructured, Account::OffBalance(c), off)
            }
        }
    }

    /// A restructure's own amounts: interest earned to its date and not yet
    /// due, its fee and deferral interest (income), and what it waived.
    pub(super) fn restructure(
        &mut self,
        d: NaiveDate,
        r: &crate::restructure::RestructureSummary,
        p: &Totals,
        t: &Totals,
    ) -> Result<()> {
        let kind = EntryKind::Restructure;
        for c in Component::ALL {
            let owed = minor(r.owed.get(c), self.scale)?;
            let moved = t.restructured[c] - p.restructured[c];
            let earned = (owed - moved).max(0);
            if c == P {
                self.move_(d, kind, Account::Restructured, Account::Cash, earned)?;
            } else {
                self.charge(d, kind, c, Account::Restructured, earned)?;
            }
        }
        self.charge(
            d,
            kind,
            Component::Fees,
            Account::Restructured,
            minor(r.fee, self.scale)?,
        )?;
        self.charge(
            d,
            kind,
            I,
            Account::Restructured,
            minor(r.deferral_interest, self.scale)?,
        )?;
        for c in Component::ALL {
            let w = minor(r.waived.get(c), self.scale)?;
            let on = w.min(self.balance(Account::Restructured).max(0));
            let suspended = self.suspended(c)?;
            let from_suspense = if c == P { 0 } else { on.min(suspended) };
            let debit = if c == P { Account::Allowance } else { Account::Income(c) };
            self.post(
                d,
                kind,
                &[
                    (Account::Suspense(c), from_suspense),
                    (debit, on - from_suspense),
                    (Account::Restructured, -on),
                ],
            )?;
            self.move_(
                d,
                kind,
                Account::OffBalanceContra,
                Account::OffBalanceRestructured,
                w - on,
            )?;
        }
        Ok(())
    }

    /// Moves the loan to its standing on day `d`: non-accrual
    /// from the threshold until current again; charged off as the ledger's
    /// policy says.
    pub(super) fn standing(&mut self, d: NaiveDate, st: &Statement) -> Result<()> {
        let paid = st.status == LoanStatus::PaidOff;
        let next = if st.charged_off_on.is_some() && !paid {
            Mode::ChargedOff
        } else if paid {
            Mode::Accruing
        } else if self.policy.non_accrual_after().is_some_and(|n| st.days_past_due >= n)
            || (self.mode == Mode::NonAccrual && st.days_past_due > 0)
        {
            Mode::NonAccrual
        } else {
            Mode::Accruing
        };
        if next == self.mode {
            return Ok(());
        }
        let was = self.mode;
        self.mode = next;
        match next {
            Mode::NonAccrual if was == Mode::Accruing => self.stop_accruing(d),
            Mode::ChargedOff => self.charge_off(d),
            _ => Ok(()),
        }
    }

    /// Income charged and unpaid stops being income: into suspense, or off
    /// the balance sheet, by the policy.
    pub(super) fn stop_accruing(&mut self, d: NaiveDate) -> Result<()> {
        let kind = EntryKind::NonAccrual;
        for c in INCOME {
            let on = self.balance(Account::Receivable(c)).max(0);
            let suspended = self.suspended(c)?;
            let recognised = (on - suspended).max(0);
            match self.policy.non_accrual() {
                NonAccrual::OffBalance => {
                    self.post(
                        d,
                        kind,
                        &[
                            (Account::Income(c), recognised),
                            (Account::Suspense(c), on - recognised),
                            (Account::Receivable(c), -on),
                        ],
                    )?;
                    self.move_(d, kind, Account::OffBalance(c), Account::OffBalanceContra, on)?;
                }
                _ => self.move_(d, kind, Account::Income(c), Account::Suspense(c), recognised)?,
            }
        }
        Ok(())
    }

    /// Everything on the balance sheet is charged off against the allowance
    /// (suspended income against its suspense) and kept off the balance
    /// sheet (账销案存).
    pub(super) fn charge_off(&mut self, d: NaiveDate) -> Result<()> {
        let kind = EntryKind::ChargeOff;
        for c in Component::ALL {
            let on = self.balance(Account::Receivable(c)).max(0);
            let suspended = self.suspended(c)?;
            let from_suspense = on.min(suspended);
            self.post(
                d,
                kind,
                &[
                    (Account::Suspense(c), from_suspense),
                    (Account::Allowance, on - from_suspense),
                    (Account::Receivable(c), -on),
                ],
            )?;
            self.move_(d, kind, Account::OffBalance(c), Account::OffBalanceContra, on)?;
        }
        let held = self.balance(Account::Restructured).max(0);
        self.move_(d, kind, Account::Allowance, Account::Restructured, held)?;
        self.move_(
            d,
            kind,
            Account::OffBalanceRestructured,
            Account::OffBalanceContra,
            held,
        )
    }

    /// Contract interest earned in the days before `d` and not yet charged:
    /// the current period's interest pro rata to its days, while the loan
    /// accrues on the accrual basis with daily recognition; zero otherwise.
    pub(super) fn accrued_target(&self, d: NaiveDate, st: &Statement) -> Result<i128> {
        if self.policy.interest() != InterestRecognition::Daily
            || self.policy.basis() != Basis::Accrual
            || self.mode != Mode::Accruing
            || st.status == LoanStatus::PaidOff
        {
            return Ok(0);
        }
        let in_force = |i: &&crate::accrual::InstallmentStatement| st.in_force(i);
        let Some(current) = st.installments.iter().filter(in_force).find(|i| i.due_date > d) else {
            return Ok(0);
        };
        let start = st
            .installments
            .iter()
            .filter(in_force)
            .map(|i| i.due_date)
            .filter(|&due| due < current.due_date)
            .chain(st.restructures.iter().map(|r| r.date).filter(|&r| r <= d))
            .chain([self.disbursement])
            .max()
            .unwrap_or(self.disbursement);
        let length = i128::from((current.due_date - start).num_days()).max(1);
        let elapsed = i128::from((d - start).num_days()).clamp(0, length);
        let scheduled = minor(current.charged.interest, self.scale)? + minor(current.upcoming.interest, self.scale)?;
        let earned = self
            .rounding
            .div(scheduled.checked_mul(elapsed).ok_or_else(overflow)?, length)?;
        Ok((earned - minor(current.charged.interest, self.scale)?).max(0))
    }
}
