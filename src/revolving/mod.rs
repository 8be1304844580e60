//! Revolving credit: a credit card ([`Card`], replayed day by day into its
//! statements); a credit line with several draws (随借随还), each repaid on
//! its own terms, one bill a month across them; and a loan paid out in
//! tranches, which shares the line's replay.
//!
//! The guide, [`guide::revolving`](crate::guide::revolving), gives each
//! rule with its source and worked examples.
//!
//! A line has a limit and one due day a month. Each [`Draw`] is a loan of
//! its own (its amount, date, daily or annual rate, number of installments
//! and repayment method: 等额本息, 等额本金 or 先息后本), replayed by the same
//! exact ledger as any installment loan, under the line's
//! [`OverduePolicy`](crate::OverduePolicy). A [`Payment`](crate::Payment) is made to
//! the line and shared among the draws. [`CreditLine::statement`] gives the
//! line on a date ([`LineStatement`]): what is owed, the bill, the days past
//! due and bucket of the line, the available limit, whether the line is
//! frozen, each draw's statement and how each payment was shared.
//!
//! The choices, where contracts differ (each can be read on
//! [`CreditLine`]):
//! - interest accrues day by day on each draw's principal outstanding
//!   (按日计息), so an early repayment, of part or all of any draw, costs
//!   only the days used, and no fee unless the policy sets one;
//! - a draw's first installment falls on the line's due day at least
//!   [`MIN_FIRST_PERIOD_DAYS`] after it;
//! - a payment goes to what has fallen due, oldest due date first across
//!   draws, then prepays the draws oldest first;
//! - the line is frozen while any draw is past due (from the first day, by
//!   default): a draw then is refused, as is a draw above the available
//!   limit; repaid principal is available again at once;
//! - the line's days past due are the most of any draw, as a lender reports
//!   the line; each draw's own are in its statement, for a platform that
//!   reports draws separately.
//!
//! ```
//! use overdue::revolving::{CreditLine, Draw};
//! use overdue::{schedule::Terms, Method, Money, NaiveDate, OverduePolicy, Payment, Rate};
//! use overdue::dec;
//! let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! let daily = Rate::daily(dec!(0.0004))?;                   // 0.04 % a day, 14.6 % a year
//! let line = CreditLine::new(Money::new(dec!(20000))?, 10, OverduePolicy::new())?
//!     .with_draw(Draw::new("rent", d(1, 3), Money::new(dec!(6000))?, Terms::new(daily, 6)))
//!     .with_draw(Draw::new("phone", d(1, 20), Money::new(dec!(3000))?,
//!         Terms::new(daily, 3).with_method(Method::EqualPrincipal)))
//!     .with_payment(Payment::new("feb", d(2, 10), Money::new(dec!(2200))?)?);
//! let st = line.statement(d(3, 1))?;
//! // February's bill (2,068.21) was paid, the rest prepaid the rent; the limit used is
//! // the principal still owed
//! assert_eq!(st.days_past_due, 0);
//! assert_eq!(st.available.checked_add(st.outstanding.principal)?, Money::new(dec!(20000))?);
//! assert_eq!(st.next_due_date, Some(d(3, 10)));
//! # Ok::<(), overdue::Error>(())
//! ```

//!
//! # Loans paid out in tranches
//!
//! A [`TrancheLoan`] is one contract with an approved amount and several
//! disbursements ([`Tranche`]s) on their dates. Each tranche is a draw of a
//! line that does not revolve (the approved amount is paid out once), repaid
//! on the contract's due dates by the contract's [`TrancheRule`]: over the
//! installments that remain, so that each disbursement re-amortises them
//! (the default, as Fineract's multi-disbursement loans), or over a schedule
//! of its own. Interest on each runs from its own date. Its statement is a
//! [`LineStatement`] whose `available` is what is approved and not yet paid
//! out.
//!
//! ```
//! use overdue::revolving::{Tranche, TrancheLoan};
//! use overdue::{schedule::Terms, Money, NaiveDate, OverduePolicy, Rate};
//! use overdue::dec;
//! let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! // a renovation loan: 100,000 approved, 12 monthly installments from 15 February
//! let terms = Terms::new(Rate::annual(dec!(0.06))?, 12).with_first_due(d(2, 15));
//! let loan = TrancheLoan::new(Money::new(dec!(100000))?, terms, OverduePolicy::new())?
//!     .with_tranche(Tranche::new("deposit", d(1, 15), Money::new(dec!(30000))?))
//!     .with_tranche(Tranche::new("works", d(3, 20), Money::new(dec!(50000))?));
//! let st = loan.statement(d(3, 31))?;
//! assert_eq!(st.available, Money::new(dec!(20000.00))?);   // approved, not yet paid out
//! assert_eq!(st.next_due_date, Some(d(4, 15)));
//! # Ok::<(), overdue::Error>(())
//! ```

mod card;
mod line;
mod replay;
mod statement;
mod tranche;

pub(crate) use card::{check_periods, Walk, NOTHING_A_MONTH};
pub use card::{
    Card, CardBalances, CardCycle, CardEvent, CardInterest, CardLateFee, CardRules, CardStatement, CardStatus,
    CardTerms, DueRule, Grace, InterestMethod, MinimumPayment, MinimumPaymentWarning, OverLimit, PlanCharge,
    Projection, Promotion, RateInForce, Repayment, ShareFee, MAX_PROJECTION_MONTHS,
};
pub use line::{CreditLine, Draw, MIN_FIRST_PERIOD_DAYS};
pub use statement::{DrawLedger, DrawStatement, LineAllocation, LineKind, LineStatement};
pub use tranche::{Tranche, TrancheLoan, TrancheRule};
