//! The benchmark's query list: misspellings and lay terms for the real entries, and generated
//! misspellings of synthetic names, each with the id it should find. Generation only.

use super::{BenchQuery, Corpus, Rng};
use crate::catalogue::catalogue;

/// Misspelled and lay-term queries for the real entries, then `generated` misspellings of
/// generated names (one typo in a word of five or more letters), each with the id expected.
pub fn queries(corpus: &Corpus, generated: usize, seed: u64) -> Vec<BenchQuery> {
    const REAL: &[(&str, &str)] = &[
        ("alzhiemer", "alzheimers-disease"),
        ("parkinsons", "parkinsons-disease"),
        ("artherosclerosis", "atherosclerosis"),
        ("diabetis", "diabetes"),
        ("multipel sklerosis", "multiple-sclerosis"),
        ("heart attack", "heart-disease"),
        ("brain attack", "stroke"),
        ("sugar diabetes", "diabetes"),
        ("kidney failure", "kidney-failure"),
        ("slipped disc", "spine-disorders"),
        ("impotence", "erectile-dysfunction"),
        ("Zuckerkrankheit", "diabetes"),
        ("Herzinfarkt", "heart-disease"),
        ("Schlaganfall", "stroke"),
        ("Bandscheibenvorfall", "spine-disorders"),
        ("osteoporsis", "osteoporosis"),
        ("arthritus", "arthritis"),
        ("autsim", "autism"),
        ("allergys", "allergies"),
        ("menopuase", "menstrual-menopause"),
        ("depresion", "depression-burnout"),
        ("rehabilitaton", "rehabilitation"),
        ("imunodeficiency", "immunodeficiency"),
        ("erectile disfunction", "erectile-dysfunction"),
        ("renal failure", "kidney-failure"),
        ("crohns", "chronic-digestive-diseases"),
        ("hay fever", "allergies"),
        ("brittle bones", "osteoporosis"),
        ("anti aging", "premature-ageing"),
        ("MS", "multiple-sclerosis"),
    ];
    let known = |id: &str| corpus.ids.iter().any(|known| known == id);
    let mut out: Vec<BenchQuery> = REAL
        .iter()
        .filter(|(_, id)| known(id))
        .map(|(query, id)| BenchQuery {
            query: (*query).to_owned(),
            expected: (*id).to_owned(),
        })
        .collect();
    let first_generated = catalogue().entries().len().min(corpus.ids.len());
    let mut rng = Rng(seed | 1);
    for _ in 0..generated {
        if first_generated >= corpus.ids.len() {
            break;
        }
        let doc = first_generated + rng.below(corpus.ids.len() - first_generated);
        let Some(name) = corpus.documents[doc].names.first() else {
            continue;
        };
        out.push(BenchQuery {
            query: misspell(&name.text, &mut rng),
            expected: corpus.ids[doc].clone(),
        });
    }
    out
}

/// Swaps two neighbouring letters inside one word of five or more letters: one typo (none if
/// the pair is not two letters).
fn misspell(name: &str, rng: &mut Rng) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let long: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].chars().count() >= 5)
        .collect();
    let Some(&target) = long.get(rng.below(long.len())) else {
        return name.to_lowercase();
    };
    let mut chars: Vec<char> = words[target].to_lowercase().chars().collect();
    let at = 1 + rng.below(chars.len() - 2);
    // Swapping a hyphen would split or join words: more than one typo.
    if chars[at].is_alphabetic() && chars[at + 1].is_alphabetic() {
        chars.swap(at, at + 1);
    }
    let typo: String = chars.into_iter().collect();
    let words: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == target {
                typo.clone()
            } else {
                w.to_lowercase()
            }
        })
        .collect();
    words.join(" ")
}
