//! Text answers: Unicode normalisation, control characters, length limits, and the validated
//! name and free-text types. Lengths count Unicode scalar values after trimming and NFC, so a
//! name in any script gets the same 200.

use crate::Msg;

/// Longest full name, in characters.
pub const NAME_MAX: usize = 200;
/// Longest free-text answer, in characters.
pub const FREE_TEXT_MAX: usize = 2000;

/// NFC-normalises `text` when the `nfc` feature is on (the server). Without it (the browser build,
/// to keep the wasm small) the text is returned as is: the app normalises with the browser's
/// `String.prototype.normalize` before handing text over, and the server normalises again.
pub fn nfc(text: &str) -> String {
    #[cfg(feature = "nfc")]
    let text: String = unicode_normalization::UnicodeNormalization::nfc(text).collect();
    #[cfg(not(feature = "nfc"))]
    let text = text.to_owned();
    text
}

/// Fewest letters in a full name: "A" or "12345" is not one.
pub const NAME_MIN_LETTERS: usize = 2;

/// A person's full name: up to 200 characters, any script, at least two letters, no control
/// characters. Invisible characters at its edges are removed; a name of nothing else is empty.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PersonName(String);

impl PersonName {
    /// `empty` is the message for a missing name, which differs by whose name it is.
    pub fn parse(raw: &str, empty: Msg) -> Result<PersonName, Msg> {
        let text = clean(raw, Lines::One).ok_or(Msg::ErrorControlCharacters)?;
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        match text.chars().count() {
            0 => Err(empty),
            n if n > NAME_MAX => Err(Msg::ErrorNameTooLong),
            _ if letters < NAME_MIN_LETTERS => Err(Msg::ErrorNameNotAName),
            _ => Ok(PersonName(text)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Free text in the user's own words: 1 to 2,000 characters, line breaks allowed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FreeText(String);

impl FreeText {
    pub fn parse(raw: &str, empty: Msg, too_long: Msg) -> Result<FreeText, Msg> {
        let text = clean(raw, Lines::Many).ok_or(Msg::ErrorControlCharacters)?;
        match text.chars().count() {
            0 => Err(empty),
            1..=FREE_TEXT_MAX => Ok(FreeText(text)),
            _ => Err(too_long),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether an answer may span lines.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lines {
    One,
    Many,
}

/// Trims white space (line breaks, tabs, U+0085, U+2028 included) and invisible characters from
/// both ends, normalises line ends to `\n` and the text to NFC; `None` if a control character is
/// left inside (tabs and line breaks count as such in one-line answers). Bidirectional overrides
/// are refused too: they can make a name display as something else. A text of only invisible
/// characters comes out empty.
pub(crate) fn clean(raw: &str, lines: Lines) -> Option<String> {
    let edge = |c: char| c.is_whitespace() || is_invisible(c);
    let text = nfc(raw.trim_matches(edge));
    let text = text
        .trim_matches(edge)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let allowed = |c: char| lines == Lines::Many && (c == '\n' || c == '\t');
    let bad = |c: char| {
        (c.is_control() && !allowed(c))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
    };
    (!text.chars().any(bad)).then_some(text)
}

/// Characters that show nothing: zero-width spaces and joiners, word joiner and invisible
/// operators, the byte-order mark, Hangul fillers, variation selectors, tag characters and the
/// other default-ignorable code points.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{34F}'
            | '\u{61C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}
