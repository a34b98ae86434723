//! The note above the article: information, not advice (with a link to the safety block), and,
//! when the article is not in the interface language, that it is in English.

use domain::article::PATIENT_SAFETY_ID;
use domain::{Locale, Msg};
use leptos::prelude::*;

#[component]
pub fn AdviceNote(article_lang: Locale, locale: Locale) -> impl IntoView {
    let other_language = (article_lang != locale).then(|| {
        view! { <p class="app-article__note-text">{locale.text(Msg::ArticleLanguageNote)}</p> }
    });
    view! {
        <div class="app-article__note" lang=locale.tag()>
            {other_language}
            <p class="app-article__note-text">
                <strong>{locale.text(Msg::ArticleAdviceNote)}</strong>
                " "
                <a href=format!("#{PATIENT_SAFETY_ID}")>{locale.text(Msg::ArticleAdviceLink)}</a>
            </p>
        </div>
    }
}
