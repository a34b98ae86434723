//! The prerendered pages (issue 12, the server half): each route in the reader's language, the
//! 404 page for anything else, no direct `/pages/...`, the sitemap and robots.txt.

use crate::support::*;
use axum::body::Body;
use axum::http::Request;

const ROUTES: &[&str] = &[
    "/",
    "/conditions",
    "/conditions/multiple-sclerosis",
    "/request/who-for",
    "/embed/request",
];

fn page_html(lang: &str, what: &str) -> String {
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><script type=\"module\">{INLINE_LOADER}</script>\
         </head><body>page {lang} {what}</body></html>"
    )
}

/// Writes the manifest and every page, as the prerender tool does, into `dist`.
pub fn write_pages(dist: &std::path::Path) {
    let manifest = serde_json::json!({
        "version": 1,
        "languages": ["en", "de"],
        "routes": ROUTES,
        "not_found": "404.html",
    });
    std::fs::write(dist.join("pages.json"), manifest.to_string()).expect("write");
    for lang in ["en", "de"] {
        for route in ROUTES {
            let dir = dist
                .join("pages")
                .join(lang)
                .join(route.trim_start_matches('/'));
            std::fs::create_dir_all(&dir).expect("mkdir");
            let html = page_html(lang, route);
            std::fs::write(dir.join("index.html"), &html).expect("write");
            std::fs::write(dir.join("index.html.br"), brotli_of(html.as_bytes())).expect("write");
        }
        let html = page_html(lang, "not found");
        std::fs::write(dist.join("pages").join(lang).join("404.html"), html).expect("write");
    }
}

async fn with_pages() -> Harness {
    harness_with(|c| {
        write_pages(&c.dist_dir);
        c.public_origin = Some("https://example.org".into());
    })
    .await
}

fn body(a: &Answer) -> String {
    String::from_utf8_lossy(&a.body).into_owned()
}

#[tokio::test]
async fn each_route_in_the_readers_language() {
    let h = with_pages().await;
    for route in ROUTES {
        let a = send(&h.app, get(route)).await;
        assert_eq!(a.status, 200, "{route}");
        assert!(
            body(&a).contains(&format!("page en {route}<")),
            "{route}: {}",
            body(&a)
        );
        assert!(a.header("content-type").starts_with("text/html"));
        assert_eq!(a.header("cache-control"), "no-cache");
        assert_eq!(a.header("vary"), "Cookie, Accept-Language, Accept-Encoding");
        assert_eq!(a.header("content-language"), "en");
    }
    let with = |path: &str, header: Option<(&str, &str)>| {
        let mut r = Request::get(path);
        if let Some((k, v)) = header {
            r = r.header(k, v);
        }
        r.body(Body::empty()).expect("request")
    };
    for (request, lang) in [
        (with("/conditions?lang=de", None), "de"),
        (
            with("/conditions?lang=en", Some(("cookie", "lang=de"))),
            "en",
        ),
        (
            with("/conditions?lang=xx", Some(("cookie", "lang=de"))),
            "de",
        ),
        (
            with("/conditions", Some(("cookie", "theme=1; lang=de"))),
            "de",
        ),
        (
            with(
                "/conditions",
                Some(("accept-language", "fr;q=0.9, de;q=0.8, en;q=0.1")),
            ),
            "de",
        ),
        (
            with("/conditions", Some(("accept-language", "de;q=0, en"))),
            "en",
        ),
    ] {
        let a = send(&h.app, request).await;
        assert_eq!(a.status, 200);
        assert_eq!(a.header("content-language"), lang);
        assert!(
            body(&a).contains(&format!("page {lang} /conditions<")),
            "{}",
            body(&a)
        );
    }
    let a = send(&h.app, get_with("/", ("accept-encoding", "br"))).await;
    assert_eq!(a.header("content-encoding"), "br");
    let head = Request::head("/conditions")
        .body(Body::empty())
        .expect("request");
    let a = send(&h.app, head).await;
    assert_eq!(a.status, 200);
    assert!(a.body.is_empty());
}

#[tokio::test]
async fn other_paths_get_the_404_page() {
    let h = with_pages().await;
    let long = format!("/conditions/{}", "x".repeat(300));
    for path in [
        "/no/such/page",
        "/conditions/",
        "/pages/en/index.html",
        "/pages/de/conditions/index.html",
        "/pages",
        long.as_str(),
    ] {
        let a = send(&h.app, get_with(path, ("accept-language", "de"))).await;
        assert_eq!(a.status, 404, "{path}");
        assert!(
            body(&a).contains("page de not found"),
            "{path}: {}",
            body(&a)
        );
        assert_eq!(a.header("cache-control"), "no-cache", "{path}");
        assert_eq!(a.header("content-language"), "de");
    }
    // Files are still files.
    assert_eq!(send(&h.app, get("/manifest.webmanifest")).await.status, 200);
}

#[tokio::test]
async fn sitemap_lists_every_public_route_in_both_languages() {
    let h = with_pages().await;
    let a = send(&h.app, get("/sitemap.xml")).await;
    assert_eq!(a.status, 200);
    assert!(a.header("content-type").starts_with("application/xml"));
    let xml = body(&a);
    for route in [
        "/",
        "/conditions",
        "/conditions/multiple-sclerosis",
        "/request/who-for",
    ] {
        let en = format!("https://example.org{route}");
        assert!(xml.contains(&format!("<loc>{en}</loc>")), "{route}");
        assert!(xml.contains(&format!("<loc>{en}?lang=de</loc>")), "{route}");
        assert!(xml.contains(&format!("hreflang=\"x-default\" href=\"{en}\"")));
        assert!(xml.contains(&format!("hreflang=\"de\" href=\"{en}?lang=de\"")));
    }
    assert!(!xml.contains("/embed"), "{xml}");
    assert_eq!(xml.matches("<url>").count(), 8);
    let robots = send(&h.app, get("/robots.txt")).await;
    assert_eq!(robots.status, 200);
    let text = body(&robots);
    for line in [
        "Disallow: /api/",
        "Disallow: /embed/",
        "Sitemap: https://example.org/sitemap.xml",
    ] {
        assert!(text.contains(line), "{text}");
    }
}

#[tokio::test]
async fn long_segments_and_the_api_root_are_404_problems_not_500() {
    for h in [harness().await, with_pages().await] {
        for path in ["/api/", "/api/?x=1", "/api?x=1"] {
            send(&h.app, get(path)).await.problem(404);
        }
        // Never a 500: the 404 page with a manifest, a problem without.
        let long = format!("/{}.js", "a".repeat(300));
        assert_eq!(send(&h.app, get(&long)).await.status, 404);
    }
    // Without a manifest, a long page path is a 404 too, never a 500.
    let h = harness().await;
    send(&h.app, get(&format!("/{}", "b".repeat(300))))
        .await
        .problem(404);
}
