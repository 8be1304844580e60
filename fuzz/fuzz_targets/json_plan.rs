//! Any bytes as a several-loans plan request, then every strategy side by
//! side: never a panic or a hang, and a result that writes as JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overdue::Plan;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(plan) = overdue::from_json::<Plan>(text) {
        if let Ok(result) = plan.compare() {
            let _ = serde_json::to_string(&result).unwrap();
        }
    }
});
