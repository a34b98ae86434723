//! The one error type of the HTTP boundary and its RFC 9457 problem+json rendering. It decides
//! status codes, titles and headers; it never puts internal details (SQL, paths, panics) in a body.

mod convert;

pub use convert::problem_for_errors;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
pub use domain::wire::{FieldProblem, Problem};

use domain::{Locale, Msg};

/// The media type of every error body.
pub const PROBLEM_JSON: &str = domain::wire::PROBLEM_CONTENT_TYPE;

/// Every way a request can fail, as the client sees it.
#[derive(Debug)]
pub enum ApiError {
    NotFound,
    MethodNotAllowed,
    UnsupportedMediaType,
    PayloadTooLarge,
    /// The body is not JSON at all (syntax error, wrong encoding, truncated).
    MalformedJson,
    MissingIdempotencyKey,
    MalformedIdempotencyKey,
    /// The same key came with another body.
    IdempotencyKeyReused,
    /// The first request with this key has not been answered yet.
    InFlight,
    ForbiddenOrigin,
    TooManyRequests {
        retry_after_secs: u64,
    },
    Overloaded,
    Timeout,
    /// Refused by the shape of the JSON or by the domain: a 422 with field pointers.
    Unprocessable(Problem),
    /// Something broke inside; the cause is logged, never sent.
    Internal,
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::MalformedJson
            | ApiError::MissingIdempotencyKey
            | ApiError::MalformedIdempotencyKey => StatusCode::BAD_REQUEST,
            ApiError::IdempotencyKeyReused | ApiError::Unprocessable(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::InFlight => StatusCode::CONFLICT,
            ApiError::ForbiddenOrigin => StatusCode::FORBIDDEN,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Overloaded | ApiError::Timeout => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The problem `type` (a relative URI), title and detail of each error but the 422. The
    /// detail is the domain's text where it has one, so the app and the server say the same.
    fn words(&self) -> (&'static str, &'static str, &'static str) {
        let en = |msg| Locale::En.text(msg);
        match self {
            ApiError::NotFound => (
                "/problems/not-found",
                "Not found",
                "There is nothing at this address.",
            ),
            ApiError::MethodNotAllowed => (
                "/problems/method-not-allowed",
                "Method not allowed",
                "This address does not accept this method.",
            ),
            ApiError::UnsupportedMediaType => (
                "/problems/unsupported-media-type",
                "Unsupported media type",
                en(Msg::ProblemMediaTypeTitle),
            ),
            ApiError::PayloadTooLarge => (
                "/problems/too-large",
                "Request too large",
                en(Msg::ProblemTooLargeTitle),
            ),
            ApiError::MalformedJson => (
                "/problems/malformed",
                "Malformed request",
                en(Msg::ProblemMalformedTitle),
            ),
            ApiError::MissingIdempotencyKey => (
                "/problems/idempotency-key-missing",
                "Idempotency-Key missing",
                "Send an Idempotency-Key header (a UUID), the same on every retry.",
            ),
            ApiError::MalformedIdempotencyKey => (
                "/problems/idempotency-key-malformed",
                "Idempotency-Key malformed",
                "The Idempotency-Key must be one UUID, like 0f8fad5b-d9cb-469f-a165-70867728950e.",
            ),
            ApiError::IdempotencyKeyReused => (
                "/problems/idempotency-key-reused",
                "Idempotency-Key reused",
                en(Msg::ProblemKeyReusedTitle),
            ),
            ApiError::InFlight => (
                "/problems/in-flight",
                "Request in progress",
                en(Msg::ProblemInProgressTitle),
            ),
            ApiError::ForbiddenOrigin => (
                "/problems/forbidden-origin",
                "Forbidden",
                "Requests from this origin are not accepted.",
            ),
            ApiError::TooManyRequests { .. } => (
                "/problems/rate-limited",
                "Too many requests",
                en(Msg::ProblemRateLimitedTitle),
            ),
            ApiError::Overloaded => (
                "/problems/overloaded",
                "Service busy",
                en(Msg::ProblemServerTitle),
            ),
            ApiError::Timeout => (
                "/problems/timeout",
                "Timed out",
                en(Msg::ProblemServerTitle),
            ),
            ApiError::Unprocessable(_) => ("/problems/validation", "Unprocessable request", ""),
            ApiError::Internal => (
                "/problems/internal",
                "Internal error",
                en(Msg::ProblemServerTitle),
            ),
        }
    }

    pub fn problem(&self) -> Problem {
        if let ApiError::Unprocessable(p) = self {
            return p.clone();
        }
        let (type_, title, detail) = self.words();
        Problem::new(self.status().as_u16(), type_, title, detail)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut response = problem_response(&self.problem());
        let retry_after = match self {
            ApiError::TooManyRequests { retry_after_secs } => Some(retry_after_secs.max(1)),
            ApiError::Overloaded | ApiError::Timeout | ApiError::InFlight => Some(1),
            _ => None,
        };
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        *response.status_mut() = status;
        response
    }
}

/// A problem as a response with its status and media type.
pub fn problem_response(problem: &Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(problem).unwrap_or_else(|_| b"{}".to_vec());
    let mut response = (status, body).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    response
}
