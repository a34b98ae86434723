//! Which language a reader gets: the `lang` query parameter, then the `lang` cookie the app sets
//! when the reader switches, then `Accept-Language` (by q-value), then the default (the first of
//! the site's languages). Pure functions over header values; unknown tags are ignored.

use axum::http::{HeaderMap, header};

/// The chosen tag from `languages` (never empty; the first is the default).
pub fn choose<'a>(languages: &'a [String], query: Option<&str>, headers: &HeaderMap) -> &'a str {
    let known = |tag: &str| {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        languages.iter().find(|l| l.eq_ignore_ascii_case(primary))
    };
    let from_query = query.and_then(|q| {
        q.split('&')
            .filter_map(|pair| pair.strip_prefix("lang="))
            .find_map(known)
    });
    let from_cookie = || {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|c| c.trim().strip_prefix("lang="))
            .find_map(known)
    };
    let from_accept = || {
        let mut best: Option<(&String, f32)> = None;
        for range in accept_language(headers) {
            if let (Some(lang), q) = (known(range.0), range.1)
                && q > 0.0
                && best.is_none_or(|(_, b)| q > b)
            {
                best = Some((lang, q));
            }
        }
        best.map(|(lang, _)| lang)
    };
    from_query
        .or_else(from_cookie)
        .or_else(from_accept)
        .or(languages.first())
        .map_or("en", String::as_str)
}

/// The `Accept-Language` ranges with their q-values (1 when absent, 0 when unreadable).
fn accept_language(headers: &HeaderMap) -> Vec<(&str, f32)> {
    headers
        .get_all(header::ACCEPT_LANGUAGE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|item| {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(1.0, |q| q.trim().parse::<f32>().unwrap_or(0.0));
            (tag, q)
        })
        .collect()
}

/// The request's locale for problem texts: `Accept-Language` (by q-value), else English.
pub fn locale_of(headers: &HeaderMap) -> domain::Locale {
    let tags: Vec<String> = domain::Locale::ALL
        .iter()
        .map(|l| l.tag().to_owned())
        .collect();
    let mut only_accept = HeaderMap::new();
    for v in headers.get_all(header::ACCEPT_LANGUAGE) {
        only_accept.append(header::ACCEPT_LANGUAGE, v.clone());
    }
    domain::Locale::from_tag(choose(&tags, None, &only_accept)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(query: Option<&str>, cookie: Option<&str>, accept: Option<&str>, want: &str) {
        let languages = ["en".to_owned(), "de".to_owned()];
        let mut headers = HeaderMap::new();
        if let Some(c) = cookie {
            headers.insert(header::COOKIE, c.parse().expect("header"));
        }
        if let Some(a) = accept {
            headers.insert(header::ACCEPT_LANGUAGE, a.parse().expect("header"));
        }
        assert_eq!(choose(&languages, query, &headers), want);
    }

    #[test]
    fn query_then_cookie_then_accept_language_then_default() {
        check(None, None, None, "en");
        check(Some("lang=de"), Some("lang=en"), Some("en"), "de");
        check(Some("x=1&lang=en"), Some("lang=de"), None, "en");
        check(Some("lang=fr"), Some("theme=dark; lang=de"), None, "de");
        check(None, Some("lang=xx"), Some("de-DE,de;q=0.9,en;q=0.8"), "de");
        check(
            None,
            None,
            Some("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7"),
            "en",
        );
        check(None, None, Some("en;q=0.2, de;q=0.5"), "de");
        check(None, None, Some("de;q=0, en;q=0.1"), "en");
        check(None, None, Some("de;q=0"), "en");
        check(None, None, Some("*"), "en");
    }
}
