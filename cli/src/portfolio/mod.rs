//! `overdue portfolio`: a statement summary for every loan of a JSON Lines
//! file, streamed in batches (memory stays flat in the number of loans),
//! each batch computed on all cores, in input order.
//!
//! A line that cannot be read or computed gives a summary with its `error`
//! (and its `id` when the line has one, else `line N`); the run goes on,
//! says on standard error how many loans failed, and exits 3 (0 with
//! `--allow-partial`). A line longer than
//! `--max-line-bytes` is not read into memory: it gives an error row.
//!
//! Nothing is lost on the way out: with `--output FILE` the rows go to a
//! temporary file beside it, renamed to `FILE` only when the run completed,
//! so a file at that name is always whole. SIGINT or SIGTERM stops the
//! reading; the batches in flight are finished and written (whole lines),
//! no file is left at the final name, and the command exits 130 or 143
//! saying the output is incomplete. A second signal ends it at once.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use overdue::{jobs::StatementSummary, NaiveDate};

use crate::{write_failure, Failure};

mod input;
mod settings;

use input::{Batch, Line, Lines};
pub use settings::Settings;

/// Loans read and computed together (one batch on one thread); with
/// [`IN_FLIGHT_PER_THREAD`] batches a thread in flight, memory does not grow
/// with the portfolio.
const BATCH: usize = 256;

/// A file at least this large shows a progress bar (on a terminal).
const LARGE_INPUT: u64 = 1 << 20;

/// The longest line read by default (4 MiB, some hundred times a loan with
/// years of daily payments): a longer line is an error row, not minutes of
/// work. `--max-line-bytes` raises it.
///
/// ```
/// assert_eq!(overdue_cli::portfolio::DEFAULT_MAX_LINE_BYTES, 4 * 1024 * 1024);
/// ```
pub const DEFAULT_MAX_LINE_BYTES: usize = 4 << 20;

/// `overdue portfolio`'s options.
///
/// ```
/// use clap::Parser;
/// use overdue_cli::Cli;
///
/// let cli = Cli::try_parse_from(["overdue", "portfolio", "-", "--as-of", "2026-06-24", "--format", "csv", "--threads", "2"]);
/// assert!(cli.is_ok());
/// let cli = Cli::try_parse_from(["overdue", "portfolio", "-", "--as-of", "2026-06-24", "--output", "out.jsonl"]);
/// assert!(cli.is_ok());
/// ```
#[derive(Debug, Args)]
pub struct PortfolioArgs {
    /// The loans, one `{"id": ..., "ledger": ...}` per line; standard input when left out or `-`.
    file: Option<PathBuf>,
    /// The statement date (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    as_of: NaiveDate,
    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Threads to compute on (default: every core; at most 8 a core).
    #[arg(long, allow_negative_numbers = true)]
    threads: Option<i64>,
    /// Write the rows to this file, which appears only when the run completed (default: standard output).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// The longest line read, in bytes; a longer one gives an error row.
    #[arg(long, default_value_t = DEFAULT_MAX_LINE_BYTES)]
    max_line_bytes: usize,
    /// Exit 0 even when some loans could not be computed (by default the command then exits 3;
    /// their rows carry the `error` either way).
    #[arg(long)]
    allow_partial: bool,
}

/// How the summaries are written.
///
/// ```
/// use clap::ValueEnum;
/// use overdue_cli::portfolio::Format;
/// assert_eq!(Format::from_str("csv", true), Ok(Format::Csv));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header; the outstanding components as columns.
    Csv,
}

/// How many loans a run computed, and how many of them failed.
///
/// ```
/// use overdue_cli::portfolio::Tally;
/// assert_eq!(Tally::default().loans, 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Loans read.
    pub loans: u64,
    /// Loans whose summary carries an error.
    pub failed: u64,
}

/// The command: open the input and the output, run, report the tally.
pub(crate) fn command(args: &PortfolioArgs, out: &mut (dyn Write + Send)) -> Result<(), Failure> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads =
        overdue::jobs::batch_threads(args.threads, cores).map_err(|e| Failure::Invalid(format!("--threads: {e}")))?;
    let settings = Settings::new(args.as_of)
        .with_format(args.format)
        .with_threads(threads)
        .with_max_line_bytes(args.max_line_bytes)
        .with_stop(stop_on_signals()?);
    let (input, size): (Box<dyn Read + Send>, Option<u64>) = match args.file.as_ref().filter(|f| f.as_os_str() != "-") {
        Some(path) => {
            let file = std::fs::File::open(path)
                .map_err(|e| Failure::Invalid(format!("cannot read {}: {e}", path.display())))?;
            let size = file.metadata().ok().map(|m| m.len());
            (Box::new(file), size)
        }
        None => (Box::new(std::io::stdin()), None),
    };
    let progress = progress_bar(size);
    let report = |bytes, loans| {
        if let Some(bar) = &progress {
            match size {
                Some(_) => bar.inc(bytes),
                None => bar.set_position(loans),
            }
        }
    };
    let input = BufReader::new(input);
    let tally = match &args.output {
        Some(path) => to_file(path, |file| run(input, file, &settings, report)),
        None => run(input, out, &settings, report),
    };
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let tally = tally?;
    match (tally.failed, args.allow_partial) {
        (0, _) => Ok(()),
        (failed, true) => {
            eprintln!(
                "{failed} of {} loans could not be computed (see their `error`)",
                tally.loans
            );
            Ok(())
        }
        (failed, false) => Err(Failure::Partial {
            failed,
            loans: tally.loans,
        }),
    }
}

/// Runs `write` on a temporary file beside `path`, and renames it to `path`
/// only when `write` succeeded and the file is on disk: a file at `path` is
/// always complete. On failure the temporary file is removed.
fn to_file<T>(path: &Path, write: impl FnOnce(&mut (dyn Write + Send)) -> Result<T, Failure>) -> Result<T, Failure> {
    let name = path.display();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let named = |e: std::io::Error| Failure::Other(format!("cannot write {name}: {e}; it was left as it was"));
    let temp = tempfile::Builder::new()
        .prefix(".overdue-portfolio-")
        .tempfile_in(dir)
        .map_err(named)?;
    let mut file = std::io::BufWriter::new(temp);
    let result = write(&mut file).map_err(|failure| match failure {
        Failure::Write(e) => named(e),
        other => other,
    })?;
    let temp = file.into_inner().map_err(|e| named(e.into_error()))?;
    temp.as_file().sync_all().map_err(named)?;
    temp.persist(path).map_err(|e| named(e.error))?;
    Ok(result)
}

/// A flag SIGINT and SIGTERM set to their number; a second signal ends the
/// process at once.
#[cfg(unix)]
fn stop_on_signals() -> Result<Arc<AtomicUsize>, Failure> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let stop = Arc::new(AtomicUsize::new(0));
    let once = Arc::new(AtomicBool::new(false));
    for signal in [SIGINT, SIGTERM] {
        let registered = signal_hook::flag::register_conditional_shutdown(signal, 128 + signal, Arc::clone(&once))
            .and_then(|_| signal_hook::flag::register(signal, Arc::clone(&once)))
            .and_then(|_| signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal.unsigned_abs() as usize));
        registered.map_err(|e| Failure::Other(format!("cannot listen for signals: {e}")))?;
    }
    Ok(stop)
}

#[cfg(not(unix))]
fn stop_on_signals() -> Result<Arc<AtomicUsize>, Failure> {
    Ok(Arc::new(AtomicUsize::new(0)))
}

/// A progress bar on standard error, when it is a terminal and the input is
/// large (or of unknown size).
fn progress_bar(size: Option<u64>) -> Option<ProgressBar> {
    let target = ProgressDrawTarget::stderr();
    if target.is_hidden() || size.is_some_and(|s| s < LARGE_INPUT) {
        return None;
    }
    let bar = match size {
        Some(bytes) => ProgressBar::with_draw_target(Some(bytes), target).with_style(
            ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {elapsed} (about {eta} left)")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::with_draw_target(None, target).with_style(
            ProgressStyle::with_template("{spinner} {pos} loans {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    Some(bar)
}

/// Reads loans from `input` (JSON Lines), writes their summaries on the
/// settings' date to `out` in input order, on the settings' threads;
/// `progress` hears the bytes and the loans done after each batch.
///
/// # Errors
/// [`Failure::Write`] (or [`Failure::Closed`] for a closed pipe) when the
/// output cannot be written: the run stops at once; [`Failure::Other`] when
/// the input cannot be read or the threads cannot start;
/// [`Failure::Interrupted`] when the settings' stop flag was raised. A loan
/// that cannot be computed is not an error: its summary says why.
///
/// ```
/// use overdue::NaiveDate;
/// use overdue_cli::portfolio::{run, Format, Settings};
///
/// let loans = r#"{"id": "L-1", "ledger": {"schedule": {"options": {"principal": "1200",
///     "rate": {"value": "0.12", "period": "annual"}, "installments": 3, "disbursement": "2026-01-15"}}, "policy": {}}}
/// not a loan
/// "#;
/// let mut out = Vec::new();
/// let as_of = NaiveDate::from_ymd_opt(2026, 2, 25).unwrap();
/// let settings = Settings::new(as_of).with_format(Format::Csv);
/// let tally = run(loans.replace("\n    ", " ").as_bytes(), &mut out, &settings, |_, _| {}).unwrap();
/// assert_eq!((tally.loans, tally.failed), (2, 1));
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.lines().nth(1).unwrap().starts_with("L-1,2026-02-25,10,M1,overdue,"));
/// ```
pub fn run(
    input: impl BufRead + Send,
    out: &mut (dyn Write + Send),
    settings: &Settings,
    mut progress: impl FnMut(u64, u64),
) -> Result<Tally, Failure> {
    let (as_of, format, threads) = (settings.as_of, settings.format, settings.threads);
    if format == Format::Csv {
        out.write_all(CSV_HEADER.as_bytes()).map_err(write_failure)?;
    }
    let mut lines = Lines {
        input,
        number: 0,
        max: settings.max_line_bytes,
        settings,
    };
    let mut tally = Tally::default();
    let mut done = |batch: &Batch, rows: &[Row], out: &mut (dyn Write + Send)| {
        tally.failed += write_rows(out, rows)?;
        tally.loans += rows.len() as u64;
        progress(batch.bytes, tally.loans);
        Ok::<(), Failure>(())
    };
    if threads <= 1 {
        // one core: read, compute and write in turn on this thread
        loop {
            let batch = lines.next_batch()?;
            if batch.bytes == 0 {
                break;
            }
            done(&batch, &compute(&batch, as_of, format), out)?;
        }
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| Failure::Other(format!("cannot start the threads: {e}")))?;
        pipeline(
            &pool,
            &mut lines,
            threads * IN_FLIGHT_PER_THREAD,
            |batch| compute(batch, as_of, format),
            |batch: &Batch, rows: &[Row]| done(batch, rows, &mut *out),
        )?;
    }
    out.flush().map_err(write_failure)?;
    match settings.stopped() {
        Some(signal) => Err(Failure::Interrupted {
            signal,
            written: tally.loans,
        }),
        None => Ok(tally),
    }
}

/// A loan's summary as written, and whether its loan failed.
type Row = (bool, String);

/// Batches in flight per computing thread: enough that no thread waits for
/// another's batch to finish, few enough that memory stays flat.
const IN_FLIGHT_PER_THREAD: usize = 4;

/// Reads batches on this thread and computes each on `pool` as soon as it is
/// read, with at most `window` of them read and not yet written; writes their
/// rows (`done`) in input order as they come back. No thread waits at the end
/// of a batch for the others: a slow batch holds back only the writing.
fn pipeline<R: BufRead>(
    pool: &rayon::ThreadPool,
    lines: &mut Lines<'_, R>,
    window: usize,
    compute: impl Fn(&Batch) -> Vec<Row> + Sync,
    mut done: impl FnMut(&Batch, &[Row]) -> Result<(), Failure>,
) -> Result<(), Failure> {
    // once writing failed, the batches still in flight are not computed: the run ends at once
    let abandoned = &AtomicBool::new(false);
    let compute = &compute;
    pool.in_place_scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::channel::<(u64, Batch, Vec<Row>)>();
        let mut waiting = std::collections::BTreeMap::new();
        let (mut read, mut written, mut end) = (0u64, 0u64, false);
        loop {
            while !end && read - written < window as u64 {
                let batch = lines.next_batch()?;
                if batch.bytes == 0 {
                    end = true;
                    break;
                }
                let sender = sender.clone();
                let number = read;
                scope.spawn(move |_| {
                    if abandoned.load(Ordering::Relaxed) {
                        return;
                    }
                    let rows = compute(&batch);
                    // the receiver is gone only when the run already failed
                    let _ = sender.send((number, batch, rows));
                });
                read += 1;
            }
            if written == read {
                return Ok(());
            }
            let (number, batch, rows) = receiver
                .recv()
                .map_err(|_| Failure::Other("a computing thread stopped".to_owned()))?;
            waiting.insert(number, (batch, rows));
            while let Some((batch, rows)) = waiting.remove(&written) {
                if let Err(failure) = done(&batch, &rows) {
                    abandoned.store(true, Ordering::Relaxed);
                    return Err(failure);
                }
                written += 1;
            }
        }
    })
}

/// Each loan of `batch` summarised and rendered, with whether it failed.
fn compute(batch: &Batch, as_of: NaiveDate, format: Format) -> Vec<Row> {
    batch
        .lines
        .iter()
        .map(|(number, line)| {
            let summary = match line {
                Line::Read(range) => {
                    StatementSummary::of_line(*number, batch.text.get(range.clone()).unwrap_or_default(), as_of)
                }
                Line::TooLong { bytes, max } => {
                    let error = overdue::Error::TooLarge {
                        field: "line",
                        value: *bytes,
                        max: *max,
                    };
                    StatementSummary::of(&format!("line {number}"), Err(error))
                }
            };
            (summary.error.is_some(), render(&summary, format))
        })
        .collect()
}

/// Writes the rows, giving how many of them are failed loans.
fn write_rows(out: &mut (dyn Write + Send), rows: &[Row]) -> Result<u64, Failure> {
    let mut failed = 0;
    for (error, row) in rows {
        failed += u64::from(*error);
        out.write_all(row.as_bytes()).map_err(write_failure)?;
    }
    Ok(failed)
}

const CSV_HEADER: &str = "id,as_of,days_past_due,bucket,status,principal,interest,penalty_interest,\
                          compound_interest,fees,payoff,error\n";

/// One summary as a JSON line or a CSV row.
fn render(s: &StatementSummary, format: Format) -> String {
    match format {
        Format::Jsonl => serde_json::to_string(s).map_or_else(
            |e| format!("{{\"id\":{:?},\"error\":{:?}}}\n", s.id, e.to_string()),
            |json| json + "\n",
        ),
        Format::Csv => csv_row(s),
    }
}

fn csv_row(s: &StatementSummary) -> String {
    let text = |v: Option<String>| v.unwrap_or_default();
    let owed = s.outstanding.as_ref();
    let component = |pick: fn(&overdue::Components) -> overdue::Money| text(owed.map(|c| pick(c).to_string()));
    let status = s
        .status
        .and_then(|st| serde_json::to_value(st).ok())
        .and_then(|v| v.as_str().map(str::to_owned));
    let record = [
        s.id.clone(),
        text(s.as_of.map(|d| d.to_string())),
        text(s.days_past_due.map(|d| d.to_string())),
        text(s.bucket.clone()),
        text(status),
        component(|c| c.principal),
        component(|c| c.interest),
        component(|c| c.penalty_interest),
        component(|c| c.compound_interest),
        component(|c| c.fees),
        text(s.payoff.map(|p| p.to_string())),
        text(s.error.clone()),
    ];
    let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    let row = writer
        .write_record(&record)
        .ok()
        .and_then(|()| writer.into_inner().ok())
        .and_then(|bytes| String::from_utf8(bytes).ok());
    row.unwrap_or_else(|| format!("{},,,,,,,,,,,cannot write this row as CSV\n", s.id))
}
