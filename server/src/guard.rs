//! Abuse limits in front of the handlers: load shedding (503), a request timeout, the per-IP rate
//! limit (429) and the Origin check on writes (403). Each answers with an [`ApiError`]; none reads
//! a request body or logs anything personal.

mod client_ip;
mod rate;

pub use client_ip::client_ip;
pub use rate::RateLimiter;

use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::AppState;
use crate::error::ApiError;

/// How many requests may be handled at once; the rest are shed at once with 503.
#[derive(Clone, Debug)]
pub struct Shedder(Arc<Semaphore>);

impl Shedder {
    pub fn new(max: usize) -> Shedder {
        Shedder(Arc::new(Semaphore::new(max)))
    }

    /// A slot for one request, or `None` when all are taken.
    pub fn try_hold(&self) -> Option<OwnedSemaphorePermit> {
        Arc::clone(&self.0).try_acquire_owned().ok()
    }
}

/// Sheds load beyond the concurrency limit and bounds each request's time.
pub async fn shed_and_time(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let Some(_permit) = state.shedder.try_hold() else {
        return ApiError::Overloaded.into_response();
    };
    match tokio::time::timeout(state.config.request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::Timeout.into_response(),
    }
}

/// The per-client token bucket, for the routes that write.
pub async fn rate_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let ip = client_ip(&request, &state.config.trusted_proxies);
    if let Err(retry_after_secs) = state.rate_limiter.take(ip) {
        return ApiError::TooManyRequests { retry_after_secs }.into_response();
    }
    next.run(request).await
}

/// Refuses writes whose `Origin` header (when present) is neither ours nor a partner's.
pub async fn check_origin(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && let Some(origin) = request.headers().get(header::ORIGIN) {
        let allowed = origin
            .to_str()
            .ok()
            .and_then(crate::config::origin_of)
            .is_some_and(|o| state.allowed_origins.contains(&o));
        if !allowed {
            return ApiError::ForbiddenOrigin.into_response();
        }
    }
    next.run(request).await
}
