//! The precomputed index: every name and synonym split into folded words, the distinct words in a
//! character trie (sorted, so a prefix is a contiguous run of tokens), and postings from each token
//! to the places it occurs. It is built once; it must not change, or depend on a query.

use std::collections::BTreeMap;
use std::ops::Range;

use super::fold::for_each_word;
use super::{Document, FieldKind};
use crate::Locale;

/// Longer words are cut to this many folded characters; no medical word comes near it, and it
/// bounds the typo matcher's work (a query word much longer than this cannot match anything).
pub(crate) const MAX_TOKEN_CHARS: usize = 64;

/// One searchable text: a name or a synonym of one document.
#[derive(Debug)]
pub(crate) struct Field {
    pub(crate) doc: u32,
    pub(crate) kind: FieldKind,
    pub(crate) locale: Locale,
    pub(crate) text: Box<str>,
    /// This field's words, as a range of [`SearchIndex::words`].
    pub(crate) words: Range<u32>,
}

/// One word occurrence: its token and where it stands in its field's text (bytes).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Occurrence {
    pub(crate) field: u32,
    pub(crate) token: u32,
    pub(crate) start: u32,
    pub(crate) end: u32,
}

/// A trie node: the tokens under it are the contiguous run `tokens` of the sorted token list; if
/// `terminal`, the first of them is the node's own word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Node {
    pub(crate) ch: char,
    pub(crate) terminal: bool,
    pub(crate) children: (u32, u32),
    pub(crate) tokens: (u32, u32),
}

/// The search index over a set of documents; build it once with [`SearchIndex::new`].
#[derive(Debug)]
pub struct SearchIndex {
    pub(crate) docs: usize,
    pub(crate) fields: Vec<Field>,
    pub(crate) words: Vec<Occurrence>,
    pub(crate) nodes: Vec<Node>,
    /// Each token's length in folded characters, to tell an exact word from a prefix.
    pub(crate) token_chars: Vec<u16>,
    /// Occurrences of token `t` are `postings[posting_starts[t]..posting_starts[t + 1]]`.
    pub(crate) posting_starts: Vec<u32>,
    pub(crate) postings: Vec<u32>,
    pub(crate) longest_token: usize,
}

impl SearchIndex {
    /// Indexes the documents in order; a hit's `doc` is the position of its document here.
    pub fn new(documents: impl IntoIterator<Item = Document>) -> SearchIndex {
        let mut fields = Vec::new();
        let mut words = Vec::new();
        let mut tokens: BTreeMap<Vec<char>, u32> = BTreeMap::new();
        let mut scratch = Vec::new();
        let mut docs = 0;
        for (doc, document) in documents.into_iter().enumerate() {
            docs = doc + 1;
            let names = document
                .names
                .into_iter()
                .map(|text| (FieldKind::Name, text));
            let synonyms = document
                .synonyms
                .into_iter()
                .map(|text| (FieldKind::Synonym, text));
            for (kind, localized) in names.chain(synonyms) {
                let field = fields.len() as u32;
                let first = words.len() as u32;
                scratch.clear();
                for_each_word(&localized.text, &mut scratch, |word, folded| {
                    let folded = &folded[..folded.len().min(MAX_TOKEN_CHARS)];
                    let next = tokens.len() as u32;
                    let token = *tokens.entry(folded.to_vec()).or_insert(next);
                    let (start, end) = (word.start as u32, word.end as u32);
                    words.push(Occurrence {
                        field,
                        token,
                        start,
                        end,
                    });
                });
                let range = first..words.len() as u32;
                let text = localized.text.into_boxed_str();
                fields.push(Field {
                    doc: doc as u32,
                    kind,
                    locale: localized.locale,
                    text,
                    words: range,
                });
            }
        }
        // Renumber tokens in sorted order, so a trie node's tokens form one run.
        let mut sorted_id = vec![0; tokens.len()];
        for (rank, id) in tokens.values().enumerate() {
            sorted_id[*id as usize] = rank as u32;
        }
        for word in &mut words {
            word.token = sorted_id[word.token as usize];
        }
        let sorted: Vec<&[char]> = tokens.keys().map(Vec::as_slice).collect();
        let root = Node {
            ch: '\0',
            terminal: false,
            children: (0, 0),
            tokens: (0, sorted.len() as u32),
        };
        let mut nodes = vec![root];
        build_trie(&sorted, &mut nodes, 0, 0);
        let (posting_starts, postings) = postings(&words, sorted.len());
        SearchIndex {
            docs,
            fields,
            words,
            nodes,
            token_chars: sorted.iter().map(|t| t.len() as u16).collect(),
            posting_starts,
            postings,
            longest_token: sorted.iter().map(|t| t.len()).max().unwrap_or(0),
        }
    }

    /// How many documents were indexed.
    pub fn len(&self) -> usize {
        self.docs
    }

    /// Whether no document was indexed.
    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    pub(crate) fn occurrences(&self, token: u32) -> &[u32] {
        let t = token as usize;
        &self.postings[self.posting_starts[t] as usize..self.posting_starts[t + 1] as usize]
    }
}

/// Adds the children of `node`, whose tokens all share their first `depth` characters.
fn build_trie(tokens: &[&[char]], nodes: &mut Vec<Node>, node: usize, depth: usize) {
    let (lo, hi) = (nodes[node].tokens.0 as usize, nodes[node].tokens.1 as usize);
    let mut at = lo;
    if tokens.get(at).is_some_and(|t| t.len() == depth) {
        nodes[node].terminal = true;
        at += 1;
    }
    let first = nodes.len();
    while at < hi {
        let ch = tokens[at][depth];
        let start = at;
        while at < hi && tokens[at][depth] == ch {
            at += 1;
        }
        let run = (start as u32, at as u32);
        nodes.push(Node {
            ch,
            terminal: false,
            children: (0, 0),
            tokens: run,
        });
    }
    nodes[node].children = (first as u32, nodes.len() as u32);
    for child in first..nodes.len() {
        build_trie(tokens, nodes, child, depth + 1);
    }
}

/// Groups occurrence numbers by token (a counting sort), so each token's list is contiguous.
fn postings(words: &[Occurrence], tokens: usize) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0u32; tokens + 1];
    for word in words {
        starts[word.token as usize + 1] += 1;
    }
    for t in 0..tokens {
        starts[t + 1] += starts[t];
    }
    let mut fill = starts.clone();
    let mut postings = vec![0; words.len()];
    for (at, word) in words.iter().enumerate() {
        let slot = &mut fill[word.token as usize];
        postings[*slot as usize] = at as u32;
        *slot += 1;
    }
    (starts, postings)
}
