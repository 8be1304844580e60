//! The parts of what a loan owes: principal, interest, penalty interest,
//! compound interest, fees.
//!
//! The vocabulary every layer shares, below even the error type (an error
//! can name a component); amounts per component are in `components`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A part of what an installment owes.
///
/// ```
/// use overdue::Component;
/// assert_eq!(Component::PenaltyInterest.to_string(), "penalty interest");
/// assert_eq!(Component::ALL.len(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Component {
    /// Scheduled fees and late fees (费用, 违约金).
    Fees,
    /// Penalty interest (罚息).
    PenaltyInterest,
    /// Compound interest on overdue interest (复利).
    CompoundInterest,
    /// Contract interest (利息).
    Interest,
    /// Principal (本金).
    Principal,
}

impl Component {
    /// Every component, in the order of the common servicer default.
    ///
    /// ```
    /// assert_eq!(overdue::Component::ALL[4], overdue::Component::Principal);
    /// ```
    pub const ALL: [Component; 5] = [
        Component::Fees,
        Component::PenaltyInterest,
        Component::CompoundInterest,
        Component::Interest,
        Component::Principal,
    ];

    pub(crate) fn index(self) -> usize {
        match self {
            Component::Fees => 0,
            Component::PenaltyInterest => 1,
            Component::CompoundInterest => 2,
            Component::Interest => 3,
            Component::Principal => 4,
        }
    }
}

impl fmt::Display for Component {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Component::Fees => "fees",
            Component::PenaltyInterest => "penalty interest",
            Component::CompoundInterest => "compound interest",
            Component::Interest => "interest",
            Component::Principal => "principal",
        })
    }
}
