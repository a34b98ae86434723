//! The partner test mode of `POST /api/requests`: a body with `"test": true` is checked exactly
//! like a real one and, when it passes, answered 201 with a test reference (`CT-TEST` and the
//! last four characters of the client's reference). Nothing is stored, nothing is logged. A test
//! body that fails the checks goes on to the ordinary handler, which refuses it (and so also
//! stores nothing); every other body goes on untouched.

use axum::Json;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::wire::{Created, REQUESTS_PATH, Reference, RequestBody};

use crate::api::MAX_BODY;
use crate::error::ApiError;
use crate::store::now_ms;

/// The reference a test request gets: never one the store could hold for a real request,
/// because real requests are never answered from here and test ones are never stored.
pub fn test_reference(client: &Reference) -> Reference {
    let code = client.as_str();
    let tail = &code[code.len().saturating_sub(4)..];
    Reference::parse(&format!("{}TEST{tail}", Reference::PREFIX)).unwrap_or_else(|| client.clone())
}

/// Middleware on the API: answers valid test-mode bodies, passes everything else on.
pub async fn test_mode(request: Request, next: Next) -> Response {
    let headers = request.headers();
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    // Anything the ordinary handler refuses before reading the body stays its answer.
    let (true, Some(key)) = (
        request.method() == Method::POST && request.uri().path() == REQUESTS_PATH && json,
        key,
    ) else {
        return next.run(request).await;
    };
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        return ApiError::PayloadTooLarge.into_response();
    };
    if let Some(created) = accepted_test(&bytes, &key) {
        return (StatusCode::CREATED, Json(created)).into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// `Some` when the body is a test request that the domain accepts.
fn accepted_test(bytes: &[u8], key: &str) -> Option<Created> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    if value.get("test") != Some(&serde_json::Value::Bool(true)) {
        return None;
    }
    let body: RequestBody = serde_json::from_value(value).ok()?;
    if body.idempotency_key.as_str() != key {
        return None;
    }
    let now = u64::try_from(now_ms()).unwrap_or_default();
    let ctx = domain::request::ValidationContext {
        is_listed: &|id| domain::catalogue::catalogue().get(id).is_some(),
        now_ms: now,
    };
    body.accept(&ctx).ok()?;
    Some(Created {
        reference: test_reference(&body.reference),
        received_at: now,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_references_keep_the_shape() {
        let client = Reference::parse("CT-7K3M9Q2X").expect("reference");
        assert_eq!(test_reference(&client).as_str(), "CT-TEST9Q2X");
    }

    #[test]
    fn only_test_bodies_are_answered_here() {
        assert!(accepted_test(b"{}", "k").is_none());
        assert!(accepted_test(b"{\"test\": false}", "k").is_none());
        assert!(accepted_test(b"not json", "k").is_none());
        assert!(accepted_test(b"{\"test\": true}", "k").is_none());
    }
}
