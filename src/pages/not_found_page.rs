//! Any unknown address: say so plainly and offer the ways on.

use domain::Msg;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::PageTitle;
use crate::i18n::use_i18n;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=Signal::derive(move || i18n.t(Msg::NotFoundTitle)().to_owned()) />
        <h1 class="app-heading-xl">{i18n.t(Msg::NotFoundTitle)}</h1>
        <p class="app-body">{i18n.t(Msg::NotFoundBody)}</p>
        <ul class="app-list">
            <li>
                <A href="/">{i18n.t(Msg::NotFoundHome)}</A>
            </li>
            <li>
                <A href="/conditions">{i18n.t(Msg::NotFoundConditions)}</A>
            </li>
        </ul>
    }
}
