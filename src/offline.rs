//! The one service-worker bridge: starts `src/offline_page.js` (the worker's registration, the
//! update offer, the saved copy and the outbox's senders) and turns its reports into one signal.
//! The sending, the backoff and IndexedDB live in `src/outbox.js` only, shared with the service
//! worker; this module must not send, retry or store requests itself.

use domain::wire::{FieldProblem, RequestBody};
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/offline_page.js")]
extern "C" {
    #[wasm_bindgen(js_name = start)]
    fn js_start(on_report: &Closure<dyn Fn(String)>, worker: bool, register: bool);
    /// Lets the waiting service worker take over, then reloads the page.
    #[wasm_bindgen(js_name = applyUpdate)]
    pub fn apply_update();
    #[wasm_bindgen(js_name = saveCopy)]
    fn js_save_copy() -> js_sys::Promise;
    #[wasm_bindgen(js_name = removeCopy)]
    fn js_remove_copy() -> js_sys::Promise;
}

#[wasm_bindgen(module = "/src/outbox.js")]
extern "C" {
    #[wasm_bindgen(js_name = queue)]
    fn js_queue(body: String, key: &str, reference: &str) -> js_sys::Promise;
    /// Sends an item that needed attention again.
    pub fn retry(reference: &str);
    /// The server acknowledged the request `reference` (as `server`) through the wizard itself:
    /// its item, if any, leaves the outbox as sent.
    pub fn forget(reference: &str, server: &str);
    #[wasm_bindgen(js_name = discard)]
    fn js_discard(reference: &str) -> js_sys::Promise;
}

/// What the outbox module last reported.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct OfflineState {
    /// The outbox module has reported at least once (before, `items` and `sent` are unknown).
    pub ready: bool,
    /// When the copy on show was saved (ms since the epoch), while offline or served from the cache.
    pub saved_at: Option<f64>,
    /// Whether the site is saved on this device for reading offline.
    pub copy: SavedCopy,
    /// When the saved copy was made (ms since the epoch), while `copy` is `Saved`.
    pub copy_saved_at: Option<f64>,
    /// A new version waits for the reader's consent.
    pub update: bool,
    pub items: Vec<OutboxItem>,
    /// (our reference, the server's reference) of requests the server acknowledged.
    pub sent: Vec<(String, String)>,
}

/// The site's copy for reading offline (the service worker and its caches).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SavedCopy {
    /// No service worker here (a partner's frame, an old browser): nothing to show.
    #[default]
    Unsupported,
    /// Being saved (the worker installs and fills its cache).
    Saving,
    Saved,
    /// Not saved: never, removed by the reader, or cleared by the browser.
    Absent,
}

/// A request saved on this device; no answers, only what the outbox view shows.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct OutboxItem {
    pub reference: String,
    /// When it was saved on this device (ms since the epoch).
    pub queued_at: f64,
    /// The server refused it (400/422): it waits for the reader, with the server's words.
    pub attention: bool,
    pub detail: String,
    /// The server's problems by field, so "Change your answers" can open the step concerned.
    pub errors: Vec<FieldProblem>,
    /// Waiting for more than 7 days.
    pub old: bool,
}

impl OfflineState {
    /// The server's reference for a request sent from the outbox.
    pub fn sent_as(&self, reference: &str) -> Option<&str> {
        self.sent
            .iter()
            .find(|(ours, _)| ours == reference)
            .map(|(_, server)| server.as_str())
    }
}

/// Starts the outbox module and provides its reports; call once, at the top of the app.
pub fn provide_offline() -> RwSignal<OfflineState> {
    let state = RwSignal::new(OfflineState::default());
    provide_context(state);
    if !crate::IN_BROWSER {
        return state;
    }
    let on_report = Closure::<dyn Fn(String)>::new(move |json: String| {
        if let Ok(report) = serde_json::from_str::<OfflineState>(&json) {
            forget_sent_draft(&report);
            state.set(report);
        }
    });
    // Not inside a partner's frame: the worker would serve pages outside the frame's headers.
    let worker = !location()
        .pathname()
        .is_ok_and(|path| path.starts_with("/embed/"));
    // Not registered again once the reader removed the saved copy, until they save it again.
    js_start(&on_report, worker, !crate::storage::offline_copy_removed());
    on_report.forget();
    state
}

/// Once the outbox has sent the request the saved draft belongs to, the answers leave the device
/// and the server's reference is what the confirmation shows.
fn forget_sent_draft(report: &OfflineState) {
    let Some((reference, _)) = crate::storage::load_draft().and_then(|saved| saved.ids) else {
        return;
    };
    if let Some(server) = report.sent_as(reference.as_str()) {
        crate::storage::store_sent_reference(server);
        crate::storage::clear_draft();
    }
}

/// The outbox's last report, provided by [`provide_offline`]; an empty one for components
/// mounted without the app (component tests), which then show no offline state.
pub fn use_offline() -> RwSignal<OfflineState> {
    use_context().unwrap_or_else(|| RwSignal::new(OfflineState::default()))
}

/// Keeps the request to send later; false when the device keeps nothing (storage refused).
pub async fn queue(body: &RequestBody) -> bool {
    let Ok(json) = serde_json::to_string(body) else {
        return false;
    };
    resolves_true(js_queue(
        json,
        body.idempotency_key.as_str(),
        body.reference.as_str(),
    ))
    .await
}

/// Saves the site on this device for reading offline (the reader asked; storage persistence is
/// requested too); true once saved.
pub async fn save_copy() -> bool {
    crate::storage::remember_offline_copy_removed(false);
    resolves_true(js_save_copy()).await
}

/// Removes the saved copy (the service worker and its caches; the outbox stays) and remembers
/// the choice, so the next visit does not save it again; true when removed.
pub async fn remove_copy() -> bool {
    crate::storage::remember_offline_copy_removed(true);
    resolves_true(js_remove_copy()).await
}

/// Deletes an item that needs attention, unsent; true when it is gone.
pub async fn discard(reference: &str) -> bool {
    resolves_true(js_discard(reference)).await
}

async fn resolves_true(promise: js_sys::Promise) -> bool {
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .is_ok_and(|done| done.as_bool() == Some(true))
}
