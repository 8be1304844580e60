//! The cost of staying overdue, day by day, and the break-even day: the
//! first day staying costs more than a way out.

use std::cell::RefCell;
use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::owed::Owed;
use crate::error::{overflow, Error, Result};
use crate::money::Money;

/// How far the break-even search looks: ten years.
pub(super) const BREAK_EVEN_HORIZON_DAYS: u64 = 3653;

/// The payoff on each day the borrower stays overdue, by days after the
/// comparison date, each computed once and remembered for every option.
pub(super) struct StayCurve<'a> {
    owed: Owed<'a>,
    as_of: NaiveDate,
    known: RefCell<BTreeMap<u64, Money>>,
}

impl<'a> StayCurve<'a> {
    pub(super) fn new(owed: Owed<'a>, as_of: NaiveDate) -> StayCurve<'a> {
        StayCurve {
            owed,
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
        self.fill(&[offset])?;
        self.known
            .borrow()
            .get(&offset)
            .copied()
            .ok_or_else(|| overflow("stay curve"))
    }

    /// Computes the payoff on each of `offsets` not yet known, from one
    /// replay of the history.
    fn fill(&self, offsets: &[u64]) -> Result<()> {
        let mut wanted: Vec<u64> = offsets.iter().copied().filter(|o| !self.is_known(*o)).collect();
        wanted.sort_unstable();
        wanted.dedup();
        if wanted.is_empty() {
            return Ok(());
        }
        let days = wanted.iter().map(|&o| self.day(o)).collect::<Result<Vec<_>>>()?;
        let payoffs = self.owed.payoffs_on(&days)?;
        self.known.borrow_mut().extend(wanted.into_iter().zip(payoffs));
        Ok(())
    }

    /// For each of `totals` (`None`: no search), the first day staying
    /// overdue costs more (staying until then and paying everything), within
    /// ten years, and the longest delay before it. The
    /// searches run side by side so that each round of probes, for every
    /// total at once, is one replay of the history: first the days of a
    /// doubling grid (16 to 256 days, doubled further by a search that needs
    /// it), then each search's interpolated day and its two neighbours, until
    /// every bracket is one day wide.
    pub(super) fn break_evens(&self, totals: &[Option<Money>]) -> Result<Vec<(Option<NaiveDate>, Option<u32>)>> {
        // the first stretch of the doubling grid; beyond it a search doubles on
        // its own (a day years away costs a longer close)
        self.fill(&[0, 16, 32, 64, 128, 256])?;
        let mut searches: Vec<Option<Search>> = totals.iter().map(|t| t.map(Search::new)).collect();
        let mut found = vec![(None, None); totals.len()];
        loop {
            let mut probes = Vec::new();
            for (search, out) in searches.iter_mut().zip(found.iter_mut()) {
                let Some(s) = search else { continue };
                match s.step(self)? {
                    Step::Done(answer) => {
                        *out = answer;
                        *search = None;
                    }
                    Step::Probe(days) => probes.extend(days),
                }
            }
            if probes.is_empty() {
                return Ok(found);
            }
            self.fill(&probes)?;
        }
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

/// One break-even search: the payoff never falls as the stay lengthens, and
/// between due dates and fee days it grows by the same amount each day (but
/// for rounding), so the search keeps the bracket `payoff(lo) ≤ total <
/// payoff(hi)` the known days give and probes the day where the line between
/// its ends crosses `total`, with its neighbours; when that fails to halve
/// the bracket, the middle.
struct Search {
    total: Money,
    /// The bracket's width after the last round, and whether to interpolate.
    width: u64,
    interpolate: bool,
}

/// What a search needs next.
enum Step {
    Done((Option<NaiveDate>, Option<u32>)),
    Probe(Vec<u64>),
}

impl Search {
    fn new(total: Money) -> Search {
        Search {
            total,
            width: u64::MAX,
            interpolate: true,
        }
    }

    /// The answer, if the known days give it, or the days to probe next.
    fn step(&mut self, curve: &StayCurve<'_>) -> Result<Step> {
        let total = self.total;
        if curve.at(0)? > total {
            return Ok(Step::Done((Some(curve.as_of), None)));
        }
        let (lo, hi) = curve.bracket(total);
        if lo >= BREAK_EVEN_HORIZON_DAYS {
            return Ok(Step::Done((None, None)));
        }
        if !curve.is_known(hi) {
            // no day known to cost more: double the stay
            return Ok(Step::Probe(vec![lo
                .saturating_mul(2)
                .clamp(32, BREAK_EVEN_HORIZON_DAYS)]));
        }
        if hi - lo <= 1 {
            return Ok(Step::Done((Some(curve.day(hi)?), u32::try_from(lo).ok())));
        }
        let width = hi - lo;
        // interpolate again only while it at least halves the bracket
        self.interpolate = self.width == u64::MAX || width <= self.width / 2;
        self.width = width;
        let guess = if self.interpolate {
            curve.interpolated(lo, hi, total)?
        } else {
            lo + width / 2
        };
        Ok(Step::Probe(
            [guess - 1, guess, guess + 1]
                .into_iter()
                .filter(|d| *d > lo && *d < hi)
                .collect(),
        ))
    }
}
