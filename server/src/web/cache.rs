//! Cache lifetimes by file name: Trunk's content-hashed files are immutable for a year, everything
//! else is revalidated on each use (pages, the service worker, the manifest). Pure functions only.

/// The `Cache-Control` value for a successfully served static path (HTML is decided by the caller).
pub fn cache_control_for(path: &str) -> &'static str {
    if is_hashed_asset(path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// True when the file name carries a Trunk content hash: `name-<16+ hex>` followed by `.ext` or
/// `_bg.wasm`, e.g. `app-3f2a9c1b2e4d5f60.js`, `app-3f2a9c1b2e4d5f60_bg.wasm`.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((stem, _ext)) = name.split_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((base, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    !base.is_empty()
        && (16..=64).contains(&hash.len())
        && hash.chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(path: &str, hashed: bool) {
        assert_eq!(is_hashed_asset(path), hashed, "{path}");
    }

    #[test]
    fn hashed_names() {
        check("/app-3f2a9c1b2e4d5f60.js", true);
        check("/app-3f2a9c1b2e4d5f60_bg.wasm", true);
        check("/style-0123456789abcdef.css", true);
        check("/nested/dir/app-0123456789abcdef0123.js", true);
        check("/app-3f2a9c1b2e4d5f6.js", false);
        check("/app-3f2a9c1b2e4d5fzz.js", false);
        check("/index.html", false);
        check("/sw.js", false);
        check("/manifest.webmanifest", false);
        check("/-0123456789abcdef.js", false);
    }
}
