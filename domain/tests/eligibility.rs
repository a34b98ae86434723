//! The eligibility rules of product.md, one line per case: each rule has a just-in and a just-out
//! case, and a property test shows that answers a rule does not read never change the outcome.

use domain::article::{call_to_action, service_area};
use domain::catalogue::ConditionId;
use domain::eligibility::{
    AgeGroup, Answers, ConditionChoice, Outcome, Refusal, Relation, TreatmentCountry, WhoForChoice,
    YesNo, YesNoNotSure, evaluate, rules,
};
use domain::request::answer_labels;
use domain::{Locale, Msg};
use proptest::prelude::*;

mod support;

/// A patient who may apply: an adult for themselves, a listed condition, Germany, all "no".
fn fine() -> Answers {
    support::eligible_answers()
}

/// Changes one thing in `fine()` and compares the outcome's debug form with `expect`.
fn check(change: impl FnOnce(&mut Answers), expect: &str) {
    let mut answers = fine();
    change(&mut answers);
    let got = format!("{:?}", evaluate(&answers));
    assert_eq!(got, expect, "answers: {answers:?}");
}

const OK: &str = "Eligible";

#[test]
fn treatment_country() {
    use TreatmentCountry::*;
    check(|a| a.country = Some(Germany), OK);
    check(
        |a| a.country = Some(Turkey),
        "NotEligibleNow([CountryNotProcessedNow(Turkey)])",
    );
    check(
        |a| a.country = Some(Israel),
        "NotEligibleNow([CountryNotProcessedNow(Israel)])",
    );
    check(
        |a| a.country = Some(Russia),
        "NotEligibleNow([CountryNotProcessedNow(Russia)])",
    );
    check(
        |a| a.country = Some(Switzerland),
        "NotEligibleNow([CountryNotProcessedNow(Switzerland)])",
    );
    check(
        |a| a.country = Some(SouthKorea),
        "NotEligibleNow([CountryNotProcessedNow(SouthKorea)])",
    );
    check(
        |a| a.country = Some(India),
        "NotEligibleNow([CountryNotProcessedNow(India)])",
    );
    check(
        |a| a.country = Some(Other),
        "NotEligibleNow([CountryNotArranged])",
    );
    check(|a| a.country = None, OK);
}

#[test]
fn inflammation_and_infection() {
    use YesNoNotSure::*;
    check(|a| a.active_inflammation = Some(No), OK);
    check(
        |a| a.active_inflammation = Some(Yes),
        "NotEligibleNow([ActiveInflammation])",
    );
    check(
        |a| a.active_inflammation = Some(NotSure),
        "NeedsReview([InflammationNotSure])",
    );
    check(|a| a.acute_infection = Some(No), OK);
    check(
        |a| a.acute_infection = Some(Yes),
        "NotEligibleNow([AcuteInfection])",
    );
    check(
        |a| a.acute_infection = Some(NotSure),
        "NeedsReview([InfectionNotSure])",
    );
    check(
        |a| (a.active_inflammation, a.acute_infection) = (Some(NotSure), Some(NotSure)),
        "NeedsReview([InflammationNotSure, InfectionNotSure])",
    );
    // A refusal wins over a review: nothing is sent to a doctor that cannot be taken now.
    check(
        |a| (a.active_inflammation, a.acute_infection) = (Some(NotSure), Some(Yes)),
        "NotEligibleNow([AcuteInfection])",
    );
}

#[test]
fn fever_is_urgent() {
    check(|a| a.fever_or_unwell = Some(YesNo::No), OK);
    check(
        |a| a.fever_or_unwell = Some(YesNo::Yes),
        "NotEligibleNow([UrgentCare])",
    );
    check(
        |a| (a.fever_or_unwell, a.country) = (Some(YesNo::Yes), Some(TreatmentCountry::India)),
        "NotEligibleNow([UrgentCare, CountryNotProcessedNow(India)])",
    );
}

#[test]
fn condition() {
    check(
        |a| a.condition = Some(ConditionChoice::SomethingElse("Long COVID".into())),
        "NeedsReview([ConditionNotListed])",
    );
    check(
        |a| a.condition = Some(ConditionChoice::Catalogue(ConditionId("stroke".into()))),
        OK,
    );
}

#[test]
fn minor_needs_parent_or_guardian() {
    let someone = |relation| (Some(WhoForChoice::SomeoneElse), Some(relation));
    check(
        |a| a.age_group = Some(AgeGroup::Minor),
        "NotEligibleNow([MinorWithoutParent])",
    );
    check(
        |a| {
            (a.age_group, (a.who_for, a.relation)) =
                (Some(AgeGroup::Minor), someone(Relation::ParentOrGuardian))
        },
        OK,
    );
    check(
        |a| {
            (a.age_group, (a.who_for, a.relation)) =
                (Some(AgeGroup::Minor), someone(Relation::OtherRelative))
        },
        "NotEligibleNow([MinorWithoutParent])",
    );
    check(
        |a| {
            (a.age_group, (a.who_for, a.relation)) =
                (Some(AgeGroup::Adult), someone(Relation::Friend))
        },
        OK,
    );
    check(
        |a| (a.age_group, a.who_for) = (Some(AgeGroup::Minor), None),
        OK,
    );
    // "Someone else" without its relation yet is not known: a minor is not refused for it.
    check(
        |a| (a.age_group, a.who_for) = (Some(AgeGroup::Minor), Some(WhoForChoice::SomeoneElse)),
        OK,
    );
    // A relation left from an earlier "someone else" does not count once "myself" is chosen.
    check(
        |a| (a.age_group, a.relation) = (Some(AgeGroup::Minor), Some(Relation::ParentOrGuardian)),
        "NotEligibleNow([MinorWithoutParent])",
    );
}

#[test]
fn urgent_page_takes_precedence() {
    let urgent = Outcome::NotEligibleNow(vec![Refusal::CountryNotArranged, Refusal::UrgentCare]);
    assert!(urgent.is_urgent() && !urgent.can_continue());
    assert!(!Outcome::NotEligibleNow(vec![Refusal::AcuteInfection]).is_urgent());
    assert!(Outcome::NeedsReview(vec![]).can_continue());
}

/// The article's service-area notice and the rules say the same thing, in every language: a
/// country the notice names as not processed now is refused with that reason, a country it
/// names as arranged is accepted, any other is offered Germany instead; the call-back promise
/// is the rules' hours. Which countries those are is the rules' business (an edit of the table
/// changes the notice and the verdicts together); this test only holds the two to each other.
#[test]
fn service_area_is_the_articles() {
    for locale in Locale::ALL {
        let notice = service_area(locale);
        let mut named = 0;
        for country in TreatmentCountry::ALL {
            let name = locale.text(answer_labels::country(country));
            let not_processed = notice.not_processed.contains(name);
            let arranged = notice.offer.contains(name);
            let verdict = format!(
                "{:?}",
                evaluate(&Answers {
                    country: Some(country),
                    ..fine()
                })
            );
            let expected = match (not_processed, arranged) {
                (true, false) => format!("NotEligibleNow([CountryNotProcessedNow({country:?})])"),
                (false, true) => OK.into(),
                (false, false) => "NotEligibleNow([CountryNotArranged])".into(),
                _ => panic!("{locale:?}: {name} is named as both refused and arranged: {notice:?}"),
            };
            assert_eq!(
                verdict, expected,
                "{locale:?}: {name} in the notice {notice:?}"
            );
            named += usize::from(not_processed || arranged);
        }
        assert!(
            named > 1,
            "{locale:?}: the notice names no countries: {notice:?}"
        );
        let hours = rules().callback_hours().to_string();
        assert!(
            notice.offer.contains(&hours),
            "{locale:?}: {}",
            notice.offer
        );
        assert!(call_to_action(locale).body.contains(&hours), "{locale:?}");
    }
}

#[test]
fn every_refusal_has_all_its_texts_filled() {
    let mut refusals = vec![
        Refusal::UrgentCare,
        Refusal::CountryNotArranged,
        Refusal::ActiveInflammation,
    ];
    refusals.extend([Refusal::AcuteInfection, Refusal::MinorWithoutParent]);
    refusals.extend(
        rules()
            .excluded_countries()
            .iter()
            .map(|c| Refusal::CountryNotProcessedNow(*c)),
    );
    for refusal in refusals {
        for locale in Locale::ALL {
            let t = refusal.text(locale);
            for text in [&t.title, &t.why, &t.instead, &t.come_back] {
                assert!(
                    !text.is_empty() && !text.contains('{'),
                    "{refusal:?} {locale:?}: {text}"
                );
            }
        }
    }
    let turkey = Refusal::CountryNotProcessedNow(TreatmentCountry::Turkey).text(Locale::En);
    assert!(turkey.title.contains("Turkey"), "{}", turkey.title);
    assert_eq!(Refusal::UrgentCare.msgs()[0], Msg::UrgentTitle);
}

fn any_condition() -> impl Strategy<Value = Option<ConditionChoice>> {
    prop_oneof![
        Just(None),
        "[a-z-]{1,20}".prop_map(|id| Some(ConditionChoice::Catalogue(ConditionId(id)))),
    ]
}

proptest! {
    /// Which listed condition, and whether the request is for oneself or an adult relative, never
    /// changes the verdict for an adult; nor does a free-text description's wording.
    #[test]
    fn irrelevant_answers_never_change_the_outcome(
        condition in any_condition(),
        relation in prop::sample::select(Relation::ALL.to_vec()),
        myself in any::<bool>(),
        words_a in ".{1,50}",
        words_b in ".{1,50}",
        country in prop::sample::select(TreatmentCountry::ALL.to_vec()),
    ) {
        let mut a = fine();
        a.country = Some(country);
        let mut b = a.clone();
        b.condition = condition;
        (b.who_for, b.relation) = if myself {
            (Some(WhoForChoice::Myself), None)
        } else {
            (Some(WhoForChoice::SomeoneElse), Some(relation))
        };
        prop_assert_eq!(evaluate(&a), evaluate(&b));
        a.condition = Some(ConditionChoice::SomethingElse(words_a));
        b.condition = Some(ConditionChoice::SomethingElse(words_b));
        prop_assert_eq!(evaluate(&a), evaluate(&b));
    }
}
