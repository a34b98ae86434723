//! Wizard steps in headless Chromium (wasm-bindgen-test): each mounted inside the router with the
//! language context, checked by what a user sees and where focus is.
use crate::support::{WithLanguage, find, mount, settle, text_of};
use app::pages::RequestPage;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

const DRAFT_KEY: &str = "ct.draft.v1";

/// Starts each test from the same place: the given saved draft (or none), the given address.
fn reset(url: &str, saved: Option<&str>) {
    crate::support::reset(url);
    if let Some(json) = saved {
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .expect("local storage");
        storage.set_item(DRAFT_KEY, json).expect("set item");
    }
}

fn mount_wizard() -> (web_sys::HtmlElement, impl Drop) {
    mount(|| {
        view! {
            <Router>
                <WithLanguage>
                    <Routes fallback=|| "not found">
                        <Route path=path!("/request/:step") view=RequestPage />
                    </Routes>
                </WithLanguage>
            </Router>
        }
        .into_any()
    })
}

fn focused_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

fn path() -> String {
    web_sys::window()
        .expect("window")
        .location()
        .pathname()
        .expect("pathname")
}

fn click(host: &web_sys::HtmlElement, selector: &str) {
    find(host, selector)
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .click();
}

const COMPLETE: &str = r#"{"draft":{"who_for":"myself","age_group":"adult",
"condition":{"catalogue":"immunodeficiency"},"country":"germany","active_inflammation":"no",
"acute_infection":"not_sure","fever_or_unwell":"no","patient_name":"Zoë Müller","channel":"email",
"email":"zoe@example.com","language":"de","best_time":"morning","time_zone":"Europe/Berlin",
"consent_health_data":true,"consent_clinics":true},"started_at":1}"#;

/// The complete draft with neither required consent given.
fn without_consent() -> String {
    COMPLETE
        .replace(
            r#""consent_health_data":true"#,
            r#""consent_health_data":false"#,
        )
        .replace(r#""consent_clinics":true"#, r#""consent_clinics":false"#)
}

#[wasm_bindgen_test]
async fn the_first_step_shows_its_question_as_the_heading_and_leaves_focus_at_the_start() {
    reset("/request/who-for", None);
    let (host, _handle) = mount_wizard();
    settle().await;
    assert_eq!(text_of(&host, "h1"), "Who is this request for?");
    assert!(
        find(&host, "legend h1").is_some(),
        "the legend is the heading"
    );
    // A page the browser opened starts where every page starts (the prerendered copy's focus,
    // if any, is the takeover's to keep).
    assert_eq!(focused_id(), "", "focus stays on the page");
    assert!(
        find(&host, "[role=alert]").is_none(),
        "no errors before Continue"
    );
}

#[wasm_bindgen_test]
async fn continue_opens_the_next_step_with_its_heading_focused() {
    reset("/request/who-for", None);
    let (host, _handle) = mount_wizard();
    settle().await;
    click(&host, "#requester");
    click(&host, "#patient-age-group");
    click(&host, "button[type=submit]");
    settle().await;
    assert_eq!(path(), "/request/condition");
    assert_eq!(focused_id(), "app-step-heading");
}

#[wasm_bindgen_test]
async fn an_empty_continue_shows_a_focused_error_summary_linked_to_the_fields() {
    reset("/request/who-for", None);
    let (host, _handle) = mount_wizard();
    settle().await;
    click(&host, "button[type=submit]");
    settle().await;
    assert_eq!(text_of(&host, "[role=alert] h2"), "There is a problem");
    assert_eq!(focused_id(), "app-error-summary");
    let links = host
        .query_selector_all("[role=alert] a")
        .expect("valid selector");
    assert_eq!(links.length(), 2, "who it is for and the age group");
    let first: web_sys::Element = links.get(0).expect("a link").unchecked_into();
    assert_eq!(first.get_attribute("href").as_deref(), Some("#requester"));
    assert!(
        find(&host, "#requester").is_some(),
        "the link's target exists"
    );
    assert_eq!(
        text_of(&host, "#requester-error"),
        "Error: Select who the request is for"
    );
    assert_eq!(
        path(),
        "/request/who-for",
        "an error keeps the user on the step"
    );
}

#[wasm_bindgen_test]
async fn a_later_step_opened_by_url_goes_to_the_first_unanswered() {
    reset("/request/contact", None);
    let (_host, _handle) = mount_wizard();
    settle().await;
    assert_eq!(path(), "/request/who-for");
}

#[wasm_bindgen_test]
async fn answers_are_saved_on_the_device_as_they_are_given() {
    reset("/request/who-for", None);
    let (host, _handle) = mount_wizard();
    settle().await;
    click(&host, "#requester");
    settle().await;
    let saved = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .expect("a saved draft");
    assert!(saved.contains(r#""who_for":"myself""#), "{saved}");
}

#[wasm_bindgen_test]
async fn a_saved_excluded_country_leads_to_the_not_eligible_page() {
    reset(
        "/request/patient",
        Some(
            r#"{"draft":{"who_for":"myself","age_group":"adult","condition":{"catalogue":"immunodeficiency"},
            "country":"turkey","active_inflammation":"no","acute_infection":"no","fever_or_unwell":"no"}}"#,
        ),
    );
    let (host, _handle) = mount_wizard();
    settle().await;
    assert_eq!(path(), "/request/not-eligible");
    assert_eq!(text_of(&host, "h1"), "We cannot take your request now");
    assert!(text_of(&host, ".app-refusal h2").contains("Turkey"));
}

#[wasm_bindgen_test]
async fn check_your_answers_lists_the_answers_with_change_links() {
    reset("/request/check", Some(COMPLETE));
    let (host, _handle) = mount_wizard();
    settle().await;
    assert_eq!(path(), "/request/check");
    assert!(
        host.text_content()
            .unwrap_or_default()
            .contains("Zoë Müller")
    );
    let change = find(&host, "a[href='/request/patient?return=check']");
    assert!(change.is_some(), "a Change link that returns to check");
    assert!(
        host.text_content()
            .unwrap_or_default()
            .contains("A doctor will check whether there is an acute infection."),
        "the review reason is shown"
    );
}

#[wasm_bindgen_test]
async fn consent_continue_records_the_version_and_opens_check() {
    reset("/request/consent", Some(&without_consent()));
    let (host, _handle) = mount_wizard();
    settle().await;
    assert_eq!(path(), "/request/consent");
    click(&host, "#consents-health-data");
    click(&host, "#consents-clinics");
    settle().await;
    click(&host, "button[type=submit]");
    settle().await;
    assert_eq!(path(), "/request/check");
    assert_eq!(
        text_of(&host, "h1"),
        "Check your answers before sending your request"
    );
    let saved = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .expect("a saved draft");
    assert!(
        saved.contains(r#""consent_version":"2026-11-26""#),
        "{saved}"
    );
}

#[wasm_bindgen_test]
async fn history_to_a_step_too_early_is_redirected_and_rendered() {
    reset("/request/done", None);
    let (host, _handle) = mount_wizard();
    settle().await;
    let window = web_sys::window().expect("window");
    window
        .history()
        .expect("history")
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/request/consent"))
        .expect("pushState");
    let event = web_sys::Event::new("popstate").expect("an event");
    window.dispatch_event(&event).expect("dispatch");
    settle().await;
    assert_eq!(path(), "/request/who-for");
    assert_eq!(text_of(&host, "h1"), "Who is this request for?");
}

/// Every control in error, of every field type, says so the same way (the form kit's one
/// `FormGroup`): `aria-invalid`, its error in `aria-describedby`, the hidden "Error:" prefix.
fn assert_every_error_is_announced(host: &web_sys::HtmlElement, ids: &[&str]) {
    for id in ids {
        let control = find(host, &format!("#{id}")).unwrap_or_else(|| panic!("#{id}"));
        assert_eq!(
            control.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "{id}"
        );
        let described = control
            .get_attribute("aria-describedby")
            .unwrap_or_default();
        assert!(
            described.split(' ').any(|d| d == format!("{id}-error")),
            "{id}: {described}"
        );
        let message = text_of(host, &format!("#{id}-error"));
        assert!(message.starts_with("Error: "), "{id}: {message}");
    }
}

#[wasm_bindgen_test]
async fn checkboxes_selects_and_inputs_in_error_are_announced_alike() {
    reset("/request/consent", Some(&without_consent()));
    let (host, handle) = mount_wizard();
    settle().await;
    click(&host, "button[type=submit]");
    settle().await;
    assert_every_error_is_announced(&host, &["consents-health-data", "consents-clinics"]);
    drop(handle);

    let unreadable = COMPLETE
        .replace(r#""language":"de""#, r#""language":"klingon-x""#)
        .replace(r#""email":"zoe@example.com""#, r#""email":"zoe""#);
    reset("/request/contact", Some(&unreadable));
    let (host, _handle) = mount_wizard();
    settle().await;
    click(&host, "button[type=submit]");
    settle().await;
    assert_eq!(focused_id(), "app-error-summary");
    assert_every_error_is_announced(&host, &["contact-email", "contact-language"]);
}

#[wasm_bindgen_test]
async fn an_email_is_asked_no_best_time_and_the_time_zone_is_a_list() {
    reset("/request/contact", Some(COMPLETE));
    let (host, _handle) = mount_wizard();
    settle().await;
    assert!(
        find(&host, "#contact-best-time").is_none(),
        "no best time for an email"
    );
    let zone = find(&host, "select#contact-time-zone").expect("a list of time zones");
    let read = |name: &str| js_sys::Reflect::get(&zone, &name.into()).expect(name);
    assert_eq!(read("value").as_string().as_deref(), Some("Europe/Berlin"));
    assert!(
        read("length").as_f64().unwrap_or(0.0) > 400.0,
        "the browser's zones"
    );
    assert!(
        find(&host, "select#contact-time-zone optgroup").is_some(),
        "grouped"
    );
}
