//! The accounts a loan's journal posts to, and the names a lender gives them.

use serde::{Deserialize, Serialize};

use crate::component::Component;

/// What an account holds in a loan's books: its role. A
/// [`ChartOfAccounts`] gives each role the lender's account name.
///
/// Assets (normally a debit balance): `Cash`, `Receivable`,
/// `AccruedInterest`, `Restructured`. Contra-assets and liabilities
/// (normally a credit balance): `Suspense`, `Allowance`, `CreditBalance`,
/// `Unearned`. Income: `Income`. Memorandum (off-balance, 表外) accounts
/// balance among themselves: `OffBalance` and `OffBalanceRestructured`
/// (debit) against `OffBalanceContra` (credit).
///
/// ```
/// use overdue::{books::Account, Component};
/// assert!(Account::Receivable(Component::Interest).is_receivable());
/// assert!(Account::OffBalanceContra.is_memorandum());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Account {
    /// Cash and bank: disbursements out, payments in, refunds out.
    Cash,
    /// What the borrower owes of a component, on the balance sheet
    /// (贷款, 应收利息, …).
    Receivable(Component),
    /// Contract interest earned day by day and not yet due (with
    /// [`InterestRecognition::Daily`](crate::books::InterestRecognition::Daily)).
    AccruedInterest,
    /// What a restructure moved off the old installments and its new plan
    /// has not yet charged (its new principal at once; carried amounts as
    /// they fall due).
    Restructured,
    /// Income of a component (interest, penalty interest, compound interest,
    /// fees); never posted for principal.
    Income(Component),
    /// Income charged but not recognised, held against the receivable while
    /// the loan is on non-accrual ([`NonAccrual::Reverse`](crate::books::NonAccrual::Reverse)).
    Suspense(Component),
    /// Interest and fees paid ahead of their due dates and not yet earned.
    Unearned,
    /// Money held for the borrower: overpayments and credited rebates.
    CreditBalance,
    /// The allowance for credit losses: charge-offs and principal waived
    /// against it, recoveries after charge-off back to it. The provision
    /// that funds it is the lender's (this crate does not estimate losses).
    Allowance,
    /// A claim held off the balance sheet (表外): income not recognised
    /// (cash basis, [`NonAccrual::OffBalance`](crate::books::NonAccrual::OffBalance))
    /// or a charged-off claim (核销, 账销案存).
    OffBalance(Component),
    /// Off-balance amounts a restructure moved to its new plan, not yet
    /// charged.
    OffBalanceRestructured,
    /// The memorandum accounts' other side.
    OffBalanceContra,
}

impl Account {
    /// Whether it is a receivable on the balance sheet.
    ///
    /// ```
    /// assert!(!overdue::books::Account::Cash.is_receivable());
    /// ```
    pub fn is_receivable(self) -> bool {
        matches!(self, Account::Receivable(_))
    }

    /// Whether it is a memorandum (off-balance) account.
    ///
    /// ```
    /// use overdue::{books::Account, Component};
    /// assert!(Account::OffBalance(Component::Principal).is_memorandum());
    /// assert!(!Account::Allowance.is_memorandum());
    /// ```
    pub fn is_memorandum(self) -> bool {
        matches!(
            self,
            Account::OffBalance(_) | Account::OffBalanceRestructured | Account::OffBalanceContra
        )
    }

    /// The default name ([`ChartOfAccounts::default`]).
    fn default_name(self) -> String {
        let of = |c: Component| match c {
            Component::Principal => "principal",
            Component::Interest => "interest",
            Component::PenaltyInterest => "penalty interest",
            Component::CompoundInterest => "compound interest",
            _ => "fees",
        };
        match self {
            Account::Cash => "Cash".into(),
            Account::Receivable(Component::Principal) => "Loans receivable".into(),
            Account::Receivable(c) => format!("Receivable: {}", of(c)),
            Account::AccruedInterest => "Accrued interest not yet due".into(),
            Account::Restructured => "Restructured, not yet due".into(),
            Account::Income(Component::Fees) => "Fee income".into(),
            Account::Income(c) => format!("Income: {}", of(c)),
            Account::Suspense(c) => format!("Suspense: {}", of(c)),
            Account::Unearned => "Unearned interest".into(),
            Account::CreditBalance => "Borrower credit balances".into(),
            Account::Allowance => "Allowance for credit losses".into(),
            Account::OffBalance(c) => format!("Off-balance: {}", of(c)),
            Account::OffBalanceRestructured => "Off-balance: restructured".into(),
            Account::OffBalanceContra => "Off-balance: contra".into(),
        }
    }
}

/// The lender's name for each [`Account`], with a default for every role
/// not named: `Cash`, `Loans receivable`, `Receivable: interest` (and
/// `penalty interest`, `compound interest`, `fees`), `Accrued interest not
/// yet due`, `Restructured, not yet due`, `Income: interest` (…), `Fee
/// income`, `Suspense: interest` (…), `Unearned interest`, `Borrower credit
/// balances`, `Allowance for credit losses`, `Off-balance: principal` (…),
/// `Off-balance: restructured`, `Off-balance: contra`.
///
/// Two roles given the same name post to one account (a trial balance adds
/// them up): for example the recoveries and the allowance.
///
/// ```
/// use overdue::{books::Account, books::ChartOfAccounts, Component};
/// let chart = ChartOfAccounts::default()
///     .with_name(Account::Receivable(Component::Principal), "1301 个人贷款")
///     .with_name(Account::Income(Component::Interest), "6011 利息收入");
/// assert_eq!(chart.name_of(Account::Receivable(Component::Principal)), "1301 个人贷款");
/// assert_eq!(chart.name_of(Account::Cash), "Cash");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChartOfAccounts {
    names: Vec<(Account, String)>,
}

impl ChartOfAccounts {
    /// Names `account`.
    ///
    /// ```
    /// use overdue::{books::Account, books::ChartOfAccounts};
    /// let chart = ChartOfAccounts::default().with_name(Account::Cash, "1002 银行存款");
    /// assert_eq!(chart.name_of(Account::Cash), "1002 银行存款");
    /// ```
    #[must_use]
    pub fn with_name(mut self, account: Account, name: impl Into<String>) -> ChartOfAccounts {
        self.names.retain(|(a, _)| *a != account);
        self.names.push((account, name.into()));
        self
    }

    /// The name of `account`: the lender's, or the default.
    ///
    /// ```
    /// use overdue::{books::Account, books::ChartOfAccounts};
    /// assert_eq!(ChartOfAccounts::default().name_of(Account::Allowance), "Allowance for credit losses");
    /// ```
    pub fn name_of(&self, account: Account) -> String {
        self.names
            .iter()
            .find(|(a, _)| *a == account)
            .map_or_else(|| account.default_name(), |(_, n)| n.clone())
    }
}
