//! The messages the frame posts to the partner's page: a versioned type, the event's name and
//! its few fields, nothing else. Posted only to the parent's exact origin, never to `'*'`.
//!
//! The parent's origin comes from `location.ancestorOrigins` (Chromium, Safari) or else from
//! `document.referrer`. Either is safe to use as the target: the server's `frame-ancestors` for
//! this partner only lets the browser render the frame inside an allowed origin, and the browser
//! delivers a message only when the target origin is the parent's real one, so a wrong or forged
//! value means a lost message, never one read by someone else. The frame listens to no messages.

use serde_json::{Value, json};
use wasm_bindgen::JsCast;

/// The `type` of every message; a new shape gets a new version.
pub const MESSAGE_TYPE: &str = "ct-embed/v1";

/// The eligibility outcome as the partner sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Eligibility {
    Continue,
    NotNow,
}

/// One event for the partner's page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmbedEvent {
    Ready,
    Step {
        step: &'static str,
        number: Option<u8>,
    },
    Eligibility(Eligibility),
    /// The reference only: the request's content never leaves the frame.
    Submitted {
        reference: String,
        test: bool,
    },
    Height(u32),
}

impl EmbedEvent {
    /// The message as the loader's schema expects it.
    pub fn to_json(&self) -> Value {
        let (event, mut fields) = match self {
            EmbedEvent::Ready => ("ready", json!({})),
            EmbedEvent::Step { step, number } => {
                ("step", json!({ "step": step, "number": number }))
            }
            EmbedEvent::Eligibility(outcome) => (
                "eligibility",
                json!({ "outcome": match outcome {
                    Eligibility::Continue => "continue",
                    Eligibility::NotNow => "not-now",
                } }),
            ),
            EmbedEvent::Submitted { reference, test } => {
                ("submitted", json!({ "reference": reference, "test": test }))
            }
            EmbedEvent::Height(height) => ("height", json!({ "height": height })),
        };
        fields["type"] = MESSAGE_TYPE.into();
        fields["event"] = event.into();
        fields
    }
}

/// The origin of the page this document is framed by, or `None` when it is not framed.
pub fn parent_origin() -> Option<String> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    if js_sys::Object::is(&parent, &window) {
        return None;
    }
    // `location.ancestorOrigins` is not in web-sys (Firefox lacks it): read it by name.
    let from_ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into())
        .ok()
        .filter(|list| !list.is_undefined())
        .and_then(|list| js_sys::Reflect::get(&list, &0.into()).ok())
        .and_then(|first| first.as_string());
    let origin = from_ancestors.or_else(|| {
        let referrer = window.document()?.referrer();
        web_sys::Url::new(&referrer).ok().map(|url| url.origin())
    })?;
    (origin.starts_with("https://") || origin.starts_with("http://")).then_some(origin)
}

/// Posts `event` to the parent page, when there is one with a known origin.
pub fn post(event: &EmbedEvent) {
    let Some(origin) = parent_origin() else {
        return;
    };
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let Ok(message) = js_sys::JSON::parse(&event.to_json().to_string()) else {
        return;
    };
    let _ = parent
        .unchecked_ref::<web_sys::Window>()
        .post_message(&message, &origin);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(event: EmbedEvent, expect: Value) {
        assert_eq!(event.to_json(), expect);
    }

    #[test]
    fn messages_carry_their_fields_only() {
        let t = MESSAGE_TYPE;
        check(EmbedEvent::Ready, json!({"type": t, "event": "ready"}));
        check(
            EmbedEvent::Step {
                step: "who-for",
                number: Some(1),
            },
            json!({"type": t, "event": "step", "step": "who-for", "number": 1}),
        );
        check(
            EmbedEvent::Step {
                step: "not-now",
                number: None,
            },
            json!({"type": t, "event": "step", "step": "not-now", "number": null}),
        );
        check(
            EmbedEvent::Eligibility(Eligibility::NotNow),
            json!({"type": t, "event": "eligibility", "outcome": "not-now"}),
        );
        check(
            EmbedEvent::Submitted {
                reference: "CT-7K3M9Q2X".into(),
                test: true,
            },
            json!({"type": t, "event": "submitted", "reference": "CT-7K3M9Q2X", "test": true}),
        );
        check(
            EmbedEvent::Height(812),
            json!({"type": t, "event": "height", "height": 812}),
        );
    }
}
