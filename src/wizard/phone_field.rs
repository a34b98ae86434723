//! A phone number with its country: the country (guessed from the time zone or the language,
//! changeable, or "another country" to type the country code) and the number as the person
//! writes it at home or abroad. On Continue the domain's rule turns it into E.164
//! (`WizardState::advance`), so the request always carries `+49301234567`.

use domain::Msg;
use domain::request::PhoneCountry;
use leptos::prelude::*;

use super::select_field::{OptionGroup, SelectField, SelectOption};
use super::state::{Bind, OTHER_PHONE_COUNTRY};
use super::text_field::{TextField, TextKind};
use crate::i18n::{I18n, use_i18n};

fn country_name(country: PhoneCountry) -> Msg {
    match country {
        PhoneCountry::Germany => Msg::PhoneCountryDe,
        PhoneCountry::Austria => Msg::PhoneCountryAt,
        PhoneCountry::Switzerland => Msg::PhoneCountryCh,
        PhoneCountry::Netherlands => Msg::PhoneCountryNl,
        PhoneCountry::France => Msg::PhoneCountryFr,
        PhoneCountry::Italy => Msg::PhoneCountryIt,
        PhoneCountry::Spain => Msg::PhoneCountryEs,
        PhoneCountry::Poland => Msg::PhoneCountryPl,
        PhoneCountry::Ukraine => Msg::PhoneCountryUa,
        PhoneCountry::Turkey => Msg::PhoneCountryTr,
        PhoneCountry::UnitedKingdom => Msg::PhoneCountryGb,
        PhoneCountry::UnitedStates => Msg::PhoneCountryUs,
    }
}

/// "Germany (+49)", … and "Another country".
fn countries(i18n: I18n) -> Vec<OptionGroup> {
    let mut options: Vec<SelectOption> = PhoneCountry::ALL
        .into_iter()
        .map(|country| SelectOption {
            value: country.iso().to_owned(),
            label: Signal::derive(move || {
                format!(
                    "{} ({})",
                    i18n.locale().text(country_name(country)),
                    country.calling_code()
                )
            }),
        })
        .collect();
    options.push(SelectOption {
        value: OTHER_PHONE_COUNTRY.to_owned(),
        label: Signal::derive(move || i18n.locale().text(Msg::PhoneCountryOther).to_owned()),
    });
    vec![OptionGroup {
        label: None,
        options,
    }]
}

#[component]
pub fn PhoneField(country: Bind<Option<String>>, number: Bind<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <SelectField
            id="contact-phone-country"
            label=Msg::QuestionPhoneCountry
            groups=countries(i18n)
            bind=country
        />
        <TextField
            id="contact-phone"
            label=Msg::QuestionPhone
            hint=Msg::QuestionPhoneHint
            kind=TextKind::Tel
            autocomplete="tel"
            bind=number
        />
    }
}
