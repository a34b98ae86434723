//! The frame of every question page: the title ("Step n of m: …", "Error: " first when errors
//! show), the back link, the error summary, the form and its button, and the way to delete the
//! answers from this device. Continue runs the step's validation and the rules through
//! [`WizardState::advance`] and follows where it leads.

use domain::Msg;
use domain::request::Step;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::delete_answers::{DELETED_NOTICE_ID, DeleteAnswers, DeletedNotice};
use super::error_summary::{ERROR_SUMMARY_ID, ErrorSummary};
use super::form_group::CurrentStep;
pub use super::form_group::HEADING_ID;
use super::state::{DRAFT_DAYS, use_wizard};
use super::{BackLink, ContinueButton, step_href};
use crate::components::focus_later;
use crate::components::{PageTitle, focus_on_arrival};
use crate::i18n::use_i18n;

/// True when the page was opened from check your answers (`?return=check`).
pub fn returns_to_check() -> bool {
    use_query_map().with_untracked(|q| q.get("return").as_deref() == Some("check"))
}

/// Moves focus to the page heading when the reader arrives (see [`focus_on_arrival`]).
pub fn focus_heading_on_arrival() {
    focus_on_arrival(|| HEADING_ID);
}

#[component]
pub fn StepFrame(
    step: Step,
    /// Replaces Continue's validation and navigation (check your answers sends instead).
    #[prop(optional)]
    on_submit: Option<Callback<()>>,
    #[prop(default = Msg::WizardContinue)] button: Msg,
    #[prop(optional, into)] busy: Signal<bool>,
    children: Children,
) -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    let navigate = use_navigate();
    provide_context(CurrentStep(step));
    let return_to_check = returns_to_check();
    let back = if return_to_check && step != Step::Check {
        Some(step_href(Step::Check))
    } else {
        step.previous().map(step_href)
    };
    let errors = Signal::derive(move || state.errors_for(step));
    let title = Signal::derive(move || {
        let prefix = if errors.with(Vec::is_empty) {
            ""
        } else {
            i18n.locale().text(Msg::WizardErrorPrefix)
        };
        format!(
            "{prefix}{}: {}",
            step_of(step, i18n.locale()),
            i18n.locale().text(step.title())
        )
    });
    // Errors already on show when the page opens (the server refused the request and check your
    // answers sent the reader here) are focused like the browser's own: the summary, not the heading.
    focus_on_arrival(move || {
        if !errors.with_untracked(Vec::is_empty) {
            ERROR_SUMMARY_ID
        } else if state.deleted.get_untracked() {
            DELETED_NOTICE_ID
        } else {
            HEADING_ID
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(on_submit) = on_submit {
            on_submit.run(());
            return;
        }
        match state.advance(step, return_to_check) {
            None => focus_later(ERROR_SUMMARY_ID),
            Some(next) => navigate(&next.href(), NavigateOptions::default()),
        }
    };
    let kept_for = (step == Step::WhoFor && crate::storage::is_available()).then(|| {
        view! {
            <p class="app-body app-body--secondary">
                {move || i18n.format(Msg::WizardDraftKeptFor, &[("days", &DRAFT_DAYS.to_string())])}
            </p>
        }
    });
    view! {
        <PageTitle text=title />
        {back.map(|href| view! { <BackLink href=href /> })}
        <ErrorSummary errors=errors />
        <DeletedNotice />
        <span class="app-caption">{move || step_of(step, i18n.locale())}</span>
        <form class="app-form" novalidate on:submit=submit>
            {children()}
            <ContinueButton label=button busy=busy />
        </form>
        {kept_for}
        <DeleteAnswers />
    }
}

/// "Step n of m" for a counted step.
pub fn step_of(step: Step, locale: domain::Locale) -> String {
    let (n, m) = step.number().unwrap_or((Step::COUNTED, Step::COUNTED));
    locale.format(
        Msg::WizardStepOf,
        &[("n", &n.to_string()), ("m", &m.to_string())],
    )
}
