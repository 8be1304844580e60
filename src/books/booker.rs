//! Books a loan day by day: each day's statement against the day before's,
//! so the receivables always equal what the statement says is owed.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::accrual::{AllocationSource, Ledger, LoanStatus, Statement};
use crate::books::accounts::Account;
use crate::books::entry::EntryKind;
use crate::books::policy::{Basis, BookingPolicy, InterestRecognition, NonAccrual};
use crate::component::Component;
use crate::error::{Error, Result};
use crate::money::{Money, Rounding};

const P: Component = Component::Principal;
const I: Component = Component::Interest;
/// The most days a journal books: a hundred years, each a statement.
pub(crate) const MAX_JOURNAL_DAYS: u64 = 36_525;

/// The components that earn income, in booking order.
const INCOME: [Component; 4] = [
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
enum Mode {
    Accruing,
    NonAccrual,
    ChargedOff,
}

/// Why a claim is reduced, which sets the other side of the posting.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reduction {
    /// Paid: the cash side is posted by the caller.
    Payment,
    /// Waived, or cut off its charge (a cap): out of income, or against the
    /// allowance for principal.
    Waiver,
    /// Moved to a restructure's new plan.
    Restructure,
}

/// The cumulative amounts of a statement the books follow, in minor units.
#[derive(Default)]
struct Totals {
    /// Charged on the original installments.
    charged_old: [i128; 5],
    /// Charged on installments a restructure created.
    charged_new: [i128; 5],
    /// Paid by allocations, before rebates.
    parts: [i128; 5],
    waived: [i128; 5],
    restructured: [i128; 5],
    rebates: [i128; 5],
    cash_in: i128,
    refunded: i128,
    unearned: i128,
    restructures: usize,
}

/// The minor units of `m`.
fn minor(m: Money, scale: u32) -> Result<i128> {
    m.to_minor("journal amount", scale)
}

/// Adds the components `c` into `into`.
fn add(into: &mut [i128; 5], c: &crate::components::Components, scale: u32) -> Result<()> {
    for comp in Component::ALL {
        let slot = into.get_mut(comp.index()).ok_or_else(overflow)?;
        *slot = slot.checked_add(minor(c.get(comp), scale)?).ok_or_else(overflow)?;
    }
    Ok(())
}

fn overflow() -> Error {
    crate::error::overflow("journal")
}

fn at(a: &[i128; 5], c: Component) -> i128 {
    a.get(c.index()).copied().unwrap_or(0)
}

impl Totals {
    fn of(st: &Statement, original: u32, scale: u32) -> Result<Totals> {
        let mut t = Totals::default();
        for inst in &st.installments {
            let into = if inst.number > original {
                &mut t.charged_new
            } else {
                &mut t.charged_old
            };
            add(into, &inst.charged, scale)?;
        }
        add(&mut t.waived, &st.waived, scale)?;
        add(&mut t.restructured, &st.restructured, scale)?;
        for a in &st.allocations {
            if matches!(
                a.source,
                AllocationSource::Payment { .. } | AllocationSource::DownPayment
            ) {
                t.cash_in = t.cash_in.checked_add(minor(a.amount, scale)?).ok_or_else(overflow)?;
            }
            for part in &a.parts {
                let slot = t.parts.get_mut(part.component.index()).ok_or_else(overflow)?;
                *slot = slot.checked_add(minor(part.amount, scale)?).ok_or_else(overflow)?;
            }
        }
        for r in &st.rebates {
            let slot = t.rebates.get_mut(r.component.index()).ok_or_else(overflow)?;
            *slot = slot.checked_add(minor(r.amount, scale)?).ok_or_else(overflow)?;
        }
        t.refunded = minor(st.refunded, scale)?;
        t.unearned = minor(st.unearned_prepaid, scale)?;
        t.restructures = st.restructures.len();
        Ok(t)
    }
}

/// The day-by-day state of a loan's books.
pub(crate) struct Booker<'a> {
    policy: &'a BookingPolicy,
    rounding: Rounding,
    scale: u32,
    original: u32,
    disbursement: NaiveDate,
    bal: BTreeMap<Account, i128>,
    mode: Mode,
    pub(crate) entries: Vec<Draft>,
}

impl<'a> Booker<'a> {
    /// Books `ledger` from its disbursement through `through`: each day's
    /// statement (its events applied, the days before it accrued) against
    /// the day before's.
    pub(crate) fn run(ledger: &Ledger, policy: &'a BookingPolicy, through: NaiveDate) -> Result<Booker<'a>> {
        let disbursement = ledger.opened_by(through, "journal date")?;
        let days = u64::try_from((through - disbursement).num_days()).unwrap_or(u64::MAX);
        if days > MAX_JOURNAL_DAYS {
            return Err(Error::TooLarge {
                field: "days booked (journal date after the disbursement)",
                value: days,
                max: MAX_JOURNAL_DAYS,
            });
        }
        let rounding = ledger.policy().get_rounding();
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
        let days: Vec<NaiveDate> = disbursement.iter_days().take_while(|&d| d <= through).collect();
        let mut prev = Totals::default();
        // a year of days at a time keeps the statements held in memory small
        for chunk in days.chunks(366) {
            for (&day, st) in chunk.iter().zip(ledger.statements_on(chunk)?) {
                let now = Totals::of(&st, booker.original, booker.scale)?;
                booker.day(day, &prev, &now, &st)?;
                prev = now;
            }
        }
        Ok(booker)
    }

    /// The balance of `account`, debit positive.
    pub(crate) fn balance(&self, account: Account) -> i128 {
        self.bal.get(&account).copied().unwrap_or(0)
    }

    /// The income of component `c` held in suspense (its credit balance).
    fn suspended(&self, c: Component) -> Result<i128> {
        Ok(self
            .balance(Account::Suspense(c))
            .checked_neg()
            .ok_or_else(overflow)?
            .max(0))
    }

    /// Posts one entry of balanced lines (zero lines dropped; an entry with
    /// none is not kept).
    fn post(&mut self, date: NaiveDate, kind: EntryKind, lines: &[(Account, i128)]) -> Result<()> {
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
    fn move_(&mut self, date: NaiveDate, kind: EntryKind, debit: Account, credit: Account, x: i128) -> Result<()> {
        let minus = x.checked_neg().ok_or_else(overflow)?;
        self.post(date, kind, &[(debit, x), (credit, minus)])
    }

    /// Whether income charged today is held off the balance sheet.
    fn income_off_balance(&self) -> bool {
        self.policy.get_basis() == Basis::Cash
            || self.mode == Mode::ChargedOff
            || (self.mode == Mode::NonAccrual && self.policy.get_non_accrual() == NonAccrual::OffBalance)
    }

    /// The entry kind of a charge of `c`.
    fn charge_kind(c: Component) -> EntryKind {
        match c {
            Component::Interest => EntryKind::InterestDue,
            Component::Fees => EntryKind::Fee,
            _ => EntryKind::Penalty,
        }
    }

    /// Books `x` of income component `c` charged to the borrower, debiting
    /// `debit` (the receivable, or a restructure's holding): income,
    /// suspense or the memorandum by the loan's standing.
    fn charge(&mut self, date: NaiveDate, kind: EntryKind, c: Component, debit: Account, x: i128) -> Result<()> {
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
    fn reduce(&mut self, date: NaiveDate, c: Component, x: i128, why: Reduction, kind: EntryKind) -> Result<()> {
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

    /// Books one day.
    fn day(&mut self, d: NaiveDate, p: &Totals, t: &Totals, st: &Statement) -> Result<()> {
        let delta = |a: &[i128; 5], b: &[i128; 5], c: Component| at(b, c) - at(a, c);
        // 1. charges on the original installments (the principal on the first day)
        for c in Component::ALL {
            let x = delta(&p.charged_old, &t.charged_old, c) + delta(&p.rebates, &t.rebates, c);
            if c == P {
                self.move_(d, EntryKind::Disbursement, Account::Receivable(P), Account::Cash, x)?;
            } else {
                self.charge(d, Self::charge_kind(c), c, Account::Receivable(c), x)?;
            }
        }
        // 2. waivers, and what restructures moved to their new plans
        for c in Component::ALL {
            self.reduce(
                d,
                c,
                delta(&p.waived, &t.waived, c),
                Reduction::Waiver,
                EntryKind::Waiver,
            )?;
        }
        for c in Component::ALL {
            let x = delta(&p.restructured, &t.restructured, c);
            self.reduce(d, c, x, Reduction::Restructure, EntryKind::Restructure)?;
        }
        for r in st.restructures.get(p.restructures..t.restructures).unwrap_or_default() {
            self.restructure(d, r, p, t)?;
        }
        // 3. the new plans' charges: first what the restructures carried, then new income
        for c in [
            P,
            I,
            Component::Fees,
            Component::PenaltyInterest,
            Component::CompoundInterest,
        ] {
            let x = delta(&p.charged_new, &t.charged_new, c);
            let on = x.max(0).min(self.balance(Account::Restructured).max(0));
            self.move_(
                d,
                EntryKind::Restructure,
                Account::Receivable(c),
                Account::Restructured,
                on,
            )?;
            let off = (x.max(0) - on).min(self.balance(Account::OffBalanceRestructured).max(0));
            self.move_(
                d,
                EntryKind::Restructure,
                Account::OffBalance(c),
                Account::OffBalanceRestructured,
                off,
            )?;
            let rest = x - on - off;
            if c == P {
                self.move_(d, EntryKind::Disbursement, Account::Receivable(P), Account::Cash, rest)?;
            } else {
                self.charge(d, Self::charge_kind(c), c, Account::Receivable(c), rest)?;
            }
        }
        // 4. payments, rebates, refunds (after every charge of the day, which they may pay)
        let mut parts = 0i128;
        let kind = if self.mode == Mode::ChargedOff {
            EntryKind::Recovery
        } else {
            EntryKind::Payment
        };
        let cash = t.cash_in - p.cash_in;
        self.post(d, kind, &[(Account::Cash, cash)])?;
        for c in Component::ALL {
            let x = delta(&p.parts, &t.parts, c);
            parts += x;
            self.reduce(d, c, x, Reduction::Payment, kind)?;
        }
        self.post(d, kind, &[(Account::CreditBalance, parts - cash)])?;
        for c in Component::ALL {
            let x = delta(&p.rebates, &t.rebates, c);
            let debit = if c == P { Account::Allowance } else { Account::Income(c) };
            self.move_(d, EntryKind::Rebate, debit, Account::CreditBalance, x)?;
        }
        self.move_(
            d,
            EntryKind::Refund,
            Account::CreditBalance,
            Account::Cash,
            t.refunded - p.refunded,
        )?;
        // 5. interest paid ahead and not yet earned
        self.move_(
            d,
            EntryKind::Unearned,
            Account::Income(I),
            Account::Unearned,
            t.unearned - p.unearned,
        )?;
        // 6. the loan's standing on the day, then interest earned and not yet due
        self.standing(d, st)?;
        let accrued = self.accrued_target(d, st)?;
        let x = accrued - self.balance(Account::AccruedInterest);
        self.move_(d, EntryKind::Accrual, Account::AccruedInterest, Account::Income(I), x)?;
        if st.status == LoanStatus::PaidOff {
            for c in INCOME {
                let s = self.balance(Account::Suspense(c)).checked_neg().ok_or_else(overflow)?;
                self.move_(
                    d,
                    EntryKind::Settlement,
                    Account::Suspense(c),
                    Account::Income(c),
                    s.max(0),
                )?;
            }
        }
        Ok(())
    }

    /// A restructure's own amounts: interest earned to its date and not yet
    /// due, its fee and deferral interest (income), and what it waived.
    fn restructure(
        &mut self,
        d: NaiveDate,
        r: &crate::restructure::RestructureSummary,
        p: &Totals,
        t: &Totals,
    ) -> Result<()> {
        let kind = EntryKind::Restructure;
        for c in Component::ALL {
            let owed = minor(r.owed.get(c), self.scale)?;
            let moved = at(&t.restructured, c) - at(&p.restructured, c);
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
    fn standing(&mut self, d: NaiveDate, st: &Statement) -> Result<()> {
        let paid = st.status == LoanStatus::PaidOff;
        let next = if st.charged_off_on.is_some() && !paid {
            Mode::ChargedOff
        } else if paid {
            Mode::Accruing
        } else if self
            .policy
            .get_non_accrual_after()
            .is_some_and(|n| st.days_past_due >= n)
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
    fn stop_accruing(&mut self, d: NaiveDate) -> Result<()> {
        let kind = EntryKind::NonAccrual;
        for c in INCOME {
            let on = self.balance(Account::Receivable(c)).max(0);
            let suspended = self.suspended(c)?;
            let recognised = (on - suspended).max(0);
            match self.policy.get_non_accrual() {
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
    fn charge_off(&mut self, d: NaiveDate) -> Result<()> {
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
    fn accrued_target(&self, d: NaiveDate, st: &Statement) -> Result<i128> {
        if self.policy.get_interest() != InterestRecognition::Daily
            || self.policy.get_basis() != Basis::Accrual
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
