//! The rewrite of rows stored before the server kept the validated request (schema version 2):
//! each old body, as received, goes through the domain's decision again, as of its own receipt
//! time, and is replaced by the normalised body with its review reasons. A body the rules no
//! longer take is left as it was, so nothing is lost.

use domain::wire::RequestBody;

/// The normalised body and the review reasons of a stored raw body, or `None` to leave it.
pub fn rewritten(raw: &str, received_at: i64) -> Option<(String, String)> {
    let body: RequestBody = serde_json::from_str(raw).ok()?;
    let ctx = domain::request::ValidationContext {
        is_listed: &|id| domain::catalogue::catalogue().get(id).is_some(),
        now_ms: u64::try_from(received_at).unwrap_or_default(),
    };
    let accepted = body.decide(&ctx).ok()?;
    Some((
        super::normalised_json(&accepted.body),
        accepted.reason_codes().join(","),
    ))
}

/// The schema version whose migration is followed by this rewrite.
pub const REWRITE_AT_VERSION: usize = 2;
