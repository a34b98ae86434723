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
    pub in_flight: api::InFlight,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// Opens the store and reads the dist directory (for the CSP hashes) once.
    pub async fn new(config: Config) -> Result<AppState, store::StoreError> {
        let store = store::Store::open(config.database()).await?;
        tracing::info!(backend = store.backend(), "store ready");
        let hashes = headers::inline_script_hashes(&config.dist_dir);
        tracing::info!(
            inline_scripts = hashes.len(),
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
            static_files: web::StaticFiles::new(&config.dist_dir),
            in_flight: api::InFlight::default(),
            store,
            config,
        })))
    }
}

/// The whole HTTP surface: API, app files, and the layers every response passes through.
pub fn app(state: AppState) -> Router {
    let files = Router::new()
        .fallback(web::serve)
        .layer(CompressionLayer::new());
    api::router(&state)
        .merge(files)
        .layer(from_fn(embed::test_mode))
        .layer(from_fn_with_state(state.clone(), guard::check_origin))
        .layer(from_fn_with_state(state.clone(), guard::shed_and_time))
        .layer(from_fn_with_state(state.clone(), headers::security_headers))
        .layer(from_fn_with_state(state.clone(), embed::embed_headers))
        .layer(from_fn(error::problem_for_errors))
        .layer(from_fn(telemetry::log_requests))
        .with_state(state)
}
