//! Request logging: a request id (taken from a well-formed `X-Request-Id` or made here), method,
//! route class, status and latency. It never logs bodies, query strings or full paths (condition
//! URLs reveal health interest), and echoes the id in the response.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;
use tracing::Instrument as _;

static NEXT_ID: AtomicU64 = AtomicU64::new(1);
const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Installs the log subscriber (`RUST_LOG`, default `info`), writing to stderr: stdout is the
/// staff commands' output (an export must stay parseable).
pub fn init() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .try_init();
}

/// Logs one line per request and sets `X-Request-Id` on the response.
pub async fn log_requests(mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = request
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            (1..=64).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{:016x}", NEXT_ID.fetch_add(1, Ordering::Relaxed)));
    let method = request.method().clone();
    let class = route_class(request.uri().path());
    if let Ok(value) = HeaderValue::from_str(&id) {
        request.headers_mut().insert(REQUEST_ID, value);
    }
    let span = tracing::info_span!("request", id = %id);
    let mut response = next.run(request).instrument(span.clone()).await;
    let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
    let status = response.status().as_u16();
    span.in_scope(|| tracing::info!(%method, class, status, latency_ms, "served"));
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// A coarse name for the path that reveals nothing about the visitor.
pub fn route_class(path: &str) -> &'static str {
    match path {
        "/api/requests" => "api:requests",
        "/api/health" => "api:health",
        "/api/ready" => "api:ready",
        "/api/openapi.json" => "api:openapi",
        p if p.starts_with("/api") => "api:other",
        p if p.starts_with("/embed") => "embed",
        p if crate::web::looks_like_asset(p) => "asset",
        _ => "page",
    }
}
