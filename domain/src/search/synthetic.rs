//! A deterministic synthetic corpus of medical-style entries and a query list with expected
//! answers, for the wasm benchmark page (behind the `bench-corpus` feature, never in the app).
//! It owns only generation; it must not use a random source other than its seeded generator.

use std::collections::BTreeSet;

mod queries;
mod words;

use serde::Serialize;

use super::{Document, Localized};
use crate::Locale;
use crate::catalogue::catalogue;

pub use queries::queries;
use words::{EPONYMS, MODIFIERS, ROOTS, SUFFIXES};

/// Documents and their ids, in the same order: the real catalogue first, then generated ones.
/// Serializable, so the benchmark page can hand the very same corpus to the JavaScript engines.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Corpus {
    pub ids: Vec<String>,
    pub documents: Vec<Document>,
}

/// A query and the id a good engine returns in its first five hits (for recall@5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BenchQuery {
    pub query: String,
    pub expected: String,
}

/// xorshift64*: tiny, deterministic, and enough to vary names; not for anything secret.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// `n` documents: the real catalogue's entries, then generated names, synonyms and
/// abbreviations in English and German, all names distinct. The same `seed` gives the same corpus.
pub fn corpus(n: usize, seed: u64) -> Corpus {
    let mut corpus = Corpus::default();
    for entry in catalogue().entries().iter().take(n) {
        corpus.ids.push(entry.id.as_str().to_owned());
        corpus.documents.push(entry.document());
    }
    let mut rng = Rng(seed | 1);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut attempts = 0;
    while corpus.documents.len() < n && attempts < n * 50 {
        attempts += 1;
        let (document, key) = generated(&mut rng);
        if seen.insert(key) {
            corpus
                .ids
                .push(format!("synthetic-{}", corpus.documents.len()));
            corpus.documents.push(document);
        }
    }
    corpus
}

fn generated(rng: &mut Rng) -> (Document, String) {
    let kind = rng.below(10);
    let number = rng.below(7) + 1;
    let (en, de, mut synonyms) = if kind < 7 {
        let (root, root_en, root_de) = ROOTS[rng.below(ROOTS.len())];
        let (suffix, suffix_en, suffix_de) = SUFFIXES[rng.below(SUFFIXES.len())];
        let (modifier_en, modifier_de) = MODIFIERS[rng.below(MODIFIERS.len())];
        let mut word = format!("{root}{suffix}");
        word[..1].make_ascii_uppercase();
        let en = format!("{modifier_en} {word}").trim().to_owned();
        let de = format!("{modifier_de} {word}").trim().to_owned();
        let lay = vec![
            Localized::new(Locale::En, format!("{root_en} {suffix_en}")),
            Localized::new(Locale::De, format!("{root_de}{suffix_de}")),
        ];
        (en, de, lay)
    } else {
        let (first, second) = (rng.pick(EPONYMS), rng.pick(EPONYMS));
        let pair = if first == second {
            first.to_owned()
        } else {
            format!("{first}-{second}")
        };
        let en = format!("{pair} syndrome");
        let de = format!("{pair}-Syndrom");
        (
            en,
            de,
            vec![Localized::new(Locale::De, format!("Morbus {first}"))],
        )
    };
    let typed = |name: &str| format!("{name} type {number}");
    let initials: String = en
        .split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .collect();
    synonyms.push(Localized::new(
        Locale::En,
        format!("{}{number}", initials.to_uppercase()),
    ));
    let (en, de) = if rng.below(2) == 0 {
        (typed(&en), format!("{de} Typ {number}"))
    } else {
        (en, de)
    };
    let document = Document {
        names: vec![
            Localized::new(Locale::En, en.clone()),
            Localized::new(Locale::De, de),
        ],
        synonyms,
    };
    (document, en)
}
