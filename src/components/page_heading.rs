//! The focus a page gets when it opens: its `<h1>` (with `tabindex="-1"`, shown without an
//! outline, as GOV.UK does for headings focused by script), so a screen reader starts there after
//! a move within the app instead of on the body.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of a page's `<h1>` that [`focus_page_heading`] focuses.
pub const PAGE_HEADING_ID: &str = "app-page-heading";

/// Moves focus to the page's heading once the page is on screen.
pub fn focus_page_heading() {
    Effect::new(move |_| {
        request_animation_frame(|| {
            let heading = document()
                .get_element_by_id(PAGE_HEADING_ID)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(heading) = heading {
                let _ = heading.focus();
            }
        });
    });
}
