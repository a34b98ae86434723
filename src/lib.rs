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
pub mod pages;
mod storage;
pub mod wizard;

pub use app::App;

/// The id of the element holding the article prerendered into index.html (see `prerender/`).
const PRERENDERED_ID: &str = "app-prerendered";

/// Mounts the app on `<body>`; the handle is forgotten because the app lives as long as the page.
/// The prerendered copy is removed in the same task, just before mounting, so the browser never
/// paints the page without one or the other and nothing moves.
pub fn start() {
    if let Some(prerendered) = leptos::prelude::document().get_element_by_id(PRERENDERED_ID) {
        prerendered.remove();
    }
    leptos::mount::mount_to_body(App);
}
