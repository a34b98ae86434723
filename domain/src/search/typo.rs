//! Typo-tolerant word matching: walks the index's trie with a Damerau (optimal string alignment)
//! edit-distance table, one row per trie level, so words sharing a prefix share the work. It owns
//! the typo budget; it must not allocate once its buffers have grown to the longest query word.

use super::index::{MAX_TOKEN_CHARS, SearchIndex};

/// How many typos a query word of `chars` folded characters may contain: short words must be
/// exact, or "ms" would match every two-letter word.
pub(crate) const fn budget(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Reusable buffers of the walk: distance rows and the characters on the current trie path.
#[derive(Debug, Default)]
pub(crate) struct TypoScratch {
    rows: Vec<u8>,
    path: Vec<char>,
}

/// Finds the tokens that start with `query` give or take `budget` typos, and calls `emit` with
/// runs of sorted token numbers and the typos needed (the fewest over the token's prefixes). A
/// token whose prefix equals the query is emitted with 0.
pub(crate) fn matching_tokens(
    index: &SearchIndex,
    query: &[char],
    budget: u8,
    scratch: &mut TypoScratch,
    emit: &mut dyn FnMut(u32, u32, u8),
) {
    // A word longer than any token plus the budget cannot match; this also caps the buffers.
    if query.is_empty() || query.len() > index.longest_token.min(MAX_TOKEN_CHARS) + budget as usize
    {
        return;
    }
    let width = query.len() + 1;
    let depth = query.len() + budget as usize + 2;
    scratch.rows.clear();
    scratch.rows.resize(width * depth, 0);
    scratch.path.clear();
    scratch.path.resize(depth, '\0');
    for (j, cell) in scratch.rows[..width].iter_mut().enumerate() {
        *cell = j as u8;
    }
    let mut walk = Walk {
        index,
        query,
        budget,
        rows: &mut scratch.rows,
        path: &mut scratch.path,
        emit,
    };
    let (first, end) = index.nodes[0].children;
    for child in first..end {
        walk.visit(child, 1, u8::MAX, 0);
    }
}

struct Walk<'a> {
    index: &'a SearchIndex,
    query: &'a [char],
    budget: u8,
    rows: &'a mut [u8],
    path: &'a mut [char],
    emit: &'a mut dyn FnMut(u32, u32, u8),
}

impl Walk<'_> {
    /// Visits trie node `node` at `depth`; `best` is the fewest typos of any shorter prefix on
    /// this path, `parent_min` the smallest cell of the parent's row.
    fn visit(&mut self, node: u32, depth: usize, best: u8, parent_min: u8) {
        let Some(&n) = self.index.nodes.get(node as usize) else {
            return;
        };
        let width = self.query.len() + 1;
        if (depth + 1) * width > self.rows.len() {
            return;
        }
        self.path[depth - 1] = n.ch;
        let (before, row) = self.rows.split_at_mut(depth * width);
        let row = &mut row[..width];
        let prev = &before[(depth - 1) * width..];
        let two_back = depth
            .checked_sub(2)
            .map(|d| &before[d * width..(d + 1) * width]);
        row[0] = depth as u8;
        let mut row_min = row[0];
        for j in 1..width {
            let substitution = prev[j - 1] + u8::from(self.query[j - 1] != n.ch);
            let mut cell = (prev[j] + 1).min(row[j - 1] + 1).min(substitution);
            if let Some(two_back) = two_back {
                // Adjacent letters swapped ("ie" for "ei") count as one typo, not two.
                if j > 1 && self.query[j - 1] == self.path[depth - 2] && self.query[j - 2] == n.ch {
                    cell = cell.min(two_back[j - 2] + 1);
                }
            }
            row[j] = cell;
            row_min = row_min.min(cell);
        }
        let best = best.min(row[width - 1]);
        // No token below this node can need fewer typos than this bound.
        let bound = row_min.min(parent_min.saturating_add(1));
        if best <= self.budget && bound >= best {
            (self.emit)(n.tokens.0, n.tokens.1, best);
            return;
        }
        if bound > self.budget {
            return;
        }
        if n.terminal && best <= self.budget {
            (self.emit)(n.tokens.0, n.tokens.0 + 1, best);
        }
        for child in n.children.0..n.children.1 {
            self.visit(child, depth + 1, best, row_min);
        }
    }
}

/// Plain optimal-string-alignment distance, for tests of the trie walk.
#[cfg(test)]
pub(crate) fn distance(a: &[char], b: &[char]) -> usize {
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
impl TypoScratch {
    pub(crate) fn capacity(&self) -> usize {
        self.rows.capacity() + self.path.capacity()
    }
}
