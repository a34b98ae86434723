//! Serves the built app from `DIST_DIR`: files with their content types, precompressed `.br`/`.gz`
//! siblings, cache headers by file name, and `index.html` for any other page path (the app renders
//! its own 404). It must not serve anything outside `DIST_DIR` nor answer `/api/...`.

mod cache;

pub use cache::{cache_control_for, is_hashed_asset};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::AppState;
use crate::error::ApiError;

/// The file server for one dist directory.
#[derive(Clone, Debug)]
pub struct StaticFiles {
    dir: ServeDir,
    dist: PathBuf,
}

impl StaticFiles {
    pub fn new(dist: &Path) -> StaticFiles {
        let dir = ServeDir::new(dist)
            .precompressed_br()
            .precompressed_gzip()
            .append_index_html_on_directories(true);
        StaticFiles {
            dir,
            dist: dist.to_path_buf(),
        }
    }

    /// The page that boots the app for `path`: `dist/embed/index.html` for the embed routes when
    /// such a separate build exists, otherwise `dist/index.html`.
    fn shell_for(&self, path: &str) -> PathBuf {
        let embed = self.dist.join("embed").join("index.html");
        if path.starts_with("/embed/") && embed.is_file() {
            embed
        } else {
            self.dist.join("index.html")
        }
    }
}

/// The fallback handler for every path the API router does not own.
pub async fn serve(State(state): State<AppState>, request: Request) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return ApiError::MethodNotAllowed.into_response();
    }
    let path = request.uri().path().to_owned();
    let files = &state.static_files;
    let (parts, _) = request.into_parts();
    let probe = Request::from_parts(parts.clone(), Body::empty());
    // ServeDir answers I/O failures itself (as 500s), so its error type is uninhabited.
    let Ok(found) = files.dir.clone().oneshot(probe).await;
    let response = if found.status() != StatusCode::NOT_FOUND || looks_like_asset(&path) {
        found.map(Body::new)
    } else {
        let shell = ServeFile::new(files.shell_for(&path))
            .precompressed_br()
            .precompressed_gzip();
        let Ok(page) = shell
            .oneshot(Request::from_parts(parts, Body::empty()))
            .await;
        page.map(Body::new)
    };
    with_cache_headers(&path, response)
}

fn with_cache_headers(path: &str, mut response: Response) -> Response {
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        let is_html = response
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
        let value = if is_html {
            "no-cache"
        } else {
            cache_control_for(path)
        };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
        response
            .headers_mut()
            .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}

/// A path whose last segment has a file extension of something the app loads (script, style,
/// wasm, image, font...), so a missing one is a 404 rather than the app's page.
pub fn looks_like_asset(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    match last.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => {
            !ext.is_empty()
                && ext.len() <= 12
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
                && ext != "html"
        }
        _ => false,
    }
}
