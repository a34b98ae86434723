//! The catalogue as a search corpus: its documents, its index (built once) and a convenience
//! search returning owned hits for the finder page. Ranking lives in `search`; this must not
//! add rules of its own.

use std::ops::Range;
use std::sync::OnceLock;

use super::{Entry, catalogue};
use crate::Locale;
use crate::search::{Document, FieldKind, Localized, SearchIndex, Searcher, Tier};

impl Entry {
    /// The entry as the search engine sees it: names and synonyms in every language.
    pub fn document(&self) -> Document {
        let both = |en: &[String], de: &[String]| {
            let en = en
                .iter()
                .map(|text| Localized::new(Locale::En, text.as_str()));
            en.chain(
                de.iter()
                    .map(|text| Localized::new(Locale::De, text.as_str())),
            )
            .collect()
        };
        Document {
            names: both(
                std::slice::from_ref(&self.name.en),
                std::slice::from_ref(&self.name.de),
            ),
            synonyms: both(&self.synonyms.en, &self.synonyms.de),
        }
    }
}

/// The index over the catalogue, built on first use; a hit's `doc` is the entry's position in
/// [`super::Catalogue::entries`].
pub fn search_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::new(catalogue().entries().iter().map(Entry::document)))
}

/// A search result the page can keep: the entry, how it matched and what to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub entry: &'static Entry,
    pub tier: Tier,
    /// The text that matched: a name (possibly in the other language) or a synonym.
    pub kind: FieldKind,
    pub locale: Locale,
    pub text: &'static str,
    /// Byte ranges of `text` to highlight.
    pub highlights: Vec<Range<usize>>,
}

/// Searches the catalogue, best first; an empty or blank query finds nothing. Allocates its
/// results; a page searching on every keystroke of a large corpus keeps a [`Searcher`] instead.
pub fn find(query: &str, locale: Locale) -> Vec<Found> {
    let mut searcher = Searcher::default();
    let entries = catalogue().entries();
    let results = searcher.search(search_index(), query, locale);
    let found = results.iter().filter_map(|hit| {
        Some(Found {
            entry: entries.get(hit.doc)?,
            tier: hit.tier,
            kind: hit.kind,
            locale: hit.locale,
            text: hit.text,
            highlights: hit.highlights.to_vec(),
        })
    });
    found.collect()
}

/// Entries matching any one word of `query`, best first, at most `limit`: suggestions when the
/// whole query found nothing ("multiple sklerosis xyz" still suggests multiple sclerosis).
pub fn suggestions(query: &str, locale: Locale, limit: usize) -> Vec<&'static Entry> {
    let mut searcher = Searcher::default();
    let entries = catalogue().entries();
    let mut ranked: Vec<(Tier, usize, usize)> = Vec::new();
    for (position, word) in query.split_whitespace().take(32).enumerate() {
        for hit in searcher.search(search_index(), word, locale).iter() {
            ranked.push((hit.tier, position, hit.doc));
        }
    }
    ranked.sort_unstable();
    let mut seen = Vec::new();
    for (_, _, doc) in ranked {
        if !seen.contains(&doc) && seen.len() < limit {
            seen.push(doc);
        }
    }
    seen.into_iter()
        .filter_map(|doc| entries.get(doc))
        .collect()
}
