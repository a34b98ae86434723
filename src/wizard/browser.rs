//! The few browser calls the wizard needs beyond storage and HTTP: the clock, random bytes,
//! Unicode normalisation, the time zone, focus and printing. Each tolerates a missing API, and
//! rendered natively (at build time, see `crate::IN_BROWSER`) each answers as a browser that
//! has none would.

use wasm_bindgen::JsCast;

pub use crate::components::focus;

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now_ms() -> u64 {
    if !crate::IN_BROWSER {
        return 0;
    }
    js_sys::Date::now() as u64
}

/// Fills `bytes` from `crypto.getRandomValues`; `false` when the browser offers no crypto.
pub fn random_bytes(bytes: &mut [u8]) -> bool {
    if !crate::IN_BROWSER {
        return false;
    }
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(bytes).is_ok())
}

/// `text` in Unicode NFC, by the browser's `String.prototype.normalize` (the domain's own NFC is
/// left out of the wasm to keep it small).
pub fn nfc(text: &str) -> String {
    if !crate::IN_BROWSER {
        return text.to_owned();
    }
    let js = js_sys::JsString::from(text);
    js.normalize("NFC")
        .as_string()
        .unwrap_or_else(|| text.to_owned())
}

/// The IANA time zone the browser is set to, e.g. `Europe/Berlin`.
pub fn time_zone() -> Option<String> {
    if !crate::IN_BROWSER {
        return None;
    }
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    let options = format.resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()?
        .as_string()
}

/// Moves focus to the element with `id` once it is on the page (after the next frame).
pub fn focus_later(id: &'static str) {
    leptos::prelude::request_animation_frame(move || focus(id));
}

/// Opens the browser's print dialogue.
pub fn print() {
    if !crate::IN_BROWSER {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The IANA time zones the browser knows (`Intl.supportedValuesOf('timeZone')`); empty where
/// the browser lacks that call (the field then offers the device's zone only).
pub fn time_zones() -> Vec<String> {
    if !crate::IN_BROWSER {
        return Vec::new();
    }
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok();
    let call = intl.as_ref().and_then(|intl| {
        js_sys::Reflect::get(intl, &"supportedValuesOf".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    let (Some(intl), Some(call)) = (intl, call) else {
        return Vec::new();
    };
    call.call1(&intl, &"timeZone".into())
        .ok()
        .and_then(|list| list.dyn_into::<js_sys::Array>().ok())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default()
}
