//! The table of contents: a link to each section and its parts, by their stable ids.

use domain::article::{CONTENTS_ID, Section};
use domain::{Locale, Msg};
use leptos::prelude::*;

#[component]
pub fn TableOfContents(
    sections: &'static [Section],
    article_lang: Locale,
    locale: Locale,
) -> impl IntoView {
    let item = |section: &'static Section| {
        let parts = (!section.subsections.is_empty()).then(|| {
            view! {
                <ol class="app-toc__sublist">
                    {section
                        .subsections
                        .iter()
                        .map(|part| {
                            view! {
                                <li>
                                    <a class="app-toc__link" href=format!("#{}", part.id)>
                                        {part.heading.as_str()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            }
        });
        view! {
            <li>
                <a class="app-toc__link" href=format!("#{}", section.id)>
                    {section.heading.as_str()}
                </a>
                {parts}
            </li>
        }
    };
    view! {
        <nav class="app-toc" aria-labelledby=CONTENTS_ID>
            <h2 class="app-toc__title" id=CONTENTS_ID lang=locale.tag()>
                {locale.text(Msg::ArticleContents)}
            </h2>
            <ol class="app-toc__list" lang=article_lang.tag()>
                {sections.iter().map(item).collect_view()}
            </ol>
        </nav>
    }
}
