//! Contact settings: the IANA time zone name and the language tag. The wizard offers the
//! browser's own list of time zones (`Intl.supportedValuesOf`); the server, with the feature
//! `time-zones` (on by default, off in the app, which trusts its list), also checks the name
//! against the IANA names of tzdata 2025b, aliases included (`data/time_zones.txt`), so "GMT+2"
//! or "xyz" sent by hand is refused. No rules or offsets: a manager's tools resolve the name.

use crate::Msg;

/// An IANA time zone name such as `Europe/Berlin`, `America/Argentina/Buenos_Aires` or `UTC`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TimeZone(String);

impl TimeZone {
    pub fn parse(raw: &str) -> Result<TimeZone, Msg> {
        let text = raw.trim();
        let part_ok = |part: &str| {
            part.starts_with(|c: char| c.is_ascii_alphabetic())
                && part.len() <= 30
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
        };
        let parts: Vec<&str> = text.split('/').collect();
        if text.is_empty() {
            Err(Msg::ErrorTimeZoneEmpty)
        } else if text.len() <= 64
            && parts.len() <= 3
            && parts.iter().all(|p| part_ok(p))
            && is_known(text)
        {
            Ok(TimeZone(text.to_owned()))
        } else {
            Err(Msg::ErrorTimeZoneFormat)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// True when `name` is an IANA time zone name (always true without the `time-zones` list).
#[cfg(feature = "time-zones")]
fn is_known(name: &str) -> bool {
    include_str!("../../data/time_zones.txt")
        .lines()
        .any(|line| line == name && !line.starts_with('#'))
}

#[cfg(not(feature = "time-zones"))]
fn is_known(_name: &str) -> bool {
    true
}

/// A BCP 47 language tag such as `de`, `ru` or `pt-BR`: 2 to 3 letters, then subtags.
/// The primary language is kept in lower case.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LanguageTag(String);

impl LanguageTag {
    pub fn parse(raw: &str) -> Result<LanguageTag, Msg> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(Msg::ErrorLanguageEmpty);
        }
        let mut parts = text.split('-');
        let primary = parts.next().unwrap_or_default();
        let primary_ok =
            (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
        let rest_ok = parts
            .clone()
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if !primary_ok || !rest_ok || text.len() > 35 {
            return Err(Msg::ErrorLanguageEmpty);
        }
        let tail: String = parts.map(|p| format!("-{p}")).collect();
        Ok(LanguageTag(format!(
            "{}{tail}",
            primary.to_ascii_lowercase()
        )))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}
