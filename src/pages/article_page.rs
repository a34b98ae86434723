//! `/`: the cell-therapy article (placeholder until the article issue lands).

use domain::Msg;
use leptos::prelude::*;

use crate::components::PageTitle;
use crate::i18n::use_i18n;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=Signal::derive(move || i18n.t(Msg::ArticleTitle)().to_owned()) />
        <h1 class="app-heading-xl">{i18n.t(Msg::ArticleTitle)}</h1>
        <p class="app-body">{i18n.t(Msg::ArticlePlaceholder)}</p>
    }
}
