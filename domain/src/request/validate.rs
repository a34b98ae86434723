//! Validation of the draft, one step at a time and as a whole. Each step's checks stand in one
//! function that both returns the step's errors and, when there are none, its validated part, so
//! the per-step and the whole-request checks cannot drift apart.

use super::*;

pub(super) type Checked<T> = Result<T, Vec<FieldError>>;

fn err(pointer: &'static str, msg: Msg) -> FieldError {
    FieldError { pointer, msg }
}

/// A required choice: its value, or one error.
fn required<T: Copy>(
    value: Option<T>,
    pointer: &'static str,
    msg: Msg,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    if value.is_none() {
        errors.push(err(pointer, msg));
    }
    value
}

/// A parsed text: its value, or one error.
fn parsed<T>(
    result: Result<T, Msg>,
    pointer: &'static str,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    result.map_err(|msg| errors.push(err(pointer, msg))).ok()
}

fn finish<T>(value: Option<T>, errors: Vec<FieldError>) -> Checked<T> {
    match value {
        Some(value) if errors.is_empty() => Ok(value),
        _ => Err(errors),
    }
}

pub(super) fn who_for(d: &Draft) -> Checked<(WhoForChoice, Option<Relation>, AgeGroup)> {
    let a = &d.answers;
    let mut e = Vec::new();
    let choice = required(a.who_for, "/requester", Msg::ErrorWhoForEmpty, &mut e);
    let relation = match choice {
        Some(WhoForChoice::SomeoneElse) => required(
            a.relation,
            "/requester/relation",
            Msg::ErrorRelationEmpty,
            &mut e,
        ),
        _ => None,
    };
    let age = required(
        a.age_group,
        "/patient/age_group",
        Msg::ErrorAgeGroupEmpty,
        &mut e,
    );
    finish(choice.zip(age).map(|(c, a)| (c, relation, a)), e)
}

pub(super) fn condition(d: &Draft, ctx: &ValidationContext<'_>) -> Checked<ConditionChoice> {
    match &d.answers.condition {
        None => Err(vec![err("/condition", Msg::ErrorConditionEmpty)]),
        Some(ConditionChoice::Catalogue(id)) if (ctx.is_listed)(id) => {
            Ok(ConditionChoice::Catalogue(id.clone()))
        }
        Some(ConditionChoice::Catalogue(_)) => Err(vec![err(
            "/condition/catalogue",
            Msg::ErrorConditionUnknown,
        )]),
        Some(ConditionChoice::SomethingElse(text)) => FreeText::parse(
            text,
            Msg::ErrorConditionTextEmpty,
            Msg::ErrorConditionTextTooLong,
        )
        .map(|t| ConditionChoice::SomethingElse(t.as_str().to_owned()))
        .map_err(|msg| vec![err("/condition/something_else", msg)]),
    }
}

pub(super) fn country(d: &Draft) -> Checked<TreatmentCountry> {
    d.answers
        .country
        .ok_or_else(|| vec![err("/treatment_country", Msg::ErrorCountryEmpty)])
}

pub(super) fn screening(d: &Draft) -> Checked<Screening> {
    let a = &d.answers;
    let mut e = Vec::new();
    let inflammation = required(
        a.active_inflammation,
        "/screening/active_inflammation",
        Msg::ErrorInflammationEmpty,
        &mut e,
    );
    let infection = required(
        a.acute_infection,
        "/screening/acute_infection",
        Msg::ErrorInfectionEmpty,
        &mut e,
    );
    let fever = required(
        a.fever_or_unwell,
        "/screening/fever_or_unwell",
        Msg::ErrorFeverEmpty,
        &mut e,
    );
    let all = inflammation.zip(infection).zip(fever);
    finish(
        all.map(
            |((active_inflammation, acute_infection), fever_or_unwell)| Screening {
                active_inflammation,
                acute_infection,
                fever_or_unwell,
            },
        ),
        e,
    )
}

pub(super) fn patient(d: &Draft) -> Checked<PersonName> {
    PersonName::parse(
        d.patient_name.as_deref().unwrap_or_default(),
        Msg::ErrorPatientNameEmpty,
    )
    .map_err(|msg| vec![err("/patient/name", msg)])
}

pub(super) fn contact(d: &Draft) -> Checked<(Option<PersonName>, Contact)> {
    let mut e = Vec::new();
    let requester_name = match d.answers.who_for {
        Some(WhoForChoice::SomeoneElse) => parsed(
            PersonName::parse(
                d.requester_name.as_deref().unwrap_or_default(),
                Msg::ErrorRequesterNameEmpty,
            ),
            "/requester/name",
            &mut e,
        ),
        _ => None,
    };
    let channel = required(
        d.channel,
        "/contact/channel",
        Msg::ErrorChannelEmpty,
        &mut e,
    );
    let phone = || PhoneNumber::parse(d.phone.as_deref().unwrap_or_default());
    let way = match channel {
        Some(ContactChannel::Phone) => {
            parsed(phone(), "/contact/phone", &mut e).map(ContactWay::Phone)
        }
        Some(ContactChannel::WhatsApp) => {
            parsed(phone(), "/contact/phone", &mut e).map(ContactWay::WhatsApp)
        }
        Some(ContactChannel::Telegram) => {
            parsed(phone(), "/contact/phone", &mut e).map(ContactWay::Telegram)
        }
        Some(ContactChannel::Email) => parsed(
            EmailAddress::parse(d.email.as_deref().unwrap_or_default()),
            "/contact/email",
            &mut e,
        )
        .map(ContactWay::Email),
        None => None,
    };
    let language = parsed(
        LanguageTag::parse(d.language.as_deref().unwrap_or_default()),
        "/contact/language",
        &mut e,
    );
    // The best time to call is asked only when we are to call; an email needs none.
    let best_time = match channel {
        Some(ContactChannel::Email) => Some(BestTime::Anytime),
        _ => required(
            d.best_time,
            "/contact/best_time",
            Msg::ErrorBestTimeEmpty,
            &mut e,
        ),
    };
    let time_zone = parsed(
        TimeZone::parse(d.time_zone.as_deref().unwrap_or_default()),
        "/contact/time_zone",
        &mut e,
    );
    let contact = match (way, language, best_time, time_zone) {
        (Some(way), Some(language), Some(best_time), Some(time_zone)) => Some((
            requester_name,
            Contact {
                way,
                language,
                best_time,
                time_zone,
            },
        )),
        _ => None,
    };
    finish(contact, e)
}

pub(super) fn consents(d: &Draft, ctx: &ValidationContext<'_>) -> Checked<Consents> {
    let mut e = Vec::new();
    if !d.consent_health_data {
        e.push(err("/consents/health_data", Msg::ErrorConsentHealthData));
    }
    if !d.consent_clinics {
        e.push(err("/consents/clinics", Msg::ErrorConsentClinics));
    }
    let record = || ConsentRecord {
        version: d
            .consent_version
            .clone()
            .unwrap_or_else(|| CONSENT_TEXT_VERSION.to_owned()),
        given_at: d.consent_given_at.unwrap_or(ctx.now_ms),
    };
    let consents = Consents {
        health_data: record(),
        clinics: record(),
        marketing: d.consent_marketing.then(record),
    };
    finish(Some(consents), e)
}
