//! Step 3: the treatment country. Only Germany is arranged; the rules say so after Continue.

use domain::Msg;
use domain::eligibility::TreatmentCountry;
use domain::request::{Step, label};
use leptos::prelude::*;

use super::step_frame::{StepFrame, field_error};
use super::{RadioGroup, msg_options, use_wizard};
use crate::i18n::use_i18n;

const STEP: Step = Step::Country;

#[component]
pub fn CountryStep() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    let countries = TreatmentCountry::ALL.map(|c| (c, label::country(c)));
    view! {
        <StepFrame step=STEP>
            <RadioGroup
                id="treatment-country"
                legend=Msg::StepCountryTitle
                heading=true
                hint=Msg::CountryHint
                options=msg_options(i18n, &countries)
                value=Signal::derive(move || state.with(|d| d.country))
                on_change=Callback::new(move |c| state.update(|d| d.country = Some(c)))
                error=field_error(state, STEP, &["treatment-country"])
            />
        </StepFrame>
    }
}
