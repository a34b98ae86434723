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
/// mounts, so no frame shows neither and nothing moves.
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

fn take_over() {
    if let Some(prerendered) = leptos::prelude::document().get_element_by_id(PRERENDERED_ID) {
        prerendered.remove();
    }
    leptos::mount::mount_to_body(App);
}
