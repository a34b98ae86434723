//! The request wizard: one component per step (each named `…Step`), the pages the rules lead to
//! (not eligible, urgent care, confirmation) and the form pieces they share. Rules, texts and the
//! wire contract come from `domain`; storage is `crate::storage`, HTTP is `crate::api`.

mod back_link;
mod check_answers_step;
mod check_row;
mod clock;
mod condition_filter;
mod condition_step;
mod confirmation_page;
mod consent_checkbox;
mod consent_step;
mod contact_step;
mod continue_button;
mod country_step;
mod delete_answers;
mod error_summary;
mod form_group;
mod health_step;
mod needs_script;
mod nfc;
mod not_eligible_page;
mod outbox_item;
mod outbox_list;
mod patient_step;
mod phone_field;
mod printing;
mod radio_group;
mod random;
mod select_field;
mod state;
mod step_frame;
mod submission;
mod text_field;
mod time_zone_field;
mod time_zones;
mod urgent_care_page;
mod who_for_step;

pub use back_link::BackLink;
pub use check_answers_step::CheckAnswersStep;
pub use condition_step::ConditionStep;
pub use confirmation_page::ConfirmationPage;
pub use consent_step::ConsentStep;
pub use contact_step::ContactStep;
pub use continue_button::ContinueButton;
pub use country_step::CountryStep;
pub use error_summary::ErrorSummary;
pub use health_step::HealthStep;
pub use needs_script::NeedsScript;
pub use not_eligible_page::NotEligiblePage;
pub use patient_step::PatientStep;
pub use radio_group::{RadioGroup, RadiosLayout, msg_options};
pub use state::{Bind, Next, SavedDraft, WizardState, provide_wizard, use_wizard};
pub use text_field::{TextField, TextKind};
pub use urgent_care_page::UrgentCarePage;
pub use who_for_step::WhoForStep;

/// The pages of `/request/{slug}` beyond the numbered steps.
pub const NOT_ELIGIBLE_SLUG: &str = "not-eligible";
pub const URGENT_CARE_SLUG: &str = "see-a-doctor";

/// The address of a step (under `/embed/request` inside a partner's frame).
pub fn step_href(step: domain::request::Step) -> String {
    crate::embed::wizard_href(step.slug(), false)
}

/// The address of a step opened from check your answers (`?return=check`): Continue there
/// leads back to check your answers.
pub fn change_href(step: domain::request::Step) -> String {
    crate::embed::wizard_href(step.slug(), true)
}
