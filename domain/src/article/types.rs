//! The parsed article: metadata, an introduction and sections of plain-text blocks. Text is plain
//! (never markup): whoever renders it escapes it.

use crate::Locale;
use crate::catalogue::Kind;

/// The id of the patient-safety block's heading, which the article's first notice links to.
pub const PATIENT_SAFETY_ID: &str = "patient-safety";

/// The id of the table of contents' heading.
pub const CONTENTS_ID: &str = "contents";

/// Ids the page itself uses (`main` is the layout's skip-link target), which no section may take.
pub const RESERVED_IDS: [&str; 3] = [PATIENT_SAFETY_ID, CONTENTS_ID, "main"];

/// The front matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    /// The language the article text is written in.
    pub lang: Locale,
    pub title: String,
    /// One or two sentences for search engines and link previews.
    pub description: String,
    pub publisher: String,
    pub rubric: String,
    pub authors: Vec<String>,
}

/// A piece of a section, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A numbered list of steps (the three phases).
    Steps(Vec<String>),
    /// The catalogue's entries of one kind, in the article's order, each linking to its page.
    Conditions(Kind),
    /// A notice the app writes from its own texts and rules.
    Notice(Notice),
}

/// The app's own blocks an editor places with a `{{name}}` line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Notice {
    /// The countries not processed now and the offer of Germany, from the eligibility rules.
    ServiceArea,
    /// Information not advice, contraindications, questions to ask, what regulators say.
    PatientSafety,
    /// The link to the request wizard with the call-back promise.
    CallToAction,
}

impl Notice {
    /// The name used in the content file.
    pub const fn name(self) -> &'static str {
        match self {
            Notice::ServiceArea => "service-area",
            Notice::PatientSafety => "patient-safety",
            Notice::CallToAction => "call-to-action",
        }
    }

    pub const ALL: [Notice; 3] = [
        Notice::ServiceArea,
        Notice::PatientSafety,
        Notice::CallToAction,
    ];
}

/// A `##` section; its `###` parts are its subsections (which have none themselves).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The anchor: stable, written in the content file, used by the table of contents.
    pub id: String,
    pub heading: String,
    pub blocks: Vec<Block>,
    pub subsections: Vec<Section>,
}

/// The whole article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub meta: Meta,
    /// The blocks before the first section.
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
}

impl Article {
    /// Every section and subsection, in reading order.
    pub fn all_sections(&self) -> impl Iterator<Item = &Section> {
        self.sections
            .iter()
            .flat_map(|section| std::iter::once(section).chain(&section.subsections))
    }

    /// Every block, in reading order.
    pub fn all_blocks(&self) -> impl Iterator<Item = &Block> {
        self.intro
            .iter()
            .chain(self.all_sections().flat_map(|section| &section.blocks))
    }
}
