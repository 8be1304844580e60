//! Integration tests: one binary, a module per area.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test code: a failed unwrap or an out-of-range index is a failed test"
)]

mod accrual_props;
mod accrual_reference;
mod adversarial;
mod adversarial_docs;
mod bad_documents;
mod books_props;
mod books_reference;
mod card_compare_reference;
mod card_props;
mod card_reference;
mod card_report_reference;
mod common;
mod compare_props;
mod compare_reference;
mod cost_props;
mod cost_reference;
mod edges_reference;
mod interest_props;
mod interest_reference;
mod jobs_reference;
mod limitation_reference;
mod limits_reference;
mod line_year_reference;
mod parse_props;
mod plan_props;
mod plan_reference;
mod promotion_props;
mod promotion_reference;
mod reliability_regressions;
mod replay_props;
mod report_props;
mod report_reference;
mod restructure_props;
mod restructure_reference;
mod revolving_props;
mod revolving_reference;
mod schedule_props;
mod schedule_reference;
#[cfg(feature = "schema")]
mod schema_reference;
mod servicing_prepayment;
mod servicing_props;
mod servicing_reference;
mod short_payment_props;
mod short_payment_reference;
mod statement_reference;
mod sweep_props;
mod timeline_props;
mod timeline_reference;
mod tranche_props;
mod tranche_reference;
#[cfg(feature = "json")]
mod vectors;
