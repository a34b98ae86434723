//! A question answered in words: a label (which may be the page's heading), a hint, an inline
//! error and an input or a textarea. No masks: whatever is typed is kept as typed.

use domain::Msg;
use leptos::prelude::*;

use super::field_parts::{ErrorMessage, described_by, hint_id};
use crate::i18n::use_i18n;

#[component]
pub fn TextField(
    /// The field's id, from `FieldError::field_id`.
    #[prop(into)]
    id: String,
    label: Msg,
    /// True when the label is the page's `<h1>` (a one-question page).
    #[prop(optional)]
    heading: bool,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// The `autocomplete` token, for personal fields.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// `text`, `email` or `tel`.
    #[prop(default = "text")]
    input_type: &'static str,
    /// A textarea for answers that may span lines.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = hint_id(&id);
    let described = described_by(&id, hint.is_some(), error);
    let label_view = if heading {
        view! {
            <h1 class="app-label-wrapper" id="app-step-heading" tabindex="-1">
                <label class="app-label app-label--l" for=id.clone()>
                    {i18n.t(label)}
                </label>
            </h1>
        }
        .into_any()
    } else {
        view! { <label class="app-label" for=id.clone()>{i18n.t(label)}</label> }.into_any()
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control = if multiline {
        view! {
            <textarea
                class="app-textarea"
                id=id.clone()
                name=id.clone()
                rows="5"
                aria-describedby=described
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class="app-input"
                type=input_type
                id=id.clone()
                name=id.clone()
                autocomplete=autocomplete
                spellcheck=(input_type != "text").then_some("false")
                aria-describedby=described
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        }
        .into_any()
    };
    let group_class = move || {
        if error.with(Option::is_some) {
            "app-form-group app-form-group--error"
        } else {
            "app-form-group"
        }
    };
    view! {
        <div class=group_class>
            {label_view}
            {hint.map(|msg| view! { <div class="app-hint" id=hint_id>{i18n.t(msg)}</div> })}
            <ErrorMessage field=id.clone() error=error />
            {control}
        </div>
    }
}
