//! Risk classification (五级分类) of a loan as of a date, replayed from its
//! history: days past due, restructuring and its observation period, and
//! the rule that a non-performing loan is upgraded only once cured.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::accrual::{Event, Ledger, Statement, Through};
use crate::error::{Error, Result};

/// The five risk classes of Chinese banking supervision (五级分类), best
/// first; the last three are non-performing (不良).
///
/// ```
/// use overdue::report::AssetClass;
/// assert!(AssetClass::Substandard.is_non_performing());
/// assert!(AssetClass::SpecialMention < AssetClass::Loss);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AssetClass {
    /// 正常: the debtor can repay in full and on time.
    Normal,
    /// 关注: repaid so far, with factors that may hurt repayment.
    SpecialMention,
    /// 次级: repayment in doubt; a loss is likely.
    Substandard,
    /// 可疑: a large part will not be repaid.
    Doubtful,
    /// 损失: little or nothing will be recovered.
    Loss,
}

impl AssetClass {
    /// Whether the class is non-performing (不良): substandard or worse.
    ///
    /// ```
    /// assert!(!overdue::report::AssetClass::SpecialMention.is_non_performing());
    /// ```
    pub fn is_non_performing(self) -> bool {
        self >= AssetClass::Substandard
    }
}

/// The rules that classify a loan: classes by days past due, the floor of a
/// restructured loan through its observation period, and how many timely
/// installments a non-performing loan needs to be upgraded.
///
/// ```
/// use overdue::{report::AssetClass, report::ClassificationRules};
/// let rules = ClassificationRules::china_2023();
/// assert_eq!(rules.class_for(91), AssetClass::Substandard);
/// assert_eq!(rules.class_for(1), AssetClass::SpecialMention);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClassificationRules {
    overdue: AssetClass,
    bands: Vec<(u32, AssetClass)>,
    restructured: AssetClass,
    observation_months: u32,
    observation_periods: u32,
    cure_periods: u32,
}

impl ClassificationRules {
    /// China's 2023 measures for commercial banks' financial assets
    /// (商业银行金融资产风险分类办法, CBIRC and PBOC order 2023 No. 1), for
    /// retail loans: any amount overdue, at least special mention; more than
    /// 90, 270 and 360 days, at least substandard, doubtful and loss. A
    /// restructured loan (art. 17: terms eased for a debtor in difficulty,
    /// which a deferral or a restructure recorded on the ledger is taken to
    /// be) is at least special mention and no better than before it,
    /// through an observation period that starts on the new plan's first due
    /// date, lasts at least a year and two installments, and starts again
    /// from any installment not paid in full on time (art. 20). A
    /// non-performing loan returns to special mention or normal only once
    /// its arrears are paid and two installments in a row are paid on time
    /// (the upgrade rule: two repayment periods).
    ///
    /// ```
    /// use overdue::{report::AssetClass, report::ClassificationRules};
    /// let rules = ClassificationRules::china_2023();
    /// assert_eq!(rules.class_for(270), AssetClass::Substandard);
    /// assert_eq!(rules.class_for(271), AssetClass::Doubtful);
    /// assert_eq!(rules.class_for(361), AssetClass::Loss);
    /// ```
    pub fn china_2023() -> ClassificationRules {
        ClassificationRules {
            overdue: AssetClass::SpecialMention,
            bands: vec![
                (90, AssetClass::Substandard),
                (270, AssetClass::Doubtful),
                (360, AssetClass::Loss),
            ],
            restructured: AssetClass::SpecialMention,
            observation_months: 12,
            observation_periods: 2,
            cure_periods: 2,
        }
    }

    /// China's credit-card classes (商业银行信用卡业务监督管理办法, CBRC order
    /// 2011 No. 2, art. 92), the classes of
    /// [`Buckets::china_credit_card`](crate::accrual::Buckets::china_credit_card):
    /// overdue 1–90 days, special mention; 91–120, substandard; 121–180,
    /// doubtful; more than 180, loss. Restructuring and cure as in
    /// [`ClassificationRules::china_2023`].
    ///
    /// ```
    /// use overdue::{report::AssetClass, report::ClassificationRules};
    /// let card = ClassificationRules::china_credit_card();
    /// assert_eq!(card.class_for(120), AssetClass::Substandard);
    /// assert_eq!(card.class_for(181), AssetClass::Loss);
    /// ```
    pub fn china_credit_card() -> ClassificationRules {
        ClassificationRules {
            bands: vec![
                (90, AssetClass::Substandard),
                (120, AssetClass::Doubtful),
                (180, AssetClass::Loss),
            ],
            ..ClassificationRules::china_2023()
        }
    }

    /// Custom rules: `overdue` for any day past due, and each `(days, class)`
    /// for more than `days` past due; the restructuring and cure rules of
    /// [`ClassificationRules::china_2023`] until set.
    ///
    /// # Errors
    /// [`Error::Invalid`] if a band's class is better than a band of fewer
    /// days, or than `overdue`.
    ///
    /// ```
    /// use overdue::{report::AssetClass, report::ClassificationRules};
    /// let card = ClassificationRules::new(AssetClass::SpecialMention, &[(90, AssetClass::Substandard), (180, AssetClass::Loss)])?;
    /// assert_eq!(card.class_for(181), AssetClass::Loss);
    /// assert!(ClassificationRules::new(AssetClass::Doubtful, &[(90, AssetClass::Substandard)]).is_err());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn new(overdue: AssetClass, bands: &[(u32, AssetClass)]) -> Result<ClassificationRules> {
        let mut sorted = bands.to_vec();
        sorted.sort_by_key(|b| b.0);
        let mut worst = overdue;
        for &(days, class) in &sorted {
            if class < worst {
                return Err(Error::Invalid {
                    field: "classification bands",
                    reason: format!("more than {days} days past due cannot be a better class than fewer days"),
                });
            }
            worst = class;
        }
        Ok(ClassificationRules {
            overdue,
            bands: sorted,
            ..ClassificationRules::china_2023()
        })
    }

    /// The observation period of a restructured loan: at least `months`
    /// and `installments` of the new plan.
    ///
    /// ```
    /// use overdue::report::ClassificationRules;
    /// let rules = ClassificationRules::china_2023().with_observation(6, 1);
    /// # let _ = rules;
    /// ```
    pub fn with_observation(mut self, months: u32, installments: u32) -> ClassificationRules {
        self.observation_months = months;
        self.observation_periods = installments;
        self
    }

    /// The class by days past due alone.
    ///
    /// ```
    /// use overdue::{report::AssetClass, report::ClassificationRules};
    /// assert_eq!(ClassificationRules::china_2023().class_for(0), AssetClass::Normal);
    /// ```
    pub fn class_for(&self, days_past_due: u32) -> AssetClass {
        if days_past_due == 0 {
            return AssetClass::Normal;
        }
        self.bands
            .iter()
            .filter(|b| days_past_due > b.0)
            .map(|b| b.1)
            .fold(self.overdue, AssetClass::max)
    }
}

/// A loan's risk class as of a date, and why.
///
/// ```
/// use overdue::{dec, report::AssetClass, report::ClassificationRules, Ledger, Money, NaiveDate, OverduePolicy, Rate, Schedule};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
/// let c = Ledger::new(plan, OverduePolicy::new())?.risk_class(&ClassificationRules::china_2023(), d(2026, 6, 1))?;
/// assert_eq!((c.class, c.days_past_due), (AssetClass::Substandard, 106));
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RiskClassification {
    /// The class.
    pub class: AssetClass,
    /// Days past due on the date.
    pub days_past_due: u32,
    /// The class by days past due alone.
    pub by_days_past_due: AssetClass,
    /// When a restructure's observation period ends, while one runs.
    #[serde(serialize_with = "crate::dates::option::serialize")]
    pub observation_ends: Option<NaiveDate>,
    /// Installments paid on time in a row since a non-performing class,
    /// while the loan waits to be upgraded.
    pub cured_installments: Option<u32>,
}

/// A restructure's observation period as it stands.
struct Observation {
    floor: AssetClass,
    /// The new plan's due dates.
    dues: Vec<NaiveDate>,
    ends: NaiveDate,
}

impl Observation {
    /// The end of a period starting on `start`: a year (or the rules'
    /// months) and the rules' installments of the plan from `start`.
    fn end_from(rules: &ClassificationRules, start: NaiveDate, dues: &[NaiveDate]) -> Result<NaiveDate> {
        let by_months =
            start
                .checked_add_months(Months::new(rules.observation_months))
                .ok_or(Error::DateOutOfRange {
                    operation: "the end of an observation period",
                })?;
        let later: Vec<NaiveDate> = dues.iter().copied().filter(|&d| d >= start).collect();
        let k = usize::try_from(rules.observation_periods).unwrap_or(usize::MAX);
        let by_periods = k
            .checked_sub(1)
            .and_then(|i| later.get(i).copied())
            .or_else(|| later.last().copied())
            .unwrap_or(start);
        Ok(by_months.max(by_periods))
    }
}

impl Ledger {
    /// The loan's risk class under `rules` as of `as_of`, replayed from its
    /// history: at the end of every due date and event date up to `as_of`
    /// (and of the day before each event, where each stretch between events
    /// is at its worst), and on `as_of`.
    /// A class may only improve as the rules allow: a restructured loan stays
    /// at its floor through the observation period, even when current, and
    /// a non-performing loan stays non-performing until cured.
    ///
    /// # Errors
    /// As [`Ledger::statement`].
    ///
    /// ```
    /// use overdue::{dec, report::AssetClass, report::ClassificationRules, Ledger, Money, NaiveDate, restructure::NewPlan, OverduePolicy, Rate, restructure::Restructure, Schedule, schedule::Terms};
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = Schedule::equal_installment(Money::new(dec!(1200))?, Rate::ZERO, 12, d(2026, 1, 15))?;
    /// let mut ledger = Ledger::new(plan, OverduePolicy::new())?;
    /// // 40 days past due, then restructured into 12 new installments: nothing past due
    /// ledger.restructure(Restructure::new(d(2026, 3, 27), NewPlan::Schedule(Terms::new(Rate::ZERO, 12))))?;
    /// let c = ledger.risk_class(&ClassificationRules::china_2023(), d(2026, 4, 1))?;
    /// assert_eq!((c.days_past_due, c.class), (0, AssetClass::SpecialMention)); // held through the observation period
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn risk_class(&self, rules: &ClassificationRules, as_of: NaiveDate) -> Result<RiskClassification> {
        // every point and the date itself from one replay: a point's days past due is all the
        // rules read of it
        let points = self.class_points(as_of)?;
        let ends: Vec<(NaiveDate, Through)> = points.iter().map(|&p| (p, Through::EndOf)).collect();
        let (standings, on_date) = self.standings_then(&ends, (as_of, Through::StartOf))?;
        let days: Vec<u32> = standings.iter().map(|s| s.days_past_due).collect();
        self.classify(rules, as_of, &points, &days, on_date.days_past_due, &on_date)
    }

    /// The points a class is read at before `as_of` (ascending): every due
    /// date, and every event's day and the day before it (between events
    /// the days past due only grow: the worst of each stretch is at the end
    /// of the day before the next event).
    pub(crate) fn class_points(&self, as_of: NaiveDate) -> Result<Vec<NaiveDate>> {
        let restructured = self.events().iter().any(|e| matches!(e, Event::Restructure(_)));
        let dues: Vec<NaiveDate> = if restructured {
            // a new plan's due dates are known once it is replayed
            self.statement(as_of)?.installments.iter().map(|i| i.due_date).collect()
        } else {
            self.schedule().installments().iter().map(|i| i.due_date).collect()
        };
        let mut points: Vec<NaiveDate> = dues
            .into_iter()
            .chain(
                self.events()
                    .iter()
                    .flat_map(|e| [e.date().pred_opt(), Some(e.date())])
                    .flatten(),
            )
            .filter(|&d| d >= self.schedule().disbursement() && d < as_of)
            .collect();
        points.sort();
        points.dedup();
        Ok(points)
    }

    /// The class on `as_of` from the days past due at the end of each of
    /// `points` (`days`) and on `as_of` itself, with the installments and
    /// restructures of `st` (a statement of `as_of` or later).
    pub(crate) fn classify(
        &self,
        rules: &ClassificationRules,
        as_of: NaiveDate,
        points: &[NaiveDate],
        days: &[u32],
        days_on_date: u32,
        st: &Statement,
    ) -> Result<RiskClassification> {
        let on_date = st;
        let readings = points
            .iter()
            .copied()
            .zip(days.iter().copied())
            .chain([(as_of, days_on_date)]);
        let mut class = AssetClass::Normal;
        let mut observation: Option<Observation> = None;
        let mut cured: Option<u32> = None;
        let mut last = None;
        for (point, days_past_due) in readings {
            let by_dpd = rules.class_for(days_past_due);
            let due_today = on_date.installments.iter().any(|i| i.due_date == point);
            let restructured_today = self
                .events()
                .iter()
                .any(|e| matches!(e, Event::Restructure(r) if r.date() == point));
            if restructured_today {
                let dues = new_plan_dues(on_date, point);
                let start = dues.first().copied().unwrap_or(point);
                observation = Some(Observation {
                    floor: rules.restructured.max(class),
                    ends: Observation::end_from(rules, start, &dues)?,
                    dues,
                });
            }
            // an installment not paid in full on time starts the observation again
            if let Some(obs) = observation.as_mut() {
                if due_today && days_past_due > 0 && obs.dues.contains(&point) {
                    obs.ends = Observation::end_from(rules, point, &obs.dues)?;
                }
                if point > obs.ends {
                    observation = None;
                }
            }
            // a non-performing loan waits for its arrears paid and installments on time in a row
            if class.is_non_performing() && !by_dpd.is_non_performing() {
                let count = cured.get_or_insert(0);
                if due_today && days_past_due == 0 {
                    *count += 1;
                } else if days_past_due > 0 {
                    *count = 0;
                }
            }
            let held = match cured {
                Some(n) if n >= rules.cure_periods => {
                    cured = None;
                    by_dpd
                }
                Some(_) => class,
                None => by_dpd,
            };
            let floor = observation.as_ref().map_or(AssetClass::Normal, |o| o.floor);
            class = held.max(by_dpd).max(floor);
            if by_dpd.is_non_performing() {
                cured = None;
            }
            last = Some((days_past_due, by_dpd));
        }
        let (days_past_due, by_days_past_due) = last.unwrap_or((0, AssetClass::Normal));
        Ok(RiskClassification {
            class,
            days_past_due,
            by_days_past_due,
            observation_ends: observation.map(|o| o.ends),
            cured_installments: cured,
        })
    }
}

/// The due dates of the plan a restructure on `day` set: its installments,
/// from the first new one to the last before a later plan's.
fn new_plan_dues(st: &Statement, day: NaiveDate) -> Vec<NaiveDate> {
    let number = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
    let Some(at) = st.restructures.iter().rposition(|r| r.date == day) else {
        return Vec::new();
    };
    let first = st
        .restructures
        .get(at)
        .map_or(usize::MAX, |r| number(r.first_installment));
    let next = st
        .restructures
        .get(at + 1)
        .map_or(usize::MAX, |r| number(r.first_installment));
    st.installments
        .iter()
        .filter(|i| (first..next).contains(&number(i.number)))
        .map(|i| i.due_date)
        .collect()
}
