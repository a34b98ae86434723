//! One row of check your answers: the question, the answer and a "Change" link that returns here.

use domain::Msg;
use domain::request::Step;
use leptos::prelude::*;

use super::change_href;
use crate::i18n::use_i18n;

#[component]
pub fn CheckRow(
    label: Msg,
    #[prop(into)] value: Signal<String>,
    /// The step to change the answer on.
    step: Step,
    /// The answer reads left to right in every script (a phone number).
    #[prop(optional)]
    ltr: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="app-summary-list__row">
            <dt class="app-summary-list__key">{i18n.t(label)}</dt>
            <dd class="app-summary-list__value" dir=ltr.then_some("ltr")>
                {move || value.get()}
            </dd>
            <dd class="app-summary-list__actions">
                <a href=change_href(
                    step,
                )>
                    {i18n.t(Msg::WizardChange)}
                    <span class="app-visually-hidden">" " {i18n.t(label)}</span>
                </a>
            </dd>
        </div>
    }
}
