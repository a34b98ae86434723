//! The patient-safety block beside the article's safety claim: information not advice, the
//! contraindications, the questions to ask any clinic, and what regulators say, with sources.

use domain::article::{FDA_URL, ISSCR_URL, PATIENT_SAFETY_ID, SAFETY_QUESTIONS};
use domain::{Locale, Msg};
use leptos::prelude::*;

#[component]
pub fn SafetyNotice(locale: Locale) -> impl IntoView {
    let t = move |msg| locale.text(msg);
    view! {
        <section class="app-safety" aria-labelledby=PATIENT_SAFETY_ID lang=locale.tag()>
            <h3 class="app-safety__title" id=PATIENT_SAFETY_ID>
                {t(Msg::ArticleSafetyTitle)}
            </h3>
            <p class="app-safety__text">
                <strong>{t(Msg::ArticleSafetyNotAdvice)}</strong>
            </p>
            <p class="app-safety__text">{t(Msg::ArticleSafetyClaims)}</p>
            <p class="app-safety__text">{t(Msg::ArticleSafetyContraindications)}</p>
            <h4 class="app-safety__subtitle">{t(Msg::ArticleSafetyQuestionsTitle)}</h4>
            <ul class="app-list">
                {SAFETY_QUESTIONS.map(|msg| view! { <li>{t(msg)}</li> }).collect_view()}
            </ul>
            <h4 class="app-safety__subtitle">{t(Msg::ArticleSafetyRegulatorsTitle)}</h4>
            <p class="app-safety__text">{t(Msg::ArticleSafetyFda)}</p>
            <p class="app-safety__text">
                <a href=FDA_URL>{t(Msg::ArticleSafetyFdaLink)}</a>
            </p>
            <p class="app-safety__text">{t(Msg::ArticleSafetyIsscr)}</p>
            <p class="app-safety__text">
                <a href=ISSCR_URL>{t(Msg::ArticleSafetyIsscrLink)}</a>
            </p>
        </section>
    }
}
