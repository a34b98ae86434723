//! `/request/{step}`: the request wizard. The step is the URL; this page provides the wizard's
//! state, applies a `?condition=` prefill, sends a user who opens a step too early to the one
//! they may see, and shows the step's component. `/request` itself opens the wizard where the
//! patient left off (the first question on a first visit).

use domain::Msg;
use domain::catalogue::{ConditionId, catalogue};
use domain::eligibility::ConditionChoice;
use domain::request::{FREE_TEXT_MAX, Step};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::components::PageTitle;
use crate::i18n::use_i18n;
use crate::wizard::{
    CheckAnswersStep, ConditionStep, ConfirmationPage, ConsentStep, ContactStep, CountryStep,
    HealthStep, NOT_ELIGIBLE_SLUG, NeedsScript, Next, NotEligiblePage, PatientStep,
    URGENT_CARE_SLUG, UrgentCarePage, WhoForStep, WizardState, provide_wizard, step_href,
};

/// What `/request/{slug}` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Page {
    Step(Step),
    NotEligible,
    UrgentCare,
    /// `/request`: wherever the patient left off.
    Resume,
    Unknown,
}

impl Page {
    fn from_slug(slug: &str) -> Page {
        match slug {
            NOT_ELIGIBLE_SLUG => Page::NotEligible,
            URGENT_CARE_SLUG => Page::UrgentCare,
            _ => Step::from_slug(slug).map_or(Page::Unknown, Page::Step),
        }
    }
}

/// Where to send a user who asks for `page` now, or `None` when they may see it.
fn redirect(state: WizardState, page: Page) -> Option<String> {
    let outcome = state.outcome();
    match page {
        Page::Step(Step::Done) => None,
        Page::Step(step) => {
            let allowed = state.allowed(step);
            (allowed != Next::Step(step)).then(|| allowed.href())
        }
        Page::NotEligible if !outcome.can_continue() && !outcome.is_urgent() => None,
        Page::UrgentCare if outcome.is_urgent() => None,
        Page::NotEligible | Page::UrgentCare => Some(state.allowed(Step::Check).href()),
        Page::Resume => Some(state.allowed(Step::Check).href()),
        Page::Unknown => Some(step_href(Step::WhoFor)),
    }
}

#[component]
pub fn RequestPage() -> impl IntoView {
    let state = provide_wizard();
    let params = use_params_map();
    let query = use_query_map();
    let navigate = use_navigate();

    // A link from a condition's page prefills the condition; the finder's "request anyway" link
    // carries the words the user searched for, as "something else" for a doctor to read.
    if let Some(id) = query.with_untracked(|q| q.get("condition")) {
        let id = ConditionId(id);
        if catalogue().get(&id).is_some() {
            state.update(|d| d.condition = Some(ConditionChoice::Catalogue(id)));
        }
    } else if let Some(text) = query.with_untracked(|q| q.get("something_else")) {
        let text: String = text.trim().chars().take(FREE_TEXT_MAX).collect();
        if !text.is_empty() {
            state.update(|d| d.condition = Some(ConditionChoice::SomethingElse(text)));
        }
    }

    let page = Memo::new(move |_| {
        params.with(|p| p.get("step").map_or(Page::Resume, |s| Page::from_slug(&s)))
    });
    Effect::new(move |_| {
        if let Some(href) = redirect(state, page.get()) {
            navigate(
                &href,
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });
    // While a redirect is under way the page still names itself: leptos_meta's title effect
    // otherwise re-runs the closure of the page just left, whose signals are disposed (a panic).
    let i18n = use_i18n();
    let waiting_title = Signal::derive(move || i18n.t(Msg::RequestTitle)().to_owned());
    let step = move || {
        let mut page = page.get();
        // On its way to where the patient left off, `/request` already shows the first question
        // when that is where (it is what the page is rendered with at build time).
        if page == Page::Resume
            && untrack(|| state.allowed(Step::Check)) == Next::Step(Step::WhoFor)
        {
            page = Page::Step(Step::WhoFor);
        }
        if untrack(|| redirect(state, page)).is_some() {
            return view! { <PageTitle text=waiting_title /> }.into_any();
        }
        match page {
            Page::Step(Step::WhoFor) => view! { <WhoForStep /> }.into_any(),
            Page::Step(Step::Condition) => view! { <ConditionStep /> }.into_any(),
            Page::Step(Step::Country) => view! { <CountryStep /> }.into_any(),
            Page::Step(Step::Screening) => view! { <HealthStep /> }.into_any(),
            Page::Step(Step::Patient) => view! { <PatientStep /> }.into_any(),
            Page::Step(Step::Contact) => view! { <ContactStep /> }.into_any(),
            Page::Step(Step::Consent) => view! { <ConsentStep /> }.into_any(),
            Page::Step(Step::Check) => view! { <CheckAnswersStep /> }.into_any(),
            Page::Step(Step::Done) => view! { <ConfirmationPage /> }.into_any(),
            Page::NotEligible => view! { <NotEligiblePage /> }.into_any(),
            Page::UrgentCare => view! { <UrgentCarePage /> }.into_any(),
            Page::Resume | Page::Unknown => ().into_any(),
        }
    };
    view! {
        <NeedsScript />
        {step}
    }
}
