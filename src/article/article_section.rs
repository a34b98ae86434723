//! One `##` section with its blocks and its `###` parts, each heading carrying its stable id.

use domain::Locale;
use domain::article::Section;
use leptos::prelude::*;

use super::ArticleBlock;

#[component]
pub fn ArticleSection(section: &'static Section, lang: Locale, locale: Locale) -> impl IntoView {
    let blocks = |section: &'static Section| {
        section
            .blocks
            .iter()
            .map(|block| view! { <ArticleBlock block lang locale /> })
            .collect_view()
    };
    let parts = section
        .subsections
        .iter()
        .map(|part| {
            view! {
                <section class="app-article__part">
                    <h3 class="app-article__subheading" id=part.id.as_str() lang=lang.tag()>
                        {part.heading.as_str()}
                    </h3>
                    {blocks(part)}
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="app-article__section">
            <h2 class="app-article__heading" id=section.id.as_str() lang=lang.tag()>
                {section.heading.as_str()}
            </h2>
            {blocks(section)}
            {parts}
        </section>
    }
}
