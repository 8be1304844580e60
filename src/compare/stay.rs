//! The cost of staying overdue, day by day, and the break-even day: the
//! first day staying costs more than a way out.

use std::cell::RefCell;
use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use crate::accrual::Ledger;
use crate::error::{overflow, Error, Result};
use crate::money::Money;

/// How far the break-even search looks: ten years.
pub(super) const BREAK_EVEN_HORIZON_DAYS: u64 = 3653;

/// The payoff on each day the borrower stays overdue, by days after the
/// comparison date, each computed once and remembered for every option.
pub(super) struct StayCurve<'a> {
    ledger: &'a Ledger,
    as_of: NaiveDate,
    known: RefCell<BTreeMap<u64, Money>>,
}

impl<'a> StayCurve<'a> {
    pub(super) fn new(ledger: &'a Ledger, as_of: NaiveDate) -> StayCurve<'a> {
        StayCurve {
            ledger,
            as_of,
            known: RefCell::new(BTreeMap::new()),
        }
    }

    fn day(&self, offset: u64) -> Result<NaiveDate> {
        self.as_of
            .checked_add_days(Days::new(offset))
            .ok_or(Error::DateOutOfRange {
                operation: "break-even search",
            })
    }

    /// The payoff `offset` days after the comparison date.
    fn at(&self, offset: u64) -> Result<Money> {
        if let Some(known) = self.known.borrow().get(&offset) {
            return Ok(*known);
        }
        let payoff = self.ledger.payoff_on(self.day(offset)?)?;
        self.known.borrow_mut().insert(offset, payoff);
        Ok(payoff)
    }

    /// The first day staying overdue costs more than `total` (staying until
    /// then and paying everything), within ten years, and the longest delay
    /// before it.
    ///
    /// The payoff never falls as the stay lengthens, and between due dates
    /// and fee days it grows by the same amount each day (but for rounding).
    /// So the search keeps a bracket `payoff(lo) ≤ total < payoff(hi)`,
    /// narrowed first from the days already computed for other options (or
    /// found by doubling the stay), then by interpolating the line between its ends and probing the day on the
    /// other side of the guess, with a halving step whenever that fails to
    /// halve the bracket: exact, and a few statements per option instead of a
    /// dozen.
    pub(super) fn break_even(&self, total: Money) -> Result<(Option<NaiveDate>, Option<u32>)> {
        if self.at(0)? > total {
            return Ok((Some(self.as_of), None));
        }
        let (mut lo, mut hi) = self.bracket(total);
        if lo >= BREAK_EVEN_HORIZON_DAYS {
            return Ok((None, None));
        }
        // no day known to cost more: look ahead by doubling strides (a
        // statement ten years on replays ten years, so go no further than needed)
        while hi == BREAK_EVEN_HORIZON_DAYS && !self.is_known(hi) {
            let next = lo.saturating_mul(2).clamp(32, BREAK_EVEN_HORIZON_DAYS);
            if self.at(next)? > total {
                hi = next;
            } else if next == BREAK_EVEN_HORIZON_DAYS {
                return Ok((None, None));
            } else {
                lo = next;
            }
        }
        let mut interpolate = true;
        while hi - lo > 1 {
            let width = hi - lo;
            let guess = if interpolate {
                self.interpolated(lo, hi, total)?
            } else {
                lo + width / 2
            };
            if self.at(guess)? > total {
                hi = guess;
                if self.at(guess - 1)? <= total {
                    lo = guess - 1;
                }
            } else {
                lo = guess;
                if guess + 1 < hi && self.at(guess + 1)? > total {
                    hi = guess + 1;
                }
            }
            // interpolate again only while it at least halves the bracket
            interpolate = hi - lo <= width / 2;
        }
        Ok((Some(self.day(hi)?), u32::try_from(lo).ok()))
    }

    fn is_known(&self, offset: u64) -> bool {
        self.known.borrow().contains_key(&offset)
    }

    /// The tightest bracket the days already computed give.
    fn bracket(&self, total: Money) -> (u64, u64) {
        let known = self.known.borrow();
        let lo = known
            .iter()
            .filter(|(_, p)| **p <= total)
            .map(|(d, _)| *d)
            .max()
            .unwrap_or(0);
        let hi = known
            .iter()
            .filter(|(d, p)| **p > total && **d > lo)
            .map(|(d, _)| *d)
            .min()
            .unwrap_or(BREAK_EVEN_HORIZON_DAYS);
        (lo, hi)
    }

    /// The first day the line from `lo` to `hi` reaches above `total`,
    /// strictly inside the bracket.
    fn interpolated(&self, lo: u64, hi: u64, total: Money) -> Result<u64> {
        let (p_lo, p_hi) = (self.at(lo)?.as_decimal(), self.at(hi)?.as_decimal());
        let rise = p_hi - p_lo;
        let need = total.as_decimal() - p_lo;
        let step = (need * rust_decimal::Decimal::from(hi - lo))
            .checked_div(rise)
            .ok_or_else(|| overflow("break-even interpolation"))?
            .floor();
        let step = rust_decimal::prelude::ToPrimitive::to_u64(&step)
            .unwrap_or(0)
            .saturating_add(1);
        Ok((lo + step).clamp(lo + 1, hi - 1))
    }
}
