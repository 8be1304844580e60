//! A ledger's JSON form: its schedule, policy and events, and the path of
//! the field an error found while recording them is about.

use serde::{Deserialize, Serialize};

use crate::accrual::event::Event;
use crate::accrual::policy::OverduePolicy;
use crate::error::Error;
use crate::schedule::Schedule;

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename = "Ledger", expecting = "struct Ledger")]
pub(super) struct LedgerRepr {
    pub(super) schedule: Schedule,
    pub(super) policy: OverduePolicy,
    #[serde(default)]
    pub(super) events: Vec<Event>,
}

/// The path of event `k` that `error` is about (`events[3].id`).
pub(super) fn event_path(k: usize, error: &Error) -> String {
    format!("events[{k}]{}", event_field(error))
}

/// The field of an event that `error` is about, as a path suffix.
fn event_field(error: &Error) -> &'static str {
    match error {
        Error::DateOrder { .. } => ".date",
        Error::DuplicatePayment { .. } => ".id",
        Error::UnknownPayment { .. } | Error::AlreadyReversed { .. } => ".payment_id",
        Error::DownPaymentTooLarge { .. } => ".down_payment",
        Error::NonPositive { .. }
        | Error::Negative { .. }
        | Error::NotInMinorUnits { .. }
        | Error::WaiverTooLarge { .. }
        | Error::RefundTooLarge { .. } => ".amount",
        _ => "",
    }
}
