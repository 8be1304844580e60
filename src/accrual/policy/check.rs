//! Checking a policy: its fields can be used together, and an error names
//! the JSON field that is wrong.

use super::{OverduePolicy, PenaltyBase, PenaltyRate, Recurrence, MAX_POLICY_DAYS};
use crate::error::{Error, Result, Within};

impl OverduePolicy {
    /// Checks that the fields can be used together.
    pub(crate) fn validate(&self) -> Result<()> {
        self.check().map_err(Error::from)
    }

    /// Checks that the fields can be used together; an error names the
    /// policy's JSON field that is wrong.
    pub(crate) fn check(&self) -> std::result::Result<(), Within> {
        let within = |path: &'static str, field: &'static str, days: u32| {
            if days > MAX_POLICY_DAYS {
                let max = u64::from(MAX_POLICY_DAYS);
                Err(Within::new(
                    path,
                    Error::TooLarge {
                        field,
                        value: u64::from(days),
                        max,
                    },
                ))
            } else {
                Ok(())
            }
        };
        if let PenaltyRate::Fixed(rate) = self.penalty_rate {
            rate.as_contract_rate().map_err(|e| Within::new("penalty_rate", e))?;
        }
        within("grace.days", "grace days", self.grace.days())?;
        within(
            "duplicate_window_days",
            "duplicate window days",
            self.duplicate_window_days,
        )?;
        if let Some(days) = self.charge_off_after_days {
            within("charge_off_after_days", "charge-off days past due", days)?;
        }
        for (path, field, days) in [
            (
                "collections.freeze_after_days",
                "freeze days past due",
                self.collections.freeze_after(),
            ),
            (
                "collections.legal_action_after_days",
                "legal action days past due",
                self.collections.legal_action_after(),
            ),
        ] {
            if let Some(days) = days {
                within(path, field, days)?;
            }
        }
        if let Some(Recurrence::EveryDays(days)) = self.late_fee.map(|fee| fee.recurrence()) {
            within("late_fee.recurrence", "late fee recurrence days", days)?;
        }
        if self.penalty_base == PenaltyBase::OverdueInstallment && self.compound_interest == Some(true) {
            let reason =
                "compound interest on top of an overdue-installment base would charge the overdue interest twice";
            let error = Error::Invalid {
                field: "overdue policy",
                reason: reason.into(),
            };
            return Err(Within::new("compound_interest", error));
        }
        if let Some(fee) = self.late_fee {
            if fee.recurrence() == Recurrence::EveryDays(0) {
                let error = Error::Zero {
                    field: "late fee recurrence days",
                };
                return Err(Within::new("late_fee.recurrence", error));
            }
            if let (Some(min), Some(max)) = (fee.min(), fee.max())
                && min > max
            {
                let error = Error::Invalid {
                    field: "late fee",
                    reason: format!("minimum {min} is above maximum {max}"),
                };
                return Err(Within::new("late_fee.min", error));
            }
        }
        if self.charge_off_after_days == Some(0) {
            let error = Error::Zero {
                field: "charge-off days past due",
            };
            return Err(Within::new("charge_off_after_days", error));
        }
        self.allocation.validate().map_err(|e| Within::new("allocation", e))
    }
}
