//! The server's side of the contract: a body passes only through the wizard's validation and
//! rules; what they refuse becomes a 422 problem with pointers. One line per case.

use domain::Locale;
use domain::catalogue::ConditionId;
use domain::eligibility::{Outcome, Refusal, ReviewReason, TreatmentCountry};
use domain::request::ValidationContext;
use domain::wire::{Envelope, IdempotencyKey, Problem, Reference, Rejection, RequestBody};
use serde_json::{Value, json};

const FIXTURE: &str = include_str!("fixtures/request-v1.json");

fn listed(id: &ConditionId) -> bool {
    id.0 == "multiple-sclerosis"
}
const CTX: ValidationContext<'static> = ValidationContext {
    is_listed: &listed,
    now_ms: 1_795_000_001_000,
};

/// Sets `pointer` in the fixture to `value` (or removes it when `value` is null and the last
/// segment is a field), accepts it, and compares a short form of the result with `expect`.
fn check(pointer: &str, value: Value, expect: &str) {
    let mut body: Value = serde_json::from_str(FIXTURE).expect("fixture");
    if !pointer.is_empty() {
        *body.pointer_mut(pointer).expect("pointer in fixture") = value;
    }
    let body: RequestBody = serde_json::from_value(body).expect("still a body");
    let got = match body.accept(&CTX) {
        Ok((_, outcome)) => format!("{outcome:?}"),
        Err(Rejection::Invalid(errors)) => errors
            .iter()
            .map(|e| format!("{} {:?}", e.pointer, e.msg))
            .collect::<Vec<_>>()
            .join("; "),
        Err(Rejection::NotEligible(refusals)) => format!("refused {refusals:?}"),
    };
    assert_eq!(got, expect, "{pointer}");
}

#[test]
fn the_server_reruns_validation_and_rules() {
    check("", json!(null), "NeedsReview([InfectionNotSure])");
    check("/screening/acute_infection", json!("no"), "Eligible");
    check(
        "/screening/acute_infection",
        json!("yes"),
        "refused [AcuteInfection]",
    );
    check(
        "/screening/active_inflammation",
        json!("yes"),
        "refused [ActiveInflammation]",
    );
    check(
        "/screening/fever_or_unwell",
        json!("yes"),
        "refused [UrgentCare]",
    );
    check(
        "/treatment_country",
        json!("turkey"),
        "refused [CountryNotProcessedNow(Turkey)]",
    );
    check(
        "/treatment_country",
        json!("other"),
        "refused [CountryNotArranged]",
    );
    check(
        "/patient/age_group",
        json!("minor"),
        "refused [MinorWithoutParent]",
    );
    check(
        "/requester/relation",
        json!("parent_or_guardian"),
        "NeedsReview([InfectionNotSure])",
    );
    check("/requester", json!(null), "NeedsReview([InfectionNotSure])");
    check(
        "/condition",
        json!({"catalogue": "unknown"}),
        "/condition/catalogue ErrorConditionUnknown",
    );
    check(
        "/patient/name",
        json!(""),
        "/patient/name ErrorPatientNameEmpty",
    );
    check(
        "/contact/phone",
        json!("030 1234567"),
        "/contact/phone ErrorPhoneCountryCode",
    );
    check(
        "/contact/channel",
        json!("email"),
        "/contact/email ErrorEmailEmpty",
    );
    check(
        "/consents/health_data",
        json!(null),
        "/consents/health_data ErrorConsentHealthData",
    );
    check(
        "/consents/clinics/version",
        json!(""),
        "/consents/clinics/version ErrorConsentVersion",
    );
    check(
        "/attribution/utm_source",
        json!("x".repeat(201)),
        "/attribution/utm_source ErrorMetaField",
    );
    check(
        "/attribution/utm_source",
        json!("x".repeat(200)),
        "NeedsReview([InfectionNotSure])",
    );
    check("/v", json!(2), "/v ErrorVersion");
}

#[test]
fn a_validated_request_survives_the_wire() {
    let body: RequestBody = serde_json::from_str(FIXTURE).expect("fixture");
    let (request, outcome) = body.accept(&CTX).expect("accepted");
    assert_eq!(
        outcome,
        Outcome::NeedsReview(vec![ReviewReason::InfectionNotSure])
    );
    assert_eq!(body.contact.phone.as_deref(), Some("+49 (0)30 123-45-67"));
    let envelope = Envelope {
        reference: Reference::from_random([1, 2, 3, 4, 5]),
        idempotency_key: IdempotencyKey::from_random([7; 16]),
        locale: Locale::De,
        app_version: "0.1.0".into(),
        attribution: None,
        honeypot: String::new(),
        started_at: 1_794_999_880_000,
    };
    let sent = RequestBody::new(&request, envelope);
    assert_eq!(sent.contact.phone.as_deref(), Some("+49301234567"));
    let json = serde_json::to_string(&sent).expect("serialises");
    let received: RequestBody = serde_json::from_str(&json).expect("parses");
    assert_eq!(received, sent);
    assert_eq!(received.accept(&CTX).map(|(r, _)| r), Ok(request));
}

#[test]
fn refusals_become_a_422_problem_in_the_users_language() {
    let rejection = Rejection::NotEligible(vec![Refusal::CountryNotProcessedNow(
        TreatmentCountry::India,
    )]);
    let problem = Problem::unprocessable(&rejection, Locale::De);
    assert_eq!(
        (problem.status, problem.type_.as_str()),
        (422, Problem::TYPE_NOT_ELIGIBLE)
    );
    assert_eq!(problem.errors[0].pointer, "/treatment_country");
    assert!(
        problem.errors[0].detail.contains("Indien"),
        "{}",
        problem.errors[0].detail
    );
    let json = serde_json::to_value(&problem).expect("json");
    assert_eq!(json["errors"][0]["pointer"], "/treatment_country");
}

#[test]
fn honeypot_and_speed_are_flagged_not_refused() {
    let mut body: RequestBody = serde_json::from_str(FIXTURE).expect("fixture");
    let started = body.started_at;
    let flags = |b: &RequestBody, took: u64| b.spam_flags(started + took);
    assert_eq!(
        (flags(&body, 10_000).too_fast, flags(&body, 9_999).too_fast),
        (false, true)
    );
    assert!(!flags(&body, 60_000).honeypot_filled);
    body.honeypot = "http://spam.example".into();
    assert!(flags(&body, 60_000).honeypot_filled);
    assert!(
        body.accept(&CTX).is_ok(),
        "a filled honeypot is stored flagged, never refused"
    );
}
