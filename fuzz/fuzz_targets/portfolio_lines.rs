//! Any bytes as the command's portfolio input (JSON Lines): the run never
//! fails on what the lines hold, and writes one row per line that is not
//! blank, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overdue::NaiveDate;
use overdue_cli::portfolio::{run, Settings};

fuzz_target!(|data: &[u8]| {
    let Some(as_of) = NaiveDate::from_ymd_opt(2026, 6, 24) else { return };
    let settings = Settings::new(as_of).with_max_line_bytes(1 << 16);
    let mut out = Vec::new();
    let tally = run(data, &mut out, &settings, |_, _| {}).expect("a portfolio run fails only on its output");
    let lines = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.strip_suffix(b"\r").unwrap_or(l).trim_ascii().is_empty())
        .count();
    assert_eq!(tally.loans, lines as u64);
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), lines);
});
