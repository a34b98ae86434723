//! One block of the content file: a paragraph, a list, the phases, a catalogue list or a notice.
//! `lang` is the article's language, `locale` the interface's (the notices are in it).

use domain::Locale;
use domain::article::{Block, Notice};
use leptos::either::EitherOf6;
use leptos::prelude::*;

use super::{CallToAction, ConditionList, PhaseList, SafetyNotice, ServiceAreaNotice};

#[component]
pub fn ArticleBlock(block: &'static Block, lang: Locale, locale: Locale) -> impl IntoView {
    match block {
        Block::Paragraph(text) => EitherOf6::A(view! {
            <p class="app-body" lang=lang.tag()>
                {text.as_str()}
            </p>
        }),
        Block::List(items) => EitherOf6::B(view! {
            <ul class="app-list" lang=lang.tag()>
                {items.iter().map(|item| view! { <li>{item.as_str()}</li> }).collect_view()}
            </ul>
        }),
        Block::Steps(steps) => EitherOf6::C(view! { <PhaseList steps lang /> }),
        Block::Conditions(kind) => EitherOf6::D(view! { <ConditionList kind=*kind lang /> }),
        Block::Notice(Notice::ServiceArea) => EitherOf6::E(view! { <ServiceAreaNotice locale /> }),
        Block::Notice(Notice::PatientSafety) => {
            EitherOf6::F(view! { <SafetyNotice locale /> }.into_any())
        }
        Block::Notice(Notice::CallToAction) => {
            EitherOf6::F(view! { <CallToAction locale /> }.into_any())
        }
    }
}
