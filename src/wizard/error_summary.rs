//! The GOV.UK error summary: "There is a problem", a link to each field, focused when it appears.

use domain::Msg;
use leptos::prelude::*;

use super::state::{ShownError, error_text};
use crate::components::focus;
use crate::i18n::use_i18n;

/// The id the wizard focuses when the summary appears.
pub const ERROR_SUMMARY_ID: &str = "app-error-summary";

#[component]
pub fn ErrorSummary(#[prop(into)] errors: Signal<Vec<ShownError>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|error| {
                    let href = format!("#{}", error.field_id);
                    let id = error.field_id.clone();
                    let text = move || error_text(&error.text, i18n.locale());
                    view! {
                        <li>
                            <a
                                href=href
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    focus(&id);
                                }
                            >
                                {text}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div
                    class="app-error-summary"
                    id=ERROR_SUMMARY_ID
                    role="alert"
                    tabindex="-1"
                    aria-labelledby="app-error-summary-title"
                >
                    <h2 class="app-error-summary__title" id="app-error-summary-title">
                        {i18n.t(Msg::WizardErrorSummaryTitle)}
                    </h2>
                    <ul class="app-error-summary__list">{items}</ul>
                </div>
            }
        })
    }
}
