//! After the server's 201: the reference, the call-back promise, what happens next, how to
//! withdraw consent, and a Print button. It never sends anything, so going back cannot resend.
//! With `?queued={reference}` the request is in the outbox: the page says it is saved on this
//! device until the outbox reports it sent, then shows the server's reference; once it is no
//! longer in the outbox unsent (the reader discarded it), the page says it was not sent. The
//! outbox view (every request saved on this device) is part of this page.

use domain::Msg;
use domain::eligibility::CALLBACK_HOURS;
use leptos::prelude::*;

use super::delete_answers::DeleteAnswers;
use super::outbox_list::OutboxList;
use super::printing;
use super::state::{SavedDraft, WizardState};
use super::step_frame::{HEADING_ID, focus_heading_on_arrival};
use super::step_href;
use crate::components::{OperatorDetails, PageTitle};
use crate::i18n::use_i18n;
use crate::offline::use_offline;
use crate::storage;
use domain::request::Step;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    let queued = use_query_map().with_untracked(|q| q.get("queued"));
    focus_heading_on_arrival();
    // Sent by the outbox: the answers in this page's wizard leave the device too.
    if let (Some(queued), Some(wizard)) = (queued.clone(), use_context::<WizardState>()) {
        Effect::new(move |_| {
            let ours = |s: &SavedDraft| s.ids.as_ref().is_some_and(|(r, _)| r.as_str() == queued);
            if offline.with(|o| o.sent_as(&queued).is_some()) && wizard.saved.with_untracked(ours) {
                wizard.saved.set(SavedDraft::default());
            }
        });
    }
    // A memo, so the outbox's other reports do not redraw the heading.
    let shown = Memo::new(move |_| match queued.clone() {
        Some(ours) => offline.with(|o| match o.sent_as(&ours) {
            Some(server) => Shown::Sent(server.to_owned()),
            None if o.ready && !o.items.iter().any(|i| i.reference == ours) => Shown::NotSent(ours),
            None => Shown::Queued(ours),
        }),
        None => {
            // The outbox may have sent the draft's request since (see `crate::offline`).
            offline.track();
            storage::sent_reference().map_or(Shown::Missing, Shown::Sent)
        }
    });
    let title = Signal::derive(move || {
        let msg = match shown.get() {
            Shown::Queued(_) => Msg::OutboxQueuedTitle,
            Shown::NotSent(_) => Msg::OutboxNotSentTitle,
            Shown::Sent(_) | Shown::Missing => Msg::StepDoneTitle,
        };
        i18n.t(msg)().to_owned()
    });
    let body = move || match shown.get() {
        Shown::Sent(reference) => sent_view(reference).into_any(),
        Shown::Queued(reference) => queued_view(reference).into_any(),
        Shown::NotSent(reference) => not_sent_view(reference).into_any(),
        Shown::Missing => missing_view().into_any(),
    };
    let delete = use_context::<WizardState>().map(|_| view! { <DeleteAnswers /> });
    view! {
        <PageTitle text=title />
        {body}
        <OutboxList />
        {delete}
    }
}

/// What the page shows: the server's reference, ours while the request waits in the outbox, ours
/// once it left the outbox unsent, or nothing to show.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Shown {
    Sent(String),
    Queued(String),
    NotSent(String),
    Missing,
}

fn queued_view(reference: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="app-panel app-panel--queued">
            <h1 class="app-panel__title" id=HEADING_ID tabindex="-1">
                {i18n.t(Msg::OutboxQueuedTitle)}
            </h1>
            <p class="app-panel__body">
                {move || i18n.format(Msg::OutboxQueuedReference, &[("reference", &reference)])}
            </p>
        </div>
    }
}

fn sent_view(reference: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="app-panel">
            <h1 class="app-panel__title" id=HEADING_ID tabindex="-1">
                {i18n.t(Msg::DonePanelTitle)}
            </h1>
            <p class="app-panel__body">
                {move || i18n.format(Msg::DoneReference, &[("reference", &reference)])}
            </p>
        </div>
        // A partner's test mode stores nothing, so nobody will call.
        <p class="app-body">
            {move || {
                if crate::embed::is_test_mode() {
                    i18n.t(Msg::DoneTestNoCall)().to_owned()
                } else {
                    i18n.format(Msg::DoneCallback, &[("hours", &CALLBACK_HOURS.to_string())])
                }
            }}
        </p>
        {(!crate::embed::is_test_mode())
            .then(|| {
                view! {
                    <h2 class="app-heading-m">{i18n.t(Msg::DoneNextTitle)}</h2>
                    <p class="app-body">{i18n.t(Msg::DoneNextBody)}</p>
                }
            })}
        <p class="app-body">{i18n.t(Msg::DoneWithdraw)}</p>
        <OperatorDetails />
        <button
            class="app-button app-button--secondary app-no-print"
            type="button"
            on:click=|_| printing::print()
        >
            {i18n.t(Msg::WizardDonePrint)}
        </button>
        <p class="app-body app-no-print">
            <a href=step_href(Step::WhoFor)>{i18n.t(Msg::WizardDoneStartAgain)}</a>
        </p>
    }
}

fn not_sent_view(reference: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 class="app-heading-xl" id=HEADING_ID tabindex="-1">
            {i18n.t(Msg::OutboxNotSentTitle)}
        </h1>
        <p class="app-body">
            {move || i18n.format(Msg::OutboxNotSentBody, &[("reference", &reference)])}
        </p>
        <p class="app-body">
            <a href=step_href(Step::WhoFor)>{i18n.t(Msg::OutboxNotSentStart)}</a>
        </p>
    }
}

fn missing_view() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 class="app-heading-xl" id=HEADING_ID tabindex="-1">
            {i18n.t(Msg::StepDoneTitle)}
        </h1>
        <p class="app-body">{i18n.t(Msg::WizardDoneMissing)}</p>
        <p class="app-body">
            <a href=step_href(Step::WhoFor)>{i18n.t(Msg::WizardDoneStartAgain)}</a>
        </p>
    }
}
