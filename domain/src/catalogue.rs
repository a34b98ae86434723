//! The catalogue of the article's conditions and medical goals, read from `data/catalogue.json`
//! (compiled in, so the first render needs no request and works offline). It owns the entry
//! types and their lookup; it must not decide eligibility or ranking.

mod category_labels;
mod find;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::Locale;

pub use category_labels::{Category, Kind};
pub use find::{Found, find, search_index, suggestions};

/// A condition's stable id: the slug in `data/catalogue.json`, used in URLs and requests.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ConditionId(pub String);

impl ConditionId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A text in English and German.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub en: String,
    pub de: String,
}

impl Text {
    /// The text in `locale`, or the English one where that is missing.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::De if !self.de.trim().is_empty() => &self.de,
            Locale::En | Locale::De => &self.en,
        }
    }
}

/// Lay terms and abbreviations, per language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Synonyms {
    pub en: Vec<String>,
    pub de: Vec<String>,
}

impl Synonyms {
    /// The synonyms in `locale` (no fallback: an English lay term is no German one).
    pub fn get(&self, locale: Locale) -> &[String] {
        match locale {
            Locale::En => &self.en,
            Locale::De => &self.de,
        }
    }
}

/// What a public source says about the evidence for cell therapy in this condition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub note: Text,
    pub source_title: String,
    pub source_url: String,
}

/// One condition or goal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: ConditionId,
    pub kind: Kind,
    pub category: Category,
    pub name: Text,
    pub synonyms: Synonyms,
    /// The article's own words (its typos in names corrected), in English: the article exists
    /// only in English.
    pub article_text: String,
    #[serde(default)]
    pub evidence: Option<Evidence>,
}

/// All entries, in the article's order: its list of pathologies, then its list of goals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    entries: Vec<Entry>,
}

/// The catalogue compiled into the program, parsed on first use.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        // The file is part of the program, not input; tests prove it parses.
        Catalogue::from_json(include_str!("../data/catalogue.json"))
            .expect("data/catalogue.json parses")
    })
}

impl Catalogue {
    /// Reads a catalogue in the format of `data/catalogue.json`.
    pub fn from_json(json: &str) -> Result<Catalogue, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// Every entry, in the article's order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this id, if there is one.
    pub fn get(&self, id: &ConditionId) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.id == *id)
    }

    /// The entries of one kind, in the article's order: its two lists.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |entry| entry.kind == kind)
    }

    /// The categories that have at least one entry, in [`Category::ALL`] order, for the filter.
    pub fn categories(&self) -> Vec<Category> {
        let used =
            |category: &Category| self.entries.iter().any(|entry| entry.category == *category);
        Category::ALL.into_iter().filter(used).collect()
    }

    /// The entries sorted by name in `locale`, ignoring case and accents: the A-Z view.
    pub fn alphabetical(&self, locale: Locale) -> Vec<&Entry> {
        let mut sorted: Vec<&Entry> = self.entries.iter().collect();
        sorted.sort_by_cached_key(|entry| crate::search::sort_key(entry.name.get(locale)));
        sorted
    }
}
