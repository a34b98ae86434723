//! One consent: an unticked checkbox with its full sentence as the label and an inline error.

use domain::Msg;
use leptos::prelude::*;

use super::field_parts::{ErrorMessage, described_by};
use crate::i18n::use_i18n;

#[component]
pub fn ConsentCheckbox(
    #[prop(into)] id: String,
    label: Msg,
    #[prop(into)] checked: Signal<bool>,
    on_change: Callback<bool>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let described = described_by(&id, false, error);
    let group_class = move || {
        if error.with(Option::is_some) {
            "app-form-group app-form-group--error"
        } else {
            "app-form-group"
        }
    };
    view! {
        <div class=group_class>
            <ErrorMessage field=id.clone() error=error />
            <div class="app-checkboxes__item">
                <input
                    class="app-checkboxes__input"
                    type="checkbox"
                    id=id.clone()
                    name=id.clone()
                    aria-describedby=described
                    prop:checked=move || checked.get()
                    on:change=move |ev| on_change.run(event_target_checked(&ev))
                />
                <label class="app-checkboxes__label" for=id>
                    {i18n.t(label)}
                </label>
            </div>
        </div>
    }
}
