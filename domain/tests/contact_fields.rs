//! The contact step's rules beyond shape: national phone numbers with their country, and the
//! time zone checked against the IANA names (the server's list).

use domain::Msg;
use domain::request::{PhoneCountry, PhoneNumber, TimeZone};

fn phone(input: &str, country: Option<PhoneCountry>) -> Result<String, Msg> {
    PhoneNumber::parse_in(input, country).map(|p| p.as_str().to_owned())
}

#[test]
fn national_numbers_with_their_country_become_e164() {
    let de = Some(PhoneCountry::Germany);
    for input in [
        "030 1234567",
        "(030) 1234567",
        "030/1234567",
        "030-123 45 67",
    ] {
        assert_eq!(phone(input, de), Ok("+49301234567".into()), "{input}");
    }
    assert_eq!(phone("01512 3456789", de), Ok("+4915123456789".into()));
    // The international form wins whatever the country.
    assert_eq!(phone("+43 1 234567", de), Ok("+431234567".into()));
    assert_eq!(
        phone("0049 30 1234567", Some(PhoneCountry::France)),
        Ok("+49301234567".into())
    );
    let cases = [
        (PhoneCountry::Austria, "01 234567", "+431234567"),
        (PhoneCountry::Switzerland, "044 123 45 67", "+41441234567"),
        (PhoneCountry::Netherlands, "020 123 4567", "+31201234567"),
        (PhoneCountry::France, "01 23 45 67 89", "+33123456789"),
        (PhoneCountry::Italy, "06 1234 5678", "+390612345678"),
        (PhoneCountry::Spain, "912 34 56 78", "+34912345678"),
        (PhoneCountry::Poland, "12 345 67 89", "+48123456789"),
        (PhoneCountry::Ukraine, "044 123 4567", "+380441234567"),
        (PhoneCountry::Turkey, "0212 345 67 89", "+902123456789"),
        (
            PhoneCountry::UnitedKingdom,
            "020 7946 0958",
            "+442079460958",
        ),
        (PhoneCountry::UnitedStates, "(555) 123-4567", "+15551234567"),
        (PhoneCountry::UnitedStates, "1 555 123 4567", "+15551234567"),
    ];
    for (country, input, e164) in cases {
        assert_eq!(
            phone(input, Some(country)),
            Ok(e164.into()),
            "{country:?} {input}"
        );
    }
}

#[test]
fn national_numbers_that_do_not_fit_their_country_say_so() {
    let de = Some(PhoneCountry::Germany);
    // Without the trunk prefix a German number is ambiguous; too short or too long is wrong.
    assert_eq!(phone("30 1234567", de), Err(Msg::ErrorPhoneNational));
    assert_eq!(phone("030 12", de), Err(Msg::ErrorPhoneNational));
    assert_eq!(
        phone("0 30 1234567 8901234", de),
        Err(Msg::ErrorPhoneNational)
    );
    assert_eq!(
        phone("044 123 45", Some(PhoneCountry::Switzerland)),
        Err(Msg::ErrorPhoneNational)
    );
    assert_eq!(phone("030 CALL", de), Err(Msg::ErrorPhoneFormat));
    assert_eq!(phone("", de), Err(Msg::ErrorPhoneEmpty));
    // No country: the country code is asked for, as before.
    assert_eq!(phone("030 1234567", None), Err(Msg::ErrorPhoneCountryCode));
    assert_eq!(
        PhoneNumber::parse("030 1234567").map(|_| ()),
        Err(Msg::ErrorPhoneCountryCode)
    );
}

#[test]
fn the_phone_country_is_guessed_from_the_time_zone_then_the_language() {
    use PhoneCountry::*;
    assert_eq!(
        PhoneCountry::guess(Some("Europe/Berlin"), Some("en")),
        Some(Germany)
    );
    assert_eq!(
        PhoneCountry::guess(Some("Europe/Vienna"), Some("de")),
        Some(Austria)
    );
    assert_eq!(
        PhoneCountry::guess(Some("Asia/Tokyo"), Some("de")),
        Some(Germany)
    );
    assert_eq!(PhoneCountry::guess(None, Some("pl")), Some(Poland));
    assert_eq!(PhoneCountry::guess(Some("UTC"), Some("en")), None);
    for country in PhoneCountry::ALL {
        assert_eq!(PhoneCountry::from_iso(country.iso()), Some(country));
        let json = serde_json::to_string(&country).expect("serialises");
        assert_eq!(json, format!("\"{}\"", country.iso()));
    }
}

#[test]
fn time_zones_are_iana_names_only() {
    let tz = |s: &str| TimeZone::parse(s).map(|t| t.as_str().to_owned());
    for name in [
        "Europe/Berlin",
        "America/Argentina/Buenos_Aires",
        "UTC",
        "Etc/GMT+3",
        "Europe/Kyiv",
        "Europe/Kiev",
        "Asia/Calcutta",
    ] {
        assert_eq!(tz(name), Ok(name.to_owned()));
    }
    for wrong in [
        "xyz",
        "GMT+2",
        "Mitteleuropäische Zeit",
        "Europe/Atlantis",
        "Factory",
    ] {
        assert_eq!(tz(wrong), Err(Msg::ErrorTimeZoneFormat), "{wrong}");
    }
    assert_eq!(tz(""), Err(Msg::ErrorTimeZoneEmpty));
}

/// Every name Chromium's `Intl.supportedValuesOf('timeZone')` offers (Debian's chromium, with
/// the zone `UTC` it reports as the device's), so the wizard's list and the server's check agree.
#[test]
fn every_time_zone_the_browser_offers_is_accepted() {
    let browser = include_str!("fixtures/chromium_time_zones.txt");
    let refused: Vec<&str> = browser
        .split_whitespace()
        .filter(|name| TimeZone::parse(name).is_err())
        .collect();
    assert!(browser.split_whitespace().count() > 400);
    assert_eq!(refused, Vec::<&str>::new());
}
