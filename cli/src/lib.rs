//! The `overdue` command: the `overdue` library's jobs from JSON (or CSV),
//! for people and programs that do not write Rust.
//!
//! ```text
//! overdue schedule   [FILE]                 a schedule from its options
//! overdue statement  [FILE] [--as-of DATE]  a loan's statement
//! overdue compare    [FILE]                 every way out, ranked
//! overdue plan       [FILE] [--sweep R]     one budget over several loans (or a range of budgets)
//! overdue sweep      [FILE]                 the least-cost plan at each of a range of budgets
//! overdue cost       [FILE]                 every measure of the cost of cash flows
//! overdue xirr       [FILE]                 XIRR (and XNPV) of cash flows
//! overdue apr        [FILE]                 the APRs of cash flows
//! overdue limits     [FILE]                 a contract against the legal caps
//! overdue portfolio  [FILE] --as-of DATE    statements for many loans (JSON Lines)
//! ```
//!
//! Each reads a JSON file, or standard input when the file is left out or
//! is `-`, in the formats of the library's serde types; cash flows may also
//! be CSV (`date,amount`). Each prints a table, or JSON with `--json`.
//! Exit codes: 0 success (or the reader of the output went away), 2
//! invalid input: a document that does not read, or a request the library
//! refuses (the message names the input and the path of the field that is
//! wrong; nothing is printed on standard output), 3 a portfolio in which
//! some loans could not be computed (their rows, with their `error`, are
//! still written; `--allow-partial` makes that 0), 1 a failed write or
//! anything else outside the input, 130 and 143 a portfolio stopped by
//! SIGINT or SIGTERM.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use overdue::jobs::{
    CardCompareJob, CardJob, CompareJob, CostJob, Job, JobOptions, LimitsJob, LineJob, PlanJob, ScheduleJob,
    StatementJob, SweepJob, TranchesJob,
};
use overdue::plan::{BudgetRange, SweepRequest};
use overdue::{cost::UnitPeriod, from_json, jobs::StatementRequest, Frequency, Ledger, NaiveDate, Rate};
use serde::Serialize;

mod cost;
pub mod portfolio;

use cost::{cost_report, CostReport};

/// Many small allocations on every core (a JSON document per loan): mimalloc
/// keeps them per thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The command line.
///
/// ```
/// use clap::Parser;
/// use overdue_cli::Cli;
///
/// let cli = Cli::try_parse_from(["overdue", "statement", "loan.json", "--as-of", "2026-06-24"]).unwrap();
/// assert!(format!("{cli:?}").contains("2026-06-24"));
/// assert!(Cli::try_parse_from(["overdue", "statement", "--as-of", "2026-02-30"]).is_err());
/// assert!(Cli::try_parse_from(["overdue", "statement", "--as-of", "2026-2-3"]).is_err());
/// ```
#[derive(Debug, Parser)]
#[command(name = "overdue", version, about = "The exact arithmetic of overdue debt", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// An installment schedule from its options (principal, rate, installments, disbursement, ...).
    Schedule(JobArgs),
    /// A loan's statement: `{"ledger": ..., "as_of": ...}`, or a ledger with --as-of; given a card
    /// request (`{"card", "as_of"}`) or a line request (`{"line", "as_of"}`), as `card` or `line`.
    Statement {
        #[command(flatten)]
        job: JobArgs,
        /// The statement date (YYYY-MM-DD); the input is then a ledger alone.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
    },
    /// Every way out of an overdue loan, costed and ranked (a comparison request); given a card
    /// comparison (`{"card": ...}`), as `card-compare`.
    Compare(JobArgs),
    /// One monthly budget over several loans, every strategy side by side (a plan request).
    Plan {
        #[command(flatten)]
        job: JobArgs,
        /// Instead, the least-cost plan at each budget from FROM to TO in steps of STEP
        /// (`1500..3000/250`): "what if I pay more?". The plan's own budget is not used.
        #[arg(long, value_name = "FROM..TO/STEP", value_parser = parse_range)]
        sweep: Option<BudgetRange>,
    },
    /// The least-cost plan at each of a range of monthly budgets (a sweep request: `{"plan", "budgets"}`).
    Sweep(JobArgs),
    /// Every measure of the cost of cash flows at once (a cost request): totals, XIRR, the APRs, XNPV.
    Cost(JobArgs),
    /// The XIRR of cash flows (and their XNPV with --discount-rate).
    Xirr(CostArgs),
    /// The APRs of cash flows: EU APRC, US Regulation Z, and the Chinese IRR method with --frequency.
    Apr(CostArgs),
    /// The legal limits a contract is held to: its flows' rate against the court's caps, a late fee
    /// against the US safe harbor (a limits request).
    Limits(JobArgs),
    /// Statements for many loans as of a date: JSON Lines in (`{"id", "ledger"}`), JSON Lines or CSV out.
    Portfolio(portfolio::PortfolioArgs),
    /// A credit line with several draws on a date: its bill, limit and days past due, and each
    /// draw's statement (a line request: `{"line": ..., "as_of": ...}`).
    Line(JobArgs),
    /// A loan paid out in tranches on a date: what is owed and due, what is approved and not yet
    /// paid out, and each tranche's statement (a tranches request: `{"loan": ..., "as_of": ...}`).
    Tranches(JobArgs),
    /// A credit card on a date: every statement (interest by balance, the minimum payment and
    /// its due date), what is owed and days past due (a card request: `{"card": ..., "as_of": ...}`).
    Card(JobArgs),
    /// Every way out of a card (pay in full, the minimum only, a fixed amount a month, an installment
    /// plan, a balance transfer, refinance, ...), costed and ranked (a card comparison request).
    CardCompare(JobArgs),
}

/// A job's input and output options.
#[derive(Debug, Args)]
struct JobArgs {
    /// The input file; standard input when left out or `-`.
    file: Option<PathBuf>,
    /// Print the result as JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// A cost job's options.
#[derive(Debug, Args)]
struct CostArgs {
    #[command(flatten)]
    job: JobArgs,
    /// The input is CSV (`date,amount` with that header) rather than JSON; the default for a `.csv` file.
    #[arg(long)]
    csv: bool,
    /// The unit period of the Regulation Z APR, as JSON (`{"kind": "months", "value": 1}`); default monthly.
    #[arg(long, value_parser = parse_json::<UnitPeriod>)]
    unit_period: Option<UnitPeriod>,
    /// The flows are equally spaced at this frequency: also the Chinese APR.
    #[arg(long, value_enum)]
    frequency: Option<FrequencyArg>,
    /// Also the XNPV at this annual rate (`8%`, `0.5%/month`, ...).
    #[arg(long, value_parser = parse_rate)]
    discount_rate: Option<Rate>,
}

/// The frequencies the command names.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum FrequencyArg {
    Weekly,
    Biweekly,
    SemiMonthly,
    Monthly,
    Quarterly,
    Yearly,
}

impl From<FrequencyArg> for Frequency {
    fn from(f: FrequencyArg) -> Frequency {
        match f {
            FrequencyArg::Weekly => Frequency::Weekly,
            FrequencyArg::Biweekly => Frequency::Biweekly,
            FrequencyArg::SemiMonthly => Frequency::SemiMonthly,
            FrequencyArg::Monthly => Frequency::Monthly,
            FrequencyArg::Quarterly => Frequency::Quarterly,
            FrequencyArg::Yearly => Frequency::Yearly,
        }
    }
}

fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    from_json(text).map_err(|e| e.to_string())
}

/// A date as every front door reads it: `YYYY-MM-DD`, years 0001 to 9999.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    overdue::jobs::parse_date(text).map_err(|_| {
        format!("{text} is not a date: write it as YYYY-MM-DD, with a day that exists and a year from 0001 to 9999")
    })
}

fn parse_rate(text: &str) -> Result<Rate, String> {
    text.parse().map_err(|e: overdue::Error| e.to_string())
}

/// A range of monthly budgets, `FROM..TO/STEP`, checked whole.
fn parse_range(text: &str) -> Result<BudgetRange, String> {
    let range: BudgetRange = text.parse().map_err(|e: overdue::Error| e.to_string())?;
    range.budgets().map_err(|e| e.to_string())?;
    Ok(range)
}

/// Why the command failed, and its exit code.
///
/// ```
/// use clap::Parser;
/// use overdue_cli::{run, Cli, Failure};
///
/// // an input that cannot be read is invalid input (exit code 2)
/// let cli = Cli::try_parse_from(["overdue", "schedule", "no-such-file.json"]).unwrap();
/// assert!(matches!(run(cli, &mut Vec::new()), Err(Failure::Invalid(_))));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Failure {
    /// The input is not a valid request (exit code 2).
    Invalid(String),
    /// The result could not be written (exit code 1): a full disk, a closed
    /// or unwritable output. What was written is incomplete.
    Write(std::io::Error),
    /// The reader of the output went away (a closed pipe, as under
    /// `| head`): the run stops at once and quietly, with exit code 0, as
    /// ripgrep does.
    Closed,
    /// A signal stopped the run (SIGINT: exit code 130, SIGTERM: 143, as a
    /// shell reports a process a signal ended): the output holds whole
    /// lines only, and an output file is left out.
    Interrupted {
        /// The signal's number.
        signal: i32,
        /// The loans written before it came.
        written: u64,
    },
    /// Some loans of a portfolio could not be computed (exit code 3): their
    /// rows, with their `error`, were written with the others.
    Partial {
        /// The loans that could not be computed.
        failed: u64,
        /// The loans read.
        loans: u64,
    },
    /// Anything else (exit code 1).
    Other(String),
}

impl Failure {
    /// The process's exit code for this failure.
    ///
    /// ```
    /// use overdue_cli::Failure;
    /// assert_eq!(Failure::Invalid("bad".into()).code(), 2);
    /// assert_eq!(Failure::Closed.code(), 0);
    /// assert_eq!(Failure::Interrupted { signal: 15, written: 0 }.code(), 143);
    /// assert_eq!(Failure::Partial { failed: 1, loans: 3 }.code(), 3);
    /// ```
    pub fn code(&self) -> u8 {
        match self {
            Failure::Invalid(_) => 2,
            Failure::Partial { .. } => 3,
            Failure::Closed => 0,
            Failure::Interrupted { signal, .. } => u8::try_from(128 + signal).unwrap_or(1),
            Failure::Write(_) | Failure::Other(_) => 1,
        }
    }

    /// What to print on standard error, naming `output` for a write that
    /// failed; nothing for a closed pipe.
    ///
    /// ```
    /// use overdue_cli::Failure;
    /// let full = Failure::Write(std::io::Error::from(std::io::ErrorKind::StorageFull));
    /// assert!(full.message("standard output").unwrap().starts_with("cannot write to standard output"));
    /// assert_eq!(Failure::Closed.message("standard output"), None);
    /// ```
    pub fn message(&self, output: &str) -> Option<String> {
        match self {
            Failure::Invalid(message) | Failure::Other(message) => Some(message.clone()),
            Failure::Write(e) => Some(format!("cannot write to {output}: {e}; the output is incomplete")),
            Failure::Closed => None,
            Failure::Partial { failed, loans } => Some(format!(
                "{failed} of {loans} loans could not be computed (see their `error`); --allow-partial exits 0 when some fail"
            )),
            Failure::Interrupted { signal, written } => Some(format!(
                "interrupted by signal {signal} after {written} loans: the output is incomplete"
            )),
        }
    }
}

/// A write error as a failure: a closed pipe ends the run quietly.
///
/// ```
/// use overdue_cli::{write_failure, Failure};
/// assert!(matches!(write_failure(std::io::ErrorKind::BrokenPipe.into()), Failure::Closed));
/// assert!(matches!(write_failure(std::io::ErrorKind::StorageFull.into()), Failure::Write(_)));
/// ```
pub fn write_failure(e: std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Failure::Closed
    } else {
        Failure::Write(e)
    }
}

/// Runs the command on `args` (the program name first), writing the result
/// to `out`; what goes wrong is a [`Failure`].
///
/// # Errors
/// [`Failure::Invalid`] for input that is not a valid request,
/// [`Failure::Other`] for anything else.
///
/// ```
/// use clap::Parser;
/// use overdue_cli::{run, Cli, Failure};
///
/// let dir = std::env::temp_dir().join(format!("overdue-run-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let file = dir.join("schedule.json");
/// std::fs::write(&file, r#"{"principal": "1200", "rate": {"value": "0.12", "period": "annual"},
///     "installments": 3, "disbursement": "2026-01-15"}"#).unwrap();
/// let mut out = Vec::new();
/// run(Cli::try_parse_from(["overdue", "schedule", "--json", file.to_str().unwrap()]).unwrap(), &mut out).unwrap();
/// assert!(String::from_utf8(out).unwrap().contains(r#""408.03""#));
///
/// std::fs::write(&file, r#"{"principal": "-1"}"#).unwrap();
/// let cli = Cli::try_parse_from(["overdue", "schedule", file.to_str().unwrap()]).unwrap();
/// assert!(matches!(run(cli, &mut Vec::new()), Err(Failure::Invalid(_))));
/// ```
pub fn run(cli: Cli, out: &mut (dyn Write + Send)) -> Result<(), Failure> {
    let text = match &cli.command {
        Command::Schedule(args) => run_job::<ScheduleJob>(args)?,
        Command::Statement { job: args, as_of } => {
            let (name, text) = read_text(args.file.as_ref())?;
            let request = match (as_of, account_of(&text)) {
                (None, Account::Card) => return write_out(out, job_on::<CardJob>(args, &name, &text)?),
                (None, Account::Line) => return write_out(out, job_on::<LineJob>(args, &name, &text)?),
                (Some(date), _) => StatementRequest::new(parse::<Ledger>(&name, &text)?, *date),
                (None, Account::Loan) => parse(&name, &text)?,
            };
            let statement = StatementJob::run(&request, &JobOptions::new()).map_err(|e| refused(args, &e))?;
            render(args, &statement)?
        }
        Command::Compare(args) => {
            let (name, text) = read_text(args.file.as_ref())?;
            match account_of(&text) {
                Account::Card => job_on::<CardCompareJob>(args, &name, &text)?,
                _ => job_on::<CompareJob>(args, &name, &text)?,
            }
        }
        Command::CardCompare(args) => run_job::<CardCompareJob>(args)?,
        Command::Plan { job: args, sweep: None } => run_job::<PlanJob>(args)?,
        Command::Plan {
            job: args,
            sweep: Some(budgets),
        } => {
            let request = SweepRequest::new(read(args)?, *budgets);
            let sweep = SweepJob::run(&request, &JobOptions::new()).map_err(|e| refused(args, &e))?;
            render(args, &sweep)?
        }
        Command::Sweep(args) => run_job::<SweepJob>(args)?,
        Command::Limits(args) => run_job::<LimitsJob>(args)?,
        Command::Line(args) => run_job::<LineJob>(args)?,
        Command::Tranches(args) => run_job::<TranchesJob>(args)?,
        Command::Card(args) => run_job::<CardJob>(args)?,
        Command::Cost(args) => run_job::<CostJob>(args)?,
        Command::Xirr(cost) => cost_report(cost, CostReport::Xirr)?,
        Command::Apr(cost) => cost_report(cost, CostReport::Apr)?,
        Command::Portfolio(args) => return portfolio::command(args, out),
    };
    write_out(out, text)
}

/// Writes the command's result.
fn write_out(out: &mut (dyn Write + Send), text: String) -> Result<(), Failure> {
    out.write_all(text.as_bytes()).map_err(write_failure)?;
    out.flush().map_err(write_failure)
}

/// What a request is about, by its top-level key: a card (`card`), a line
/// (`line`), or else a loan.
enum Account {
    Loan,
    Card,
    Line,
}

/// The account `text`'s request is about (a loan when it does not read as
/// an object: the loan's reader then names what is wrong).
fn account_of(text: &str) -> Account {
    let keys = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text).unwrap_or_default();
    if keys.contains_key("card") {
        Account::Card
    } else if keys.contains_key("line") {
        Account::Line
    } else {
        Account::Loan
    }
}

/// Parses the command line and runs it, printing errors on standard error.
/// The binary's `main` is this function.
///
/// ```no_run
/// fn main() -> std::process::ExitCode {
///     overdue_cli::main()
/// }
/// ```
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match standard_output() {
        Ok(stdout) => {
            let mut out = std::io::BufWriter::new(stdout);
            run(cli, &mut out).and_then(|()| out.flush().map_err(write_failure))
        }
        Err(e) => Err(Failure::Write(e)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if let Some(message) = failure.message("standard output") {
                eprintln!("error: {message}");
            }
            ExitCode::from(failure.code())
        }
    }
}

/// Standard output as a file of its own, so that every write error reaches
/// the command: the standard library's handle reports a write to a closed
/// standard output as done.
#[cfg(unix)]
fn standard_output() -> std::io::Result<std::fs::File> {
    use std::os::fd::AsFd;
    if runtime_null_stdout() {
        return Err(std::io::Error::other("it is closed"));
    }
    std::io::stdout().as_fd().try_clone_to_owned().map(std::fs::File::from)
}

/// Whether standard output was closed when the command started: the Rust
/// runtime then opens `/dev/null` in its place, for reading and writing,
/// where a shell's `> /dev/null` opens it for writing only (Linux only; the
/// rare `1<>/dev/null` reads as closed too).
#[cfg(unix)]
fn runtime_null_stdout() -> bool {
    let null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == std::path::Path::new("/dev/null"));
    let read_write = || {
        let info = std::fs::read_to_string("/proc/self/fdinfo/1").unwrap_or_default();
        info.lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
            .is_some_and(|flags| flags & 0o3 == 0o2)
    };
    null && read_write()
}

#[cfg(not(unix))]
fn standard_output() -> std::io::Result<std::io::Stdout> {
    Ok(std::io::stdout())
}

/// The library refused a request that read well: invalid input (exit 2),
/// naming the input it came from.
fn refused(args: &JobArgs, e: &overdue::Error) -> Failure {
    Failure::Invalid(format!("{}: {e}", input_name(args.file.as_ref())))
}

/// The input's name in messages: its file, or standard input.
fn input_name(file: Option<&PathBuf>) -> String {
    match file.filter(|f| f.as_os_str() != "-") {
        Some(path) => path.display().to_string(),
        None => "standard input".to_owned(),
    }
}

/// The input's text: the file, or standard input.
fn read_text(file: Option<&PathBuf>) -> Result<(String, String), Failure> {
    let mut text = String::new();
    let name = input_name(file);
    let read = match file.filter(|f| f.as_os_str() != "-") {
        Some(path) => std::fs::File::open(path).and_then(|mut f| f.read_to_string(&mut text)),
        None => std::io::stdin().read_to_string(&mut text),
    };
    read.map_err(|e| Failure::Invalid(format!("cannot read {name}: {e}")))?;
    Ok((name, text))
}

/// Reads job `J`'s request, runs it, and renders its output; the library's
/// refusal is invalid input.
fn run_job<J: Job>(args: &JobArgs) -> Result<String, Failure>
where
    J::Output: std::fmt::Display,
{
    let (name, text) = read_text(args.file.as_ref())?;
    job_on::<J>(args, &name, &text)
}

/// Job `J` on the request `text` read from `name`, rendered.
fn job_on<J: Job>(args: &JobArgs, name: &str, text: &str) -> Result<String, Failure>
where
    J::Output: std::fmt::Display,
{
    let output = J::run(&parse::<J::Request>(name, text)?, &JobOptions::new()).map_err(|e| refused(args, &e))?;
    render(args, &output)
}

/// The job's request, read strictly from JSON.
fn read<T: serde::de::DeserializeOwned>(job: &JobArgs) -> Result<T, Failure> {
    let (name, text) = read_text(job.file.as_ref())?;
    parse(&name, &text)
}

/// A request read strictly from the JSON `text` of `name`.
fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, Failure> {
    from_json(text).map_err(|e| Failure::Invalid(format!("{name}: {e}")))
}

/// The result as a table, or as JSON with `--json`.
fn render<T: Serialize + std::fmt::Display>(job: &JobArgs, result: &T) -> Result<String, Failure> {
    if job.json {
        json(result)
    } else {
        Ok(result.to_string())
    }
}

fn json<T: Serialize>(result: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(result)
        .map(|json| json + "\n")
        .map_err(|e| Failure::Other(e.to_string()))
}
