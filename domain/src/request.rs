//! The request the wizard builds: a [`Draft`] (every answer optional, kept as typed) and a
//! [`TreatmentRequest`] (complete, validated, normalised). The only way from one to the other is
//! [`Draft::validate`]. No IO and no clock: `now` comes in through [`ValidationContext`].

pub mod answer_labels;
mod contact;
mod draft_validation;
mod email;
mod phone;
mod step;
mod text;
mod treatment_request;
mod validate;

pub use contact::{LanguageTag, TimeZone};
pub use email::EmailAddress;
pub use phone::{PhoneCountry, PhoneNumber};
pub use step::Step;
pub use text::{FREE_TEXT_MAX, FreeText, PersonName, nfc};
pub use treatment_request::{
    ConsentRecord, Consents, Contact, ContactWay, Patient, Requester, TreatmentRequest,
};

use crate::Msg;
use crate::catalogue::ConditionId;
use crate::eligibility::{
    AgeGroup, Answers, ConditionChoice, Outcome, Relation, Screening, TreatmentCountry,
    WhoForChoice,
};
use serde::{Deserialize, Serialize};

/// The version of the consent texts in `locales/*/wizard.toml`; change it with every change of
/// those texts, because each request records which version the user agreed to.
pub const CONSENT_TEXT_VERSION: &str = "2026-11-26";

/// How the requester wants to be contacted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactChannel {
    Phone,
    #[serde(rename = "whatsapp")]
    WhatsApp,
    Telegram,
    Email,
}

impl ContactChannel {
    pub const ALL: [ContactChannel; 4] = [
        ContactChannel::Phone,
        ContactChannel::WhatsApp,
        ContactChannel::Telegram,
        ContactChannel::Email,
    ];

    /// True when this channel needs a phone number (all but email).
    pub fn uses_phone(self) -> bool {
        self != ContactChannel::Email
    }
}

/// The best time of the requester's day for a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BestTime {
    Morning,
    Afternoon,
    Evening,
    Anytime,
}

impl BestTime {
    pub const ALL: [BestTime; 4] = [
        BestTime::Morning,
        BestTime::Afternoon,
        BestTime::Evening,
        BestTime::Anytime,
    ];
}

/// The wizard's answers so far, exactly as typed, saved on the device after every step.
/// Unknown or missing fields load as empty so an older saved draft still opens.
///
/// The screening questions are the rules' [`Answers`], held whole rather than repeated here,
/// and flattened so the saved JSON keeps the flat keys drafts were always saved with
/// (`{"who_for":"myself","age_group":"adult",…,"patient_name":…}`). `flatten` makes serde
/// read the object through its buffered `Content`; chosen over a hand-written flat mirror of
/// every field (a second declaration of each question) after measuring the wasm with and
/// without it (ARCHITECTURE.md, `request.rs` in the codemap). The wire body is not the draft:
/// `wire::RequestBody` and its JSON are unchanged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// Every answer the eligibility rules read.
    #[serde(flatten)]
    pub answers: Answers,
    pub patient_name: Option<String>,
    /// The name of the person filling in, asked only when the request is for someone else.
    pub requester_name: Option<String>,
    pub channel: Option<ContactChannel>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// BCP 47 tag of the language to speak on the call.
    pub language: Option<String>,
    pub best_time: Option<BestTime>,
    /// IANA name, normally prefilled from the browser.
    pub time_zone: Option<String>,
    /// Checkboxes: unticked is `false`, never presumed.
    pub consent_health_data: bool,
    pub consent_clinics: bool,
    pub consent_marketing: bool,
    /// Set by the consent page when continued: the text version shown and when (ms since epoch).
    pub consent_version: Option<String>,
    pub consent_given_at: Option<u64>,
}

impl Draft {
    /// The verdict on the answers so far: the wizard checks it after each step and shows the
    /// urgent-care or not-eligible page instead of the next question when it refuses.
    pub fn eligibility(&self) -> Outcome {
        crate::eligibility::evaluate(&self.answers)
    }
}

/// What validation needs from outside: whether a condition id is in the catalogue (the caller
/// passes `&|id| catalogue().get(id).is_some()`) and the current time.
#[derive(Clone, Copy)]
pub struct ValidationContext<'a> {
    pub is_listed: &'a dyn Fn(&ConditionId) -> bool,
    /// Milliseconds since the Unix epoch; used as the consent time when the draft lacks one.
    pub now_ms: u64,
}

/// One field's error: a JSON pointer into the wire body (stable, also the 422's `pointer`) and
/// the message to show beside the field and in the error summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub pointer: &'static str,
    pub msg: Msg,
}

impl FieldError {
    /// An HTML id for the field, so the error summary can link to it: `/patient/name` is `patient-name`.
    pub fn field_id(&self) -> String {
        pointer_to_id(self.pointer)
    }
}

/// `/patient/name` as an HTML id, `patient-name`.
pub fn pointer_to_id(pointer: &str) -> String {
    pointer.trim_start_matches('/').replace(['/', '_'], "-")
}
