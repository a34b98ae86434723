//! `/conditions`: the condition finder (placeholder until the finder issue lands).

use domain::Msg;
use leptos::prelude::*;

use crate::components::PageTitle;
use crate::i18n::use_i18n;

#[component]
pub fn FinderPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=Signal::derive(move || i18n.t(Msg::FinderTitle)().to_owned()) />
        <h1 class="app-heading-xl">{i18n.t(Msg::FinderTitle)}</h1>
        <p class="app-body">{i18n.t(Msg::FinderPlaceholder)}</p>
    }
}
