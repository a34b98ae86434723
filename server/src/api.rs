//! The JSON API under `/api`: health, the intake endpoint, the OpenAPI document, and a
//! problem+json 404 for every other `/api/...` path. It never serves the app's files.

mod openapi;
mod requests;

pub use openapi::OPENAPI_JSON;
pub use requests::{InFlight, InFlightGuard};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::header;
use axum::middleware::from_fn_with_state;
use axum::response::IntoResponse;
use axum::routing::{get, post};

use crate::AppState;
use crate::error::ApiError;
use crate::guard;

/// Largest accepted request body.
pub const MAX_BODY: usize = 32 * 1024;

/// The routes under `/api`, with their limits.
pub fn router(state: &AppState) -> Router<AppState> {
    let intake = Router::new()
        .route("/api/requests", post(requests::create))
        .route_layer(from_fn_with_state(state.clone(), guard::rate_limit))
        .layer(DefaultBodyLimit::max(MAX_BODY));
    Router::new()
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi))
        .merge(intake)
        .route("/api", axum::routing::any(not_found))
        .route("/api/{*rest}", axum::routing::any(not_found))
}

async fn health() -> impl IntoResponse {
    axum::Json(serde_json::json!({ "status": "ok" }))
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI_JSON)
}

async fn not_found() -> ApiError {
    ApiError::NotFound
}
