//! The prerendered pages' manifest, `dist/pages.json` (written by the prerender tool): the
//! languages (the first is the default), the exact routes, and the 404 page's file name. Read once
//! at start-up; the files are `dist/pages/<lang><route>/index.html` and `dist/pages/<lang>/404.html`.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The manifest as written.
#[derive(Clone, Debug, Deserialize)]
pub struct Pages {
    pub version: u32,
    pub languages: Vec<String>,
    pub routes: Vec<String>,
    pub not_found: String,
}

impl Pages {
    /// `dist/pages.json`, when the build wrote one; `None` for a build without prerendered pages
    /// (the app's shell then answers every page path, as before).
    pub fn read(dist: &Path) -> Result<Option<Pages>, String> {
        let path = dist.join("pages.json");
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        let pages: Pages =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let tag_ok = |t: &String| {
            (2..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        };
        let route_ok = |r: &String| {
            r == "/"
                || (r.starts_with('/')
                    && !r.ends_with('/')
                    && !r.contains("..")
                    && !r.contains("//")
                    && !r.starts_with("/pages/"))
        };
        if pages.version != 1
            || pages.languages.is_empty()
            || !pages.languages.iter().all(tag_ok)
            || !pages.routes.iter().all(route_ok)
            || pages.not_found.contains('/')
        {
            return Err(format!("{}: not a version 1 page manifest", path.display()));
        }
        Ok(Some(pages))
    }

    /// The file of `route` in `lang`, when `route` is one of the routes.
    pub fn file_for(&self, dist: &Path, route: &str, lang: &str) -> Option<PathBuf> {
        if !self.routes.iter().any(|r| r == route) {
            return None;
        }
        let mut file = dist.join("pages").join(lang);
        for segment in route.split('/').filter(|s| !s.is_empty()) {
            file.push(segment);
        }
        file.push("index.html");
        Some(file)
    }

    /// The 404 page in `lang`.
    pub fn not_found_file(&self, dist: &Path, lang: &str) -> PathBuf {
        dist.join("pages").join(lang).join(&self.not_found)
    }
}
