//! The benchmark corpus (feature `bench-corpus`): deterministic, the requested size, distinct
//! ids, and its query list answerable: every real-entry query finds its entry in the top five.
#![cfg(feature = "bench-corpus")]

use std::collections::BTreeSet;

use domain::Locale;
use domain::search::synthetic::{Corpus, corpus, queries};
use domain::search::{SearchIndex, Searcher};

fn recall_at_5(corpus: &Corpus, index: &SearchIndex, query: &str, expected: &str) -> bool {
    let mut searcher = Searcher::default();
    let results = searcher.search(index, query, Locale::En);
    results
        .iter()
        .take(5)
        .any(|hit| corpus.ids[hit.doc] == expected)
}

#[test]
fn corpus_is_deterministic_and_sized() {
    for (n, seed) in [(0, 1), (10, 7), (25, 7), (2_000, 42)] {
        let first = corpus(n, seed);
        assert_eq!(first.documents.len(), n);
        assert_eq!(first.ids, corpus(n, seed).ids);
        assert_eq!(first.documents, corpus(n, seed).documents);
        let unique: BTreeSet<&String> = first.ids.iter().collect();
        assert_eq!(unique.len(), n);
    }
    assert_ne!(corpus(100, 1).documents, corpus(100, 2).documents);
}

#[test]
fn queries_have_answers_in_the_top_five() {
    let corpus = corpus(10_000, 42);
    assert_eq!(corpus.documents.len(), 10_000);
    let index = SearchIndex::new(corpus.documents.iter().cloned());
    let list = queries(&corpus, 200, 9);
    assert_eq!(list, queries(&corpus, 200, 9), "deterministic");
    let mut found = 0;
    for query in &list {
        assert!(corpus.ids.contains(&query.expected), "{query:?}");
        let hit = recall_at_5(&corpus, &index, &query.query, &query.expected);
        let real = !query.expected.starts_with("synthetic-");
        assert!(hit || !real, "{query:?} not in the top five");
        found += usize::from(hit);
    }
    // Generated names share words, so a misspelling can be ambiguous; nearly all must be found.
    assert!(
        found * 20 >= list.len() * 19,
        "recall@5 {found}/{}",
        list.len()
    );
}
