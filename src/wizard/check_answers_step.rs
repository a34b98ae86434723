//! Step 8: check your answers, each with a "Change" link, then send. Sending is one
//! `Action::new_local`; the button is disabled while it runs; a failure is said in words with a
//! retry; only a 2xx leads to the confirmation, and only then is the draft cleared. A request that
//! may succeed later (no connection, 409, 429, 5xx) goes to the outbox (`crate::offline`) and the
//! confirmation says it is saved on this device; the draft stays until the outbox has sent it.

use domain::Msg;
use domain::catalogue::catalogue;
use domain::eligibility::{ConditionChoice, Outcome, WhoForChoice};
use domain::request::{Draft, Step, answer_labels};
use domain::wire::RequestBody;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use super::check_row::CheckRow;
use super::contact_step::LANGUAGES;
use super::state::SavedDraft;
use super::step_frame::{HEADING_ID, StepFrame};
use super::submission::{errors_to_step, prepare, problems_to_step};
use super::{change_href, step_href, use_wizard};
use crate::api::{self, SubmitError};
use crate::components::focus_later;
use crate::i18n::{I18n, use_i18n};
use crate::{offline, storage};

const STEP: Step = Step::Check;
const SUBMIT_ERROR_ID: &str = "app-submit-error";

#[component]
pub fn CheckAnswersStep() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let send = Action::new_local(|body: &RequestBody| {
        let body = body.clone();
        async move {
            let result = api::submit(&body).await;
            let queued = match &result {
                Err(error) if error.retries_later() => offline::queue(&body).await,
                _ => false,
            };
            (result, queued.then(|| body.reference.as_str().to_owned()))
        }
    });
    let pending = send.pending();
    let failure = RwSignal::new(None::<SubmitError>);

    let go = navigate.clone();
    let submit = Callback::new(move |()| {
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        match prepare(state, untrack(|| i18n.locale())) {
            Ok(body) => {
                send.dispatch_local(body);
            }
            Err(errors) => {
                if let Some((step, shown)) = errors_to_step(&errors) {
                    state.errors.set(Some((step, shown)));
                    go(&change_href(step), NavigateOptions::default());
                }
            }
        }
    });

    Effect::new(move |_| {
        let Some((result, queued)) = send.value().get() else {
            return;
        };
        if let Some(reference) = queued {
            let done = step_href(Step::Done);
            let join = if done.contains('?') { '&' } else { '?' };
            navigate(
                &format!("{done}{join}queued={reference}"),
                NavigateOptions::default(),
            );
            return;
        }
        match result {
            Ok(created) => {
                // Our reference (the outbox's key) is still in the draft until it is cleared.
                let ours = state
                    .saved
                    .with_untracked(|s| s.ids.as_ref().map(|(r, _)| r.as_str().to_owned()));
                let server = created.reference.as_str();
                offline::forget(ours.as_deref().unwrap_or(server), server);
                storage::store_sent_reference(created.reference.as_str());
                state.saved.set(SavedDraft::default());
                storage::clear_draft();
                navigate(
                    &step_href(Step::Done),
                    NavigateOptions {
                        replace: true,
                        ..NavigateOptions::default()
                    },
                );
            }
            Err(SubmitError::Rejected(problems)) => match problems_to_step(&problems) {
                Some((step, shown)) => {
                    state.errors.set(Some((step, shown)));
                    navigate(&change_href(step), NavigateOptions::default());
                }
                None => {
                    failure.set(Some(SubmitError::Rejected(problems)));
                    focus_later(SUBMIT_ERROR_ID);
                }
            },
            Err(error) => {
                failure.set(Some(error));
                focus_later(SUBMIT_ERROR_ID);
            }
        }
    });

    let review = move || match state.with(Draft::eligibility) {
        Outcome::NeedsReview(reasons) => Some(view! {
            <div class="app-inset-text">
                <p class="app-body">{i18n.t(Msg::ReviewNotice)}</p>
                <ul class="app-list">
                    {reasons
                        .into_iter()
                        .map(|r| view! { <li>{i18n.t(r.msg())}</li> })
                        .collect_view()}
                </ul>
            </div>
        }),
        _ => None,
    };
    let failure_view = move || {
        failure.get().map(|error| {
            let text = failure_text(i18n, &error);
            view! {
                <div class="app-error-summary" id=SUBMIT_ERROR_ID role="alert" tabindex="-1">
                    <h2 class="app-error-summary__title">{i18n.t(Msg::WizardSubmitErrorTitle)}</h2>
                    <p class="app-body">{text}</p>
                    <button
                        class="app-button app-button--secondary"
                        type="button"
                        disabled=move || pending.get()
                        on:click=move |_| submit.run(())
                    >
                        {i18n.t(Msg::SubmitRetry)}
                    </button>
                </div>
            }
        })
    };
    view! {
        <StepFrame step=STEP on_submit=submit button=Msg::WizardSubmit busy=pending>
            <h1 class="app-heading-xl" id=HEADING_ID tabindex="-1">
                {i18n.t(Msg::StepCheckTitle)}
            </h1>
            {failure_view}
            {review}
            <AnswerList />
            <p class="app-body" role="status">
                {move || pending.get().then(|| i18n.t(Msg::WizardSending)())}
            </p>
        </StepFrame>
    }
}

fn failure_text(i18n: I18n, error: &SubmitError) -> String {
    let locale = untrack(|| i18n.locale());
    match error {
        SubmitError::Offline => locale.text(Msg::SubmitErrorOffline).to_owned(),
        SubmitError::InProgress => locale.text(Msg::SubmitErrorInProgress).to_owned(),
        SubmitError::TooMany(seconds) => locale.format(
            Msg::SubmitErrorTooMany,
            &[("seconds", &seconds.unwrap_or(60).to_string())],
        ),
        SubmitError::Server => locale.text(Msg::SubmitErrorServer).to_owned(),
        SubmitError::Rejected(problems) => {
            let mut text = locale.text(Msg::WizardSubmitErrorRejected).to_owned();
            for p in problems {
                text.push(' ');
                text.push_str(&p.detail);
            }
            text
        }
    }
}

/// Every answer of the draft, grouped, each with its "Change" link.
#[component]
pub fn AnswerList() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    let row = move |label: Msg, step: Step, get: fn(&Draft, domain::Locale) -> Option<String>| {
        let value = Signal::derive(move || {
            let locale = i18n.locale();
            state
                .with(|d| get(d, locale))
                .unwrap_or_else(|| locale.text(Msg::WizardAnswerMissing).to_owned())
        });
        view! { <CheckRow label=label value=value step=step /> }
    };
    let someone_else = move || state.with(|d| d.answers.who_for == Some(WhoForChoice::SomeoneElse));
    let uses_phone = move || state.with(|d| d.channel.is_some_and(|c| c.uses_phone()));
    view! {
        <h2 class="app-heading-m">{i18n.t(Msg::WizardCheckRequestHeading)}</h2>
        <dl class="app-summary-list">
            {row(
                Msg::WizardLabelWhoFor,
                Step::WhoFor,
                |d, l| d.answers.who_for.map(|c| l.text(answer_labels::who_for(c)).to_owned()),
            )}
            <Show when=someone_else>
                {row(
                    Msg::WizardLabelRelation,
                    Step::WhoFor,
                    |d, l| d.answers.relation.map(|r| l.text(answer_labels::relation(r)).to_owned()),
                )}
            </Show>
            {row(
                Msg::WizardLabelAge,
                Step::WhoFor,
                |d, l| d.answers.age_group.map(|a| l.text(answer_labels::age_group(a)).to_owned()),
            )} {row(Msg::WizardLabelCondition, Step::Condition, condition_text)}
            {row(
                Msg::WizardLabelCountry,
                Step::Country,
                |d, l| d.answers.country.map(|c| l.text(answer_labels::country(c)).to_owned()),
            )}
            {row(
                Msg::WizardLabelInflammation,
                Step::Screening,
                |d, l| {
                    d.answers
                        .active_inflammation
                        .map(|a| l.text(answer_labels::yes_no_not_sure(a)).to_owned())
                },
            )}
            {row(
                Msg::WizardLabelInfection,
                Step::Screening,
                |d, l| {
                    d.answers
                        .acute_infection
                        .map(|a| l.text(answer_labels::yes_no_not_sure(a)).to_owned())
                },
            )}
            {row(
                Msg::WizardLabelFever,
                Step::Screening,
                |d, l| {
                    d.answers.fever_or_unwell.map(|a| l.text(answer_labels::yes_no(a)).to_owned())
                },
            )}
        </dl>
        <h2 class="app-heading-m">{i18n.t(Msg::WizardCheckPatientHeading)}</h2>
        <dl class="app-summary-list">
            {row(Msg::WizardLabelPatientName, Step::Patient, |d, _| d.patient_name.clone())}
        </dl>
        <h2 class="app-heading-m">{i18n.t(Msg::WizardCheckContactHeading)}</h2>
        <dl class="app-summary-list">
            <Show when=someone_else>
                {row(Msg::WizardLabelRequesterName, Step::Contact, |d, _| d.requester_name.clone())}
            </Show>
            {row(
                Msg::WizardLabelChannel,
                Step::Contact,
                |d, l| d.channel.map(|c| l.text(answer_labels::channel(c)).to_owned()),
            )}
            <Show
                when=uses_phone
                fallback=move || row(Msg::WizardLabelEmail, Step::Contact, |d, _| d.email.clone())
            >
                <CheckRow
                    label=Msg::WizardLabelPhone
                    value=Signal::derive(move || {
                        state.with(|d| d.phone.clone()).unwrap_or_default()
                    })
                    step=Step::Contact
                    ltr=true
                />
            </Show>
            {row(Msg::WizardLabelLanguage, Step::Contact, language_text)}
            <Show when=uses_phone>
                {row(
                    Msg::WizardLabelBestTime,
                    Step::Contact,
                    |d, l| d.best_time.map(|t| l.text(answer_labels::best_time(t)).to_owned()),
                )}
            </Show>
            {row(Msg::WizardLabelTimeZone, Step::Contact, |d, _| d.time_zone.clone())}
        </dl>
        <h2 class="app-heading-m">{i18n.t(Msg::WizardCheckConsentHeading)}</h2>
        <dl class="app-summary-list">
            {row(
                Msg::WizardLabelConsentHealth,
                Step::Consent,
                |d, l| Some(given(d.consent_health_data, l)),
            )}
            {row(
                Msg::WizardLabelConsentClinics,
                Step::Consent,
                |d, l| Some(given(d.consent_clinics, l)),
            )}
            {row(
                Msg::WizardLabelConsentMarketing,
                Step::Consent,
                |d, l| Some(given(d.consent_marketing, l)),
            )}
        </dl>
    }
}

fn given(yes: bool, locale: domain::Locale) -> String {
    let msg = if yes {
        Msg::WizardConsentGiven
    } else {
        Msg::WizardConsentNotGiven
    };
    locale.text(msg).to_owned()
}

fn language_text(d: &Draft, locale: domain::Locale) -> Option<String> {
    let tag = d.language.as_deref()?;
    let name = LANGUAGES
        .iter()
        .find(|(t, _)| *t == tag)
        .map(|(_, msg)| locale.text(*msg));
    Some(name.unwrap_or(tag).to_owned())
}

fn condition_text(d: &Draft, locale: domain::Locale) -> Option<String> {
    match d.answers.condition.as_ref()? {
        ConditionChoice::Catalogue(id) => {
            catalogue().get(id).map(|e| e.name.get(locale).to_owned())
        }
        ConditionChoice::SomethingElse(text) => Some(text.clone()),
    }
}
