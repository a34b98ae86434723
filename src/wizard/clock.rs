//! The browser's clock, the one place the wizard reads the time. Rendered natively (at build
//! time, see `crate::IN_BROWSER`) it answers 0, as a page that never ran.

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now_ms() -> u64 {
    if !crate::IN_BROWSER {
        return 0;
    }
    js_sys::Date::now() as u64
}
