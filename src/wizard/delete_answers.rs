//! "Delete my answers from this device", on every step and on the confirmation (a shared or
//! hospital computer), and the notice that says it happened. Deleting empties the draft and the
//! last reference and opens the first step, where the notice is focused.

use domain::Msg;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use super::state::use_wizard;
use super::step_href;
use crate::components::focus_later;
use crate::i18n::use_i18n;
use domain::request::Step;

/// The id of the notice, focused after deleting.
pub const DELETED_NOTICE_ID: &str = "app-deleted-notice";

#[component]
pub fn DeleteAnswers() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let delete = move |_| {
        state.delete_answers();
        navigate(&step_href(Step::WhoFor), NavigateOptions::default());
        focus_later(DELETED_NOTICE_ID);
    };
    view! {
        <p class="app-body app-no-print">
            <button class="app-button app-button--secondary" type="button" on:click=delete>
                {i18n.t(Msg::WizardDeleteAnswers)}
            </button>
        </p>
    }
}

/// What deleting did, while it is news (until the reader next continues).
#[component]
pub fn DeletedNotice() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    move || {
        state.deleted.get().then(|| {
            view! {
                <div class="app-notification" id=DELETED_NOTICE_ID role="status" tabindex="-1">
                    <p class="app-body">{i18n.t(Msg::WizardAnswersDeleted)}</p>
                </div>
            }
        })
    }
}
