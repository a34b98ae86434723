//! Step 7: the consents, each an unticked checkbox; marketing is optional. Continue records the
//! consent text's version and the time (in `WizardState::advance`).

use domain::Msg;
use domain::request::Step;
use leptos::prelude::*;

use super::consent_checkbox::ConsentCheckbox;
use super::state::bind;
use super::step_frame::{HEADING_ID, StepFrame};
use super::use_wizard;
use crate::components::OperatorContactLine;
use crate::i18n::use_i18n;

#[component]
pub fn ConsentStep() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    view! {
        <StepFrame step=Step::Consent>
            <h1 class="app-heading-xl" id=HEADING_ID tabindex="-1">
                {i18n.t(Msg::StepConsentTitle)}
            </h1>
            <p class="app-body">{i18n.t(Msg::ConsentIntro)}</p>
            <OperatorContactLine />
            <ConsentCheckbox
                id="consents-health-data"
                label=Msg::ConsentHealthData
                bind=bind!(state, consent_health_data)
            />
            <ConsentCheckbox
                id="consents-clinics"
                label=Msg::ConsentClinics
                bind=bind!(state, consent_clinics)
            />
            <ConsentCheckbox
                id="consents-marketing"
                label=Msg::ConsentMarketing
                bind=bind!(state, consent_marketing)
            />
        </StepFrame>
    }
}
