//! The wizard's one context, [`WizardState`]: the draft as typed, what the client adds around it
//! (start time, honeypot, the reference and idempotency key once made), and the errors on show.
//! The draft is saved by one `Effect` whenever it changes and loaded once at start; a draft not
//! changed for [`DRAFT_DAYS`] days is deleted instead of loaded. [`Bind`] (and `bind!`) wire a
//! question's control to its answer in one line.

use domain::Msg;
use domain::catalogue::catalogue;
use domain::eligibility::Outcome;
use domain::request::{
    CONSENT_TEXT_VERSION, ContactChannel, Draft, FieldError, PhoneCountry, PhoneNumber, Step,
    ValidationContext,
};
use domain::wire::{IdempotencyKey, Reference};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::clock::now_ms;
use super::nfc::nfc;
use crate::storage;

/// What the device keeps between visits: the answers and the client's envelope fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedDraft {
    pub draft: Draft,
    /// When the form was first opened (ms since the Unix epoch).
    pub started_at: u64,
    /// The field people never see; a bot fills it in.
    pub honeypot: String,
    /// Made once, before the first attempt, and reused by every retry of the same body; the key
    /// alone is made again when the body changes (see `submission::prepare`).
    pub ids: Option<(Reference, IdempotencyKey)>,
    /// A fingerprint of the body last sent (or queued) with the key in `ids`.
    pub keyed_body: Option<u64>,
    /// When the answers last changed (ms since the Unix epoch): the draft expires from then.
    pub saved_at: u64,
    /// The country of a nationally written phone number (ISO code), [`OTHER_PHONE_COUNTRY`]
    /// when the number carries its country code, `None` until chosen or guessed.
    pub phone_country: Option<String>,
}

/// How long a draft stays on the device after its last change (said on the first step).
pub const DRAFT_DAYS: u64 = 30;
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// The phone country's value for "another country": the number is typed with its code.
pub const OTHER_PHONE_COUNTRY: &str = "other";

impl SavedDraft {
    /// True when the draft was last changed more than [`DRAFT_DAYS`] days before `now_ms`.
    pub fn expired(&self, now_ms: u64) -> bool {
        // A draft saved before drafts had a change time (saved_at 0) counts from its next change.
        self.saved_at != 0 && now_ms.saturating_sub(self.saved_at) > DRAFT_DAYS * DAY_MS
    }

    /// The chosen phone country, if it is one of ours.
    pub fn phone_country(&self) -> Option<PhoneCountry> {
        self.phone_country
            .as_deref()
            .and_then(PhoneCountry::from_iso)
    }
}

/// A question's answer as its control needs it: the value (tracked) and how to change it.
pub struct Bind<T: Send + Sync + 'static> {
    pub value: Signal<T>,
    pub set: Callback<T>,
}

impl<T: Send + Sync + 'static> Clone for Bind<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Bind<T> {}

/// `bind!(state, field)`: the draft's `field` bound to a control; `bind!(state, answers.field)`
/// for a question the rules read.
macro_rules! bind {
    ($state:expr, $($field:ident).+) => {
        $state.bind(|d| d.$($field).+.clone(), |d, v| d.$($field).+ = v)
    };
}
pub(crate) use bind;

/// A message on show beside a field and in the error summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorText {
    /// One of our own validation messages, shown in the current language.
    Msg(Msg),
    /// A sentence the server sent back with a 422.
    Server(String),
}

/// One error on a step's page: the field's HTML id and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownError {
    pub field_id: String,
    pub text: ErrorText,
}

impl From<&FieldError> for ShownError {
    fn from(error: &FieldError) -> ShownError {
        // The catalogue choice has no field of its own: its error belongs to the radios.
        let field_id = match error.field_id().as_str() {
            "condition-catalogue" => "condition".to_owned(),
            id => id.to_owned(),
        };
        ShownError {
            field_id,
            text: ErrorText::Msg(error.msg),
        }
    }
}

/// Where a step's Continue leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    Step(Step),
    NotEligible,
    UrgentCare,
}

/// The wizard's state; copy it freely, it is a handle to signals.
#[derive(Clone, Copy, Debug)]
pub struct WizardState {
    pub saved: RwSignal<SavedDraft>,
    /// The errors on show, with the step they belong to.
    pub errors: RwSignal<Option<(Step, Vec<ShownError>)>>,
    /// Set when the reader deleted their answers from this device, until they next continue:
    /// the page then says so.
    pub deleted: RwSignal<bool>,
}

/// Loads the saved draft (or starts one) and provides the wizard's context.
pub fn provide_wizard() -> WizardState {
    let now = now_ms();
    let mut saved = storage::load_draft().unwrap_or_default();
    if saved.expired(now) {
        storage::clear_draft();
        saved = SavedDraft::default();
    }
    if saved.started_at == 0 {
        saved.started_at = now;
    }
    let state = WizardState {
        saved: RwSignal::new(saved),
        errors: RwSignal::new(None),
        deleted: RwSignal::new(false),
    };
    // An empty draft is not kept: after a sent request the device holds no answers.
    Effect::new(move |_| {
        state.saved.with(|s| {
            if s.draft == Draft::default() && s.ids.is_none() {
                storage::clear_draft();
            } else {
                storage::save_draft(s);
            }
        })
    });
    provide_context(state);
    state
}

/// The wizard's context; only the request page provides it.
pub fn use_wizard() -> WizardState {
    expect_context::<WizardState>()
}

fn is_listed(id: &domain::catalogue::ConditionId) -> bool {
    catalogue().get(id).is_some()
}

/// Runs `f` with a validation context for this moment.
pub fn with_ctx<R>(f: impl FnOnce(&ValidationContext<'_>) -> R) -> R {
    let ctx = ValidationContext {
        is_listed: &is_listed,
        now_ms: now_ms(),
    };
    f(&ctx)
}

impl WizardState {
    /// Changes the draft; the saving `Effect` writes it to the device.
    pub fn update(self, f: impl FnOnce(&mut Draft)) {
        let now = now_ms();
        self.saved.update(|s| {
            f(&mut s.draft);
            s.saved_at = now;
        });
    }

    /// The answer `get` reads, bound to a control that changes it with `set`.
    pub fn bind<T: Clone + Send + Sync + 'static>(
        self,
        get: fn(&Draft) -> T,
        set: fn(&mut Draft, T),
    ) -> Bind<T> {
        Bind {
            value: Signal::derive(move || self.with(get)),
            set: Callback::new(move |value| self.update(|d| set(d, value))),
        }
    }

    /// Deletes every answer from this device (the draft and the last reference), keeps the
    /// page working with an empty draft, and marks it so the page can say what happened.
    pub fn delete_answers(self) {
        self.saved.set(SavedDraft {
            started_at: now_ms(),
            ..SavedDraft::default()
        });
        self.errors.set(None);
        storage::clear_draft();
        storage::forget_sent_reference();
        self.deleted.set(true);
    }

    /// Reads the draft, tracked.
    pub fn with<R>(self, f: impl FnOnce(&Draft) -> R) -> R {
        self.saved.with(|s| f(&s.draft))
    }

    /// The errors on show for `step`, tracked.
    pub fn errors_for(self, step: Step) -> Vec<ShownError> {
        self.errors.with(|e| match e {
            Some((s, list)) if *s == step => list.clone(),
            _ => Vec::new(),
        })
    }

    /// The verdict of the rules on the answers so far, untracked.
    pub fn outcome(self) -> Outcome {
        self.saved.with_untracked(|s| s.draft.eligibility())
    }

    /// Continue on `step`: normalise, validate, then the rules where they apply. On errors they
    /// are put on show and `None` is returned; otherwise where to go.
    pub fn advance(self, step: Step, return_to_check: bool) -> Option<Next> {
        let now = now_ms();
        self.update(|d| {
            normalise(d);
            if step == Step::Consent && d.consent_health_data && d.consent_clinics {
                d.consent_version = Some(CONSENT_TEXT_VERSION.to_owned());
                d.consent_given_at = Some(now);
            }
        });
        // A nationally written phone number becomes E.164 with its country; what does not fit
        // its country keeps what was typed and says why.
        let phone_problem = if step == Step::Contact {
            self.saved.try_update(national_phone).flatten()
        } else {
            None
        };
        let mut errors = with_ctx(|ctx| {
            self.saved
                .with_untracked(|s| s.draft.validate_step(step, ctx))
        });
        if let Some(msg) = phone_problem {
            errors
                .iter_mut()
                .filter(|e| e.pointer == "/contact/phone")
                .for_each(|e| e.msg = msg);
        }
        self.deleted.set(false);
        if !errors.is_empty() {
            let shown = errors.iter().map(ShownError::from).collect();
            self.errors.set(Some((step, shown)));
            return None;
        }
        self.errors.set(None);
        if matches!(step, Step::WhoFor | Step::Country | Step::Screening) {
            let outcome = self.outcome();
            if outcome.is_urgent() {
                return Some(Next::UrgentCare);
            }
            if !outcome.can_continue() {
                return Some(Next::NotEligible);
            }
        }
        let next = if return_to_check {
            Step::Check
        } else {
            step.next().unwrap_or(Step::Check)
        };
        Some(Next::Step(next))
    }

    /// The page a user asking for `wanted` may see now: the step itself, an earlier unanswered
    /// one, or the page the rules lead to when they refuse.
    pub fn allowed(self, wanted: Step) -> Next {
        let (allowed, outcome) = self.saved.with_untracked(|s| {
            let allowed = with_ctx(|ctx| Step::allowed(wanted, &s.draft, ctx));
            (allowed, s.draft.eligibility())
        });
        if allowed > Step::Screening && !outcome.can_continue() {
            return if outcome.is_urgent() {
                Next::UrgentCare
            } else {
                Next::NotEligible
            };
        }
        Next::Step(allowed)
    }
}

/// The phone number in E.164 when its country makes it one (`030 1234567` in Germany is
/// `+49301234567`); otherwise the rule's message, the number kept as typed.
fn national_phone(s: &mut SavedDraft) -> Option<Msg> {
    if !s.draft.channel.is_some_and(ContactChannel::uses_phone) {
        return None;
    }
    let country = s.phone_country();
    match PhoneNumber::parse_in(s.draft.phone.as_deref().unwrap_or_default(), country) {
        Ok(number) => {
            s.draft.phone = Some(number.as_str().to_owned());
            None
        }
        Err(msg) => Some(msg),
    }
}

/// NFC for every text answer (the browser's normaliser; the domain's is not in the wasm).
fn normalise(d: &mut Draft) {
    for text in [
        &mut d.patient_name,
        &mut d.requester_name,
        &mut d.phone,
        &mut d.email,
        &mut d.time_zone,
    ]
    .into_iter()
    .flatten()
    {
        *text = nfc(text);
    }
    if let Some(domain::eligibility::ConditionChoice::SomethingElse(text)) =
        &mut d.answers.condition
    {
        *text = nfc(text);
    }
}

impl Next {
    /// The address of the page.
    pub fn href(self) -> String {
        match self {
            Next::Step(step) => super::step_href(step),
            Next::NotEligible => crate::embed::wizard_href(super::NOT_ELIGIBLE_SLUG, false),
            Next::UrgentCare => crate::embed::wizard_href(super::URGENT_CARE_SLUG, false),
        }
    }
}

/// The text of an error in the current language.
pub fn error_text(text: &ErrorText, locale: domain::Locale) -> String {
    match text {
        ErrorText::Msg(msg) => locale.text(*msg).to_owned(),
        ErrorText::Server(detail) => detail.clone(),
    }
}
