//! The whole article in one interface language: header, notes, contents, introduction, sections.

use domain::Locale;
use leptos::prelude::*;

use super::{
    AdviceNote, ArticleBlock, ArticleHeader, ArticleSection, TableOfContents, article_for,
};

#[component]
pub fn ArticleView(locale: Locale) -> impl IntoView {
    let article = article_for(locale);
    let lang = article.meta.lang;
    view! {
        <article class="app-article">
            <ArticleHeader meta=&article.meta locale />
            <AdviceNote article_lang=lang locale />
            <TableOfContents sections=&article.sections article_lang=lang locale />
            {article
                .intro
                .iter()
                .map(|block| view! { <ArticleBlock block lang locale /> })
                .collect_view()}
            {article
                .sections
                .iter()
                .map(|section| view! { <ArticleSection section lang locale /> })
                .collect_view()}
        </article>
    }
}
