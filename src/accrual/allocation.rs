//! The order in which a payment pays what is owed.

use serde::{Deserialize, Serialize};

use crate::component::Component;
use crate::error::{Error, Result};

/// Where an installment stands on a payment date `D`.
///
/// ```
/// use overdue::accrual::InstallmentState;
/// assert_ne!(InstallmentState::PastDue, InstallmentState::Due);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InstallmentState {
    /// Its due date is before `D`.
    PastDue,
    /// The current period's installment: the first whose due date is on or
    /// after `D`.
    Due,
    /// A later installment.
    NotYetDue,
}

/// How a tier walks its installments and components.
///
/// ```
/// use overdue::accrual::Direction;
/// assert_ne!(Direction::Vertical, Direction::Horizontal);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// Installment by installment, oldest first: every component of the
    /// oldest before anything of the next. The default.
    #[default]
    Vertical,
    /// Component by component: the first component across every installment
    /// (oldest first) before the next component.
    Horizontal,
}

/// One row of the allocation matrix: the installment states it covers, its
/// components in order, and the direction it walks them in.
///
/// ```
/// use overdue::{Component, accrual::Direction, accrual::InstallmentState, accrual::Tier};
/// let t = Tier::new(&[InstallmentState::PastDue], &[Component::Fees, Component::Principal], Direction::Horizontal);
/// assert_eq!(t.components(), &[Component::Fees, Component::Principal]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tier {
    states: Vec<InstallmentState>,
    components: Vec<Component>,
    #[serde(default)]
    direction: Direction,
}

impl Tier {
    /// A tier over `states` paying `components` in order.
    ///
    /// ```
    /// use overdue::{Component, accrual::Direction, accrual::InstallmentState, accrual::Tier};
    /// let t = Tier::new(&[InstallmentState::Due], &[Component::Interest], Direction::Vertical);
    /// assert_eq!(t.states(), &[InstallmentState::Due]);
    /// ```
    pub fn new(states: &[InstallmentState], components: &[Component], direction: Direction) -> Tier {
        Tier {
            states: states.to_vec(),
            components: components.to_vec(),
            direction,
        }
    }

    /// The installment states it covers.
    ///
    /// ```
    /// # use overdue::accrual::{Direction, Tier};
    /// assert_eq!(Tier::new(&[], &[], Direction::Vertical).states(), &[]);
    /// ```
    pub fn states(&self) -> &[InstallmentState] {
        &self.states
    }

    /// Its components, in order.
    ///
    /// ```
    /// # use overdue::accrual::{Direction, Tier};
    /// assert!(Tier::new(&[], &[], Direction::Vertical).components().is_empty());
    /// ```
    pub fn components(&self) -> &[Component] {
        &self.components
    }

    /// Its direction.
    ///
    /// ```
    /// # use overdue::accrual::{Direction, Tier};
    /// assert_eq!(Tier::new(&[], &[], Direction::Horizontal).direction(), Direction::Horizontal);
    /// ```
    pub fn direction(&self) -> Direction {
        self.direction
    }
}

/// Where money goes once every tier is paid: a prepayment.
///
/// Whatever the choice, interest for days that have not passed is never kept:
/// interest and scheduled fees paid ahead are earned only as their periods
/// run, and an early settlement or a restructure credits back what was not
/// earned (see [`EarlySettlement`](crate::accrual::EarlySettlement)). Paying more earlier
/// never makes it costlier to settle on a later date.
///
/// The default is [`Surplus::ShortenTerm`].
///
/// ```
/// use overdue::accrual::Surplus;
/// assert_eq!(Surplus::default(), Surplus::ShortenTerm);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Surplus {
    /// Reduces principal and keeps the installment: the installments after
    /// the current one are rebuilt on the lower balance with the same level
    /// payment (equal principal: the same principal part), so the loan ends
    /// sooner (缩短期限, 月供不变). Mortgage and consumer lenders offer it as
    /// the standard overpayment; it saves the most interest. The default.
    ///
    /// The current period keeps the interest fixed on its opening balance
    /// (the scheduled model); interest-only and bullet plans keep their term.
    /// Under [`EarlySettlement::AllScheduled`](crate::accrual::EarlySettlement::AllScheduled)
    /// (every scheduled interest owed however early it is paid) a prepayment
    /// cannot save interest, and pays the next installments ahead instead; so
    /// does [`Surplus::LowerInstallments`].
    #[default]
    ShortenTerm,
    /// Reduces principal and re-amortises: the installments after the current
    /// one are rebuilt on the lower balance over the same term, so each is
    /// smaller (月供减少, 期限不变). Borrowers who need a lower monthly outlay
    /// choose it.
    LowerInstallments,
    /// Pays the next installments ahead, oldest first (fees, interest, then
    /// principal of each). Servicers that treat an overpayment as "paid
    /// ahead" (the next bills are covered) use it; prepaid interest is earned
    /// only as the days pass and is credited back at payoff.
    NextInstallments,
    /// Pays the last installments ahead, newest first; prepaid interest is
    /// credited back at payoff as under [`Surplus::NextInstallments`].
    LastInstallments,
    /// Stays as a credit balance, applied by the allocation order on each
    /// later due date (and refundable: see [`Refund`](crate::accrual::Refund)). Card
    /// issuers and servicers that must return overpayments on request use it.
    CreditBalance,
}

/// The order in which payments pay what is owed: tiers of the matrix
/// components × installment state, then the surplus rule.
///
/// The tiers are walked twice: first over the past-due installments only,
/// then over every state they name. Debts already due are paid before
/// anything of the current period's installment, whatever the order of the
/// tiers (Chinese Civil Code art. 560; the servicers' oldest-installment-first
/// rule): a payment never leaves an installment past due while it pays one
/// not yet due.
///
/// Presets: [`AllocationOrder::servicer_default`] (the default),
/// [`AllocationOrder::civil_code_561`], [`AllocationOrder::principal_first`].
/// What a prepayment does is the [`Surplus`] rule: by default it reduces
/// principal and shortens the term.
///
/// # Example: a custom order
/// ```
/// use overdue::{accrual::AllocationOrder, Component::*, accrual::Direction, accrual::InstallmentState::*, accrual::Surplus, accrual::Tier};
/// let order = AllocationOrder::new(Surplus::CreditBalance)
///     .tier(Tier::new(&[PastDue], &[Interest, Principal], Direction::Vertical))
///     .tier(Tier::new(&[PastDue], &[Fees, PenaltyInterest, CompoundInterest], Direction::Horizontal));
/// assert_eq!(order.tiers().len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AllocationOrder {
    tiers: Vec<Tier>,
    #[serde(default)]
    surplus: Surplus,
}

impl Default for AllocationOrder {
    fn default() -> AllocationOrder {
        AllocationOrder::servicer_default()
    }
}

use Component::{CompoundInterest, Fees, Interest, PenaltyInterest, Principal};
use InstallmentState::{Due, PastDue};

impl AllocationOrder {
    /// An order with no tiers yet and the given surplus rule.
    ///
    /// ```
    /// use overdue::{accrual::AllocationOrder, accrual::Surplus};
    /// assert!(AllocationOrder::new(Surplus::CreditBalance).tiers().is_empty());
    /// ```
    pub fn new(surplus: Surplus) -> AllocationOrder {
        AllocationOrder {
            tiers: Vec::new(),
            surplus,
        }
    }

    /// Adds a tier after the existing ones.
    ///
    /// ```
    /// use overdue::{accrual::AllocationOrder, Component, accrual::Direction, accrual::InstallmentState, accrual::Surplus, accrual::Tier};
    /// let o = AllocationOrder::new(Surplus::default())
    ///     .tier(Tier::new(&[InstallmentState::PastDue], &[Component::Principal], Direction::Vertical));
    /// assert_eq!(o.tiers().len(), 1);
    /// ```
    pub fn tier(mut self, tier: Tier) -> AllocationOrder {
        self.tiers.push(tier);
        self
    }

    /// Sets the surplus rule.
    ///
    /// ```
    /// use overdue::{accrual::AllocationOrder, accrual::Surplus};
    /// let o = AllocationOrder::servicer_default().with_surplus(Surplus::LastInstallments);
    /// assert_eq!(o.surplus(), Surplus::LastInstallments);
    /// ```
    pub fn with_surplus(mut self, surplus: Surplus) -> AllocationOrder {
        self.surplus = surplus;
        self
    }

    /// Fees → penalty interest → compound interest → interest → principal,
    /// installment by installment, oldest first, over past-due and due
    /// installments; the surplus reduces principal ([`Surplus::default`]). The
    /// common servicer default.
    ///
    /// ```
    /// use overdue::{accrual::AllocationOrder, Component};
    /// assert_eq!(AllocationOrder::servicer_default().tiers()[0].components()[0], Component::Fees);
    /// ```
    pub fn servicer_default() -> AllocationOrder {
        AllocationOrder::new(Surplus::default()).tier(Tier::new(
            &[PastDue, Due],
            &[Fees, PenaltyInterest, CompoundInterest, Interest, Principal],
            Direction::Vertical,
        ))
    }

    /// Chinese Civil Code art. 561: costs → interest → principal, each across
    /// the whole debt, oldest first. Penalty and compound interest count as
    /// interest: within the interest tier each installment's penalty,
    /// compound and contract interest are paid together, oldest first. Fees
    /// (违约金 and scheduled fees) count as costs.
    ///
    /// ```
    /// use overdue::accrual::AllocationOrder;
    /// assert_eq!(AllocationOrder::civil_code_561().tiers().len(), 3);
    /// ```
    pub fn civil_code_561() -> AllocationOrder {
        AllocationOrder::new(Surplus::default())
            .tier(Tier::new(&[PastDue, Due], &[Fees], Direction::Horizontal))
            .tier(Tier::new(
                &[PastDue, Due],
                &[PenaltyInterest, CompoundInterest, Interest],
                Direction::Vertical,
            ))
            .tier(Tier::new(&[PastDue, Due], &[Principal], Direction::Horizontal))
    }

    /// Principal → interest → compound → penalty → fees, installment by
    /// installment, oldest first: the order most favourable to the borrower.
    ///
    /// ```
    /// use overdue::{accrual::AllocationOrder, Component};
    /// assert_eq!(AllocationOrder::principal_first().tiers()[0].components()[0], Component::Principal);
    /// ```
    pub fn principal_first() -> AllocationOrder {
        AllocationOrder::new(Surplus::default()).tier(Tier::new(
            &[PastDue, Due],
            &[Principal, Interest, CompoundInterest, PenaltyInterest, Fees],
            Direction::Vertical,
        ))
    }

    /// The tiers, in order.
    ///
    /// ```
    /// assert_eq!(overdue::accrual::AllocationOrder::principal_first().tiers().len(), 1);
    /// ```
    pub fn tiers(&self) -> &[Tier] {
        &self.tiers
    }

    /// The surplus rule.
    ///
    /// ```
    /// use overdue::{accrual::AllocationOrder, accrual::Surplus};
    /// assert_eq!(AllocationOrder::default().surplus(), Surplus::ShortenTerm);
    /// ```
    pub fn surplus(&self) -> Surplus {
        self.surplus
    }

    pub(crate) fn validate(&self) -> Result<()> {
        if self.tiers.is_empty() {
            return Err(Error::Invalid {
                field: "allocation order",
                reason: "it needs at least one tier, or no payment could ever pay an installment".into(),
            });
        }
        for tier in &self.tiers {
            if tier.states.is_empty() || tier.components.is_empty() {
                return Err(Error::Invalid {
                    field: "allocation order",
                    reason: "every tier needs at least one installment state and one component".into(),
                });
            }
        }
        Ok(())
    }
}
