//! The JSON API under `/api`: health, the intake endpoint, the OpenAPI document, and a
//! problem+json 404 for every other `/api/...` path. It never serves the app's files.

mod openapi;
mod requests;

pub use openapi::OPENAPI_JSON;
pub use requests::{InFlight, InFlightGuard};

use axum::Router;
use axum::http::header;
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
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
        .route_layer(from_fn_with_state(state.clone(), guard::rate_limit));
    Router::new()
        .route("/api/health", get(health))
        .route("/api/ready", get(ready))
        .route("/api/openapi.json", get(openapi))
        .merge(intake)
        .route("/api", axum::routing::any(not_found))
        .route("/api/", axum::routing::any(not_found))
        .route("/api/{*rest}", axum::routing::any(not_found))
}

async fn health() -> impl IntoResponse {
    axum::Json(serde_json::json!({ "status": "ok" }))
}

/// Readiness: 200 only when the database takes a write-path check, else 503 with Retry-After.
async fn ready(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    match state.store.ready().await {
        Ok(()) => axum::Json(serde_json::json!({ "status": "ready" })).into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready");
            ApiError::NotReady.into_response()
        }
    }
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI_JSON)
}

async fn not_found() -> ApiError {
    ApiError::NotFound
}
