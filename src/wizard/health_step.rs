//! Step 4: the health screening: active inflammation, acute infection, fever or acutely unwell.

use domain::Msg;
use domain::eligibility::{YesNo, YesNoNotSure};
use domain::request::{Step, answer_labels};
use leptos::prelude::*;

use super::state::bind;
use super::step_frame::{HEADING_ID, StepFrame};
use super::{RadioGroup, RadiosLayout, msg_options, use_wizard};
use crate::i18n::use_i18n;

#[component]
pub fn HealthStep() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    let three = [YesNoNotSure::Yes, YesNoNotSure::No, YesNoNotSure::NotSure]
        .map(|a| (a, answer_labels::yes_no_not_sure(a)));
    let two = [YesNo::Yes, YesNo::No].map(|a| (a, answer_labels::yes_no(a)));
    view! {
        <StepFrame step=Step::Screening>
            <h1 class="app-heading-xl" id=HEADING_ID tabindex="-1">
                {i18n.t(Msg::StepScreeningTitle)}
            </h1>
            <RadioGroup
                id="screening-active-inflammation"
                legend=Msg::QuestionInflammation
                hint=Msg::QuestionInflammationHint
                options=msg_options(i18n, &three)
                bind=bind!(state, answers.active_inflammation)
            />
            <RadioGroup
                id="screening-acute-infection"
                legend=Msg::QuestionInfection
                hint=Msg::QuestionInfectionHint
                options=msg_options(i18n, &three)
                bind=bind!(state, answers.acute_infection)
            />
            <RadioGroup
                id="screening-fever-or-unwell"
                legend=Msg::QuestionFever
                options=msg_options(i18n, &two)
                bind=bind!(state, answers.fever_or_unwell)
                layout=RadiosLayout::Inline
            />
        </StepFrame>
    }
}
