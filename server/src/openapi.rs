//! `GET /openapi.json`: an OpenAPI 3.1 document of the service, built from
//! the library's JSON Schemas (the same ones `docs/schema/` holds), so a
//! client in Java, Go or TypeScript can be generated from it.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

use crate::Shared;

/// The OpenAPI 3.1 document: every job's path with its request and result
/// schemas, the portfolio's JSON Lines, the schema and health endpoints,
/// the problem+json error answers and the optional bearer token. Each
/// schema's `$defs` become `components/schemas` (a name two schemas use for
/// different definitions gets a number: `Installment2`).
///
/// ```
/// let document = overdue_server::openapi();
/// assert_eq!(document["openapi"], "3.1.0");
/// assert!(document["paths"]["/v1/compare"]["post"].is_object());
/// assert!(document["components"]["schemas"]["CompareRequest"].is_object());
/// ```
pub fn openapi() -> Value {
    let schemas = overdue::jobs::json_schemas();
    let mut components = Components::default();
    let mut paths = Map::new();
    for schema in &schemas {
        let name = camel(schema.job);
        let request = components.add(&format!("{name}Request"), &schema.request);
        let result = components.add(&format!("{name}Result"), &schema.result);
        let path = format!("/v1/{}", schema.job);
        let operation = if schema.job == "portfolio" {
            portfolio_operation(&request, &result)
        } else {
            job_operation(schema.job, &request, &result)
        };
        paths.insert(path, json!({ "post": operation }));
    }
    paths.insert("/v1/schema/{job}".into(), schema_path(&schemas));
    paths.insert(
        "/healthz".into(),
        json!({"get": {"operationId": "healthz", "summary": "Whether the process serves",
            "security": [],
            "responses": {"200": {"description": "ok", "content": {"text/plain": {"schema": {"type": "string"}}}}}}}),
    );
    let mut all = components.schemas;
    all.insert("Problem".into(), problem_schema());
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "overdue",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The exact arithmetic of overdue debt: schedules, statements, the ways out compared, \
                several-loan plans, cost of credit, legal limits and portfolios. Every request and result is \
                the JSON the `overdue` command and the Python package read and write.",
            "license": {"name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0"}
        },
        "servers": [{"url": "http://127.0.0.1:8080"}],
        "security": [{}, {"bearer": []}],
        "paths": paths,
        "components": {
            "schemas": all,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                "description": "asked for only when the service runs with --token-file"}},
            "responses": errors(),
        }
    })
}

/// The document as the bytes `/openapi.json` serves.
pub(crate) fn document_bytes() -> Vec<u8> {
    serde_json::to_vec_pretty(&openapi()).unwrap_or_default()
}

/// Serves the document.
pub(crate) async fn serve(State(shared): State<Arc<Shared>>) -> Response {
    let mut response = shared.openapi.clone().into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// `schedule` → `Schedule`.
fn camel(job: &str) -> String {
    let mut chars = job.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The schemas of `components`, and each definition's name there.
#[derive(Default)]
struct Components {
    schemas: Map<String, Value>,
    /// Each definition name, with the definitions it names so far (in order).
    variants: BTreeMap<String, Vec<Value>>,
}

impl Components {
    /// Adds a root schema under `name` with its definitions, each under its
    /// own name (numbered when another schema defines it otherwise), and
    /// gives the reference to it.
    fn add(&mut self, name: &str, schema: &Value) -> Value {
        let mut root = schema.clone();
        let defs = match root.as_object_mut() {
            Some(fields) => {
                fields.remove("$schema");
                fields.remove("$defs")
            }
            None => None,
        };
        let mut renamed = BTreeMap::new();
        let mut pending = Vec::new();
        if let Some(Value::Object(defs)) = defs {
            for (def, value) in defs {
                let known = self.variants.entry(def.clone()).or_default();
                let index = known.iter().position(|v| *v == value).unwrap_or_else(|| {
                    known.push(value.clone());
                    known.len() - 1
                });
                let unique = if index == 0 {
                    def.clone()
                } else {
                    format!("{def}{}", index + 1)
                };
                renamed.insert(def, unique.clone());
                pending.push((unique, value));
            }
        }
        for (unique, mut value) in pending {
            rewrite(&mut value, &renamed);
            self.schemas.insert(unique, value);
        }
        rewrite(&mut root, &renamed);
        self.schemas.insert(name.to_owned(), root);
        json!({"$ref": format!("#/components/schemas/{name}")})
    }
}

/// Every `#/$defs/X` reference in `value` as `#/components/schemas/<renamed X>`.
fn rewrite(value: &mut Value, renamed: &BTreeMap<String, String>) {
    match value {
        Value::Object(fields) => {
            if let Some(Value::String(target)) = fields.get_mut("$ref") {
                if let Some(def) = target.strip_prefix("#/$defs/") {
                    let name = renamed.get(def).map_or(def, String::as_str);
                    *target = format!("#/components/schemas/{name}");
                }
            }
            fields.values_mut().for_each(|v| rewrite(v, renamed));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rewrite(v, renamed)),
        _ => {}
    }
}

/// `POST /v1/<job>`.
fn job_operation(job: &str, request: &Value, result: &Value) -> Value {
    json!({
        "operationId": job,
        "summary": format!("Runs the `{job}` job"),
        "requestBody": {"required": true, "content": {"application/json": {"schema": request}}},
        "responses": {
            "200": {"description": "the job's result", "content": {"application/json": {"schema": result}}},
            "400": {"$ref": "#/components/responses/Malformed"},
            "401": {"$ref": "#/components/responses/Unauthorized"},
            "413": {"$ref": "#/components/responses/TooLarge"},
            "422": {"$ref": "#/components/responses/Refused"},
            "503": {"$ref": "#/components/responses/Unavailable"},
            "500": {"$ref": "#/components/responses/Internal"}
        }
    })
}

/// `POST /v1/portfolio`: JSON Lines both ways.
fn portfolio_operation(request: &Value, result: &Value) -> Value {
    json!({
        "operationId": "portfolio",
        "summary": "Summaries of many loans on one date, streamed",
        "description": "The body is JSON Lines, one loan a line; the answer is JSON Lines, one summary a line \
            in the same order (a line that cannot be read or computed gives a summary with its `error`).",
        "parameters": [{"name": "as_of", "in": "query", "required": true,
            "description": "the date every loan is read on", "schema": {"type": "string", "format": "date"}}],
        "requestBody": {"required": true, "content": {"application/x-ndjson": {"schema": request}}},
        "responses": {
            "200": {"description": "one summary a line", "content": {"application/x-ndjson": {"schema": result}}},
            "401": {"$ref": "#/components/responses/Unauthorized"},
            "422": {"$ref": "#/components/responses/Refused"},
            "503": {"$ref": "#/components/responses/Unavailable"}
        }
    })
}

/// `GET /v1/schema/{job}`.
fn schema_path(schemas: &[overdue::jobs::JobSchema]) -> Value {
    let names: Vec<&str> = schemas.iter().map(|s| s.job).collect();
    json!({"get": {
        "operationId": "schema",
        "summary": "A job's request and result JSON Schemas (draft 2020-12)",
        "parameters": [{"name": "job", "in": "path", "required": true, "schema": {"type": "string", "enum": names}}],
        "responses": {
            "200": {"description": "the schemas", "content": {"application/json": {"schema": {
                "type": "object", "required": ["job", "request", "result"],
                "properties": {"job": {"type": "string"}, "request": {"type": "object"}, "result": {"type": "object"}}}}}},
            "404": {"$ref": "#/components/responses/NotFound"}
        }
    }})
}

/// The error answers, each problem+json.
fn errors() -> Value {
    let problem = |description: &str| {
        json!({"description": description,
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}})
    };
    json!({
        "Malformed": problem("the body is not UTF-8 JSON"),
        "Unauthorized": problem("the bearer token is missing or wrong"),
        "TooLarge": problem("the body is over the limit"),
        "Refused": problem("well-formed JSON the library refuses: `kind` and `path` say what and where"),
        "Unavailable": problem("saturated (`saturated`) or over the time limit (`time_limit`): try again"),
        "Internal": problem("the service failed on this request (logged)"),
        "NotFound": problem("no such job")
    })
}

/// RFC 9457 problem details, with the service's `kind` and `path`.
fn problem_schema() -> Value {
    json!({
        "type": "object",
        "description": "An error answer (RFC 9457).",
        "required": ["type", "title", "status", "detail", "kind"],
        "properties": {
            "type": {"type": "string", "description": "urn:overdue:<kind>"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "kind": {"type": "string", "description": "the library's stable error kind, or the service's own"},
            "path": {"type": ["string", "null"], "description": "the JSON path of the field that is wrong"}
        }
    })
}
