//! The two ids the client makes before its first attempt: a human-friendly reference and an
//! idempotency key. Both come from random bytes passed in; this module draws no randomness.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Crockford's base32: no I, L, O or U, so a reference read over the phone is unambiguous.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A request's reference, `CT-` and 8 Crockford base32 characters (40 random bits), e.g.
/// `CT-7K3M9Q2X`. Shown on the confirmation page and said on the phone.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Reference(String);

impl Reference {
    pub const PREFIX: &'static str = "CT-";

    /// Makes a reference from 5 random bytes (40 bits, 8 characters of 5 bits).
    pub fn from_random(bytes: [u8; 5]) -> Reference {
        let bits = bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        let code: String = (0..8)
            .rev()
            .map(|i| char::from(CROCKFORD[((bits >> (i * 5)) & 31) as usize]))
            .collect();
        Reference(format!("{}{code}", Reference::PREFIX))
    }

    /// Reads a reference as a person may type it: any case, `O` for 0, `I`/`L` for 1, hyphens and
    /// spaces ignored after the prefix. `None` when it is not a reference.
    pub fn parse(text: &str) -> Option<Reference> {
        let text = text.trim();
        let (prefix, rest) = text.split_at_checked(Reference::PREFIX.len())?;
        if !prefix.eq_ignore_ascii_case(Reference::PREFIX) {
            return None;
        }
        let mut code = String::with_capacity(8);
        for c in rest.chars().filter(|c| *c != '-' && *c != ' ') {
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !CROCKFORD.contains(&u8::try_from(c).ok()?) {
                return None;
            }
            code.push(c);
        }
        (code.len() == 8).then(|| Reference(format!("{}{code}", Reference::PREFIX)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Reference {
    type Error = &'static str;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Reference::parse(&text).ok_or("a reference like CT-7K3M9Q2X")
    }
}

impl From<Reference> for String {
    fn from(reference: Reference) -> String {
        reference.0
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The `Idempotency-Key`: a version-4 UUID in lower-case hex, made from 16 random bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// Makes a key from 16 random bytes, setting the UUID version (4) and variant bits.
    pub fn from_random(mut bytes: [u8; 16]) -> IdempotencyKey {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        IdempotencyKey(format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        ))
    }

    /// Reads a key in the UUID shape (8-4-4-4-12 hex digits, any case); `None` otherwise.
    /// Other backends may send any UUID, so the version bits are not checked.
    pub fn parse(text: &str) -> Option<IdempotencyKey> {
        let groups: Vec<&str> = text.split('-').collect();
        let shape_ok = groups.len() == 5
            && groups
                .iter()
                .zip([8, 4, 4, 4, 12])
                .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()));
        shape_ok.then(|| IdempotencyKey(text.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for IdempotencyKey {
    type Error = &'static str;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        IdempotencyKey::parse(&text).ok_or("a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e")
    }
}

impl From<IdempotencyKey> for String {
    fn from(key: IdempotencyKey) -> String {
        key.0
    }
}

impl fmt::Display for IdempotencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
