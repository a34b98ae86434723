//! The partner embed (`/embed/request` in a partner's iframe): the one module that talks to the
//! parent window. It reads and checks the frame's parameters (`params`), makes the partner's
//! colour accessible (`theme`), decides which events a page change tells (`journey`) and posts
//! them to the parent's exact origin (`messages`), and reports the content's height. It never
//! reads a message from the parent and never posts an answer, a name or a contact detail.

mod journey;
mod messages;
mod params;
mod theme;

pub use journey::Journey;
pub use messages::{Eligibility, EmbedEvent, MESSAGE_TYPE, post};
pub(crate) use params::encode;
pub use params::{EmbedParams, UTM_KEYS};
pub use theme::Rgb;

use domain::wire::Attribution;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Where the embedded wizard lives; its pages are `/embed/request/{slug}`.
pub const EMBED_PATH: &str = "/embed/request";

/// The page slug of an embed address (`/embed/request/patient` -> `patient`).
pub fn embed_slug(path: &str) -> Option<&str> {
    path.strip_prefix(EMBED_PATH)?
        .strip_prefix('/')
        .filter(|slug| !slug.is_empty())
}

/// The checked parameters of the current address, when this document shows the embed.
pub fn current() -> Option<EmbedParams> {
    let (path, query) = address()?;
    if path != EMBED_PATH && embed_slug(&path).is_none() {
        return None;
    }
    let keys = ["partner", "lang", "theme", "test"]
        .into_iter()
        .chain(UTM_KEYS);
    let pairs: Vec<(&str, String)> = keys.filter_map(|k| query(k).map(|v| (k, v))).collect();
    Some(EmbedParams::from_pairs(
        pairs.iter().map(|(k, v)| (*k, v.as_str())),
    ))
}

/// A look-up of one parameter of the address's query.
type QueryLookup = Box<dyn Fn(&str) -> Option<String>>;

/// The path of this document and a look-up of its query: the browser's address, or, rendered
/// at build time, the router's (the page being rendered).
fn address() -> Option<(String, QueryLookup)> {
    if crate::IN_BROWSER {
        let location = web_sys::window()?.location();
        let query = web_sys::UrlSearchParams::new_with_str(&location.search().ok()?).ok()?;
        let lookup = move |key: &str| query.get(key);
        return Some((location.pathname().ok()?, Box::new(lookup)));
    }
    use leptos::prelude::GetUntracked;
    let location = leptos_router::hooks::use_location();
    let query = location.query.get_untracked();
    let lookup = move |key: &str| query.get(key);
    Some((location.pathname.get_untracked(), Box::new(lookup)))
}

/// True when this document shows the embed (its address is under `/embed/request`).
pub fn is_embedded() -> bool {
    current().is_some()
}

/// The address of a wizard page: `/request/{slug}` on the site, `/embed/request/{slug}` with the
/// embed's checked parameters inside a partner's frame (so a reload keeps partner and theme).
pub fn wizard_href(slug: &str, return_to_check: bool) -> String {
    let (base, mut query) = match current() {
        Some(params) => (EMBED_PATH, params.query()),
        None => ("/request", String::new()),
    };
    if return_to_check {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str("return=check");
    }
    if query.is_empty() {
        format!("{base}/{slug}")
    } else {
        format!("{base}/{slug}?{query}")
    }
}

/// The partner id and UTM fields a request from this embed carries (`None` on the site).
pub fn attribution() -> Option<Attribution> {
    current()?.attribution()
}

/// True in a partner's test mode: the server answers with a test reference and stores nothing.
pub fn is_test_mode() -> bool {
    current().is_some_and(|p| p.test)
}

/// Sets the partner's colour on the embed's root as custom properties (through the CSSOM: the
/// CSP allows no `style` attribute), so every component below uses it through the tokens.
pub fn apply_theme(root: &web_sys::HtmlElement, colour: Rgb) {
    let style = root.style();
    let _ = style.set_property("--app-color-brand", &colour.hex());
    let _ = style.set_property("--app-color-link", &colour.hex());
    let _ = style.set_property("--app-color-brand-dark", &colour.darker().hex());
}

/// Posts the height of `root`'s content whenever it changes, so the loader sizes the iframe to
/// it and the frame never scrolls inside. The embed page lives as long as its document, so the
/// observer and its callback do too (the callback is deliberately never freed).
pub fn observe_height(root: &web_sys::HtmlElement) {
    let target = root.clone();
    let mut last = 0u32;
    let report = Closure::<dyn FnMut()>::new(move || {
        let scroll = web_sys::window()
            .and_then(|w| w.scroll_y().ok())
            .unwrap_or(0.0);
        let bottom = (target.get_bounding_client_rect().bottom() + scroll).ceil();
        // Heights are small positive numbers; the loader clamps them again.
        let height = bottom.clamp(0.0, 100_000.0) as u32;
        if height != last {
            last = height;
            post(&EmbedEvent::Height(height));
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
        observer.observe(root);
    }
    report.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_of_embed_addresses() {
        for (path, slug) in [
            ("/embed/request/patient", Some("patient")),
            ("/embed/request/", None),
            ("/embed/request", None),
            ("/embed/requests/x", None),
            ("/request/patient", None),
        ] {
            assert_eq!(embed_slug(path), slug, "{path}");
        }
    }
}
