//! Phone numbers in any common international format, normalised to E.164. No phone-metadata
//! crate (a full one costs hundreds of KB of wasm): we check the shape and the digit count, and
//! ask for the country code rather than guess it, since callers come from many countries.

use super::text::{Lines, clean};
use crate::Msg;

/// A phone number in E.164: `+` and 8 to 15 digits, the first not 0.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    pub const MIN_DIGITS: usize = 8;
    pub const MAX_DIGITS: usize = 15;

    /// Accepts `+49 30 1234567`, `0049 30 1234567`, `+49 (0)30 123-45-67`, `+49.30.1234567`, `+1 (555) 123 4567`.
    pub fn parse(raw: &str) -> Result<PhoneNumber, Msg> {
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
        if !international {
            return Err(Msg::ErrorPhoneCountryCode);
        }
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
