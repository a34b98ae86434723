//! `POST /api/requests`: media type, size, syntax, contract shape, domain validation and
//! eligibility, spam flags, and storage.

use crate::support::*;

#[tokio::test]
async fn valid_request_is_201_and_stored() {
    let h = harness().await;
    let a = send(&h.app, post_json(Some(&key(1)), &valid_body(&key(1), 1))).await;
    assert_eq!(a.status, 201, "{}", String::from_utf8_lossy(&a.body));
    assert_eq!(a.header("content-type"), "application/json");
    assert_eq!(a.header("idempotent-replayed"), "");
    let body = a.json();
    assert_eq!(body["reference"], reference(1));
    assert!(
        body["received_at"]
            .as_u64()
            .is_some_and(|t| t > 1_700_000_000_000)
    );
    assert_eq!(body.as_object().map(|o| o.len()), Some(2));
    let created: domain::wire::Created =
        serde_json::from_slice(&a.body).expect("the wire's Created");
    assert_eq!(created.reference.as_str(), reference(1));
    let stored = h.stored().await;
    assert_eq!(stored.len(), 1);
    assert_eq!(
        (stored[0].reference.as_str(), stored[0].flags.as_str()),
        (reference(1).as_str(), "")
    );
}

#[tokio::test]
async fn not_json_is_415() {
    let h = harness().await;
    for ct in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/jsonx",
        "",
    ] {
        send(&h.app, post_raw(Some(&key(1)), ct, b"{}".to_vec()))
            .await
            .problem(415);
    }
    let ok = send(
        &h.app,
        post_raw(
            Some(&key(2)),
            "application/json; charset=utf-8",
            b"{".to_vec(),
        ),
    )
    .await;
    ok.problem(400);
}

#[tokio::test]
async fn over_32_kib_is_413() {
    let h = harness().await;
    let mut body = valid_body(&key(1), 1);
    body["honeypot"] = "x".repeat(33 * 1024).into();
    send(&h.app, post_json(Some(&key(1)), &body))
        .await
        .problem(413);
}

#[tokio::test]
async fn malformed_json_is_400() {
    let h = harness().await;
    for raw in [&b"{"[..], b"", b"not json", b"{\"v\":1,}", b"\xff\xfe"] {
        send(
            &h.app,
            post_raw(Some(&key(1)), "application/json", raw.to_vec()),
        )
        .await
        .problem(400);
    }
}

#[tokio::test]
async fn unknown_fields_are_refused_with_a_pointer() {
    let h = harness().await;
    let mut body = valid_body(&key(1), 1);
    body["patient"]["date_of_birth"] = "1970-01-01".into();
    let p = send(&h.app, post_json(Some(&key(1)), &body))
        .await
        .problem(422);
    assert!(
        p["errors"][0]["pointer"]
            .as_str()
            .is_some_and(|s| s.starts_with("/patient")),
        "{p}"
    );
    assert!(
        p["errors"][0]["detail"]
            .as_str()
            .is_some_and(|s| s.contains("date_of_birth")),
        "{p}"
    );
}

#[tokio::test]
async fn wrong_shapes_are_422_with_pointers() {
    let h = harness().await;
    #[track_caller]
    fn case(body: &mut serde_json::Value, path: &[&str], value: serde_json::Value) {
        let mut at = body;
        for p in &path[..path.len() - 1] {
            at = &mut at[*p];
        }
        at[path[path.len() - 1]] = value;
    }
    for (path, value, pointer) in [
        (
            &["treatment_country"][..],
            serde_json::json!("atlantis"),
            "/treatment_country",
        ),
        (
            &["started_at"],
            serde_json::json!("yesterday"),
            "/started_at",
        ),
        (
            &["contact", "channel"],
            serde_json::json!(7),
            "/contact/channel",
        ),
        // Objects written as arrays of their fields (serde's derive would take them).
        (
            &["patient"],
            serde_json::json!(["Jürgen Müller", "adult"]),
            "/patient",
        ),
        (
            &["screening"],
            serde_json::json!(["no", "not_sure", "no"]),
            "/screening",
        ),
        (
            &["attribution"],
            serde_json::json!([null, null]),
            "/attribution",
        ),
    ] {
        let mut body = valid_body(&key(1), 1);
        case(&mut body, path, value);
        let p = send(&h.app, post_json(Some(&key(1)), &body))
            .await
            .problem(422);
        assert_eq!(p["errors"][0]["pointer"], pointer, "{p}");
    }
}

#[tokio::test]
async fn domain_validation_is_422_in_the_users_language() {
    let h = harness().await;
    let mut body = valid_body(&key(1), 1);
    body["patient"]["name"] = "".into();
    body["consents"]["health_data"] = serde_json::Value::Null;
    body["locale"] = "en".into();
    let p = send(&h.app, post_json(Some(&key(1)), &body))
        .await
        .problem(422);
    let pointers: Vec<&str> = p["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["pointer"].as_str())
        .collect();
    assert!(pointers.contains(&"/patient/name"), "{p}");
    assert!(pointers.iter().any(|s| s.starts_with("/consents")), "{p}");
    assert_eq!(
        p["title"],
        domain::Locale::En.text(domain::Msg::ProblemValidationTitle)
    );
}

#[tokio::test]
async fn excluded_country_posted_directly_is_refused() {
    let h = harness().await;
    for (n, country) in [
        "turkey",
        "israel",
        "russia",
        "switzerland",
        "south_korea",
        "india",
    ]
    .into_iter()
    .enumerate()
    {
        let n = u32::try_from(n).unwrap_or_default();
        let mut body = valid_body(&key(n), n);
        body["treatment_country"] = country.into();
        let p = send(&h.app, post_json(Some(&key(n)), &body))
            .await
            .problem(422);
        assert_eq!(
            p["type"],
            domain::wire::Problem::TYPE_NOT_ELIGIBLE,
            "{country}: {p}"
        );
        assert!(p["errors"].as_array().is_some_and(|e| !e.is_empty()), "{p}");
    }
    assert!(h.stored().await.is_empty());
}

#[tokio::test]
async fn fever_posted_directly_is_refused() {
    let h = harness().await;
    let mut body = valid_body(&key(1), 1);
    body["screening"]["fever_or_unwell"] = "yes".into();
    let p = send(&h.app, post_json(Some(&key(1)), &body))
        .await
        .problem(422);
    // Refused by the urgent-care rule and for nothing else: the problem names that rule's answer
    // and says it in the request's language (the fixture's `locale` is German).
    assert_eq!(p["type"], domain::wire::Problem::TYPE_NOT_ELIGIBLE, "{p}");
    let urgent = domain::eligibility::Refusal::UrgentCare;
    assert_eq!(
        p["errors"],
        serde_json::json!([{
            "pointer": "/screening/fever_or_unwell",
            "detail": urgent.text(domain::Locale::De).title,
        }]),
        "{p}"
    );
    assert!(h.stored().await.is_empty());
}

#[tokio::test]
async fn honeypot_and_too_fast_are_stored_flagged() {
    let h = harness().await;
    let mut honey = valid_body(&key(1), 1);
    honey["honeypot"] = "http://spam.example".into();
    assert_eq!(
        send(&h.app, post_json(Some(&key(1)), &honey)).await.status,
        201
    );
    let mut fast = valid_body(&key(2), 2);
    let now = u64::try_from(server::store::now_ms()).unwrap_or_default();
    fast["started_at"] = (now - 1_000).into();
    for c in ["health_data", "clinics"] {
        fast["consents"][c]["given_at"] = (now - 500).into();
    }
    let a = send(&h.app, post_json(Some(&key(2)), &fast)).await;
    assert_eq!(a.status, 201, "{}", String::from_utf8_lossy(&a.body));
    let flags: Vec<(String, String)> = h
        .stored()
        .await
        .into_iter()
        .map(|r| (r.reference, r.flags))
        .collect();
    assert!(
        flags.contains(&(reference(1), "honeypot".into())),
        "{flags:?}"
    );
    assert!(
        flags.contains(&(reference(2), "too_fast".into())),
        "{flags:?}"
    );
}

#[tokio::test]
async fn header_and_body_keys_must_match() {
    let h = harness().await;
    let p = send(&h.app, post_json(Some(&key(2)), &valid_body(&key(1), 1)))
        .await
        .problem(422);
    assert_eq!(p["errors"][0]["pointer"], "/idempotency_key");
}

#[tokio::test]
async fn a_reference_cannot_be_taken_twice() {
    let h = harness().await;
    assert_eq!(
        send(&h.app, post_json(Some(&key(1)), &valid_body(&key(1), 7)))
            .await
            .status,
        201
    );
    let p = send(&h.app, post_json(Some(&key(2)), &valid_body(&key(2), 7)))
        .await
        .problem(422);
    assert_eq!(p["errors"][0]["pointer"], "/reference");
}

#[tokio::test]
async fn unlisted_condition_is_422() {
    let h = harness().await;
    let mut body = valid_body(&key(1), 1);
    body["condition"] = serde_json::json!({ "catalogue": "no-such-condition" });
    let p = send(&h.app, post_json(Some(&key(1)), &body))
        .await
        .problem(422);
    let pointer = p["errors"][0]["pointer"].as_str().unwrap_or_default();
    assert!(pointer.starts_with("/condition"), "{p}");
}
