//! The three phases of the therapeutic effect, as a numbered timeline.

use domain::Locale;
use leptos::prelude::*;

#[component]
pub fn PhaseList(steps: &'static [String], lang: Locale) -> impl IntoView {
    view! {
        <ol class="app-phases" lang=lang.tag()>
            {steps
                .iter()
                .map(|step| view! { <li class="app-phases__item">{step.as_str()}</li> })
                .collect_view()}
        </ol>
    }
}
