//! Unicode normalisation of the answers typed, by the browser's own normaliser: the domain's NFC
//! is left out of the wasm to keep it small. Rendered natively (see `crate::IN_BROWSER`) the
//! text is kept as it is.

/// `text` in Unicode NFC, by the browser's `String.prototype.normalize`.
pub fn nfc(text: &str) -> String {
    if !crate::IN_BROWSER {
        return text.to_owned();
    }
    let js = js_sys::JsString::from(text);
    js.normalize("NFC")
        .as_string()
        .unwrap_or_else(|| text.to_owned())
}
