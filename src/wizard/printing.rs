//! The confirmation page's "print this page": the browser's print dialogue. Rendered natively
//! (see `crate::IN_BROWSER`) it does nothing.

/// Opens the browser's print dialogue.
pub fn print() {
    if !crate::IN_BROWSER {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
