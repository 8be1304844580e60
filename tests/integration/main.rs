//! Integration tests: one binary, a module per area.

mod common;
mod schedule_props;
mod schedule_reference;
