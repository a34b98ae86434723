//! Step 5: the patient's full name (any script, as typed).

use domain::Msg;
use domain::eligibility::WhoForChoice;
use domain::request::Step;
use leptos::prelude::*;

use super::form_group::LabelStyle;
use super::state::bind;
use super::step_frame::StepFrame;
use super::{TextField, use_wizard};

#[component]
pub fn PatientStep() -> impl IntoView {
    let state = use_wizard();
    // The browser's saved name is the user's own: offer it only when the patient is the user.
    let own = state
        .saved
        .with_untracked(|s| s.draft.answers.who_for == Some(WhoForChoice::Myself));
    view! {
        <StepFrame step=Step::Patient>
            <TextField
                id="patient-name"
                label=Msg::StepPatientTitle
                style=LabelStyle::Heading
                hint=Msg::PatientNameHint
                autocomplete=if own { "name" } else { "off" }
                bind=bind!(state, patient_name)
            />
        </StepFrame>
    }
}
