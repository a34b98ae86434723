//! `POST /api/requests`: the [`Intake`] extractor checks media type, key and body once; a test
//! body is answered by the partner test mode and never stored; a real one replays or refuses a
//! reused key, goes through the domain's one decision (validate, normalise, eligibility, review
//! flags) and is answered 201 only after the store committed the normalised request. It never
//! logs the body or anything personal.

mod body;
mod idempotency;
mod intake;

use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::wire::{Accepted, Problem, RequestBody};

use crate::AppState;
use crate::error::ApiError;
use crate::store::{NewRequest, Stored, StoredAnswer, now_ms};

pub use idempotency::{InFlight, InFlightGuard};
pub use intake::Intake;

pub async fn create(State(state): State<AppState>, intake: Intake) -> Result<Response, ApiError> {
    if intake.body.test {
        let accepted = decide(&intake.body, now_ms())?;
        return Ok(crate::embed::test_answer(&accepted));
    }
    store(&state, intake).await
}

/// The real path: never takes a test body.
async fn store(state: &AppState, intake: Intake) -> Result<Response, ApiError> {
    if intake.body.test {
        return Err(body::field_problem(
            "/test",
            "A test request is never stored.",
        ));
    }
    let _guard = InFlightGuard::take(&state.in_flight, &intake.key).ok_or(ApiError::InFlight)?;
    if let Some(record) = state
        .store
        .lookup_key(&intake.key)
        .await
        .map_err(stored_error)?
    {
        return if record.body_sha256 == intake.body_sha256 {
            Ok(answer(&record.answer, true))
        } else {
            Err(ApiError::IdempotencyKeyReused)
        };
    }
    let accepted = decide(&intake.body, now_ms())?;
    let flags = accepted.flag_codes();
    if !flags.is_empty() {
        tracing::info!(flags = flags.join(","), "request flagged for review");
    }
    let new = NewRequest::accepted(intake.key, intake.body_sha256, &accepted);
    match state.store.insert(new).await.map_err(stored_error)? {
        Stored::Created(a) => Ok(answer(&a, false)),
        Stored::Replayed(a) => Ok(answer(&a, true)),
        Stored::KeyReused => Err(ApiError::IdempotencyKeyReused),
        Stored::InFlight => Err(ApiError::InFlight),
        Stored::ReferenceTaken => Err(body::field_problem(
            "/reference",
            "This reference is already used by another request.",
        )),
    }
}

/// The domain's decision at `received_at`, or the 422 in the body's language.
fn decide(body: &RequestBody, received_at: i64) -> Result<Accepted, ApiError> {
    let ctx = domain::request::ValidationContext {
        is_listed: &condition_is_listed,
        now_ms: u64::try_from(received_at).unwrap_or_default(),
    };
    body.decide(&ctx)
        .map_err(|r| ApiError::Unprocessable(Problem::unprocessable(&r, body.locale)))
}

/// Whether a condition id names an entry of the shared catalogue.
pub fn condition_is_listed(id: &domain::catalogue::ConditionId) -> bool {
    domain::catalogue::catalogue().get(id).is_some()
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

/// 503 with Retry-After (retry with the same key) when the database is out of reach or refuses
/// writes for now, else a logged 500.
fn stored_error(error: crate::store::StoreError) -> ApiError {
    if error.is_transient() {
        return ApiError::Overloaded;
    }
    tracing::error!(error = %error, "store failed");
    ApiError::Internal
}
