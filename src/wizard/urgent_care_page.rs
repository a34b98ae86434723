//! When the patient has a fever or feels acutely unwell now: see a doctor now. Nothing is posted.

use domain::Msg;
use domain::eligibility::Refusal;
use domain::request::Step;
use leptos::prelude::*;

use super::step_frame::{HEADING_ID, focus_heading_on_arrival};
use super::step_href;
use crate::components::PageTitle;
use crate::i18n::use_i18n;

#[component]
pub fn UrgentCarePage() -> impl IntoView {
    let i18n = use_i18n();
    focus_heading_on_arrival();
    let text = move || Refusal::UrgentCare.text(i18n.locale());
    // The page's title is its heading, in every language.
    let title = Signal::derive(move || text().title);
    view! {
        <PageTitle text=title />
        <div class="app-warning">
            <h1 class="app-heading-xl" id=HEADING_ID tabindex="-1">
                {move || text().title}
            </h1>
            <p class="app-body">{move || text().why}</p>
            <p class="app-body app-body--strong">{move || text().instead}</p>
        </div>
        <h2 class="app-heading-m">{i18n.t(Msg::WizardComeBackHeading)}</h2>
        <p class="app-body">{move || text().come_back}</p>
        <p class="app-body">
            <a href=step_href(Step::Screening)>{i18n.t(Msg::NotEligibleChangeAnswer)}</a>
        </p>
        // Inside a partner's frame the site's pages may not be framed: no link to them there.
        {(!crate::embed::is_embedded())
            .then(|| {
                view! {
                    <p class="app-body">
                        <a href="/">{i18n.t(Msg::WizardGoToArticle)}</a>
                    </p>
                }
            })}
    }
}
