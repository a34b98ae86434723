//! Ranking: turns per-field progress into hits, one per document, ordered by tier, typos and
//! document order. It owns the tie-breaking rules; it must not match words or allocate beyond
//! the searcher's buffers.

use super::{EXACT, PARTIAL, PREFIX, RawHit, SCATTERED, Score, Searcher, WHOLE};
use crate::Locale;
use crate::search::index::SearchIndex;
use crate::search::{FieldKind, Tier};

impl Searcher {
    /// Keeps the documents where one field matched every word (or, failing that, where the words
    /// were found across fields), with their best field, and sorts them.
    pub(super) fn collect(&mut self, index: &SearchIndex, count: usize, locale: Locale) {
        let last = (count - 1) as u8;
        for &field in &self.touched_fields {
            let progress = self.fields[field as usize];
            if progress.word != last {
                continue;
            }
            let total = progress.total + u16::from(progress.word_cost);
            let worst = progress.worst.max(progress.word_cost);
            let text = &index.fields[field as usize];
            let whole = worst == EXACT && count == text.words.len();
            let (tier, order) = match text.kind {
                FieldKind::Name if whole => (Tier::ExactName, WHOLE),
                FieldKind::Name if worst <= PREFIX => (Tier::NamePrefix, WHOLE),
                FieldKind::Synonym if whole => (Tier::Synonym, WHOLE),
                FieldKind::Synonym if worst <= PREFIX => (Tier::Synonym, PARTIAL),
                _ => (Tier::Fuzzy, WHOLE),
            };
            let unmatched = text
                .words
                .len()
                .saturating_sub(count)
                .min(usize::from(u16::MAX)) as u16;
            let score = Score {
                tier,
                order,
                cost: total,
                unmatched,
            };
            let state = &mut self.docs[text.doc as usize];
            if state.best.is_none_or(|known| score < known) {
                state.best = Some(score);
            }
            let shown = (
                tier,
                order,
                text.locale != locale,
                text.kind != FieldKind::Name,
                score,
                field,
            );
            if state.shown.is_none_or(|known| shown < known) {
                state.shown = Some(shown);
            }
        }
        let every_word = u32::MAX >> (32 - count);
        for &doc in &self.touched_docs {
            let state = self.docs[doc as usize];
            let (score, field) = match (state.best, state.shown) {
                (Some(score), Some((.., field))) => (score, field),
                _ if state.words == every_word => {
                    let score = Score {
                        tier: Tier::Fuzzy,
                        order: SCATTERED,
                        cost: 0,
                        unmatched: 0,
                    };
                    (score, name_field(index, doc, locale))
                }
                _ => continue,
            };
            let (tier, rank) = (score.tier, (score, doc));
            self.hits.push(RawHit {
                tier,
                field,
                ranges: (0, 0),
                rank,
            });
        }
        self.hits.sort_unstable_by_key(|hit| hit.rank);
    }
}

/// The field to show for a document matched only across fields: its name in `locale`, else its
/// first field. Fields are stored document by document, names first.
fn name_field(index: &SearchIndex, doc: u32, locale: Locale) -> u32 {
    let first = index.fields.partition_point(|field| field.doc < doc);
    let own = index.fields[first..]
        .iter()
        .take_while(|field| field.doc == doc);
    let named = own
        .clone()
        .position(|field| field.kind == FieldKind::Name && field.locale == locale);
    (first + named.unwrap_or(0)) as u32
}
