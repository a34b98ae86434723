//! The form kit's frame, GOV.UK's form group, written once for every field type: the label (or a
//! fieldset's legend), which may be the page's `<h1>`; the hint; the inline error with its hidden
//! "Error:" prefix; the group's error modifier; and the `aria-describedby` / `aria-invalid` a
//! control carries ([`Aria`]). A field finds its own error by its id among the errors on show
//! for the step that [`StepFrame`](super::step_frame::StepFrame) provides.

use domain::Msg;
use domain::request::Step;
use leptos::prelude::*;

use super::state::{error_text, use_wizard};
use crate::i18n::use_i18n;

/// The id of each page's `<h1>`, focused when the page opens.
pub const HEADING_ID: &str = "app-step-heading";

/// The step whose errors the fields below look up (provided by `StepFrame`).
#[derive(Clone, Copy, Debug)]
pub struct CurrentStep(pub Step);

/// The inline error of the field `id` on the current step, in the current language; always
/// `None` outside a step (the confirmation's outbox, a component on its own).
pub fn field_error(id: &str) -> Signal<Option<String>> {
    let Some(CurrentStep(step)) = use_context::<CurrentStep>() else {
        return Signal::derive(|| None);
    };
    let state = use_wizard();
    let i18n = use_i18n();
    let id = id.to_owned();
    Signal::derive(move || {
        state
            .errors_for(step)
            .into_iter()
            .find(|e| e.field_id == id)
            .map(|e| error_text(&e.text, i18n.locale()))
    })
}

/// How a question's label or legend shows: as the page's heading (a one-question page) or as a
/// question among others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LabelStyle {
    Heading,
    #[default]
    Question,
}

impl LabelStyle {
    fn label_class(self) -> &'static str {
        match self {
            LabelStyle::Heading => "app-label app-label--l",
            LabelStyle::Question => "app-label",
        }
    }

    fn legend_class(self) -> &'static str {
        match self {
            LabelStyle::Heading => "app-fieldset__legend app-fieldset__legend--l",
            LabelStyle::Question => "app-fieldset__legend app-fieldset__legend--m",
        }
    }
}

/// What the group holds: one control named by a `<label for>`, a fieldset of choices named by
/// its legend, or a single checkbox whose label follows its box (no label above).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    Field,
    Fieldset,
    Checkbox,
}

/// The group's class: `app-form-group`, with the error modifier while its error shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GroupState {
    Normal,
    Error,
}

impl GroupState {
    fn of(error: Signal<Option<String>>) -> GroupState {
        if error.with(Option::is_some) {
            GroupState::Error
        } else {
            GroupState::Normal
        }
    }

    fn class(self) -> &'static str {
        match self {
            GroupState::Normal => "app-form-group",
            GroupState::Error => "app-form-group app-form-group--error",
        }
    }
}

pub fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

pub fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// What a control says to assistive technology: its hint and error as `aria-describedby`
/// while they show, and `aria-invalid` while its error shows.
#[derive(Clone, Copy)]
pub struct Aria {
    pub described_by: Signal<Option<String>>,
    pub invalid: Signal<Option<&'static str>>,
}

impl Aria {
    pub fn new(id: &str, hint: Option<Msg>, error: Signal<Option<String>>) -> Aria {
        let (hint_id, error_id) = (hint_id(id), error_id(id));
        let has_hint = hint.is_some();
        Aria {
            described_by: Signal::derive(move || {
                let mut ids = Vec::new();
                if has_hint {
                    ids.push(hint_id.clone());
                }
                if error.with(Option::is_some) {
                    ids.push(error_id.clone());
                }
                (!ids.is_empty()).then(|| ids.join(" "))
            }),
            invalid: Signal::derive(move || error.with(Option::is_some).then_some("true")),
        }
    }
}

/// The inline error above a control, prefixed "Error:" for screen readers, while there is one.
#[component]
fn ErrorMessage(id: String, error: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|text| {
            view! {
                <p class="app-error-message" id=id.clone()>
                    <span class="app-visually-hidden">{i18n.t(Msg::WizardErrorPrefix)}</span>
                    {text}
                </p>
            }
        })
    }
}

/// One question's group around its control (`children`), which carries [`Aria::new`] of the
/// same id, hint and error (a fieldset carries them itself).
#[component]
pub fn FormGroup(
    /// The control's id (a fieldset's first control's); the hint and error ids derive from it.
    #[prop(into)]
    id: String,
    kind: GroupKind,
    /// The label or legend; none for a checkbox, whose control has its own.
    #[prop(optional_no_strip)]
    label: Option<Msg>,
    #[prop(optional)] style: LabelStyle,
    #[prop(optional_no_strip)] hint: Option<Msg>,
    error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || label.map(|msg| i18n.t(msg)());
    let heading = style == LabelStyle::Heading;
    let head = match kind {
        GroupKind::Field if heading => view! {
            <h1 class="app-label-wrapper" id=HEADING_ID tabindex="-1">
                <label class=style.label_class() for=id.clone()>
                    {text}
                </label>
            </h1>
        }
        .into_any(),
        GroupKind::Field => view! {
            <label class=style.label_class() for=id.clone()>
                {text}
            </label>
        }
        .into_any(),
        GroupKind::Fieldset if heading => view! {
            <legend class=style.legend_class()>
                <h1 class="app-fieldset__heading" id=HEADING_ID tabindex="-1">
                    {text}
                </h1>
            </legend>
        }
        .into_any(),
        GroupKind::Fieldset => {
            view! { <legend class=style.legend_class()>{text}</legend> }.into_any()
        }
        GroupKind::Checkbox => ().into_any(),
    };
    let hint_view = hint.map(|msg| {
        view! {
            <div class="app-hint" id=hint_id(&id)>
                {i18n.t(msg)}
            </div>
        }
    });
    let message = view! { <ErrorMessage id=error_id(&id) error=error /> };
    let class = move || GroupState::of(error).class();
    if kind == GroupKind::Fieldset {
        let aria = Aria::new(&id, hint, error);
        view! {
            <div class=class>
                <fieldset class="app-fieldset" aria-describedby=aria.described_by>
                    {head}
                    {hint_view}
                    {message}
                    {children()}
                </fieldset>
            </div>
        }
        .into_any()
    } else {
        view! { <div class=class>{head} {hint_view} {message} {children()}</div> }.into_any()
    }
}
