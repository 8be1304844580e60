//! A card's contract: its limit, billing and due days, rates, fees, the
//! minimum payment, the late fee, how interest is charged and which
//! regulator's rules the arithmetic follows.

use serde::{Deserialize, Serialize};

use super::clauses::{
    share_error, share_ok, CardLateFee, CardRules, DueRule, InterestMethod, MinimumPayment, OverLimit, Promotion,
    ShareFee,
};
use crate::error::{Error, Result, Within};
use crate::money::Money;
use crate::rate::Rate;

/// A credit card's contract.
///
/// Amounts are in cents (two decimal places); a rate is daily (0.05 %/day,
/// 万分之五), monthly or annual (an APR, charged per day as APR / 365).
///
/// | term | default |
/// |---|---|
/// | rules | [`CardRules::China`] |
/// | interest method | [`InterestMethod::WholeStatement`] (全额计息) |
/// | due date | 20 days after the statement |
/// | minimum payment | 10 % of the principal, no floor, plus interest and fees |
/// | cash-advance and transfer fees | none |
/// | annual fee | none |
/// | late fee | none |
/// | penalty rate | none |
/// | charge-off | at 180 days past due (the US rule for open-end credit) |
/// | over the limit | allowed and flagged |
/// | tolerance | 1.00: a minimum short by no more is not late |
///
/// ```
/// use overdue::revolving::{CardLateFee, CardTerms, MinimumPayment};
/// use overdue::{dec, Money, Rate};
/// let terms = CardTerms::new(Money::new(dec!(20000))?, 5, Rate::daily(dec!(0.0005))?)?
///     .with_minimum(MinimumPayment::new(dec!(0.10), Money::new(dec!(100))?)?)
///     .with_late_fee(CardLateFee::ShareOfUnpaidMinimum { share: dec!(0.05), floor: Money::ZERO, cap: None });
/// assert_eq!(terms.statement_day(), 5);
/// # Ok::<(), overdue::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CardTerms {
    pub(super) limit: Money,
    pub(super) statement_day: u32,
    #[serde(default)]
    pub(super) due: DueRule,
    pub(super) purchase_rate: Rate,
    #[serde(default)]
    pub(super) cash_rate: Option<Rate>,
    #[serde(default)]
    pub(super) promotion: Option<Promotion>,
    #[serde(default)]
    pub(super) penalty_rate: Option<Rate>,
    #[serde(default)]
    pub(super) cash_fee: ShareFee,
    #[serde(default)]
    pub(super) transfer_fee: ShareFee,
    #[serde(default)]
    pub(super) annual_fee: Money,
    #[serde(default)]
    pub(super) minimum: MinimumPayment,
    #[serde(default)]
    pub(super) late_fee: CardLateFee,
    #[serde(default)]
    pub(super) interest_method: InterestMethod,
    #[serde(default)]
    pub(super) rules: CardRules,
    #[serde(default = "default_charge_off")]
    pub(super) charge_off_after: u32,
    #[serde(default)]
    pub(super) over_limit: OverLimit,
    #[serde(default = "default_tolerance")]
    pub(super) tolerance: Money,
}

/// The amounts a late fee names, with their fields, for the minor-unit check.
fn late_fee_amounts(fee: CardLateFee) -> Vec<(&'static str, Money)> {
    match fee {
        CardLateFee::Flat(amount) => vec![("late_fee", amount)],
        CardLateFee::ShareOfUnpaidMinimum { floor, cap, .. } => {
            let mut amounts = vec![("late_fee.floor", floor)];
            amounts.extend(cap.map(|cap| ("late_fee.cap", cap)));
            amounts
        }
        _ => Vec::new(),
    }
}

fn default_charge_off() -> u32 {
    180
}

fn default_tolerance() -> Money {
    Money::ONE
}

/// A setter's doc example, shared: every setter is shown on the same card.
macro_rules! setter {
    ($(#[$doc:meta])* $name:ident, $field:ident: $ty:ty, $example:literal) => {
        $(#[$doc])*
        ///
        /// ```
        /// use overdue::revolving::*;
        /// # // one import line serves every setter's example, and each uses only some of it
        /// # #[allow(unused_imports)]
        /// use overdue::{dec, Money, Rate};
        /// let terms = CardTerms::new(Money::new(dec!(5000))?, 5, Rate::annual(dec!(0.2399))?)?
        #[doc = concat!("    .", stringify!($name), "(", $example, ");")]
        /// assert_eq!(terms.statement_day(), 5);
        /// # Ok::<(), overdue::Error>(())
        /// ```
        pub fn $name(mut self, $field: $ty) -> CardTerms {
            self.$field = $field;
            self
        }
    };
}

impl CardTerms {
    /// A card with `limit`, a statement on day `statement_day` of each month
    /// (1 to 28) and `purchase_rate`; every other term at its default.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a statement day outside 1 to 28.
    ///
    /// ```
    /// use overdue::{revolving::CardTerms, Money, Rate};
    /// assert!(CardTerms::new(Money::ONE, 29, Rate::ZERO).is_err());
    /// ```
    pub fn new(limit: Money, statement_day: u32, purchase_rate: Rate) -> Result<CardTerms> {
        let terms = CardTerms {
            limit,
            statement_day,
            due: DueRule::default(),
            purchase_rate,
            cash_rate: None,
            promotion: None,
            penalty_rate: None,
            cash_fee: ShareFee::default(),
            transfer_fee: ShareFee::default(),
            annual_fee: Money::ZERO,
            minimum: MinimumPayment::default(),
            late_fee: CardLateFee::None,
            interest_method: InterestMethod::default(),
            rules: CardRules::default(),
            charge_off_after: default_charge_off(),
            over_limit: OverLimit::default(),
            tolerance: default_tolerance(),
        };
        terms.check().map_err(Error::from)?;
        Ok(terms)
    }

    setter!(
        /// When each statement falls due.
        with_due, due: DueRule, "DueRule::DaysAfterStatement(25)"
    );
    setter!(
        /// The rules the card follows ([`CardRules`]).
        with_rules, rules: CardRules, "CardRules::China"
    );
    setter!(
        /// How purchase interest is charged ([`InterestMethod`]).
        with_interest_method, interest_method: InterestMethod, "InterestMethod::UnpaidPartOnly"
    );
    setter!(
        /// The minimum payment rule.
        with_minimum, minimum: MinimumPayment, "MinimumPayment::new(dec!(0.02), Money::new(dec!(25))?)?"
    );
    setter!(
        /// The late fee.
        with_late_fee, late_fee: CardLateFee, "CardLateFee::Flat(Money::new(dec!(30))?)"
    );
    setter!(
        /// The fee on each cash advance.
        with_cash_fee, cash_fee: ShareFee, "ShareFee::new(dec!(0.05), Money::new(dec!(10))?)?"
    );
    setter!(
        /// The fee on each balance transfer.
        with_transfer_fee, transfer_fee: ShareFee, "ShareFee::new(dec!(0.03), Money::new(dec!(5))?)?"
    );
    setter!(
        /// The annual fee, charged on the day the card opens and on each anniversary.
        with_annual_fee, annual_fee: Money, "Money::new(dec!(95))?"
    );
    setter!(
        /// The charge-off point in days past due; 0 never charges off.
        with_charge_off_after, charge_off_after: u32, "120"
    );
    setter!(
        /// What a charge above the available limit does.
        with_over_limit, over_limit: OverLimit, "OverLimit::Refused"
    );
    setter!(
        /// The shortfall of a minimum payment that is not late.
        with_tolerance, tolerance: Money, "Money::ZERO"
    );

    /// The rate on cash advances (the purchase rate when not set).
    ///
    /// ```
    /// use overdue::{dec, revolving::CardTerms, Money, Rate};
    /// let terms = CardTerms::new(Money::ONE, 5, Rate::annual(dec!(0.20))?)?.with_cash_rate(Rate::annual(dec!(0.27))?);
    /// assert_eq!(terms.cash_rate(), Rate::annual(dec!(0.27))?);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_cash_rate(mut self, rate: Rate) -> CardTerms {
        self.cash_rate = Some(rate);
        self
    }

    /// A promotional rate on balance transfers.
    ///
    /// ```
    /// use overdue::{dec, revolving::{CardTerms, Promotion}, Money, NaiveDate, Rate};
    /// let terms = CardTerms::new(Money::ONE, 5, Rate::annual(dec!(0.20))?)?
    ///     .with_promotion(Promotion::new(Rate::ZERO, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()));
    /// assert!(terms.promotion().is_some());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_promotion(mut self, promotion: Promotion) -> CardTerms {
        self.promotion = Some(promotion);
        self
    }

    /// The penalty rate (US rules only): on purchases and cash advances once
    /// a minimum payment is 60 days late, from 45 days after that day (the
    /// notice of 1026.9(g)), until six minimum payments in a row are on time.
    ///
    /// ```
    /// use overdue::{dec, revolving::{CardRules, CardTerms}, Money, Rate};
    /// let terms = CardTerms::new(Money::ONE, 5, Rate::annual(dec!(0.20))?)?
    ///     .with_rules(CardRules::Us).with_penalty_rate(Rate::annual(dec!(0.2999))?);
    /// assert_eq!(terms.penalty_rate(), Some(Rate::annual(dec!(0.2999))?));
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn with_penalty_rate(mut self, rate: Rate) -> CardTerms {
        self.penalty_rate = Some(rate);
        self
    }

    /// The credit limit.
    ///
    /// ```
    /// use overdue::{revolving::CardTerms, Money, Rate};
    /// assert_eq!(CardTerms::new(Money::ONE, 5, Rate::ZERO)?.limit(), Money::ONE);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn limit(&self) -> Money {
        self.limit
    }

    /// The statement (billing) day of the month, 账单日.
    ///
    /// ```
    /// use overdue::{revolving::CardTerms, Money, Rate};
    /// assert_eq!(CardTerms::new(Money::ONE, 5, Rate::ZERO)?.statement_day(), 5);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn statement_day(&self) -> u32 {
        self.statement_day
    }

    /// The rate on purchases.
    ///
    /// ```
    /// use overdue::{revolving::CardTerms, Money, Rate};
    /// assert!(CardTerms::new(Money::ONE, 5, Rate::ZERO)?.purchase_rate().is_zero());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn purchase_rate(&self) -> Rate {
        self.purchase_rate
    }

    /// The rate on cash advances.
    ///
    /// ```
    /// use overdue::{revolving::CardTerms, Money, Rate};
    /// assert!(CardTerms::new(Money::ONE, 5, Rate::ZERO)?.cash_rate().is_zero());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn cash_rate(&self) -> Rate {
        self.cash_rate.unwrap_or(self.purchase_rate)
    }

    /// The promotion on transfers, if any.
    ///
    /// ```
    /// use overdue::{revolving::CardTerms, Money, Rate};
    /// assert!(CardTerms::new(Money::ONE, 5, Rate::ZERO)?.promotion().is_none());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn promotion(&self) -> Option<Promotion> {
        self.promotion
    }

    /// The penalty rate, if any.
    ///
    /// ```
    /// use overdue::{revolving::CardTerms, Money, Rate};
    /// assert!(CardTerms::new(Money::ONE, 5, Rate::ZERO)?.penalty_rate().is_none());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn penalty_rate(&self) -> Option<Rate> {
        self.penalty_rate
    }

    /// The rules followed.
    ///
    /// ```
    /// use overdue::{revolving::{CardRules, CardTerms}, Money, Rate};
    /// assert_eq!(CardTerms::new(Money::ONE, 5, Rate::ZERO)?.rules(), CardRules::China);
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn rules(&self) -> CardRules {
        self.rules
    }

    /// The delinquency buckets a card is reported in: M-buckets under US
    /// rules, the Chinese card classes otherwise.
    pub(crate) fn buckets(&self) -> crate::accrual::Buckets {
        match self.rules {
            CardRules::Us => crate::accrual::Buckets::m_buckets(),
            _ => crate::accrual::Buckets::china_credit_card(),
        }
    }

    /// The minimum payment rule.
    ///
    /// ```
    /// use overdue::{revolving::{CardTerms, MinimumPayment}, Money, Rate};
    /// assert_eq!(CardTerms::new(Money::ONE, 5, Rate::ZERO)?.minimum(), MinimumPayment::default());
    /// # Ok::<(), overdue::Error>(())
    /// ```
    pub fn minimum(&self) -> MinimumPayment {
        self.minimum
    }

    /// Checks what the setters and a JSON reading leave unchecked, the error
    /// at the field it is about.
    pub(crate) fn check(&self) -> std::result::Result<(), Within> {
        let invalid = |field: &'static str, reason: String| Within::new(field, Error::Invalid { field, reason });
        if !(1..=28).contains(&self.statement_day) {
            return Err(invalid(
                "statement_day",
                format!(
                    "must be a day from 1 to 28 (every month has it), got {}",
                    self.statement_day
                ),
            ));
        }
        match self.due {
            DueRule::DaysAfterStatement(days) if !(1..=27).contains(&days) => {
                return Err(invalid(
                    "due",
                    format!("must be 1 to 27 days after the statement (before the next one), got {days}"),
                ));
            }
            DueRule::DayOfMonth(day) if !(1..=28).contains(&day) => {
                return Err(invalid("due", format!("must be a day from 1 to 28, got {day}")));
            }
            _ => {}
        }
        let amounts = [
            ("limit", self.limit),
            ("annual_fee", self.annual_fee),
            ("tolerance", self.tolerance),
            ("minimum.floor", self.minimum.floor),
            ("cash_fee.floor", self.cash_fee.floor),
            ("transfer_fee.floor", self.transfer_fee.floor),
        ];
        for (field, amount) in amounts.into_iter().chain(late_fee_amounts(self.late_fee)) {
            if amount.as_decimal().normalize().scale() > 2 {
                return Err(Within::new(
                    field,
                    Error::NotInMinorUnits {
                        field,
                        value: amount.as_decimal(),
                        scale: 2,
                    },
                ));
            }
        }
        if self.minimum.floor > self.limit {
            return Err(invalid(
                "minimum.floor",
                format!("{} is above the limit {}", self.minimum.floor, self.limit),
            ));
        }
        if !share_ok(self.minimum.share) {
            return Err(Within::new(
                "minimum.share",
                share_error("minimum.share", self.minimum.share),
            ));
        }
        self.cash_fee
            .check("cash_fee.share")
            .map_err(|e| Within::new("cash_fee.share", e))?;
        self.transfer_fee
            .check("transfer_fee.share")
            .map_err(|e| Within::new("transfer_fee.share", e))?;
        if let CardLateFee::ShareOfUnpaidMinimum { share, floor, cap } = self.late_fee {
            if !share_ok(share) {
                return Err(Within::new("late_fee.share", share_error("late_fee.share", share)));
            }
            if cap.is_some_and(|cap| cap < floor) {
                return Err(invalid("late_fee.cap", "must not be below the floor".to_owned()));
            }
        }
        for (field, rate) in [
            ("purchase_rate", Some(self.purchase_rate)),
            ("cash_rate", self.cash_rate),
            ("penalty_rate", self.penalty_rate),
            ("promotion.rate", self.promotion.map(|p| p.rate())),
        ] {
            if let Some(rate) = rate.filter(|r| {
                r.to_annual(crate::calendar::DayCount::Act365Fixed)
                    .is_ok_and(|a| a.value() > crate::rate::MAX_ANNUAL_RATE)
            }) {
                return Err(invalid(
                    field,
                    format!("{rate} is above the largest rate the crate accepts"),
                ));
            }
        }
        if self.rules == CardRules::Us {
            if self.interest_method != InterestMethod::AverageDailyBalance {
                return Err(invalid(
                    "interest_method",
                    "US rules charge no interest on days of an earlier cycle (12 CFR 1026.54): use average_daily_balance".to_owned(),
                ));
            }
            if let DueRule::DaysAfterStatement(days @ 0..21) = self.due {
                return Err(invalid(
                    "due",
                    format!("US rules give at least 21 days from the statement to the due date (12 CFR 1026.5(b)(2)(ii)), got {days}"),
                ));
            }
        } else if self.penalty_rate.is_some() {
            return Err(invalid(
                "penalty_rate",
                "a penalty rate follows the US rules (12 CFR 1026.55(b)(4)); Chinese cards charge the agreed 违约金"
                    .to_owned(),
            ));
        }
        Ok(())
    }
}
