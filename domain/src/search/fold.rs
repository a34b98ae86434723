//! Folding and tokenizing: turns text into the lowercase, accent-free words the index compares.
//! It owns what counts as "the same letter" and what splits words; it must not allocate per
//! character, because it runs on every keystroke.

/// What one input character contributes to a folded word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Folded {
    /// Up to three folded characters (`ß` becomes `ss`, `æ` becomes `ae`); unused slots are `\0`.
    Chars([char; 3]),
    /// A character that belongs to the word but adds nothing: apostrophes, combining accents.
    Silent,
    /// Whitespace, punctuation or a symbol: it ends the word.
    Break,
}

impl Folded {
    /// The folded characters, in order.
    pub(crate) fn chars(self) -> impl Iterator<Item = char> {
        let chars = match self {
            Folded::Chars(chars) => chars,
            Folded::Silent | Folded::Break => ['\0'; 3],
        };
        chars.into_iter().filter(|&c| c != '\0')
    }
}

/// Folds one character: case and accents go, so `Ä`, `ä` and `a` compare equal, as a German
/// reader typing without umlauts expects.
pub(crate) fn fold_char(c: char) -> Folded {
    let one = |c: char| Folded::Chars([c, '\0', '\0']);
    let two = |a: char, b: char| Folded::Chars([a, b, '\0']);
    match c {
        'a'..='z' | '0'..='9' => one(c),
        'A'..='Z' => one(c.to_ascii_lowercase()),
        // Apostrophes join: "Alzheimer's" and "Alzheimers" are one word.
        '\'' | '’' | 'ʼ' | '`' | '´' => Folded::Silent,
        // Combining diacritical marks: a decomposed "a" + "¨" folds like "ä".
        '\u{300}'..='\u{36f}' => Folded::Silent,
        'ß' | 'ẞ' => two('s', 's'),
        'æ' | 'Æ' => two('a', 'e'),
        'œ' | 'Œ' => two('o', 'e'),
        'þ' | 'Þ' => two('t', 'h'),
        'À'..='ſ' => latin_base(c).map_or(Folded::Break, one),
        _ if c.is_alphanumeric() => lower(c),
        _ => Folded::Break,
    }
}

/// Lowercases a letter outside the Latin ranges (Greek, Cyrillic, ...), keeping at most three
/// characters, which covers every lowercase mapping Unicode has.
fn lower(c: char) -> Folded {
    let mut out = ['\0'; 3];
    for (slot, lower) in out.iter_mut().zip(c.to_lowercase()) {
        *slot = lower;
    }
    Folded::Chars(out)
}

/// The base letter of a Latin-1 or Latin Extended letter, by table, so the wasm carries no
/// Unicode decomposition tables.
fn latin_base(c: char) -> Option<char> {
    const LATIN1: &str = "aaaaaaaceeeeiiiidnooooo*ouuuuyts"; // U+00C0..=U+00DF, `*` = ×
    const LATIN1_LOWER: &str = "aaaaaaaceeeeiiiidnooooo/ouuuuyty"; // U+00E0..=U+00FF, `/` = ÷
    // U+0100..=U+017F in pairs of capital and small letter, with a few odd ones out.
    const EXT_A: &str = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    let code = c as u32;
    let pick = |table: &str, from: u32| {
        table
            .as_bytes()
            .get((code - from) as usize)
            .map(|&b| char::from(b))
    };
    let base = match code {
        0xC0..=0xDF => pick(LATIN1, 0xC0),
        0xE0..=0xFF => pick(LATIN1_LOWER, 0xE0),
        _ => pick(EXT_A, 0x100),
    }?;
    // `×` and `÷` sit in the middle of the letters; they are symbols and break words.
    base.is_ascii_alphabetic().then_some(base)
}

/// A word of a text: where it stands in the original (bytes) and how many folded characters it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Calls `on_word` for every word of `text` with the word's byte range in `text` and its folded
/// characters, which are appended to `folded` (the caller clears it when it wants to).
pub(crate) fn for_each_word(
    text: &str,
    folded: &mut Vec<char>,
    mut on_word: impl FnMut(Word, &[char]),
) {
    let mut start = None;
    let mut end = 0;
    let mut from = folded.len();
    for (at, c) in text.char_indices() {
        match fold_char(c) {
            Folded::Break => {
                if let Some(begun) = start.take() {
                    if folded.len() > from {
                        on_word(Word { start: begun, end }, &folded[from..]);
                    }
                    from = folded.len();
                }
            }
            folding => {
                start.get_or_insert(at);
                folded.extend(folding.chars());
                end = at + c.len_utf8();
            }
        }
    }
    if let Some(begun) = start
        && folded.len() > from
    {
        on_word(Word { start: begun, end }, &folded[from..]);
    }
}

/// The byte length of the shortest start of `word` whose folding has at least `chars` characters:
/// how much of a displayed word to highlight when the query matched only its beginning.
pub(crate) fn prefix_bytes(word: &str, chars: usize) -> usize {
    let mut seen = 0;
    for (at, c) in word.char_indices() {
        if seen >= chars {
            return at;
        }
        seen += fold_char(c).chars().count();
    }
    word.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[&str]) {
        let mut words = Vec::new();
        let mut scratch = Vec::new();
        for_each_word(text, &mut scratch, |_, folded| {
            words.push(folded.iter().collect::<String>())
        });
        assert_eq!(words, expect, "{text:?}");
    }

    #[test]
    fn folds_case_accents_and_punctuation() {
        check("Alzheimer's disease", &["alzheimers", "disease"]);
        check("Parkinson’s", &["parkinsons"]);
        check("Gedächtnis GEDÄCHTNIS", &["gedachtnis", "gedachtnis"]);
        check("Straße", &["strasse"]);
        check("Crème brûlée, œuvre", &["creme", "brulee", "oeuvre"]);
        check(
            "Parkinson-Krankheit (KHK)",
            &["parkinson", "krankheit", "khk"],
        );
        check("  ... !! ", &[]);
        check("Typ-1-Diabetes", &["typ", "1", "diabetes"]);
        check("Ωμέγα Москва", &["ωμέγα", "москва"]);
        check("a\u{308}rger", &["arger"]);
        check("' '", &[]);
    }

    #[test]
    fn prefix_bytes_maps_folded_length_back() {
        assert_eq!(prefix_bytes("Gedächtnis", 4), "Gedä".len());
        assert_eq!(prefix_bytes("Straße", 5), "Straß".len());
        assert_eq!(prefix_bytes("Alzheimer's", 10), "Alzheimer's".len());
        assert_eq!(prefix_bytes("MS", 9), 2);
    }
}
