//! A ledger's JSON form: its schedule, policy and events, checked as they are
//! recorded, each error at the path of the field that is wrong.

use serde::{Deserialize, Serialize};

use crate::accrual::event::Event;
use crate::accrual::ledger::Ledger;
use crate::accrual::policy::OverduePolicy;
use crate::error::{Error, Within};
use crate::schedule::Schedule;

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename = "Ledger", expecting = "struct Ledger")]
pub(super) struct LedgerRepr {
    schedule: Schedule,
    policy: OverduePolicy,
    #[serde(default)]
    events: Vec<Event>,
}

impl TryFrom<LedgerRepr> for Ledger {
    type Error = Within;
    /// Read from JSON: an error names the field that is wrong
    /// (`policy.grace.days`, `events[3].id`).
    fn try_from(r: LedgerRepr) -> std::result::Result<Ledger, Within> {
        r.policy.check().map_err(|e| e.under("policy"))?;
        let mut ledger = Ledger::new(r.schedule, r.policy)?;
        for (k, event) in r.events.into_iter().enumerate() {
            ledger
                .record(event)
                .map_err(|e| Within::new(format!("events[{k}]{}", event_field(&e)), e))?;
        }
        Ok(ledger)
    }
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

impl From<Ledger> for LedgerRepr {
    fn from(l: Ledger) -> LedgerRepr {
        LedgerRepr {
            schedule: l.schedule,
            policy: l.policy,
            events: l.events,
        }
    }
}
