//! The wire contract as other backends see it: the fixture parses, bodies round-trip, unknown
//! fields are refused, and the ids have their documented shapes.

use domain::wire::{IdempotencyKey, Problem, Reference, RequestBody};

const FIXTURE: &str = include_str!("fixtures/request-v1.json");

#[test]
fn fixture_parses_and_round_trips() {
    let body: RequestBody = serde_json::from_str(FIXTURE).expect("fixture is a v1 body");
    let json = serde_json::to_string(&body).expect("serialises");
    let again: RequestBody = serde_json::from_str(&json).expect("reads back");
    assert_eq!(body, again);
}

#[test]
fn unknown_fields_are_refused_at_every_level() {
    let mut value: serde_json::Value = serde_json::from_str(FIXTURE).expect("json");
    for path in [
        "",
        "/patient",
        "/requester",
        "/contact",
        "/consents",
        "/consents/health_data",
        "/screening",
        "/attribution",
    ] {
        let mut changed = value.clone();
        let target = changed.pointer_mut(path).expect("path exists");
        target
            .as_object_mut()
            .expect("object")
            .insert("surprise".into(), 1.into());
        let parsed = serde_json::from_value::<RequestBody>(changed);
        assert!(parsed.is_err(), "unknown field accepted at {path:?}");
    }
    value["treatment_country"] = "atlantis".into();
    assert!(serde_json::from_value::<RequestBody>(value).is_err());
}

#[test]
fn ids_have_their_shapes() {
    let reference = Reference::from_random([0xff, 0, 0x12, 0x34, 0x56]);
    assert_eq!(reference.as_str().len(), 11);
    assert!(reference.as_str().starts_with("CT-"));
    assert_eq!(
        Reference::parse(&reference.as_str().to_lowercase()),
        Some(reference)
    );
    assert_eq!(
        Reference::parse("ct-7k3m-9q2x").map(String::from),
        Some("CT-7K3M9Q2X".into())
    );
    assert_eq!(
        Reference::parse("CT-OIL00000").map(String::from),
        Some("CT-01100000".into())
    );
    assert_eq!(Reference::parse("CT-7K3M9Q2"), None);
    assert_eq!(Reference::parse("CT-7K3M9Q2U"), None);
    let key = IdempotencyKey::from_random([0xab; 16]);
    assert_eq!(key.as_str(), "abababab-abab-4bab-abab-abababababab");
    assert_eq!(
        IdempotencyKey::parse("0F8FAD5B-D9CB-469F-A165-70867728950E").map(String::from),
        Some("0f8fad5b-d9cb-469f-a165-70867728950e".into())
    );
    assert_eq!(
        IdempotencyKey::parse("0f8fad5b-d9cb-469f-a165-70867728950"),
        None
    );
}

#[test]
fn problem_round_trips_and_omits_empty_errors() {
    let problem = Problem::new(
        415,
        "/problems/unsupported-media-type",
        "Send JSON",
        "Use application/json.",
    );
    let json = serde_json::to_value(&problem).expect("serialises");
    assert!(json.get("errors").is_none());
    assert_eq!(json["type"], "/problems/unsupported-media-type");
    assert_eq!(
        serde_json::from_value::<Problem>(json).expect("reads back"),
        problem
    );
}
