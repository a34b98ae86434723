//! Unit tests of the engine's internals: the typo rules on a hand-made index, the trie walk
//! against a plain edit distance, and that warmed-up queries do not grow any buffer.

use proptest::prelude::*;

use super::index::SearchIndex;
use super::typo::{TypoScratch, budget, distance, matching_tokens};
use super::{Document, Localized, Searcher};
use crate::Locale;

fn index(names: &[&str]) -> SearchIndex {
    let document = |name: &&str| Document {
        names: vec![Localized::new(Locale::En, *name)],
        synonyms: vec![],
    };
    SearchIndex::new(names.iter().map(document))
}

const NAMES: &[&str] = &["Gout", "Lupus", "Dementia", "Psoriasis", "Scoliosis"];

fn check(query: &str, expect: &[&str]) {
    let index = index(NAMES);
    let mut searcher = Searcher::default();
    let found: Vec<&str> = searcher
        .search(&index, query, Locale::En)
        .iter()
        .map(|hit| hit.text)
        .collect();
    assert_eq!(found, expect, "query {query:?}");
}

#[test]
fn typo_budget_grows_with_word_length() {
    check("gout", &["Gout"]);
    check("gaut", &[]); // 4 letters, 1 typo: too short for any
    check("gotu", &[]); // 4 letters, a swap is a typo too
    check("lupas", &["Lupus"]); // 5 letters, 1 typo
    check("lupsu", &["Lupus"]); // 5 letters, 1 swap
    check("lxpxs", &[]); // 5 letters, 2 typos
    check("demantia", &["Dementia"]); // 8 letters, 1 typo
    check("dxmentxa", &[]); // 8 letters, 2 typos
    check("pxoriaxis", &["Psoriasis"]); // 9 letters, 2 typos
    check("psoraisis", &["Psoriasis"]); // 9 letters, 1 swap
    check("pxoxiaxis", &[]); // 9 letters, 3 typos
    check("psorias", &["Psoriasis"]); // a prefix while typing
    check("psorx", &["Psoriasis"]); // a prefix with a typo in its last letter
    check("s", &["Scoliosis"]); // words match from their start, not from inside
}

#[test]
fn budget_boundaries() {
    let cases = [(1, 0), (4, 0), (5, 1), (8, 1), (9, 2), (40, 2)];
    for (chars, typos) in cases {
        assert_eq!(budget(chars), typos, "{chars} letters");
    }
}

/// The typos the trie walk reports for every token, by brute force: the fewest over the token's
/// prefixes.
fn brute(tokens: &[Vec<char>], query: &[char], typos: u8) -> Vec<(Vec<char>, usize)> {
    let mut out: Vec<(Vec<char>, usize)> = tokens
        .iter()
        .filter_map(|token| {
            let best = (1..=token.len())
                .map(|end| distance(&token[..end], query))
                .min()?;
            (best <= usize::from(typos)).then(|| (token.clone(), best))
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

proptest! {
    #[test]
    fn trie_walk_agrees_with_edit_distance(
        words in proptest::collection::vec("[abcd]{1,9}", 1..30),
        query in "[abcd]{1,11}",
    ) {
        let index = index(&words.iter().map(String::as_str).collect::<Vec<_>>());
        let query: Vec<char> = query.chars().collect();
        let mut sorted: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
        sorted.sort();
        sorted.dedup();
        let typos = budget(query.len());
        let mut got = Vec::new();
        let mut emit = |lo: u32, hi: u32, found: u8| {
            for token in lo..hi {
                got.push((sorted[token as usize].clone(), usize::from(found)));
            }
        };
        matching_tokens(&index, &query, typos, &mut TypoScratch::default(), &mut emit);
        got.sort();
        prop_assert_eq!(got, brute(&sorted, &query, typos));
    }
}

#[test]
fn warmed_up_queries_do_not_grow_buffers() {
    let index = index(&[
        "Multiple sclerosis",
        "Alzheimer's disease",
        "Scoliosis",
        "Sclerodermia",
    ]);
    let queries = [
        "s",
        "scl",
        "multipel sklerosis",
        "alzhiemer",
        "",
        "x y z",
        "sclerosis multiple",
    ];
    let mut searcher = Searcher::default();
    for query in queries {
        searcher.search(&index, query, Locale::En);
    }
    let before = searcher.buffer_footprint();
    for query in queries.iter().rev() {
        searcher.search(&index, query, Locale::En);
    }
    assert_eq!(searcher.buffer_footprint(), before);
}
