//! Turning the draft into the wire body: the whole draft validated, the reference and the
//! idempotency key made once (from `crypto.getRandomValues`) and kept in the saved draft, so a
//! retry after a reload or a failure sends the same key.

use domain::Locale;
use domain::request::{FieldError, Step, pointer_to_id};
use domain::wire::{Envelope, FieldProblem, IdempotencyKey, Reference, RequestBody};
use leptos::prelude::*;

use super::browser;
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
        reference,
        idempotency_key,
        locale,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        attribution: crate::embed::attribution(),
        honeypot: saved.honeypot,
        started_at: saved.started_at,
    };
    let mut body = RequestBody::new(&request, envelope);
    body.test = crate::embed::is_test_mode();
    Ok(body)
}

fn make_ids() -> (Reference, IdempotencyKey) {
    let mut bytes = [0u8; 21];
    if !browser::random_bytes(&mut bytes) {
        // No Web Crypto (very old browsers): the clock and Math.random still make a clash unlikely.
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (js_sys::Math::random() * 256.0) as u8 ^ (browser::now_ms() >> (i % 6 * 8)) as u8;
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
