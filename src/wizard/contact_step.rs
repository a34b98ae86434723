//! Step 6: how and when to reach the requester: their name when filling in for someone else, the
//! channel and its number (with the number's country) or address, the language, and for a call
//! the best time; the time zone.

use domain::Msg;
use domain::eligibility::WhoForChoice;
use domain::request::{BestTime, ContactChannel, PhoneCountry, Step, answer_labels};
use leptos::prelude::*;

use super::phone_field::PhoneField;
use super::select_field::{OptionGroup, SelectField, SelectOption};
use super::state::{Bind, OTHER_PHONE_COUNTRY, bind};
use super::step_frame::{HEADING_ID, StepFrame};
use super::text_field::TextKind;
use super::time_zone_field::TimeZoneField;
use super::time_zones::device_time_zone;
use super::{RadioGroup, TextField, msg_options, use_wizard};
use crate::i18n::{I18n, use_i18n};

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

fn languages(i18n: I18n) -> Vec<OptionGroup> {
    let options = LANGUAGES
        .iter()
        .map(|(tag, msg)| {
            let msg = *msg;
            SelectOption {
                value: (*tag).to_owned(),
                label: Signal::derive(move || i18n.locale().text(msg).to_owned()),
            }
        })
        .collect();
    vec![OptionGroup {
        label: None,
        options,
    }]
}

#[component]
pub fn ContactStep() -> impl IntoView {
    let state = use_wizard();
    let i18n = use_i18n();
    // Sensible defaults the user can change: the interface language, the device's time zone and
    // the phone country they suggest.
    let locale = untrack(|| i18n.locale());
    state.update(|d| {
        if d.language.is_none() {
            d.language = Some(locale.tag().to_owned());
        }
        if d.time_zone.is_none() {
            d.time_zone = device_time_zone();
        }
    });
    state.saved.update(|s| {
        if s.phone_country.is_none() {
            let guess = PhoneCountry::guess(s.draft.time_zone.as_deref(), Some(locale.tag()));
            s.phone_country = Some(
                guess
                    .map_or(OTHER_PHONE_COUNTRY, PhoneCountry::iso)
                    .to_owned(),
            );
        }
    });
    let phone_country = Bind {
        value: Signal::derive(move || state.saved.with(|s| s.phone_country.clone())),
        set: Callback::new(move |c| state.saved.update(|s| s.phone_country = c)),
    };
    let someone_else = move || state.with(|d| d.answers.who_for == Some(WhoForChoice::SomeoneElse));
    let channel = Signal::derive(move || state.with(|d| d.channel));
    let channels = ContactChannel::ALL.map(|c| (c, answer_labels::channel(c)));
    let times = BestTime::ALL.map(|t| (t, answer_labels::best_time(t)));
    view! {
        <StepFrame step=Step::Contact>
            <h1 class="app-heading-xl" id=HEADING_ID tabindex="-1">
                {i18n.t(Msg::StepContactTitle)}
            </h1>
            <Show when=someone_else>
                <TextField
                    id="requester-name"
                    label=Msg::QuestionRequesterName
                    autocomplete="name"
                    bind=bind!(state, requester_name)
                />
            </Show>
            <RadioGroup
                id="contact-channel"
                legend=Msg::QuestionChannel
                options=msg_options(i18n, &channels)
                bind=bind!(state, channel)
            />
            <Show when=move || channel.get().is_some_and(ContactChannel::uses_phone)>
                <PhoneField country=phone_country number=bind!(state, phone) />
            </Show>
            <Show when=move || channel.get() == Some(ContactChannel::Email)>
                <TextField
                    id="contact-email"
                    label=Msg::QuestionEmail
                    kind=TextKind::Email
                    autocomplete="email"
                    bind=bind!(state, email)
                />
            </Show>
            <SelectField
                id="contact-language"
                label=Msg::QuestionLanguage
                groups=languages(i18n)
                bind=bind!(state, language)
            />
            // An email needs no best time to call (the domain sends "any time" for it).
            <Show when=move || channel.get() != Some(ContactChannel::Email)>
                <RadioGroup
                    id="contact-best-time"
                    legend=Msg::QuestionBestTime
                    options=msg_options(i18n, &times)
                    bind=bind!(state, best_time)
                />
            </Show>
            <TimeZoneField bind=bind!(state, time_zone) />
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
