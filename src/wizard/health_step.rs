//! Step 4: the health screening: active inflammation, acute infection, fever or acutely unwell.

use domain::Msg;
use domain::eligibility::{YesNo, YesNoNotSure};
use domain::request::{Step, label};
use leptos::prelude::*;

use super::step_frame::{HEADING_ID, StepFrame, field_error};
use super::{RadioGroup, msg_options, use_wizard};
use crate::i18n::use_i18n;

const STEP: Step = Step::Screening;

#[component]
pub fn HealthStep() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    let three = [YesNoNotSure::Yes, YesNoNotSure::No, YesNoNotSure::NotSure]
        .map(|a| (a, label::yes_no_not_sure(a)));
    let two = [YesNo::Yes, YesNo::No].map(|a| (a, label::yes_no(a)));
    view! {
        <StepFrame step=STEP>
            <h1 class="app-heading-xl" id=HEADING_ID tabindex="-1">
                {i18n.t(Msg::StepScreeningTitle)}
            </h1>
            <RadioGroup
                id="screening-active-inflammation"
                legend=Msg::QuestionInflammation
                hint=Msg::QuestionInflammationHint
                options=msg_options(i18n, &three)
                value=Signal::derive(move || state.with(|d| d.active_inflammation))
                on_change=Callback::new(move |a| state.update(|d| d.active_inflammation = Some(a)))
                error=field_error(state, STEP, &["screening-active-inflammation"])
            />
            <RadioGroup
                id="screening-acute-infection"
                legend=Msg::QuestionInfection
                hint=Msg::QuestionInfectionHint
                options=msg_options(i18n, &three)
                value=Signal::derive(move || state.with(|d| d.acute_infection))
                on_change=Callback::new(move |a| state.update(|d| d.acute_infection = Some(a)))
                error=field_error(state, STEP, &["screening-acute-infection"])
            />
            <RadioGroup
                id="screening-fever-or-unwell"
                legend=Msg::QuestionFever
                options=msg_options(i18n, &two)
                value=Signal::derive(move || state.with(|d| d.fever_or_unwell))
                on_change=Callback::new(move |a| state.update(|d| d.fever_or_unwell = Some(a)))
                error=field_error(state, STEP, &["screening-fever-or-unwell"])
                inline=true
            />
        </StepFrame>
    }
}
