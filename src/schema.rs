//! JSON Schemas (draft 2020-12) of every job's request and result,
//! generated from the types with `schemars` (the `schema` feature).

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::money::Money;

/// The strict decimal text every amount, rate and ratio is written in.
const DECIMAL_PATTERN: &str = r"^-?[0-9]+(\.[0-9]+)?$";

/// A decimal as a JSON string (`"-1234.50"`).
pub(crate) fn decimal(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": DECIMAL_PATTERN,
        "description": "An exact decimal as a string: digits with an optional '-' and '.', like \"-1234.50\"."
    })
}

/// A decimal as a JSON string, or `null`.
pub(crate) fn optional_decimal(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": ["string", "null"],
        "pattern": DECIMAL_PATTERN,
        "description": "An exact decimal as a string, or null."
    })
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": r"^[0-9]+(\.[0-9]+)?$",
            "description": "An amount of money, never negative, as an exact decimal string like \"1100.16\"."
        })
    }
}
