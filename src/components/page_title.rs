//! A page's `<head>`: the document title "<page> – <product>", the description, the Open Graph
//! data a shared link previews with, and the canonical and other-language addresses, all in the
//! current language. Rendered into the built HTML of every page (`prerender/`) and kept in step
//! by leptos_meta in the browser.

use domain::{Locale, Msg};
use leptos::prelude::*;
use leptos::text_prop::TextProp;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_location;

use crate::i18n::use_i18n;

/// What a shared link to the page is: the article, or any other page of the site.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PageKind {
    Article,
    #[default]
    Website,
}

/// Sets the page's title and head from a reactive page name and, where the page has its own,
/// a description (the site's otherwise).
#[component]
pub fn PageTitle(
    #[prop(into)] text: Signal<String>,
    #[prop(optional, into)] description: Option<Signal<String>>,
    #[prop(optional)] kind: PageKind,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    // leptos_meta may run these once more after the page that gave the signals has gone (a
    // navigation disposes it first): a gone signal reads as empty rather than a panic.
    let name = move || text.try_get().unwrap_or_default();
    let full = move || {
        format!(
            "{} – {}",
            name(),
            i18n.locale().text(Msg::DocumentTitleSuffix)
        )
    };
    let description = move || match description {
        Some(description) => description.try_get().unwrap_or_default(),
        None => i18n.t(Msg::SiteDescription)().to_owned(),
    };
    let path = move || location.pathname.get();
    let og_locale = move || match i18n.locale() {
        Locale::En => "en_GB",
        Locale::De => "de_DE",
    };
    let og_type = match kind {
        PageKind::Article => "article",
        PageKind::Website => "website",
    };
    // leptos_meta's links are not reactive: each is made again when the address or language
    // changes (the old one leaves `<head>`).
    let links = move || {
        let path = path();
        let canonical = localized(&path, i18n.locale());
        let alternates = Locale::ALL.map(|locale| {
            view! { <Link rel="alternate" hreflang=locale.tag() href=localized(&path, locale) /> }
        });
        let default = localized(&path, Locale::ALL[0]);
        view! {
            <Link rel="canonical" href=canonical />
            {alternates}
            <Link rel="alternate" hreflang="x-default" href=default />
        }
    };
    // Rendered at build time, leptos_meta writes the title after the page is done and its
    // signals are gone: it gets the text itself there, the live closure in the browser.
    let title: TextProp = if crate::IN_BROWSER {
        full.into()
    } else {
        full().into()
    };
    view! {
        <Title text=title />
        <Meta name="description" content=description />
        <Meta property="og:type" content=og_type />
        <Meta property="og:title" content=name />
        <Meta property="og:description" content=description />
        <Meta property="og:site_name" content=i18n.t(Msg::AppName) />
        <Meta property="og:locale" content=og_locale />
        {links}
    }
}

/// The address of `path` in `locale`: the plain path in the default language, `?lang=` else.
pub fn localized(path: &str, locale: Locale) -> String {
    if locale == Locale::ALL[0] {
        path.to_owned()
    } else {
        format!("{path}?lang={}", locale.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_language_is_the_plain_address() {
        assert_eq!(localized("/conditions", Locale::En), "/conditions");
        assert_eq!(localized("/conditions", Locale::De), "/conditions?lang=de");
    }
}
