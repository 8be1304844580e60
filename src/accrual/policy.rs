//! The overdue policy: penalty interest, late fees, grace, caps, charge-off,
//! buckets, allocation and early settlement, with documented defaults.

use serde::{Deserialize, Serialize};

use crate::accrual::allocation::AllocationOrder;
use crate::accrual::servicing::{default_charge_off_stops, Accrual, Pyramiding};
use crate::calendar::DayCount;
use crate::error::{Error, Result};
use crate::money::{Money, Rounding};
use crate::rate::Rate;
use crate::ratio::Ratio;

/// The rate penalty interest (罚息) accrues at.
///
/// The default is [`PenaltyRate::ContractUplift`] with a 50 % uplift, the
/// Chinese bank convention (PBoC 2003: contract rate × (1 + 30 %–50 %)).
///
/// ```
/// use overdue::{PenaltyRate, Rate, Ratio};
/// use overdue::dec;
/// let online = PenaltyRate::Fixed(Rate::daily(dec!(0.0005))?);            // 万分之五 a day
/// let bank = PenaltyRate::ContractUplift(Ratio::new(dec!(0.5))?);           // contract × 1.5
/// assert_ne!(online, bank);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PenaltyRate {
    /// A fixed rate with its period: 0.05 %/day, 24 %/year.
    Fixed(Rate),
    /// The contract rate × (1 + uplift).
    ContractUplift(Ratio),
}

impl Default for PenaltyRate {
    fn default() -> PenaltyRate {
        PenaltyRate::ContractUplift(Ratio::new(rust_decimal::Decimal::new(5, 1)).unwrap_or(Ratio::ZERO))
    }
}

impl PenaltyRate {
    /// The rate in force for a loan whose contract rate is `contract`.
    ///
    /// # Errors
    /// [`Error::Overflow`].
    ///
    /// ```
    /// use overdue::{PenaltyRate, Rate, Ratio};
    /// use overdue::dec;
    /// let p = PenaltyRate::ContractUplift(Ratio::new(dec!(0.5))?);
    /// assert_eq!(p.resolve(Rate::annual(dec!(0.0435))?)?, Rate::annual(dec!(0.06525))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn resolve(self, contract: Rate) -> Result<Rate> {
        match self {
            PenaltyRate::Fixed(rate) => Ok(rate),
            PenaltyRate::ContractUplift(uplift) => {
                let factor = rust_decimal::Decimal::ONE
                    .checked_add(uplift.as_decimal())
                    .ok_or_else(|| crate::error::overflow("penalty uplift"))?;
                contract.scaled(factor)
            }
        }
    }
}

/// What penalty interest is charged on, per overdue installment.
///
/// The default is [`PenaltyBase::OverduePrincipal`] (the bank convention,
/// with compound interest on the overdue interest: see
/// [`OverduePolicy::compound_interest`]).
///
/// ```
/// use overdue::{OverduePolicy, PenaltyBase};
/// let p = OverduePolicy::new().penalty_base(PenaltyBase::OverdueInstallment).compound_interest(false);
/// assert_eq!(p.get_penalty_base(), PenaltyBase::OverdueInstallment);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PenaltyBase {
    /// The unpaid principal of each overdue installment. The default.
    #[default]
    OverduePrincipal,
    /// The unpaid principal and interest of each overdue installment (the
    /// usual online-lending base for a daily rate such as 0.05 %/day).
    OverdueInstallment,
    /// The whole unpaid principal of the loan, due or not, once any
    /// installment is overdue (default interest after acceleration). It is
    /// booked on the oldest overdue installment.
    OutstandingPrincipal,
}

/// How a late fee is sized.
///
/// ```
/// use overdue::{FeeAmount, Money, Ratio};
/// use overdue::dec;
/// let flat = FeeAmount::Flat(Money::new(dec!(30))?);
/// let share = FeeAmount::OfInstallment(Ratio::new(dec!(0.05))?); // 5 % of what is overdue
/// assert_ne!(flat, share);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum FeeAmount {
    /// The same amount every time.
    Flat(Money),
    /// A share of the overdue installment (its unpaid principal and interest)
    /// when the fee is charged, rounded to the minor unit.
    OfInstallment(Ratio),
}

/// How often a late fee is charged on one overdue installment.
///
/// The default is [`Recurrence::Once`].
///
/// ```
/// use overdue::Recurrence;
/// assert_eq!(Recurrence::default(), Recurrence::Once);
/// let monthly = Recurrence::EveryDays(30);
/// # let _ = monthly;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "days", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Recurrence {
    /// Once per missed installment. The default.
    #[default]
    Once,
    /// Again every `n` days while the installment stays overdue.
    EveryDays(u32),
}

/// A late fee (滞纳金 / 违约金): its amount, how often, and per-charge bounds.
///
/// A fee is charged on the first day an installment is late beyond grace
/// (due date + grace days + 1) if it is still unpaid at the start of that
/// day (never on an installment with no principal or interest, such as the
/// charges a restructure keeps due), and again every `n` days for [`Recurrence::EveryDays`]. The maximum is
/// the per-charge cap: what it cuts is reported as cut by a cap.
///
/// ```
/// use overdue::{LateFee, Money, Ratio, Recurrence};
/// use overdue::dec;
/// let fee = LateFee::of_installment(Ratio::new(dec!(0.05))?)
///     .every(Recurrence::EveryDays(30))
///     .min(Money::new(dec!(10))?)
///     .max(Money::new(dec!(50))?);
/// assert_eq!(fee.get_max(), Some(Money::new(dec!(50))?));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LateFee {
    amount: FeeAmount,
    #[serde(default)]
    recurrence: Recurrence,
    #[serde(default)]
    min: Option<Money>,
    #[serde(default)]
    max: Option<Money>,
}

impl LateFee {
    /// A flat fee, charged once per missed installment.
    ///
    /// ```
    /// use overdue::{FeeAmount, LateFee, Money};
    /// use overdue::dec;
    /// let fee = LateFee::flat(Money::new(dec!(30))?);
    /// assert_eq!(fee.get_amount(), FeeAmount::Flat(Money::new(dec!(30))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn flat(amount: Money) -> LateFee {
        LateFee {
            amount: FeeAmount::Flat(amount),
            recurrence: Recurrence::Once,
            min: None,
            max: None,
        }
    }

    /// A share of the overdue installment, charged once per missed installment.
    ///
    /// ```
    /// use overdue::{LateFee, Ratio};
    /// use overdue::dec;
    /// let fee = LateFee::of_installment(Ratio::new(dec!(0.05))?);
    /// # let _ = fee;
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn of_installment(share: Ratio) -> LateFee {
        LateFee {
            amount: FeeAmount::OfInstallment(share),
            ..LateFee::flat(Money::ZERO)
        }
    }

    /// Sets how often the fee is charged (default once).
    ///
    /// ```
    /// use overdue::{LateFee, Money, Recurrence};
    /// let fee = LateFee::flat(Money::ZERO).every(Recurrence::EveryDays(30));
    /// assert_eq!(fee.get_recurrence(), Recurrence::EveryDays(30));
    /// ```
    pub fn every(mut self, recurrence: Recurrence) -> LateFee {
        self.recurrence = recurrence;
        self
    }

    /// Sets the smallest amount one charge can be (default none).
    ///
    /// ```
    /// use overdue::{LateFee, Money, Ratio};
    /// use overdue::dec;
    /// let fee = LateFee::of_installment(Ratio::new(dec!(0.01))?).min(Money::new(dec!(5))?);
    /// assert_eq!(fee.get_min(), Some(Money::new(dec!(5))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn min(mut self, min: Money) -> LateFee {
        self.min = Some(min);
        self
    }

    /// Sets the largest amount one charge can be: the per-charge cap
    /// (default none).
    ///
    /// ```
    /// use overdue::{LateFee, Money, Ratio};
    /// use overdue::dec;
    /// let fee = LateFee::of_installment(Ratio::new(dec!(0.1))?).max(Money::new(dec!(40))?);
    /// assert_eq!(fee.get_max(), Some(Money::new(dec!(40))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn max(mut self, max: Money) -> LateFee {
        self.max = Some(max);
        self
    }

    /// How the fee is sized.
    ///
    /// ```
    /// use overdue::{FeeAmount, LateFee, Money};
    /// assert_eq!(LateFee::flat(Money::ZERO).get_amount(), FeeAmount::Flat(Money::ZERO));
    /// ```
    pub fn get_amount(&self) -> FeeAmount {
        self.amount
    }

    /// How often it is charged.
    ///
    /// ```
    /// use overdue::{LateFee, Money, Recurrence};
    /// assert_eq!(LateFee::flat(Money::ZERO).get_recurrence(), Recurrence::Once);
    /// ```
    pub fn get_recurrence(&self) -> Recurrence {
        self.recurrence
    }

    /// The per-charge minimum, if any.
    ///
    /// ```
    /// use overdue::{LateFee, Money};
    /// assert_eq!(LateFee::flat(Money::ZERO).get_min(), None);
    /// ```
    pub fn get_min(&self) -> Option<Money> {
        self.min
    }

    /// The per-charge maximum, if any.
    ///
    /// ```
    /// use overdue::{LateFee, Money};
    /// assert_eq!(LateFee::flat(Money::ZERO).get_max(), None);
    /// ```
    pub fn get_max(&self) -> Option<Money> {
        self.max
    }
}

/// What a grace period means.
///
/// The default is [`GraceMeaning::Waive`].
///
/// ```
/// use overdue::GraceMeaning;
/// assert_eq!(GraceMeaning::default(), GraceMeaning::Waive);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GraceMeaning {
    /// Paid within grace: no penalty at all; paid later: penalty counted
    /// from the due date (Chinese online lending, Mambu's tolerance period).
    /// The default.
    #[default]
    Waive,
    /// Penalty counted only from the end of grace (Frappe lending).
    Shift,
}

/// The most days a policy may name for a grace period, a late-fee recurrence
/// or a charge-off threshold: 100 years of 366 days.
///
/// A longer span has no servicing meaning, and bounding it keeps every day
/// computed from it inside the calendar (a larger one is
/// [`Error::TooLarge`](crate::Error::TooLarge) when the policy is used).
///
/// ```
/// use overdue::{LateFee, Ledger, Money, OverduePolicy, Rate, Recurrence, Schedule, MAX_POLICY_DAYS};
/// # use overdue::NaiveDate; use overdue::dec;
/// let plan = Schedule::equal_installment(Money::new(dec!(1000))?, Rate::annual(dec!(0.12))?, 3,
///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
/// let fee = LateFee::flat(Money::new(dec!(25))?).every(Recurrence::EveryDays(MAX_POLICY_DAYS + 1));
/// let err = Ledger::new(plan, OverduePolicy::new().late_fee(fee)).unwrap_err();
/// assert_eq!(err.to_string(), "late fee recurrence days must be at most 36600, got 36601");
/// # Ok::<(), overdue::Error>(())
/// ```
pub const MAX_POLICY_DAYS: u32 = 36_600;

/// A grace period of `days` days after each due date, and its meaning.
///
/// ```
/// use overdue::{Grace, GraceMeaning};
/// let g = Grace::waive(3);
/// assert_eq!((g.days(), g.meaning()), (3, GraceMeaning::Waive));
/// assert_eq!(Grace::none().days(), 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Grace {
    days: u32,
    #[serde(default)]
    meaning: GraceMeaning,
}

impl Grace {
    /// No grace: penalties count from the due date. The default.
    ///
    /// ```
    /// assert_eq!(overdue::Grace::none(), overdue::Grace::default());
    /// ```
    pub fn none() -> Grace {
        Grace::default()
    }

    /// `days` of grace; paid within them, no penalty at all.
    ///
    /// ```
    /// assert_eq!(overdue::Grace::waive(3).days(), 3);
    /// ```
    pub fn waive(days: u32) -> Grace {
        Grace {
            days,
            meaning: GraceMeaning::Waive,
        }
    }

    /// `days` of grace; penalties count only from their end.
    ///
    /// ```
    /// use overdue::{Grace, GraceMeaning};
    /// assert_eq!(Grace::shift(5).meaning(), GraceMeaning::Shift);
    /// ```
    pub fn shift(days: u32) -> Grace {
        Grace {
            days,
            meaning: GraceMeaning::Shift,
        }
    }

    /// The number of grace days.
    ///
    /// ```
    /// assert_eq!(overdue::Grace::shift(5).days(), 5);
    /// ```
    pub fn days(&self) -> u32 {
        self.days
    }

    /// What the grace means.
    ///
    /// ```
    /// use overdue::{Grace, GraceMeaning};
    /// assert_eq!(Grace::waive(1).meaning(), GraceMeaning::Waive);
    /// ```
    pub fn meaning(&self) -> GraceMeaning {
        self.meaning
    }
}

/// A limit on what one installment can be charged in penalties and fees.
///
/// ```
/// use overdue::{InstallmentLimit, Money, Ratio};
/// use overdue::dec;
/// let by_amount = InstallmentLimit::Amount(Money::new(dec!(200))?);
/// let by_share = InstallmentLimit::OfInstallment(Ratio::new(dec!(0.1))?); // 10 % of the installment
/// assert_ne!(by_amount, by_share);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum InstallmentLimit {
    /// At most this amount.
    Amount(Money),
    /// At most this share of the scheduled installment (principal + interest
    /// + fee), rounded toward zero to the minor unit.
    OfInstallment(Ratio),
}

/// Caps on penalties and fees. By default there are none.
///
/// Every cap cuts what would be charged; the statement reports the cut. Caps
/// are applied where charges are posted (at each event, due date and late-fee
/// day, and at the statement date), to penalty interest, then compound
/// interest, then late fees, oldest installment first. The annualised cap
/// also counts contract interest and scheduled fees, on the day each
/// installment falls due: if they do not fit, the unpaid part of the
/// scheduled fee, then of the interest, is cut (a contract rate above the cap
/// is cut to it, as a court would; check the contract itself with
/// [`PrivateLendingCap`](crate::PrivateLendingCap)). The per-charge cap is
/// [`LateFee::max`].
///
/// ```
/// use overdue::{Caps, InstallmentLimit, Money, Rate, Ratio};
/// use overdue::dec;
/// let caps = Caps::none()
///     .per_installment(InstallmentLimit::Amount(Money::new(dec!(300))?))
///     .lifetime(Ratio::new(dec!(0.36))?)            // penalties + fees ≤ 36 % of principal
///     .annualised(Rate::annual(dec!(0.24))?);        // interest + penalties + fees ≤ 24 %/year
/// assert_eq!(caps.get_lifetime(), Some(Ratio::new(dec!(0.36))?));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Caps {
    #[serde(default)]
    per_installment: Option<InstallmentLimit>,
    #[serde(default)]
    lifetime: Option<Ratio>,
    #[serde(default)]
    annualised: Option<Rate>,
}

impl Caps {
    /// No caps. The default.
    ///
    /// ```
    /// assert_eq!(overdue::Caps::none(), overdue::Caps::default());
    /// ```
    pub fn none() -> Caps {
        Caps::default()
    }

    /// Caps penalties and fees charged on any one installment.
    ///
    /// ```
    /// use overdue::{Caps, InstallmentLimit, Money};
    /// let caps = Caps::none().per_installment(InstallmentLimit::Amount(Money::ZERO));
    /// assert!(caps.get_per_installment().is_some());
    /// ```
    pub fn per_installment(mut self, limit: InstallmentLimit) -> Caps {
        self.per_installment = Some(limit);
        self
    }

    /// Caps the lifetime total of penalties and fees at a share of the
    /// principal.
    ///
    /// ```
    /// use overdue::{Caps, Ratio};
    /// assert_eq!(Caps::none().lifetime(Ratio::ONE).get_lifetime(), Some(Ratio::ONE));
    /// ```
    pub fn lifetime(mut self, share_of_principal: Ratio) -> Caps {
        self.lifetime = Some(share_of_principal);
        self
    }

    /// Caps everything charged beyond principal (contract interest and
    /// scheduled fees due so far + penalties + late fees) at `rate` × principal × the time elapsed since
    /// disbursement (by the policy's day count): 24 %/year, or 4 × LPR.
    ///
    /// ```
    /// use overdue::{Caps, Rate};
    /// use overdue::dec;
    /// let caps = Caps::none().annualised(Rate::annual(dec!(0.12))?);
    /// assert_eq!(caps.get_annualised(), Some(Rate::annual(dec!(0.12))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn annualised(mut self, rate: Rate) -> Caps {
        self.annualised = Some(rate);
        self
    }

    /// The per-installment cap, if any.
    ///
    /// ```
    /// assert_eq!(overdue::Caps::none().get_per_installment(), None);
    /// ```
    pub fn get_per_installment(&self) -> Option<InstallmentLimit> {
        self.per_installment
    }

    /// The lifetime cap as a share of principal, if any.
    ///
    /// ```
    /// assert_eq!(overdue::Caps::none().get_lifetime(), None);
    /// ```
    pub fn get_lifetime(&self) -> Option<Ratio> {
        self.lifetime
    }

    /// The annualised cap rate, if any.
    ///
    /// ```
    /// assert_eq!(overdue::Caps::none().get_annualised(), None);
    /// ```
    pub fn get_annualised(&self) -> Option<Rate> {
        self.annualised
    }
}

/// One delinquency bucket: a label and the first day past due it covers.
///
/// ```
/// use overdue::Buckets;
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
    /// assert_eq!(overdue::Buckets::default().bucket(0).label(), "M0");
    /// ```
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The first day past due it covers.
    ///
    /// ```
    /// assert_eq!(overdue::Buckets::default().bucket(45).from_days(), 31);
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
/// use overdue::Buckets;
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
    /// assert!(overdue::Buckets::new(&[("late", 1)]).is_err()); // nothing covers day 0
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
    /// let b = overdue::Buckets::m_buckets();
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
    /// let b = overdue::Buckets::china_credit_card();
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
    /// assert_eq!(overdue::Buckets::m_buckets().bucket(61).label(), "M3");
    /// ```
    pub fn bucket(&self, days_past_due: u32) -> &Bucket {
        let i = self.0.partition_point(|b| b.from_days <= days_past_due);
        // the first bucket starts at 0, so i >= 1
        self.0.get(i.saturating_sub(1)).unwrap_or(&FALLBACK)
    }

    /// The buckets in order.
    ///
    /// ```
    /// assert_eq!(overdue::Buckets::m_buckets().buckets().len(), 5);
    /// ```
    pub fn buckets(&self) -> &[Bucket] {
        &self.0
    }
}

static FALLBACK: Bucket = Bucket {
    label: String::new(),
    from_days: 0,
};

/// What an early settlement (a payment of the whole payoff amount before the
/// last due date) owes for installments not yet due.
///
/// The default is [`EarlySettlement::AccruedInterest`].
///
/// ```
/// use overdue::{EarlySettlement, OverduePolicy};
/// let p = OverduePolicy::new().early_settlement(EarlySettlement::CurrentPeriod);
/// assert_eq!(p.get_early_settlement(), EarlySettlement::CurrentPeriod);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EarlySettlement {
    /// Unpaid principal, plus the current period's interest and scheduled
    /// fee pro rata to the day (days since the period began / days in the
    /// period, rounded); later periods' interest is not owed. The default.
    #[default]
    AccruedInterest,
    /// Unpaid principal plus the whole interest and fee of the current period.
    CurrentPeriod,
    /// Everything scheduled: no interest is saved by settling early.
    AllScheduled,
}

/// How a loan accrues once it is overdue: one value, every field with a
/// documented default, serde-ready.
///
/// | field | default |
/// |---|---|
/// | penalty rate | contract rate × 1.5 ([`PenaltyRate::ContractUplift`] 50 %) |
/// | day count for daily accrual | [`DayCount::Act360`] (Chinese bank practice) |
/// | penalty base | [`PenaltyBase::OverduePrincipal`] |
/// | compound interest (复利) on overdue interest | on, at the penalty rate |
/// | late fee | none |
/// | interest on late fees | off (the Chinese credit-card rule) |
/// | grace | none |
/// | amount tolerance | zero: one unpaid minor unit is overdue |
/// | caps | none |
/// | charge-off | never |
/// | what charge-off stops | every accrual ([`Accrual::ALL`]) |
/// | late fees on late fees (pyramiding) | [`Pyramiding::Forbidden`] (16 CFR 444.4) |
/// | possible double debit window | 0 days: equal payments on the same day |
/// | buckets | [`Buckets::m_buckets`] |
/// | allocation | [`AllocationOrder::servicer_default`] |
/// | early settlement | [`EarlySettlement::AccruedInterest`] |
/// | rounding | [`Rounding::default`] (2 places, half away from zero); its scale must match the schedule's |
///
/// Setters never fail; [`Ledger::new`](crate::Ledger::new) validates the whole.
///
/// # Example: an online lender's policy
/// ```
/// use overdue::{Grace, LateFee, Money, OverduePolicy, PenaltyBase, PenaltyRate, Rate};
/// use overdue::dec;
/// let policy = OverduePolicy::new()
///     .penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005))?))   // 0.05 %/day
///     .penalty_base(PenaltyBase::OverdueInstallment)
///     .compound_interest(false)
///     .late_fee(LateFee::flat(Money::new(dec!(30))?))
///     .grace(Grace::waive(3));
/// assert_eq!(policy.get_grace(), Grace::waive(3));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct OverduePolicy {
    penalty_rate: PenaltyRate,
    day_count: DayCount,
    penalty_base: PenaltyBase,
    compound_interest: Option<bool>,
    late_fee: Option<LateFee>,
    interest_on_fees: bool,
    grace: Grace,
    tolerance: Money,
    caps: Caps,
    charge_off_after_days: Option<u32>,
    charge_off_stops: Vec<Accrual>,
    pyramiding: Pyramiding,
    duplicate_window_days: u32,
    buckets: Buckets,
    allocation: AllocationOrder,
    early_settlement: EarlySettlement,
    rounding: Rounding,
}

impl Default for OverduePolicy {
    fn default() -> OverduePolicy {
        OverduePolicy {
            penalty_rate: PenaltyRate::default(),
            day_count: DayCount::default(),
            penalty_base: PenaltyBase::default(),
            compound_interest: None,
            late_fee: None,
            interest_on_fees: false,
            grace: Grace::default(),
            tolerance: Money::ZERO,
            caps: Caps::default(),
            charge_off_after_days: None,
            charge_off_stops: default_charge_off_stops(),
            pyramiding: Pyramiding::default(),
            duplicate_window_days: 0,
            buckets: Buckets::default(),
            allocation: AllocationOrder::default(),
            early_settlement: EarlySettlement::default(),
            rounding: Rounding::default(),
        }
    }
}

impl OverduePolicy {
    /// The default policy (see the table above).
    ///
    /// ```
    /// use overdue::{DayCount, OverduePolicy};
    /// assert_eq!(OverduePolicy::new().get_day_count(), DayCount::Act360);
    /// ```
    pub fn new() -> OverduePolicy {
        OverduePolicy::default()
    }

    /// Sets the penalty rate.
    ///
    /// ```
    /// use overdue::{OverduePolicy, PenaltyRate, Rate};
    /// use overdue::dec;
    /// let p = OverduePolicy::new().penalty_rate(PenaltyRate::Fixed(Rate::daily(dec!(0.0005))?));
    /// # let _ = p;
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn penalty_rate(mut self, rate: PenaltyRate) -> OverduePolicy {
        self.penalty_rate = rate;
        self
    }

    /// Sets the day count penalties accrue by (default ACT/360).
    ///
    /// ```
    /// use overdue::{DayCount, OverduePolicy};
    /// let p = OverduePolicy::new().day_count(DayCount::Act365Fixed);
    /// assert_eq!(p.get_day_count(), DayCount::Act365Fixed);
    /// ```
    pub fn day_count(mut self, day_count: DayCount) -> OverduePolicy {
        self.day_count = day_count;
        self
    }

    /// Sets what penalty interest is charged on.
    ///
    /// ```
    /// use overdue::{OverduePolicy, PenaltyBase};
    /// let p = OverduePolicy::new().penalty_base(PenaltyBase::OutstandingPrincipal);
    /// assert_eq!(p.get_penalty_base(), PenaltyBase::OutstandingPrincipal);
    /// ```
    pub fn penalty_base(mut self, base: PenaltyBase) -> OverduePolicy {
        self.penalty_base = base;
        self
    }

    /// Whether overdue contract interest bears compound interest (复利) at
    /// the penalty rate. Default: on, unless the penalty base is
    /// [`PenaltyBase::OverdueInstallment`] (which already includes the
    /// interest; asking for both is an error).
    ///
    /// ```
    /// use overdue::OverduePolicy;
    /// assert!(!OverduePolicy::new().compound_interest(false).get_compound_interest());
    /// assert!(OverduePolicy::new().get_compound_interest());
    /// ```
    pub fn compound_interest(mut self, on: bool) -> OverduePolicy {
        self.compound_interest = Some(on);
        self
    }

    /// Sets a late fee (default none).
    ///
    /// ```
    /// use overdue::{LateFee, Money, OverduePolicy};
    /// let p = OverduePolicy::new().late_fee(LateFee::flat(Money::ZERO));
    /// assert!(p.get_late_fee().is_some());
    /// ```
    pub fn late_fee(mut self, fee: LateFee) -> OverduePolicy {
        self.late_fee = Some(fee);
        self
    }

    /// Whether unpaid late fees bear penalty interest (default off: the
    /// Chinese credit-card rule, no interest on 违约金).
    ///
    /// ```
    /// use overdue::OverduePolicy;
    /// assert!(OverduePolicy::new().interest_on_fees(true).get_interest_on_fees());
    /// ```
    pub fn interest_on_fees(mut self, on: bool) -> OverduePolicy {
        self.interest_on_fees = on;
        self
    }

    /// Sets the grace period (default none).
    ///
    /// ```
    /// use overdue::{Grace, OverduePolicy};
    /// assert_eq!(OverduePolicy::new().grace(Grace::shift(5)).get_grace(), Grace::shift(5));
    /// ```
    pub fn grace(mut self, grace: Grace) -> OverduePolicy {
        self.grace = grace;
        self
    }

    /// An installment whose unpaid amount is at most `tolerance` does not
    /// count as overdue: no days past due, no penalty, no fee (default zero).
    /// The amount is still owed.
    ///
    /// ```
    /// use overdue::{Money, OverduePolicy};
    /// use overdue::dec;
    /// let p = OverduePolicy::new().tolerance(Money::new(dec!(1))?);
    /// assert_eq!(p.get_tolerance(), Money::new(dec!(1))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn tolerance(mut self, tolerance: Money) -> OverduePolicy {
        self.tolerance = tolerance;
        self
    }

    /// Sets the caps (default none).
    ///
    /// ```
    /// use overdue::{Caps, OverduePolicy, Ratio};
    /// let p = OverduePolicy::new().caps(Caps::none().lifetime(Ratio::ONE));
    /// assert_eq!(p.get_caps().get_lifetime(), Some(Ratio::ONE));
    /// ```
    pub fn caps(mut self, caps: Caps) -> OverduePolicy {
        self.caps = caps;
        self
    }

    /// Charges the loan off on the day its days past due reach `days`
    /// (default never); [`OverduePolicy::charge_off_stops`] says which
    /// accruals stop that day.
    ///
    /// ```
    /// use overdue::OverduePolicy;
    /// assert_eq!(OverduePolicy::new().charge_off_after(120).get_charge_off_after(), Some(120));
    /// ```
    pub fn charge_off_after(mut self, days: u32) -> OverduePolicy {
        self.charge_off_after_days = Some(days);
        self
    }

    /// Sets the accruals that stop at charge-off (default all four,
    /// [`Accrual::ALL`]); an empty set lets everything go on accruing.
    ///
    /// ```
    /// use overdue::{Accrual, OverduePolicy};
    /// let p = OverduePolicy::new().charge_off_stops(&[Accrual::LateFees]);
    /// assert_eq!(p.get_charge_off_stops(), &[Accrual::LateFees]);
    /// ```
    pub fn charge_off_stops(mut self, stops: &[Accrual]) -> OverduePolicy {
        let mut stops = stops.to_vec();
        stops.sort();
        stops.dedup();
        self.charge_off_stops = stops;
        self
    }

    /// Allows or forbids late fees that exist only because of earlier late
    /// fees (default [`Pyramiding::Forbidden`]).
    ///
    /// ```
    /// use overdue::{OverduePolicy, Pyramiding};
    /// let p = OverduePolicy::new().pyramiding(Pyramiding::Allowed);
    /// assert_eq!(p.get_pyramiding(), Pyramiding::Allowed);
    /// ```
    pub fn pyramiding(mut self, rule: Pyramiding) -> OverduePolicy {
        self.pyramiding = rule;
        self
    }

    /// Sets the window in which a payment of the same amount as an earlier
    /// one, under another id, is flagged as a possible double debit when it
    /// went beyond what was due (default 0 days: the same day).
    ///
    /// ```
    /// use overdue::OverduePolicy;
    /// assert_eq!(OverduePolicy::new().duplicate_window(3).get_duplicate_window(), 3);
    /// ```
    pub fn duplicate_window(mut self, days: u32) -> OverduePolicy {
        self.duplicate_window_days = days;
        self
    }

    /// Sets the delinquency buckets (default M0–M4+).
    ///
    /// ```
    /// use overdue::{Buckets, OverduePolicy};
    /// let p = OverduePolicy::new().buckets(Buckets::china_credit_card());
    /// assert_eq!(p.get_buckets().bucket(100).label(), "substandard");
    /// ```
    pub fn buckets(mut self, buckets: Buckets) -> OverduePolicy {
        self.buckets = buckets;
        self
    }

    /// Sets the payment allocation order (default
    /// [`AllocationOrder::servicer_default`]).
    ///
    /// ```
    /// use overdue::{AllocationOrder, OverduePolicy};
    /// let p = OverduePolicy::new().allocation(AllocationOrder::civil_code_561());
    /// assert_eq!(p.get_allocation(), &AllocationOrder::civil_code_561());
    /// ```
    pub fn allocation(mut self, order: AllocationOrder) -> OverduePolicy {
        self.allocation = order;
        self
    }

    /// Sets what an early settlement owes (default
    /// [`EarlySettlement::AccruedInterest`]).
    ///
    /// ```
    /// use overdue::{EarlySettlement, OverduePolicy};
    /// let p = OverduePolicy::new().early_settlement(EarlySettlement::AllScheduled);
    /// assert_eq!(p.get_early_settlement(), EarlySettlement::AllScheduled);
    /// ```
    pub fn early_settlement(mut self, rule: EarlySettlement) -> OverduePolicy {
        self.early_settlement = rule;
        self
    }

    /// Sets the rounding of posted accruals (default 2 places, half away
    /// from zero). Its scale must match the schedule's.
    ///
    /// ```
    /// use overdue::{OverduePolicy, Rounding};
    /// let p = OverduePolicy::new().rounding(Rounding::half_even(2)?);
    /// assert_eq!(p.get_rounding(), Rounding::half_even(2)?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn rounding(mut self, rounding: Rounding) -> OverduePolicy {
        self.rounding = rounding;
        self
    }

    /// The penalty rate.
    ///
    /// ```
    /// use overdue::{OverduePolicy, PenaltyRate};
    /// assert_eq!(OverduePolicy::new().get_penalty_rate(), PenaltyRate::default());
    /// ```
    pub fn get_penalty_rate(&self) -> PenaltyRate {
        self.penalty_rate
    }

    /// The day count penalties accrue by.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().get_day_count(), overdue::DayCount::Act360);
    /// ```
    pub fn get_day_count(&self) -> DayCount {
        self.day_count
    }

    /// The penalty base.
    ///
    /// ```
    /// use overdue::{OverduePolicy, PenaltyBase};
    /// assert_eq!(OverduePolicy::new().get_penalty_base(), PenaltyBase::OverduePrincipal);
    /// ```
    pub fn get_penalty_base(&self) -> PenaltyBase {
        self.penalty_base
    }

    /// Whether compound interest is charged (see
    /// [`OverduePolicy::compound_interest`] for the default).
    ///
    /// ```
    /// use overdue::{OverduePolicy, PenaltyBase};
    /// let p = OverduePolicy::new().penalty_base(PenaltyBase::OverdueInstallment);
    /// assert!(!p.get_compound_interest()); // the base already holds the interest
    /// ```
    pub fn get_compound_interest(&self) -> bool {
        self.compound_interest
            .unwrap_or(self.penalty_base != PenaltyBase::OverdueInstallment)
    }

    /// The late fee, if any.
    ///
    /// ```
    /// assert!(overdue::OverduePolicy::new().get_late_fee().is_none());
    /// ```
    pub fn get_late_fee(&self) -> Option<LateFee> {
        self.late_fee
    }

    /// Whether late fees bear penalty interest.
    ///
    /// ```
    /// assert!(!overdue::OverduePolicy::new().get_interest_on_fees());
    /// ```
    pub fn get_interest_on_fees(&self) -> bool {
        self.interest_on_fees
    }

    /// The grace period.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().get_grace(), overdue::Grace::none());
    /// ```
    pub fn get_grace(&self) -> Grace {
        self.grace
    }

    /// The amount tolerance.
    ///
    /// ```
    /// assert!(overdue::OverduePolicy::new().get_tolerance().is_zero());
    /// ```
    pub fn get_tolerance(&self) -> Money {
        self.tolerance
    }

    /// The caps.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().get_caps(), overdue::Caps::none());
    /// ```
    pub fn get_caps(&self) -> Caps {
        self.caps
    }

    /// The charge-off threshold in days past due, if any.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().get_charge_off_after(), None);
    /// ```
    pub fn get_charge_off_after(&self) -> Option<u32> {
        self.charge_off_after_days
    }

    /// The accruals that stop at charge-off.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().get_charge_off_stops(), &overdue::Accrual::ALL);
    /// ```
    pub fn get_charge_off_stops(&self) -> &[Accrual] {
        &self.charge_off_stops
    }

    /// The pyramiding rule.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().get_pyramiding(), overdue::Pyramiding::Forbidden);
    /// ```
    pub fn get_pyramiding(&self) -> Pyramiding {
        self.pyramiding
    }

    /// The possible-double-debit window, in days.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().get_duplicate_window(), 0);
    /// ```
    pub fn get_duplicate_window(&self) -> u32 {
        self.duplicate_window_days
    }

    /// The delinquency buckets.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().get_buckets(), &overdue::Buckets::m_buckets());
    /// ```
    pub fn get_buckets(&self) -> &Buckets {
        &self.buckets
    }

    /// The allocation order.
    ///
    /// ```
    /// use overdue::{AllocationOrder, OverduePolicy};
    /// assert_eq!(OverduePolicy::new().get_allocation(), &AllocationOrder::servicer_default());
    /// ```
    pub fn get_allocation(&self) -> &AllocationOrder {
        &self.allocation
    }

    /// The early-settlement rule.
    ///
    /// ```
    /// use overdue::{EarlySettlement, OverduePolicy};
    /// assert_eq!(OverduePolicy::new().get_early_settlement(), EarlySettlement::AccruedInterest);
    /// ```
    pub fn get_early_settlement(&self) -> EarlySettlement {
        self.early_settlement
    }

    /// The rounding of posted accruals.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().get_rounding(), overdue::Rounding::default());
    /// ```
    pub fn get_rounding(&self) -> Rounding {
        self.rounding
    }

    /// Checks that the fields can be used together.
    pub(crate) fn validate(&self) -> Result<()> {
        let within = |field: &'static str, days: u32| {
            if days > MAX_POLICY_DAYS {
                Err(Error::TooLarge {
                    field,
                    value: u64::from(days),
                    max: u64::from(MAX_POLICY_DAYS),
                })
            } else {
                Ok(())
            }
        };
        within("grace days", self.grace.days())?;
        within("duplicate window days", self.duplicate_window_days)?;
        if let Some(days) = self.charge_off_after_days {
            within("charge-off days past due", days)?;
        }
        if let Some(LateFee {
            recurrence: Recurrence::EveryDays(days),
            ..
        }) = self.late_fee
        {
            within("late fee recurrence days", days)?;
        }
        if self.penalty_base == PenaltyBase::OverdueInstallment && self.compound_interest == Some(true) {
            return Err(Error::Invalid {
                field: "overdue policy",
                reason:
                    "compound interest on top of an overdue-installment base would charge the overdue interest twice"
                        .into(),
            });
        }
        if let Some(fee) = self.late_fee {
            if fee.recurrence == Recurrence::EveryDays(0) {
                return Err(Error::Zero {
                    field: "late fee recurrence days",
                });
            }
            if let (Some(min), Some(max)) = (fee.min, fee.max) {
                if min > max {
                    return Err(Error::Invalid {
                        field: "late fee",
                        reason: format!("minimum {min} is above maximum {max}"),
                    });
                }
            }
        }
        if self.charge_off_after_days == Some(0) {
            return Err(Error::Zero {
                field: "charge-off days past due",
            });
        }
        self.allocation.validate()
    }
}
