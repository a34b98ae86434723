//! A rendered page put into Trunk's `index.html`: the language on `<html>`, the page's own
//! `<head>` elements, and its body inside the element the app removes when it takes over.

use domain::Locale;

use crate::render::Rendered;

/// The id the app looks for to remove the copy (`app::PRERENDERED_ID`).
pub const WRAPPER_ID: &str = "app-prerendered";
/// Around the elements the page put in `<head>`: the app removes them when it takes over, as its
/// own leptos_meta elements replace them.
pub const HEAD_START: &str = "<!--app-head-->";
pub const HEAD_END: &str = "<!--/app-head-->";

/// `shell` with `page` in it, in `locale`.
pub fn document(shell: &str, page: &Rendered, locale: Locale) -> Result<String, String> {
    if shell.contains(WRAPPER_ID) || shell.contains(HEAD_START) {
        return Err("index.html is already prerendered".into());
    }
    if shell.contains("<title>") || shell.contains(r#"name="description""#) {
        return Err(
            "index.html has its own <title> or description: every page brings its own".into(),
        );
    }
    let html = shell.find("<html").ok_or("no <html> in index.html")?;
    let html_end = html + shell[html..].find('>').ok_or("unclosed <html>")?;
    let head_end = shell.find("</head>").ok_or("no </head> in index.html")?;
    let body = shell.find("<body").ok_or("no <body> in index.html")?;
    let body_end = body + shell[body..].find('>').ok_or("unclosed <body>")? + 1;
    if !(html_end < head_end && head_end < body) {
        return Err("index.html is not <html><head>…</head><body>".into());
    }
    let mut out = String::with_capacity(shell.len() + page.head.len() + page.body.len() + 128);
    out.push_str(&shell[..html]);
    out.push_str(&format!(r#"<html lang="{}">"#, locale.tag()));
    out.push_str(&shell[html_end + 1..head_end]);
    out.push_str(HEAD_START);
    out.push_str(&page.head);
    out.push_str(HEAD_END);
    out.push_str(&shell[head_end..body_end]);
    out.push_str(&format!(r#"<div id="{WRAPPER_ID}">{}</div>"#, page.body));
    out.push_str(&shell[body_end..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<!doctype html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\" />\n  </head>\n  <body></body>\n</html>";

    fn page() -> Rendered {
        Rendered {
            head: "<title>T</title><meta name=\"description\" content=\"D\">".into(),
            body: "<main>Hallo</main>".into(),
        }
    }

    #[test]
    fn the_page_lands_in_head_and_body_once_in_its_language() {
        let out = document(SHELL, &page(), Locale::De).expect("a shell");
        assert!(out.contains("<html lang=\"de\">"), "{out}");
        assert!(!out.contains("lang=\"en\""), "{out}");
        assert!(out.contains("<!--app-head--><title>T</title><meta name=\"description\" content=\"D\"><!--/app-head--></head>"), "{out}");
        assert!(
            out.contains("<body><div id=\"app-prerendered\"><main>Hallo</main></div></body>"),
            "{out}"
        );
    }

    #[test]
    fn a_shell_that_brings_its_own_title_or_was_prerendered_is_refused() {
        let titled = SHELL.replace("</head>", "<title>Old</title></head>");
        assert!(document(&titled, &page(), Locale::En).is_err());
        let done = document(SHELL, &page(), Locale::En).expect("a shell");
        assert!(document(&done, &page(), Locale::En).is_err());
    }
}
