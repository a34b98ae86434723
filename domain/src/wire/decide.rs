//! The server's one decision on a body: validate it, normalise it, re-run eligibility and set the
//! review flags, all at once, so no caller can store a body that skipped a step.

use super::{Envelope, Rejection, RequestBody, SpamFlags};
use crate::eligibility::{Outcome, ReviewReason};
use crate::request::ValidationContext;

/// A body the server takes: what to store and how to file it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    /// The body as validated: names, free text and contact details cleaned and normalised (names
    /// NFC, email trimmed with its domain in lower case, the phone as the domain normalises it,
    /// the language tag's primary subtag in lower case). Envelope fields are kept as sent.
    pub body: RequestBody,
    /// Eligible, or needs a person's review (with the reasons). Never "not eligible now".
    pub outcome: Outcome,
    /// Signs of automation, judged against the receipt time.
    pub flags: SpamFlags,
}

impl Accepted {
    /// `eligible` or `needs_review`, as stored.
    pub fn outcome_code(&self) -> &'static str {
        match self.outcome {
            Outcome::Eligible => "eligible",
            _ => "needs_review",
        }
    }

    /// The review reasons as stored codes, in the rules' order.
    pub fn reason_codes(&self) -> Vec<&'static str> {
        let reasons: &[ReviewReason] = match &self.outcome {
            Outcome::NeedsReview(reasons) => reasons,
            _ => &[],
        };
        reasons
            .iter()
            .map(|r| match r {
                ReviewReason::ConditionNotListed => "condition_not_listed",
                ReviewReason::InflammationNotSure => "inflammation_not_sure",
                ReviewReason::InfectionNotSure => "infection_not_sure",
            })
            .collect()
    }

    /// The review flags as stored codes.
    pub fn flag_codes(&self) -> Vec<&'static str> {
        [
            (self.flags.honeypot_filled, "honeypot"),
            (self.flags.too_fast, "too_fast"),
        ]
        .into_iter()
        .filter_map(|(on, code)| on.then_some(code))
        .collect()
    }
}

impl RequestBody {
    /// Validation, normalisation, eligibility and review flags, in one step; `ctx.now_ms` is the
    /// server's receipt time.
    pub fn decide(&self, ctx: &ValidationContext<'_>) -> Result<Accepted, Rejection> {
        let (request, outcome) = self.accept(ctx)?;
        let envelope = Envelope {
            reference: self.reference.clone(),
            idempotency_key: self.idempotency_key.clone(),
            locale: self.locale,
            app_version: self.app_version.clone(),
            attribution: self.attribution.clone(),
            honeypot: self.honeypot.clone(),
            started_at: self.started_at,
        };
        let mut body = RequestBody::new(&request, envelope);
        body.test = self.test;
        Ok(Accepted {
            body,
            outcome,
            flags: self.spam_flags(ctx.now_ms),
        })
    }
}
