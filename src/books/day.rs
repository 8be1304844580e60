//! One day of a loan's books: what changed in its statement since the day
//! before, booked in order.

use chrono::NaiveDate;

use crate::accrual::{LoanStatus, Statement};
use crate::books::accounts::Account;
use crate::books::booker::{Booker, Mode, Reduction, I, INCOME, P};
use crate::books::entry::EntryKind;
use crate::books::totals::{overflow, Totals};
use crate::component::Component;
use crate::components::PerComponent;
use crate::error::Result;

/// What component `c` changed by from `before` to `after`.
fn delta(before: &PerComponent<i128>, after: &PerComponent<i128>, c: Component) -> i128 {
    after[c] - before[c]
}

impl Booker<'_> {
    /// Books one day.
    pub(super) fn day(&mut self, d: NaiveDate, p: &Totals, t: &Totals, st: &Statement) -> Result<()> {
        self.charges(d, p, t)?;
        self.reductions(d, p, t, st)?;
        self.new_plan_charges(d, p, t)?;
        self.payments(d, p, t)?;
        self.earnings(d, p, t, st)
    }

    /// Charges on the original installments (the principal on the first day).
    fn charges(&mut self, d: NaiveDate, p: &Totals, t: &Totals) -> Result<()> {
        for c in Component::ALL {
            let x = delta(&p.charged_old, &t.charged_old, c) + delta(&p.rebates, &t.rebates, c);
            if c == P {
                self.move_(d, EntryKind::Disbursement, Account::Receivable(P), Account::Cash, x)?;
            } else {
                self.charge(d, Self::charge_kind(c), c, Account::Receivable(c), x)?;
            }
        }
        Ok(())
    }

    /// Waivers, and what restructures moved to their new plans.
    fn reductions(&mut self, d: NaiveDate, p: &Totals, t: &Totals, st: &Statement) -> Result<()> {
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
        Ok(())
    }

    /// The new plans' charges: first what the restructures carried, then new income.
    fn new_plan_charges(&mut self, d: NaiveDate, p: &Totals, t: &Totals) -> Result<()> {
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
        Ok(())
    }

    /// Payments, rebates, refunds (after every charge of the day, which they may pay).
    fn payments(&mut self, d: NaiveDate, p: &Totals, t: &Totals) -> Result<()> {
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
        Ok(())
    }

    /// Interest paid ahead and not yet earned; the loan's standing on the
    /// day, then interest earned and not yet due (and income held in
    /// suspense, recognised at payoff).
    fn earnings(&mut self, d: NaiveDate, p: &Totals, t: &Totals, st: &Statement) -> Result<()> {
        self.move_(
            d,
            EntryKind::Unearned,
            Account::Income(I),
            Account::Unearned,
            t.unearned - p.unearned,
        )?;
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
}
