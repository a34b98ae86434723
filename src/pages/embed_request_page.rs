//! `/embed/request`: the wizard without the site's frame, for an iframe on a partner's page.

use domain::Msg;
use leptos::prelude::*;

use crate::components::PageTitle;
use crate::i18n::use_i18n;

#[component]
pub fn EmbedRequestPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=Signal::derive(move || i18n.t(Msg::EmbedTitle)().to_owned()) />
        <main id="main" class="app-main app-main--embed">
            <h1 class="app-heading-xl">{i18n.t(Msg::EmbedTitle)}</h1>
            <p class="app-body">{move || i18n.format(Msg::RequestPlaceholder, &[("step", "1")])}</p>
        </main>
    }
}
