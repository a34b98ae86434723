//! The offline bridge's views in headless Chromium, fed a made-up report of the outbox module:
//! the footer's "saved for offline" line, and the outbox view on the confirmation page (the date
//! and time an item was saved, the way to fix it, the discard that asks first).
use crate::support::{WithLanguage, find, mount, settle, text_of};
use app::components::OfflineCopy;
use app::offline::{OfflineState, OutboxItem, SavedCopy};
use app::pages::RequestPage;
use domain::wire::FieldProblem;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen_test::wasm_bindgen_test;

/// 20 November 2026, 12:05 UTC: the same day in every time zone the tests may run in.
const AT: f64 = 1_795_176_300_000.0;
const REFERENCE: &str = "CT-7K3M9Q2X";

/// Provides a made-up outbox report where `App` would provide the real one.
#[component]
fn WithOffline(state: RwSignal<OfflineState>, children: Children) -> impl IntoView {
    provide_context(state);
    children()
}

fn mount_footer_line(state: RwSignal<OfflineState>) -> (web_sys::HtmlElement, impl Drop) {
    mount(move || {
        view! {
            <Router>
                <WithLanguage>
                    <WithOffline state=state>
                        <OfflineCopy />
                    </WithOffline>
                </WithLanguage>
            </Router>
        }
        .into_any()
    })
}

fn mount_confirmation(state: RwSignal<OfflineState>) -> (web_sys::HtmlElement, impl Drop) {
    mount(move || {
        view! {
            <Router>
                <WithLanguage>
                    <WithOffline state=state>
                        <Routes fallback=|| "not found">
                            <Route path=path!("/request/:step") view=RequestPage />
                        </Routes>
                    </WithOffline>
                </WithLanguage>
            </Router>
        }
        .into_any()
    })
}

fn refused() -> OfflineState {
    OfflineState {
        ready: true,
        items: vec![OutboxItem {
            reference: REFERENCE.to_owned(),
            queued_at: AT,
            attention: true,
            detail: "Enter an email address in the correct format.".to_owned(),
            errors: vec![FieldProblem {
                pointer: "/contact/email".to_owned(),
                detail: "Enter an email address in the correct format.".to_owned(),
            }],
            old: false,
        }],
        ..OfflineState::default()
    }
}

fn focused_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// The worker reports the site saved for reading offline at `AT`.
fn saved_copy() -> RwSignal<OfflineState> {
    RwSignal::new(OfflineState {
        ready: true,
        copy: SavedCopy::Saved,
        copy_saved_at: Some(AT),
        ..OfflineState::default()
    })
}

fn click(host: &web_sys::HtmlElement, selector: &str) {
    find(host, selector)
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .click();
}

#[wasm_bindgen_test]
async fn the_footer_says_when_the_site_was_saved_and_one_button_removes_or_saves_it() {
    crate::support::reset("/");
    let state = saved_copy();
    let (host, _handle) = mount_footer_line(state);
    settle().await;
    let line = text_of(&host, ".app-offline-copy__state");
    assert!(
        line.starts_with("Saved on this device for reading offline on ") && line.contains("2026"),
        "{line}"
    );
    assert!(line.contains(":05"), "the time too: {line}");
    assert_eq!(text_of(&host, "button"), "Remove the saved copy");
    let button = find(&host, "button").expect("the button");
    button.focus().expect("focus");

    state.update(|s| {
        s.copy = SavedCopy::Absent;
        s.copy_saved_at = None;
    });
    settle().await;
    assert_eq!(
        text_of(&host, ".app-offline-copy__state"),
        "This site is not saved on this device for reading offline."
    );
    assert_eq!(text_of(&host, "button"), "Save for reading offline");
    let focused = document().active_element().expect("focus somewhere");
    assert!(
        focused.is_same_node(Some(&button)),
        "the same button keeps the focus"
    );

    state.update(|s| s.copy = SavedCopy::Unsupported);
    settle().await;
    assert!(
        find(&host, ".app-offline-copy").is_none(),
        "nothing where there is no service worker (a partner's frame)"
    );
}

#[wasm_bindgen_test]
async fn the_footer_line_is_german_with_a_german_date() {
    crate::support::reset("/?lang=de");
    let state = saved_copy();
    let (host, _handle) = mount_footer_line(state);
    settle().await;
    let line = text_of(&host, ".app-offline-copy__state");
    assert!(
        line.starts_with("Auf diesem Gerät zum Offline-Lesen gespeichert am 20.11.2026"),
        "{line}"
    );
    assert_eq!(text_of(&host, "button"), "Gespeicherte Kopie entfernen");
}

#[wasm_bindgen_test]
async fn a_refused_request_shows_its_date_and_time_and_asks_before_it_is_discarded() {
    crate::support::reset(&format!("/request/done?queued={REFERENCE}"));
    let state = RwSignal::new(refused());
    let (host, _handle) = mount_confirmation(state);
    settle().await;
    assert_eq!(
        text_of(&host, "h1"),
        "Saved on this device. It will be sent when you are online"
    );
    let saved = text_of(&host, ".app-outbox__saved");
    assert!(
        saved.starts_with("Saved on this device on ")
            && saved.contains("2026")
            && saved.contains(":05"),
        "{saved}"
    );
    assert!(
        find(&host, ".app-outbox a").is_none(),
        "no way to change answers this device no longer has"
    );

    let discard = format!("#app-outbox-discard-{REFERENCE}");
    click(&host, &discard);
    settle().await;
    let question = text_of(&host, "[role=group]");
    assert!(
        question.contains(&format!("Discard request {REFERENCE}?")),
        "{question}"
    );
    assert!(question.contains("has not been sent"), "{question}");
    assert_eq!(focused_id(), format!("app-outbox-question-{REFERENCE}"));
    assert!(
        find(&host, &discard).is_none(),
        "the question takes the button's place, the confirming button lower down"
    );

    click(&host, "[role=group] .app-button--secondary");
    settle().await;
    assert!(find(&host, "[role=group]").is_none(), "kept");
    assert_eq!(focused_id(), format!("app-outbox-discard-{REFERENCE}"));
    assert!(text_of(&host, ".app-outbox").contains("Needs attention"));

    // The item leaves the outbox unsent (discarded here or in another tab): the page says so.
    state.update(|s| s.items.clear());
    settle().await;
    assert_eq!(text_of(&host, "h1"), "Your request was not sent");
    let page = host.text_content().unwrap_or_default();
    assert!(
        page.contains(&format!(
            "Request {REFERENCE} is no longer saved on this device"
        )),
        "{page}"
    );
}

#[wasm_bindgen_test]
async fn the_fix_link_opens_the_step_of_the_problem_while_the_answers_are_here() {
    crate::support::reset(&format!("/request/done?queued={REFERENCE}"));
    let draft = format!(
        r#"{{"draft":{{"who_for":"myself","age_group":"adult",
"condition":{{"catalogue":"immunodeficiency"}},"country":"germany","active_inflammation":"no",
"acute_infection":"no","fever_or_unwell":"no","patient_name":"Jo Offline","channel":"email",
"email":"jo@example.com","language":"en","best_time":"morning","time_zone":"Europe/Berlin",
"consent_health_data":true,"consent_clinics":true}},"started_at":1,
"ids":["{REFERENCE}","123e4567-e89b-42d3-a456-426614174000"]}}"#
    );
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage")
        .set_item("ct.draft.v1", &draft)
        .expect("set item");
    let state = RwSignal::new(refused());
    let (host, _handle) = mount_confirmation(state);
    settle().await;
    let link = find(&host, ".app-outbox a").expect("a link to change the answers");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/request/contact?return=check")
    );
    link.click();
    settle().await;
    let path = web_sys::window()
        .expect("window")
        .location()
        .pathname()
        .expect("pathname");
    assert_eq!(path, "/request/contact");
    assert!(
        text_of(&host, "[role=alert]").contains("Enter an email address in the correct format."),
        "the server's words in the error summary"
    );
}
