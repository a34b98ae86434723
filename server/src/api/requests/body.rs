//! The request body as a typed wire body: the SHA-256 that identifies a body for idempotency, and
//! the typed parse whose failures become 422s with JSON pointers.

use serde_json::Value;
use sha2::{Digest, Sha256};

use domain::wire::{FieldProblem, Problem, RequestBody};

use crate::error::ApiError;

pub fn sha256(bytes: &[u8]) -> Vec<u8> {
    Sha256::digest(bytes).to_vec()
}

/// The typed body, or a 422 naming the first field whose shape is wrong (unknown, missing,
/// wrong type, or an object written as an array).
pub fn typed(value: Value) -> Result<RequestBody, ApiError> {
    let body = serde_path_to_error::deserialize::<_, RequestBody>(&value).map_err(|e| {
        field_problem(
            &pointer_of(e.path()),
            &format!("The request does not match the contract: {}.", e.inner()),
        )
    })?;
    // serde's derived structs also accept their fields as an array (`"patient": ["A", "adult"]`);
    // the contract says object, so an array where the typed body has an object is refused.
    let typed = serde_json::to_value(&body).map_err(|_| ApiError::Internal)?;
    match array_for_object(&value, &typed, String::new()) {
        Some(pointer) => Err(field_problem(
            &pointer,
            "The request does not match the contract: expected an object, found an array.",
        )),
        None => Ok(body),
    }
}

/// The pointer of the first place where `typed` has an object and `sent` does not.
fn array_for_object(sent: &Value, typed: &Value, at: String) -> Option<String> {
    match (sent, typed) {
        (Value::Object(sent), Value::Object(typed)) => typed.iter().find_map(|(k, t)| {
            let s = sent.get(k)?;
            array_for_object(
                s,
                t,
                format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
            )
        }),
        (Value::Array(sent), Value::Array(typed)) => sent
            .iter()
            .zip(typed)
            .enumerate()
            .find_map(|(i, (s, t))| array_for_object(s, t, format!("{at}/{i}"))),
        (_, Value::Object(_)) => Some(at),
        _ => None,
    }
}

/// A 422 with one field problem at `pointer`.
pub fn field_problem(pointer: &str, detail: &str) -> ApiError {
    let mut problem = Problem::new(
        422,
        Problem::TYPE_VALIDATION,
        "There is a problem with the request",
        detail,
    );
    problem.errors.push(FieldProblem {
        pointer: pointer.to_owned(),
        detail: detail.to_owned(),
    });
    ApiError::Unprocessable(problem)
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
    fn an_array_where_the_contract_has_an_object_is_found() {
        let typed: Value = serde_json::json!({"a": {"b": 1}, "c": [{"d": 2}], "e": null});
        let fine = serde_json::json!({"a": {"b": 1}, "c": [{"d": 2}], "e": null});
        assert_eq!(array_for_object(&fine, &typed, String::new()), None);
        let outer = serde_json::json!({"a": [1], "c": [{"d": 2}]});
        assert_eq!(
            array_for_object(&outer, &typed, String::new()).as_deref(),
            Some("/a")
        );
        let inner = serde_json::json!({"a": {"b": 1}, "c": [[2]]});
        assert_eq!(
            array_for_object(&inner, &typed, String::new()).as_deref(),
            Some("/c/0")
        );
    }
}
