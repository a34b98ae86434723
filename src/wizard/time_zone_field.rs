//! The time zone: the browser's own list (`Intl.supportedValuesOf('timeZone')`), grouped by
//! region, narrowed by a search box, with the device's zone chosen at first. The server checks
//! the name against the same IANA names (`domain::request::TimeZone`).

use domain::Msg;
use leptos::prelude::*;

use super::select_field::{OptionGroup, SelectField, SelectOption};
use super::state::Bind;
use super::time_zones::{device_time_zone, supported_time_zones};
use crate::i18n::{I18n, use_i18n};

/// The IANA regions, in the list's order, with their names.
const REGIONS: [(&str, Msg); 10] = [
    ("Europe", Msg::TimeZoneRegionEurope),
    ("Asia", Msg::TimeZoneRegionAsia),
    ("Africa", Msg::TimeZoneRegionAfrica),
    ("America", Msg::TimeZoneRegionAmerica),
    ("Atlantic", Msg::TimeZoneRegionAtlantic),
    ("Indian", Msg::TimeZoneRegionIndian),
    ("Australia", Msg::TimeZoneRegionAustralia),
    ("Pacific", Msg::TimeZoneRegionPacific),
    ("Antarctica", Msg::TimeZoneRegionAntarctica),
    ("Arctic", Msg::TimeZoneRegionArctic),
];

/// `America/Argentina/Buenos_Aires` as its region and the words shown for it,
/// (`America`, `Argentina – Buenos Aires`); a name without a region (`UTC`) has none.
fn split(name: &str) -> (Option<&str>, String) {
    match name.split_once('/') {
        Some((region, rest)) if REGIONS.iter().any(|(r, _)| *r == region) => {
            (Some(region), rest.replace('_', " ").replace('/', " – "))
        }
        _ => (None, name.replace('_', " ")),
    }
}

/// The zones grouped by region; the loose ones (UTC, Etc/…) first.
fn groups(i18n: I18n, zones: Vec<String>, detected: Option<String>) -> Vec<OptionGroup> {
    let option = |name: String| {
        let (_, words) = split(&name);
        let this_device = detected.as_deref() == Some(name.as_str());
        SelectOption {
            value: name,
            label: Signal::derive(move || {
                if this_device {
                    i18n.format(Msg::TimeZoneDetected, &[("zone", &words)])
                } else {
                    words.clone()
                }
            }),
        }
    };
    let mut loose = Vec::new();
    let mut by_region: Vec<Vec<SelectOption>> = REGIONS.iter().map(|_| Vec::new()).collect();
    for name in zones {
        match split(&name)
            .0
            .and_then(|r| REGIONS.iter().position(|(x, _)| *x == r))
        {
            Some(at) => by_region[at].push(option(name)),
            None => loose.push(option(name)),
        }
    }
    let mut groups = vec![OptionGroup {
        label: None,
        options: loose,
    }];
    for ((_, msg), options) in REGIONS.iter().zip(by_region) {
        if !options.is_empty() {
            let msg = *msg;
            groups.push(OptionGroup {
                label: Some(Signal::derive(move || i18n.locale().text(msg).to_owned())),
                options,
            });
        }
    }
    groups
}

#[component]
pub fn TimeZoneField(bind: Bind<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let detected = device_time_zone();
    // The browser's list, plus the device's zone and the saved answer when it lacks them
    // (Chromium lists no "UTC", yet reports it as the device's zone).
    let mut zones = supported_time_zones();
    for extra in [detected.clone(), bind.value.get_untracked()]
        .into_iter()
        .flatten()
    {
        if !zones.contains(&extra) {
            zones.insert(0, extra);
        }
    }
    let search = RwSignal::new(String::new());
    view! {
        <SelectField
            id="contact-time-zone"
            label=Msg::QuestionTimeZone
            hint=Msg::QuestionTimeZoneHint
            groups=groups(i18n, zones, detected)
            bind=bind
            search=search
        >
            <label class="app-label app-label--s" for="contact-time-zone-search">
                {i18n.t(Msg::TimeZoneSearchLabel)}
            </label>
            <input
                class="app-input app-input--search"
                type="search"
                id="contact-time-zone-search"
                autocomplete="off"
                spellcheck="false"
                prop:value=search
                on:input=move |ev| search.set(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                    }
                }
            />
        </SelectField>
    }
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn names_show_as_region_and_words() {
        assert_eq!(
            split("Europe/Berlin"),
            (Some("Europe"), "Berlin".to_owned())
        );
        assert_eq!(
            split("America/Argentina/Buenos_Aires"),
            (Some("America"), "Argentina – Buenos Aires".to_owned())
        );
        assert_eq!(split("UTC"), (None, "UTC".to_owned()));
        assert_eq!(split("Etc/GMT+3"), (None, "Etc/GMT+3".to_owned()));
    }
}
