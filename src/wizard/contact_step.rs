//! Step 6: how and when to reach the requester: their name when filling in for someone else, the
//! channel and its number or address, the language, the best time and the time zone.

use domain::Msg;
use domain::request::{BestTime, ContactChannel, Step, WhoForChoice, label};
use leptos::prelude::*;

use super::browser;
use super::step_frame::{HEADING_ID, StepFrame, field_error};
use super::{RadioGroup, TextField, msg_options, use_wizard};
use crate::i18n::use_i18n;

const STEP: Step = Step::Contact;

/// The languages offered for the call, as BCP 47 tags with their names.
pub(super) const LANGUAGES: [(&str, Msg); 10] = [
    ("en", Msg::LanguageNameEn),
    ("de", Msg::LanguageNameDe),
    ("ru", Msg::LanguageNameRu),
    ("uk", Msg::LanguageNameUk),
    ("pl", Msg::LanguageNamePl),
    ("tr", Msg::LanguageNameTr),
    ("ar", Msg::LanguageNameAr),
    ("fr", Msg::LanguageNameFr),
    ("es", Msg::LanguageNameEs),
    ("it", Msg::LanguageNameIt),
];

#[component]
pub fn ContactStep() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    // Sensible defaults the user can change: the interface language and the device's time zone.
    let locale = untrack(|| i18n.locale());
    state.update(|d| {
        if d.language.is_none() {
            d.language = Some(locale.tag().to_owned());
        }
        if d.time_zone.is_none() {
            d.time_zone = browser::time_zone();
        }
    });
    let someone_else = move || state.with(|d| d.who_for == Some(WhoForChoice::SomeoneElse));
    let channel = Signal::derive(move || state.with(|d| d.channel));
    let channels = ContactChannel::ALL.map(|c| (c, label::channel(c)));
    let times = BestTime::ALL.map(|t| (t, label::best_time(t)));
    let language_error = field_error(state, STEP, &["contact-language"]);
    let text = move |get: fn(&domain::request::Draft) -> Option<String>| {
        Signal::derive(move || state.with(|d| get(d).unwrap_or_default()))
    };
    view! {
        <StepFrame step=STEP>
            <h1 class="app-heading-xl" id=HEADING_ID tabindex="-1">
                {i18n.t(Msg::StepContactTitle)}
            </h1>
            <Show when=someone_else>
                <TextField
                    id="requester-name"
                    label=Msg::QuestionRequesterName
                    autocomplete="name"
                    value=text(|d| d.requester_name.clone())
                    on_input=Callback::new(move |v| state.update(|d| d.requester_name = Some(v)))
                    error=field_error(state, STEP, &["requester-name"])
                />
            </Show>
            <RadioGroup
                id="contact-channel"
                legend=Msg::QuestionChannel
                options=msg_options(i18n, &channels)
                value=channel
                on_change=Callback::new(move |c| state.update(|d| d.channel = Some(c)))
                error=field_error(state, STEP, &["contact-channel"])
            />
            <Show when=move || channel.get().is_some_and(ContactChannel::uses_phone)>
                <TextField
                    id="contact-phone"
                    label=Msg::QuestionPhone
                    hint=Msg::QuestionPhoneHint
                    input_type="tel"
                    autocomplete="tel"
                    value=text(|d| d.phone.clone())
                    on_input=Callback::new(move |v| state.update(|d| d.phone = Some(v)))
                    error=field_error(state, STEP, &["contact-phone"])
                />
            </Show>
            <Show when=move || channel.get() == Some(ContactChannel::Email)>
                <TextField
                    id="contact-email"
                    label=Msg::QuestionEmail
                    input_type="email"
                    autocomplete="email"
                    value=text(|d| d.email.clone())
                    on_input=Callback::new(move |v| state.update(|d| d.email = Some(v)))
                    error=field_error(state, STEP, &["contact-email"])
                />
            </Show>
            <div class=move || {
                if language_error.with(Option::is_some) {
                    "app-form-group app-form-group--error"
                } else {
                    "app-form-group"
                }
            }>
                <label class="app-label" for="contact-language">
                    {i18n.t(Msg::QuestionLanguage)}
                </label>
                {move || {
                    language_error
                        .get()
                        .map(|t| view! { <p class="app-error-message" id="contact-language-error">{t}</p> })
                }}
                <select
                    class="app-select"
                    id="contact-language"
                    name="contact-language"
                    aria-describedby=move || {
                        language_error.with(Option::is_some).then_some("contact-language-error")
                    }
                    on:change=move |ev| {
                        let tag = event_target_value(&ev);
                        state.update(|d| d.language = Some(tag));
                    }
                >
                    {LANGUAGES
                        .iter()
                        .map(|(tag, msg)| {
                            let tag = *tag;
                            view! {
                                <option
                                    value=tag
                                    selected=move || state.with(|d| d.language.as_deref() == Some(tag))
                                >
                                    {i18n.t(*msg)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <RadioGroup
                id="contact-best-time"
                legend=Msg::QuestionBestTime
                options=msg_options(i18n, &times)
                value=Signal::derive(move || state.with(|d| d.best_time))
                on_change=Callback::new(move |t| state.update(|d| d.best_time = Some(t)))
                error=field_error(state, STEP, &["contact-best-time"])
            />
            <TextField
                id="contact-time-zone"
                label=Msg::QuestionTimeZone
                hint=Msg::QuestionTimeZoneHint
                autocomplete="off"
                value=text(|d| d.time_zone.clone())
                on_input=Callback::new(move |v| state.update(|d| d.time_zone = Some(v)))
                error=field_error(state, STEP, &["contact-time-zone"])
            />
            <div class="app-honeypot" aria-hidden="true">
                <label for="app-website">{i18n.t(Msg::WizardHoneypotLabel)}</label>
                <input
                    id="app-website"
                    name="website"
                    type="text"
                    tabindex="-1"
                    autocomplete="off"
                    prop:value=move || state.saved.with(|s| s.honeypot.clone())
                    on:input=move |ev| state.saved.update(|s| s.honeypot = event_target_value(&ev))
                />
            </div>
        </StepFrame>
    }
}
