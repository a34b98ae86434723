//! Security headers for each route class: pages, assets, the embed route, the API, errors.

use crate::support::*;
use base64::Engine as _;
use sha2::{Digest, Sha256};

fn loader_hash() -> String {
    let digest = Sha256::digest(INLINE_LOADER.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[track_caller]
fn check_common(a: &Answer) {
    let csp = a.header("content-security-policy");
    for part in [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval' ",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ] {
        assert!(csp.contains(part), "{part} missing from {csp}");
    }
    assert!(csp.contains(&loader_hash()), "{csp}");
    assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"));
    assert_eq!(a.header("x-content-type-options"), "nosniff");
    assert_eq!(a.header("referrer-policy"), "no-referrer");
    for feature in [
        "camera=()",
        "microphone=()",
        "geolocation=()",
        "payment=()",
        "usb=()",
    ] {
        assert!(
            a.header("permissions-policy").contains(feature),
            "{feature}"
        );
    }
    assert_eq!(a.header("cross-origin-opener-policy"), "same-origin");
}

#[tokio::test]
async fn pages_assets_and_errors_deny_framing() {
    let h = harness().await;
    for path in [
        "/",
        "/conditions",
        "/app-0123456789abcdef_bg.wasm",
        "/foo.js",
        "/api/health",
        "/api/nope",
    ] {
        let a = send(&h.app, get(path)).await;
        check_common(&a);
        assert!(
            a.header("content-security-policy")
                .ends_with("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(a.header("x-frame-options"), "DENY", "{path}");
        assert_eq!(
            a.header("cross-origin-resource-policy"),
            "same-origin",
            "{path}"
        );
        assert_eq!(
            a.header("strict-transport-security"),
            "",
            "no HSTS without https"
        );
    }
}

#[tokio::test]
async fn embed_may_be_framed_by_partners_only() {
    let h = harness_with(|c| {
        c.partner_origins = vec!["https://clinic.example".into(), "https://b.example".into()]
    })
    .await;
    let a = send(&h.app, get("/embed/request")).await;
    check_common(&a);
    let csp = a.header("content-security-policy");
    assert!(
        csp.ends_with("frame-ancestors https://clinic.example https://b.example"),
        "{csp}"
    );
    assert_eq!(a.header("x-frame-options"), "");
    assert_eq!(a.header("cross-origin-resource-policy"), "cross-origin");
}

#[tokio::test]
async fn embed_without_partners_is_not_frameable() {
    let h = harness().await;
    let a = send(&h.app, get("/embed/request")).await;
    assert!(
        a.header("content-security-policy")
            .ends_with("frame-ancestors 'none'")
    );
}

#[tokio::test]
async fn api_is_never_stored() {
    let h = harness().await;
    for path in ["/api/health", "/api/openapi.json", "/api/nope"] {
        let a = send(&h.app, get(path)).await;
        assert_eq!(a.header("cache-control"), "no-store", "{path}");
    }
    let a = send(&h.app, post_raw(None, "text/plain", b"x".to_vec())).await;
    assert_eq!(a.header("cache-control"), "no-store");
}

#[tokio::test]
async fn hsts_only_on_https() {
    let h = harness_with(|c| c.public_origin = Some("https://requests.example".into())).await;
    let a = send(&h.app, get("/")).await;
    assert!(
        a.header("strict-transport-security")
            .starts_with("max-age=")
    );
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let h = harness().await;
    let a = send(&h.app, get_with("/api/health", ("x-request-id", "abc-123"))).await;
    assert_eq!(a.header("x-request-id"), "abc-123");
    assert!(
        !send(&h.app, get("/"))
            .await
            .header("x-request-id")
            .is_empty()
    );
}

#[tokio::test]
async fn embed_without_a_slash_is_an_ordinary_path() {
    let h = harness_with(|c| {
        c.partner_origins = vec!["https://shared.example".to_owned()];
        c.partners = server::embed::Partners::parse(Some("a=https://a.example"), Some("refuse"))
            .expect("ok");
    })
    .await;
    for path in ["/embed", "/embedfoo", "/embed?partner=a"] {
        let a = send(&h.app, get(path)).await;
        assert_eq!(a.header("x-frame-options"), "DENY", "{path}");
        assert!(
            a.header("content-security-policy")
                .ends_with("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(
            a.header("cross-origin-resource-policy"),
            "same-origin",
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_request_needs_exactly_one_host() {
    let h = harness().await;
    let none = axum::http::Request::get("/api/health")
        .body(axum::body::Body::empty())
        .expect("request");
    send_as_is(&h.app, none).await.problem(400);
    let two = axum::http::Request::get("/api/health")
        .header("host", "a.example")
        .header("host", "b.example")
        .body(axum::body::Body::empty())
        .expect("request");
    send_as_is(&h.app, two).await.problem(400);
    assert_eq!(send(&h.app, get("/api/health")).await.status, 200);
}
