//! Phone numbers, normalised to E.164. An international form (`+49 30 1234567`, `0049 …`) is
//! accepted as it is; a national form (`030 1234567`, `(030) 1234567`) only with the country the
//! number belongs to, from a short hand-written table ([`PhoneCountry`]): the countries most of
//! our callers come from, each with its country code, trunk prefix and national length. No
//! phone-metadata crate: the full metadata costs hundreds of KB of wasm.

use serde::{Deserialize, Serialize};

use super::text::{Lines, clean};
use crate::Msg;

/// A phone number in E.164: `+` and 8 to 15 digits, the first not 0.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PhoneNumber(String);

/// The country a nationally written number belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PhoneCountry {
    #[serde(rename = "DE")]
    Germany,
    #[serde(rename = "AT")]
    Austria,
    #[serde(rename = "CH")]
    Switzerland,
    #[serde(rename = "NL")]
    Netherlands,
    #[serde(rename = "FR")]
    France,
    #[serde(rename = "IT")]
    Italy,
    #[serde(rename = "ES")]
    Spain,
    #[serde(rename = "PL")]
    Poland,
    #[serde(rename = "UA")]
    Ukraine,
    #[serde(rename = "TR")]
    Turkey,
    #[serde(rename = "GB")]
    UnitedKingdom,
    #[serde(rename = "US")]
    UnitedStates,
}

/// How one country writes its numbers at home.
struct NationalPlan {
    code: &'static str,
    /// Dropped when dialled from abroad (`0` in most of Europe, `1` in the US); `None` where the
    /// national number is dialled as it is (Spain, Poland, Italy, where the 0 stays).
    trunk: Option<char>,
    /// The digits after the trunk prefix (the national significant number).
    digits: std::ops::RangeInclusive<usize>,
}

impl PhoneCountry {
    /// In the order the form lists them.
    pub const ALL: [PhoneCountry; 12] = [
        PhoneCountry::Germany,
        PhoneCountry::Austria,
        PhoneCountry::Switzerland,
        PhoneCountry::Netherlands,
        PhoneCountry::France,
        PhoneCountry::Italy,
        PhoneCountry::Spain,
        PhoneCountry::Poland,
        PhoneCountry::Ukraine,
        PhoneCountry::Turkey,
        PhoneCountry::UnitedKingdom,
        PhoneCountry::UnitedStates,
    ];

    fn plan(self) -> NationalPlan {
        let plan = |code, trunk, digits| NationalPlan {
            code,
            trunk,
            digits,
        };
        match self {
            PhoneCountry::Germany => plan("49", Some('0'), 6..=13),
            PhoneCountry::Austria => plan("43", Some('0'), 6..=13),
            PhoneCountry::Switzerland => plan("41", Some('0'), 9..=9),
            PhoneCountry::Netherlands => plan("31", Some('0'), 9..=9),
            PhoneCountry::France => plan("33", Some('0'), 9..=9),
            PhoneCountry::Italy => plan("39", None, 6..=11),
            PhoneCountry::Spain => plan("34", None, 9..=9),
            PhoneCountry::Poland => plan("48", None, 9..=9),
            PhoneCountry::Ukraine => plan("380", Some('0'), 9..=9),
            PhoneCountry::Turkey => plan("90", Some('0'), 10..=10),
            PhoneCountry::UnitedKingdom => plan("44", Some('0'), 9..=10),
            PhoneCountry::UnitedStates => plan("1", Some('1'), 10..=10),
        }
    }

    /// The country code, `+49`.
    pub fn calling_code(self) -> String {
        format!("+{}", self.plan().code)
    }

    /// The ISO 3166 code, `DE` (also the serialised form).
    pub fn iso(self) -> &'static str {
        match self {
            PhoneCountry::Germany => "DE",
            PhoneCountry::Austria => "AT",
            PhoneCountry::Switzerland => "CH",
            PhoneCountry::Netherlands => "NL",
            PhoneCountry::France => "FR",
            PhoneCountry::Italy => "IT",
            PhoneCountry::Spain => "ES",
            PhoneCountry::Poland => "PL",
            PhoneCountry::Ukraine => "UA",
            PhoneCountry::Turkey => "TR",
            PhoneCountry::UnitedKingdom => "GB",
            PhoneCountry::UnitedStates => "US",
        }
    }

    pub fn from_iso(iso: &str) -> Option<PhoneCountry> {
        PhoneCountry::ALL.into_iter().find(|c| c.iso() == iso)
    }

    /// The likely country of a caller's number: from the device's time zone, else from the
    /// language they chose; `None` when neither says (they then type the country code).
    pub fn guess(time_zone: Option<&str>, language: Option<&str>) -> Option<PhoneCountry> {
        let by_zone = time_zone.and_then(|tz| {
            Some(match tz {
                "Europe/Berlin" | "Europe/Busingen" => PhoneCountry::Germany,
                "Europe/Vienna" => PhoneCountry::Austria,
                "Europe/Zurich" => PhoneCountry::Switzerland,
                "Europe/Amsterdam" => PhoneCountry::Netherlands,
                "Europe/Paris" => PhoneCountry::France,
                "Europe/Rome" => PhoneCountry::Italy,
                "Europe/Madrid" | "Atlantic/Canary" => PhoneCountry::Spain,
                "Europe/Warsaw" => PhoneCountry::Poland,
                "Europe/Kyiv" | "Europe/Kiev" => PhoneCountry::Ukraine,
                "Europe/Istanbul" => PhoneCountry::Turkey,
                "Europe/London" => PhoneCountry::UnitedKingdom,
                "America/New_York"
                | "America/Chicago"
                | "America/Denver"
                | "America/Los_Angeles"
                | "America/Phoenix"
                | "America/Anchorage"
                | "Pacific/Honolulu" => PhoneCountry::UnitedStates,
                _ => return None,
            })
        });
        let primary = language.map(|l| l.split('-').next().unwrap_or_default());
        by_zone.or_else(|| match primary? {
            "de" => Some(PhoneCountry::Germany),
            "nl" => Some(PhoneCountry::Netherlands),
            "fr" => Some(PhoneCountry::France),
            "it" => Some(PhoneCountry::Italy),
            "es" => Some(PhoneCountry::Spain),
            "pl" => Some(PhoneCountry::Poland),
            "uk" => Some(PhoneCountry::Ukraine),
            "tr" => Some(PhoneCountry::Turkey),
            _ => None,
        })
    }
}

impl PhoneNumber {
    pub const MIN_DIGITS: usize = 8;
    pub const MAX_DIGITS: usize = 15;

    /// Accepts `+49 30 1234567`, `0049 30 1234567`, `+49 (0)30 123-45-67`, `+49.30.1234567`,
    /// `+1 (555) 123 4567`; a national form is refused for want of a country code.
    pub fn parse(raw: &str) -> Result<PhoneNumber, Msg> {
        PhoneNumber::parse_in(raw, None)
    }

    /// As [`PhoneNumber::parse`], and with `country` also its national form: `030 1234567` and
    /// `(030) 1234567` in Germany are `+49301234567`.
    pub fn parse_in(raw: &str, country: Option<PhoneCountry>) -> Result<PhoneNumber, Msg> {
        let text = clean(raw, Lines::One).ok_or(Msg::ErrorPhoneFormat)?;
        if text.is_empty() {
            return Err(Msg::ErrorPhoneEmpty);
        }
        // "(0)" marks the national trunk prefix, dropped when dialling from abroad.
        let text = text.replace("(0)", "");
        let (international, rest) = if let Some(rest) = text.strip_prefix('+') {
            (true, rest)
        } else if let Some(rest) = text.strip_prefix("00") {
            (true, rest)
        } else {
            (false, text.as_str())
        };
        let separator = |c: char| c.is_whitespace() || matches!(c, '-' | '.' | '(' | ')' | '/');
        if !rest.chars().all(|c| c.is_ascii_digit() || separator(c)) {
            return Err(Msg::ErrorPhoneFormat);
        }
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        let digits = if international {
            digits
        } else {
            national(&digits, country.ok_or(Msg::ErrorPhoneCountryCode)?)?
        };
        if digits.starts_with('0') {
            return Err(Msg::ErrorPhoneFormat);
        }
        if !(Self::MIN_DIGITS..=Self::MAX_DIGITS).contains(&digits.len()) {
            return Err(Msg::ErrorPhoneLength);
        }
        Ok(PhoneNumber(format!("+{digits}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The international digits (country code first) of a national number in `country`.
fn national(digits: &str, country: PhoneCountry) -> Result<String, Msg> {
    let plan = country.plan();
    let significant = match plan.trunk {
        Some(trunk) if country == PhoneCountry::UnitedStates => {
            digits.strip_prefix(trunk).unwrap_or(digits)
        }
        Some(trunk) => digits.strip_prefix(trunk).ok_or(Msg::ErrorPhoneNational)?,
        None => digits,
    };
    if significant.starts_with('0') && plan.trunk.is_some() {
        // "0049…" is caught above; "00…" here is a mistyped trunk prefix.
        return Err(Msg::ErrorPhoneNational);
    }
    if !plan.digits.contains(&significant.len()) {
        return Err(Msg::ErrorPhoneNational);
    }
    Ok(format!("{}{significant}", plan.code))
}
