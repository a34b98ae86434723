//! The treatment-request app: a Leptos client-side app for the cell-therapy article, the condition
//! finder and the request wizard. Rules and texts come from the `domain` crate; this crate only
//! renders them and talks to the browser (storage in `storage`, the address bar through the router).

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
pub mod wizard;

pub use app::App;

/// The id of the element holding the article prerendered into index.html (see `prerender/`).
const PRERENDERED_ID: &str = "app-prerendered";

/// Mounts the app on `<body>`; the handle is forgotten because the app lives as long as the page.
///
/// When index.html holds the prerendered article, the app first lets the browser paint and
/// report that copy (see `article::after_first_paint`), then removes it in the same task as it
/// mounts, so no frame shows neither and nothing moves; focus inside the copy moves to the same
/// element of the app's.
pub fn start() {
    use leptos::prelude::{document, location};
    let shown = document().get_element_by_id(PRERENDERED_ID).is_some()
        && location().pathname().is_ok_and(|path| path == "/");
    if shown {
        article::after_first_paint(take_over);
    } else {
        // Elsewhere the copy is hidden (see style/components/article.css): nothing to wait for.
        take_over();
    }
}

/// What a reader can focus in the page: the copy and the app render the same ones, in the same
/// order (the end-to-end test compares their elements).
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

fn take_over() {
    use leptos::prelude::document;
    // The copy works without the app (links, the skip link): a reader may have moved focus into
    // it, and the same element of the app's copy gets it back, without scrolling.
    let prerendered = document().get_element_by_id(PRERENDERED_ID);
    let focused = prerendered.as_ref().and_then(focused_in);
    if let Some(prerendered) = prerendered {
        prerendered.remove();
    }
    leptos::mount::mount_to_body(App);
    if let Some((index, tag)) = focused {
        // After the tasks the mount queued, before the next frame is painted.
        leptos::prelude::request_animation_frame(move || focus_again(index, &tag));
    }
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
