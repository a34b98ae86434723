//! The finder's state as it lives in the address bar (`?q=…&category=…`), and the wizard links
//! that carry a condition or a typed text. Plain functions over strings; no navigation here.

use domain::catalogue::{Category, ConditionId};
use leptos_router::params::ParamsMap;

/// What the finder shows: the typed text and the chosen category (`None` is "all").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FinderUrl {
    pub query: String,
    pub category: Option<Category>,
    /// An explicit `?lang=` is kept, so a shared link opens in the language it was made in.
    pub lang: Option<String>,
}

impl FinderUrl {
    /// Reads the query parameters; an unknown category is "all", never an error.
    pub fn from_params(params: &ParamsMap) -> FinderUrl {
        FinderUrl {
            query: params.get("q").unwrap_or_default(),
            category: params.get_str("category").and_then(Category::from_slug),
            lang: params.get("lang"),
        }
    }

    /// `/conditions` with only the parameters that say something.
    pub fn href(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if !self.query.trim().is_empty() {
            pairs.push(("q", &self.query));
        }
        if let Some(category) = self.category {
            pairs.push(("category", category.slug()));
        }
        if let Some(lang) = &self.lang {
            pairs.push(("lang", lang));
        }
        with_query("/conditions", &pairs)
    }
}

/// Where "request treatment" goes: the wizard's first step with the condition chosen, or with
/// the typed text as "something else" (the wizard reads `condition` and `something_else`).
pub fn request_href(condition: Option<&ConditionId>, something_else: Option<&str>) -> String {
    let mut pairs = Vec::new();
    if let Some(id) = condition {
        pairs.push(("condition", id.as_str()));
    }
    if let Some(text) = something_else
        .map(str::trim)
        .filter(|text| !text.is_empty())
    {
        pairs.push(("something_else", text));
    }
    with_query("/request/who-for", &pairs)
}

fn with_query(path: &str, pairs: &[(&str, &str)]) -> String {
    let mut href = path.to_owned();
    for (position, (key, value)) in pairs.iter().enumerate() {
        href.push(if position == 0 { '?' } else { '&' });
        href.push_str(key);
        href.push('=');
        // Not leptos_router's `Url::escape`: it escapes `-` natively but not in the browser.
        href.push_str(&crate::embed::encode(value));
    }
    href
}
