//! The embed's parameters, read from the frame's address and checked: the partner id's shape,
//! the language, the theme colour, the test mode and the UTM fields. Anything malformed is
//! dropped, never shown. Pure: the caller passes the decoded query pairs.

use domain::Locale;
use domain::wire::Attribution;

use super::theme::Rgb;

/// The UTM fields passed on from the partner's page.
pub const UTM_KEYS: [&str; 5] = [
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
];

/// The longest UTM value kept (the wire contract's limit).
const MAX_UTM: usize = 200;

/// What the frame was opened with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedParams {
    pub partner: Option<String>,
    pub locale: Option<Locale>,
    /// The partner's colour, already made accessible.
    pub theme: Option<Rgb>,
    pub test: bool,
    /// `(key, value)` for each UTM field present, in [`UTM_KEYS`] order.
    pub utm: Vec<(&'static str, String)>,
}

/// A partner id: 1-40 of `a-z 0-9 - _` (the server checks the same shape).
pub fn is_partner_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

fn utm_value(value: &str) -> Option<String> {
    let value = value.trim();
    let ok = !value.is_empty() && !value.chars().any(char::is_control);
    ok.then(|| value.chars().take(MAX_UTM).collect())
}

impl EmbedParams {
    /// Reads decoded query pairs; the first value of a key counts.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> EmbedParams {
        let mut p = EmbedParams::default();
        let mut seen: Vec<&str> = Vec::new();
        for (key, value) in pairs {
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            match key {
                "partner" => p.partner = is_partner_id(value).then(|| value.to_owned()),
                "lang" => p.locale = Locale::from_tag(value),
                "theme" => p.theme = Rgb::parse(value).map(Rgb::accessible),
                "test" => p.test = value == "1" || value == "true",
                _ => {
                    let utm = UTM_KEYS.iter().find(|k| **k == key);
                    if let Some((k, v)) = utm.zip(utm_value(value)) {
                        p.utm.push((k, v));
                    }
                }
            }
        }
        p.utm
            .sort_by_key(|(k, _)| UTM_KEYS.iter().position(|u| u == k));
        p
    }

    /// The attribution the request carries: `None` when there is nothing to credit.
    pub fn attribution(&self) -> Option<Attribution> {
        if self.partner.is_none() && self.utm.is_empty() {
            return None;
        }
        let utm = |key: &str| {
            self.utm
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
        };
        Some(Attribution {
            partner: self.partner.clone(),
            utm_source: utm("utm_source"),
            utm_medium: utm("utm_medium"),
            utm_campaign: utm("utm_campaign"),
            utm_term: utm("utm_term"),
            utm_content: utm("utm_content"),
        })
    }

    /// The checked parameters as a query string (without `?`), carried from step to step so a
    /// reload inside the frame keeps the partner's framing, language, theme and test mode.
    pub fn query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(partner) = &self.partner {
            pairs.push(("partner", partner.clone()));
        }
        if let Some(locale) = self.locale {
            pairs.push(("lang", locale.tag().to_owned()));
        }
        if let Some(theme) = self.theme {
            pairs.push(("theme", theme.hex()));
        }
        if self.test {
            pairs.push(("test", "1".to_owned()));
        }
        pairs.extend(self.utm.iter().map(|(k, v)| (*k, v.clone())));
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Percent-encodes everything but the unreserved characters of RFC 3986: the same bytes natively
/// (the build-time render) and in the browser, so a prerendered link equals the app's.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> EmbedParams {
        EmbedParams::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn partner_ids_have_a_shape() {
        for (id, ok) in [
            ("clinic-a", true),
            ("group_b2", true),
            (&"a".repeat(40), true),
            (&"a".repeat(41), false),
            ("", false),
            ("Clinic", false),
            ("a b", false),
            ("<script>", false),
        ] {
            assert_eq!(params(&[("partner", id)]).partner.is_some(), ok, "{id}");
        }
    }

    #[test]
    fn everything_checked_and_carried() {
        let p = params(&[
            ("utm_campaign", "spring sale & more"),
            ("partner", "clinic-a"),
            ("partner", "other"),
            ("lang", "de"),
            ("theme", "#FFDD00"),
            ("test", "1"),
            ("utm_source", "news"),
            ("utm_medium", "  "),
            ("email", "someone@example.org"),
        ]);
        assert_eq!(p.partner.as_deref(), Some("clinic-a"));
        assert_eq!(p.locale, Some(Locale::De));
        assert_eq!(p.theme.map(Rgb::hex).as_deref(), Some("#7f6e00"));
        assert!(p.test);
        assert_eq!(
            p.query(),
            "partner=clinic-a&lang=de&theme=%237f6e00&test=1&utm_source=news\
             &utm_campaign=spring%20sale%20%26%20more"
        );
        let a = p.attribution().expect("attribution");
        assert_eq!(a.partner.as_deref(), Some("clinic-a"));
        assert_eq!(a.utm_campaign.as_deref(), Some("spring sale & more"));
        assert_eq!(a.utm_medium, None);
    }

    #[test]
    fn nothing_to_credit_is_no_attribution() {
        let p = params(&[("lang", "xx"), ("theme", "red"), ("test", "yes")]);
        assert_eq!(p, EmbedParams::default());
        assert_eq!(p.attribution(), None);
        assert_eq!(p.query(), "");
    }

    #[test]
    fn long_utm_values_are_cut() {
        let long = "x".repeat(300);
        let p = params(&[("utm_term", &long)]);
        assert_eq!(p.utm[0].1.len(), 200);
    }
}
