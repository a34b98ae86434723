//! The form's primary button: "Continue" on the questions, "Send request" on check your answers.

use domain::Msg;
use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn ContinueButton(
    #[prop(default = Msg::WizardContinue)] label: Msg,
    /// While true the button is disabled and says what is happening instead.
    #[prop(optional, into)]
    busy: Signal<bool>,
    #[prop(default = Msg::WizardSending)] busy_label: Msg,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        if busy.get() {
            i18n.locale().text(busy_label)
        } else {
            i18n.locale().text(label)
        }
    };
    view! {
        <button
            class="app-button"
            type="submit"
            disabled=move || busy.get()
            aria-disabled=move || busy.get().then_some("true")
        >
            {text}
        </button>
    }
}
