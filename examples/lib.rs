//! The walk-throughs of the `overdue` library, run from the repository's root:
//!
//! - `cargo run --example borrower`: a borrower overdue on one loan, every way
//!   out costed and ranked, with `--chart file.svg` for the chart of what each
//!   costs by each date;
//! - `cargo run --example several_loans`: one monthly budget over three loans,
//!   the strategies compared month by month.
//!
//! Each takes a JSON request in place of its built-in scenario (see
//! `examples/borrower.json` and `examples/several_loans.json`).
