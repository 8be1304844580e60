//! What a comparison weighs the ways out of: an installment loan (its
//! ledger) or a credit card, each read the same way: what pays it off on a
//! day, and how many days past due it is then.

use chrono::NaiveDate;

use crate::accrual::{Ledger, Statement};
use crate::error::{Error, Result};
use crate::money::{Money, Rounding};
use crate::revolving::{Card, CardRules, CardStatement};

/// The debt a comparison is about.
#[derive(Clone, Copy)]
pub(super) enum Owed<'a> {
    /// An installment loan.
    Loan(&'a Ledger),
    /// A credit card.
    Card(&'a Card),
}

/// The debt on the comparison date, as its own statement gives it.
#[derive(Clone, Copy)]
pub(super) enum Today<'s> {
    /// A loan's statement.
    Loan(&'s Statement),
    /// A card's statement.
    Card(&'s CardStatement),
}

impl Today<'_> {
    /// What pays the debt off.
    pub(super) fn payoff(&self) -> Money {
        match self {
            Today::Loan(st) => st.payoff,
            Today::Card(st) => st.payoff,
        }
    }

    /// Its days past due.
    pub(super) fn days_past_due(&self) -> u32 {
        match self {
            Today::Loan(st) => st.days_past_due,
            Today::Card(st) => st.days_past_due,
        }
    }
}

/// Where the debt stands on a day: what pays it off, and its days past due.
pub(super) struct Standing {
    pub(super) payoff: Money,
    pub(super) days_past_due: u32,
}

impl<'a> Owed<'a> {
    /// Where it stands on `day`, nothing more paid.
    pub(super) fn standing(&self, day: NaiveDate) -> Result<Standing> {
        Ok(match self {
            Owed::Loan(ledger) => {
                let st = ledger.statement(day)?;
                Standing {
                    payoff: st.payoff,
                    days_past_due: st.days_past_due,
                }
            }
            Owed::Card(card) => {
                let st = card.statement(day)?;
                Standing {
                    payoff: st.payoff,
                    days_past_due: st.days_past_due,
                }
            }
        })
    }

    /// The payoff on each of `days` (ascending), nothing more paid.
    pub(super) fn payoffs_on(&self, days: &[NaiveDate]) -> Result<Vec<Money>> {
        match self {
            Owed::Loan(ledger) => ledger.payoffs_on(days),
            Owed::Card(card) => days.iter().map(|day| Ok(card.statement(*day)?.payoff)).collect(),
        }
    }

    /// How its amounts are rounded (a card's in cents).
    pub(super) fn rounding(&self) -> Rounding {
        match self {
            Owed::Loan(ledger) => ledger.policy().rounding(),
            Owed::Card(_) => Rounding::default(),
        }
    }

    /// How a new loan that pays it off is rounded: as the loan's own
    /// schedule is, or in cents.
    pub(super) fn new_loan_rounding(&self) -> Rounding {
        match self {
            Owed::Loan(ledger) => ledger.schedule().options().rounding(),
            Owed::Card(_) => Rounding::default(),
        }
    }

    /// The day the contract was made: the loan's disbursement, the card's
    /// opening.
    pub(super) fn contract_date(&self) -> NaiveDate {
        match self {
            Owed::Loan(ledger) => ledger.schedule().disbursement(),
            Owed::Card(card) => card.opened(),
        }
    }

    /// Whether the Chinese courts' caps on a lender's charges are checked:
    /// for a loan, and for a card under Chinese rules; a card under US rules
    /// is held to Regulation Z's own limits, which its replay applies.
    pub(super) fn court_caps_apply(&self) -> bool {
        match self {
            Owed::Loan(_) => true,
            Owed::Card(card) => card.terms().rules() != CardRules::Us,
        }
    }

    /// The delinquency bucket of `days_past_due`, as the debt reports it.
    pub(super) fn bucket(&self, days_past_due: u32) -> String {
        match self {
            Owed::Loan(ledger) => ledger.policy().buckets().bucket(days_past_due).label().to_owned(),
            Owed::Card(card) => card.terms().buckets().bucket(days_past_due).label().to_owned(),
        }
    }

    /// The loan, for a way out only a loan has (`what`, "a restructure").
    pub(super) fn loan<'t>(&self, today: &Today<'t>, what: &str) -> Result<(&'a Ledger, &'t Statement)> {
        match (self, today) {
            (Owed::Loan(ledger), Today::Loan(st)) => Ok((ledger, st)),
            _ => Err(Error::Invalid {
                field: "way",
                reason: wrong_debt(what, Debt::Card),
            }),
        }
    }

    /// The card, for a way out only a card has (`what`, "paying the minimum only").
    pub(super) fn card<'t>(&self, today: &Today<'t>, what: &str) -> Result<(&'a Card, &'t CardStatement)> {
        match (self, today) {
            (Owed::Card(card), Today::Card(st)) => Ok((card, st)),
            _ => Err(Error::Invalid {
                field: "way",
                reason: wrong_debt(what, Debt::Loan),
            }),
        }
    }
}

/// The kind of debt a comparison is about, for its messages.
#[derive(Clone, Copy)]
pub(super) enum Debt {
    Loan,
    Card,
}

/// Why `what` is no way out of `debt`.
pub(super) fn wrong_debt(what: &str, debt: Debt) -> String {
    match debt {
        Debt::Card => format!("{what} is a way out of an installment loan, not of a card"),
        Debt::Loan => format!("{what} is a way out of a card, not of an installment loan"),
    }
}
