//! Tables of an index's published rates (the LPR, …) by date.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::rate::{Rate, RatePeriod};

/// A table of annual rates that change on dates; each holds until the next.
///
/// [`RateTable::china_lpr_one_year`] is the one-year Loan Prime Rate
/// (贷款市场报价利率) since the reform of 2019-08-20, last checked 2026-01
/// (3.00 %). Extend it with [`RateTable::with`] or build your own.
///
/// # Example
/// ```
/// use overdue::NaiveDate;
/// use overdue::{Rate, rate::RateTable};
/// use overdue::dec;
/// let lpr = RateTable::china_lpr_one_year();
/// let d = NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
/// assert_eq!(lpr.rate_on(d)?, Rate::annual(dec!(0.0385))?);
/// assert!(lpr.rate_on(NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()).is_err());
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "RateTableRepr", into = "RateTableRepr")]
pub struct RateTable {
    entries: Vec<(NaiveDate, Rate)>,
    known_through: Option<NaiveDate>,
}

/// In JSON a table is its list of `[date, rate]` entries, or, when it says
/// how far it is known, `{"entries": [...], "known_through": "2026-01-20"}`.
///
/// Read by its shape (a list or an object) rather than by trying each in
/// turn, so that an error inside names its own field.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
enum RateTableRepr {
    Entries(Vec<(NaiveDate, Rate)>),
    Known(KnownTable),
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct KnownTable {
    entries: Vec<(NaiveDate, Rate)>,
    known_through: NaiveDate,
}

impl<'de> Deserialize<'de> for RateTableRepr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct Shape;
        impl<'de> serde::de::Visitor<'de> for Shape {
            type Value = RateTableRepr;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a rate table: a list of [date, rate] entries, or {entries, known_through}")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> std::result::Result<RateTableRepr, A::Error> {
                Deserialize::deserialize(serde::de::value::SeqAccessDeserializer::new(seq)).map(RateTableRepr::Entries)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> std::result::Result<RateTableRepr, A::Error> {
                Deserialize::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(RateTableRepr::Known)
            }
        }
        deserializer.deserialize_any(Shape)
    }
}

impl TryFrom<RateTableRepr> for RateTable {
    type Error = Error;
    fn try_from(r: RateTableRepr) -> Result<RateTable> {
        match r {
            RateTableRepr::Entries(entries) => RateTable::new(entries),
            RateTableRepr::Known(k) => Ok(RateTable::new(k.entries)?.with_known_through(k.known_through)),
        }
    }
}

impl From<RateTable> for RateTableRepr {
    fn from(t: RateTable) -> Self {
        match t.known_through {
            None => RateTableRepr::Entries(t.entries),
            Some(known_through) => RateTableRepr::Known(KnownTable {
                entries: t.entries,
                known_through,
            }),
        }
    }
}

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

impl RateTable {
    /// A table from `(effective date, annual rate)` entries, in any order.
    ///
    /// # Errors
    /// [`Error::Invalid`] if empty, if two entries share a date, or if a rate
    /// is not annual.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{Rate, rate::RateTable};
    /// use overdue::dec;
    /// let t = RateTable::new(vec![(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Rate::annual(dec!(0.02))?)])?;
    /// assert_eq!(t.entries().len(), 1);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(mut entries: Vec<(NaiveDate, Rate)>) -> Result<RateTable> {
        entries.sort_by_key(|e| e.0);
        if entries.is_empty() {
            return Err(Error::Invalid {
                field: "rate table",
                reason: "it has no entries".to_owned(),
            });
        }
        if let Some(w) = entries
            .windows(2)
            .find(|w| w.first().map(|e| e.0) == w.last().map(|e| e.0))
        {
            return Err(Error::Invalid {
                field: "rate table",
                reason: format!("two entries on {}", w.first().map(|e| e.0).unwrap_or_default()),
            });
        }
        if let Some((d, r)) = entries.iter().find(|(_, r)| r.period() != RatePeriod::Annual) {
            return Err(Error::Invalid {
                field: "rate table",
                reason: format!("the rate on {d} is {r}, not an annual rate"),
            });
        }
        Ok(RateTable {
            entries,
            known_through: None,
        })
    }

    /// The one-year LPR (the PBoC's published changes): 2019-08-20 4.25 %; 2019-09-20 4.20 %;
    /// 2019-11-20 4.15 %; 2020-02-20 4.05 %; 2020-04-20 3.85 %; 2021-12-20
    /// 3.80 %; 2022-01-20 3.70 %; 2022-08-22 3.65 %; 2023-06-20 3.55 %;
    /// 2023-08-21 3.45 %; 2024-07-22 3.35 %; 2024-10-21 3.10 %; 2025-05-20
    /// 3.00 % (still 3.00 % in 2026-01). No LPR exists before 2019-08-20.
    ///
    /// ```
    /// let lpr = overdue::rate::RateTable::china_lpr_one_year();
    /// assert_eq!(lpr.entries().len(), 13);
    /// ```
    pub fn china_lpr_one_year() -> RateTable {
        const DATA: [(i32, u32, u32, i64); 13] = [
            (2019, 8, 20, 425),
            (2019, 9, 20, 420),
            (2019, 11, 20, 415),
            (2020, 2, 20, 405),
            (2020, 4, 20, 385),
            (2021, 12, 20, 380),
            (2022, 1, 20, 370),
            (2022, 8, 22, 365),
            (2023, 6, 20, 355),
            (2023, 8, 21, 345),
            (2024, 7, 22, 335),
            (2024, 10, 21, 310),
            (2025, 5, 20, 300),
        ];
        RateTable::published(&DATA)
    }

    /// The five-year LPR, the benchmark of Chinese mortgages (the PBoC's
    /// published changes): 2019-08-20 4.85 %; 2019-11-20 4.80 %; 2020-02-20
    /// 4.75 %; 2020-04-20 4.65 %; 2022-01-20 4.60 %; 2022-05-20 4.45 %;
    /// 2022-08-22 4.30 %; 2023-06-20 4.20 %; 2024-02-20 3.95 %; 2024-07-22
    /// 3.85 %; 2024-10-21 3.60 %; 2025-05-20 3.50 % (still 3.50 % in 2026-01).
    ///
    /// Both shipped LPR tables are [known through](RateTable::known_through)
    /// 2026-01-20, the last publication checked: a floating rate fixed
    /// after it is an [`Error::IndexNotPublished`] until you add the newer
    /// values with [`RateTable::with`] (or declare the last value current
    /// with [`RateTable::known_through`]).
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// let lpr = overdue::rate::RateTable::china_lpr_five_year();
    /// assert_eq!(lpr.rate_on(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap())?.to_string(), "3.95 %/year");
    /// assert_eq!(lpr.known_through(), NaiveDate::from_ymd_opt(2026, 1, 20));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn china_lpr_five_year() -> RateTable {
        const DATA: [(i32, u32, u32, i64); 12] = [
            (2019, 8, 20, 485),
            (2019, 11, 20, 480),
            (2020, 2, 20, 475),
            (2020, 4, 20, 465),
            (2022, 1, 20, 460),
            (2022, 5, 20, 445),
            (2022, 8, 22, 430),
            (2023, 6, 20, 420),
            (2024, 2, 20, 395),
            (2024, 7, 22, 385),
            (2024, 10, 21, 360),
            (2025, 5, 20, 350),
        ];
        RateTable::published(&DATA)
    }

    /// A shipped table from `(year, month, day, basis points)`, known
    /// through the last publication checked.
    fn published(data: &[(i32, u32, u32, i64)]) -> RateTable {
        let entries = data
            .iter()
            .filter_map(|&(y, m, d, bp)| Some((ymd(y, m, d)?, Rate::annual(Decimal::new(bp, 4)).ok()?)))
            .collect();
        RateTable {
            entries,
            known_through: ymd(2026, 1, 20),
        }
    }

    /// The same table, known through `date`: its last value holds until
    /// then, and a floating rate fixed after it is an
    /// [`Error::IndexNotPublished`]. A table built with [`RateTable::new`]
    /// has no such date (its last value holds until further notice); the
    /// legal caps ([`RateTable::rate_on`]) ignore it.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{Rate, rate::RateTable};
    /// use overdue::dec;
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let t = RateTable::new(vec![(d(2026, 1, 1), Rate::annual(dec!(0.02))?)])?.with_known_through(d(2026, 6, 30));
    /// assert_eq!(t.fixing_on(d(2026, 6, 30))?, Rate::annual(dec!(0.02))?);
    /// assert!(t.fixing_on(d(2026, 7, 1)).is_err());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    #[must_use]
    pub fn with_known_through(mut self, date: NaiveDate) -> RateTable {
        self.known_through = Some(date);
        self
    }

    /// The date the table is known through, if it says.
    ///
    /// ```
    /// assert!(overdue::rate::RateTable::china_lpr_one_year().known_through().is_some());
    /// ```
    pub fn known_through(&self) -> Option<NaiveDate> {
        self.known_through
    }

    /// The index value a floating rate fixed on `date` takes: the rate in
    /// force on `date`.
    ///
    /// # Errors
    /// [`Error::IndexNotPublished`] for a date before the first entry or
    /// after the date the table is known through.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::Error;
    /// let lpr = overdue::rate::RateTable::china_lpr_five_year();
    /// let late = lpr.fixing_on(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap());
    /// assert!(matches!(late, Err(Error::IndexNotPublished { .. })));
    /// ```
    pub fn fixing_on(&self, date: NaiveDate) -> Result<Rate> {
        if let Some(known) = self.known_through.filter(|&k| date > k) {
            return Err(Error::IndexNotPublished {
                date,
                reason: format!("the table is known through {known}; add the values published since"),
            });
        }
        self.rate_on(date).map_err(|_| Error::IndexNotPublished {
            date,
            reason: format!(
                "the table starts on {}",
                self.entries.first().map(|e| e.0).unwrap_or_default()
            ),
        })
    }

    /// The same table with one more entry (replacing one on the same date);
    /// a table known through an earlier date is then known through `date`.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// use overdue::{Rate, rate::RateTable};
    /// use overdue::dec;
    /// let d = NaiveDate::from_ymd_opt(2027, 1, 20).unwrap();
    /// let lpr = RateTable::china_lpr_one_year().with(d, Rate::annual(dec!(0.029))?)?;
    /// assert_eq!(lpr.rate_on(d)?.value(), dec!(0.029));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    ///
    ///# Errors
    ///[`Error::Invalid`] for a rate that is not annual.
    pub fn with(mut self, date: NaiveDate, rate: Rate) -> Result<RateTable> {
        self.entries.retain(|e| e.0 != date);
        self.entries.push((date, rate));
        let known_through = self.known_through.map(|k| k.max(date));
        Ok(RateTable {
            known_through,
            ..RateTable::new(self.entries)?
        })
    }

    /// The entries, oldest first.
    ///
    /// ```
    /// let lpr = overdue::rate::RateTable::china_lpr_one_year();
    /// assert_eq!(lpr.entries()[0].0.to_string(), "2019-08-20");
    /// ```
    pub fn entries(&self) -> &[(NaiveDate, Rate)] {
        &self.entries
    }

    /// The rate in force on `date`.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a date before the first entry.
    ///
    /// ```
    /// use overdue::NaiveDate;
    /// let lpr = overdue::rate::RateTable::china_lpr_one_year();
    /// assert_eq!(lpr.rate_on(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())?.to_string(), "3 %/year");
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn rate_on(&self, date: NaiveDate) -> Result<Rate> {
        self.entries
            .iter()
            .rev()
            .find(|e| e.0 <= date)
            .map(|e| e.1)
            .ok_or_else(|| Error::Invalid {
                field: "date",
                reason: format!(
                    "{date} is before the first entry of the rate table ({})",
                    self.entries.first().map(|e| e.0).unwrap_or_default()
                ),
            })
    }
}
