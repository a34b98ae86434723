//! The app's files: content types, precompressed siblings, on-the-fly compression, cache headers,
//! the SPA fallback, asset 404s, health and the API's JSON 404.

use crate::support::*;
use axum::body::Body;
use axum::http::Request;

#[tokio::test]
async fn root_serves_index_html_no_cache() {
    let h = harness().await;
    let a = send(&h.app, get("/")).await;
    assert_eq!(a.status, 200);
    assert!(a.header("content-type").starts_with("text/html"));
    assert_eq!(a.header("cache-control"), "no-cache");
    assert!(String::from_utf8_lossy(&a.body).contains(INLINE_LOADER));
}

#[tokio::test]
async fn wasm_is_application_wasm_and_immutable() {
    let h = harness().await;
    let a = send(&h.app, get("/app-0123456789abcdef_bg.wasm")).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.header("content-type"), "application/wasm");
    assert_eq!(
        a.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(a.body, WASM);
}

#[tokio::test]
async fn precompressed_siblings_by_accept_encoding() {
    let h = harness().await;
    let path = "/app-0123456789abcdef.js";
    for (accept, encoding, body) in [
        ("br, gzip", "br", brotli_of(JS.as_bytes())),
        ("gzip", "gzip", gzip_of(JS.as_bytes())),
    ] {
        let a = send(&h.app, get_with(path, ("accept-encoding", accept))).await;
        assert_eq!(a.status, 200, "{accept}");
        assert_eq!(a.header("content-encoding"), encoding);
        assert!(
            a.header("content-type").contains("javascript"),
            "{}",
            a.header("content-type")
        );
        assert_eq!(
            a.header("cache-control"),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(a.body, body);
    }
    let plain = send(&h.app, get(path)).await;
    assert_eq!(plain.header("content-encoding"), "");
    assert_eq!(plain.body, JS.as_bytes());
}

#[tokio::test]
async fn other_files_are_compressed_on_the_fly() {
    let h = harness().await;
    let a = send(
        &h.app,
        get_with("/style-0123456789abcdef.css", ("accept-encoding", "gzip")),
    )
    .await;
    assert_eq!(a.status, 200);
    assert_eq!(a.header("content-encoding"), "gzip");
    assert!(a.header("content-type").starts_with("text/css"));
}

#[tokio::test]
async fn unhashed_files_are_revalidated() {
    let h = harness().await;
    let a = send(&h.app, get("/manifest.webmanifest")).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.header("cache-control"), "no-cache");
}

#[tokio::test]
async fn unknown_pages_get_the_app() {
    let h = harness().await;
    for path in [
        "/conditions/multiple-sclerosis",
        "/request/contact",
        "/no/such/page",
        "/embed/request",
    ] {
        let a = send(&h.app, get(path)).await;
        assert_eq!(a.status, 200, "{path}");
        assert!(a.header("content-type").starts_with("text/html"), "{path}");
        assert_eq!(a.header("cache-control"), "no-cache", "{path}");
    }
}

#[tokio::test]
async fn missing_assets_are_404_problems() {
    let h = harness().await;
    for path in ["/foo.js", "/app-ffffffffffffffff_bg.wasm", "/img/logo.png"] {
        send(&h.app, get(path)).await.problem(404);
    }
}

#[tokio::test]
async fn writes_to_pages_are_405_problems() {
    let h = harness().await;
    let request = Request::post("/").body(Body::empty()).expect("request");
    send(&h.app, request).await.problem(405);
}

#[tokio::test]
async fn health_is_json() {
    let h = harness().await;
    let a = send(&h.app, get("/api/health")).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.header("content-type"), "application/json");
    assert_eq!(a.json()["status"], "ok");
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s() {
    let h = harness().await;
    for path in ["/api/nope", "/api", "/api/requests/123", "/api/health/x"] {
        send(&h.app, get(path)).await.problem(404);
    }
}

#[tokio::test]
async fn wrong_method_on_api_is_405_problem() {
    let h = harness().await;
    let a = send(&h.app, get("/api/requests")).await;
    a.problem(405);
    assert!(a.header("allow").contains("POST"));
}

#[tokio::test]
async fn problems_speak_the_requests_language() {
    let h = harness().await;
    let de = send(
        &h.app,
        get_with("/api/nope", ("accept-language", "de-DE,de;q=0.9")),
    )
    .await;
    assert_eq!(de.problem(404)["title"], "Nicht gefunden");
    let en = send(&h.app, get("/api/nope")).await;
    assert_eq!(en.problem(404)["title"], "Not found");
    let mut post = post_raw(Some(&key(1)), "text/plain", b"{}".to_vec());
    post.headers_mut()
        .insert("accept-language", "de".parse().expect("header"));
    let p = send(&h.app, post).await.problem(415);
    assert_eq!(p["detail"], "Senden Sie die Anfrage als application/json");
    let put = Request::put("/")
        .header("accept-language", "de")
        .body(Body::empty())
        .expect("request");
    assert_eq!(
        send(&h.app, put).await.problem(405)["title"],
        "Methode nicht erlaubt"
    );
}
