//! The guides: long-form pages on each part of the crate, from the
//! repository's `docs/` folder. Their examples run as doctests.

#[expect(unused_imports, reason = "brings the crate's types into scope for the guides' links")]
use crate::{
    accrual::*, books::*, compare::*, cost::*, jobs::*, limits::*, plan::*, rate::*, report::*, restructure::*,
    revolving::*, schedule::*, *,
};

/// The guide to accrual (`docs/accrual.md`); its examples run as doctests.
#[doc = include_str!("../docs/accrual.md")]
pub mod accrual {}

/// The guide to what a lender reports and classifies (`docs/reporting.md`):
/// the PBOC repayment record and the five risk classes; its examples run as
/// doctests.
#[doc = include_str!("../docs/reporting.md")]
pub mod reporting {}

/// The guide to what a lender books (`docs/accounting.md`): journal entries
/// for every day of a loan's replay, the booking policy, the trial balance;
/// its examples run as doctests.
#[doc = include_str!("../docs/accounting.md")]
pub mod accounting {}

/// The guide to the interest models and floating rates (`docs/interest.md`);
/// its examples run as doctests.
#[doc = include_str!("../docs/interest.md")]
pub mod interest {}

/// The guide to deferral and restructuring (`docs/restructuring.md`); its
/// examples run as doctests.
#[doc = include_str!("../docs/restructuring.md")]
pub mod restructuring {}

/// The guide to comparing the ways out (`docs/compare.md`); its examples run
/// as doctests.
#[doc = include_str!("../docs/compare.md")]
pub mod compare {}

/// The guide to credit lines with several draws and loans paid out in
/// tranches (`docs/revolving.md`); its examples run as doctests.
#[doc = include_str!("../docs/revolving.md")]
pub mod revolving {}

/// The guide to one budget over several loans (`docs/plan.md`); its
/// examples run as doctests.
#[doc = include_str!("../docs/plan.md")]
pub mod plan {}

/// Every job as JSON: the formats, strict reading, the schemas and the
/// `overdue` command (`docs/json.md`).
#[doc = include_str!("../docs/json.md")]
pub mod json {}

/// What the crate guarantees against any input, and how that is tested
/// (`docs/reliability.md`).
#[doc = include_str!("../docs/reliability.md")]
pub mod reliability {}

/// The conventions: rounding, day counts, due dates and edge cases
/// (`docs/conventions.md`).
#[doc = include_str!("../docs/conventions.md")]
pub mod conventions {}

/// The guide to cash flows, IRR/XIRR, APR by method and the legal limits
/// (`docs/cost.md`).
#[doc = include_str!("../docs/cost.md")]
pub mod cost {}

/// English and Chinese terms of overdue debt (`docs/glossary.md`).
#[doc = include_str!("../docs/glossary.md")]
pub mod glossary {}

/// Benchmark figures and how to reproduce them (`docs/performance.md`).
#[doc = include_str!("../docs/performance.md")]
pub mod performance {}
