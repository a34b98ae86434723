//! What the finder says when nothing matches: so, the nearest suggestions, and a way to ask
//! for treatment anyway with the typed text as "something else".

use domain::Msg;
use domain::catalogue::suggestions;
use leptos::prelude::*;
use leptos_router::components::A;

use super::request_href;
use crate::i18n::use_i18n;

/// How many suggestions are offered.
const SUGGESTIONS: usize = 3;

/// The no-match help for `query` (as typed).
#[component]
pub fn NoMatch(#[prop(into)] query: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let suggested = move || {
        let locale = i18n.locale();
        suggestions(&query.get(), locale, SUGGESTIONS)
            .into_iter()
            .map(|entry| {
                let href = format!("/conditions/{}", entry.id.as_str());
                view! {
                    <li>
                        <A href=href attr:class="app-finder-no-match__link">
                            {entry.name.get(locale).to_owned()}
                        </A>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    let title = move || i18n.format(Msg::FinderNoMatchTitle, &[("query", query.get().trim())]);
    let request = move || request_href(None, Some(&query.get()));
    view! {
        <div class="app-finder-no-match">
            <h2 class="app-finder-no-match__title">{title}</h2>
            <p class="app-body">{i18n.t(Msg::FinderNoMatchHint)}</p>
            {move || {
                let items = suggested();
                (!items.is_empty())
                    .then(|| {
                        view! {
                            <p class="app-body">{i18n.t(Msg::FinderSuggestions)}</p>
                            <ul class="app-list">{items}</ul>
                        }
                    })
            }}
            <p class="app-body">{i18n.t(Msg::FinderRequestAnywayHint)}</p>
            <p class="app-body">
                <A href=request attr:class="app-finder-no-match__request">
                    {i18n.t(Msg::FinderRequestAnyway)}
                </A>
            </p>
        </div>
    }
}
