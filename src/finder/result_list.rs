//! The search results, best first.

use leptos::prelude::*;

use super::{ResultItem, Row};

/// The rows as a list; each row is keyed by its entry and the text it matched.
#[component]
pub fn ResultList(#[prop(into)] rows: Signal<Vec<Row>>) -> impl IntoView {
    view! {
        <ul class="app-finder-results">
            <For
                each=move || rows.get()
                key=|row| (row.entry.id.clone(), row.text, row.highlights.clone())
                children=|row| view! { <ResultItem row=row /> }
            />
        </ul>
    }
}
