//! Step 5: the patient's full name (any script, as typed).

use domain::Msg;
use domain::request::{Step, WhoForChoice};
use leptos::prelude::*;

use super::step_frame::{StepFrame, field_error};
use super::{TextField, use_wizard};

const STEP: Step = Step::Patient;

#[component]
pub fn PatientStep() -> impl IntoView {
    let state = use_wizard();
    // The browser's saved name is the user's own: offer it only when the patient is the user.
    let own = state
        .saved
        .with_untracked(|s| s.draft.who_for == Some(WhoForChoice::Myself));
    view! {
        <StepFrame step=STEP>
            <TextField
                id="patient-name"
                label=Msg::StepPatientTitle
                heading=true
                hint=Msg::PatientNameHint
                autocomplete=if own { "name" } else { "off" }
                value=Signal::derive(move || state.with(|d| d.patient_name.clone().unwrap_or_default()))
                on_input=Callback::new(move |v| state.update(|d| d.patient_name = Some(v)))
                error=field_error(state, STEP, &["patient-name"])
            />
        </StepFrame>
    }
}
