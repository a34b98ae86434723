//! Builds the Content-Security-Policy and hashes the inline scripts of the built HTML pages (Trunk
//! writes an inline loader). Reading the dist directory happens once, at start-up; no `unsafe-*`
//! source for scripts is ever emitted.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The policy without `frame-ancestors` (which depends on the route).
pub fn policy(script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push_str(&format!(" '{hash}'"));
    }
    format!(
        "default-src 'none'; script-src {script_src}; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'"
    )
}

/// `sha256-<base64>` of each inline script in `dist/index.html`, `dist/embed/index.html` and the
/// prerendered pages under `dist/pages/` (whichever exist), deduplicated, in order. Used only
/// when the build wrote no `integrity.json` (see `crate::web::integrity`).
pub fn inline_script_hashes(dist: &Path) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut pages = vec![
        dist.join("index.html"),
        dist.join("embed").join("index.html"),
    ];
    let prerendered = crate::web::integrity::all_files(&dist.join("pages")).unwrap_or_default();
    pages.extend(
        prerendered
            .iter()
            .filter(|f| f.ends_with(".html"))
            .map(|f| dist.join("pages").join(f)),
    );
    for page in pages {
        if let Ok(html) = std::fs::read_to_string(&page) {
            for hash in script_hashes_in(&html) {
                if !hashes.contains(&hash) {
                    hashes.push(hash);
                }
            }
        }
    }
    hashes
}

/// The hash of every `<script>` without a `src` attribute in `html`, hashing the exact text
/// between the tags as browsers do.
pub fn script_hashes_in(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut at = 0;
    while let Some(open) = lower[at..].find("<script").map(|i| i + at) {
        let Some(tag_end) = lower[open..].find('>').map(|i| i + open) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script").map(|i| i + tag_end) else {
            break;
        };
        let attrs = &lower[open + "<script".len()..tag_end];
        if !has_src(attrs) {
            let digest = Sha256::digest(&html.as_bytes()[tag_end + 1..close]);
            hashes.push(format!("sha256-{}", STANDARD.encode(digest)));
        }
        at = close;
    }
    hashes
}

fn has_src(attrs: &str) -> bool {
    attrs
        .split(|c: char| c.is_ascii_whitespace())
        .any(|a| a == "src" || a.starts_with("src="))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts() {
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        let html =
            r#"<html><script src="/a.js"></script><SCRIPT type="module">alert(1)</script></html>"#;
        let want = "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=";
        assert_eq!(script_hashes_in(html), vec![want.to_owned()]);
    }

    #[test]
    fn no_scripts_no_hashes() {
        assert!(script_hashes_in("<html><body>hi</body></html>").is_empty());
        assert!(script_hashes_in("<script>unterminated").is_empty());
    }

    #[test]
    fn policy_never_allows_inline_or_eval() {
        let p = policy(&["sha256-x".to_owned()]);
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-x'"));
        assert!(!p.contains("unsafe-inline") && !p.contains("'unsafe-eval'"));
    }
}
