//! Abuse limits in front of the handlers: the Host check (400), per-client and overall load
//! shedding (503), a request timeout, the per-IP rate limit (429) and the Origin check on writes
//! (403). Each answers with an [`ApiError`]; none reads
//! a request body or logs anything personal.

mod client_ip;
mod per_ip;
mod rate;

pub use client_ip::client_ip;
pub use per_ip::{IpSlot, PerIp};
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

/// Sheds load beyond the per-client and the overall concurrency limits, and bounds each
/// request's time. The per-client cap comes first, so a client holding its share (slow bodies,
/// say) is refused before it can take the slots everyone else needs.
pub async fn shed_and_time(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let ip = client_ip(&request, &state.config.trusted_proxies);
    let Some(_mine) = state
        .requests_per_client
        .take(ip, state.config.max_requests_per_client)
    else {
        return ApiError::Overloaded.into_response();
    };
    let Some(_permit) = state.shedder.try_hold() else {
        return ApiError::Overloaded.into_response();
    };
    match tokio::time::timeout(state.config.request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::Timeout.into_response(),
    }
}

/// The per-client token bucket, for the routes that write: on PostgreSQL the bucket in the
/// database, shared by every instance (this instance's own when the database is out of reach);
/// on SQLite this instance's.
pub async fn rate_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let ip = client_ip(&request, &state.config.trusted_proxies);
    let per_minute = state.config.rate_limit_per_minute;
    let shared = if per_minute == 0 {
        None
    } else {
        state.store.take_token(ip, per_minute).await
    };
    let taken = shared.unwrap_or_else(|| state.rate_limiter.take(ip));
    if let Err(retry_after_secs) = taken {
        return ApiError::TooManyRequests { retry_after_secs }.into_response();
    }
    next.run(request).await
}

/// Refuses a request without exactly one `Host` header (HTTP/1.1 requires one; two make the
/// target ambiguous between us and any proxy in front).
pub async fn check_host(request: Request, next: Next) -> Response {
    if request.headers().get_all(header::HOST).iter().count() != 1 {
        return ApiError::BadHost.into_response();
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
