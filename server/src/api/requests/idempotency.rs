//! The `Idempotency-Key` header (a UUID, bare or as a structured-field string) and the set of keys
//! whose first request is still being handled (answered 409). Durable replay lives in the store.

use axum::http::HeaderMap;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use crate::error::ApiError;

/// Keys being handled right now, in this process.
#[derive(Clone, Debug, Default)]
pub struct InFlight(Arc<Mutex<HashSet<String>>>);

/// Holds a key in [`InFlight`] until dropped (also when the request is cancelled or times out).
pub struct InFlightGuard {
    set: InFlight,
    key: String,
}

impl InFlightGuard {
    /// `None` when another request holds `key`.
    pub fn take(set: &InFlight, key: &str) -> Option<InFlightGuard> {
        let mut keys = set.0.lock().ok()?;
        keys.insert(key.to_owned()).then(|| InFlightGuard {
            set: set.clone(),
            key: key.to_owned(),
        })
    }
}

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        if let Ok(mut keys) = self.set.0.lock() {
            keys.remove(&self.key);
        }
    }
}

/// The normalised key from the request headers: 400 when missing, repeated or malformed.
pub fn key_from(headers: &HeaderMap) -> Result<String, ApiError> {
    let mut values = headers.get_all("idempotency-key").iter();
    let value = values.next().ok_or(ApiError::MissingIdempotencyKey)?;
    if values.next().is_some() {
        return Err(ApiError::MalformedIdempotencyKey);
    }
    let text = value
        .to_str()
        .map_err(|_| ApiError::MalformedIdempotencyKey)?
        .trim();
    let bare = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    domain::wire::IdempotencyKey::parse(bare)
        .map(|k| k.as_str().to_owned())
        .ok_or(ApiError::MalformedIdempotencyKey)
}
