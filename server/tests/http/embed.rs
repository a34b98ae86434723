//! The partner embed: framing per partner id (`PARTNERS`), the loader's headers, and the test
//! mode that answers with a test reference and stores nothing.

use crate::support::*;

const PARTNERS: &str = "clinic-a=https://a.example https://b.example;group-b=http://c.example:81";

async fn with_partners(unknown: Option<&'static str>) -> Harness {
    harness_with(move |c| {
        c.partner_origins = vec!["https://shared.example".to_owned()];
        c.partners = server::embed::Partners::parse(Some(PARTNERS), unknown).expect("valid");
        std::fs::write(c.dist_dir.join("embed-v1.js"), "/* loader */").expect("write");
    })
    .await
}

fn frame_ancestors(a: &Answer) -> String {
    let csp = a.header("content-security-policy");
    let found: Vec<&str> = csp
        .split(';')
        .map(str::trim)
        .filter(|d| d.starts_with("frame-ancestors"))
        .collect();
    assert_eq!(found.len(), 1, "{csp}");
    found[0].to_owned()
}

#[tokio::test]
async fn each_partner_may_frame_only_its_own_embed() {
    let h = with_partners(None).await;
    for (path, expect) in [
        (
            "/embed/request?partner=clinic-a&lang=de",
            "frame-ancestors https://a.example https://b.example",
        ),
        (
            "/embed/request/patient?lang=de&partner=group-b",
            "frame-ancestors http://c.example:81",
        ),
        ("/embed/request?partner=clinic-b", "frame-ancestors 'none'"),
        ("/embed/request", "frame-ancestors 'none'"),
        ("/", "frame-ancestors 'none'"),
        (
            "/request/who-for?partner=clinic-a",
            "frame-ancestors 'none'",
        ),
    ] {
        let a = send(&h.app, get(path)).await;
        assert_eq!(a.status, 200, "{path}");
        assert_eq!(frame_ancestors(&a), expect, "{path}");
        assert!(
            a.header("content-security-policy")
                .contains("default-src 'none'")
        );
    }
}

#[tokio::test]
async fn unknown_partners_may_get_the_shared_list() {
    let h = with_partners(Some("shared")).await;
    let a = send(&h.app, get("/embed/request?partner=nobody")).await;
    assert_eq!(
        frame_ancestors(&a),
        "frame-ancestors https://shared.example"
    );
    let a = send(&h.app, get("/embed/request?partner=clinic-a")).await;
    assert_eq!(
        frame_ancestors(&a),
        "frame-ancestors https://a.example https://b.example"
    );
}

#[tokio::test]
async fn without_partners_the_shared_list_applies() {
    let h = harness_with(|c| c.partner_origins = vec!["https://shared.example".to_owned()]).await;
    let a = send(&h.app, get("/embed/request?partner=clinic-a")).await;
    assert_eq!(
        frame_ancestors(&a),
        "frame-ancestors https://shared.example"
    );
}

#[tokio::test]
async fn the_loader_is_cached_for_a_year_and_loadable_anywhere() {
    let h = with_partners(None).await;
    let a = send(&h.app, get("/embed-v1.js")).await;
    assert_eq!(a.status, 200);
    assert!(a.header("content-type").starts_with("text/javascript"));
    assert_eq!(
        a.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(a.header("access-control-allow-origin"), "*");
    assert_eq!(a.header("cross-origin-resource-policy"), "cross-origin");
    let missing = send(&h.app, get("/embed-v2.js")).await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header("access-control-allow-origin"), "");
}

async fn stored(h: &Harness) -> usize {
    h.stored().await.len()
}

#[tokio::test]
async fn test_mode_answers_a_test_reference_and_stores_nothing() {
    let h = harness().await;
    let mut body = valid_body(&key(7), 7);
    body["test"] = true.into();
    body["attribution"] = serde_json::json!({"partner": "clinic-a", "utm_source": "news"});
    for _ in 0..2 {
        let a = send(&h.app, post_json(Some(&key(7)), &body)).await;
        assert_eq!(a.status, 201, "{}", String::from_utf8_lossy(&a.body));
        let test_ref = a.json()["reference"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(test_ref.starts_with("CT-TEST"), "{test_ref}");
        assert_ne!(test_ref, reference(7));
    }
    assert_eq!(stored(&h).await, 0);
    // A test body the rules refuse is refused like any other, and stored neither.
    body["treatment_country"] = "turkey".into();
    let a = send(&h.app, post_json(Some(&key(7)), &body)).await;
    assert_eq!(a.status, 422);
    assert_eq!(stored(&h).await, 0);
    // A real one still goes in, with its attribution.
    let mut real = valid_body(&key(8), 8);
    real["attribution"] = serde_json::json!({"partner": "clinic-a", "utm_source": "news"});
    let a = send(&h.app, post_json(Some(&key(8)), &real)).await;
    assert_eq!(a.status, 201);
    assert_eq!(a.json()["reference"], reference(8));
    assert_eq!(stored(&h).await, 1);
}

fn test_body(n: u32) -> serde_json::Value {
    let mut body = valid_body(&key(n), n);
    body["test"] = true.into();
    body
}

#[tokio::test]
async fn test_mode_reads_the_key_as_the_real_endpoint_does() {
    let h = harness().await;
    let upper = key(9).to_uppercase();
    for header in [
        format!("\"{}\"", key(9)),
        upper.clone(),
        format!(" {upper} "),
    ] {
        let a = send(&h.app, post_json(Some(&header), &test_body(9))).await;
        assert_eq!(
            a.status,
            201,
            "{header}: {}",
            String::from_utf8_lossy(&a.body)
        );
        let reference = a.json()["reference"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(reference.starts_with("CT-TEST"), "{header}: {reference}");
    }
    assert_eq!(stored(&h).await, 0, "a test body is never stored");
    for media_type in ["application/jsonx", "text/json", "application/json-seq"] {
        let bytes = serde_json::to_vec(&test_body(9)).expect("json");
        send(&h.app, post_raw(Some(&key(9)), media_type, bytes))
            .await
            .problem(415);
    }
    assert_eq!(stored(&h).await, 0);
}

#[tokio::test]
async fn test_mode_is_rate_limited_with_retry_after() {
    let h = harness_with(|c| c.rate_limit_per_minute = 10).await;
    for n in 0..10 {
        assert_eq!(
            send(&h.app, post_json(Some(&key(n)), &test_body(n)))
                .await
                .status,
            201
        );
    }
    let a = send(&h.app, post_json(Some(&key(10)), &test_body(10))).await;
    a.problem(429);
    assert_eq!(a.header("retry-after"), "6");
}

#[tokio::test]
async fn test_mode_is_shed_under_load() {
    let h = harness_with(|c| c.max_concurrency = 1).await;
    let _busy = h.state.shedder.try_hold().expect("a free slot");
    let a = send(&h.app, post_json(Some(&key(1)), &test_body(1))).await;
    a.problem(503);
    assert_eq!(a.header("retry-after"), "1");
}

#[tokio::test]
async fn test_mode_checks_the_origin() {
    let h = harness().await;
    let mut request = post_json(Some(&key(1)), &test_body(1));
    request
        .headers_mut()
        .insert("origin", "https://evil.example".parse().expect("header"));
    send(&h.app, request).await.problem(403);
}
