//! Nothing lost on the way out: a write that fails is never reported as
//! success, a closed pipe ends the run at once and quietly, an output file is
//! whole or absent, a signal leaves whole lines and says the output is
//! incomplete, and counts out of bounds are refused naming the argument.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "tests fail loudly: a failed unwrap or a missing field is a failed test"
)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use serde_json::{json, Value};

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("overdue")
}

fn loans(n: usize) -> String {
    let borrower: Value = serde_json::from_str(include_str!("../../examples/borrower.json")).unwrap();
    let line = |i: usize| json!({"id": format!("L{i}"), "ledger": borrower["ledger"]}).to_string();
    (0..n).map(line).collect::<Vec<_>>().join("\n") + "\n"
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("overdue-output-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A full disk (`/dev/full`) is a failed write: exit 1, naming standard output.
#[cfg(target_os = "linux")]
#[test]
fn a_write_to_a_full_disk_exits_1_naming_the_output() {
    for args in [
        vec!["schedule", "../examples/schedule.json"],
        vec!["statement", "../examples/statement.json"],
        vec!["xirr", "../examples/flows.json"],
    ] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = Command::new(binary()).args(&args).stdout(full).output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("cannot write to standard output"), "{args:?}: {err}");
    }
}

/// A standard output closed before the command started is a failed write, not
/// output thrown away in silence.
#[cfg(target_os = "linux")]
#[test]
fn a_closed_standard_output_exits_1() {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' schedule ../examples/schedule.json >&-",
            binary().display()
        ))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("standard output: it is closed"));
}

/// Like ripgrep: when the reader of the output goes away (`| head`), the run
/// stops at once, with exit code 0 and nothing on standard error.
#[test]
fn a_closed_pipe_ends_the_portfolio_at_once_and_quietly() {
    let dir = scratch("pipe");
    let input = dir.join("loans.jsonl");
    std::fs::write(&input, loans(20_000)).unwrap();
    let mut child = Command::new(binary())
        .args(["portfolio", "--as-of", "2026-06-24", "--threads", "2"])
        .arg(&input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"id\":\"L0\""), "{first}");
    // the reader is dropped here: the pipe is closed
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

/// `--output FILE` writes the file whole, and only when the run completed; no
/// temporary file is left beside it.
#[test]
fn an_output_file_appears_only_complete() {
    let dir = scratch("file");
    let input = dir.join("loans.jsonl");
    std::fs::write(&input, loans(300)).unwrap();
    let target = dir.join("summaries.jsonl");
    let out = Command::new(binary())
        .args(["portfolio", "--as-of", "2026-06-24", "--output"])
        .arg(&target)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written.lines().count(), 300);
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // a directory that does not exist: exit 1 naming the file, nothing created
    let missing = dir.join("no-such-dir").join("out.jsonl");
    let out = Command::new(binary())
        .args(["portfolio", "--as-of", "2026-06-24", "--output"])
        .arg(&missing)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("cannot write"));
    assert!(!missing.exists());
}

/// SIGTERM stops the run: exit 143, the output holds whole lines only, an
/// output file is not left at its name, and standard error says the output is
/// incomplete.
#[cfg(unix)]
#[test]
fn a_signal_leaves_whole_lines_and_no_file_at_the_final_name() {
    let dir = scratch("signal");
    let input = dir.join("loans.jsonl");
    std::fs::write(&input, loans(40_000)).unwrap();
    let target = dir.join("summaries.jsonl");
    for output in [false, true] {
        let mut command = Command::new(binary());
        command
            .args(["portfolio", "--as-of", "2026-06-24", "--threads", "1"])
            .arg(&input);
        if output {
            command.arg("--output").arg(&target);
        }
        let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        if !output {
            // the run is under way once its first line is out
            stdout.read_line(&mut first).unwrap();
        } else {
            while !std::fs::read_dir(&dir).unwrap().any(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".overdue-portfolio-")
            }) {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        }
        let kill = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(143), "{err}");
        assert!(
            err.contains("interrupted by signal 15") && err.contains("incomplete"),
            "{err}"
        );
        let text = first + &rest;
        assert!(text.ends_with('\n') || text.is_empty());
        let lines = text.lines().count();
        assert!(lines < 40_000, "the run was not stopped: {lines} lines");
        for line in text.lines() {
            serde_json::from_str::<Value>(line).unwrap();
        }
        assert!(!target.exists());
        let left: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left.len(), 1, "{left:?}");
    }
}

/// Thread counts are at least 1 and at most 8 a core, refused with exit 2
/// naming `--threads` otherwise: a typo is seen, not clamped.
#[test]
fn thread_counts_out_of_bounds_are_refused_naming_the_argument() {
    for threads in ["0", "-1", "100000"] {
        let out = Command::new(binary())
            .args(["portfolio", "--as-of", "2026-06-24", "--threads", threads])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{threads}: {err}");
        assert!(err.contains("--threads"), "{err}");
    }
}

/// A line longer than `--max-line-bytes` is one error row naming its line, and
/// the run goes on with the next.
#[test]
fn a_line_over_the_limit_is_an_error_row() {
    let text = loans(3);
    let mut lines: Vec<&str> = text.lines().collect();
    let long = format!("{{\"id\": \"{}\"}}", "x".repeat(5_000));
    lines.insert(1, &long);
    let mut child = Command::new(binary())
        .args(["portfolio", "--as-of", "2026-06-24", "--max-line-bytes", "4096"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(lines.join("\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let rows: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[1]["id"], "line 2");
    assert!(
        rows[1]["error"].as_str().unwrap().contains("line must be at most 4096"),
        "{}",
        rows[1]
    );
    assert_eq!(rows[2]["id"], "L1");
    assert_eq!(rows[2]["error"], Value::Null);
}
