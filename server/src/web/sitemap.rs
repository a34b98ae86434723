//! `/sitemap.xml` and `/robots.txt`, made from the page manifest and the public origin. Every
//! route but the partner embed's is listed in each language, with hreflang alternates (the
//! default language at the plain URL, the others with `?lang=`).

use super::pages::Pages;

/// The sitemap of `pages` at `origin` (`https://example.org`, no trailing slash).
pub fn sitemap(pages: &Pages, origin: &str) -> String {
    let default = pages.languages.first().map_or("en", String::as_str);
    let url = |route: &str, lang: &str| {
        let base = format!("{origin}{route}");
        if lang == default {
            base
        } else {
            format!("{base}?lang={lang}")
        }
    };
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let public = pages
        .routes
        .iter()
        .filter(|r| *r != "/embed" && !r.starts_with("/embed/"));
    for route in public {
        for lang in &pages.languages {
            out.push_str(&format!(
                "  <url>\n    <loc>{}</loc>\n",
                xml(&url(route, lang))
            ));
            for alt in &pages.languages {
                out.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{alt}\" href=\"{}\"/>\n",
                    xml(&url(route, alt))
                ));
            }
            out.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n  </url>\n",
                xml(&url(route, default))
            ));
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// Allow all but the API and the partner embed; name the sitemap.
pub fn robots(origin: &str) -> String {
    format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /embed/\nSitemap: {origin}/sitemap.xml\n"
    )
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
