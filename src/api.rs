//! The one module that does HTTP: `POST /api/requests` with the wire body and its
//! `Idempotency-Key`. Every answer is mapped once into `Created` or a [`SubmitError`]; the words
//! for the user live with the wizard, not here.

use domain::wire::{Created, FieldProblem, Problem, REQUESTS_PATH, RequestBody};
use gloo_net::http::Request;

/// Why a request was not acknowledged. Only a 2xx is success.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubmitError {
    /// No answer at all: offline, DNS, connection refused, CORS.
    Offline,
    /// 422 (or another 4xx): the server refused answers; each problem names its field.
    Rejected(Vec<FieldProblem>),
    /// 409: the same key is still being processed.
    InProgress,
    /// 429: wait this many seconds (from `Retry-After`, when given).
    TooMany(Option<u32>),
    /// 5xx or an answer we cannot read.
    Server,
}

impl SubmitError {
    /// Whether the same request may succeed later unchanged (the outbox keeps it then).
    pub fn retries_later(&self) -> bool {
        !matches!(self, SubmitError::Rejected(_))
    }
}

/// Sends the request once. The caller keeps the body (and so its key) for any retry. A browser
/// that knows it is offline is not asked to try.
pub async fn submit(body: &RequestBody) -> Result<Created, SubmitError> {
    if !leptos::prelude::window().navigator().on_line() {
        return Err(SubmitError::Offline);
    }
    let request = Request::post(REQUESTS_PATH)
        .header("Idempotency-Key", body.idempotency_key.as_str())
        .header("Accept", "application/json, application/problem+json")
        .json(body)
        .map_err(|_| SubmitError::Server)?;
    let response = request.send().await.map_err(|_| SubmitError::Offline)?;
    let status = response.status();
    match status {
        200..=299 => Ok(response
            .json::<Created>()
            .await
            .unwrap_or_else(|_| Created {
                // Acknowledged even if the answer's body is unreadable: the reference is ours.
                reference: body.reference.clone(),
                received_at: 0,
            })),
        409 => Err(SubmitError::InProgress),
        429 => Err(SubmitError::TooMany(
            response
                .headers()
                .get("Retry-After")
                .and_then(|v| v.trim().parse().ok()),
        )),
        400..=499 => {
            let problems = response
                .json::<Problem>()
                .await
                .map(|p| p.errors)
                .unwrap_or_default();
            Err(SubmitError::Rejected(problems))
        }
        _ => Err(SubmitError::Server),
    }
}
