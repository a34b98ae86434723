//! The treatment-request app: the cell-therapy article, the condition finder, the contact page
//! and the request wizard, as Leptos components. The same components are rendered natively at
//! build time into every page's HTML (`prerender/`, feature `ssr`) and run in the browser as
//! WebAssembly (feature `csr`), where `start` takes over the prerendered page. Rules and texts
//! come from the `domain` crate; this crate renders them and talks to the browser only through
//! its edge modules: `storage` (the device's storage and the language cookie), `api` (the one
//! HTTP request), `offline` (the service worker and the outbox, in `outbox.js` and
//! `offline_page.js`), `embed` (a partner's page around the iframe), and the router for the
//! address bar.

#![recursion_limit = "256"]

mod api;
mod app;
pub mod article;
pub mod components;
pub mod embed;
pub mod finder;
pub mod i18n;
pub mod offline;
pub mod pages;
mod storage;
mod takeover;
pub mod wizard;

pub use app::{App, prerendered_paths};

/// True in the browser build; false when the components are rendered natively (the build-time
/// renderer in `prerender/`, native unit tests), where the edge modules read and write nothing.
pub(crate) const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// The id of the element holding the page prerendered into its HTML (see `prerender/`).
const PRERENDERED_ID: &str = "app-prerendered";

/// Mounts the app on `<body>`; the handle is forgotten because the app lives as long as the page.
///
/// Every page's HTML holds that page as the app renders it (see `prerender/`). The app first lets
/// the browser paint and report that copy (see `article::after_first_paint`), then removes it,
/// with the `<head>` elements it brought, in the same task as it mounts, so no frame shows
/// neither and nothing moves; focus inside the copy moves to the same element of the app's, and
/// what the reader already chose or typed there is carried over.
pub fn start() {
    use leptos::prelude::document;
    if document().get_element_by_id(PRERENDERED_ID).is_some() {
        article::after_first_paint(take_over);
    } else {
        take_over();
    }
}

/// What a reader can focus in the page: the copy and the app render the same ones, in the same
/// order (the end-to-end test compares their elements).
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

fn take_over() {
    use leptos::prelude::document;
    // The copy works without the app (links, the skip link, the form's fields): a reader may
    // have moved focus into it or answered, and the same element of the app's copy gets both.
    let prerendered = document().get_element_by_id(PRERENDERED_ID);
    let focused = prerendered.as_ref().and_then(focused_in);
    let answers = prerendered
        .as_ref()
        .map(takeover::answers_in)
        .unwrap_or_default();
    if let Some(prerendered) = prerendered {
        prerendered.remove();
        takeover::remove_prerendered_head();
    }
    leptos::mount::mount_to_body(App);
    if answers.is_empty() && focused.is_none() {
        return;
    }
    // After the tasks the mount queued (the router renders the page's fields in one of them),
    // before the next frame is painted.
    leptos::prelude::request_animation_frame(move || {
        takeover::answer_again(&answers);
        if let Some((index, tag)) = focused {
            focus_again(index, &tag);
        }
    });
}

/// The position among the focusable elements of `copy`, and the tag, of the focused element.
fn focused_in(copy: &web_sys::Element) -> Option<(u32, String)> {
    let active = leptos::prelude::document().active_element()?;
    let list = copy.query_selector_all(FOCUSABLE).ok()?;
    let index = (0..list.length()).find(|&i| list.item(i).as_ref() == Some(active.as_ref()))?;
    Some((index, active.tag_name()))
}

/// Focuses the `index`th focusable element of the page, if it is a `tag` like the copy's.
fn focus_again(index: u32, tag: &str) {
    use wasm_bindgen::JsCast;
    let Some(element) = leptos::prelude::document()
        .body()
        .and_then(|body| body.query_selector_all(FOCUSABLE).ok())
        .and_then(|list| list.item(index))
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|element| element.tag_name() == tag)
    else {
        return;
    };
    // `focus({ preventScroll: true })`: web-sys's FocusOptions is not worth a feature here.
    let options = js_sys::Object::new();
    let focus = js_sys::Reflect::set(&options, &"preventScroll".into(), &true.into())
        .and_then(|_| js_sys::Reflect::get(&element, &"focus".into()))
        .and_then(|focus| focus.dyn_into::<js_sys::Function>());
    if let Ok(focus) = focus {
        let _ = focus.call1(&element, &options);
    }
}
