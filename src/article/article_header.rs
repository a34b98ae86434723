//! The article's title, publisher and authors.

use domain::article::Meta;
use domain::{Locale, Msg};
use leptos::prelude::*;

#[component]
pub fn ArticleHeader(meta: &'static Meta, locale: Locale) -> impl IntoView {
    let lang = meta.lang.tag();
    let publisher = locale.format(Msg::ArticlePublishedBy, &[("publisher", &meta.publisher)]);
    view! {
        <header class="app-article__header">
            <h1 class="app-heading-xl" lang=lang>
                {meta.title.as_str()}
            </h1>
            <p class="app-article__byline">
                <span lang=locale.tag()>{publisher}</span>
                " · "
                <span lang=lang>{meta.rubric.as_str()}</span>
            </p>
            <p class="app-article__byline">
                <span lang=locale.tag()>{locale.text(Msg::ArticleAuthors)}": "</span>
                <span lang=lang>{meta.authors.join(", ")}</span>
            </p>
        </header>
    }
}
