//! The one module that touches the device's storage. Every function tolerates storage being
//! unavailable (private modes, blocked third-party storage in an embed): it then does nothing.
//! Rendered natively at build time (`prerender/`) there is no device: nothing is stored or read,
//! so every page renders as a first visit would.

const LOCALE_KEY: &str = "ct.locale";

fn local_storage() -> Option<web_sys::Storage> {
    if !crate::IN_BROWSER {
        return None;
    }
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
    remember_locale_for_server(tag);
}

/// The cookie the server reads to send the reader's language from the first byte on the next
/// visit (`lang=de`); a year, the whole site, never sent to another site.
fn remember_locale_for_server(tag: &str) {
    let Some(document) = web_sys::window()
        .filter(|_| crate::IN_BROWSER)
        .and_then(|w| w.document())
    else {
        return;
    };
    let cookie = format!("lang={tag}; Path=/; Max-Age=31536000; SameSite=Lax");
    let _ = js_sys::Reflect::set(&document, &"cookie".into(), &cookie.into());
}

/// The draft's key; the number changes when the saved shape stops being readable.
const DRAFT_KEY: &str = "ct.draft.v1";
/// The reference of the last request the server acknowledged, for the confirmation page.
const SENT_KEY: &str = "ct.sent.v1";

/// The draft saved on this device, if any and readable.
pub fn load_draft() -> Option<crate::wizard::SavedDraft> {
    let json = local_storage()?.get_item(DRAFT_KEY).ok().flatten()?;
    serde_json::from_str(&json).ok()
}

/// Saves the draft; a refused write (quota, private mode) leaves the form working without it.
pub fn save_draft(saved: &crate::wizard::SavedDraft) {
    let (Some(storage), Ok(json)) = (local_storage(), serde_json::to_string(saved)) else {
        return;
    };
    let _ = storage.set_item(DRAFT_KEY, &json);
}

/// Forgets the draft: only after the server acknowledged the request.
pub fn clear_draft() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(DRAFT_KEY);
    }
}

std::thread_local! {
    /// The reference just acknowledged, for when the device refuses storage (a blocked
    /// third-party frame): the confirmation page still shows it while the page is open.
    static SENT_IN_MEMORY: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Remembers the reference of the request just acknowledged (no personal data).
pub fn store_sent_reference(reference: &str) {
    SENT_IN_MEMORY.with(|sent| *sent.borrow_mut() = Some(reference.to_owned()));
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(SENT_KEY, reference);
    }
}

/// The reference of the last acknowledged request, if any.
pub fn sent_reference() -> Option<String> {
    SENT_IN_MEMORY
        .with(|sent| sent.borrow().clone())
        .or_else(|| local_storage()?.get_item(SENT_KEY).ok().flatten())
}

/// Set while the reader has removed the site's saved copy for reading offline.
const OFFLINE_COPY_KEY: &str = "ct.offline-copy.v1";

/// Whether the reader removed the saved copy (and has not saved it again since).
pub fn offline_copy_removed() -> bool {
    local_storage()
        .and_then(|s| s.get_item(OFFLINE_COPY_KEY).ok().flatten())
        .is_some_and(|v| v == "removed")
}

/// Remembers that the reader removed the saved copy, or saved it again.
pub fn remember_offline_copy_removed(removed: bool) {
    if let Some(storage) = local_storage() {
        let _ = if removed {
            storage.set_item(OFFLINE_COPY_KEY, "removed")
        } else {
            storage.remove_item(OFFLINE_COPY_KEY)
        };
    }
}

/// Whether this document may keep anything on the device; false when the browser refuses
/// storage (private modes, a partner's frame with third-party storage blocked).
pub fn is_available() -> bool {
    const PROBE: &str = "ct.probe";
    // At build time a page is rendered as for a device that keeps its answers (the usual case).
    if !crate::IN_BROWSER {
        return true;
    }
    local_storage().is_some_and(|s| s.set_item(PROBE, "1").is_ok() && s.remove_item(PROBE).is_ok())
}

/// Forgets the last acknowledged reference (the reader deleted their answers from this device).
pub fn forget_sent_reference() {
    SENT_IN_MEMORY.with(|sent| *sent.borrow_mut() = None);
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(SENT_KEY);
    }
}
