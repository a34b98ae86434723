//! A list of the catalogue's conditions or goals in the article's order, in the article's own
//! (corrected) words, each linking to its page in the finder.

use domain::Locale;
use domain::catalogue::{Kind, catalogue};
use leptos::prelude::*;

#[component]
pub fn ConditionList(kind: Kind, lang: Locale) -> impl IntoView {
    view! {
        <ul class="app-conditions" lang=lang.tag()>
            {catalogue()
                .of_kind(kind)
                .map(|entry| {
                    view! {
                        <li class="app-conditions__item">
                            <a
                                class="app-conditions__link"
                                href=format!("/conditions/{}", entry.id.as_str())
                            >
                                {entry.article_text.as_str()}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
