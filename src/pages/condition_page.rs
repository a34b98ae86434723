//! `/conditions/{id}`: one condition (placeholder until the finder issue lands).

use domain::Msg;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::PageTitle;
use crate::i18n::use_i18n;

#[component]
pub fn ConditionPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();
    view! {
        <PageTitle text=Signal::derive(move || i18n.t(Msg::ConditionTitle)().to_owned()) />
        <h1 class="app-heading-xl">{i18n.t(Msg::ConditionTitle)}</h1>
        <p class="app-body">{move || i18n.format(Msg::ConditionPlaceholder, &[("id", &id())])}</p>
    }
}
