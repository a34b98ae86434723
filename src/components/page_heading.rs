//! The focus a page gets when the reader moves to it within the app: its `<h1>` (with
//! `tabindex="-1"`, shown without an outline, as GOV.UK does for headings focused by script), so
//! a screen reader starts there instead of on the body.
//!
//! A page the browser itself loaded starts where every web page starts, and focus the reader
//! already placed (in the prerendered copy before the takeover, on the language switch) stays:
//! the heading is focused only on a page reached by a move within the app.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// The id of a page's `<h1>` that [`focus_page_heading`] focuses.
pub const PAGE_HEADING_ID: &str = "app-page-heading";

/// Where the app started, and whether the reader has moved since: the context
/// [`watch_navigation`] gives.
#[derive(Clone, Copy)]
struct Moves {
    start: StoredValue<String>,
    moved: StoredValue<bool>,
}

/// The address as the router has it, path and query.
fn address(location: &leptos_router::location::Location) -> String {
    format!(
        "{}{}",
        location.pathname.get_untracked(),
        location.search.get_untracked()
    )
}

/// Notes every move to another address; called once inside the router (`App`).
pub fn watch_navigation() {
    let location = use_location();
    let moves = Moves {
        start: StoredValue::new(address(&location)),
        moved: StoredValue::new(false),
    };
    provide_context(moves);
    Effect::watch(
        move || (location.pathname.get(), location.search.get()),
        move |_, _, _| moves.moved.set_value(true),
        false,
    );
}

/// True when the page being made now was reached by a move within the app: its address is not
/// the one the app started on, or the reader has moved before (and came back). Asked while the
/// page is made, so a redirect that follows a load does not count as a move.
fn reached_by_a_move() -> bool {
    let Some(moves) = use_context::<Moves>() else {
        return false;
    };
    let now = address(&use_location());
    moves.moved.get_value() || moves.start.with_value(|start| *start != now)
}

/// Moves focus to the page's heading once the page is on screen.
pub fn focus_page_heading() {
    focus_on_arrival(|| PAGE_HEADING_ID);
}

/// Moves focus to the element `target` names once the page is on screen, when the reader came
/// here by a move within the app and, in a partner's frame, has acted in it. The page the browser
/// loaded (taken over from its prerendered copy, where the reader may already have placed
/// focus) starts where every web page starts.
pub fn focus_on_arrival(target: impl Fn() -> &'static str + Send + Sync + 'static) {
    let arrived = reached_by_a_move();
    Effect::new(move |_| {
        if arrived && may_take_focus() {
            let id = target();
            request_animation_frame(move || focus(id));
        }
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

/// Moves focus to the element with `id` once it is on the page (after the next frame): the
/// wizard's error summary, a submit error, the "answers deleted" notice.
pub fn focus_later(id: &'static str) {
    request_animation_frame(move || focus(id));
}

/// False inside a partner's frame until the patient acts in it: a frame that focuses its heading
/// as it loads takes the partner's focus and scrolls their page. The frame's document has focus
/// only once the patient clicked or tabbed into it (on the site it always may).
fn may_take_focus() -> bool {
    !crate::embed::is_embedded() || document().has_focus().unwrap_or(false)
}
