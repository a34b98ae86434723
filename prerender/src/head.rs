//! The article's `<title>`, description and Open Graph data in index.html's `<head>`, for readers
//! and crawlers that see the page before (or without) the app.

use domain::article::Article;
use domain::{Locale, Msg};

use crate::html::escape;

/// `html` with its `<title>` and description replaced and the Open Graph tags added.
pub fn with_meta(html: &str, article: &Article, locale: Locale) -> Result<String, String> {
    let meta = &article.meta;
    // The same title `PageTitle` sets once the app runs.
    let title = format!("{} – {}", meta.title, locale.text(Msg::DocumentTitleSuffix));
    let (title, description) = (escape(&title), escape(&meta.description));
    let start = html.find("<title>").ok_or("no <title> in index.html")?;
    let end = start + html[start..].find("</title>").ok_or("unclosed <title>")? + "</title>".len();
    let mut out = String::with_capacity(html.len() + 1024);
    out.push_str(&html[..start]);
    out.push_str(&format!("<title>{title}</title>"));
    let rest = without_description(&html[end..]);
    out.push_str(&format!(
        concat!(
            r#"<meta name="description" content="{description}" />"#,
            r#"<meta name="author" content="{authors}" />"#,
            r#"<meta property="og:type" content="article" />"#,
            r#"<meta property="og:title" content="{og_title}" />"#,
            r#"<meta property="og:description" content="{description}" />"#,
            r#"<meta property="og:site_name" content="{site}" />"#,
            r#"<meta property="og:locale" content="{og_locale}" />"#,
        ),
        description = description,
        authors = escape(&meta.authors.join(", ")),
        og_title = escape(&meta.title),
        site = escape(locale.text(Msg::AppName)),
        og_locale = match meta.lang {
            Locale::En => "en_GB",
            Locale::De => "de_DE",
        },
    ));
    out.push_str(&rest);
    Ok(out)
}

/// `html` without its first `<meta ... name="description" ...>` tag (Trunk keeps index.html's,
/// whose attributes may stand on lines of their own).
fn without_description(html: &str) -> String {
    let found = html.find(r#"name="description""#).and_then(|name| {
        let start = html[..name].rfind("<meta")?;
        let end = name + html[name..].find('>')? + 1;
        Some((start, end))
    });
    match found {
        Some((start, end)) => format!("{}{}", &html[..start], &html[end..]),
        None => html.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_title_and_description_and_adds_open_graph() {
        let article =
            domain::article::parse(include_str!("../../content/article.en.md")).expect("parses");
        let html =
            "<head><title>Old</title>\n<meta name=\"description\"\n content=\"old\" /></head>";
        let out = with_meta(html, &article, Locale::En).expect("has a title");
        assert!(out.contains(
            "<title>Cellular therapy is a fast-growing field in Medicine – Cell therapy in Germany</title>"
        ));
        assert_eq!(out.matches("name=\"description\"").count(), 1);
        assert!(!out.contains("old"));
        assert!(out.contains(r#"<meta property="og:type" content="article" />"#));
    }
}
