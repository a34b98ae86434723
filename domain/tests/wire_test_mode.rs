//! The `test` flag of the wire body: absent in real requests (their bytes unchanged), `true` in a
//! partner's test mode, and nothing else accepted.

use domain::wire::RequestBody;

const FIXTURE: &str = include_str!("fixtures/request-v1.json");

fn with_test(value: serde_json::Value) -> serde_json::Value {
    let mut body: serde_json::Value = serde_json::from_str(FIXTURE).expect("fixture");
    body["test"] = value;
    body
}

#[test]
fn real_requests_carry_no_test_flag() {
    let body: RequestBody = serde_json::from_str(FIXTURE).expect("parse");
    assert!(!body.test);
    let json = serde_json::to_value(&body).expect("serialise");
    assert!(json.get("test").is_none(), "{json}");
}

#[test]
fn test_mode_round_trips() {
    let body: RequestBody = serde_json::from_value(with_test(true.into())).expect("parse");
    assert!(body.test);
    let json = serde_json::to_value(&body).expect("serialise");
    assert_eq!(json["test"], true);
}

#[test]
fn test_flag_is_a_boolean() {
    for value in [serde_json::json!("yes"), serde_json::json!(1)] {
        assert!(
            serde_json::from_value::<RequestBody>(with_test(value.clone())).is_err(),
            "{value}"
        );
    }
}
