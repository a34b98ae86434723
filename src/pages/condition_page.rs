//! `/conditions/{id}`: one condition or goal: its names, the article's words, the evidence note
//! with its source, and the way into the wizard with the condition chosen. An unknown id gets a
//! not-found page with the search box.

use domain::Msg;
use domain::catalogue::{ConditionId, Entry, catalogue};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::components::{PAGE_HEADING_ID, PageTitle, focus_page_heading};
use crate::finder::{FinderUrl, SearchBox, request_href};
use crate::i18n::use_i18n;

#[component]
pub fn ConditionPage() -> impl IntoView {
    let params = use_params_map();
    let entry = Memo::new(move |_| {
        params
            .with(|p| p.get("id"))
            .and_then(|id| catalogue().get(&ConditionId(id)))
    });
    move || match entry.get() {
        Some(entry) => view! { <ConditionDetails entry=entry /> }.into_any(),
        None => view! { <UnknownCondition /> }.into_any(),
    }
}

#[component]
fn ConditionDetails(entry: &'static Entry) -> impl IntoView {
    let i18n = use_i18n();
    focus_page_heading();
    let name = move || entry.name.get(i18n.locale()).to_owned();
    let synonyms = move || {
        let list = entry.synonyms.get(i18n.locale());
        (!list.is_empty()).then(|| {
            view! {
                <h2 class="app-condition__heading">{i18n.t(Msg::ConditionSynonyms)}</h2>
                <ul class="app-condition__synonyms">
                    {list.iter().map(|synonym| view! { <li>{synonym.clone()}</li> }).collect_view()}
                </ul>
            }
        })
    };
    // A shared link previews with the evidence in short: the note, or what the page holds.
    let description = move || match &entry.evidence {
        Some(evidence) => format!("{}: {}", name(), evidence.note.get(i18n.locale())),
        None => i18n.format(Msg::ConditionDescription, &[("name", &name())]),
    };
    let evidence = entry.evidence.as_ref().map(|evidence| {
        view! {
            <h2 class="app-condition__heading">{i18n.t(Msg::ConditionEvidence)}</h2>
            <p class="app-body">{move || evidence.note.get(i18n.locale()).to_owned()}</p>
            <p class="app-body">
                {i18n.t(Msg::ConditionSource)} " "
                <a href=evidence.source_url.clone() lang="en" rel="noreferrer">
                    {evidence.source_title.clone()}
                </a>
            </p>
        }
    });
    view! {
        <PageTitle text=Signal::derive(name) description=Signal::derive(description) />
        <article class="app-condition">
            <p class="app-condition__caption">
                {i18n.t(entry.kind.label())} " · " {i18n.t(entry.category.label())}
            </p>
            <h1 class="app-heading-xl" id=PAGE_HEADING_ID tabindex="-1">
                {name}
            </h1>
            {synonyms}
            <h2 class="app-condition__heading">{i18n.t(Msg::ConditionArticle)}</h2>
            <blockquote class="app-condition__quote" lang="en">
                <p>{entry.article_text.clone()}</p>
            </blockquote>
            {evidence}
            <p class="app-condition__actions">
                <A href=request_href(Some(&entry.id), None) attr:class="app-condition__request">
                    {i18n.t(Msg::ConditionRequest)}
                </A>
            </p>
            <p class="app-body">
                <A href="/conditions">{i18n.t(Msg::ConditionBack)}</A>
            </p>
        </article>
    }
}

/// The page for an id the catalogue does not know: say so, and offer the search.
#[component]
fn UnknownCondition() -> impl IntoView {
    let i18n = use_i18n();
    focus_page_heading();
    let text = RwSignal::new(String::new());
    let navigate = use_navigate();
    let on_submit = Callback::new(move |query: String| {
        let url = FinderUrl {
            query,
            ..FinderUrl::default()
        };
        navigate(&url.href(), Default::default());
    });
    view! {
        <PageTitle text=Signal::derive(move || i18n.t(Msg::ConditionNotFoundTitle)().to_owned()) />
        <h1 class="app-heading-xl" id=PAGE_HEADING_ID tabindex="-1">
            {i18n.t(Msg::ConditionNotFoundTitle)}
        </h1>
        <p class="app-body">{i18n.t(Msg::ConditionNotFoundBody)}</p>
        <SearchBox
            value=text
            on_input=Callback::new(move |value| text.set(value))
            on_submit=on_submit
        />
        <p class="app-body">
            <A href="/conditions">{i18n.t(Msg::ConditionBack)}</A>
        </p>
    }
}
