//! The frame of every question page: the title ("Step n of m: …", "Error: " first when errors
//! show), the back link, the error summary, the form and its button. Continue runs the step's
//! validation and the rules through [`WizardState::advance`] and follows where it leads.

use domain::Msg;
use domain::request::Step;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::browser;
use super::error_summary::{ERROR_SUMMARY_ID, ErrorSummary};
use super::state::{WizardState, error_text, use_wizard};
use super::{BackLink, ContinueButton, step_href};
use crate::components::PageTitle;
use crate::i18n::use_i18n;

/// The id of each page's `<h1>`, focused when the page opens.
pub const HEADING_ID: &str = "app-step-heading";

/// The inline error of one field on `step`, in the current language.
pub fn field_error(
    state: WizardState,
    step: Step,
    ids: &'static [&'static str],
) -> Signal<Option<String>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        state
            .errors_for(step)
            .into_iter()
            .find(|e| ids.contains(&e.field_id.as_str()))
            .map(|e| error_text(&e.text, i18n.locale()))
    })
}

/// True when the page was opened from check your answers (`?return=check`).
pub fn returns_to_check() -> bool {
    use_query_map().with_untracked(|q| q.get("return").as_deref() == Some("check"))
}

/// Moves focus to the page heading once the page is on screen; inside a partner's frame only
/// after the patient has acted in it (see [`browser::may_take_focus`]).
pub fn focus_heading_on_mount() {
    Effect::new(move |_| {
        if browser::may_take_focus() {
            browser::focus_later(HEADING_ID);
        }
    });
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
    let return_to_check = returns_to_check();
    let back = if return_to_check && step != Step::Check {
        Some(step_href(Step::Check, false))
    } else {
        step.previous().map(|s| step_href(s, false))
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
    Effect::new(move |_| {
        if browser::may_take_focus() {
            let target = if errors.with_untracked(Vec::is_empty) {
                HEADING_ID
            } else {
                ERROR_SUMMARY_ID
            };
            browser::focus_later(target);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(on_submit) = on_submit {
            on_submit.run(());
            return;
        }
        match state.advance(step, return_to_check) {
            None => browser::focus_later(ERROR_SUMMARY_ID),
            Some(next) => navigate(&next.href(false), NavigateOptions::default()),
        }
    };
    view! {
        <PageTitle text=title />
        {back.map(|href| view! { <BackLink href=href /> })}
        <ErrorSummary errors=errors />
        <span class="app-caption">{move || step_of(step, i18n.locale())}</span>
        <form class="app-form" novalidate on:submit=submit>
            {children()}
            <ContinueButton label=button busy=busy />
        </form>
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
