//! One field's progress through the query words during a search. It owns the rule that a field
//! must match every query word to count as a whole-text match; it must not rank.

use super::EXACT;

/// How far one field has got through the query words (in order of the query).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Progress {
    stamp: u32,
    pub(super) word: u8,
    pub(super) word_cost: u8,
    pub(super) total: u16,
    pub(super) worst: u8,
}

impl Progress {
    /// Records that query word `word` matched this field at `cost`. Words are matched one after
    /// the other, so a field that missed one word is out of the race. True when first touched.
    pub(super) fn advance(&mut self, stamp: u32, word: u8, cost: u8) -> bool {
        if self.stamp != stamp {
            if word == 0 {
                *self = Progress {
                    stamp,
                    word,
                    word_cost: cost,
                    total: 0,
                    worst: EXACT,
                };
            }
            return word == 0;
        }
        if self.word == word {
            self.word_cost = self.word_cost.min(cost);
        } else if self.word + 1 == word {
            self.total += u16::from(self.word_cost);
            self.worst = self.worst.max(self.word_cost);
            self.word = word;
            self.word_cost = cost;
        }
        false
    }
}
