//! Turns the engine's hits into rows the result list can keep: the entry, the text that matched
//! and its highlights, and whether that text is the name the reader sees or something else
//! (a synonym, the other language's name) to show as "matches: …".

use std::ops::Range;

use domain::Locale;
use domain::catalogue::{Category, Entry, catalogue, search_index};
use domain::search::{FieldKind, Searcher};

/// One search result, ready to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub entry: &'static Entry,
    /// The text that matched, its language and the byte ranges to highlight.
    pub text: &'static str,
    pub text_locale: Locale,
    pub highlights: Vec<Range<usize>>,
    /// True when `text` is the entry's name in the reader's language: the name itself is
    /// highlighted and no "matches: …" line is needed.
    pub is_shown_name: bool,
}

/// Searches the catalogue with a searcher the caller keeps between keystrokes, keeping the hits
/// of `category` (all when `None`), best first. Only the returned list is allocated.
pub fn rows(
    searcher: &mut Searcher,
    query: &str,
    locale: Locale,
    category: Option<Category>,
) -> Vec<Row> {
    let entries = catalogue().entries();
    let results = searcher.search(search_index(), query, locale);
    results
        .iter()
        .filter_map(|hit| {
            let entry = entries.get(hit.doc)?;
            if category.is_some_and(|wanted| entry.category != wanted) {
                return None;
            }
            let is_shown_name = hit.kind == FieldKind::Name && hit.text == entry.name.get(locale);
            Some(Row {
                entry,
                text: hit.text,
                text_locale: hit.locale,
                highlights: hit.highlights.to_vec(),
                is_shown_name,
            })
        })
        .collect()
}
