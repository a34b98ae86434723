//! `/request/{step}`: the request wizard. The step is the URL; this page provides the wizard's
//! state, applies a `?condition=` prefill, shows a user who opens a step too early the one they
//! may see (and moves the address there), and shows the step's component. `/request` itself
//! opens the wizard where the patient left off (the first question on a first visit).

use domain::catalogue::{ConditionId, catalogue};
use domain::eligibility::ConditionChoice;
use domain::request::{FREE_TEXT_MAX, Step};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

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

impl Page {
    /// The address of the page (only what [`destination`] returns is ever asked).
    fn href(self) -> String {
        match self {
            Page::Step(step) => step_href(step),
            Page::NotEligible => Next::NotEligible.href(),
            Page::UrgentCare => Next::UrgentCare.href(),
            Page::Resume | Page::Unknown => step_href(Step::WhoFor),
        }
    }
}

impl From<Next> for Page {
    fn from(next: Next) -> Page {
        match next {
            Next::Step(step) => Page::Step(step),
            Next::NotEligible => Page::NotEligible,
            Next::UrgentCare => Page::UrgentCare,
        }
    }
}

/// The page a user who asks for `page` may see now: `page` itself, or the first step not yet
/// answered, or the page the answers lead to.
fn destination(state: WizardState, page: Page) -> Page {
    let outcome = state.outcome();
    match page {
        Page::Step(Step::Done) => page,
        Page::Step(step) => state.allowed(step).into(),
        Page::NotEligible if !outcome.can_continue() && !outcome.is_urgent() => page,
        Page::UrgentCare if outcome.is_urgent() => page,
        Page::NotEligible | Page::UrgentCare | Page::Resume => state.allowed(Step::Check).into(),
        Page::Unknown => Page::Step(Step::WhoFor),
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
            state.update(|d| d.answers.condition = Some(ConditionChoice::Catalogue(id)));
        }
    } else if let Some(text) = query.with_untracked(|q| q.get("something_else")) {
        let text: String = text.trim().chars().take(FREE_TEXT_MAX).collect();
        if !text.is_empty() {
            state.update(|d| d.answers.condition = Some(ConditionChoice::SomethingElse(text)));
        }
    }

    let page = Memo::new(move |_| {
        params.with(|p| p.get("step").map_or(Page::Resume, |s| Page::from_slug(&s)))
    });
    // The page shown is where the user may be: a step opened too early shows the first one not
    // answered at once, and its address follows (replacing the one asked for). Answers given on
    // the page do not move it; only a new address does. Rendered at build time, with no answers
    // on the device, every address shows its own page (`/request` the first question).
    let shown = Memo::new(move |_| {
        let page = page.get();
        if crate::IN_BROWSER {
            untrack(|| destination(state, page))
        } else {
            page
        }
    });
    Effect::new(move |_| {
        let (asked, shown) = (page.get(), shown.get());
        if crate::IN_BROWSER && asked != shown {
            navigate(
                &shown.href(),
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });
    let step = move || match shown.get() {
        Page::Step(Step::WhoFor) | Page::Resume | Page::Unknown => {
            view! { <WhoForStep /> }.into_any()
        }
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
    };
    view! {
        <NeedsScript />
        {step}
    }
}
