//! The whole catalogue from A to Z, grouped by first letter: what the finder shows before the
//! reader types.

use domain::catalogue::{Category, Entry, catalogue};
use domain::search::sort_key;
use domain::{Locale, Msg};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::use_i18n;

/// The entries of `category` (all when `None`) sorted by name in the reader's language, under
/// one heading per letter.
#[component]
pub fn AzList(#[prop(into)] category: Signal<Option<Category>>) -> impl IntoView {
    let i18n = use_i18n();
    let groups = move || letter_groups(i18n.locale(), category.get());
    view! {
        <h2 class="app-finder-az__title">{i18n.t(Msg::FinderAzTitle)}</h2>
        <div class="app-finder-az">
            {move || {
                groups()
                    .into_iter()
                    .map(|(letter, entries)| {
                        let locale = i18n.locale();
                        let items = entries
                            .into_iter()
                            .map(|entry| {
                                let href = format!("/conditions/{}", entry.id.as_str());
                                view! {
                                    <li class="app-finder-az__item">
                                        <A href=href attr:class="app-finder-az__link">
                                            {entry.name.get(locale).to_owned()}
                                        </A>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <section class="app-finder-az__group">
                                <h3 class="app-finder-az__letter">{letter}</h3>
                                <ul class="app-finder-az__list">{items}</ul>
                            </section>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// The entries of `category` in A-Z order, grouped by the first letter of their folded name.
fn letter_groups(locale: Locale, category: Option<Category>) -> Vec<(String, Vec<&'static Entry>)> {
    let mut groups: Vec<(String, Vec<&'static Entry>)> = Vec::new();
    let wanted = catalogue()
        .alphabetical(locale)
        .into_iter()
        .filter(|entry| category.is_none_or(|wanted| entry.category == wanted));
    for entry in wanted {
        let letter: String = sort_key(entry.name.get(locale))
            .chars()
            .next()
            .map(|first| first.to_uppercase().collect())
            .unwrap_or_default();
        match groups.last_mut() {
            Some((last, entries)) if *last == letter => entries.push(entry),
            _ => groups.push((letter, vec![entry])),
        }
    }
    groups
}
