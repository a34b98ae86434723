//! Email addresses: a shape check within RFC 5321's lengths, not a full RFC 5322 parser. The
//! point is to catch typing mistakes, not to reject any address a mail server would accept.

use super::text::{Lines, clean};
use crate::Msg;

/// An email address, trimmed, with the domain in lower case (the local part keeps its case,
/// which the receiving server may honour).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub const LOCAL_MAX: usize = 64;
    pub const DOMAIN_MAX: usize = 255;
    /// RFC 5321's path limit of 256 octets less the angle brackets.
    pub const TOTAL_MAX: usize = 254;

    pub fn parse(raw: &str) -> Result<EmailAddress, Msg> {
        let text = clean(raw, Lines::One).ok_or(Msg::ErrorEmailFormat)?;
        if text.is_empty() {
            return Err(Msg::ErrorEmailEmpty);
        }
        let (local, domain) = text.rsplit_once('@').ok_or(Msg::ErrorEmailFormat)?;
        let domain = domain.to_lowercase();
        // Lengths are octets in RFC 5321; UTF-8 bytes are the same measure for SMTPUTF8.
        if local.len() > Self::LOCAL_MAX {
            return Err(Msg::ErrorEmailLocalTooLong);
        }
        if domain.len() > Self::DOMAIN_MAX || local.len() + 1 + domain.len() > Self::TOTAL_MAX {
            return Err(Msg::ErrorEmailTooLong);
        }
        if !local_ok(local) || !domain_ok(&domain) {
            return Err(Msg::ErrorEmailFormat);
        }
        Ok(EmailAddress(format!("{local}@{domain}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn local_ok(local: &str) -> bool {
    !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && !local.chars().any(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '@' | '"' | '(' | ')' | ',' | ':' | ';' | '<' | '>' | '[' | '\\' | ']'
                )
        })
}

/// At least two labels, each 1 to 63 bytes of letters (any script), digits or inner hyphens.
fn domain_ok(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}
