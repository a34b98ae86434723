//! The partner test mode of `POST /api/requests`: a body with `"test": true` passes the same
//! guards, the same extractor and the same domain decision as a real one (`crate::api`) and, when
//! accepted, is answered 201 with a test reference (`CT-TEST` and the last four characters of the
//! client's reference). Nothing is stored, nothing is logged.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::wire::{Accepted, Created, Reference};

use crate::store::now_ms;

/// The reference a test request gets: never one the store could hold for a real request,
/// because real requests are never answered from here and test ones are never stored.
pub fn test_reference(client: &Reference) -> Reference {
    let code = client.as_str();
    let tail = &code[code.len().saturating_sub(4)..];
    Reference::parse(&format!("{}TEST{tail}", Reference::PREFIX)).unwrap_or_else(|| client.clone())
}

/// The 201 for an accepted test body: a test reference and the receipt time; nothing stored,
/// nothing logged.
pub fn test_answer(accepted: &Accepted) -> Response {
    let created = Created {
        reference: test_reference(&accepted.body.reference),
        received_at: u64::try_from(now_ms()).unwrap_or_default(),
    };
    (StatusCode::CREATED, Json(created)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_references_keep_the_shape() {
        let client = Reference::parse("CT-7K3M9Q2X").expect("reference");
        assert_eq!(test_reference(&client).as_str(), "CT-TEST9Q2X");
    }
}
