//! JSON Schemas (draft 2020-12) of every job's request and result,
//! generated from the types with `schemars` (the `schema` feature).

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::money::Money;

/// The strict decimal text every amount, rate and ratio is written in.
const DECIMAL_PATTERN: &str = r"^-?[0-9]+(\.[0-9]+)?$";

/// How a request says a decimal may be written, for every description.
const READ_AS: &str = "An exact decimal as a string (digits with an optional '-' and '.', like \"-1234.50\") or a JSON integer; a JSON number with a fraction or an exponent is refused (write it as a string)";

/// A decimal: read from a string or a JSON integer, written as a string (`"-1234.50"`).
pub(crate) fn decimal(generator: &mut SchemaGenerator) -> Schema {
    if generator.contract().is_deserialize() {
        json_schema!({
            "type": ["string", "integer"],
            "pattern": DECIMAL_PATTERN,
            "description": format!("{READ_AS}.")
        })
    } else {
        json_schema!({
            "type": "string",
            "pattern": DECIMAL_PATTERN,
            "description": "An exact decimal as a string: digits with an optional '-' and '.', like \"-1234.50\"."
        })
    }
}

/// A decimal as [`decimal`] reads and writes one, or `null`.
pub(crate) fn optional_decimal(generator: &mut SchemaGenerator) -> Schema {
    if generator.contract().is_deserialize() {
        json_schema!({
            "type": ["string", "integer", "null"],
            "pattern": DECIMAL_PATTERN,
            "description": format!("{READ_AS}; or null.")
        })
    } else {
        json_schema!({
            "type": ["string", "null"],
            "pattern": DECIMAL_PATTERN,
            "description": "An exact decimal as a string, or null."
        })
    }
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        if generator.contract().is_deserialize() {
            json_schema!({
                "type": ["string", "integer"],
                "pattern": r"^[0-9]+(\.[0-9]+)?$",
                "minimum": 0,
                "description": "An amount of money, never negative: an exact decimal string like \"1100.16\" or a JSON integer; a JSON number with a fraction or an exponent is refused (write it as a string)."
            })
        } else {
            json_schema!({
                "type": "string",
                "pattern": r"^[0-9]+(\.[0-9]+)?$",
                "description": "An amount of money, never negative, as an exact decimal string like \"1100.16\"."
            })
        }
    }
}
