//! Turning the draft into the wire body: the whole draft validated, the reference and the
//! idempotency key made once (from `crypto.getRandomValues`) and kept in the saved draft, so a
//! retry after a reload or a failure sends the same key. A changed body (the reader fixed what
//! the server refused, or changed the language) gets a new key with the same reference: the
//! server refuses a key reused with another body (IETF Idempotency-Key draft), and the reference,
//! unique on the server, still stops a second copy of a request it has already stored.

use domain::Locale;
use domain::request::{FieldError, Step, pointer_to_id};
use domain::wire::{Envelope, FieldProblem, IdempotencyKey, Reference, RequestBody};
use leptos::prelude::*;

use super::clock::now_ms;
use super::random::random_bytes;
use super::state::{ErrorText, ShownError, WizardState, with_ctx};

/// The body to send, or the draft's errors (which the check page sends back to their step).
pub fn prepare(state: WizardState, locale: Locale) -> Result<RequestBody, Vec<FieldError>> {
    let request = state
        .saved
        .with_untracked(|s| with_ctx(|ctx| s.draft.validate(ctx)))?;
    if state.saved.with_untracked(|s| s.ids.is_none()) {
        let ids = make_ids();
        state.saved.update(|s| s.ids = Some(ids));
    }
    let saved = state.saved.get_untracked();
    let (reference, idempotency_key) = saved.ids.unwrap_or_else(make_ids);
    let envelope = Envelope {
        reference: reference.clone(),
        idempotency_key,
        locale,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        attribution: crate::embed::attribution(),
        honeypot: saved.honeypot,
        started_at: saved.started_at,
    };
    let mut body = RequestBody::new(&request, envelope);
    body.test = crate::embed::is_test_mode();
    let print = fingerprint(&body);
    if needs_new_key(saved.keyed_body, print) {
        body.idempotency_key = make_ids().1;
    }
    let print = fingerprint(&body);
    if saved.keyed_body != Some(print) {
        let key = body.idempotency_key.clone();
        state.saved.update(|s| {
            s.ids = Some((reference, key));
            s.keyed_body = Some(print);
        });
    }
    Ok(body)
}

/// Whether the body about to be sent differs from the one its key was last sent with (the body
/// carries the key, so both fingerprints are of bodies with the same key).
fn needs_new_key(keyed_body: Option<u64>, body: u64) -> bool {
    keyed_body.is_some_and(|before| before != body)
}

/// FNV-1a over the body's JSON, as sent: enough to tell a changed body from the same one.
fn fingerprint(body: &RequestBody) -> u64 {
    let json = serde_json::to_string(body).unwrap_or_default();
    fnv1a(json.as_bytes())
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn make_ids() -> (Reference, IdempotencyKey) {
    let mut bytes = [0u8; 21];
    if !random_bytes(&mut bytes) {
        // No Web Crypto (very old browsers): the clock and Math.random still make a clash unlikely.
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (js_sys::Math::random() * 256.0) as u8 ^ (now_ms() >> (i % 6 * 8)) as u8;
        }
    }
    let mut reference = [0u8; 5];
    let mut key = [0u8; 16];
    reference.copy_from_slice(&bytes[..5]);
    key.copy_from_slice(&bytes[5..]);
    (
        Reference::from_random(reference),
        IdempotencyKey::from_random(key),
    )
}

/// A 422's field problems as errors on the step they belong to (the first one's step); `None`
/// when no pointer names a step of the wizard.
pub fn problems_to_step(problems: &[FieldProblem]) -> Option<(Step, Vec<ShownError>)> {
    let step = problems
        .iter()
        .find_map(|p| Step::for_pointer(&p.pointer))?;
    let shown = problems
        .iter()
        .filter(|p| Step::for_pointer(&p.pointer) == Some(step))
        .map(|p| {
            let id = pointer_to_id(&p.pointer);
            ShownError {
                field_id: if id == "condition-catalogue" {
                    "condition".to_owned()
                } else {
                    id
                },
                text: ErrorText::Server(p.detail.clone()),
            }
        })
        .collect();
    Some((step, shown))
}

/// The draft's own errors as errors on the first step that has any.
pub fn errors_to_step(errors: &[FieldError]) -> Option<(Step, Vec<ShownError>)> {
    let step = errors.iter().find_map(|e| Step::for_pointer(e.pointer))?;
    let shown = errors
        .iter()
        .filter(|e| Step::for_pointer(e.pointer) == Some(step))
        .map(ShownError::from)
        .collect();
    Some((step, shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_made_again_only_for_a_changed_body() {
        let (a, b) = (
            fnv1a(br#"{"email":"a@example.com"}"#),
            fnv1a(br#"{"email":"b@example.com"}"#),
        );
        assert_ne!(a, b);
        assert!(!needs_new_key(None, a), "never sent: the key made for it");
        assert!(
            !needs_new_key(Some(a), a),
            "the same body again: the same key"
        );
        assert!(needs_new_key(Some(a), b), "a changed body: a new key");
    }

    #[test]
    fn fnv1a_matches_its_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
