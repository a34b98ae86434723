//! A question answered in words: an input or a textarea in a [`FormGroup`]. No masks: whatever
//! is typed is kept as typed.

use domain::Msg;
use leptos::prelude::*;

use super::form_group::{Aria, FormGroup, GroupKind, LabelStyle, field_error};
use super::state::Bind;

/// The kind of text a field takes, with what the browser should do about it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextKind {
    #[default]
    Line,
    Email,
    /// A phone number: digits read left to right in every script (`dir="ltr"`).
    Tel,
    /// A textarea, for answers that may span lines.
    Lines,
}

impl TextKind {
    fn input_type(self) -> &'static str {
        match self {
            TextKind::Line | TextKind::Lines => "text",
            TextKind::Email => "email",
            TextKind::Tel => "tel",
        }
    }

    fn spellcheck(self) -> Option<&'static str> {
        matches!(self, TextKind::Email | TextKind::Tel).then_some("false")
    }

    fn dir(self) -> Option<&'static str> {
        (self == TextKind::Tel).then_some("ltr")
    }
}

#[component]
pub fn TextField(
    /// The field's id, from `FieldError::field_id`.
    #[prop(into)]
    id: String,
    label: Msg,
    #[prop(optional)] style: LabelStyle,
    #[prop(optional)] hint: Option<Msg>,
    bind: Bind<Option<String>>,
    /// The `autocomplete` token, for personal fields.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    #[prop(optional)] kind: TextKind,
    /// Shown in the group above the input (the phone number's country).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let error = field_error(&id);
    let aria = Aria::new(&id, hint, error);
    let value = move || bind.value.get().unwrap_or_default();
    let set = move |ev: leptos::ev::Event| bind.set.run(Some(event_target_value(&ev)));
    let control = if kind == TextKind::Lines {
        view! {
            <textarea
                class="app-textarea"
                id=id.clone()
                name=id.clone()
                rows="5"
                aria-describedby=aria.described_by
                aria-invalid=aria.invalid
                prop:value=value
                on:input=set
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class="app-input"
                type=kind.input_type()
                id=id.clone()
                name=id.clone()
                dir=kind.dir()
                autocomplete=autocomplete
                spellcheck=kind.spellcheck()
                aria-describedby=aria.described_by
                aria-invalid=aria.invalid
                prop:value=value
                on:input=set
            />
        }
        .into_any()
    };
    view! {
        <FormGroup
            id=id.clone()
            kind=GroupKind::Field
            label=Some(label)
            style=style
            hint=hint
            error=error
        >
            {children.map(|children| children())}
            {control}
        </FormGroup>
    }
}
