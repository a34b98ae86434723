//! The category filter: a labelled select of the categories the catalogue uses, plus "all".

use domain::Msg;
use domain::catalogue::{Category, catalogue};
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// A select of "All categories" and every category in use; reports the choice (`None` = all).
#[component]
pub fn CategoryFilter(
    #[prop(into)] selected: Signal<Option<Category>>,
    on_change: Callback<Option<Category>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = catalogue()
        .categories()
        .into_iter()
        .map(|category| {
            view! {
                <option
                    value=category.slug()
                    prop:selected=move || selected.get() == Some(category)
                >
                    {i18n.t(category.label())}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="app-finder-filter">
            <label class="app-finder-filter__label" for="finder-category">
                {i18n.t(Msg::FinderCategoryLabel)}
            </label>
            <select
                class="app-finder-filter__select"
                id="finder-category"
                name="category"
                on:change=move |ev| on_change.run(Category::from_slug(&event_target_value(&ev)))
            >
                <option value="" prop:selected=move || selected.get().is_none()>
                    {i18n.t(Msg::FinderCategoryAll)}
                </option>
                {options}
            </select>
        </div>
    }
}
