//! What both walk-throughs do with their command line: run the built-in
//! scenario, or read one from a JSON file (naming the field that is wrong),
//! or print the built-in one as such a file (`--request`), or print how to
//! use it (`--help`); then print the report, or the error with exit code 2.

use std::process::ExitCode;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Runs a walk-through: its `usage` (printed by `--help` or `-h`), `args`
/// (after any option of its own), the built-in request, and what turns a
/// request into the printed report.
pub fn run<T: Serialize + DeserializeOwned>(
    usage: &str,
    args: &[String],
    built_in: impl Fn() -> Result<T, overdue::Error>,
    report: impl Fn(T) -> Result<String, String>,
) -> ExitCode {
    let help = args.iter().any(|a| a == "--help" || a == "-h");
    let outcome = match args.first().map(String::as_str) {
        _ if help => Ok(format!("{}\n", usage.trim_end())),
        None => built_in().map_err(|e| e.to_string()).and_then(report),
        // the built-in scenario as a JSON request, to start your own from
        Some("--request") => built_in()
            .map_err(|e| e.to_string())
            .and_then(|r| serde_json::to_string_pretty(&r).map_err(|e| e.to_string()))
            .map(|json| json + "\n"),
        Some(option) if option.starts_with('-') && option != "-" => Err(format!(
            "unknown option {option}; --help says what the walk-through takes"
        )),
        Some(path) => read(path).and_then(report),
    };
    match outcome {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Takes `--chart FILE` out of `args`: the file, or none without the
/// option; when the file is missing, says so and gives exit code 2.
pub fn take_chart(args: &mut Vec<String>) -> Result<Option<String>, ExitCode> {
    match args.iter().position(|a| a == "--chart") {
        Some(i) if i + 1 < args.len() => {
            let path = args.remove(i + 1);
            args.remove(i);
            Ok(Some(path))
        }
        Some(_) => {
            eprintln!("error: --chart needs a file name");
            Err(ExitCode::from(2))
        }
        None => Ok(None),
    }
}

/// Reads a request strictly, naming the field that is wrong (`overdue::from_json`).
fn read<T: DeserializeOwned>(path: &str) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    overdue::from_json(&text).map_err(|e| format!("{path}: {e}"))
}
