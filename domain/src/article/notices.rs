//! The words of the notices that come from the rules rather than from the content file: the
//! service area (countries not processed now, where treatment is arranged) and the call to
//! action with the call-back promise. Both the app and the prerender tool call these, so the
//! first paint and the running app say the same thing.

use crate::eligibility::rules;
use crate::request::answer_labels;
use crate::{Locale, Msg};

/// The service-area notice in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceArea {
    /// "… in Turkey, Israel, … and India, we are not currently processing requests …".
    pub not_processed: String,
    /// "We arrange treatment in Germany …".
    pub offer: String,
}

/// The call to action in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallToAction {
    pub title: &'static str,
    pub body: String,
    pub link: &'static str,
    /// Where the link goes: the wizard's first step.
    pub href: &'static str,
}

/// The first step of the request wizard.
const REQUEST_HREF: &str = "/request/who-for";

pub fn service_area(locale: Locale) -> ServiceArea {
    let names = |countries: &[crate::eligibility::TreatmentCountry]| {
        let names: Vec<&str> = countries
            .iter()
            .map(|&country| locale.text(answer_labels::country(country)))
            .collect();
        join_names(locale, &names)
    };
    let rules = rules();
    let hours = rules.callback_hours().to_string();
    ServiceArea {
        not_processed: locale.format(
            Msg::ArticleServiceAreaNotProcessed,
            &[("countries", &names(rules.excluded_countries()))],
        ),
        offer: locale.format(
            Msg::ArticleServiceAreaOffer,
            &[
                ("arranged", &names(rules.arranged_countries())),
                ("hours", &hours),
            ],
        ),
    }
}

pub fn call_to_action(locale: Locale) -> CallToAction {
    let hours = rules().callback_hours().to_string();
    CallToAction {
        title: locale.text(Msg::ArticleCtaTitle),
        body: locale.format(Msg::ArticleCtaBody, &[("hours", &hours)]),
        link: locale.text(Msg::ArticleCtaLink),
        href: REQUEST_HREF,
    }
}

/// "A", "A and B", "A, B and C", with the language's word for "and".
pub fn join_names(locale: Locale, names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => {
            format!(
                "{} {} {last}",
                init.join(", "),
                locale.text(Msg::ArticleListAnd)
            )
        }
    }
}

/// The public sources the patient-safety block links to.
pub const FDA_URL: &str = "https://www.fda.gov/consumers/consumer-updates/important-patient-and-consumer-information-about-regenerative-medicine-therapies";
pub const ISSCR_URL: &str = "https://www.isscr.org/guidelines";

/// The questions worth asking any clinic, in the order the patient-safety block lists them.
pub const SAFETY_QUESTIONS: [Msg; 5] = [
    Msg::ArticleSafetyQuestionTrial,
    Msg::ArticleSafetyQuestionEvidence,
    Msg::ArticleSafetyQuestionAlternatives,
    Msg::ArticleSafetyQuestionRisks,
    Msg::ArticleSafetyQuestionCost,
];
