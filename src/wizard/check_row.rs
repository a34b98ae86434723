//! One row of check your answers: the question, the answer and a "Change" link that returns here.

use domain::Msg;
use domain::request::Step;
use leptos::prelude::*;

use super::step_href;
use crate::i18n::use_i18n;

#[component]
pub fn CheckRow(
    label: Msg,
    #[prop(into)] value: Signal<String>,
    /// The step to change the answer on; `None` on the confirmation's printed summary.
    step: Option<Step>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="app-summary-list__row">
            <dt class="app-summary-list__key">{i18n.t(label)}</dt>
            <dd class="app-summary-list__value">{move || value.get()}</dd>
            {step
                .map(|step| {
                    view! {
                        <dd class="app-summary-list__actions">
                            <a href=step_href(step, true)>
                                {i18n.t(Msg::WizardChange)}
                                <span class="app-visually-hidden">" " {i18n.t(label)}</span>
                            </a>
                        </dd>
                    }
                })}
        </div>
    }
}
