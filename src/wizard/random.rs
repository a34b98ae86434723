//! Random bytes from the browser's `crypto`, for the reference and the idempotency key. Rendered
//! natively (see `crate::IN_BROWSER`) there are none, as in a browser without `crypto`.

/// Fills `bytes` from `crypto.getRandomValues`; `false` when the browser offers no crypto.
pub fn random_bytes(bytes: &mut [u8]) -> bool {
    if !crate::IN_BROWSER {
        return false;
    }
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(bytes).is_ok())
}
