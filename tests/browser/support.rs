//! What every component test needs: a clean start (no storage, a given address), a mount inside
//! a fresh element, the language context, a wait for effects and frames, and lookups by selector.

use app::i18n::provide_i18n;
use leptos::{mount::mount_to, prelude::*, task::tick};
use wasm_bindgen::JsCast;

/// Provides the language context and the navigation watch the way `App` does, for components
/// mounted on their own.
#[component]
pub fn WithLanguage(children: Children) -> impl IntoView {
    provide_i18n();
    app::components::watch_navigation();
    children()
}

/// Starts a test from the same place: nothing stored on the device, the given address.
pub fn reset(url: &str) {
    let window = web_sys::window().expect("a window");
    if let Ok(Some(storage)) = window.local_storage() {
        storage.clear().expect("storage can be cleared");
    }
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .expect("replaceState");
}

/// Mounts a view in a new element of the page; the view lives as long as the returned handle.
pub fn mount(view_fn: impl FnOnce() -> AnyView + 'static) -> (web_sys::HtmlElement, impl Drop) {
    let document = document();
    let host: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div can be created")
        .unchecked_into();
    document
        .body()
        .expect("the test page has a body")
        .append_child(&host)
        .expect("append");
    let handle = mount_to(host.clone(), view_fn);
    (host, handle)
}

/// Lets effects, navigation and animation-frame work (focus moves) run.
pub async fn settle() {
    for _ in 0..3 {
        tick().await;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .expect("window")
                .request_animation_frame(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

pub fn find(host: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::HtmlElement> {
    host.query_selector(selector)
        .expect("valid selector")
        .map(|e| e.unchecked_into())
}

pub fn text_of(host: &web_sys::HtmlElement, selector: &str) -> String {
    find(host, selector)
        .unwrap_or_else(|| panic!("no element matches {selector} in {}", host.inner_html()))
        .text_content()
        .unwrap_or_default()
}
