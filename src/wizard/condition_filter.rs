//! The condition step's search box: a name, a lay term, an abbreviation or a misspelling narrows
//! the list to what the finder's engine matches, and the finder's live count says how many.

use domain::Msg;
use domain::catalogue::{ConditionId, catalogue, find};
use leptos::prelude::*;

use crate::finder::LiveCount;
use crate::i18n::use_i18n;

#[component]
pub fn ConditionFilter(
    /// The matched conditions, or `None` while the box is empty (the whole list shows).
    matches: RwSignal<Option<Vec<ConditionId>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    Effect::new(move |_| {
        let locale = i18n.locale();
        let found = query.with(|q| {
            (!q.trim().is_empty()).then(|| {
                find(q, locale)
                    .into_iter()
                    .map(|f| f.entry.id.clone())
                    .collect()
            })
        });
        matches.set(found);
    });
    let total = catalogue().entries().len();
    let count = Signal::derive(move || matches.with(|m| m.as_ref().map_or(total, Vec::len)));
    view! {
        <div class="app-form-group app-condition-filter">
            <label class="app-label" for="condition-search">
                {i18n.t(Msg::ConditionSearchLabel)}
            </label>
            <div class="app-hint" id="condition-search-hint">
                {i18n.t(Msg::ConditionSearchHint)}
            </div>
            <input
                class="app-input app-condition-filter__input"
                type="search"
                id="condition-search"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="condition-search-hint"
                prop:value=query
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                    }
                }
            />
            <LiveCount count=count />
        </div>
    }
}
