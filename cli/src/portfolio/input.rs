//! The portfolio's input: JSON Lines read in batches, each line bounded.

use std::io::{BufRead, Read};

use super::{Settings, BATCH};
use crate::Failure;

/// The input's lines, numbered from 1, each at most `max` bytes read.
pub(super) struct Lines<'s, R> {
    pub(super) input: R,
    pub(super) number: u64,
    pub(super) max: usize,
    pub(super) settings: &'s Settings,
}

/// A loan's line in a batch: where its bytes are, or how long it was when
/// it was too long to read.
pub(super) enum Line {
    Read(std::ops::Range<usize>),
    TooLong { bytes: u64, max: u64 },
}

/// The bytes of up to [`BATCH`] lines, where each loan's line is in them
/// (blank lines skipped) with its number, and how many bytes were read; no
/// bytes at the end of the input (or once the run is stopped).
#[derive(Default)]
pub(super) struct Batch {
    pub(super) text: Vec<u8>,
    pub(super) lines: Vec<(u64, Line)>,
    pub(super) bytes: u64,
}

impl<R: BufRead> Lines<'_, R> {
    pub(super) fn next_batch(&mut self) -> Result<Batch, Failure> {
        let mut batch = Batch {
            text: Vec::new(),
            lines: Vec::with_capacity(BATCH),
            bytes: 0,
        };
        if self.settings.stopped().is_some() {
            return Ok(batch);
        }
        let reading = |e: std::io::Error| Failure::Other(format!("cannot read the loans: {e}"));
        let limit = u64::try_from(self.max).unwrap_or(u64::MAX).saturating_add(1);
        for _ in 0..BATCH {
            let start = batch.text.len();
            let read = (&mut self.input)
                .take(limit)
                .read_until(b'\n', &mut batch.text)
                .map_err(reading)?;
            if read == 0 {
                break;
            }
            batch.bytes += read as u64;
            self.number += 1;
            let line = batch.text.get(start..).unwrap_or_default();
            if read as u64 == limit && !line.ends_with(b"\n") {
                // longer than the limit: the rest is skipped, not kept
                let rest = skip_line(&mut self.input).map_err(reading)?;
                batch.bytes += rest;
                batch.text.truncate(start);
                let bytes = (read as u64).saturating_add(rest);
                let max = limit - 1;
                batch.lines.push((self.number, Line::TooLong { bytes, max }));
                continue;
            }
            let end = start
                + line
                    .strip_suffix(b"\n")
                    .map_or(line, |l| l.strip_suffix(b"\r").unwrap_or(l))
                    .len();
            if batch.text.get(start..end).is_some_and(|l| !l.trim_ascii().is_empty()) {
                batch.lines.push((self.number, Line::Read(start..end)));
            } else {
                batch.text.truncate(start);
            }
        }
        Ok(batch)
    }
}

/// Reads past the end of the current line without keeping it; the bytes
/// skipped (the newline included).
fn skip_line(input: &mut impl BufRead) -> std::io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(skipped);
        }
        let (used, end) = match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buffer.len(), false),
        };
        input.consume(used);
        skipped += used as u64;
        if end {
            return Ok(skipped);
        }
    }
}
