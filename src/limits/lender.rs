//! Who lends the money: which legal limits apply depends on it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Who lends the money.
///
/// ```
/// use overdue::limits::LenderKind;
/// assert_eq!(LenderKind::PrivateLender.to_string(), "private lender");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LenderKind {
    /// Family or friends (private lending rules apply).
    FamilyOrFriends,
    /// A private lender (民间借贷: the 4 × LPR cap applies).
    PrivateLender,
    /// A licensed institution (a bank, a consumer-finance company, a
    /// micro-lender). The default.
    #[default]
    LicensedInstitution,
}

impl LenderKind {
    pub(crate) fn private_lending_rules(self) -> bool {
        matches!(self, LenderKind::FamilyOrFriends | LenderKind::PrivateLender)
    }
}

impl fmt::Display for LenderKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LenderKind::FamilyOrFriends => "family or friends",
            LenderKind::PrivateLender => "private lender",
            LenderKind::LicensedInstitution => "licensed institution",
        })
    }
}
