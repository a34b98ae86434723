//! After the server's 201: the reference, the call-back promise, what happens next, how to
//! withdraw consent, and a Print button. It never sends anything, so going back cannot resend.

use domain::Msg;
use domain::eligibility::CALLBACK_HOURS;
use leptos::prelude::*;

use super::step_frame::{HEADING_ID, focus_heading_on_mount};
use super::{browser, step_href};
use crate::components::PageTitle;
use crate::i18n::use_i18n;
use crate::storage;
use domain::request::Step;

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let i18n = use_i18n();
    let reference = storage::sent_reference();
    focus_heading_on_mount();
    let title = Signal::derive(move || i18n.t(Msg::StepDoneTitle)().to_owned());
    let body = match reference {
        Some(reference) => view! {
            <div class="app-panel">
                <h1 class="app-panel__title" id=HEADING_ID tabindex="-1">
                    {i18n.t(Msg::DonePanelTitle)}
                </h1>
                <p class="app-panel__body">
                    {move || i18n.format(Msg::DoneReference, &[("reference", &reference)])}
                </p>
            </div>
            <p class="app-body">
                {move || {
                    i18n.format(Msg::DoneCallback, &[("hours", &CALLBACK_HOURS.to_string())])
                }}
            </p>
            <h2 class="app-heading-m">{i18n.t(Msg::DoneNextTitle)}</h2>
            <p class="app-body">{i18n.t(Msg::DoneNextBody)}</p>
            <p class="app-body">{i18n.t(Msg::DoneWithdraw)}</p>
            <button class="app-button app-button--secondary app-no-print" type="button" on:click=|_| browser::print()>
                {i18n.t(Msg::WizardDonePrint)}
            </button>
            <p class="app-body app-no-print">
                <a href=step_href(Step::WhoFor, false)>{i18n.t(Msg::WizardDoneStartAgain)}</a>
            </p>
        }
        .into_any(),
        None => view! {
            <h1 class="app-heading-xl" id=HEADING_ID tabindex="-1">
                {i18n.t(Msg::StepDoneTitle)}
            </h1>
            <p class="app-body">{i18n.t(Msg::WizardDoneMissing)}</p>
            <p class="app-body">
                <a href=step_href(Step::WhoFor, false)>{i18n.t(Msg::WizardDoneStartAgain)}</a>
            </p>
        }
        .into_any(),
    };
    view! {
        <PageTitle text=title />
        {body}
    }
}
