//! Idempotency-Key with Stripe semantics: replay, reuse with another body, in flight, malformed.

use crate::support::*;
use axum::http::StatusCode;
use server::api::{InFlight, InFlightGuard};

#[tokio::test]
async fn same_key_same_body_replays_the_answer() {
    let h = harness().await;
    let body = valid_body(&key(1), 1);
    let first = send(&h.app, post_json(Some(&key(1)), &body)).await;
    assert_eq!(first.status, 201);
    // Same JSON, other key order and spacing: the canonical hash is the same.
    let reordered = serde_json::to_vec_pretty(&body).expect("json");
    let again = send(
        &h.app,
        post_raw(Some(&key(1)), "application/json", reordered),
    )
    .await;
    assert_eq!(again.status, 201);
    assert_eq!(again.header("idempotent-replayed"), "true");
    assert_eq!(again.body, first.body);
}

#[tokio::test]
async fn same_key_other_body_is_422() {
    let h = harness().await;
    assert_eq!(
        send(&h.app, post_json(Some(&key(1)), &valid_body(&key(1), 1)))
            .await
            .status,
        201
    );
    let mut other = valid_body(&key(1), 1);
    other["contact"]["best_time"] = "evening".into();
    let p = send(&h.app, post_json(Some(&key(1)), &other))
        .await
        .problem(422);
    assert_eq!(p["type"], "/problems/idempotency-key-reused");
}

#[tokio::test]
async fn missing_or_malformed_key_is_400() {
    let h = harness().await;
    let body = valid_body(&key(1), 1);
    let p = send(&h.app, post_json(None, &body)).await.problem(400);
    assert_eq!(p["type"], "/problems/idempotency-key-missing");
    for bad in [
        "",
        "abc",
        "not-a-uuid-at-all-0000000000000000",
        "0f8fad5b-d9cb-469f-a165-70867728950",
    ] {
        let p = send(&h.app, post_json(Some(bad), &body)).await.problem(400);
        assert_eq!(p["type"], "/problems/idempotency-key-malformed", "{bad:?}");
    }
}

#[tokio::test]
async fn quoted_structured_field_key_is_accepted() {
    let h = harness().await;
    let quoted = format!("\"{}\"", key(1));
    let a = send(&h.app, post_json(Some(&quoted), &valid_body(&key(1), 1))).await;
    assert_eq!(a.status, StatusCode::CREATED);
}

#[tokio::test]
async fn same_key_in_flight_is_409() {
    let h = harness().await;
    let in_flight: &InFlight = &h.state.in_flight;
    let _held = InFlightGuard::take(in_flight, &key(1)).expect("free key");
    let a = send(&h.app, post_json(Some(&key(1)), &valid_body(&key(1), 1))).await;
    a.problem(409);
    assert_eq!(a.header("retry-after"), "1");
}

#[tokio::test]
async fn concurrent_retries_store_once() {
    let h = harness().await;
    let created = post_at_once(&[&h.app], 16, &key(1), &valid_body(&key(1), 1)).await;
    assert!(created >= 1);
    assert_eq!(h.stored().await.len(), 1);
}
