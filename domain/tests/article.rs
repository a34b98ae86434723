//! The article's content file: it parses, its headings are unique and in order, the lists it
//! places come from the catalogue, and the notices come from the eligibility rules.

use domain::article::{
    Article, Block, Notice, PATIENT_SAFETY_ID, ParseErrorKind, RESERVED_IDS, call_to_action, parse,
    pick_source, service_area,
};
use domain::catalogue::{Kind, catalogue};
use domain::eligibility::rules;
use domain::request::answer_labels;
use domain::{Locale, Msg};

const EN: &str = include_str!("../../content/article.en.md");

fn article() -> Article {
    parse(EN).expect("content/article.en.md parses")
}

#[test]
fn every_content_file_parses_and_declares_its_language() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../content");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("content/ exists") {
        let path = entry.expect("readable").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let Some(tag) = name
            .strip_prefix("article.")
            .and_then(|n| n.strip_suffix(".md"))
        else {
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("readable");
        let parsed = parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(Some(parsed.meta.lang), Locale::from_tag(tag), "{name}");
        seen += 1;
    }
    assert!(seen >= 1);
}

#[test]
fn metadata_names_the_publisher_and_both_authors() {
    let meta = article().meta;
    assert_eq!(meta.lang, Locale::En);
    assert_eq!(
        meta.title,
        "Cellular therapy is a fast-growing field in Medicine"
    );
    assert_eq!(meta.publisher, "Booking Health GmbH");
    assert_eq!(meta.authors, ["Dr. Vadim Zhiliuk", "Dr. Sergey Pashchenko"]);
    assert!(
        (50..=160).contains(&meta.description.chars().count()),
        "description length"
    );
}

#[test]
fn headings_are_unique_non_empty_and_in_the_articles_order() {
    let article = article();
    let ids: Vec<&str> = article.all_sections().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "cell-therapy-defined",
            "overview",
            "pathologies",
            "medical-goals",
            "how-it-works",
            "phases",
            "safety",
            "contraindications",
            "side-effects",
        ]
    );
    let mut headings: Vec<&str> = article.all_sections().map(|s| s.heading.as_str()).collect();
    headings.push(&article.meta.title);
    let count = headings.len();
    headings.sort_unstable();
    headings.dedup();
    assert_eq!(headings.len(), count, "headings are unique");
    assert!(!ids.contains(&PATIENT_SAFETY_ID));
    assert!(ids.iter().all(|id| !RESERVED_IDS.contains(id)));
}

#[test]
fn both_condition_lists_come_from_the_catalogue_and_every_entry_resolves() {
    let article = article();
    let kinds: Vec<Kind> = article
        .all_blocks()
        .filter_map(|block| match block {
            Block::Conditions(kind) => Some(*kind),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, [Kind::Pathology, Kind::Goal]);
    assert_eq!(catalogue().of_kind(Kind::Pathology).count(), 18);
    assert_eq!(catalogue().of_kind(Kind::Goal).count(), 7);
    for entry in catalogue()
        .of_kind(Kind::Pathology)
        .chain(catalogue().of_kind(Kind::Goal))
    {
        assert_eq!(catalogue().get(&entry.id).map(|e| &e.id), Some(&entry.id));
        assert!(!entry.article_text.is_empty(), "{}", entry.id.as_str());
    }
}

#[test]
fn the_three_phases_are_numbered_steps_and_the_side_effects_a_list() {
    let article = article();
    let phases = article
        .all_sections()
        .find(|s| s.id == "phases")
        .expect("phases");
    assert!(
        phases
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Steps(steps) if steps.len() == 3))
    );
    let side = article
        .all_sections()
        .find(|s| s.id == "side-effects")
        .expect("side effects");
    assert!(
        side.blocks
            .iter()
            .any(|b| matches!(b, Block::List(items) if items.len() == 3))
    );
}

#[test]
fn typos_and_page_leftovers_are_gone() {
    for bad in [
        "Multiocular",
        "disfunction",
        "artherosclerosis",
        "Immunodefifiency",
    ] {
        assert!(!EN.contains(bad), "{bad}");
    }
    for leftover in [
        "Add comment",
        "Need Help?",
        "Thank you!",
        "Why Booking Health",
        "See also",
    ] {
        assert!(!EN.contains(leftover), "{leftover}");
    }
    // The notice and the promise are not copied into the content: they come from the rules.
    assert!(!EN.contains("South Korea") && !EN.contains("24 hours"));
}

#[test]
fn each_notice_is_placed_once_and_safety_sits_with_the_safety_claim() {
    let article = article();
    let notices: Vec<Notice> = article
        .all_blocks()
        .filter_map(|block| match block {
            Block::Notice(notice) => Some(*notice),
            _ => None,
        })
        .collect();
    assert_eq!(
        notices,
        [
            Notice::ServiceArea,
            Notice::PatientSafety,
            Notice::CallToAction
        ]
    );
    let safety = article
        .sections
        .iter()
        .find(|s| s.id == "safety")
        .expect("safety");
    assert!(
        safety
            .blocks
            .contains(&Block::Notice(Notice::PatientSafety))
    );
}

#[test]
fn the_service_area_notice_lists_exactly_the_rules_countries() {
    for locale in Locale::ALL {
        let notice = service_area(locale);
        let excluded = rules().excluded_countries();
        assert_eq!(excluded.len(), 6);
        for &country in excluded {
            assert!(
                notice
                    .not_processed
                    .contains(locale.text(answer_labels::country(country)))
            );
        }
        // Nothing else: every country the rules know but exclude not is absent from that sentence.
        for country in domain::eligibility::TreatmentCountry::ALL {
            if !excluded.contains(&country) {
                let name = locale.text(answer_labels::country(country));
                assert!(!notice.not_processed.contains(name), "{name} in {locale:?}");
            }
        }
        let germany = locale.text(Msg::CountryGermany);
        assert!(notice.offer.contains(germany), "{locale:?}");
        assert!(notice.offer.contains(&rules().callback_hours().to_string()));
        assert!(!notice.not_processed.contains('{') && !notice.offer.contains('{'));
    }
    assert_eq!(
        service_area(Locale::En).not_processed,
        "Due to the difficulties associated with organising treatment in Turkey, Israel, Russia, \
         Switzerland, South Korea and India, we are not currently processing requests for these \
         countries."
    );
}

#[test]
fn the_call_to_action_opens_the_wizard_and_promises_the_rules_hours() {
    for locale in Locale::ALL {
        let cta = call_to_action(locale);
        assert_eq!(cta.href, "/request/who-for");
        assert!(
            cta.body
                .contains(&domain::eligibility::CALLBACK_HOURS.to_string())
        );
    }
}

#[test]
fn german_falls_back_to_english_until_a_german_file_exists() {
    let sources = [(Locale::En, "en text")];
    assert_eq!(
        pick_source(Locale::De, &sources),
        Some((Locale::En, "en text"))
    );
    let both = [(Locale::En, "en"), (Locale::De, "de")];
    assert_eq!(pick_source(Locale::De, &both), Some((Locale::De, "de")));
    assert_eq!(pick_source(Locale::En, &both), Some((Locale::En, "en")));
    assert_eq!(pick_source(Locale::En, &[]), None);
}

fn check_error(body: &str, expect: ParseErrorKind) {
    let text = format!(
        "---\nlang: en\ntitle: T\ndescription: D\npublisher: P\nrubric: R\nauthors: A\n---\n{body}"
    );
    assert_eq!(
        parse(&text).map(|_| ()).map_err(|e| e.kind),
        Err(expect),
        "{body:?}"
    );
}

#[test]
fn editors_slips_are_refused_with_a_reason() {
    use ParseErrorKind as E;
    check_error("# Title {#t}", E::UnsupportedHeading);
    check_error("#### Deep {#d}", E::UnsupportedHeading);
    check_error("## No id", E::HeadingWithoutId);
    check_error("## Bad {#Bad_Id}", E::BadId("Bad_Id".into()));
    check_error("## A {#a}\n## B {#a}", E::DuplicateId("a".into()));
    check_error(
        "## A {#patient-safety}",
        E::DuplicateId("patient-safety".into()),
    );
    check_error("## A {#contents}", E::DuplicateId("contents".into()));
    check_error("## A {#main}", E::DuplicateId("main".into()));
    check_error("### Part {#p}", E::SubsectionOutsideSection);
    check_error("{{banner}}", E::UnknownNotice("banner".into()));
    check_error(
        "{{conditions: drug}}",
        E::UnknownNotice("conditions: drug".into()),
    );
    check_error(
        "{{call-to-action}}\n{{call-to-action}}",
        E::DuplicateNotice("call-to-action"),
    );
    check_error("{{patient-safety}}", E::SafetyOutsideSection);
    check_error(
        "## A {#a}\n### B {#b}\n{{patient-safety}}",
        E::SafetyOutsideSection,
    );
    assert_eq!(
        parse("no front matter").map_err(|e| e.kind).err(),
        Some(E::MissingFrontMatter)
    );
    assert_eq!(
        parse("---\nlang: en\n").map_err(|e| e.kind).err(),
        Some(E::UnclosedFrontMatter)
    );
    assert_eq!(
        parse("---\nlang: xx\n---\n").map_err(|e| e.kind).err(),
        Some(E::UnknownLanguage("xx".into()))
    );
    assert_eq!(
        parse("---\nlang: en\ncolour: red\n---\n")
            .map_err(|e| e.kind)
            .err(),
        Some(E::UnknownKey("colour".into()))
    );
    assert_eq!(
        parse("---\nlang: en\n---\n").map_err(|e| e.kind).err(),
        Some(E::MissingKey("title"))
    );
}

#[test]
fn paragraphs_lists_and_steps_are_told_apart() {
    let text = "---\nlang: en\ntitle: T\ndescription: D\npublisher: P\nrubric: R\nauthors: A; B\n---\n\
                one\ntwo\n\n- a\n- b\n  more\n1. x\n2. y\n";
    let article = parse(text).expect("parses");
    assert_eq!(
        article.intro,
        [
            Block::Paragraph("one two".into()),
            Block::List(vec!["a".into(), "b more".into()]),
            Block::Steps(vec!["x".into(), "y".into()]),
        ]
    );
    assert_eq!(article.meta.authors, ["A", "B"]);
}
