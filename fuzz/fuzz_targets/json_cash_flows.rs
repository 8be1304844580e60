//! Any bytes as cash flows, then every rate the crate computes from them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overdue::{cost::eu_aprc, cost::reg_z_apr, xirr, cost::xirr_with_day_count, CashFlow, DayCount, Frequency};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(flows) = serde_json::from_str::<Vec<CashFlow>>(text) {
        let _ = xirr(&flows);
        let _ = xirr_with_day_count(&flows, DayCount::ActActIsda);
        let _ = reg_z_apr(&flows, Frequency::Monthly);
        let _ = eu_aprc(&flows);
    }
});
