//! One request of the outbox view: its reference, its state, the date and time it was saved on
//! this device, a warning when it has waited for more than 7 days, and for one the server refused:
//! its words, "Change your answers" (the step the problem is on, while this device still has the
//! answers), "Try again", and "Discard", which asks first and says the request was not sent.

use domain::Msg;
use domain::request::Step;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use super::state::{SavedDraft, WizardState};
use super::submission::problems_to_step;
use super::{change_href, step_href};
use crate::components::focus;
use crate::i18n::use_i18n;
use crate::offline::{self, OutboxItem};
use crate::storage;

/// The outbox view's live region, which says what the reader just did; focus goes there too
/// when the item it was about has gone.
pub const OUTCOME_ID: &str = "app-outbox-outcome";

#[component]
pub fn OutboxItemView(item: OutboxItem, said: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_context::<WizardState>();
    let OutboxItem {
        reference,
        queued_at,
        attention,
        detail,
        errors,
        old,
    } = item;
    let state = move || {
        if attention {
            i18n.format(Msg::OutboxAttention, &[("detail", &detail)])
        } else {
            i18n.t(Msg::OutboxWaiting)().to_owned()
        }
    };
    let saved = move || i18n.format(Msg::OutboxSavedAt, &[("when", &i18n.date_time(queued_at))]);
    let actions = attention.then(|| {
        let fix = answers_here(wizard, &reference).then(|| view! { <FixLink errors=errors /> });
        let again = reference.clone();
        view! {
            <div class="app-outbox__actions">
                {fix}
                <button
                    class="app-button app-button--secondary"
                    type="button"
                    on:click=move |_| offline::retry(&again)
                >
                    {i18n.t(Msg::OutboxRetry)}
                </button> <Discard reference=reference.clone() said=said />
            </div>
        }
    });
    view! {
        <li class="app-outbox__item">
            <p class="app-body">
                <strong>{reference.clone()}</strong>
                ": "
                {state}
            </p>
            <p class="app-body app-outbox__saved">{saved}</p>
            {old
                .then(|| {
                    view! { <p class="app-body app-outbox__warning">{i18n.t(Msg::OutboxOld)}</p> }
                })}
            {actions}
        </li>
    }
}

/// "Change your answers": the server's problems on the step they belong to (as when the wizard
/// itself is refused), then check your answers; the changed request gets a new idempotency key
/// (see `submission::prepare`).
#[component]
fn FixLink(errors: Vec<domain::wire::FieldProblem>) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_context::<WizardState>();
    let navigate = use_navigate();
    let href = problems_to_step(&errors)
        .map_or_else(|| step_href(Step::Check), |(step, _)| change_href(step));
    let target = href.clone();
    let open = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let (Some(wizard), Some(shown)) = (wizard, problems_to_step(&errors)) {
            wizard.errors.set(Some(shown));
        }
        navigate(&target, NavigateOptions::default());
    };
    view! {
        <p class="app-body">
            <a href=href on:click=open>
                {i18n.t(Msg::OutboxFix)}
            </a>
        </p>
    }
}

/// "Discard this request", then a question with what it means (not sent, deleted from this
/// device) and two buttons below it, so a double press cannot discard.
#[component]
fn Discard(reference: String, said: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_context::<WizardState>();
    let asking = RwSignal::new(false);
    let button_id = format!("app-outbox-discard-{reference}");
    let question_id = format!("app-outbox-question-{reference}");
    let ask = {
        let question_id = question_id.clone();
        move |_| {
            asking.set(true);
            focus_soon(question_id.clone());
        }
    };
    let keep = {
        let button_id = button_id.clone();
        move |_| {
            asking.set(false);
            focus_soon(button_id.clone());
        }
    };
    let discard = {
        let reference = reference.clone();
        move |_| {
            let reference = reference.clone();
            let locale = untrack(|| i18n.locale());
            spawn_local(async move {
                if offline::discard(&reference).await {
                    forget_answers(wizard, &reference);
                    said.set(locale.format(Msg::OutboxDiscarded, &[("reference", &reference)]));
                } else {
                    said.set(locale.text(Msg::OutboxDiscardFailed).to_owned());
                    asking.try_set(false);
                }
                focus_soon(OUTCOME_ID.to_owned());
            });
        }
    };
    move || {
        if !asking.get() {
            return view! {
                <button
                    id=button_id.clone()
                    class="app-button app-button--secondary"
                    type="button"
                    on:click=ask.clone()
                >
                    {i18n.t(Msg::OutboxDiscard)}
                </button>
            }
            .into_any();
        }
        let question = i18n.format(Msg::OutboxDiscardQuestion, &[("reference", &reference)]);
        view! {
            <div class="app-outbox__confirm" role="group" aria-labelledby=question_id.clone()>
                <p class="app-body" id=question_id.clone() tabindex="-1">
                    <strong>{question}</strong>
                </p>
                <p class="app-body">{i18n.t(Msg::OutboxDiscardWarning)}</p>
                <div class="app-outbox__buttons">
                    <button
                        class="app-button app-button--warning"
                        type="button"
                        on:click=discard.clone()
                    >
                        {i18n.t(Msg::OutboxDiscardConfirm)}
                    </button>
                    <button
                        class="app-button app-button--secondary"
                        type="button"
                        on:click=keep.clone()
                    >
                        {i18n.t(Msg::OutboxDiscardCancel)}
                    </button>
                </div>
            </div>
        }
        .into_any()
    }
}

fn focus_soon(id: String) {
    request_animation_frame(move || focus(&id));
}

/// Whether the answers kept on this device are those of the request `reference`.
fn answers_here(wizard: Option<WizardState>, reference: &str) -> bool {
    let ours = |s: &SavedDraft| s.ids.as_ref().is_some_and(|(r, _)| r.as_str() == reference);
    wizard
        .and_then(|wizard| wizard.saved.try_with_untracked(ours))
        .unwrap_or_else(|| storage::load_draft().is_some_and(|s| ours(&s)))
}

/// A discarded request's answers leave the device with it.
fn forget_answers(wizard: Option<WizardState>, reference: &str) {
    if !answers_here(wizard, reference) {
        return;
    }
    if let Some(wizard) = wizard {
        wizard.saved.try_set(SavedDraft::default());
    }
    storage::clear_draft();
}
