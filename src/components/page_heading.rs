//! The focus a page gets when the reader moves to it within the app: its `<h1>` (with
//! `tabindex="-1"`, shown without an outline, as GOV.UK does for headings focused by script), so
//! a screen reader starts there instead of on the body.
//!
//! A page the browser itself loaded starts where every web page starts, and focus the reader
//! already placed (in the prerendered copy before the takeover, on the language switch) stays:
//! the heading is focused only after a move within the app, and only when nothing holds focus.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// The id of a page's `<h1>` that [`focus_page_heading`] focuses.
pub const PAGE_HEADING_ID: &str = "app-page-heading";

/// Whether the address has changed since the app started: the context [`watch_navigation`] gives.
#[derive(Clone, Copy)]
struct Moved(StoredValue<bool>);

/// Notes every move to another address; called once inside the router (`App`).
pub fn watch_navigation() {
    let moved = Moved(StoredValue::new(false));
    provide_context(moved);
    let location = use_location();
    Effect::watch(
        move || (location.pathname.get(), location.search.get()),
        move |_, _, _| moved.0.set_value(true),
        false,
    );
}

/// Moves focus to the page's heading once the page is on screen.
pub fn focus_page_heading() {
    focus_on_arrival(|| PAGE_HEADING_ID);
}

/// Moves focus to the element `target` names once the page is on screen, when the reader came
/// here within the app, nothing else holds focus and, in a partner's frame, the patient has
/// acted in it.
pub fn focus_on_arrival(target: impl Fn() -> &'static str + Send + Sync + 'static) {
    let moved = use_context::<Moved>();
    Effect::new(move |_| {
        let id = target();
        request_animation_frame(move || {
            let moved = moved.is_some_and(|m| m.0.try_get_value().unwrap_or(false));
            if moved && nothing_focused() && may_take_focus() {
                focus(id);
            }
        });
    });
}

/// Moves focus to the element with `id`, if there is one.
pub fn focus(id: &str) {
    let element = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// False inside a partner's frame until the patient acts in it: a frame that focuses its heading
/// as it loads takes the partner's focus and scrolls their page. The frame's document has focus
/// only once the patient clicked or tabbed into it (on the site it always may).
fn may_take_focus() -> bool {
    !crate::embed::is_embedded() || document().has_focus().unwrap_or(false)
}

/// True when focus is on the page itself: the element that had it left with the page before.
fn nothing_focused() -> bool {
    let document = document();
    match document.active_element() {
        None => true,
        Some(active) => document
            .body()
            .is_some_and(|body| active.is_same_node(Some(&body))),
    }
}
