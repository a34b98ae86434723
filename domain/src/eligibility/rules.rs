//! The one rules table: which treatment countries are arranged, which are not processed now, and
//! the call-back promise. The article's service-area notice reads the same table, so the list of
//! countries exists once. It holds data only; the decisions are in `eligibility::evaluate`.
//!
//! Why a Rust table and not a JSON file: the browser would have to parse it at start-up (a failure
//! path and bytes in the wasm) and the countries must match the `TreatmentCountry` enum anyway; here
//! the compiler checks both, and an editor still changes one line.

use super::TreatmentCountry;

/// Hours within which the company's manager calls back; the article and the confirmation promise it.
pub const CALLBACK_HOURS: u8 = 24;

/// How the service treats a treatment country.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CountryStatus {
    /// Treatment is arranged there (Germany).
    Arranged,
    /// Named in the article's notice: requests are not processed now.
    NotProcessedNow,
    /// Any other country: only Germany is arranged, so Germany is offered.
    NotArranged,
}

/// The service area. Obtain it with [`rules`].
#[derive(Debug)]
pub struct Rules {
    arranged: &'static [TreatmentCountry],
    not_processed_now: &'static [TreatmentCountry],
    callback_hours: u8,
}

static RULES: Rules = Rules {
    arranged: &[TreatmentCountry::Germany],
    // In the article's order: "Turkey, Israel, Russia, Switzerland, South Korea and India".
    not_processed_now: &[
        TreatmentCountry::Turkey,
        TreatmentCountry::Israel,
        TreatmentCountry::Russia,
        TreatmentCountry::Switzerland,
        TreatmentCountry::SouthKorea,
        TreatmentCountry::India,
    ],
    callback_hours: CALLBACK_HOURS,
};

/// The rules in force.
pub fn rules() -> &'static Rules {
    &RULES
}

impl Rules {
    /// The countries where treatment is arranged now (Germany only).
    pub fn arranged_countries(&self) -> &'static [TreatmentCountry] {
        self.arranged
    }

    /// The six countries whose requests are not processed now, in the article's order.
    pub fn excluded_countries(&self) -> &'static [TreatmentCountry] {
        self.not_processed_now
    }

    /// Hours within which the manager calls back.
    pub fn callback_hours(&self) -> u8 {
        self.callback_hours
    }

    /// The status of one country.
    pub fn status(&self, country: TreatmentCountry) -> CountryStatus {
        if self.arranged.contains(&country) {
            CountryStatus::Arranged
        } else if self.not_processed_now.contains(&country) {
            CountryStatus::NotProcessedNow
        } else {
            CountryStatus::NotArranged
        }
    }
}
