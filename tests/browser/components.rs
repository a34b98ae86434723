//! Component tests in headless Chromium (wasm-bindgen-test): mount a piece of the app and check
//! what a user sees, by role and text, never by comparing whole HTML.
use crate::support::{WithLanguage, mount, reset, text_of};
use app::pages::NotFoundPage;
use leptos::{prelude::*, task::tick};
use leptos_router::components::Router;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn not_found_page_says_so_and_offers_ways_on() {
    reset("/missing");
    let (host, _handle) = mount(|| {
        view! {
            <Router>
                <WithLanguage>
                    <NotFoundPage />
                </WithLanguage>
            </Router>
        }
        .into_any()
    });
    tick().await;
    assert_eq!(text_of(&host, "h1"), "Page not found");
    let links = host.query_selector_all("a").expect("valid selector");
    assert_eq!(links.length(), 2, "a link home and a link to the finder");
}

#[wasm_bindgen_test]
async fn language_follows_the_url_and_sets_html_lang() {
    reset("/missing?lang=de");
    let (host, _handle) = mount(|| {
        view! {
            <Router>
                <WithLanguage>
                    <NotFoundPage />
                </WithLanguage>
            </Router>
        }
        .into_any()
    });
    tick().await;
    assert_eq!(text_of(&host, "h1"), "Seite nicht gefunden");
    let lang = document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"));
    assert_eq!(lang.as_deref(), Some("de"));
}
