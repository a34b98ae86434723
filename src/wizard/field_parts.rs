//! What every form field shares (GOV.UK's pattern): the ids of its hint and its error, the
//! `aria-describedby` naming them while they show, and the inline error message.

use domain::Msg;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The `aria-describedby` of a field with the id `id`: its hint when it has one, its error while
/// the error shows (the ids `ErrorMessage` and the hint elements carry).
pub fn described_by(
    id: &str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + use<> {
    let (hint_id, error_id) = (hint_id(id), error_id(id));
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(hint_id.clone());
        }
        if error.with(Option::is_some) {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

pub fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

pub fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// The inline error above a field, prefixed "Error:" for screen readers, while there is one.
#[component]
pub fn ErrorMessage(
    /// The field's id; the message gets `{id}-error`.
    #[prop(into)]
    field: String,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = error_id(&field);
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
