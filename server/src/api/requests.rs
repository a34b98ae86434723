//! `POST /api/requests`: checks the media type, the Idempotency-Key and the body, replays or
//! refuses reused keys, re-runs the domain's validation and eligibility, and answers 201 only
//! after the writer committed. It never logs the body or anything personal.

mod body;
mod idempotency;

use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::eligibility::Outcome;
use domain::wire::{Problem, RequestBody};

use crate::AppState;
use crate::error::ApiError;
use crate::store::{NewRequest, Stored, StoredAnswer, now_ms};

pub use idempotency::{InFlight, InFlightGuard};

pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    raw: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    if !is_json(&headers) {
        return Err(ApiError::UnsupportedMediaType);
    }
    let key = idempotency::key_from(&headers)?;
    let raw = raw.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge
        } else {
            ApiError::MalformedJson
        }
    })?;
    let value: serde_json::Value =
        serde_json::from_slice(&raw).map_err(|_| ApiError::MalformedJson)?;
    let canonical = body::canonical(&value);
    let hash = body::sha256(canonical.as_bytes());

    let _guard = InFlightGuard::take(&state.in_flight, &key).ok_or(ApiError::InFlight)?;
    if let Some(record) = state
        .store
        .lookup_key(&key)
        .await
        .map_err(|e| stored_error(&e))?
    {
        return if record.body_sha256 == hash {
            Ok(answer(&record.answer, true))
        } else {
            Err(ApiError::IdempotencyKeyReused)
        };
    }

    let request: RequestBody = body::typed(value)?;
    if request.idempotency_key.as_str() != key {
        return Err(body::field_problem(
            "/idempotency_key",
            "The idempotency_key differs from the Idempotency-Key header.",
        ));
    }
    let received_at = now_ms();
    let verdict = {
        let ctx = domain::request::ValidationContext {
            is_listed: &condition_is_listed,
            now_ms: u64::try_from(received_at).unwrap_or_default(),
        };
        request.accept(&ctx).map(|(_, outcome)| outcome)
    };
    let outcome = match verdict {
        Ok(outcome) => outcome,
        Err(rejection) => {
            return Err(ApiError::Unprocessable(Problem::unprocessable(
                &rejection,
                request.locale,
            )));
        }
    };
    let spam = request.spam_flags(u64::try_from(received_at).unwrap_or_default());
    let flags: Vec<&str> = [
        (spam.honeypot_filled, "honeypot"),
        (spam.too_fast, "too_fast"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    if !flags.is_empty() {
        tracing::info!(flags = flags.join(","), "request flagged for review");
    }
    let new = NewRequest {
        key,
        body_sha256: hash,
        reference: request.reference.as_str().to_owned(),
        body: canonical,
        flags: flags.join(","),
        outcome: match outcome {
            Outcome::Eligible => "eligible",
            _ => "needs_review",
        }
        .to_owned(),
    };
    match state.store.insert(new).await {
        Ok(Stored::Created(a)) => Ok(answer(&a, false)),
        Ok(Stored::Replayed(a)) => Ok(answer(&a, true)),
        Ok(Stored::KeyReused) => Err(ApiError::IdempotencyKeyReused),
        Ok(Stored::InFlight) => Err(ApiError::InFlight),
        Ok(Stored::ReferenceTaken) => Err(body::field_problem(
            "/reference",
            "This reference is already used by another request.",
        )),
        Err(e) => Err(stored_error(&e)),
    }
}

/// Whether a condition id names an entry of the shared catalogue.
fn condition_is_listed(id: &domain::catalogue::ConditionId) -> bool {
    domain::catalogue::catalogue().get(id).is_some()
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
}

fn answer(stored: &StoredAnswer, replayed: bool) -> Response {
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::CREATED);
    let mut response = (status, stored.body.clone()).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if replayed {
        headers.insert(
            HeaderName::from_static("idempotent-replayed"),
            HeaderValue::from_static("true"),
        );
    }
    response
}

/// 503 (retry with the same key) when the database is out of reach, else a logged 500.
fn stored_error(error: &crate::store::StoreError) -> ApiError {
    if let crate::store::StoreError::Unavailable = error {
        return ApiError::Overloaded;
    }
    tracing::error!(error = %error, "store failed");
    ApiError::Internal
}
