//! Checks on the parts of the body that are not answers: consent versions, attribution, app
//! version, and the honeypot and timing signs. Signs are flags for a person, never refusals.

use super::{Consent, RequestBody};
use crate::Msg;
use crate::request::FieldError;

/// Form filled in faster than this is flagged as possibly automated (stored, never dropped).
pub const MIN_FILL_MS: u64 = 10_000;
/// Longest partner id or UTM value, and longest app version.
const META_MAX: usize = 200;

/// Signs of an automated submission: kept with the request for a person to look at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpamFlags {
    pub honeypot_filled: bool,
    pub too_fast: bool,
}

impl RequestBody {
    /// Honeypot and timing signs, judged against the server's receipt time.
    pub fn spam_flags(&self, received_at_ms: u64) -> SpamFlags {
        SpamFlags {
            honeypot_filled: !self.honeypot.trim().is_empty(),
            too_fast: received_at_ms
                .checked_sub(self.started_at)
                .is_some_and(|took| took < MIN_FILL_MS),
        }
    }
}

/// Consent versions, attribution and app version: short, printable, present where required.
pub(super) fn meta_errors(body: &RequestBody) -> Vec<FieldError> {
    let short = |s: &str| s.chars().count() <= META_MAX && !s.chars().any(char::is_control);
    let version_ok = |c: &Option<Consent>| {
        c.as_ref()
            .is_none_or(|c| !c.version.is_empty() && c.version.len() <= 40 && short(&c.version))
    };
    let mut errors = Vec::new();
    for (consent, pointer) in [
        (&body.consents.health_data, "/consents/health_data/version"),
        (&body.consents.clinics, "/consents/clinics/version"),
        (&body.consents.marketing, "/consents/marketing/version"),
    ] {
        if !version_ok(consent) {
            errors.push(FieldError {
                pointer,
                msg: Msg::ErrorConsentVersion,
            });
        }
    }
    if body.app_version.is_empty() || !short(&body.app_version) {
        errors.push(FieldError {
            pointer: "/app_version",
            msg: Msg::ErrorMetaField,
        });
    }
    if let Some(a) = &body.attribution {
        for (value, pointer) in [
            (&a.partner, "/attribution/partner"),
            (&a.utm_source, "/attribution/utm_source"),
            (&a.utm_medium, "/attribution/utm_medium"),
            (&a.utm_campaign, "/attribution/utm_campaign"),
            (&a.utm_term, "/attribution/utm_term"),
            (&a.utm_content, "/attribution/utm_content"),
        ] {
            if value.as_deref().is_some_and(|v| !short(v)) {
                errors.push(FieldError {
                    pointer,
                    msg: Msg::ErrorMetaField,
                });
            }
        }
    }
    errors
}
