//! Delinquency buckets (M1, M2, …) by days past due.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// One delinquency bucket: a label and the first day past due it covers.
///
/// ```
/// use overdue::accrual::Buckets;
/// let b = Buckets::china_credit_card();
/// assert_eq!(b.bucket(95).label(), "substandard");
/// assert_eq!(b.bucket(95).from_days(), 91);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bucket {
    label: String,
    from_days: u32,
}

impl Bucket {
    /// The bucket's label ("M1", "substandard").
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Buckets::default().bucket(0).label(), "M0");
    /// ```
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The first day past due it covers.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Buckets::default().bucket(45).from_days(), 31);
    /// ```
    pub fn from_days(&self) -> u32 {
        self.from_days
    }
}

/// Delinquency buckets: consecutive day ranges, each with a label.
///
/// The default is [`Buckets::m_buckets`]: M0 (current), M1 (1–30 days past
/// due), M2 (31–60), M3 (61–90), M4+ (91 and more).
///
/// ```
/// use overdue::accrual::Buckets;
/// let custom = Buckets::new(&[("current", 0), ("late", 1), ("default", 90)])?;
/// assert_eq!(custom.bucket(89).label(), "late");
/// assert_eq!(custom.bucket(90).label(), "default");
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "Vec<Bucket>", into = "Vec<Bucket>")]
pub struct Buckets(Vec<Bucket>);

impl TryFrom<Vec<Bucket>> for Buckets {
    type Error = Error;
    fn try_from(buckets: Vec<Bucket>) -> Result<Buckets> {
        if buckets.first().map(|b| b.from_days) != Some(0) {
            return Err(Error::Invalid {
                field: "buckets",
                reason: "the first bucket must start at 0 days past due".into(),
            });
        }
        if buckets
            .windows(2)
            .any(|w| matches!(w, [a, b] if a.from_days >= b.from_days))
        {
            return Err(Error::Invalid {
                field: "buckets",
                reason: "buckets must start on strictly increasing days".into(),
            });
        }
        Ok(Buckets(buckets))
    }
}

impl From<Buckets> for Vec<Bucket> {
    fn from(b: Buckets) -> Vec<Bucket> {
        b.0
    }
}

impl Default for Buckets {
    fn default() -> Buckets {
        Buckets::m_buckets()
    }
}

impl Buckets {
    /// Buckets from `(label, first day past due)` pairs; the first must start
    /// at 0 and the days must increase.
    ///
    /// # Errors
    /// [`Error::Invalid`] with field `buckets`.
    ///
    /// ```
    /// assert!(overdue::accrual::Buckets::new(&[("late", 1)]).is_err()); // nothing covers day 0
    /// ```
    pub fn new(ranges: &[(&str, u32)]) -> Result<Buckets> {
        Buckets::try_from(
            ranges
                .iter()
                .map(|&(label, from_days)| Bucket {
                    label: label.to_owned(),
                    from_days,
                })
                .collect::<Vec<_>>(),
        )
    }

    fn preset(ranges: &[(&str, u32)]) -> Buckets {
        Buckets(
            ranges
                .iter()
                .map(|&(label, from_days)| Bucket {
                    label: label.to_owned(),
                    from_days,
                })
                .collect(),
        )
    }

    /// M0 (current), M1 1–30, M2 31–60, M3 61–90, M4+ 91 and more: the
    /// collection-practice buckets, 30 days wide.
    ///
    /// ```
    /// let b = overdue::accrual::Buckets::m_buckets();
    /// assert_eq!([b.bucket(0).label(), b.bucket(30).label(), b.bucket(31).label(), b.bucket(400).label()],
    ///            ["M0", "M1", "M2", "M4+"]);
    /// ```
    pub fn m_buckets() -> Buckets {
        Buckets::preset(&[("M0", 0), ("M1", 1), ("M2", 31), ("M3", 61), ("M4+", 91)])
    }

    /// The Chinese credit-card asset classes: normal (current), special
    /// mention (关注, 1–90 days), substandard (次级, 91–120), doubtful (可疑,
    /// 121–180), loss (损失, more than 180).
    ///
    /// ```
    /// let b = overdue::accrual::Buckets::china_credit_card();
    /// assert_eq!([b.bucket(0).label(), b.bucket(90).label(), b.bucket(180).label(), b.bucket(181).label()],
    ///            ["normal", "special mention", "doubtful", "loss"]);
    /// ```
    pub fn china_credit_card() -> Buckets {
        Buckets::preset(&[
            ("normal", 0),
            ("special mention", 1),
            ("substandard", 91),
            ("doubtful", 121),
            ("loss", 181),
        ])
    }

    /// The bucket a number of days past due falls in.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Buckets::m_buckets().bucket(61).label(), "M3");
    /// ```
    pub fn bucket(&self, days_past_due: u32) -> &Bucket {
        let i = self.0.partition_point(|b| b.from_days <= days_past_due);
        // the first bucket starts at 0, so i >= 1
        self.0.get(i.saturating_sub(1)).unwrap_or(&FALLBACK)
    }

    /// The buckets in order.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Buckets::m_buckets().buckets().len(), 5);
    /// ```
    pub fn buckets(&self) -> &[Bucket] {
        &self.0
    }
}

static FALLBACK: Bucket = Bucket {
    label: String::new(),
    from_days: 0,
};
