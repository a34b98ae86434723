//! One search result: the name as a link to its page, its kind and category, and the text that
//! matched when that is not the name the reader sees.

use domain::Msg;
use leptos::prelude::*;
use leptos_router::components::A;

use super::{Highlighted, Row};
use crate::i18n::use_i18n;

/// A list item for `row`; the highlighted part is wrapped in `<mark>`.
#[component]
pub fn ResultItem(row: Row) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let entry = row.entry;
    let href = format!("/conditions/{}", entry.id.as_str());
    let name = if row.is_shown_name {
        view! { <Highlighted text=row.text ranges=row.highlights.clone() /> }.into_any()
    } else {
        entry.name.get(locale).to_owned().into_any()
    };
    let matched = (!row.is_shown_name).then(|| {
        view! {
            <p class="app-finder-result__match">
                {i18n.t(Msg::FinderMatches)} " " <span lang=row.text_locale.tag()>
                    <Highlighted text=row.text ranges=row.highlights />
                </span>
            </p>
        }
    });
    view! {
        <li class="app-finder-result">
            <A href=href attr:class="app-finder-result__link">
                {name}
            </A>
            <p class="app-finder-result__meta">
                {i18n.t(entry.kind.label())} " · " {i18n.t(entry.category.label())}
            </p>
            {matched}
        </li>
    }
}
