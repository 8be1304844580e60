//! What a lender does about a loan left unpaid, and when: the freeze of the
//! account and the legal action, by days past due.

use serde::{Deserialize, Serialize};

use super::OverduePolicy;

/// When a lender acts on a loan left unpaid, in days past due: the day the
/// account or credit line is frozen (冻结) and the day it starts legal action
/// (诉讼, or hands the loan to a collection agency, 催收). Each is the
/// lender's own policy, not a law, so neither is set by default; a timeline
/// ([`Ledger::timeline`](crate::Ledger::timeline)) lists the days they fall
/// on. The charge-off day (核销) is [`OverduePolicy::with_charge_off_after`].
///
/// ```
/// use overdue::{accrual::Collections, OverduePolicy};
/// let c = Collections::new().with_freeze_after(30).with_legal_action_after(180);
/// let policy = OverduePolicy::new().with_collections(c);
/// assert_eq!(policy.collections().legal_action_after(), Some(180));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Collections {
    freeze_after_days: Option<u32>,
    legal_action_after_days: Option<u32>,
}

impl Collections {
    /// Neither a freeze nor legal action.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Collections::new().freeze_after(), None);
    /// ```
    pub fn new() -> Collections {
        Collections::default()
    }

    /// The account or line is frozen once the loan is `days` past due.
    ///
    /// ```
    /// use overdue::accrual::Collections;
    /// assert_eq!(Collections::new().with_freeze_after(30).freeze_after(), Some(30));
    /// ```
    pub fn with_freeze_after(mut self, days: u32) -> Collections {
        self.freeze_after_days = Some(days);
        self
    }

    /// The lender starts legal action once the loan is `days` past due.
    ///
    /// ```
    /// use overdue::accrual::Collections;
    /// assert_eq!(Collections::new().with_legal_action_after(90).legal_action_after(), Some(90));
    /// ```
    pub fn with_legal_action_after(mut self, days: u32) -> Collections {
        self.legal_action_after_days = Some(days);
        self
    }

    /// The days past due at which the account is frozen.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Collections::new().freeze_after(), None);
    /// ```
    pub fn freeze_after(&self) -> Option<u32> {
        self.freeze_after_days
    }

    /// The days past due at which legal action starts.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::Collections::new().legal_action_after(), None);
    /// ```
    pub fn legal_action_after(&self) -> Option<u32> {
        self.legal_action_after_days
    }
}

impl OverduePolicy {
    /// Sets what the lender does about a loan left unpaid, and when
    /// (default: nothing set).
    ///
    /// ```
    /// use overdue::{accrual::Collections, OverduePolicy};
    /// let p = OverduePolicy::new().with_collections(Collections::new().with_freeze_after(1));
    /// assert_eq!(p.collections().freeze_after(), Some(1));
    /// ```
    pub fn with_collections(mut self, collections: Collections) -> OverduePolicy {
        self.collections = collections;
        self
    }

    /// What the lender does about a loan left unpaid, and when.
    ///
    /// ```
    /// assert_eq!(overdue::OverduePolicy::new().collections(), overdue::accrual::Collections::new());
    /// ```
    pub fn collections(&self) -> Collections {
        self.collections
    }
}
