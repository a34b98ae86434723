//! Component tests in headless Chromium (wasm-bindgen-test): mount a piece of the app and check
//! what a user sees, by role and text, never by comparing whole HTML.
#![cfg(target_arch = "wasm32")]

use app::i18n::provide_i18n;
use app::pages::NotFoundPage;
use leptos::{mount::mount_to, prelude::*, task::tick};
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[component]
fn WithLanguage(children: Children) -> impl IntoView {
    provide_i18n();
    children()
}

/// Starts each test from the same place: no stored choice, the given address.
fn reset(url: &str) {
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

fn mount_fresh(view_fn: impl FnOnce() -> AnyView + 'static) -> (web_sys::HtmlElement, impl Drop) {
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

fn text_of(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn not_found_page_says_so_and_offers_ways_on() {
    reset("/missing");
    let (host, _handle) = mount_fresh(|| {
        view! { <Router><WithLanguage><NotFoundPage /></WithLanguage></Router> }.into_any()
    });
    tick().await;
    assert_eq!(text_of(&host, "h1"), "Page not found");
    let links = host.query_selector_all("a").expect("valid selector");
    assert_eq!(links.length(), 2, "a link home and a link to the finder");
}

#[wasm_bindgen_test]
async fn language_follows_the_url_and_sets_html_lang() {
    reset("/missing?lang=de");
    let (host, _handle) = mount_fresh(|| {
        view! { <Router><WithLanguage><NotFoundPage /></WithLanguage></Router> }.into_any()
    });
    tick().await;
    assert_eq!(text_of(&host, "h1"), "Seite nicht gefunden");
    let lang = document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"));
    assert_eq!(lang.as_deref(), Some("de"));
}
