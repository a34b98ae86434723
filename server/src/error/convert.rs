//! Middleware that turns every error response that is not already problem+json (axum's extractor
//! rejections, 404 and 405 from the router, empty 404s from the file server) into one. It keeps
//! the status and headers such as `Allow`; it never looks at or logs a request body.

use super::{ApiError, PROBLEM_JSON, Problem, problem_response};
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

/// Rewrites 4xx/5xx responses without a problem body; leaves everything else untouched.
pub async fn problem_for_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    // A page made for the error (the prerendered 404 page) is the answer as it is.
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !(status.is_client_error() || status.is_server_error()) || is_problem || is_page {
        return response;
    }
    let problem = match status {
        StatusCode::NOT_FOUND => ApiError::NotFound.problem(),
        StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed.problem(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType.problem(),
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge.problem(),
        s if s.is_server_error() => {
            let mut p = ApiError::Internal.problem();
            p.status = s.as_u16();
            p
        }
        s => {
            let locale = super::request_locale();
            Problem::new(
                s.as_u16(),
                "about:blank",
                locale.text(domain::Msg::ProblemRefused),
                locale.text(domain::Msg::ProblemRefusedDetail),
            )
        }
    };
    let (mut parts, _) = response.into_parts();
    let fresh = problem_response(&problem);
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::CONTENT_ENCODING);
    parts.headers.remove(header::CONTENT_RANGE);
    for (name, value) in fresh.headers() {
        parts.headers.insert(name, value.clone());
    }
    Response::from_parts(parts, fresh.into_body())
}
