//! Step 1: who the request is for, how the requester is related, and whether the patient is an adult.

use domain::Msg;
use domain::eligibility::{AgeGroup, Relation, WhoForChoice};
use domain::request::{Step, answer_labels};
use leptos::prelude::*;

use super::form_group::LabelStyle;
use super::state::bind;
use super::step_frame::StepFrame;
use super::{RadioGroup, msg_options, use_wizard};
use crate::i18n::use_i18n;

#[component]
pub fn WhoForStep() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    let choices =
        [WhoForChoice::Myself, WhoForChoice::SomeoneElse].map(|c| (c, answer_labels::who_for(c)));
    let relations = Relation::ALL.map(|r| (r, answer_labels::relation(r)));
    let ages = [AgeGroup::Adult, AgeGroup::Minor].map(|a| (a, answer_labels::age_group(a)));
    let someone_else = move || state.with(|d| d.answers.who_for == Some(WhoForChoice::SomeoneElse));
    view! {
        <StepFrame step=Step::WhoFor>
            <RadioGroup
                id="requester"
                legend=Msg::StepWhoForTitle
                style=LabelStyle::Heading
                options=msg_options(i18n, &choices)
                bind=bind!(state, answers.who_for)
            />
            <Show when=someone_else>
                <RadioGroup
                    id="requester-relation"
                    legend=Msg::QuestionRelation
                    options=msg_options(i18n, &relations)
                    bind=bind!(state, answers.relation)
                />
            </Show>
            <RadioGroup
                id="patient-age-group"
                legend=Msg::QuestionAgeGroup
                options=msg_options(i18n, &ages)
                bind=bind!(state, answers.age_group)
            />
        </StepFrame>
    }
}
