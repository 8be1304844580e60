//! The crate's one error type.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Everything that can go wrong in `overdue`.
///
/// Every message is lowercase, has no trailing period and names the field
/// and the value that were wrong, so it can be shown to a developer as is.
///
/// # Example
/// ```
/// use overdue::{Error, Money};
/// use overdue::dec;
///
/// let err = Money::new(dec!(-1)).unwrap_err();
/// assert_eq!(err, Error::Negative { field: "amount", value: dec!(-1) });
/// assert_eq!(err.to_string(), "amount must not be negative, got -1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A value that must be strictly positive was zero or negative.
    #[error("{field} must be positive, got {value}")]
    NonPositive {
        /// The field that was wrong.
        field: &'static str,
        /// The value it had.
        value: Decimal,
    },
    /// A value that must not be negative was negative.
    #[error("{field} must not be negative, got {value}")]
    Negative {
        /// The field that was wrong.
        field: &'static str,
        /// The value it had.
        value: Decimal,
    },
    /// An amount has digits below the minor unit of the currency.
    #[error("{field} {value} has digits below the minor unit (scale {scale})")]
    NotInMinorUnits {
        /// The field that was wrong.
        field: &'static str,
        /// The value it had.
        value: Decimal,
        /// The minor-unit scale in force.
        scale: u32,
    },
    /// A count that must be at least one was zero.
    #[error("{field} must be at least 1, got 0")]
    Zero {
        /// The field that was zero.
        field: &'static str,
    },
    /// A count was larger than the crate supports.
    #[error("{field} must be at most {max}, got {value}")]
    TooLarge {
        /// The field that was too large.
        field: &'static str,
        /// The value it had.
        value: u64,
        /// The largest value accepted.
        max: u64,
    },
    /// The minor-unit scale of a [`Rounding`](crate::Rounding) is out of range.
    #[error("rounding scale must be at most 12, got {0}")]
    InvalidScale(u32),
    /// The principal is too small to give every installment one minor unit.
    #[error("principal {principal} is below one minor unit per installment ({installments} installments)")]
    PrincipalBelowMinorUnits {
        /// The principal.
        principal: Decimal,
        /// The number of installments.
        installments: u32,
    },
    /// Two dates are in the wrong order.
    #[error("{later} {later_date} must be after {earlier} {earlier_date}")]
    DateOrder {
        /// The name of the date that must come first.
        earlier: &'static str,
        /// Its value.
        earlier_date: NaiveDate,
        /// The name of the date that must come after it.
        later: &'static str,
        /// Its value.
        later_date: NaiveDate,
    },
    /// A date computation went outside the calendar chrono supports.
    #[error("{operation} is outside the supported calendar")]
    DateOutOfRange {
        /// What was being computed.
        operation: &'static str,
    },
    /// A floating rate's index has no value for a fixing date: the date is
    /// before the table's first entry, or after the date the table is known
    /// through ([`RateTable::known_through`](crate::rate::RateTable::known_through)).
    #[error("the index has no value for the fixing date {date}: {reason}")]
    IndexNotPublished {
        /// The fixing date.
        date: NaiveDate,
        /// Where the table starts or ends.
        reason: String,
    },
    /// A rate with a daily period was used where only a frequency is known.
    #[error("a daily rate needs a day count to convert to a {target} rate")]
    RateNeedsDayCount {
        /// The period the rate was to be converted to.
        target: &'static str,
    },
    /// A computation overflowed the range of `Decimal` or of the integer
    /// minor-unit arithmetic.
    #[error("{operation} overflowed the decimal range")]
    Overflow {
        /// What was being computed.
        operation: &'static str,
    },
    /// A root solver found no rate that zeroes the cash flows.
    #[error("no rate solves the cash flows: {reason}")]
    NoRoot {
        /// Why no root exists or none was found.
        reason: &'static str,
    },
    /// Input that is well-formed but cannot be used together.
    #[error("invalid {field}: {reason}")]
    Invalid {
        /// The field or combination that is wrong.
        field: &'static str,
        /// Why.
        reason: String,
    },
    /// A payment id was seen before: the same debit must never be applied twice.
    #[error("payment {id:?} was already applied on {date}")]
    DuplicatePayment {
        /// The repeated id.
        id: String,
        /// The date of the payment already recorded with it.
        date: NaiveDate,
    },
    /// A waiver asks for more than is owed of its component.
    #[error("waiver of {amount} {component} is more than the {outstanding} outstanding")]
    WaiverTooLarge {
        /// The component waived.
        component: crate::component::Component,
        /// The amount asked for.
        amount: Decimal,
        /// What was owed of it on the waiver's date.
        outstanding: Decimal,
    },
    /// A reversal names a payment the ledger has not recorded.
    #[error("no payment {id:?} to reverse")]
    UnknownPayment {
        /// The id asked for.
        id: String,
    },
    /// A reversal names a payment that was already reversed.
    #[error("payment {id:?} was already reversed on {date}")]
    AlreadyReversed {
        /// The payment's id.
        id: String,
        /// The date of the first reversal.
        date: NaiveDate,
    },
    /// A refund asks for more than the credit balance on its date.
    #[error("refund of {amount} is more than the {credit} credit balance")]
    RefundTooLarge {
        /// The amount asked for.
        amount: Decimal,
        /// The credit balance on the refund date.
        credit: Decimal,
    },
    /// A restructure's down payment would pay off the whole debt.
    #[error("down payment {down_payment} must be less than the {owed} owed")]
    DownPaymentTooLarge {
        /// The down payment.
        down_payment: Decimal,
        /// What was owed on the restructure date.
        owed: Decimal,
    },
    /// A value could not be parsed.
    #[error("cannot parse {field} from {value:?}")]
    Parse {
        /// What was being parsed.
        field: &'static str,
        /// The text that did not parse.
        value: String,
    },
    /// A JSON document does not match the crate's format
    /// ([`from_json`](https://docs.rs/overdue/latest/overdue/fn.from_json.html)): `path` is the field that is wrong,
    /// as `ledger.events[0].amount` (`.` for the document itself), and
    /// `line` and `column` where the reader stopped (0 when unknown).
    #[error("{}", json_message(path, message, *line, *column))]
    Json {
        /// The path of the field that is wrong.
        path: String,
        /// What is wrong with it.
        message: String,
        /// The line of the document where the reader stopped, from 1; 0 when unknown.
        line: usize,
        /// The column where the reader stopped, from 1; 0 when unknown.
        column: usize,
    },
}

impl Error {
    /// Every [`Error::kind`], in the order of the variants.
    ///
    /// ```
    /// assert!(overdue::Error::KINDS.contains(&"json"));
    /// ```
    pub const KINDS: &'static [&'static str] = &[
        "non_positive",
        "negative",
        "not_in_minor_units",
        "zero",
        "too_large",
        "invalid_scale",
        "principal_below_minor_units",
        "date_order",
        "date_out_of_range",
        "index_not_published",
        "rate_needs_day_count",
        "overflow",
        "no_root",
        "invalid",
        "duplicate_payment",
        "waiver_too_large",
        "unknown_payment",
        "already_reversed",
        "refund_too_large",
        "down_payment_too_large",
        "parse",
        "json",
    ];

    /// A stable snake_case name of the error's kind (its variant), for
    /// bindings to map to their own error classes and for logs: it never
    /// changes when a message is reworded.
    ///
    /// ```
    /// use overdue::{dec, Money};
    /// assert_eq!(Money::new(dec!(-1)).unwrap_err().kind(), "negative");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Error::NonPositive { .. } => "non_positive",
            Error::Negative { .. } => "negative",
            Error::NotInMinorUnits { .. } => "not_in_minor_units",
            Error::Zero { .. } => "zero",
            Error::TooLarge { .. } => "too_large",
            Error::InvalidScale { .. } => "invalid_scale",
            Error::PrincipalBelowMinorUnits { .. } => "principal_below_minor_units",
            Error::DateOrder { .. } => "date_order",
            Error::DateOutOfRange { .. } => "date_out_of_range",
            Error::IndexNotPublished { .. } => "index_not_published",
            Error::RateNeedsDayCount { .. } => "rate_needs_day_count",
            Error::Overflow { .. } => "overflow",
            Error::NoRoot { .. } => "no_root",
            Error::Invalid { .. } => "invalid",
            Error::DuplicatePayment { .. } => "duplicate_payment",
            Error::WaiverTooLarge { .. } => "waiver_too_large",
            Error::UnknownPayment { .. } => "unknown_payment",
            Error::AlreadyReversed { .. } => "already_reversed",
            Error::RefundTooLarge { .. } => "refund_too_large",
            Error::DownPaymentTooLarge { .. } => "down_payment_too_large",
            Error::Parse { .. } => "parse",
            Error::Json { .. } => "json",
        }
    }
}

fn json_message(path: &str, message: &str, line: usize, column: usize) -> String {
    let at = if line > 0 {
        format!(" (line {line}, column {column})")
    } else {
        String::new()
    };
    match path {
        "." => format!("{message}{at}"),
        _ => format!("{path}: {message}{at}"),
    }
}

/// `Result` with [`Error`] as its error type.
///
/// # Example
/// ```
/// fn principal() -> overdue::Result<overdue::Money> {
///     overdue::Money::new(overdue::dec!(100))
/// }
/// assert!(principal().is_ok());
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Shorthand for the overflow error of one computation.
pub(crate) fn overflow(operation: &'static str) -> Error {
    Error::Overflow { operation }
}

/// An error found once a whole value was read (a ledger's events checked in
/// turn, a schedule built from its options), with the path inside that value
/// where it lies (`events[3].id`). Deserialization reports it as
/// `(at events[3].id) <the error>`; [`from_json`](crate::from_json) joins
/// that path to where the value was, so the error names its leaf.
#[derive(Debug)]
pub(crate) struct Within {
    path: String,
    error: Error,
}

impl Within {
    /// `error` at `path` inside the value; an empty `path` is the value itself.
    pub(crate) fn new(path: impl Into<String>, error: Error) -> Within {
        Within {
            path: path.into(),
            error,
        }
    }

    /// The path of the field the error is about, inside the value.
    pub(crate) fn path(&self) -> &str {
        &self.path
    }

    /// The same error about the field at `path` instead.
    pub(crate) fn at(self, path: impl Into<String>) -> Within {
        Within {
            path: path.into(),
            ..self
        }
    }

    /// The same error, its path under `outer` (`policy` + `grace.days`).
    pub(crate) fn under(self, outer: &str) -> Within {
        let path = match (outer.is_empty(), self.path.is_empty()) {
            (true, _) => self.path,
            (false, true) => outer.to_owned(),
            (false, false) if self.path.starts_with('[') => format!("{outer}{}", self.path),
            (false, false) => format!("{outer}.{}", self.path),
        };
        Within { path, ..self }
    }
}

/// The mark that opens a located error's message.
pub(crate) const WITHIN_MARK: &str = "(at ";

impl std::fmt::Display for Within {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.error)
        } else {
            write!(f, "{WITHIN_MARK}{}) {}", self.path, self.error)
        }
    }
}

impl From<Within> for Error {
    fn from(within: Within) -> Error {
        within.error
    }
}

impl From<Error> for Within {
    fn from(error: Error) -> Within {
        Within::new("", error)
    }
}
