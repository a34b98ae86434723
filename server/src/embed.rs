//! The partner embed's server side: which origins may frame `/embed/...` for each partner id
//! (`PARTNERS`), the loader script's cache and cross-origin headers, and the test mode of
//! `POST /api/requests` (in `embed/test_mode.rs`). It rewrites only headers of responses the rest
//! of the server made, and answers only test-mode requests itself.

mod test_mode;

pub use test_mode::{test_answer, test_reference};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;
use crate::config::{ConfigError, origin_of};

/// What an embed for a partner id that `PARTNERS` does not list gets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UnknownPartner {
    /// `frame-ancestors 'none'`: the browser shows nothing (the default).
    #[default]
    Refuse,
    /// The shared `PARTNER_ORIGINS` list may frame it, without a partner's own list.
    Shared,
}

/// `PARTNERS="clinic-a=https://a.example https://b.example;group-b=https://c.example"` and
/// `EMBED_UNKNOWN_PARTNER=refuse|shared`. Empty `PARTNERS` keeps the shared list for every embed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Partners {
    pub by_id: Vec<(String, Vec<String>)>,
    pub unknown: UnknownPartner,
}

/// A partner id: 1-40 of `a-z 0-9 - _` (the app checks the same shape).
pub fn is_partner_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

impl Partners {
    /// Reads the two variables (already looked up; `None` when unset or blank).
    pub fn parse(partners: Option<&str>, unknown: Option<&str>) -> Result<Partners, ConfigError> {
        let bad = |var, value: &str, expected| ConfigError {
            var,
            value: value.to_owned(),
            expected,
        };
        let unknown = match unknown.map(str::trim) {
            None | Some("refuse") => UnknownPartner::Refuse,
            Some("shared") => UnknownPartner::Shared,
            Some(other) => return Err(bad("EMBED_UNKNOWN_PARTNER", other, "refuse or shared")),
        };
        let mut by_id = Vec::new();
        for entry in partners.unwrap_or_default().split(';') {
            let entry = entry.trim();
            if entry.is_empty() {
                continue;
            }
            let expected = "id=origin origin;id=origin";
            let (id, origins) = entry
                .split_once('=')
                .ok_or_else(|| bad("PARTNERS", entry, expected))?;
            let id = id.trim();
            let origins: Vec<String> = origins
                .split_whitespace()
                .map(|o| origin_of(o).ok_or_else(|| bad("PARTNERS", o, "http(s) origins")))
                .collect::<Result<_, _>>()?;
            if !is_partner_id(id) || origins.is_empty() || by_id.iter().any(|(i, _)| i == id) {
                return Err(bad("PARTNERS", entry, expected));
            }
            by_id.push((id.to_owned(), origins));
        }
        Ok(Partners { by_id, unknown })
    }

    /// The `frame-ancestors` sources for an embed opened with `partner` (the query parameter),
    /// or `None` when `PARTNERS` is not set and the shared list applies unchanged.
    pub fn ancestors(&self, partner: Option<&str>, shared: &[String]) -> Option<String> {
        if self.by_id.is_empty() {
            return None;
        }
        let own = partner.and_then(|p| self.by_id.iter().find(|(id, _)| id == p));
        let list = match (own, self.unknown) {
            (Some((_, origins)), _) => origins.join(" "),
            (None, UnknownPartner::Shared) if !shared.is_empty() => shared.join(" "),
            (None, _) => "'none'".to_owned(),
        };
        Some(list)
    }
}

/// The loader script: `/embed-v1.js` and its later versions.
pub fn is_loader(path: &str) -> bool {
    path.strip_prefix("/embed-v")
        .and_then(|rest| rest.strip_suffix(".js"))
        .is_some_and(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
}

/// The `partner` query parameter, if any (ids never need percent-decoding).
fn partner_param(query: Option<&str>) -> Option<&str> {
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("partner="))
}

/// `csp` with its `frame-ancestors` directive replaced by one with `sources`.
pub fn with_frame_ancestors(csp: &str, sources: &str) -> String {
    let mut parts: Vec<String> = csp
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty() && !d.starts_with("frame-ancestors"))
        .map(str::to_owned)
        .collect();
    parts.push(format!("frame-ancestors {sources}"));
    parts.join("; ")
}

/// Middleware (outside the security headers): per-partner framing for `/embed/...`, and the
/// loader's long immutable caching and `Access-Control-Allow-Origin: *` (any page may load it;
/// it carries no secret and no cookie).
pub async fn embed_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let partner = partner_param(request.uri().query()).map(str::to_owned);
    let mut response = next.run(request).await;
    let ok = response.status().is_success();
    let headers = response.headers_mut();
    if path.starts_with("/embed/") {
        let ancestors = state
            .config
            .partners
            .ancestors(partner.as_deref(), &state.config.partner_origins);
        let csp = headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok());
        let value = ancestors.zip(csp).and_then(|(sources, csp)| {
            HeaderValue::try_from(with_frame_ancestors(csp, &sources)).ok()
        });
        if let Some(value) = value {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    } else if ok && is_loader(&path) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(partners: &str, unknown: Option<&str>, partner: Option<&str>, expect: Option<&str>) {
        let p = Partners::parse(Some(partners), unknown).expect("valid");
        let shared = ["https://shared.example".to_owned()];
        assert_eq!(p.ancestors(partner, &shared).as_deref(), expect);
    }

    const TWO: &str = "clinic-a=https://a.example https://b.example; group-b=http://c.example:81";

    #[test]
    fn each_partner_gets_its_own_origins() {
        check(
            TWO,
            None,
            Some("clinic-a"),
            Some("https://a.example https://b.example"),
        );
        check(TWO, None, Some("group-b"), Some("http://c.example:81"));
        check(TWO, None, Some("clinic-b"), Some("'none'"));
        check(TWO, None, None, Some("'none'"));
        check(
            TWO,
            Some("shared"),
            Some("nobody"),
            Some("https://shared.example"),
        );
        check("", None, Some("clinic-a"), None);
    }

    #[test]
    fn bad_settings_name_the_variable() {
        for (partners, unknown, var) in [
            ("clinic-a", None, "PARTNERS"),
            ("clinic-a=", None, "PARTNERS"),
            ("Clinic A=https://a.example", None, "PARTNERS"),
            ("a=ftp://a.example", None, "PARTNERS"),
            ("a=https://a.example;a=https://b.example", None, "PARTNERS"),
            (
                "a=https://a.example",
                Some("maybe"),
                "EMBED_UNKNOWN_PARTNER",
            ),
        ] {
            let e = Partners::parse(Some(partners), unknown).expect_err(partners);
            assert_eq!(e.var, var, "{partners}");
        }
    }

    #[test]
    fn loader_paths() {
        assert!(is_loader("/embed-v1.js") && is_loader("/embed-v12.js"));
        for path in [
            "/embed-v.js",
            "/embed-v1.js.map",
            "/embed/request",
            "/app-v1.js",
        ] {
            assert!(!is_loader(path), "{path}");
        }
    }

    #[test]
    fn frame_ancestors_is_replaced_once() {
        let csp = "default-src 'none'; frame-ancestors https://x.example";
        assert_eq!(
            with_frame_ancestors(csp, "'none'"),
            "default-src 'none'; frame-ancestors 'none'"
        );
        assert_eq!(
            partner_param(Some("lang=de&partner=clinic-a")),
            Some("clinic-a")
        );
        assert_eq!(partner_param(Some("lang=de")), None);
    }
}
