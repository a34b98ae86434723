//! The interface language as one context: `provide_i18n` decides it (URL, then stored choice,
//! then browser), keeps `<html lang>` in step, and `use_i18n().t(msg)` reads a text reactively.

use domain::{Locale, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::storage;

/// The current language; copy it freely, it is a handle to one signal.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// The current language, tracked.
    pub fn locale(self) -> Locale {
        self.locale.get()
    }

    /// A reactive text: use it directly in `view!`.
    pub fn t(self, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let locale = self.locale;
        move || locale.get().text(msg)
    }

    /// A reactive text with its `{name}` placeholders filled in.
    pub fn format(self, msg: Msg, args: &[(&str, &str)]) -> String {
        self.locale.get().format(msg, args)
    }

    /// A moment (ms since the epoch) as a date in the current language, tracked.
    pub fn date(self, ms: f64) -> String {
        // "1 Dec 2026": the same style as `date_time`, so every date on a page reads alike.
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        js_sys::Date::new(&ms.into())
            .to_locale_date_string(self.date_tag(), &options)
            .into()
    }

    /// A moment (ms since the epoch) as a date and time in the current language and the
    /// device's time zone, tracked.
    pub fn date_time(self, ms: f64) -> String {
        let options = js_sys::Object::new();
        for (name, value) in [("dateStyle", "medium"), ("timeStyle", "short")] {
            let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
        }
        js_sys::Date::new(&ms.into())
            .to_locale_string(self.date_tag(), &options)
            .into()
    }

    /// The tag dates are written in: British English (26 Nov 2026, day first, 24-hour clock) for
    /// English, since our readers are in Europe and US month-first dates read wrongly there.
    fn date_tag(self) -> &'static str {
        match self.locale() {
            Locale::En => "en-GB",
            other => other.tag(),
        }
    }
}

/// Decides the language and provides it to every component below; call once, inside the router.
pub fn provide_i18n() -> I18n {
    let query = use_query_map();
    let from_url = query.with_untracked(|q| q.get("lang"));
    let stored = storage::stored_locale();
    let browser = browser_languages();
    let initial = Locale::negotiate(
        from_url.as_deref(),
        stored.as_deref(),
        browser.iter().map(String::as_str),
    );
    let i18n = I18n {
        locale: RwSignal::new(initial),
    };
    provide_context(i18n);

    // An explicit `?lang=` is a choice: follow it and remember it for the next visit.
    Effect::new(move |_| {
        if let Some(locale) = query
            .with(|q| q.get("lang"))
            .as_deref()
            .and_then(Locale::from_tag)
        {
            i18n.locale.set(locale);
            storage::store_locale(locale.tag());
        }
    });
    Effect::new(move |_| {
        let tag = i18n.locale.get().tag();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", tag);
        }
    });
    i18n
}

/// The language context; panics only if a component is used outside `App`, a programming error.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

fn browser_languages() -> Vec<String> {
    if !crate::IN_BROWSER {
        return Vec::new();
    }
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|value| value.as_string())
        .collect();
    if tags.is_empty() {
        tags.extend(navigator.language());
    }
    tags
}
