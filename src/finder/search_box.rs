//! The labelled search field with its hint. It reports every change; what a change does (filter,
//! or go to the finder) is the page's business.

use domain::Msg;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// A `type=search` field labelled "Search for a condition…", with examples in its hint. With
/// `on_submit`, a Search button is added and Enter submits; without, Enter does nothing (the
/// results already follow the typing).
#[component]
pub fn SearchBox(
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] on_submit: Option<Callback<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(on_submit) = on_submit {
            on_submit.run(value.get_untracked());
        }
    };
    view! {
        <form class="app-finder-search" role="search" on:submit=submit>
            <label class="app-finder-search__label" for="finder-query">
                {i18n.t(Msg::FinderSearchLabel)}
            </label>
            <p class="app-finder-search__hint" id="finder-query-hint">
                {i18n.t(Msg::FinderSearchHint)}
            </p>
            <div class="app-finder-search__row">
                <input
                    class="app-finder-search__input"
                    id="finder-query"
                    name="q"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="finder-query-hint"
                    prop:value=move || value.get()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                />
                {on_submit
                    .map(|_| {
                        view! {
                            <button class="app-finder-search__button" type="submit">
                                {i18n.t(Msg::FinderSearchButton)}
                            </button>
                        }
                    })}
            </div>
        </form>
    }
}
