//! The "Back" link above a question: to the previous step, or back to check your answers.

use domain::Msg;
use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn BackLink(#[prop(into)] href: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="app-back-link" href=href>
            {i18n.t(Msg::WizardBack)}
        </a>
    }
}
