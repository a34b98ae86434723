//! Step 3: the treatment country. Only Germany is arranged; the rules say so after Continue.

use domain::Msg;
use domain::eligibility::TreatmentCountry;
use domain::request::{Step, answer_labels};
use leptos::prelude::*;

use super::form_group::LabelStyle;
use super::state::bind;
use super::step_frame::StepFrame;
use super::{RadioGroup, msg_options, use_wizard};
use crate::i18n::use_i18n;

#[component]
pub fn CountryStep() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    let countries = TreatmentCountry::ALL.map(|c| (c, answer_labels::country(c)));
    view! {
        <StepFrame step=Step::Country>
            <RadioGroup
                id="treatment-country"
                legend=Msg::StepCountryTitle
                style=LabelStyle::Heading
                hint=Msg::CountryHint
                options=msg_options(i18n, &countries)
                bind=bind!(state, answers.country)
            />
        </StepFrame>
    }
}
