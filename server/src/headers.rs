//! Security headers on every response, by route class: the CSP (with the hashes of the built
//! index.html's inline scripts), framing rules (partners may frame only `/embed/...`), and
//! `no-store` on the API. It sets headers only; it never changes a status or a body.

mod csp;

pub use csp::{inline_script_hashes, script_hashes_in};

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;

/// Header values computed once at start-up.
#[derive(Clone, Debug)]
pub struct SecurityHeaders {
    csp_default: HeaderValue,
    csp_embed: HeaderValue,
    hsts: bool,
}

/// Features Chromium recognises (an unknown one, like `battery` or `ambient-light-sensor`, costs a
/// console warning on every page and denies nothing).
const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), \
camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), \
hid=(), idle-detection=(), magnetometer=(), microphone=(), midi=(), payment=(), \
publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

impl SecurityHeaders {
    /// `script_hashes` are `sha256-...` sources; `partners` the origins allowed to frame the embed.
    pub fn new(script_hashes: &[String], partners: &[String], hsts: bool) -> SecurityHeaders {
        let base = csp::policy(script_hashes);
        let embed_ancestors = if partners.is_empty() {
            "'none'".to_owned()
        } else {
            partners.join(" ")
        };
        let value = |s: String| {
            HeaderValue::try_from(s).unwrap_or(HeaderValue::from_static("default-src 'none'"))
        };
        SecurityHeaders {
            csp_default: value(format!("{base}; frame-ancestors 'none'")),
            csp_embed: value(format!("{base}; frame-ancestors {embed_ancestors}")),
            hsts,
        }
    }

    /// Sets the headers for a response to `path`.
    pub fn apply(&self, path: &str, headers: &mut HeaderMap) {
        let embed = is_embed(path);
        let set = |headers: &mut HeaderMap, name: HeaderName, value: &'static str| {
            headers.insert(name, HeaderValue::from_static(value));
        };
        let csp = if embed {
            &self.csp_embed
        } else {
            &self.csp_default
        };
        headers.insert(header::CONTENT_SECURITY_POLICY, csp.clone());
        set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
        set(headers, header::REFERRER_POLICY, "no-referrer");
        set(
            headers,
            HeaderName::from_static("permissions-policy"),
            PERMISSIONS_POLICY,
        );
        set(
            headers,
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        );
        // The partner's page loads the embed loader script and frames the embed page cross-origin.
        let corp = if embed { "cross-origin" } else { "same-origin" };
        set(
            headers,
            HeaderName::from_static("cross-origin-resource-policy"),
            corp,
        );
        if !embed {
            set(headers, header::X_FRAME_OPTIONS, "DENY");
        }
        if self.hsts {
            set(
                headers,
                header::STRICT_TRANSPORT_SECURITY,
                "max-age=63072000; includeSubDomains",
            );
        }
        if path == "/api" || path.starts_with("/api/") {
            set(headers, header::CACHE_CONTROL, "no-store");
        }
    }
}

/// The embed route class: `/embed/...` and the loader scripts (`/embed-v1.js`). Not `/embed`
/// itself nor `/embedfoo`: they are ordinary paths and get the ordinary framing rules.
pub fn is_embed(path: &str) -> bool {
    path.starts_with("/embed/") || crate::embed::is_loader(path)
}

/// Middleware adding [`SecurityHeaders`] to every response.
pub async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    state.headers.apply(&path, response.headers_mut());
    response
}
