//! Step 2: the condition, one of the catalogue's entries (its two lists, in the article's order)
//! or "Something else" in the user's own words, which a doctor reads.

use domain::Msg;
use domain::catalogue::{ConditionId, Kind, catalogue};
use domain::eligibility::ConditionChoice;
use domain::request::Step;
use leptos::prelude::*;

use super::condition_filter::ConditionFilter;
use super::form_group::LabelStyle;
use super::state::Bind;
use super::step_frame::StepFrame;
use super::{RadioGroup, TextField, TextKind, use_wizard};
use crate::i18n::use_i18n;

/// A radio's value: a listed condition or the free-text choice.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Choice {
    Listed(ConditionId),
    SomethingElse,
}

#[component]
pub fn ConditionStep() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    // The words typed for "Something else" survive a switch to a listed condition and back.
    let typed = RwSignal::new(
        state
            .saved
            .with_untracked(|s| match &s.draft.answers.condition {
                Some(ConditionChoice::SomethingElse(text)) => text.clone(),
                _ => String::new(),
            }),
    );
    let mut groups = Vec::new();
    let mut options: Vec<(Choice, Signal<String>)> = Vec::new();
    for kind in Kind::ALL {
        groups.push((options.len(), kind_heading(kind)));
        options.extend(listed(kind, i18n));
    }
    groups.push((options.len(), Msg::WizardOr));
    options.push((
        Choice::SomethingElse,
        Signal::derive(move || i18n.locale().text(Msg::ConditionSomethingElse).to_owned()),
    ));
    let value = Signal::derive(move || {
        state.with(|d| match &d.answers.condition {
            Some(ConditionChoice::Catalogue(id)) => Some(Choice::Listed(id.clone())),
            Some(ConditionChoice::SomethingElse(_)) => Some(Choice::SomethingElse),
            None => None,
        })
    });
    let choice = Bind {
        value,
        set: Callback::new(move |choice: Option<Choice>| {
            state.update(|d| {
                d.answers.condition = choice.map(|choice| match choice {
                    Choice::Listed(id) => ConditionChoice::Catalogue(id),
                    Choice::SomethingElse => ConditionChoice::SomethingElse(typed.get_untracked()),
                })
            })
        }),
    };
    let words = Bind {
        value: Signal::derive(move || Some(typed.get())),
        set: Callback::new(move |text: Option<String>| {
            let text = text.unwrap_or_default();
            typed.set(text.clone());
            state.update(|d| d.answers.condition = Some(ConditionChoice::SomethingElse(text)));
        }),
    };
    let something_else = move || value.get() == Some(Choice::SomethingElse);
    // The search box narrows the radios to what matches, keeping the chosen one and "Something
    // else" in view; the ids in radio order let a match find its radio.
    let ids: Vec<Option<ConditionId>> = options
        .iter()
        .map(|(choice, _)| match choice {
            Choice::Listed(id) => Some(id.clone()),
            Choice::SomethingElse => None,
        })
        .collect();
    let matches = RwSignal::new(None::<Vec<ConditionId>>);
    let shown = Signal::derive(move || {
        let chosen = value.get();
        matches.with(|m| {
            m.as_ref().map(|found| {
                (0..ids.len())
                    .filter(|&i| match &ids[i] {
                        Some(id) => {
                            found.contains(id) || chosen == Some(Choice::Listed(id.clone()))
                        }
                        None => true,
                    })
                    .collect()
            })
        })
    });
    view! {
        <StepFrame step=Step::Condition>
            <RadioGroup
                id="condition"
                legend=Msg::StepConditionTitle
                style=LabelStyle::Heading
                options=options
                groups=groups
                bind=choice
                shown=shown
            >
                <ConditionFilter matches=matches />
            </RadioGroup>
            <Show when=something_else>
                <TextField
                    id="condition-something-else"
                    label=Msg::ConditionSomethingElseLabel
                    hint=Msg::ConditionSomethingElseHint
                    kind=TextKind::Lines
                    bind=words
                />
            </Show>
        </StepFrame>
    }
}

fn kind_heading(kind: Kind) -> Msg {
    match kind {
        Kind::Pathology => Msg::WizardKindPathology,
        Kind::Goal => Msg::WizardKindGoal,
    }
}

/// The catalogue's entries of one kind as radios, named in the current language.
fn listed(kind: Kind, i18n: crate::i18n::I18n) -> Vec<(Choice, Signal<String>)> {
    catalogue()
        .of_kind(kind)
        .map(|entry| {
            let id = entry.id.clone();
            let name = Signal::derive(move || {
                catalogue()
                    .get(&id)
                    .map(|e| e.name.get(i18n.locale()).to_owned())
                    .unwrap_or_default()
            });
            (Choice::Listed(entry.id.clone()), name)
        })
        .collect()
}
