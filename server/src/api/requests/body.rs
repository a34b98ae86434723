//! The request body as bytes and as a typed wire body: the canonical form whose SHA-256 identifies
//! a body for idempotency, and the typed parse whose failures become 422s with JSON pointers.

use serde_json::Value;
use sha2::{Digest, Sha256};

use domain::wire::{FieldProblem, Problem, RequestBody};

use crate::error::ApiError;

/// `value` with object keys sorted and no whitespace, so equal JSON has equal bytes whatever the
/// client's key order or spacing.
pub fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (k, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write(v, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(v, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

pub fn sha256(bytes: &[u8]) -> Vec<u8> {
    Sha256::digest(bytes).to_vec()
}

/// The typed body, or a 422 naming the first field whose shape is wrong (unknown, missing,
/// wrong type).
pub fn typed(value: Value) -> Result<RequestBody, ApiError> {
    serde_path_to_error::deserialize::<_, RequestBody>(value).map_err(|e| {
        let pointer = pointer_of(e.path());
        let detail = format!("The request does not match the contract: {}.", e.inner());
        let mut problem = Problem::new(
            422,
            Problem::TYPE_VALIDATION,
            "There is a problem with the request",
            &detail,
        );
        problem.errors.push(FieldProblem { pointer, detail });
        ApiError::Unprocessable(problem)
    })
}

/// An RFC 6901 JSON pointer for a serde path (`""` for the whole document).
fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        let part = match segment {
            Segment::Seq { index } => index.to_string(),
            Segment::Map { key } => key.replace('~', "~0").replace('/', "~1"),
            Segment::Enum { variant } => variant.replace('~', "~0").replace('/', "~1"),
            Segment::Unknown => continue,
        };
        pointer.push('/');
        pointer.push_str(&part);
    }
    pointer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_sorts_keys_and_drops_spacing() {
        let a: Value = serde_json::from_str(r#"{"b": [1, {"z": null, "a": "x"}], "a": true}"#)
            .unwrap_or_default();
        let b: Value =
            serde_json::from_str(r#"{"a":true,"b":[1,{"a":"x","z":null}]}"#).unwrap_or_default();
        assert_eq!(canonical(&a), r#"{"a":true,"b":[1,{"a":"x","z":null}]}"#);
        assert_eq!(canonical(&a), canonical(&b));
    }
}
