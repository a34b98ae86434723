//! Step 1: who the request is for, how the requester is related, and whether the patient is an adult.

use domain::Msg;
use domain::eligibility::{AgeGroup, Relation};
use domain::request::{Step, WhoForChoice, label};
use leptos::prelude::*;

use super::step_frame::{StepFrame, field_error};
use super::{RadioGroup, msg_options, use_wizard};
use crate::i18n::use_i18n;

const STEP: Step = Step::WhoFor;

#[component]
pub fn WhoForStep() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    let choices = [WhoForChoice::Myself, WhoForChoice::SomeoneElse].map(|c| (c, label::who_for(c)));
    let relations = Relation::ALL.map(|r| (r, label::relation(r)));
    let ages = [AgeGroup::Adult, AgeGroup::Minor].map(|a| (a, label::age_group(a)));
    let someone_else = move || state.with(|d| d.who_for == Some(WhoForChoice::SomeoneElse));
    view! {
        <StepFrame step=STEP>
            <RadioGroup
                id="requester"
                legend=Msg::StepWhoForTitle
                heading=true
                options=msg_options(i18n, &choices)
                value=Signal::derive(move || state.with(|d| d.who_for))
                on_change=Callback::new(move |c| state.update(|d| d.who_for = Some(c)))
                error=field_error(state, STEP, &["requester"])
            />
            <Show when=someone_else>
                <RadioGroup
                    id="requester-relation"
                    legend=Msg::QuestionRelation
                    options=msg_options(i18n, &relations)
                    value=Signal::derive(move || state.with(|d| d.relation))
                    on_change=Callback::new(move |r| state.update(|d| d.relation = Some(r)))
                    error=field_error(state, STEP, &["requester-relation"])
                />
            </Show>
            <RadioGroup
                id="patient-age-group"
                legend=Msg::QuestionAgeGroup
                options=msg_options(i18n, &ages)
                value=Signal::derive(move || state.with(|d| d.age_group))
                on_change=Callback::new(move |a| state.update(|d| d.age_group = Some(a)))
                error=field_error(state, STEP, &["patient-age-group"])
            />
        </StepFrame>
    }
}
