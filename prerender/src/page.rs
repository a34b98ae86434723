//! The article page as `app::article::*` renders it, element for element, and its insertion into
//! Trunk's `index.html`. A change of markup or class in `src/article/` must be made here too; the
//! end-to-end test compares the two texts and measures the layout shift of the takeover.

use domain::Locale;
use domain::Msg;
use domain::article::{
    Article, Block, CONTENTS_ID, FDA_URL, ISSCR_URL, Notice, PATIENT_SAFETY_ID, SAFETY_QUESTIONS,
    Section, call_to_action, parse, service_area,
};
use domain::catalogue::catalogue;

use crate::frame::frame;
use crate::head;
use crate::html::escape;
use crate::loader;

/// The English article: the language the page is prerendered in (the app switches after start).
const SOURCE: &str = include_str!("../../content/article.en.md");

/// The id the app looks for to remove the copy (`app::PRERENDERED_ID`).
const WRAPPER_ID: &str = "app-prerendered";

/// `shell` (Trunk's index.html) with the article page in its body, the article's metadata, and
/// Trunk's loader rewritten to wait for the copy's first paint at `/` (see `loader`, which also
/// hides the copy at any other path).
pub fn render(shell: &str) -> Result<String, String> {
    if shell.contains(WRAPPER_ID) {
        return Err("already prerendered".into());
    }
    let locale = Locale::En;
    let article = parse(SOURCE).map_err(|e| format!("content/article.en.md: {e}"))?;
    let body = format!(
        r#"<div id="{WRAPPER_ID}">{}</div>"#,
        frame(locale, &article_html(&article, locale))
    );
    let open = shell.find("<body").ok_or("no <body> in index.html")?;
    let open_end = open + shell[open..].find('>').ok_or("unclosed <body>")? + 1;
    let mut out = String::with_capacity(shell.len() + body.len());
    out.push_str(&shell[..open_end]);
    out.push_str(&body);
    out.push_str(&shell[open_end..]);
    loader::rewrite(&head::with_meta(&out, &article, locale)?)
}

/// `ArticleView`.
pub fn article_html(article: &Article, locale: Locale) -> String {
    let lang = article.meta.lang;
    let mut out = String::from(r#"<article class="app-article">"#);
    header(&mut out, article, locale);
    note(&mut out, lang, locale);
    contents(&mut out, &article.sections, lang, locale);
    for block in &article.intro {
        self::block(&mut out, block, lang, locale);
    }
    for section in &article.sections {
        self::section(&mut out, section, lang, locale);
    }
    out.push_str("</article>");
    out
}

/// `ArticleHeader`.
fn header(out: &mut String, article: &Article, locale: Locale) {
    let meta = &article.meta;
    let (lang, ui) = (meta.lang.tag(), locale.tag());
    let publisher = locale.format(Msg::ArticlePublishedBy, &[("publisher", &meta.publisher)]);
    out.push_str(&format!(
        concat!(
            r#"<header class="app-article__header"><h1 class="app-heading-xl" lang="{lang}">{title}</h1>"#,
            r#"<p class="app-article__byline"><span lang="{ui}">{publisher}</span> · <span lang="{lang}">{rubric}</span></p>"#,
            r#"<p class="app-article__byline"><span lang="{ui}">{authors_label}: </span><span lang="{lang}">{authors}</span></p></header>"#,
        ),
        lang = lang,
        ui = ui,
        title = escape(&meta.title),
        publisher = escape(&publisher),
        rubric = escape(&meta.rubric),
        authors_label = escape(locale.text(Msg::ArticleAuthors)),
        authors = escape(&meta.authors.join(", ")),
    ));
}

/// `AdviceNote`.
fn note(out: &mut String, lang: Locale, locale: Locale) {
    out.push_str(&format!(
        r#"<div class="app-article__note" lang="{}">"#,
        locale.tag()
    ));
    if lang != locale {
        out.push_str(&format!(
            r#"<p class="app-article__note-text">{}</p>"#,
            escape(locale.text(Msg::ArticleLanguageNote))
        ));
    }
    out.push_str(&format!(
        r##"<p class="app-article__note-text"><strong>{}</strong> <a href="#{PATIENT_SAFETY_ID}">{}</a></p></div>"##,
        escape(locale.text(Msg::ArticleAdviceNote)),
        escape(locale.text(Msg::ArticleAdviceLink)),
    ));
}

/// `TableOfContents`.
fn contents(out: &mut String, sections: &[Section], lang: Locale, locale: Locale) {
    let link = |section: &Section| {
        format!(
            r##"<a class="app-toc__link" href="#{}">{}</a>"##,
            escape(&section.id),
            escape(&section.heading)
        )
    };
    out.push_str(&format!(
        r#"<nav class="app-toc" aria-labelledby="{CONTENTS_ID}"><h2 class="app-toc__title" id="{CONTENTS_ID}" lang="{}">{}</h2><ol class="app-toc__list" lang="{}">"#,
        locale.tag(),
        escape(locale.text(Msg::ArticleContents)),
        lang.tag(),
    ));
    for section in sections {
        out.push_str("<li>");
        out.push_str(&link(section));
        if !section.subsections.is_empty() {
            out.push_str(r#"<ol class="app-toc__sublist">"#);
            for part in &section.subsections {
                out.push_str(&format!("<li>{}</li>", link(part)));
            }
            out.push_str("</ol>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ol></nav>");
}

/// `ArticleSection`.
fn section(out: &mut String, section: &Section, lang: Locale, locale: Locale) {
    out.push_str(&format!(
        r#"<section class="app-article__section"><h2 class="app-article__heading" id="{}" lang="{}">{}</h2>"#,
        escape(&section.id),
        lang.tag(),
        escape(&section.heading)
    ));
    for block in &section.blocks {
        self::block(out, block, lang, locale);
    }
    for part in &section.subsections {
        out.push_str(&format!(
            r#"<section class="app-article__part"><h3 class="app-article__subheading" id="{}" lang="{}">{}</h3>"#,
            escape(&part.id),
            lang.tag(),
            escape(&part.heading)
        ));
        for block in &part.blocks {
            self::block(out, block, lang, locale);
        }
        out.push_str("</section>");
    }
    out.push_str("</section>");
}

/// `ArticleBlock` and the components it chooses.
fn block(out: &mut String, block: &Block, lang: Locale, locale: Locale) {
    let l = lang.tag();
    match block {
        Block::Paragraph(text) => {
            out.push_str(&format!(
                r#"<p class="app-body" lang="{l}">{}</p>"#,
                escape(text)
            ));
        }
        Block::List(items) => {
            out.push_str(&format!(r#"<ul class="app-list" lang="{l}">"#));
            for item in items {
                out.push_str(&format!("<li>{}</li>", escape(item)));
            }
            out.push_str("</ul>");
        }
        Block::Steps(steps) => {
            out.push_str(&format!(r#"<ol class="app-phases" lang="{l}">"#));
            for step in steps {
                out.push_str(&format!(
                    r#"<li class="app-phases__item">{}</li>"#,
                    escape(step)
                ));
            }
            out.push_str("</ol>");
        }
        Block::Conditions(kind) => {
            out.push_str(&format!(r#"<ul class="app-conditions" lang="{l}">"#));
            for entry in catalogue().of_kind(*kind) {
                out.push_str(&format!(
                    r#"<li class="app-conditions__item"><a class="app-conditions__link" href="/conditions/{}">{}</a></li>"#,
                    escape(entry.id.as_str()),
                    escape(&entry.article_text)
                ));
            }
            out.push_str("</ul>");
        }
        Block::Notice(notice) => self::notice(out, *notice, locale),
    }
}

/// `ServiceAreaNotice`, `SafetyNotice` and `CallToAction`.
fn notice(out: &mut String, notice: Notice, locale: Locale) {
    let ui = locale.tag();
    let t = |msg| escape(locale.text(msg));
    match notice {
        Notice::ServiceArea => {
            let area = service_area(locale);
            out.push_str(&format!(
                r#"<div class="app-notice" lang="{ui}"><p class="app-notice__text"><strong>{}</strong></p><p class="app-notice__text">{}</p></div>"#,
                escape(&area.not_processed),
                escape(&area.offer)
            ));
        }
        Notice::PatientSafety => {
            let questions: String = SAFETY_QUESTIONS
                .iter()
                .map(|&msg| format!("<li>{}</li>", t(msg)))
                .collect();
            out.push_str(&format!(
                concat!(
                    r#"<section class="app-safety" aria-labelledby="{id}" lang="{ui}">"#,
                    r#"<h3 class="app-safety__title" id="{id}">{title}</h3>"#,
                    r#"<p class="app-safety__text"><strong>{not_advice}</strong></p>"#,
                    r#"<p class="app-safety__text">{claims}</p>"#,
                    r#"<p class="app-safety__text">{contra}</p>"#,
                    r#"<h4 class="app-safety__subtitle">{questions_title}</h4>"#,
                    r#"<ul class="app-list">{questions}</ul>"#,
                    r#"<h4 class="app-safety__subtitle">{regulators}</h4>"#,
                    r#"<p class="app-safety__text">{fda}</p>"#,
                    r#"<p class="app-safety__text"><a href="{fda_url}">{fda_link}</a></p>"#,
                    r#"<p class="app-safety__text">{isscr}</p>"#,
                    r#"<p class="app-safety__text"><a href="{isscr_url}">{isscr_link}</a></p>"#,
                    r#"</section>"#,
                ),
                id = PATIENT_SAFETY_ID,
                ui = ui,
                title = t(Msg::ArticleSafetyTitle),
                not_advice = t(Msg::ArticleSafetyNotAdvice),
                claims = t(Msg::ArticleSafetyClaims),
                contra = t(Msg::ArticleSafetyContraindications),
                questions_title = t(Msg::ArticleSafetyQuestionsTitle),
                questions = questions,
                regulators = t(Msg::ArticleSafetyRegulatorsTitle),
                fda = t(Msg::ArticleSafetyFda),
                fda_url = escape(FDA_URL),
                fda_link = t(Msg::ArticleSafetyFdaLink),
                isscr = t(Msg::ArticleSafetyIsscr),
                isscr_url = escape(ISSCR_URL),
                isscr_link = t(Msg::ArticleSafetyIsscrLink),
            ));
        }
        Notice::CallToAction => {
            let cta = call_to_action(locale);
            out.push_str(&format!(
                r#"<div class="app-cta" lang="{ui}"><p class="app-cta__title">{}</p><p class="app-cta__body">{}</p><a class="app-cta__button" href="{}">{}</a></div>"#,
                escape(cta.title),
                escape(&cta.body),
                escape(cta.href),
                escape(cta.link)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::loader::tests::TRUNK_SHELL as SHELL;

    #[test]
    fn the_article_lands_in_the_body_inside_the_wrapper_once() {
        let html = render(SHELL).expect("renders");
        let body = &html[html.find("<body>").expect("body")..];
        assert!(
            body.starts_with(r#"<body><div id="app-prerendered">"#),
            "{body:.80}"
        );
        // One inline script, Trunk's loader rewritten, in <head> (the server hashes it).
        assert_eq!(html.matches("<script").count(), 1);
        assert!(html.find("<script>") < html.find("</head>"));
        assert_eq!(html.matches("<article").count(), 1);
        assert_eq!(html.matches("<h1").count(), 1);
        assert!(html.contains(r#"<div id="app-prerendered"><a class="app-skip-link""#));
        assert!(html.contains("Dr. Vadim Zhiliuk, Dr. Sergey Pashchenko"));
        assert!(html.contains(r#"href="/conditions/multiple-sclerosis">Multiple sclerosis</a>"#));
        assert!(html.contains("South Korea and India"));
        assert!(render(&html).is_err(), "a second run is refused");
    }

    #[test]
    fn text_is_escaped() {
        // The content's apostrophes arrive escaped, and no content text opens a tag.
        let html = article_html(&parse(SOURCE).expect("parses"), Locale::En);
        assert!(html.contains("Alzheimer&#39;s disease"));
        assert!(!html.contains("<script"));
    }
}
