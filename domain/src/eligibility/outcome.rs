//! The verdicts of the eligibility rules and the texts that go with them: why, what to do
//! instead, when to come back. It decides nothing; `eligibility::evaluate` does.

use super::TreatmentCountry;
use crate::{Locale, Msg};

/// The three outcomes. Urgent care is the refusal [`Refusal::UrgentCare`]; [`Outcome::is_urgent`]
/// tells the wizard to show the dedicated urgent-care page instead of the not-eligible page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Eligible,
    NeedsReview(Vec<ReviewReason>),
    NotEligibleNow(Vec<Refusal>),
}

impl Outcome {
    /// True when the patient should see a doctor now; this page takes precedence over the others.
    pub fn is_urgent(&self) -> bool {
        matches!(self, Outcome::NotEligibleNow(r) if r.contains(&Refusal::UrgentCare))
    }

    /// True unless the rules refuse the request now.
    pub fn can_continue(&self) -> bool {
        !matches!(self, Outcome::NotEligibleNow(_))
    }
}

/// Why a request cannot be taken now. Never a validation error: each one is explained on a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Refusal {
    /// Fever or feeling acutely unwell now: see a doctor now.
    UrgentCare,
    /// One of the countries named in the article's notice.
    CountryNotProcessedNow(TreatmentCountry),
    /// Any other country than Germany.
    CountryNotArranged,
    /// Active inflammation is a contraindication.
    ActiveInflammation,
    /// An acute infection is a contraindication.
    AcuteInfection,
    /// A minor's request must be made by a parent or guardian.
    MinorWithoutParent,
}

/// A refusal's texts in one language, ready for a page or a problem detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusalText {
    pub title: String,
    pub why: String,
    pub instead: String,
    pub come_back: String,
}

impl Refusal {
    /// The translation keys: title, why, what to do instead, when to come back. The country
    /// texts have a `{country}` placeholder, which [`Refusal::text`] fills.
    pub fn msgs(self) -> [Msg; 4] {
        match self {
            Refusal::UrgentCare => [
                Msg::UrgentTitle,
                Msg::UrgentWhy,
                Msg::UrgentInstead,
                Msg::UrgentComeBack,
            ],
            Refusal::CountryNotProcessedNow(_) => [
                Msg::RefusalCountryExcludedTitle,
                Msg::RefusalCountryExcludedWhy,
                Msg::RefusalCountryInstead,
                Msg::RefusalCountryComeBack,
            ],
            Refusal::CountryNotArranged => [
                Msg::RefusalCountryOtherTitle,
                Msg::RefusalCountryOtherWhy,
                Msg::RefusalCountryInstead,
                Msg::RefusalCountryComeBack,
            ],
            Refusal::ActiveInflammation => [
                Msg::RefusalInflammationTitle,
                Msg::RefusalInflammationWhy,
                Msg::RefusalContraindicationInstead,
                Msg::RefusalContraindicationComeBack,
            ],
            Refusal::AcuteInfection => [
                Msg::RefusalInfectionTitle,
                Msg::RefusalInfectionWhy,
                Msg::RefusalContraindicationInstead,
                Msg::RefusalContraindicationComeBack,
            ],
            Refusal::MinorWithoutParent => [
                Msg::RefusalMinorTitle,
                Msg::RefusalMinorWhy,
                Msg::RefusalMinorInstead,
                Msg::RefusalMinorComeBack,
            ],
        }
    }

    /// The texts in `locale`, placeholders filled.
    pub fn text(self, locale: Locale) -> RefusalText {
        let country = match self {
            Refusal::CountryNotProcessedNow(c) => {
                locale.text(crate::request::answer_labels::country(c))
            }
            _ => "",
        };
        let [title, why, instead, come_back] = self
            .msgs()
            .map(|msg| locale.format(msg, &[("country", country)]));
        RefusalText {
            title,
            why,
            instead,
            come_back,
        }
    }

    /// The JSON pointer of the wire field whose answer caused the refusal (for a 422).
    pub fn pointer(self) -> &'static str {
        match self {
            Refusal::UrgentCare => "/screening/fever_or_unwell",
            Refusal::CountryNotProcessedNow(_) | Refusal::CountryNotArranged => {
                "/treatment_country"
            }
            Refusal::ActiveInflammation => "/screening/active_inflammation",
            Refusal::AcuteInfection => "/screening/acute_infection",
            Refusal::MinorWithoutParent => "/patient/age_group",
        }
    }
}

/// Why a doctor should look at the request before anyone calls back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewReason {
    ConditionNotListed,
    InflammationNotSure,
    InfectionNotSure,
}

impl ReviewReason {
    /// A short sentence for check-your-answers and the staff export.
    pub fn msg(self) -> Msg {
        match self {
            ReviewReason::ConditionNotListed => Msg::ReviewConditionNotListed,
            ReviewReason::InflammationNotSure => Msg::ReviewInflammationNotSure,
            ReviewReason::InfectionNotSure => Msg::ReviewInfectionNotSure,
        }
    }
}
