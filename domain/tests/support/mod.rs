//! What the domain's test files share: the answers of a patient who may apply.

use domain::catalogue::ConditionId;
use domain::eligibility::{
    AgeGroup, Answers, ConditionChoice, TreatmentCountry, WhoForChoice, YesNo, YesNoNotSure,
};

/// An adult applying for themselves, a listed condition, Germany, every health answer "no".
pub fn eligible_answers() -> Answers {
    Answers {
        who_for: Some(WhoForChoice::Myself),
        relation: None,
        age_group: Some(AgeGroup::Adult),
        condition: Some(ConditionChoice::Catalogue(ConditionId(
            "multiple-sclerosis".into(),
        ))),
        country: Some(TreatmentCountry::Germany),
        active_inflammation: Some(YesNoNotSure::No),
        acute_infection: Some(YesNoNotSure::No),
        fever_or_unwell: Some(YesNo::No),
    }
}
