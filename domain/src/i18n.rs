//! The translation layer: every user-facing text of the app and the server, in English and German.
//! The texts live in `locales/<lang>/*.toml`; `build.rs` makes them the [`Msg`] enum, so a text
//! missing in one language does not compile. This module picks languages; it reads no browser state.

use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// A language the interface is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    De,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::De];

    /// The BCP 47 tag, as `<html lang>` and the wire contract carry it.
    pub const fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
        }
    }

    /// The language's own name, which a language switch shows whatever the current language.
    pub const fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::De => "Deutsch",
        }
    }

    /// Reads a language tag such as `de`, `de-AT` or `EN_gb`; `None` for a language we lack.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Locale::ALL
            .into_iter()
            .find(|locale| primary.eq_ignore_ascii_case(locale.tag()))
    }

    /// The language to show: an explicit choice in the URL wins, then the stored choice, then the
    /// first of the browser's languages we have, then English.
    pub fn negotiate<'a>(
        from_url: Option<&str>,
        stored: Option<&str>,
        browser: impl IntoIterator<Item = &'a str>,
    ) -> Locale {
        from_url
            .and_then(Locale::from_tag)
            .or_else(|| stored.and_then(Locale::from_tag))
            .or_else(|| browser.into_iter().find_map(Locale::from_tag))
            .unwrap_or_default()
    }

    /// The text of `msg` in this language.
    pub const fn text(self, msg: Msg) -> &'static str {
        match self {
            Locale::En => text_en(msg),
            Locale::De => text_de(msg),
        }
    }

    /// The text of `msg` with each `{name}` replaced by its value.
    pub fn format(self, msg: Msg, args: &[(&str, &str)]) -> String {
        let mut out = self.text(msg).to_owned();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(url: Option<&str>, stored: Option<&str>, browser: &[&str], expect: Locale) {
        let got = Locale::negotiate(url, stored, browser.iter().copied());
        assert_eq!(
            got, expect,
            "url={url:?} stored={stored:?} browser={browser:?}"
        );
    }

    #[test]
    fn negotiation_prefers_url_then_stored_then_browser() {
        check(None, None, &[], Locale::En);
        check(Some("de"), Some("en"), &["en-US"], Locale::De);
        check(Some("fr"), Some("de"), &["en-US"], Locale::De);
        check(None, Some("de"), &["en-US"], Locale::De);
        check(None, Some("xx"), &["fr-FR", "de-CH"], Locale::De);
        check(None, None, &["fr-FR", "it"], Locale::En);
        check(Some("DE_at"), None, &[], Locale::De);
        check(Some(""), None, &["de"], Locale::De);
    }

    #[test]
    fn every_text_exists_in_every_language() {
        for msg in Msg::ALL {
            for locale in Locale::ALL {
                assert!(
                    !locale.text(*msg).trim().is_empty(),
                    "{} in {locale:?}",
                    msg.key()
                );
            }
        }
    }

    #[test]
    fn format_fills_placeholders() {
        let text = Locale::En.format(Msg::FinderCount, &[("count", "3")]);
        assert!(text.contains('3') && !text.contains('{'), "{text}");
    }
}
