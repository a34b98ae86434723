//! The treatment-request app: a Leptos client-side app for the cell-therapy article, the condition
//! finder and the request wizard. Rules and texts come from the `domain` crate; this crate only
//! renders them and talks to the browser (storage in `storage`, the address bar through the router).

mod api;
mod app;
pub mod components;
pub mod finder;
pub mod finder;
pub mod i18n;
pub mod pages;
mod storage;
pub mod wizard;

pub use app::App;

/// Mounts the app on `<body>`; the handle is forgotten because the app lives as long as the page.
pub fn start() {
    leptos::mount::mount_to_body(App);
}
