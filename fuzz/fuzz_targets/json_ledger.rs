//! Any bytes as a ledger (or a schedule), then statements on the dates its
//! history names: never a panic or a hang, and what loads reloads equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overdue::{Ledger, Schedule};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(ledger) = serde_json::from_str::<Ledger>(text) {
        let again: Ledger = serde_json::from_str(&serde_json::to_string(&ledger).unwrap()).unwrap();
        assert_eq!(again, ledger);
        let start = ledger.schedule().disbursement();
        let days = ledger.events().iter().map(|e| e.date());
        for day in std::iter::once(start).chain(days).chain(start.checked_add_days(chrono::Days::new(400))) {
            let _ = ledger.statement(day);
        }
    } else if let Ok(schedule) = serde_json::from_str::<Schedule>(text) {
        let again: Schedule = serde_json::from_str(&serde_json::to_string(&schedule).unwrap()).unwrap();
        assert_eq!(again, schedule);
    }
});
