//! The condition search engine: folding, a precomputed index, typo-tolerant prefix matching and
//! ranking, over any set of documents (the catalogue is one caller, a benchmark corpus another).
//! Pure: no IO, no clock; after warm-up a query allocates nothing.
//!
//! ```
//! use domain::search::{Document, Localized, SearchIndex, Searcher, Tier};
//! use domain::Locale;
//!
//! let index = SearchIndex::new([Document {
//!     names: vec![Localized::new(Locale::En, "Multiple sclerosis")],
//!     synonyms: vec![Localized::new(Locale::En, "MS")],
//! }]);
//! let mut searcher = Searcher::default();
//! let results = searcher.search(&index, "multipel scler", Locale::En);
//! let hit = results.iter().next().expect("one hit");
//! assert_eq!((hit.doc, hit.tier, hit.text), (0, Tier::Fuzzy, "Multiple sclerosis"));
//! assert_eq!(hit.highlights, &[0..8, 9..14]); // the typo word whole, the prefix as typed
//! ```

mod fold;
mod index;
mod rank;
#[cfg(feature = "bench-corpus")]
pub mod synthetic;
#[cfg(test)]
mod tests;
mod typo;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::Locale;

pub use index::SearchIndex;
pub use rank::Searcher;

/// The text folded as the search compares it, for sorting names A-Z regardless of case and
/// accents ("Ärger" sorts with "Arger", not after "Z").
pub fn sort_key(text: &str) -> String {
    let mut folded = Vec::new();
    let mut key = String::with_capacity(text.len());
    fold::for_each_word(text, &mut folded, |_, word| {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word);
    });
    key
}

/// A text in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    pub locale: Locale,
    pub text: String,
}

impl Localized {
    pub fn new(locale: Locale, text: impl Into<String>) -> Localized {
        Localized {
            locale,
            text: text.into(),
        }
    }
}

/// What the index knows of one entry: its names (one per language) and its synonyms, in every
/// language, since a German speaker may type an English abbreviation and the other way round.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub names: Vec<Localized>,
    pub synonyms: Vec<Localized>,
}

/// Whether the matched text is one of the entry's names or one of its synonyms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKind {
    Name,
    Synonym,
}

/// How well a hit matched, best first; hits are ordered by tier, then by fewer typos, then in the
/// order of the documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tier {
    /// Every word of a name, typed in full (in any order).
    ExactName,
    /// Every query word is a word of a name or the start of one.
    NamePrefix,
    /// Every query word is a word, or the start of a word, of one synonym.
    Synonym,
    /// Only with typos, or with the words spread over several names and synonyms.
    Fuzzy,
}

/// One search result: its text borrowed from the [`SearchIndex`] (`'a`), its highlights from the
/// [`Searcher`] (`'q`, until the next query).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit<'a, 'q> {
    /// The position of the document in the order it was indexed.
    pub doc: usize,
    pub tier: Tier,
    /// The text that matched best: a name (in `locale`) or a synonym.
    pub kind: FieldKind,
    pub locale: Locale,
    pub text: &'a str,
    /// Byte ranges of `text` to highlight, ascending, not overlapping, on character boundaries.
    pub highlights: &'q [Range<usize>],
}

/// The hits of one query, best first; they live until the next search with the same searcher.
#[derive(Clone, Copy, Debug)]
pub struct Results<'a, 'q> {
    index: &'a SearchIndex,
    hits: &'q [rank::RawHit],
    ranges: &'q [Range<usize>],
}

impl<'a, 'q> Results<'a, 'q> {
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The hit at `rank` (0 is the best).
    pub fn get(&self, rank: usize) -> Option<Hit<'a, 'q>> {
        self.hits.get(rank).map(|raw| self.hit(raw))
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = Hit<'a, 'q>> + use<'a, 'q> {
        let this = *self;
        this.hits.iter().map(move |raw| this.hit(raw))
    }

    fn hit(&self, raw: &'q rank::RawHit) -> Hit<'a, 'q> {
        let field = &self.index.fields[raw.field as usize];
        Hit {
            doc: field.doc as usize,
            tier: raw.tier,
            kind: field.kind,
            locale: field.locale,
            text: &field.text,
            highlights: &self.ranges[raw.ranges.0 as usize..raw.ranges.1 as usize],
        }
    }
}
