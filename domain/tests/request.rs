//! The draft and its validation: which pointer and message each missing or wrong answer gives,
//! the step flow, and properties (no panic on any text; names and contact details never sway the
//! eligibility verdict).

use domain::Msg;
use domain::catalogue::ConditionId;
use domain::eligibility::{
    AgeGroup, Answers, ConditionChoice, Relation, TreatmentCountry, WhoForChoice, YesNo,
    YesNoNotSure,
};
use domain::request::{
    BestTime, ContactChannel, ContactWay, Draft, Requester, Step, ValidationContext,
};
use proptest::prelude::*;

mod support;

fn listed(id: &ConditionId) -> bool {
    id.0 == "multiple-sclerosis"
}
const CTX: ValidationContext<'static> = ValidationContext {
    is_listed: &listed,
    now_ms: 1_795_000_000_000,
};

/// A draft with every answer given, for an adult patient filling it in themselves.
fn complete() -> Draft {
    Draft {
        answers: support::eligible_answers(),
        patient_name: Some("Anna Schmidt".into()),
        channel: Some(ContactChannel::Phone),
        phone: Some("+49 30 1234567".into()),
        language: Some("de".into()),
        best_time: Some(BestTime::Morning),
        time_zone: Some("Europe/Berlin".into()),
        consent_health_data: true,
        consent_clinics: true,
        ..Draft::default()
    }
}

/// Changes `complete()` and compares the errors, as `pointer message-key` pairs, with `expect`.
fn check(change: impl FnOnce(&mut Draft), expect: &[(&str, Msg)]) {
    let mut draft = complete();
    change(&mut draft);
    let got: Vec<(&str, Msg)> = match draft.validate(&CTX) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| (e.pointer, e.msg)).collect(),
    };
    assert_eq!(got, expect, "draft: {draft:?}");
}

#[test]
fn each_missing_or_wrong_answer_names_its_field() {
    check(|_| {}, &[]);
    check(
        |d| d.answers.who_for = None,
        &[("/requester", Msg::ErrorWhoForEmpty)],
    );
    check(
        |d| d.answers.who_for = Some(WhoForChoice::SomeoneElse),
        &[
            ("/requester/relation", Msg::ErrorRelationEmpty),
            ("/requester/name", Msg::ErrorRequesterNameEmpty),
        ],
    );
    check(
        |d| d.answers.age_group = None,
        &[("/patient/age_group", Msg::ErrorAgeGroupEmpty)],
    );
    check(
        |d| d.answers.condition = None,
        &[("/condition", Msg::ErrorConditionEmpty)],
    );
    check(
        |d| {
            d.answers.condition = Some(ConditionChoice::Catalogue(ConditionId(
                "atlantis-flu".into(),
            )))
        },
        &[("/condition/catalogue", Msg::ErrorConditionUnknown)],
    );
    check(
        |d| d.answers.condition = Some(ConditionChoice::SomethingElse(" ".into())),
        &[("/condition/something_else", Msg::ErrorConditionTextEmpty)],
    );
    check(
        |d| d.answers.country = None,
        &[("/treatment_country", Msg::ErrorCountryEmpty)],
    );
    check(
        |d| d.answers.fever_or_unwell = None,
        &[("/screening/fever_or_unwell", Msg::ErrorFeverEmpty)],
    );
    check(|d| d.patient_name = Some("x".repeat(200)), &[]);
    check(
        |d| d.patient_name = Some("x".repeat(201)),
        &[("/patient/name", Msg::ErrorNameTooLong)],
    );
    check(
        |d| d.phone = Some("030 1234567".into()),
        &[("/contact/phone", Msg::ErrorPhoneCountryCode)],
    );
    check(
        |d| d.channel = Some(ContactChannel::Email),
        &[("/contact/email", Msg::ErrorEmailEmpty)],
    );
    check(
        |d| (d.channel, d.email) = (Some(ContactChannel::Email), Some("A@B.DE".into())),
        &[],
    );
    check(
        |d| d.time_zone = None,
        &[("/contact/time_zone", Msg::ErrorTimeZoneEmpty)],
    );
    check(
        |d| d.consent_health_data = false,
        &[("/consents/health_data", Msg::ErrorConsentHealthData)],
    );
    check(
        |d| d.consent_clinics = false,
        &[("/consents/clinics", Msg::ErrorConsentClinics)],
    );
    check(|d| d.consent_marketing = true, &[]);
}

#[test]
fn a_complete_draft_becomes_a_normalised_request() {
    let mut draft = complete();
    draft.answers.who_for = Some(WhoForChoice::SomeoneElse);
    draft.answers.relation = Some(Relation::SonOrDaughter);
    draft.requester_name = Some("  Max Schmidt ".into());
    draft.channel = Some(ContactChannel::WhatsApp);
    draft.phone = Some("0049 (0)30 123-45-67".into());
    let request = draft.validate(&CTX).expect("complete");
    assert_eq!(
        request.contact.way,
        ContactWay::WhatsApp(domain::request::PhoneNumber::parse("+49301234567").expect("ok"))
    );
    let Requester::SomeoneElse { name, relation } = &request.requester else {
        panic!("someone else")
    };
    assert_eq!(
        (name.as_str(), *relation),
        ("Max Schmidt", Relation::SonOrDaughter)
    );
    assert_eq!(request.consents.health_data.given_at, CTX.now_ms);
    assert_eq!(request.consents.marketing, None);
}

#[test]
fn steps_in_order_with_slugs_and_numbers() {
    let slugs: Vec<&str> = Step::ALL.iter().map(|s| s.slug()).collect();
    assert_eq!(
        slugs,
        [
            "who-for",
            "condition",
            "country",
            "health",
            "patient",
            "contact",
            "consent",
            "check",
            "done"
        ]
    );
    for step in Step::ALL {
        assert_eq!(Step::from_slug(step.slug()), Some(step));
    }
    assert_eq!(Step::Country.number(), Some((3, 8)));
    assert_eq!(Step::Check.number(), Some((8, 8)));
    assert_eq!(Step::Done.number(), None);
    assert_eq!(
        (Step::WhoFor.previous(), Step::WhoFor.next()),
        (None, Some(Step::Condition))
    );
    assert_eq!(
        (Step::Check.previous(), Step::Done.previous()),
        (Some(Step::Consent), None)
    );
    assert_eq!(Step::for_pointer("/requester/name"), Some(Step::Contact));
    assert_eq!(Step::for_pointer("/patient/age_group"), Some(Step::WhoFor));
    assert_eq!(
        Step::for_pointer("/screening/acute_infection"),
        Some(Step::Screening)
    );
    assert_eq!(Step::for_pointer("/honeypot"), None);
}

#[test]
fn a_later_step_by_url_goes_to_the_first_unanswered() {
    let empty = Draft::default();
    assert_eq!(Step::first_unanswered(&empty, &CTX), Step::WhoFor);
    assert_eq!(Step::allowed(Step::Contact, &empty, &CTX), Step::WhoFor);
    let mut draft = complete();
    draft.patient_name = None;
    assert_eq!(Step::first_unanswered(&draft, &CTX), Step::Patient);
    assert_eq!(Step::allowed(Step::Country, &draft, &CTX), Step::Country);
    assert_eq!(Step::allowed(Step::Check, &draft, &CTX), Step::Patient);
    assert_eq!(Step::first_unanswered(&complete(), &CTX), Step::Check);
    assert_eq!(Step::allowed(Step::Done, &complete(), &CTX), Step::Check);
    assert_eq!(complete().validate_step(Step::Screening, &CTX), vec![]);
    assert_eq!(empty.validate_step(Step::Screening, &CTX).len(), 3);
}

fn any_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(any::<String>())
}

proptest! {
    #[test]
    fn validation_never_panics(
        name in any_text(), requester in any_text(), phone in any_text(), email in any_text(),
        language in any_text(), tz in any_text(), words in any::<String>(), id in any::<String>(),
        someone_else in any::<bool>(), channel in prop::sample::select(ContactChannel::ALL.to_vec()),
    ) {
        let mut draft = complete();
        (draft.patient_name, draft.requester_name, draft.phone, draft.email) = (name, requester, phone, email);
        (draft.language, draft.time_zone, draft.channel) = (language, tz, Some(channel));
        draft.answers.who_for = Some(if someone_else { WhoForChoice::SomeoneElse } else { WhoForChoice::Myself });
        let _ = draft.validate(&CTX);
        draft.answers.condition = Some(ConditionChoice::SomethingElse(words));
        let _ = draft.validate(&CTX);
        draft.answers.condition = Some(ConditionChoice::Catalogue(ConditionId(id)));
        for step in Step::ALL {
            let _ = draft.validate_step(step, &CTX);
        }
    }

    /// Names, contact details, consents and the time zone never change the rules' verdict.
    #[test]
    fn contact_details_never_change_eligibility(
        name in any_text(), requester in any_text(), phone in any_text(), email in any_text(),
        tz in any_text(), marketing in any::<bool>(),
        country in prop::sample::select(TreatmentCountry::ALL.to_vec()),
        fever in prop::sample::select(vec![YesNo::Yes, YesNo::No]),
    ) {
        let mut base = complete();
        (base.answers.country, base.answers.fever_or_unwell) = (Some(country), Some(fever));
        let mut other = base.clone();
        (other.patient_name, other.requester_name, other.phone, other.email) = (name, requester, phone, email);
        (other.time_zone, other.consent_marketing, other.consent_clinics) = (tz, marketing, false);
        prop_assert_eq!(base.eligibility(), other.eligibility());
    }
}

#[test]
fn an_email_needs_no_best_time_to_call() {
    let email = |d: &mut Draft| {
        d.channel = Some(ContactChannel::Email);
        d.phone = None;
        d.email = Some("anna@example.org".into());
        d.best_time = None;
    };
    check(email, &[]);
    let mut draft = complete();
    email(&mut draft);
    let request = draft.validate(&CTX).expect("valid without a best time");
    assert_eq!(request.contact.best_time, BestTime::Anytime);
    // A call still needs one.
    check(
        |d| d.best_time = None,
        &[("/contact/best_time", Msg::ErrorBestTimeEmpty)],
    );
}

/// A draft saved on a device before the screening answers moved into `Answers`, exactly as that
/// code wrote it (every field, flat keys, in declaration order): "someone else" with its
/// relation, a minor, a free-text condition and every screening answer.
const SAVED_BEFORE_ANSWERS: &str = r#"{"who_for":"someone_else","relation":"parent_or_guardian","age_group":"minor","condition":{"something_else":"Long COVID"},"country":"germany","active_inflammation":"no","acute_infection":"not_sure","fever_or_unwell":"no","patient_name":"Zoë Müller","requester_name":"Jan Müller","channel":"email","phone":null,"email":"jan@example.org","language":"de","best_time":null,"time_zone":"Europe/Berlin","consent_health_data":true,"consent_clinics":true,"consent_marketing":false,"consent_version":"2026-11-26","consent_given_at":1795000000000}"#;

#[test]
fn a_draft_saved_by_earlier_code_loads_with_the_same_answers() {
    let draft: Draft = serde_json::from_str(SAVED_BEFORE_ANSWERS).expect("loads");
    let expected = Answers {
        who_for: Some(WhoForChoice::SomeoneElse),
        relation: Some(Relation::ParentOrGuardian),
        age_group: Some(AgeGroup::Minor),
        condition: Some(ConditionChoice::SomethingElse("Long COVID".into())),
        country: Some(TreatmentCountry::Germany),
        active_inflammation: Some(YesNoNotSure::No),
        acute_infection: Some(YesNoNotSure::NotSure),
        fever_or_unwell: Some(YesNo::No),
    };
    assert_eq!(draft.answers, expected);
    assert_eq!(draft.requester_name.as_deref(), Some("Jan Müller"));
    assert_eq!(draft.consent_given_at, Some(1_795_000_000_000));
    // And it is saved again in the same form, key for key.
    let saved = serde_json::to_string(&draft).expect("saves");
    assert_eq!(saved, SAVED_BEFORE_ANSWERS);
    // A draft saved after the first page only, or with a key this code does not know, opens too.
    let partial: Draft =
        serde_json::from_str(r#"{"who_for":"myself","age_group":"adult","gone":1}"#)
            .expect("a partial draft loads");
    assert_eq!(partial.answers.who_for, Some(WhoForChoice::Myself));
    assert_eq!(partial.answers.country, None);
    assert!(!partial.consent_clinics);
}
