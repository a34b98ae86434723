//! When the rules refuse the request now: each reason with why, what to do instead and when to
//! come back. Nothing is posted. A refused country comes with a button that chooses Germany.

use domain::Msg;
use domain::eligibility::{Outcome, Refusal, TreatmentCountry};
use domain::request::{Draft, Step};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use super::step_frame::{HEADING_ID, focus_heading_on_arrival};
use super::{step_href, use_wizard};
use crate::components::PageTitle;
use crate::i18n::use_i18n;

#[component]
pub fn NotEligiblePage() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    let navigate = use_navigate();
    focus_heading_on_arrival();
    let refusals = move || match state.with(Draft::eligibility) {
        Outcome::NotEligibleNow(refusals) => refusals,
        _ => Vec::new(),
    };
    let choose_germany = move |_| {
        state.update(|d| d.answers.country = Some(TreatmentCountry::Germany));
        let next = state.allowed(Step::Check);
        navigate(&next.href(), NavigateOptions::default());
    };
    let title = Signal::derive(move || i18n.t(Msg::WizardNotEligibleTitle)().to_owned());
    let sections = move || {
        let locale = i18n.locale();
        refusals()
            .into_iter()
            .map(|refusal| {
                let text = refusal.text(locale);
                let is_country = matches!(
                    refusal,
                    Refusal::CountryNotProcessedNow(_) | Refusal::CountryNotArranged
                );
                let change = Step::for_pointer(refusal.pointer()).map(step_href);
                view! {
                    <section class="app-refusal">
                        <h2 class="app-heading-m">{text.title}</h2>
                        <p class="app-body">{text.why}</p>
                        <h3 class="app-heading-s">{i18n.t(Msg::WizardInsteadHeading)}</h3>
                        <p class="app-body">{text.instead}</p>
                        <h3 class="app-heading-s">{i18n.t(Msg::WizardComeBackHeading)}</h3>
                        <p class="app-body">{text.come_back}</p>
                        {is_country
                            .then(|| {
                                view! {
                                    <button
                                        class="app-button"
                                        type="button"
                                        on:click=choose_germany.clone()
                                    >
                                        {i18n.t(Msg::WizardChooseGermany)}
                                    </button>
                                }
                            })}
                        {change
                            .map(|href| {
                                view! {
                                    <p class="app-body">
                                        <a href=href>{i18n.t(Msg::NotEligibleChangeAnswer)}</a>
                                    </p>
                                }
                            })}
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <PageTitle text=title />
        <h1 class="app-heading-xl" id=HEADING_ID tabindex="-1">
            {i18n.t(Msg::WizardNotEligibleTitle)}
        </h1>
        {sections}
    }
}
