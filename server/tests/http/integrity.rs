//! The dist directory is checked at start against the build: the CSP hashes come from the
//! manifest `scripts/integrity-manifest.sh` wrote, a file changed after the build refuses the
//! start, and so does a `.br`/`.gz` sibling that does not decompress to its source.

use crate::support::*;
use server::{AppState, Config};

/// Runs the build's real manifest step over `dist`.
fn write_manifest(dist: &std::path::Path) {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../scripts/integrity-manifest.sh"
    );
    let out = std::process::Command::new("bash")
        .arg(script)
        .arg(dist)
        .output()
        .expect("run the manifest step");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn start(tweak: impl FnOnce(&mut Config)) -> Result<AppState, String> {
    let h = harness().await;
    let mut config = h.state.config.clone();
    let dist = tempfile::TempDir::new().expect("tmp");
    copy_dir(&h.state.config.dist_dir, dist.path());
    config.dist_dir = dist.path().to_path_buf();
    config.data_dir = h.data.path().join("second");
    tweak(&mut config);
    AppState::new(config).await.map_err(|e| e.to_string())
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).expect("read") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

#[tokio::test]
async fn pinned_hashes_are_used_and_a_changed_loader_refuses_the_start() {
    let state = start(|c| {
        crate::pages::write_pages(&c.dist_dir);
        write_manifest(&c.dist_dir);
    })
    .await
    .expect("a build as written starts");
    let app = server::app(state);
    let a = send(&app, get("/")).await;
    assert!(a.header("content-security-policy").contains("'sha256-"));

    let refused = start(|c| {
        write_manifest(&c.dist_dir);
        let index = c.dist_dir.join("index.html");
        let html = std::fs::read_to_string(&index).expect("read");
        std::fs::write(
            &index,
            html.replace("init(", "fetch('//evil.example');init("),
        )
        .expect("write");
    })
    .await
    .expect_err("a loader changed after the build");
    assert!(refused.contains("/index.html changed"), "{refused}");

    let refused = start(|c| {
        write_manifest(&c.dist_dir);
        std::fs::write(c.dist_dir.join("extra.js"), "alert(1)").expect("write");
    })
    .await
    .expect_err("a file added after the build");
    assert!(refused.contains("/extra.js"), "{refused}");
}

#[tokio::test]
async fn a_stale_compressed_sibling_refuses_the_start() {
    // The script changed, its .br and .gz still hold the old one.
    let refused = start(|c| {
        let js = c.dist_dir.join("app-0123456789abcdef.js");
        std::fs::write(js, "export default function init() {}").expect("write");
    })
    .await
    .expect_err("stale siblings");
    assert!(refused.contains("does not match"), "{refused}");
    let refused = start(|c| {
        std::fs::write(
            c.dist_dir.join("style-0123456789abcdef.css.gz"),
            b"not gzip",
        )
        .expect("write");
    })
    .await
    .expect_err("a broken sibling");
    assert!(
        refused.contains("style-0123456789abcdef.css.gz"),
        "{refused}"
    );
}

#[tokio::test]
async fn a_missing_dist_dir_still_serves_the_api() {
    let state = start(|c| c.dist_dir = c.data_dir.join("no-such-dist"))
        .await
        .expect("an API-only server starts");
    let app = server::app(state);
    assert_eq!(send(&app, get("/api/health")).await.status, 200);
}
