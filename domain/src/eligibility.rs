//! Eligibility: the answers that decide whether a request can be taken now, and the rules over them.
//! Plain data in, one [`Outcome`] out; it never asks for contact details, reads no clock and
//! renders nothing (texts are [`crate::Msg`] keys the pages look up).

mod outcome;
mod rules;

pub use outcome::{Outcome, Refusal, ReviewReason};
pub use rules::{CALLBACK_HOURS, CountryStatus, Rules, rules};

use crate::catalogue::ConditionId;
use serde::{Deserialize, Serialize};

/// An answer to a screening question where doubt is allowed: "not sure" continues to a doctor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YesNoNotSure {
    Yes,
    No,
    NotSure,
}

/// An answer to a question that must be answered plainly (the urgent-care question).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YesNo {
    Yes,
    No,
}

/// Where the patient wants to be treated. Only the named countries are listed because the article
/// names them; every other country is `Other`, which gets the same offer of Germany.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TreatmentCountry {
    Germany,
    Turkey,
    Israel,
    Russia,
    Switzerland,
    SouthKorea,
    India,
    Other,
}

impl TreatmentCountry {
    /// Every choice, in the order the country page lists them.
    pub const ALL: [TreatmentCountry; 8] = [
        TreatmentCountry::Germany,
        TreatmentCountry::Turkey,
        TreatmentCountry::Israel,
        TreatmentCountry::Russia,
        TreatmentCountry::Switzerland,
        TreatmentCountry::SouthKorea,
        TreatmentCountry::India,
        TreatmentCountry::Other,
    ];
}

/// Whether the patient is 18 or over. Asked as a plain question rather than derived from a date
/// of birth: the rule needs only this, and a birth date is health-adjacent data we need not hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeGroup {
    Adult,
    Minor,
}

/// How the person filling in the form is related to the patient.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    ParentOrGuardian,
    SpouseOrPartner,
    SonOrDaughter,
    OtherRelative,
    Friend,
    Carer,
    Other,
}

impl Relation {
    pub const ALL: [Relation; 7] = [
        Relation::ParentOrGuardian,
        Relation::SpouseOrPartner,
        Relation::SonOrDaughter,
        Relation::OtherRelative,
        Relation::Friend,
        Relation::Carer,
        Relation::Other,
    ];
}

/// Who the request is for, as the first page asks it (the relation is a follow-up question).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhoForChoice {
    Myself,
    SomeoneElse,
}

/// Who the request is for, once that is known: someone else's names how the requester is
/// related. The rules read this ([`Answers::who_for`]), never the two answers apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WhoFor {
    Myself,
    SomeoneElse { relation: Relation },
}

/// The condition: one from the catalogue, or the user's own words (read by a doctor).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConditionChoice {
    Catalogue(ConditionId),
    SomethingElse(String),
}

/// The health-screening answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screening {
    pub active_inflammation: YesNoNotSure,
    pub acute_infection: YesNoNotSure,
    pub fever_or_unwell: YesNo,
}

/// Everything the rules read, and nothing else: names and contact details cannot sway them.
/// Each screening question is a field here and nowhere else: the wizard's
/// [`crate::request::Draft`] holds these answers as typed, and the validated request and the
/// wire body are converted to them. Each field is optional so the wizard can ask after every
/// step; an unanswered question neither refuses nor asks for review.
///
/// Saved on the device inside the draft with flat keys (`"who_for":"myself"`), so the field
/// names are part of every draft already saved: rename one only with a `serde(alias)`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub who_for: Option<WhoForChoice>,
    /// How the requester is related to the patient; read only when `who_for` is someone else
    /// (a draft keeps it when the reader switches back to "myself").
    pub relation: Option<Relation>,
    pub age_group: Option<AgeGroup>,
    pub condition: Option<ConditionChoice>,
    pub country: Option<TreatmentCountry>,
    pub active_inflammation: Option<YesNoNotSure>,
    pub acute_infection: Option<YesNoNotSure>,
    pub fever_or_unwell: Option<YesNo>,
}

impl Answers {
    /// Who the request is for, once known: "someone else" counts only with its relation.
    pub fn who_for(&self) -> Option<WhoFor> {
        match (self.who_for, self.relation) {
            (Some(WhoForChoice::Myself), _) => Some(WhoFor::Myself),
            (Some(WhoForChoice::SomeoneElse), Some(relation)) => {
                Some(WhoFor::SomeoneElse { relation })
            }
            _ => None,
        }
    }
}

impl From<Screening> for Answers {
    /// The health-screening answers, the other questions unanswered.
    fn from(s: Screening) -> Answers {
        Answers {
            active_inflammation: Some(s.active_inflammation),
            acute_infection: Some(s.acute_infection),
            fever_or_unwell: Some(s.fever_or_unwell),
            ..Answers::default()
        }
    }
}

/// The verdict on the answers given so far. Refusals win over review reasons: a request that cannot
/// be taken now is not sent to a doctor either.
pub fn evaluate(answers: &Answers) -> Outcome {
    let mut refusals = Vec::new();
    if answers.fever_or_unwell == Some(YesNo::Yes) {
        refusals.push(Refusal::UrgentCare);
    }
    if let Some(country) = answers.country {
        match rules().status(country) {
            CountryStatus::Arranged => {}
            CountryStatus::NotProcessedNow => {
                refusals.push(Refusal::CountryNotProcessedNow(country))
            }
            CountryStatus::NotArranged => refusals.push(Refusal::CountryNotArranged),
        }
    }
    if answers.active_inflammation == Some(YesNoNotSure::Yes) {
        refusals.push(Refusal::ActiveInflammation);
    }
    if answers.acute_infection == Some(YesNoNotSure::Yes) {
        refusals.push(Refusal::AcuteInfection);
    }
    let who_for = answers.who_for();
    let parent_fills_in = who_for
        == Some(WhoFor::SomeoneElse {
            relation: Relation::ParentOrGuardian,
        });
    if answers.age_group == Some(AgeGroup::Minor) && who_for.is_some() && !parent_fills_in {
        refusals.push(Refusal::MinorWithoutParent);
    }
    if !refusals.is_empty() {
        return Outcome::NotEligibleNow(refusals);
    }

    let mut reasons = Vec::new();
    if let Some(ConditionChoice::SomethingElse(_)) = answers.condition {
        reasons.push(ReviewReason::ConditionNotListed);
    }
    if answers.active_inflammation == Some(YesNoNotSure::NotSure) {
        reasons.push(ReviewReason::InflammationNotSure);
    }
    if answers.acute_infection == Some(YesNoNotSure::NotSure) {
        reasons.push(ReviewReason::InfectionNotSure);
    }
    if reasons.is_empty() {
        Outcome::Eligible
    } else {
        Outcome::NeedsReview(reasons)
    }
}
