//! The one module that touches the device's storage. Every function tolerates storage being
//! unavailable (private modes, blocked third-party storage in an embed): it then does nothing.

const LOCALE_KEY: &str = "ct.locale";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language the user chose earlier on this device, if any.
pub fn stored_locale() -> Option<String> {
    local_storage()?.get_item(LOCALE_KEY).ok().flatten()
}

/// Remembers the user's language choice; a refused write is not an error the user can act on.
pub fn store_locale(tag: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LOCALE_KEY, tag);
    }
}
