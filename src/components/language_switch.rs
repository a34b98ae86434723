//! The language switch: a link to the same page in the other language, so it works as a link
//! (open in a new tab, share) and the router's `?lang=` handling does the switching.

use domain::{Locale, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::use_i18n;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let other = move || match i18n.locale() {
        Locale::En => Locale::De,
        Locale::De => Locale::En,
    };
    let href = move || {
        let mut query = location.query.get();
        query.replace("lang", other().tag().to_owned());
        format!("{}{}", location.pathname.get(), query.to_query_string())
    };
    view! {
        <a
            class="app-language-switch"
            href=href
            hreflang=move || other().tag()
            lang=move || other().tag()
            aria-label=move || {
                format!("{}: {}", i18n.locale().text(Msg::LanguageLabel), other().endonym())
            }
        >
            {move || other().endonym()}
        </a>
    }
}
