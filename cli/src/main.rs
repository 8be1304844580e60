//! The `overdue` command; see the `overdue_cli` crate documentation.

fn main() -> std::process::ExitCode {
    overdue_cli::main()
}
