//! Any bytes as a comparison request, then the comparison itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overdue::Comparison;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(request) = serde_json::from_str::<Comparison>(text) {
        if let Ok(result) = request.run() {
            let _ = serde_json::to_string(&result).unwrap();
        }
    }
});
