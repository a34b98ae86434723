//! The document title of a page: "<page> – <product>", in the current language.

use domain::Msg;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_i18n;

/// Sets `<title>` from a reactive page name.
#[component]
pub fn PageTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let full = move || {
        format!(
            "{} – {}",
            text.get(),
            i18n.locale().text(Msg::DocumentTitleSuffix)
        )
    };
    view! { <Title text=full /> }
}
