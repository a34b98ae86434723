//! The site frame around the article, as `app::components::{SiteLayout, SiteHeader,
//! LanguageSwitch, SiteFooter}` render it at `/` in English: same elements, classes and
//! attributes, no whitespace between tags (Leptos writes none), so the takeover moves nothing.

use domain::{Locale, Msg};

use crate::html::escape;

/// The frame with `main` inside `<main>`.
pub fn frame(locale: Locale, main: &str) -> String {
    let t = |msg| escape(locale.text(msg));
    let other = match locale {
        Locale::En => Locale::De,
        Locale::De => Locale::En,
    };
    let switch_label = format!("{}: {}", locale.text(Msg::LanguageLabel), other.endonym());
    format!(
        concat!(
            r##"<a class="app-skip-link" href="#main">{skip}</a>"##,
            r#"<header class="app-header"><div class="app-header__inner">"#,
            r#"<a href="/" aria-current="page" class="app-header__name">{name}</a>"#,
            r#"<a class="app-language-switch" href="/?lang={other}" hreflang="{other}" lang="{other}" aria-label="{switch_label}">{endonym}</a>"#,
            r#"</div><nav class="app-nav" aria-label="{nav}"><ul class="app-nav__list">"#,
            r#"<li><a href="/" aria-current="page" class="app-nav__link">{article}</a></li>"#,
            r#"<li><a href="/conditions" class="app-nav__link">{conditions}</a></li>"#,
            r#"<li><a href="/request/who-for" class="app-nav__link">{request}</a></li>"#,
            r#"</ul></nav></header>"#,
            r#"<main id="main" class="app-main" tabindex="-1">{main}</main>"#,
            r#"<footer class="app-footer"><div class="app-footer__inner"><p class="app-footer__help">"#,
            r#"<a href="/request/who-for" class="app-footer__link">{help}</a> <span>{hint}</span></p>"#,
            r#"<p class="app-footer__notice">{notice}</p></div></footer>"#,
        ),
        skip = t(Msg::SkipToContent),
        name = t(Msg::AppName),
        other = other.tag(),
        switch_label = escape(&switch_label),
        endonym = other.endonym(),
        nav = t(Msg::NavLabel),
        article = t(Msg::NavArticle),
        conditions = t(Msg::NavConditions),
        request = t(Msg::NavRequest),
        main = main,
        help = t(Msg::FooterHelp),
        hint = escape(&locale.format(
            Msg::FooterHelpHint,
            &[("hours", &domain::eligibility::CALLBACK_HOURS.to_string())]
        )),
        notice = t(Msg::FooterNotice),
    )
}
