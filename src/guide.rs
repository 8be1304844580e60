//! The guides: long-form pages on each part of the crate, from the
//! repository's `docs/` folder. Their examples run as doctests.

/// The guide to accrual (`docs/accrual.md`); its examples run as doctests.
#[doc = include_str!("../docs/accrual.md")]
pub mod accrual {
    #[expect(unused_imports, reason = "brings the crate's types into scope for the guide's links")]
    use crate::*;
}

/// The guide to what a lender reports and classifies (`docs/reporting.md`):
/// the PBOC repayment record and the five risk classes; its examples run as
/// doctests.
#[doc = include_str!("../docs/reporting.md")]
pub mod reporting {
    #[expect(unused_imports, reason = "brings the crate's types into scope for the guide's links")]
    use crate::*;
}

/// The guide to what a lender books (`docs/accounting.md`): journal entries
/// for every day of a loan's replay, the booking policy, the trial balance;
/// its examples run as doctests.
#[doc = include_str!("../docs/accounting.md")]
pub mod accounting {
    #[expect(unused_imports, reason = "brings the crate's types into scope for the guide's links")]
    use crate::*;
}

/// The guide to the interest models and floating rates (`docs/interest.md`);
/// its examples run as doctests.
#[doc = include_str!("../docs/interest.md")]
pub mod interest {
    #[expect(unused_imports, reason = "brings the crate's types into scope for the guide's links")]
    use crate::*;
}

/// The guide to deferral and restructuring (`docs/restructuring.md`); its
/// examples run as doctests.
#[doc = include_str!("../docs/restructuring.md")]
pub mod restructuring {
    #[expect(unused_imports, reason = "brings the crate's types into scope for the guide's links")]
    use crate::*;
}

/// The guide to comparing the ways out (`docs/compare.md`); its examples run
/// as doctests.
#[doc = include_str!("../docs/compare.md")]
pub mod compare {
    #[expect(unused_imports, reason = "brings the crate's types into scope for the guide's links")]
    use crate::*;
}

/// The guide to one budget over several loans (`docs/plan.md`); its
/// examples run as doctests.
#[doc = include_str!("../docs/plan.md")]
pub mod plan {
    #[expect(unused_imports, reason = "brings the crate's types into scope for the guide's links")]
    use crate::*;
}

/// Every job as JSON: the formats, strict reading, the schemas and the
/// `overdue` command (`docs/json.md`).
#[doc = include_str!("../docs/json.md")]
pub mod json {
    #[expect(unused_imports, reason = "brings the crate's types into scope for the guide's links")]
    use crate::*;
}

/// What the crate guarantees against any input, and how that is tested
/// (`docs/reliability.md`).
#[doc = include_str!("../docs/reliability.md")]
pub mod reliability {
    #[expect(unused_imports, reason = "brings the crate's types into scope for the guide's links")]
    use crate::*;
}

/// The conventions: rounding, day counts, due dates and edge cases
/// (`docs/conventions.md`).
#[doc = include_str!("../docs/conventions.md")]
pub mod conventions {
    #[expect(unused_imports, reason = "brings the crate's types into scope for the guide's links")]
    use crate::*;
}

/// The guide to cash flows, IRR/XIRR, APR by method and the legal limits
/// (`docs/cost.md`).
#[doc = include_str!("../docs/cost.md")]
pub mod cost {
    #[expect(unused_imports, reason = "brings the crate's types into scope for the guide's links")]
    use crate::*;
}

/// English and Chinese terms of overdue debt (`docs/glossary.md`).
#[doc = include_str!("../docs/glossary.md")]
pub mod glossary {
    #[expect(unused_imports, reason = "brings the crate's types into scope for the guide's links")]
    use crate::*;
}

/// Benchmark figures and how to reproduce them (`docs/performance.md`).
#[doc = include_str!("../docs/performance.md")]
pub mod performance {
    #[expect(unused_imports, reason = "brings the crate's types into scope for the guide's links")]
    use crate::*;
}
