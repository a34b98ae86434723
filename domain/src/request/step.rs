//! The wizard's steps in order, their URL slugs, numbering and the step to resume at. It knows
//! which answers each step holds; it renders nothing and reads no URL itself.

use super::{Draft, ValidationContext};
use crate::Msg;

/// A page of the wizard, in order. The URL is `/request/{slug}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    WhoFor,
    Condition,
    Country,
    Screening,
    Patient,
    Contact,
    Consent,
    Check,
    Done,
}

impl Step {
    pub const ALL: [Step; 9] = [
        Step::WhoFor,
        Step::Condition,
        Step::Country,
        Step::Screening,
        Step::Patient,
        Step::Contact,
        Step::Consent,
        Step::Check,
        Step::Done,
    ];

    /// The steps counted in "Step N of M": every page up to and including check your answers.
    pub const COUNTED: u8 = 8;

    pub const fn slug(self) -> &'static str {
        match self {
            Step::WhoFor => "who-for",
            Step::Condition => "condition",
            Step::Country => "country",
            Step::Screening => "health",
            Step::Patient => "patient",
            Step::Contact => "contact",
            Step::Consent => "consent",
            Step::Check => "check",
            Step::Done => "done",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.slug() == slug)
    }

    /// `(n, m)` for "Step n of m"; `None` for the confirmation page, which is not a step.
    pub fn number(self) -> Option<(u8, u8)> {
        let n = Step::ALL.iter().position(|s| *s == self)?;
        (self != Step::Done).then(|| (n as u8 + 1, Step::COUNTED))
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| Step::ALL.get(i + 1).copied())
    }

    /// The back link's target; `None` on the first step and on the confirmation (going back
    /// after submitting must not reopen the form).
    pub fn previous(self) -> Option<Step> {
        let i = Step::ALL.iter().position(|s| *s == self)?;
        (self != Step::Done)
            .then(|| i.checked_sub(1).map(|j| Step::ALL[j]))
            .flatten()
    }

    /// The page heading and the title's text after "Step n of m: ".
    pub fn title(self) -> Msg {
        match self {
            Step::WhoFor => Msg::StepWhoForTitle,
            Step::Condition => Msg::StepConditionTitle,
            Step::Country => Msg::StepCountryTitle,
            Step::Screening => Msg::StepScreeningTitle,
            Step::Patient => Msg::StepPatientTitle,
            Step::Contact => Msg::StepContactTitle,
            Step::Consent => Msg::StepConsentTitle,
            Step::Check => Msg::StepCheckTitle,
            Step::Done => Msg::StepDoneTitle,
        }
    }

    /// Where a user who opens a step by URL belongs: the first step with a missing or invalid
    /// answer, else check your answers. Never `Done`: only a server acknowledgement leads there.
    pub fn first_unanswered(draft: &Draft, ctx: &ValidationContext<'_>) -> Step {
        Step::ALL[..7]
            .iter()
            .copied()
            .find(|step| !draft.validate_step(*step, ctx).is_empty())
            .unwrap_or(Step::Check)
    }

    /// The step a user may see when asking for `wanted`: itself if every earlier step is
    /// answered, else the first unanswered one.
    pub fn allowed(wanted: Step, draft: &Draft, ctx: &ValidationContext<'_>) -> Step {
        let first = Step::first_unanswered(draft, ctx);
        if wanted <= first && wanted != Step::Done {
            wanted
        } else {
            first
        }
    }

    /// The step whose page shows the field at a wire pointer, to send a 422's errors back.
    pub fn for_pointer(pointer: &str) -> Option<Step> {
        let top = pointer.trim_start_matches('/').split('/').next()?;
        let tail = pointer
            .trim_start_matches('/')
            .split('/')
            .nth(1)
            .unwrap_or_default();
        Some(match (top, tail) {
            ("requester", "name") => Step::Contact,
            ("requester", _) | ("patient", "age_group") => Step::WhoFor,
            ("patient", _) => Step::Patient,
            ("condition", _) => Step::Condition,
            ("treatment_country", _) => Step::Country,
            ("screening", _) => Step::Screening,
            ("contact", _) => Step::Contact,
            ("consents", _) => Step::Consent,
            _ => return None,
        })
    }
}
