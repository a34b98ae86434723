//! The article: its content file's model ([`Article`]), the pure parser of that file ([`parse`]),
//! the choice of file per language ([`pick_source`]) and the notices the page places around it,
//! built from the eligibility rules so the countries and the call-back promise exist once.
//! It reads no file: the app and the prerender tool pass the text in (`include_str!`).

mod notices;
mod parse;
mod types;

pub use notices::{
    CallToAction, FDA_URL, ISSCR_URL, SAFETY_QUESTIONS, ServiceArea, call_to_action, join_names,
    service_area,
};
pub use parse::{ParseError, ParseErrorKind, parse};
pub use types::{
    Article, Block, CONTENTS_ID, Meta, Notice, PATIENT_SAFETY_ID, RESERVED_IDS, Section,
};

use crate::Locale;

/// The content file for `locale`: its own language's when there is one, else the English one,
/// else the first. Returns the language the article is actually written in, for `lang=` and for
/// the "this article is in English" note.
pub fn pick_source<'a>(locale: Locale, sources: &[(Locale, &'a str)]) -> Option<(Locale, &'a str)> {
    sources
        .iter()
        .find(|(lang, _)| *lang == locale)
        .or_else(|| sources.iter().find(|(lang, _)| *lang == Locale::En))
        .or_else(|| sources.first())
        .copied()
}
