//! The one service-worker bridge: starts `src/outbox.js` (the worker's registration, the update
//! offer, the saved-copy note and the outbox's senders) and turns its reports into one signal.
//! The sending, the backoff and IndexedDB live in that JavaScript only, shared with the service
//! worker; this module must not send, retry or store requests itself.

use domain::wire::RequestBody;
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/outbox.js")]
extern "C" {
    #[wasm_bindgen(js_name = start)]
    fn js_start(on_report: &Closure<dyn Fn(String)>, register: bool);
    #[wasm_bindgen(js_name = queue)]
    fn js_queue(body: String, key: &str, reference: &str) -> js_sys::Promise;
    /// Lets the waiting service worker take over, then reloads the page.
    #[wasm_bindgen(js_name = applyUpdate)]
    pub fn apply_update();
    /// Sends an item that needed attention again.
    pub fn retry(reference: &str);
    /// Drops the item of a request the server has acknowledged.
    pub fn forget(reference: &str);
}

/// What the outbox module last reported.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct OfflineState {
    /// When the copy on show was saved (ms since the epoch), while offline or served from the cache.
    pub saved_at: Option<f64>,
    /// A new version waits for the reader's consent.
    pub update: bool,
    pub items: Vec<OutboxItem>,
    /// (our reference, the server's reference) of requests the server acknowledged.
    pub sent: Vec<(String, String)>,
}

/// A request saved on this device; no answers, only what the outbox view shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct OutboxItem {
    pub reference: String,
    /// The server refused it (400/422): it waits for the reader, with the server's words.
    pub attention: bool,
    pub detail: String,
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
    let on_report = Closure::<dyn Fn(String)>::new(move |json: String| {
        if let Ok(report) = serde_json::from_str::<OfflineState>(&json) {
            forget_sent_draft(&report);
            state.set(report);
        }
    });
    // Not inside a partner's frame: the worker would serve pages outside the frame's headers.
    let register = !location()
        .pathname()
        .is_ok_and(|path| path.starts_with("/embed/"));
    js_start(&on_report, register);
    on_report.forget();
    provide_context(state);
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
    let promise = js_queue(json, body.idempotency_key.as_str(), body.reference.as_str());
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .is_ok_and(|queued| queued.as_bool() == Some(true))
}
