//! `/conditions`: the condition finder. The query and the category live in the URL (replaced,
//! not pushed, while typing), so back, forward, reload and shared links restore them.

use domain::Msg;
use domain::catalogue::Category;
use domain::search::Searcher;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::components::{PAGE_HEADING_ID, PageTitle, focus_page_heading};
use crate::finder::{
    AzList, CategoryFilter, FinderUrl, LiveCount, NoMatch, ResultList, SearchBox, rows,
};
use crate::i18n::use_i18n;

#[component]
pub fn FinderPage() -> impl IntoView {
    let i18n = use_i18n();
    focus_page_heading();
    let params = use_query_map();
    let url = Memo::new(move |_| params.with(FinderUrl::from_params));
    let category = Memo::new(move |_| url.with(|url| url.category));

    // The field's text is local, so typing never waits for the router; the URL follows it, and
    // it follows the URL when that changes from outside (a link, back or forward).
    let text = RwSignal::new(url.with_untracked(|url| url.query.clone()));
    let written = StoredValue::new(text.get_untracked());
    Effect::new(move |_| {
        let from_url = url.with(|url| url.query.clone());
        if from_url != written.get_value() {
            written.set_value(from_url.clone());
            text.set(from_url);
        }
    });

    let navigate = use_navigate();
    let replace_url = move |next: FinderUrl| {
        written.set_value(next.query.clone());
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&next.href(), options);
    };
    let on_input = {
        let replace_url = replace_url.clone();
        Callback::new(move |query: String| {
            text.set(query.clone());
            replace_url(FinderUrl {
                query,
                ..url.get_untracked()
            });
        })
    };
    let on_category = Callback::new(move |category: Option<Category>| {
        replace_url(FinderUrl {
            category,
            query: text.get_untracked(),
            ..url.get_untracked()
        });
    });

    // One searcher for the page's life: its buffers are reused on every keystroke.
    let searcher = StoredValue::new(Searcher::default());
    let found = Memo::new(move |_| {
        let (query, category, locale) = (text.get(), category.get(), i18n.locale());
        searcher
            .try_update_value(|searcher| rows(searcher, &query, locale, category))
            .unwrap_or_default()
    });
    let searching = Memo::new(move |_| !text.with(|text| text.trim().is_empty()));
    let count = Signal::derive(move || {
        if searching.get() {
            found.with(Vec::len)
        } else {
            az_count(category.get())
        }
    });

    view! {
        <PageTitle
            text=Signal::derive(move || i18n.t(Msg::FinderTitle)().to_owned())
            description=Signal::derive(move || i18n.t(Msg::FinderDescription)().to_owned())
        />
        <h1 class="app-heading-xl" id=PAGE_HEADING_ID tabindex="-1">
            {i18n.t(Msg::FinderTitle)}
        </h1>
        <p class="app-body">{i18n.t(Msg::FinderIntro)}</p>
        <div class="app-finder__controls">
            <SearchBox value=text on_input=on_input />
            <CategoryFilter selected=category on_change=on_category />
        </div>
        <LiveCount count=count />
        <Show when=move || searching.get() fallback=move || view! { <AzList category=category /> }>
            <Show
                when=move || found.with(|found| !found.is_empty())
                fallback=move || view! { <NoMatch query=text /> }
            >
                <ResultList rows=found />
            </Show>
        </Show>
    }
}

/// How many entries the A-Z list shows for `category`.
fn az_count(category: Option<Category>) -> usize {
    let entries = domain::catalogue::catalogue().entries();
    entries
        .iter()
        .filter(|entry| category.is_none_or(|wanted| entry.category == wanted))
        .count()
}
