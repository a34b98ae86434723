//! The query side: splits a query into folded words, matches each against the index, keeps the
//! entries where every word matched, ranks them and computes highlights. It owns the ranking; it
//! must not allocate per query once its buffers have grown (they are kept in [`Searcher`]).

use std::ops::Range;

mod collect;
mod highlight;
mod progress;

use super::fold::for_each_word;
use super::index::SearchIndex;
use super::typo::{TypoScratch, budget, matching_tokens};
use super::{Results, Tier};
use crate::Locale;
use progress::Progress;

/// More query words than this match nothing: no name or synonym is that long, and a word set
/// must fit in a `u32` bit mask.
const MAX_WORDS: usize = 32;
/// Word costs, lower is better: the word equals a token, starts one, or needs typos.
const EXACT: u8 = 0;
const PREFIX: u8 = 1;
const FUZZY: u8 = 2;
/// Orders hits inside a tier: a synonym typed in full before one typed in part, a single text
/// before words found across several texts.
const WHOLE: u8 = 0;
const PARTIAL: u8 = 1;
const SCATTERED: u8 = 2;

/// A ranked hit before it is turned into a [`super::Hit`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct RawHit {
    pub(crate) tier: Tier,
    pub(crate) field: u32,
    pub(crate) ranges: (u32, u32),
    rank: (Score, u32),
}

/// How well one field matched, best (smallest) first: tier, a whole text before part of one,
/// lower word costs, then fewer words the query left unmatched (a short name before a long one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    tier: Tier,
    order: u8,
    cost: u16,
    unmatched: u16,
}

/// Per document: which query words it matched anywhere, its best score so far and the field to
/// show: one of the best tier, preferring the reader's language, then a name, over fewer typos.
#[derive(Clone, Copy, Debug, Default)]
struct DocState {
    stamp: u32,
    words: u32,
    best: Option<Score>,
    shown: Option<(Tier, u8, bool, bool, Score, u32)>,
}

/// One run of matching tokens for one query word.
#[derive(Clone, Copy, Debug)]
struct Matched {
    word: u8,
    tokens: (u32, u32),
    typos: u8,
}

/// Runs queries against a [`SearchIndex`], keeping its buffers between queries so that typing
/// does not allocate. One searcher can serve several indexes.
#[derive(Debug, Default)]
pub struct Searcher {
    stamp: u32,
    folded: Vec<char>,
    words: Vec<Range<usize>>,
    typo: TypoScratch,
    matched: Vec<Matched>,
    fields: Vec<Progress>,
    docs: Vec<DocState>,
    touched_fields: Vec<u32>,
    touched_docs: Vec<u32>,
    hits: Vec<RawHit>,
    ranges: Vec<Range<usize>>,
}

impl Searcher {
    /// Every entry whose names and synonyms match all words of `query` (in any order), best
    /// first. `locale` only decides which of equally good texts is shown. An empty query finds
    /// nothing: the page shows its A-Z list instead.
    pub fn search<'a, 'q>(
        &'q mut self,
        index: &'a SearchIndex,
        query: &str,
        locale: Locale,
    ) -> Results<'a, 'q> {
        self.start(index);
        self.split(query);
        let count = self.words.len();
        if (1..=MAX_WORDS).contains(&count) {
            for word in 0..count {
                self.match_word(index, word);
            }
            self.collect(index, count, locale);
            self.highlight(index);
        }
        Results {
            index,
            hits: &self.hits,
            ranges: &self.ranges,
        }
    }

    fn start(&mut self, index: &SearchIndex) {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            // After 2^32 queries, old stamps could look current; forget them all once.
            self.fields
                .iter_mut()
                .for_each(|field| *field = Progress::default());
            self.docs.iter_mut().for_each(|doc| doc.stamp = 0);
            self.stamp = 1;
        }
        if self.fields.len() < index.fields.len() {
            self.fields.resize(index.fields.len(), Progress::default());
        }
        if self.docs.len() < index.docs {
            self.docs.resize(index.docs, DocState::default());
        }
        for list in [&mut self.touched_fields, &mut self.touched_docs] {
            list.clear();
        }
        self.matched.clear();
        self.hits.clear();
        self.ranges.clear();
    }

    /// Folds the query into `folded`, one range per word, reusing the buffers.
    fn split(&mut self, query: &str) {
        self.words.clear();
        self.folded.clear();
        let mut at = 0;
        for_each_word(query, &mut self.folded, |_, word| {
            self.words.push(at..at + word.len());
            at += word.len();
        });
    }

    /// Matches query word `word` against the index and advances every field it occurs in.
    fn match_word(&mut self, index: &SearchIndex, word: usize) {
        let query = &self.folded[self.words[word].clone()];
        let (stamp, number) = (self.stamp, word as u8);
        let (fields, docs) = (&mut self.fields, &mut self.docs);
        let (touched_fields, touched_docs) = (&mut self.touched_fields, &mut self.touched_docs);
        let matched = &mut self.matched;
        let mut emit = |lo: u32, hi: u32, typos: u8| {
            matched.push(Matched {
                word: number,
                tokens: (lo, hi),
                typos,
            });
            for token in lo..hi {
                let cost = cost(index, token, query.len(), typos);
                for &occurrence in index.occurrences(token) {
                    let field = index.words[occurrence as usize].field;
                    if fields[field as usize].advance(stamp, number, cost) {
                        touched_fields.push(field);
                    }
                    let doc = index.fields[field as usize].doc;
                    let state = &mut docs[doc as usize];
                    if state.stamp != stamp {
                        *state = DocState {
                            stamp,
                            ..DocState::default()
                        };
                        touched_docs.push(doc);
                    }
                    state.words |= 1 << number;
                }
            }
        };
        matching_tokens(index, query, budget(query.len()), &mut self.typo, &mut emit);
    }
}

/// The cost of a matched token for a query word of `query_chars` folded characters.
fn cost(index: &SearchIndex, token: u32, query_chars: usize, typos: u8) -> u8 {
    match typos {
        0 if usize::from(index.token_chars[token as usize]) == query_chars => EXACT,
        0 => PREFIX,
        typos => FUZZY + typos,
    }
}

#[cfg(test)]
impl Searcher {
    /// The capacity of every buffer: if it does not change, a query allocated nothing.
    pub(crate) fn buffer_footprint(&self) -> [usize; 10] {
        [
            self.folded.capacity(),
            self.words.capacity(),
            self.matched.capacity(),
            self.fields.capacity(),
            self.docs.capacity(),
            self.touched_fields.capacity(),
            self.touched_docs.capacity(),
            self.hits.capacity(),
            self.ranges.capacity(),
            self.typo.capacity(),
        ]
    }
}
