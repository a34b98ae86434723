//! The article page's parts, one component a file. The text comes from `content/article.<lang>.md`
//! (compiled in, parsed by `domain::article`); the notices from the domain's rules and texts.
//! Nothing here injects markup: every text is a text node. `prerender/` writes the same markup
//! for the first paint, so a class or element changed here must be changed there too.

mod advice_note;
mod article_block;
mod article_header;
mod article_section;
mod article_view;
mod call_to_action;
mod condition_list;
mod phase_list;
mod safety_notice;
mod service_area_notice;
mod table_of_contents;
mod takeover;

pub use advice_note::AdviceNote;
pub use article_block::ArticleBlock;
pub use article_header::ArticleHeader;
pub use article_section::ArticleSection;
pub use article_view::ArticleView;
pub use call_to_action::CallToAction;
pub use condition_list::ConditionList;
pub use phase_list::PhaseList;
pub use safety_notice::SafetyNotice;
pub use service_area_notice::ServiceAreaNotice;
pub use table_of_contents::TableOfContents;
pub use takeover::after_first_paint;

use std::sync::OnceLock;

use domain::Locale;
use domain::article::{Article, parse, pick_source};

/// The content files, one per language that has one; German falls back to English.
const SOURCES: &[(Locale, &str)] = &[(Locale::En, include_str!("../content/article.en.md"))];

/// The article to show for the interface language `locale`, parsed once per file.
pub fn article_for(locale: Locale) -> &'static Article {
    static PARSED: [OnceLock<Article>; 2] = [OnceLock::new(), OnceLock::new()];
    let (lang, text) = pick_source(locale, SOURCES).unwrap_or((Locale::En, SOURCES[0].1));
    let slot = &PARSED[usize::from(lang == Locale::De)];
    // The files are part of the program; domain/tests/article.rs proves each one parses.
    slot.get_or_init(|| parse(text).expect("content file parses"))
}
