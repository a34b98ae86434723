//! The wire contract of `POST /api/requests`, version 1: the JSON the wizard sends, the 201 answer
//! and the RFC 9457 problem details. It is an API other backends implement, so every struct refuses
//! unknown fields and names change only with a new `v`. No rules here: conversion to a
//! [`crate::request::TreatmentRequest`] (in `wire/acceptance.rs`) re-runs validation and eligibility.

mod acceptance;
mod checks;
mod decide;
mod ids;
mod problem;

pub use acceptance::{Envelope, Rejection};
pub use checks::{MIN_FILL_MS, SpamFlags};
pub use decide::Accepted;
pub use ids::{IdempotencyKey, Reference};
pub use problem::{FieldProblem, PROBLEM_CONTENT_TYPE, Problem};

use crate::Locale;
use crate::eligibility::{AgeGroup, ConditionChoice, Relation, Screening, TreatmentCountry};
use crate::request::{BestTime, ContactChannel};
use serde::{Deserialize, Serialize};

/// The contract version this crate writes and reads.
pub const VERSION: u32 = 1;

/// The path the wizard posts to.
pub const REQUESTS_PATH: &str = "/api/requests";

/// The body of `POST /api/requests`. The client makes `reference` and `idempotency_key` before the
/// first attempt and reuses them on every retry; the key is also sent as the `Idempotency-Key` header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestBody {
    /// Contract version, always [`VERSION`] for this type.
    pub v: u32,
    pub reference: Reference,
    pub idempotency_key: IdempotencyKey,
    /// `{"catalogue": "<id>"}` or `{"something_else": "<the user's words>"}`.
    pub condition: ConditionChoice,
    pub screening: Screening,
    pub treatment_country: TreatmentCountry,
    pub patient: Patient,
    /// Present exactly when someone else fills in the form for the patient.
    #[serde(default)]
    pub requester: Option<Requester>,
    pub contact: Contact,
    pub consents: Consents,
    /// Partner id and UTM fields when the wizard was opened with them.
    #[serde(default)]
    pub attribution: Option<Attribution>,
    /// The interface language the form was filled in.
    pub locale: Locale,
    /// The app's version (`CARGO_PKG_VERSION` of the app), for support.
    pub app_version: String,
    /// A field people never see; anything in it flags the request for review (never dropped).
    #[serde(default)]
    pub honeypot: String,
    /// When the form was opened, milliseconds since the Unix epoch (client clock).
    pub started_at: u64,
    /// A partner's test mode: validated like any request, answered with a test reference, never
    /// stored. Absent (false) in every real request, so their bytes do not change.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub test: bool,
}

/// The patient. No date of birth: the rules need only adult or minor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    pub name: String,
    pub age_group: AgeGroup,
}

/// The person filling in the form for someone else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requester {
    pub name: String,
    pub relation: Relation,
}

/// How and when to reach the requester (the patient when there is no requester). `phone` is
/// required for the phone-based channels, `email` for the email channel; the other may be absent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub channel: ContactChannel,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// BCP 47 language tag of the language to speak on the call, e.g. `de` or `ru`.
    pub language: String,
    pub best_time: BestTime,
    /// IANA time zone name, e.g. `Europe/Berlin`, so the manager calls at a sensible local hour.
    pub time_zone: String,
}

/// The consents, each with the version of the text the user agreed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consents {
    /// Required; optional here only so its absence is a 422 with a pointer, not a 400.
    #[serde(default)]
    pub health_data: Option<Consent>,
    /// Required, as `health_data`.
    #[serde(default)]
    pub clinics: Option<Consent>,
    /// Absent when not given; marketing is optional.
    #[serde(default)]
    pub marketing: Option<Consent>,
}

/// One consent given: the text's version and when (ms since the Unix epoch, client clock).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    pub version: String,
    pub given_at: u64,
}

/// Who sent the visitor: the embedding partner and the UTM fields. Each at most 200 characters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribution {
    #[serde(default)]
    pub partner: Option<String>,
    #[serde(default)]
    pub utm_source: Option<String>,
    #[serde(default)]
    pub utm_medium: Option<String>,
    #[serde(default)]
    pub utm_campaign: Option<String>,
    #[serde(default)]
    pub utm_term: Option<String>,
    #[serde(default)]
    pub utm_content: Option<String>,
}

/// The 201 answer: the reference the client made, and when the server committed it
/// (ms since the Unix epoch, server clock; a number so the domain needs no date library).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Created {
    pub reference: Reference,
    pub received_at: u64,
}
