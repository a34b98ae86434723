//! A text with some byte ranges marked: `<mark>` around what the search matched.

use std::ops::Range;

use leptos::prelude::*;

/// Renders `text`, wrapping each range of `ranges` (ascending, on character boundaries, as the
/// engine returns them) in `<mark class="app-finder-mark">`. Bad ranges are shown unmarked.
#[component]
pub fn Highlighted(text: &'static str, ranges: Vec<Range<usize>>) -> impl IntoView {
    let mut parts = Vec::new();
    let mut at = 0;
    for range in ranges {
        let inside = text.get(range.clone());
        let before = text.get(at..range.start);
        if let (Some(before), Some(inside)) = (before, inside) {
            if !before.is_empty() {
                parts.push(before.into_any());
            }
            parts.push(view! { <mark class="app-finder-mark">{inside}</mark> }.into_any());
            at = range.end;
        }
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        parts.push(rest.into_any());
    }
    parts
}
