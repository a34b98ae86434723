//! One consent: an unticked checkbox with its full sentence as the label, in a [`FormGroup`].

use domain::Msg;
use leptos::prelude::*;

use super::form_group::{Aria, FormGroup, GroupKind, field_error};
use super::state::Bind;
use crate::i18n::use_i18n;

#[component]
pub fn ConsentCheckbox(#[prop(into)] id: String, label: Msg, bind: Bind<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let error = field_error(&id);
    let aria = Aria::new(&id, None, error);
    view! {
        <FormGroup id=id.clone() kind=GroupKind::Checkbox error=error>
            <div class="app-checkboxes__item">
                <input
                    class="app-checkboxes__input"
                    type="checkbox"
                    id=id.clone()
                    name=id.clone()
                    aria-describedby=aria.described_by
                    aria-invalid=aria.invalid
                    prop:checked=move || bind.value.get()
                    on:change=move |ev| bind.set.run(event_target_checked(&ev))
                />
                <label class="app-checkboxes__label" for=id>
                    {i18n.t(label)}
                </label>
            </div>
        </FormGroup>
    }
}
