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
    /// The body did not arrive whole within `BODY_TIMEOUT_SECS`.
    BodyTimeout,
    /// The database does not take writes now (`/api/ready`).
    NotReady,
    /// No `Host` header, or more than one.
    BadHost,
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
            ApiError::Overloaded | ApiError::Timeout | ApiError::NotReady => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            ApiError::BodyTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::BadHost => StatusCode::BAD_REQUEST,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The problem `type` (a relative URI), title and detail of each error but the 422. The
    /// detail is the domain's text where the app shows one too, so the app and the server say
    /// the same.
    fn words(&self) -> (&'static str, Msg, Msg) {
        match self {
            ApiError::NotFound => (
                "/problems/not-found",
                Msg::ProblemNotFound,
                Msg::ProblemNotFoundDetail,
            ),
            ApiError::MethodNotAllowed => (
                "/problems/method-not-allowed",
                Msg::ProblemMethodNotAllowed,
                Msg::ProblemMethodNotAllowedDetail,
            ),
            ApiError::UnsupportedMediaType => (
                "/problems/unsupported-media-type",
                Msg::ProblemMediaType,
                Msg::ProblemMediaTypeTitle,
            ),
            ApiError::PayloadTooLarge => (
                "/problems/too-large",
                Msg::ProblemTooLarge,
                Msg::ProblemTooLargeTitle,
            ),
            ApiError::MalformedJson => (
                "/problems/malformed",
                Msg::ProblemMalformed,
                Msg::ProblemMalformedTitle,
            ),
            ApiError::MissingIdempotencyKey => (
                "/problems/idempotency-key-missing",
                Msg::ProblemKeyMissing,
                Msg::ProblemKeyMissingDetail,
            ),
            ApiError::MalformedIdempotencyKey => (
                "/problems/idempotency-key-malformed",
                Msg::ProblemKeyMalformed,
                Msg::ProblemKeyMalformedDetail,
            ),
            ApiError::IdempotencyKeyReused => (
                "/problems/idempotency-key-reused",
                Msg::ProblemKeyReused,
                Msg::ProblemKeyReusedTitle,
            ),
            ApiError::InFlight => (
                "/problems/in-flight",
                Msg::ProblemInProgress,
                Msg::ProblemInProgressTitle,
            ),
            ApiError::ForbiddenOrigin => (
                "/problems/forbidden-origin",
                Msg::ProblemForbidden,
                Msg::ProblemForbiddenDetail,
            ),
            ApiError::TooManyRequests { .. } => (
                "/problems/rate-limited",
                Msg::ProblemRateLimited,
                Msg::ProblemRateLimitedTitle,
            ),
            ApiError::Overloaded => (
                "/problems/overloaded",
                Msg::ProblemBusy,
                Msg::ProblemServerTitle,
            ),
            ApiError::Timeout => (
                "/problems/timeout",
                Msg::ProblemTimeout,
                Msg::ProblemServerTitle,
            ),
            ApiError::BodyTimeout => (
                "/problems/body-timeout",
                Msg::ProblemBodyTimeout,
                Msg::ProblemBodyTimeoutDetail,
            ),
            ApiError::NotReady => (
                "/problems/not-ready",
                Msg::ProblemNotReady,
                Msg::ProblemServerTitle,
            ),
            ApiError::BadHost => (
                "/problems/bad-host",
                Msg::ProblemBadHost,
                Msg::ProblemBadHostDetail,
            ),
            ApiError::Unprocessable(_) => (
                "/problems/validation",
                Msg::ProblemValidationTitle,
                Msg::ProblemValidationDetail,
            ),
            ApiError::Internal => (
                "/problems/internal",
                Msg::ProblemInternal,
                Msg::ProblemServerTitle,
            ),
        }
    }

    pub fn problem(&self) -> Problem {
        if let ApiError::Unprocessable(p) = self {
            return p.clone();
        }
        let (type_, title, detail) = self.words();
        let locale = request_locale();
        Problem::new(
            self.status().as_u16(),
            type_,
            locale.text(title),
            locale.text(detail),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut response = problem_response(&self.problem());
        let retry_after = match self {
            ApiError::TooManyRequests { retry_after_secs } => Some(retry_after_secs.max(1)),
            ApiError::Overloaded | ApiError::Timeout | ApiError::InFlight => Some(1),
            ApiError::NotReady => Some(5),
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

tokio::task_local! {
    /// The language of the request being answered (its `Accept-Language`), for problem texts.
    static LOCALE: Locale;
}

/// The language of the request being answered; English outside a request.
pub fn request_locale() -> Locale {
    LOCALE.try_with(|l| *l).unwrap_or_default()
}

/// Middleware (outermost but logging): answers every problem of this request in the language its
/// `Accept-Language` asks for. A 422 from the domain uses the body's `locale` instead.
pub async fn in_request_language(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let locale = crate::web::lang::locale_of(request.headers());
    LOCALE.scope(locale, next.run(request)).await
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
