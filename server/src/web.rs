//! Serves the built app from `DIST_DIR`. With a page manifest (`dist/pages.json`, issue 12) every
//! route gets its prerendered page in the reader's language (no-cache, `Vary` on what chose it),
//! any other path that is no file gets the 404 page with status 404, `/pages/...` is reachable
//! only through the routes, and `/sitemap.xml` and `/robots.txt` are made from the manifest.
//! Without one, `index.html` answers every page path (the app renders its own 404). Files keep
//! their precompressed `.br`/`.gz` siblings and cache headers by name. Nothing outside `DIST_DIR`
//! is served, and nothing under `/api/`.

mod cache;
pub mod integrity;
pub mod lang;
pub mod pages;
mod sitemap;

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
use pages::Pages;

/// Longest path segment looked up on disk (file systems refuse longer names).
const MAX_SEGMENT: usize = 255;

/// The `Vary` of a page chosen by language.
const PAGE_VARY: &str = "Cookie, Accept-Language, Accept-Encoding";

/// The file server for one dist directory.
#[derive(Clone, Debug)]
pub struct StaticFiles {
    dir: ServeDir,
    dist: PathBuf,
    pages: Option<Pages>,
    /// Absolute URLs in the sitemap and robots.txt start with this.
    origin: String,
}

impl StaticFiles {
    /// Reads the page manifest, if the build wrote one; a damaged one stops the server.
    pub fn new(dist: &Path, origin: String) -> Result<StaticFiles, String> {
        let pages = Pages::read(dist)?;
        let dir = ServeDir::new(dist)
            .precompressed_br()
            .precompressed_gzip()
            .append_index_html_on_directories(pages.is_none());
        Ok(StaticFiles {
            dir,
            dist: dist.to_path_buf(),
            pages,
            origin,
        })
    }

    /// The page that boots the app for `path` without a manifest: `dist/embed/index.html` for
    /// the embed routes when such a separate build exists, otherwise `dist/index.html`.
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
    let files = &state.static_files;
    let path = request.uri().path().to_owned();
    let (parts, _) = request.into_parts();
    let too_long = path.split('/').any(|s| s.len() > MAX_SEGMENT);
    let Some(pages) = &files.pages else {
        if too_long {
            return ApiError::NotFound.into_response();
        }
        return legacy(files, &path, parts).await;
    };
    let lang = lang::choose(&pages.languages, parts.uri.query(), &parts.headers).to_owned();
    let text = |content_type: &'static str, body: String| {
        let mut r = (StatusCode::OK, body).into_response();
        r.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        r.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        r
    };
    match path.as_str() {
        "/sitemap.xml" => {
            return text(
                "application/xml; charset=utf-8",
                sitemap::sitemap(pages, &files.origin),
            );
        }
        "/robots.txt" => return text("text/plain; charset=utf-8", sitemap::robots(&files.origin)),
        _ => {}
    }
    if let Some(file) = pages.file_for(&files.dist, &path, &lang) {
        return page(file, parts, &lang, StatusCode::OK).await;
    }
    let hidden = path == "/pages" || path.starts_with("/pages/") || too_long;
    if !hidden {
        let probe = Request::from_parts(parts.clone(), Body::empty());
        // ServeDir answers I/O failures itself (as 500s), so its error type is uninhabited.
        let Ok(found) = files.dir.clone().oneshot(probe).await;
        if found.status() != StatusCode::NOT_FOUND {
            return with_cache_headers(&path, found.map(Body::new));
        }
    }
    let file = pages.not_found_file(&files.dist, &lang);
    page(file, parts, &lang, StatusCode::NOT_FOUND).await
}

/// A prerendered page in `lang` with `status`: no-cache, varying by what chose it.
async fn page(
    file: PathBuf,
    parts: axum::http::request::Parts,
    lang: &str,
    status: StatusCode,
) -> Response {
    let serve = ServeFile::new(file).precompressed_br().precompressed_gzip();
    let Ok(found) = serve
        .oneshot(Request::from_parts(parts, Body::empty()))
        .await;
    let mut response = found.map(Body::new);
    if response.status() == StatusCode::NOT_FOUND {
        // The build lacks this page: a plain problem, never another page.
        return ApiError::NotFound.into_response();
    }
    if status != StatusCode::OK && response.status() == StatusCode::OK {
        *response.status_mut() = status;
    }
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::VARY, HeaderValue::from_static(PAGE_VARY));
    if let Ok(value) = HeaderValue::from_str(lang) {
        headers.insert(header::CONTENT_LANGUAGE, value);
    }
    response
}

/// Without a page manifest: the file, or the app's shell for a page path.
async fn legacy(files: &StaticFiles, path: &str, parts: axum::http::request::Parts) -> Response {
    let probe = Request::from_parts(parts.clone(), Body::empty());
    let Ok(found) = files.dir.clone().oneshot(probe).await;
    let response = if found.status() != StatusCode::NOT_FOUND || looks_like_asset(path) {
        found.map(Body::new)
    } else {
        let shell = ServeFile::new(files.shell_for(path))
            .precompressed_br()
            .precompressed_gzip();
        let Ok(page) = shell
            .oneshot(Request::from_parts(parts, Body::empty()))
            .await;
        page.map(Body::new)
    };
    with_cache_headers(path, response)
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
