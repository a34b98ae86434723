//! The field rules, one line per case: names, email, phone, free text, time zone and language,
//! each with the value it normalises to or the message it gives.

use domain::Msg;
use domain::request::{EmailAddress, FreeText, LanguageTag, PersonName, PhoneNumber, TimeZone};

fn check<T>(
    parse: fn(&str) -> Result<T, Msg>,
    shown: fn(&T) -> &str,
    input: &str,
    expect: Result<&str, Msg>,
) {
    let got = parse(input);
    assert_eq!(
        got.as_ref().map(shown).map_err(|m| *m),
        expect,
        "input {input:?}"
    );
}

fn name(s: &str) -> Result<PersonName, Msg> {
    PersonName::parse(s, Msg::ErrorPatientNameEmpty)
}
fn text(s: &str) -> Result<FreeText, Msg> {
    FreeText::parse(
        s,
        Msg::ErrorConditionTextEmpty,
        Msg::ErrorConditionTextTooLong,
    )
}

#[test]
fn names_in_any_script_up_to_200_characters() {
    fn c(input: &str, expect: Result<&str, Msg>) {
        check(name, PersonName::as_str, input, expect)
    }
    c("  Anna Schmidt ", Ok("Anna Schmidt"));
    c("Анна Шмидт", Ok("Анна Шмидт"));
    c("李小龍", Ok("李小龍"));
    c("محمد علي", Ok("محمد علي"));
    c("O'Brien-Łukasiewicz", Ok("O'Brien-Łukasiewicz"));
    c("", Err(Msg::ErrorPatientNameEmpty));
    c("   ", Err(Msg::ErrorPatientNameEmpty));
    c(&"é".repeat(200), Ok(&"é".repeat(200)));
    c(&"é".repeat(201), Err(Msg::ErrorNameTooLong));
    c(&"ж".repeat(200), Ok(&"ж".repeat(200)));
    c("Anna\nSchmidt", Err(Msg::ErrorControlCharacters));
    c("Anna\u{7}", Err(Msg::ErrorControlCharacters));
    c("Anna\u{202E}tdimhcS", Err(Msg::ErrorControlCharacters));
}

#[test]
fn names_are_stored_cleaned_and_invisible_names_are_empty() {
    fn c(input: &str, expect: Result<&str, Msg>) {
        check(name, PersonName::as_str, input, expect)
    }
    for edge in [
        "\n", "\t", "\r\n", "\u{B}", "\u{C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{200B}",
        "\u{FEFF}", "\u{200D}",
    ] {
        c(&format!("{edge}Ann Lee{edge}"), Ok("Ann Lee"));
    }
    for invisible in [
        "\u{200B}",
        "\u{200D}\u{200C}",
        "\u{FEFF}",
        "\u{2060}",
        "\u{3164}\u{3164}",
        "\u{E0041}\u{E0042}",
        " \u{200B} \u{200B} ",
    ] {
        c(invisible, Err(Msg::ErrorPatientNameEmpty));
    }
    // A joiner inside a name stays: some scripts need it.
    c("क्\u{200D}ष", Ok("क्\u{200D}ष"));
}

#[test]
fn a_full_name_has_letters() {
    fn c(input: &str, expect: Result<&str, Msg>) {
        check(name, PersonName::as_str, input, expect)
    }
    c("12345", Err(Msg::ErrorNameNotAName));
    c("A", Err(Msg::ErrorNameNotAName));
    c("A.", Err(Msg::ErrorNameNotAName));
    c("--", Err(Msg::ErrorNameNotAName));
    c("Al", Ok("Al"));
    c("李明", Ok("李明"));
    c("Anna 2", Ok("Anna 2"));
}

#[cfg(feature = "nfc")]
#[test]
fn names_are_nfc_normalised_before_counting() {
    // "e" + combining acute is one character after NFC, so 200 of them fit.
    let decomposed = "e\u{301}".repeat(200);
    assert_eq!(
        name(&decomposed).map(|n| n.as_str().to_owned()),
        Ok("é".repeat(200))
    );
}

#[test]
fn free_text_up_to_2000_characters_with_line_breaks() {
    fn c(input: &str, expect: Result<&str, Msg>) {
        check(text, FreeText::as_str, input, expect)
    }
    c(
        "Pain in both knees\r\nfor two years",
        Ok("Pain in both knees\nfor two years"),
    );
    c("Col 1\tCol 2", Ok("Col 1\tCol 2"));
    c(&"a".repeat(2000), Ok(&"a".repeat(2000)));
    c(&"a".repeat(2001), Err(Msg::ErrorConditionTextTooLong));
    c("", Err(Msg::ErrorConditionTextEmpty));
    c("bell \u{7} here", Err(Msg::ErrorControlCharacters));
}

#[test]
fn email_within_rfc_5321_lengths_any_case() {
    fn c(input: &str, expect: Result<&str, Msg>) {
        check(EmailAddress::parse, EmailAddress::as_str, input, expect)
    }
    let local64 = "a".repeat(64);
    let local65 = "a".repeat(65);
    c(" Anna.Schmidt@Example.DE ", Ok("Anna.Schmidt@example.de"));
    c(
        "name+tag@sub.example.co.uk",
        Ok("name+tag@sub.example.co.uk"),
    );
    c("jürgen@müller.de", Ok("jürgen@müller.de"));
    c(
        &format!("{local64}@example.com"),
        Ok(&format!("{local64}@example.com")),
    );
    c(
        &format!("{local65}@example.com"),
        Err(Msg::ErrorEmailLocalTooLong),
    );
    // 64 + "@" + 189 = 254 characters, the most RFC 5321 allows; one more is refused.
    let domain = |k: usize| format!("{}.{}.{}.de", "d".repeat(63), "d".repeat(63), "d".repeat(k));
    let total254 = format!("{local64}@{}", domain(58));
    c(&total254, Ok(&total254));
    c(
        &format!("{local64}@{}", domain(59)),
        Err(Msg::ErrorEmailTooLong),
    );
    c("", Err(Msg::ErrorEmailEmpty));
    c("name@example", Err(Msg::ErrorEmailFormat));
    c("name.example.com", Err(Msg::ErrorEmailFormat));
    c("na me@example.com", Err(Msg::ErrorEmailFormat));
    c("name@@example.com", Err(Msg::ErrorEmailFormat));
    c(".name@example.com", Err(Msg::ErrorEmailFormat));
    c("name@-example.com", Err(Msg::ErrorEmailFormat));
}

#[test]
fn phone_in_common_formats_to_e164() {
    fn c(input: &str, expect: Result<&str, Msg>) {
        check(PhoneNumber::parse, PhoneNumber::as_str, input, expect)
    }
    c("+49 30 1234567", Ok("+49301234567"));
    c("0049 30 1234567", Ok("+49301234567"));
    c("+49 (0)30 123-45-67", Ok("+49301234567"));
    c("+49.30.123.4567", Ok("+49301234567"));
    c("+1 (555) 123-4567", Ok("+15551234567"));
    c("+7 912 345 67 89", Ok("+79123456789"));
    c("+49 30/1234567", Ok("+49301234567"));
    c("+49\u{a0}30\u{a0}1234567", Ok("+49301234567"));
    c("+49301234", Ok("+49301234"));
    c("+4930123", Err(Msg::ErrorPhoneLength));
    c("+491234567890123", Ok("+491234567890123"));
    c("+4912345678901234", Err(Msg::ErrorPhoneLength));
    c("030 1234567", Err(Msg::ErrorPhoneCountryCode));
    c("01512 3456789", Err(Msg::ErrorPhoneCountryCode));
    c("+0 30 1234567", Err(Msg::ErrorPhoneFormat));
    c("+49 30 CALL-NOW", Err(Msg::ErrorPhoneFormat));
    c("+49 30 1234567 ext 2", Err(Msg::ErrorPhoneFormat));
    c("", Err(Msg::ErrorPhoneEmpty));
}

#[test]
fn time_zone_and_language_by_shape() {
    fn tz(input: &str, expect: Result<&str, Msg>) {
        check(TimeZone::parse, TimeZone::as_str, input, expect)
    }
    tz("Europe/Berlin", Ok("Europe/Berlin"));
    tz(
        "America/Argentina/Buenos_Aires",
        Ok("America/Argentina/Buenos_Aires"),
    );
    tz("UTC", Ok("UTC"));
    tz("Etc/GMT+3", Ok("Etc/GMT+3"));
    tz("", Err(Msg::ErrorTimeZoneEmpty));
    tz("Europe/../etc/passwd", Err(Msg::ErrorTimeZoneFormat));
    tz("Europe Berlin", Err(Msg::ErrorTimeZoneFormat));
    fn lang(input: &str, expect: Result<&str, Msg>) {
        check(LanguageTag::parse, LanguageTag::as_str, input, expect)
    }
    lang("de", Ok("de"));
    lang("RU", Ok("ru"));
    lang("pt-BR", Ok("pt-BR"));
    lang("", Err(Msg::ErrorLanguageEmpty));
    lang("german", Err(Msg::ErrorLanguageEmpty));
}
