//! The reference intake server: serves the built app from `DIST_DIR` and the JSON API, stores
//! requests in SQLite
//! or PostgreSQL. `app(state)` builds the whole HTTP surface without a socket, so tests drive
//! it with `oneshot`; `main` only wires configuration, the listener and the subcommands.

pub mod api;
pub mod cli;
pub mod config;
pub mod embed;
pub mod error;
pub mod guard;
pub mod headers;
pub mod json;
pub mod listen;
pub mod store;
pub mod telemetry;
pub mod web;

use axum::Router;
use axum::middleware::{from_fn, from_fn_with_state};
use std::sync::Arc;
use tower_http::compression::CompressionLayer;

pub use config::Config;

/// Everything the handlers share; cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Inner>);

#[derive(Debug)]
pub struct Inner {
    pub config: Config,
    pub store: store::Store,
    pub static_files: web::StaticFiles,
    pub headers: headers::SecurityHeaders,
    pub allowed_origins: Vec<String>,
    pub rate_limiter: guard::RateLimiter,
    pub shedder: guard::Shedder,
    pub requests_per_client: guard::PerIp,
    pub in_flight: api::InFlight,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// Opens the store and reads the dist directory (the CSP hashes, the page manifest) once.
    pub async fn new(config: Config) -> Result<AppState, StartError> {
        let store = store::Store::open(config.database()).await?;
        tracing::info!(backend = store.backend(), "store ready");
        let checked = web::integrity::check(&config.dist_dir, || {
            headers::inline_script_hashes(&config.dist_dir)
        })
        .map_err(StartError::Dist)?;
        if !checked.pinned {
            tracing::warn!("no integrity.json in DIST_DIR: CSP hashes computed from the pages");
        }
        let hashes = checked.script_hashes;
        tracing::info!(
            inline_scripts = hashes.len(),
            pinned = checked.pinned,
            "content security policy ready"
        );
        Ok(AppState(Arc::new(Inner {
            headers: headers::SecurityHeaders::new(
                &hashes,
                &config.partner_origins,
                config.is_https(),
            ),
            allowed_origins: config.allowed_origins(),
            rate_limiter: guard::RateLimiter::new(config.rate_limit_per_minute),
            shedder: guard::Shedder::new(config.max_concurrency),
            requests_per_client: guard::PerIp::default(),
            static_files: web::StaticFiles::new(&config.dist_dir, config.site_origin())
                .map_err(StartError::Dist)?,
            in_flight: api::InFlight::default(),
            store,
            config,
        })))
    }
}

/// Why the server does not start.
#[derive(Debug)]
pub enum StartError {
    Store(store::StoreError),
    /// The dist directory is not what the build wrote (a damaged manifest, a file that does not
    /// match it).
    Dist(String),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Store(e) => e.fmt(f),
            StartError::Dist(what) => write!(f, "refusing to serve DIST_DIR: {what}"),
        }
    }
}

impl std::error::Error for StartError {}

impl From<store::StoreError> for StartError {
    fn from(e: store::StoreError) -> Self {
        StartError::Store(e)
    }
}

/// The whole HTTP surface: API, app files, and the layers every response passes through.
///
/// A request passes the layers from the outside in, in this order (the `.layer` calls below run
/// from the last, outermost, to the first, innermost):
/// 1. `log_requests`: request id, one log line per request (never a body);
///    `in_request_language`: problem texts in the request's `Accept-Language`;
/// 2. `problem_for_errors`: any 4xx/5xx without a problem+json body gets one;
/// 3. `embed_headers`: per-partner `frame-ancestors` on `/embed/...`, the loader's caching;
/// 4. `security_headers`: CSP, framing, `no-store` on the API, on every answer, refusals too;
/// 5. `check_host`: exactly one `Host` header, else 400;
/// 6. `shed_and_time`: the per-client cap, then the overall cap (503 at once), then the
///    request deadline (503);
/// 7. `check_origin`: writes from foreign origins get 403;
/// 8. the router; on `POST /api/requests` (real and test bodies alike) the per-IP rate limit
///    (429), then the `Intake` extractor (415, 400, 413, 408, 422), then the handler.
pub fn app(state: AppState) -> Router {
    let files = Router::new()
        .fallback(web::serve)
        .layer(CompressionLayer::new());
    api::router(&state)
        .merge(files)
        .layer(from_fn_with_state(state.clone(), guard::check_origin))
        .layer(from_fn_with_state(state.clone(), guard::shed_and_time))
        .layer(from_fn(guard::check_host))
        .layer(from_fn_with_state(state.clone(), headers::security_headers))
        .layer(from_fn_with_state(state.clone(), embed::embed_headers))
        .layer(from_fn(error::problem_for_errors))
        .layer(from_fn(error::in_request_language))
        .layer(from_fn(telemetry::log_requests))
        .with_state(state)
}
