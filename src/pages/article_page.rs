//! `/`: the cell-therapy article, re-rendered whole when the interface language changes. Its
//! first paint comes from the prerendered copy in index.html (see `prerender/`).

use leptos::prelude::*;

use crate::article::{ArticleView, article_for};
use crate::components::{PageKind, PageTitle};
use crate::i18n::use_i18n;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle
            text=Signal::derive(move || article_for(i18n.locale()).meta.title.clone())
            description=Signal::derive(move || article_for(i18n.locale()).meta.description.clone())
            kind=PageKind::Article
        />
        {move || view! { <ArticleView locale=i18n.locale() /> }}
    }
}
