//! The complete, validated request and its parts: nothing optional that the request needs, every
//! text normalised. Built only by `Draft::validate` (and the wire's `accept`, which calls it).

use super::{BestTime, EmailAddress, LanguageTag, PersonName, PhoneNumber, TimeZone};
use crate::eligibility::{
    AgeGroup, Answers, ConditionChoice, Outcome, Relation, Screening, TreatmentCountry,
    WhoForChoice,
};

/// A complete request: every answer present, valid and normalised, and not refused by the rules
/// at the time it was made (the server re-checks with [`crate::wire::RequestBody::accept`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreatmentRequest {
    pub condition: ConditionChoice,
    pub country: TreatmentCountry,
    pub screening: Screening,
    pub patient: Patient,
    pub requester: Requester,
    pub contact: Contact,
    pub consents: Consents,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Patient {
    pub name: PersonName,
    pub age_group: AgeGroup,
}

/// Who fills in the form: the patient, or someone else with their name and relation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Requester {
    Patient,
    SomeoneElse {
        name: PersonName,
        relation: Relation,
    },
}

/// How to reach the requester; the channel and its address travel together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub way: ContactWay,
    pub language: LanguageTag,
    pub best_time: BestTime,
    pub time_zone: TimeZone,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContactWay {
    Phone(PhoneNumber),
    WhatsApp(PhoneNumber),
    Telegram(PhoneNumber),
    Email(EmailAddress),
}

/// The consents; the two required ones are always given, marketing may be absent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consents {
    pub health_data: ConsentRecord,
    pub clinics: ConsentRecord,
    pub marketing: Option<ConsentRecord>,
}

/// A consent given: the version of the text agreed to and when (ms since epoch).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentRecord {
    pub version: String,
    pub given_at: u64,
}

impl TreatmentRequest {
    /// The answers the rules read, every one given.
    pub fn answers(&self) -> Answers {
        let (who_for, relation) = match &self.requester {
            Requester::Patient => (WhoForChoice::Myself, None),
            Requester::SomeoneElse { relation, .. } => (WhoForChoice::SomeoneElse, Some(*relation)),
        };
        Answers {
            who_for: Some(who_for),
            relation,
            age_group: Some(self.patient.age_group),
            condition: Some(self.condition.clone()),
            country: Some(self.country),
            ..Answers::from(self.screening)
        }
    }

    /// The rules' verdict on this request (eligible or needs review, unless the rules changed).
    pub fn eligibility(&self) -> Outcome {
        crate::eligibility::evaluate(&self.answers())
    }
}
