//! The catalogue data file: it parses, its ids are stable slugs, it has the article's 18
//! pathologies and 7 goals in the article's order, both languages are complete, and every name
//! and synonym finds the entry it belongs to through the search engine.

use std::collections::BTreeSet;

use domain::catalogue::{Category, ConditionId, Kind, catalogue, find};
use domain::{Locale, Msg};

#[test]
fn file_parses_and_ids_are_unique_slugs() {
    let entries = catalogue().entries();
    let ids: BTreeSet<&str> = entries.iter().map(|entry| entry.id.as_str()).collect();
    assert_eq!(ids.len(), entries.len(), "ids are unique");
    for id in ids {
        let slug = id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase()));
        assert!(slug, "{id} is a lowercase slug");
    }
}

#[test]
fn article_lists_are_complete_and_in_order() {
    let order = |kind| {
        catalogue()
            .of_kind(kind)
            .map(|entry| entry.id.as_str())
            .collect::<Vec<_>>()
    };
    let pathologies = order(Kind::Pathology);
    assert_eq!(pathologies.len(), 18);
    assert_eq!(order(Kind::Goal).len(), 7);
    assert_eq!(pathologies.first(), Some(&"immunodeficiency"));
    assert_eq!(pathologies.last(), Some(&"chronic-digestive-diseases"));
    assert_eq!(order(Kind::Goal).last(), Some(&"menstrual-menopause"));
    let kinds: Vec<Kind> = catalogue()
        .entries()
        .iter()
        .map(|entry| entry.kind)
        .collect();
    assert!(
        kinds.is_sorted_by_key(|kind| *kind == Kind::Goal),
        "pathologies come first"
    );
}

fn check_name(id: &str, en: &str, article: &str) {
    let entry = catalogue().get(&ConditionId(id.to_owned())).expect(id);
    assert_eq!(
        (entry.name.en.as_str(), entry.article_text.as_str()),
        (en, article)
    );
}

#[test]
fn the_articles_typos_are_corrected() {
    check_name(
        "immunodeficiency",
        "Immunodeficiency disorders",
        "Immunodeficiency disorders",
    );
    check_name(
        "multiple-sclerosis",
        "Multiple sclerosis",
        "Multiple sclerosis",
    );
    check_name(
        "erectile-dysfunction",
        "Erectile dysfunction",
        "Erectile dysfunction",
    );
    let article = "Extremities atherosclerosis, cerebrovascular atherosclerosis";
    check_name(
        "atherosclerosis",
        "Atherosclerosis of the limbs and of the brain's arteries",
        article,
    );
    for entry in catalogue().entries() {
        let text = entry.article_text.to_lowercase();
        for typo in [
            "defifiency",
            "multiocular",
            "artherosclerosis",
            "disfunction",
        ] {
            assert!(
                !text.contains(typo),
                "{} still says {typo}",
                entry.id.as_str()
            );
        }
    }
}

#[test]
fn both_languages_are_complete() {
    for entry in catalogue().entries() {
        let id = entry.id.as_str();
        for locale in Locale::ALL {
            assert!(
                !entry.name.get(locale).trim().is_empty(),
                "{id} name {locale:?}"
            );
            assert!(
                !entry.synonyms.get(locale).is_empty(),
                "{id} synonyms {locale:?}"
            );
            let blank = entry
                .synonyms
                .get(locale)
                .iter()
                .any(|synonym| synonym.trim().is_empty());
            assert!(!blank, "{id} has a blank synonym in {locale:?}");
            if let Some(evidence) = &entry.evidence {
                assert!(
                    !evidence.note.get(locale).trim().is_empty(),
                    "{id} evidence {locale:?}"
                );
            }
        }
        assert!(!entry.article_text.trim().is_empty(), "{id} article text");
    }
}

#[test]
fn evidence_cites_a_public_source() {
    for entry in catalogue().entries() {
        let Some(evidence) = &entry.evidence else {
            continue;
        };
        let id = entry.id.as_str();
        assert!(
            evidence.source_url.starts_with("https://"),
            "{id}: {}",
            evidence.source_url
        );
        assert!(!evidence.source_title.trim().is_empty(), "{id}");
    }
}

#[test]
fn categories_have_labels_and_slugs() {
    let used = catalogue().categories();
    assert!(used.len() >= 10, "{used:?}");
    for category in Category::ALL {
        assert_eq!(Category::from_slug(category.slug()), Some(category));
        for locale in Locale::ALL {
            assert!(!locale.text(category.label()).is_empty());
        }
    }
    assert_eq!(Category::from_slug("nonsense"), None);
    assert_eq!(
        Locale::De.text(Kind::Goal.label()),
        Locale::De.text(Msg::KindGoal)
    );
}

/// Names and synonyms found before their own entry, or together with others, on purpose.
const SHARED: &[(&str, &[&str])] = &[
    ("dementia", &["mental-performance", "alzheimers-disease"]),
    ("Demenz", &["mental-performance", "alzheimers-disease"]),
    ("Erschöpfung", &["depression-burnout", "body-tone"]),
    ("Herzinfarkt", &["heart-disease", "stroke"]),
    ("Hirninfarkt", &["stroke", "heart-disease"]),
];

#[test]
fn every_name_and_synonym_finds_its_entry() {
    for entry in catalogue().entries() {
        let names = [&entry.name.en, &entry.name.de];
        let own = [entry.id.as_str()];
        let texts = names
            .into_iter()
            .chain(&entry.synonyms.en)
            .chain(&entry.synonyms.de);
        for text in texts {
            let shared = SHARED.iter().find(|(shared, _)| shared == text);
            let expect = shared.map_or(&own[..], |(_, ids)| ids);
            for locale in Locale::ALL {
                let found: Vec<&str> = find(text, locale)
                    .iter()
                    .map(|hit| hit.entry.id.as_str())
                    .collect();
                assert_eq!(found, expect, "{text:?} in {locale:?}");
            }
        }
    }
}

#[test]
fn alphabetical_order_ignores_case_and_accents() {
    let names: Vec<&str> = catalogue()
        .alphabetical(Locale::En)
        .iter()
        .map(|entry| entry.name.en.as_str())
        .collect();
    assert_eq!(names.first(), Some(&"Allergies"));
    assert_eq!(names.len(), 25);
    let german: Vec<&str> = catalogue()
        .alphabetical(Locale::De)
        .iter()
        .map(|entry| entry.name.de.as_str())
        .collect();
    assert_eq!(german.first(), Some(&"Allergien"));
}

fn first_hits(query: &str, locale: Locale) -> Vec<&'static str> {
    find(query, locale)
        .into_iter()
        .map(|f| f.entry.id.as_str())
        .collect()
}

#[test]
fn a_lay_term_finds_its_condition_and_nothing_unrelated() {
    // "high blood pressure" is a heart and vessel matter: found there, and diabetes ("high blood
    // sugar") is neither found nor suggested.
    let hits = first_hits("high blood pressure", Locale::En);
    assert_eq!(hits.first(), Some(&"heart-disease"), "{hits:?}");
    assert!(!hits.contains(&"diabetes"), "{hits:?}");
    assert_eq!(
        first_hits("Bluthochdruck", Locale::De).first(),
        Some(&"heart-disease")
    );
    // Written as one word, hay fever still finds the allergies.
    let hits = first_hits("hayfever", Locale::En);
    assert_eq!(hits.first(), Some(&"allergies"), "{hits:?}");
}
