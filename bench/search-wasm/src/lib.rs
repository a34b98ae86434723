//! The benchmark's wasm entry: generates the synthetic corpus and query list, hands them to the
//! page as JSON (so the JavaScript engines get the very same data), builds our index and runs
//! queries. It owns no rule of its own and never ships in the app.

use std::cell::RefCell;

use domain::Locale;
use domain::search::synthetic::{Corpus, corpus, queries};
use domain::search::{SearchIndex, Searcher};
use wasm_bindgen::prelude::*;

/// The page's state: one corpus, one index, one searcher, like the finder page keeps.
#[derive(Default)]
struct Bench {
    corpus: Corpus,
    index: Option<SearchIndex>,
    searcher: Searcher,
}

thread_local! {
    static BENCH: RefCell<Bench> = RefCell::new(Bench::default());
}

/// Generates `size` documents from `seed` and returns them as JSON `{ids, documents}`.
#[wasm_bindgen]
pub fn corpus_json(size: usize, seed: u32) -> String {
    BENCH.with_borrow_mut(|bench| {
        bench.corpus = corpus(size, u64::from(seed));
        bench.index = None;
        serde_json::to_string(&bench.corpus).unwrap_or_default()
    })
}

/// The query list for the current corpus: the real misspellings and lay terms, then `generated`
/// misspelt synthetic names, as JSON `[{query, expected}]`.
#[wasm_bindgen]
pub fn queries_json(generated: usize, seed: u32) -> String {
    BENCH.with_borrow(|bench| {
        serde_json::to_string(&queries(&bench.corpus, generated, u64::from(seed)))
            .unwrap_or_default()
    })
}

/// Builds the index over the current corpus (the page times this call); returns its size. Call
/// it after `queries_json`, which reads the documents.
#[wasm_bindgen]
pub fn build_index() -> usize {
    BENCH.with_borrow_mut(|bench| {
        // The documents move into the index: the page already holds its JSON copy.
        let documents = std::mem::take(&mut bench.corpus.documents);
        let size = documents.len();
        bench.index = Some(SearchIndex::new(documents));
        size
    })
}

/// Searches the index; returns the positions of the best `limit` documents (all hits are
/// ranked; only the first `limit` cross into JavaScript).
#[wasm_bindgen]
pub fn search(query: &str, limit: usize) -> Vec<u32> {
    BENCH.with_borrow_mut(|bench| {
        let Bench {
            index, searcher, ..
        } = bench;
        let Some(index) = index.as_ref() else {
            return Vec::new();
        };
        let results = searcher.search(index, query, Locale::En);
        results
            .iter()
            .take(limit)
            .filter_map(|hit| u32::try_from(hit.doc).ok())
            .collect()
    })
}
