//! The time zones the browser knows: the device's own and the list the contact page offers.
//! Each tolerates a browser without the call, and rendered natively (see `crate::IN_BROWSER`)
//! each answers as such a browser would: no zone, no list.

use wasm_bindgen::JsCast;

/// The IANA time zone the browser is set to, e.g. `Europe/Berlin`.
pub fn device_time_zone() -> Option<String> {
    if !crate::IN_BROWSER {
        return None;
    }
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    let options = format.resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()?
        .as_string()
}

/// The IANA time zones the browser knows (`Intl.supportedValuesOf('timeZone')`); empty where
/// the browser lacks that call (the field then offers the device's zone only).
pub fn supported_time_zones() -> Vec<String> {
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
