//! The call to action: the wizard's first step and the call-back promise from the rules.

use domain::Locale;
use domain::article::call_to_action;
use leptos::prelude::*;

#[component]
pub fn CallToAction(locale: Locale) -> impl IntoView {
    let cta = call_to_action(locale);
    view! {
        <div class="app-cta" lang=locale.tag()>
            <p class="app-cta__title">{cta.title}</p>
            <p class="app-cta__body">{cta.body}</p>
            <a class="app-cta__button" href=cta.href>
                {cta.link}
            </a>
        </div>
    }
}
