//! Step 7: the consents, each an unticked checkbox; marketing is optional. Continue records the
//! consent text's version and the time (in `WizardState::advance`).

use domain::Msg;
use domain::request::Step;
use leptos::prelude::*;

use super::consent_checkbox::ConsentCheckbox;
use super::step_frame::{HEADING_ID, StepFrame, field_error};
use super::use_wizard;
use crate::components::OperatorContactLine;
use crate::i18n::use_i18n;

const STEP: Step = Step::Consent;

#[component]
pub fn ConsentStep() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    view! {
        <StepFrame step=STEP>
            <h1 class="app-heading-xl" id=HEADING_ID tabindex="-1">
                {i18n.t(Msg::StepConsentTitle)}
            </h1>
            <p class="app-body">{i18n.t(Msg::ConsentIntro)}</p>
            <OperatorContactLine />
            <ConsentCheckbox
                id="consents-health-data"
                label=Msg::ConsentHealthData
                checked=Signal::derive(move || state.with(|d| d.consent_health_data))
                on_change=Callback::new(move |v| state.update(|d| d.consent_health_data = v))
                error=field_error(state, STEP, &["consents-health-data"])
            />
            <ConsentCheckbox
                id="consents-clinics"
                label=Msg::ConsentClinics
                checked=Signal::derive(move || state.with(|d| d.consent_clinics))
                on_change=Callback::new(move |v| state.update(|d| d.consent_clinics = v))
                error=field_error(state, STEP, &["consents-clinics"])
            />
            <ConsentCheckbox
                id="consents-marketing"
                label=Msg::ConsentMarketing
                checked=Signal::derive(move || state.with(|d| d.consent_marketing))
                on_change=Callback::new(move |v| state.update(|d| d.consent_marketing = v))
                error=Signal::derive(|| None::<String>)
            />
        </StepFrame>
    }
}
