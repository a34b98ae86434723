//! The one extractor of `POST /api/requests`, for real and test bodies alike: the media type, the
//! `Idempotency-Key` header, the size (an oversized `Content-Length` is refused before a byte is
//! read), the body's deadline (408), the strict JSON parse, the idempotency hash and the typed
//! body, each done once and in this order.

use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, header};
use http_body_util::{BodyExt as _, LengthLimitError, Limited};

use super::{body, idempotency};
use crate::AppState;
use crate::api::MAX_BODY;
use crate::error::ApiError;
use domain::wire::RequestBody;

/// A request body that passed every check that needs no database and no rules.
#[derive(Debug)]
pub struct Intake {
    /// The normalised key, the same in the header and in the body.
    pub key: String,
    /// SHA-256 of the canonical form of the body as sent.
    pub body_sha256: Vec<u8>,
    pub body: RequestBody,
}

impl FromRequest<AppState> for Intake {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Intake, ApiError> {
        let headers = request.headers();
        if !is_json(headers) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let key = idempotency::key_from(headers)?;
        if declared_length(headers).is_some_and(|n| n > MAX_BODY as u64) {
            return Err(ApiError::PayloadTooLarge);
        }
        let limited = Limited::new(request.into_body(), MAX_BODY);
        let bytes = match tokio::time::timeout(state.config.body_timeout, limited.collect()).await {
            Err(_) => return Err(ApiError::BodyTimeout),
            Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => {
                return Err(ApiError::PayloadTooLarge);
            }
            Ok(Err(_)) => return Err(ApiError::MalformedJson),
            Ok(Ok(collected)) => collected.to_bytes(),
        };
        let value = crate::json::parse_strict(&bytes).map_err(|_| ApiError::MalformedJson)?;
        let body_sha256 = body::sha256(crate::json::canonical(&value).as_bytes());
        let body = body::typed(value)?;
        if body.idempotency_key.as_str() != key {
            return Err(body::field_problem(
                "/idempotency_key",
                "The idempotency_key differs from the Idempotency-Key header.",
            ));
        }
        Ok(Intake {
            key,
            body_sha256,
            body,
        })
    }
}

/// `application/json`, any case, with or without parameters; nothing else (not `application/jsonx`).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
}
