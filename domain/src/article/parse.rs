//! The parser of the content file: front matter (`key: value` lines between `---`), then a small
//! plain-text subset of Markdown: `##`/`###` headings with `{#id}`, paragraphs, `- ` lists,
//! `1. ` steps and `{{notice}}` lines. Anything else is an error with its line number, so an
//! editor's slip fails the tests and the build, never a reader's page.

use std::fmt;

use super::types::{Article, Block, Meta, Notice, RESERVED_IDS, Section};
use crate::Locale;
use crate::catalogue::Kind;

/// Why a content file was refused, and on which line (1-based; 0 for the whole file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub kind: ParseErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    MissingFrontMatter,
    UnclosedFrontMatter,
    NotAKeyValue,
    UnknownKey(String),
    DuplicateKey(String),
    MissingKey(&'static str),
    UnknownLanguage(String),
    /// Only `##` and `###` headings: the page's `#` is the title.
    UnsupportedHeading,
    HeadingWithoutId,
    /// Ids are lowercase ASCII letters, digits and hyphens, starting with a letter.
    BadId(String),
    DuplicateId(String),
    EmptyHeading,
    /// A `###` before any `##`.
    SubsectionOutsideSection,
    UnknownNotice(String),
    DuplicateNotice(&'static str),
    /// The patient-safety block has an `h3` heading: it must stand in a `##` section.
    SafetyOutsideSection,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {:?}", self.line, self.kind)
    }
}

impl std::error::Error for ParseError {}

/// Reads a content file.
pub fn parse(text: &str) -> Result<Article, ParseError> {
    let lines: Vec<&str> = text.lines().collect();
    let (meta, body_start) = front_matter(&lines)?;
    let mut body = Body::default();
    for (index, raw) in lines.iter().enumerate().skip(body_start) {
        body.line(index + 1, raw.trim_end())?;
    }
    body.flush();
    Ok(Article {
        meta,
        intro: body.intro,
        sections: body.sections,
    })
}

fn error(line: usize, kind: ParseErrorKind) -> ParseError {
    ParseError { line, kind }
}

/// The metadata and the index of the first body line.
fn front_matter(lines: &[&str]) -> Result<(Meta, usize), ParseError> {
    let start = lines
        .iter()
        .position(|line| !line.trim().is_empty())
        .filter(|&i| lines[i].trim() == "---")
        .ok_or(error(1, ParseErrorKind::MissingFrontMatter))?;
    let mut fields: Vec<(&str, &str)> = Vec::new();
    for (index, line) in lines.iter().enumerate().skip(start + 1) {
        let line = line.trim();
        if line == "---" {
            return Ok((meta_from(&fields, index + 1)?, index + 1));
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .ok_or(error(index + 1, ParseErrorKind::NotAKeyValue))?;
        let key = key.trim();
        if !KEYS.contains(&key) {
            return Err(error(index + 1, ParseErrorKind::UnknownKey(key.to_owned())));
        }
        if fields.iter().any(|(k, _)| *k == key) {
            return Err(error(
                index + 1,
                ParseErrorKind::DuplicateKey(key.to_owned()),
            ));
        }
        fields.push((key, value.trim()));
    }
    Err(error(start + 1, ParseErrorKind::UnclosedFrontMatter))
}

const KEYS: [&str; 6] = [
    "lang",
    "title",
    "description",
    "publisher",
    "rubric",
    "authors",
];

fn meta_from(fields: &[(&str, &str)], line: usize) -> Result<Meta, ParseError> {
    let get = |key: &'static str| {
        fields
            .iter()
            .find(|(k, v)| *k == key && !v.is_empty())
            .map(|(_, v)| (*v).to_owned())
            .ok_or(error(line, ParseErrorKind::MissingKey(key)))
    };
    let lang_tag = get("lang")?;
    let lang = Locale::from_tag(&lang_tag).ok_or(error(
        line,
        ParseErrorKind::UnknownLanguage(lang_tag.clone()),
    ))?;
    Ok(Meta {
        lang,
        title: get("title")?,
        description: get("description")?,
        publisher: get("publisher")?,
        rubric: get("rubric")?,
        authors: get("authors")?
            .split(';')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .collect(),
    })
}

/// What is being collected when the next line arrives.
#[derive(Debug, Default)]
enum Open {
    #[default]
    Nothing,
    Paragraph(Vec<String>),
    List(Vec<String>),
    Steps(Vec<String>),
}

#[derive(Debug, Default)]
struct Body {
    intro: Vec<Block>,
    sections: Vec<Section>,
    open: Open,
    ids: Vec<String>,
    notices: Vec<Notice>,
}

impl Body {
    fn line(&mut self, number: usize, line: &str) -> Result<(), ParseError> {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            self.flush();
        } else if trimmed.starts_with('#') {
            self.flush();
            self.heading(number, trimmed)?;
        } else if let Some(inner) = trimmed
            .strip_prefix("{{")
            .and_then(|t| t.strip_suffix("}}"))
        {
            self.flush();
            let block = self.directive(number, inner.trim())?;
            self.push(block);
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            self.item(item, false);
        } else if let Some(item) = step_text(trimmed) {
            self.item(item, true);
        } else {
            match &mut self.open {
                Open::Paragraph(lines) => lines.push(trimmed.to_owned()),
                // A line under a list item continues it.
                Open::List(items) | Open::Steps(items) => {
                    if let Some(last) = items.last_mut() {
                        last.push(' ');
                        last.push_str(trimmed);
                    }
                }
                Open::Nothing => self.open = Open::Paragraph(vec![trimmed.to_owned()]),
            }
        }
        Ok(())
    }

    fn item(&mut self, text: &str, numbered: bool) {
        let text = text.trim().to_owned();
        match (&mut self.open, numbered) {
            (Open::List(items), false) | (Open::Steps(items), true) => items.push(text),
            _ => {
                self.flush();
                self.open = if numbered {
                    Open::Steps(vec![text])
                } else {
                    Open::List(vec![text])
                };
            }
        }
    }

    fn heading(&mut self, number: usize, line: &str) -> Result<(), ParseError> {
        let hashes = line.chars().take_while(|&c| c == '#').count();
        let rest = &line[hashes..];
        if !(2..=3).contains(&hashes) || !rest.starts_with(' ') {
            return Err(error(number, ParseErrorKind::UnsupportedHeading));
        }
        let (text, id) = rest
            .trim()
            .strip_suffix('}')
            .and_then(|t| t.rsplit_once("{#"))
            .ok_or(error(number, ParseErrorKind::HeadingWithoutId))?;
        let (text, id) = (text.trim(), id.trim());
        if text.is_empty() {
            return Err(error(number, ParseErrorKind::EmptyHeading));
        }
        self.claim_id(number, id)?;
        let section = Section {
            id: id.to_owned(),
            heading: text.to_owned(),
            blocks: Vec::new(),
            subsections: Vec::new(),
        };
        if hashes == 2 {
            self.sections.push(section);
        } else {
            self.sections
                .last_mut()
                .ok_or(error(number, ParseErrorKind::SubsectionOutsideSection))?
                .subsections
                .push(section);
        }
        Ok(())
    }

    fn claim_id(&mut self, number: usize, id: &str) -> Result<(), ParseError> {
        let valid = id.starts_with(|c: char| c.is_ascii_lowercase())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            return Err(error(number, ParseErrorKind::BadId(id.to_owned())));
        }
        if RESERVED_IDS.contains(&id) || self.ids.iter().any(|known| known == id) {
            return Err(error(number, ParseErrorKind::DuplicateId(id.to_owned())));
        }
        self.ids.push(id.to_owned());
        Ok(())
    }

    fn directive(&mut self, number: usize, name: &str) -> Result<Block, ParseError> {
        if let Some(kind) = name.strip_prefix("conditions:") {
            return match kind.trim() {
                "pathology" => Ok(Block::Conditions(Kind::Pathology)),
                "goal" => Ok(Block::Conditions(Kind::Goal)),
                _ => Err(error(
                    number,
                    ParseErrorKind::UnknownNotice(name.to_owned()),
                )),
            };
        }
        let notice = Notice::ALL
            .into_iter()
            .find(|notice| notice.name() == name)
            .ok_or(error(
                number,
                ParseErrorKind::UnknownNotice(name.to_owned()),
            ))?;
        if self.notices.contains(&notice) {
            return Err(error(
                number,
                ParseErrorKind::DuplicateNotice(notice.name()),
            ));
        }
        let in_section = self
            .sections
            .last()
            .is_some_and(|s| s.subsections.is_empty());
        if notice == Notice::PatientSafety && !in_section {
            return Err(error(number, ParseErrorKind::SafetyOutsideSection));
        }
        self.notices.push(notice);
        Ok(Block::Notice(notice))
    }

    /// Ends the open paragraph or list and stores it.
    fn flush(&mut self) {
        let block = match std::mem::take(&mut self.open) {
            Open::Nothing => return,
            Open::Paragraph(lines) => Block::Paragraph(lines.join(" ")),
            Open::List(items) => Block::List(items),
            Open::Steps(items) => Block::Steps(items),
        };
        self.push(block);
    }

    /// Adds a block to the innermost open section, or to the introduction before any.
    fn push(&mut self, block: Block) {
        match self.sections.last_mut() {
            None => self.intro.push(block),
            Some(section) => match section.subsections.last_mut() {
                Some(part) => part.blocks.push(block),
                None => section.blocks.push(block),
            },
        }
    }
}

/// The text of a `1. ` line, without its number.
fn step_text(line: &str) -> Option<&str> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    line[digits..].strip_prefix(". ")
}
