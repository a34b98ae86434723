//! Highlights: which byte ranges of each hit's displayed text the query matched. It owns the
//! mapping from folded matches back to the original text; it must not re-run any matching.

use super::{PREFIX, Searcher, cost};
use crate::search::fold::prefix_bytes;
use crate::search::index::SearchIndex;

impl Searcher {
    /// Fills `ranges` for every hit: a word matched in full or with typos is highlighted whole, a
    /// word matched by its beginning only as far as the user typed.
    pub(super) fn highlight(&mut self, index: &SearchIndex) {
        for hit in &mut self.hits {
            let first = self.ranges.len() as u32;
            let field = &index.fields[hit.field as usize];
            for occurrence in &index.words[field.words.start as usize..field.words.end as usize] {
                let token = occurrence.token;
                let best = self
                    .matched
                    .iter()
                    .filter(|run| (run.tokens.0..run.tokens.1).contains(&token))
                    .map(|run| {
                        let chars = self.words[usize::from(run.word)].len();
                        (cost(index, token, chars, run.typos), chars)
                    })
                    .min();
                let (start, end) = (occurrence.start as usize, occurrence.end as usize);
                let end = match best {
                    None => continue,
                    Some((PREFIX, chars)) => start + prefix_bytes(&field.text[start..end], chars),
                    Some(_) => end,
                };
                self.ranges.push(start..end);
            }
            hit.ranges = (first, self.ranges.len() as u32);
        }
    }
}
