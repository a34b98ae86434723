//! The condition finder in headless Chromium (wasm-bindgen-test): typing filters the list and
//! marks what matched, the A-Z list shows before typing, the URL restores the query, and an
//! unknown condition id gets its not-found page. Elements are found by role, label and text.
use crate::support::{WithLanguage, mount, reset, settle};
use app::pages::{ConditionPage, FinderPage};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

/// The finder and the condition page behind a router, as the app mounts them.
fn routes() -> AnyView {
    view! {
        <Router>
            <WithLanguage>
                <Routes fallback=|| "no route">
                    <Route path=path!("/conditions") view=FinderPage />
                    <Route path=path!("/conditions/:id") view=ConditionPage />
                </Routes>
            </WithLanguage>
        </Router>
    }
    .into_any()
}

fn mount_fresh(url: &str) -> (web_sys::HtmlElement, impl Drop) {
    reset(url);
    mount(routes)
}

fn all(host: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = host.query_selector_all(selector).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into().ok())
        .collect()
}

fn texts(host: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    all(host, selector)
        .iter()
        .map(|element| element.text_content().unwrap_or_default())
        .collect()
}

/// The field labelled by the given text, found through its `<label for>`.
fn field_labelled(host: &web_sys::HtmlElement, label: &str) -> web_sys::HtmlInputElement {
    let label = all(host, "label")
        .into_iter()
        .find(|element| element.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no label {label:?}"));
    let id = label
        .get_attribute("for")
        .expect("the label names its field");
    document()
        .get_element_by_id(&id)
        .expect("the labelled field exists")
        .unchecked_into()
}

fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let event = web_sys::Event::new("input").expect("an input event");
    input.dispatch_event(&event).expect("dispatch");
}

fn search_path() -> String {
    let location = web_sys::window().expect("a window").location();
    format!(
        "{}{}",
        location.pathname().expect("a path"),
        location.search().expect("a query")
    )
}

#[wasm_bindgen_test]
async fn empty_query_shows_every_entry_from_a_to_z() {
    let (host, _handle) = mount_fresh("/conditions");
    settle().await;
    assert_eq!(texts(&host, "h1"), ["Find your condition"]);
    let letters = texts(&host, "h3");
    assert_eq!(letters.first().map(String::as_str), Some("A"));
    let mut sorted = letters.clone();
    sorted.sort();
    assert_eq!(letters, sorted, "groups in letter order");
    assert_eq!(
        all(&host, ".app-finder-az__link").len(),
        25,
        "every entry once"
    );
    assert_eq!(texts(&host, "[role=status]"), ["25 conditions found"]);
}

#[wasm_bindgen_test]
async fn a_misspelling_finds_the_condition_and_marks_the_match() {
    let (host, _handle) = mount_fresh("/conditions");
    settle().await;
    let field = field_labelled(&host, "Search for a condition or medical goal");
    assert_eq!(field.type_(), "search");
    type_into(&field, "alzhiemer");
    settle().await;
    let names = texts(&host, ".app-finder-result__link");
    assert!(
        names.iter().any(|name| name.starts_with("Alzheimer")),
        "Alzheimer's among {names:?}"
    );
    let marks = texts(&host, ".app-finder-result__link mark");
    assert!(
        marks.iter().any(|mark| mark.starts_with("Alzheimer")),
        "the name is marked: {marks:?}"
    );
    assert!(
        all(&host, ".app-finder-result__link")[0]
            .get_attribute("href")
            .is_some_and(|href| href == "/conditions/alzheimers-disease")
    );
    assert_eq!(
        search_path(),
        "/conditions?q=alzhiemer",
        "the URL follows the typing"
    );
}

#[wasm_bindgen_test]
async fn typing_narrows_and_a_lay_term_shows_what_it_matched() {
    let (host, _handle) = mount_fresh("/conditions");
    settle().await;
    let field = field_labelled(&host, "Search for a condition or medical goal");
    type_into(&field, "br");
    settle().await;
    let broad = all(&host, ".app-finder-result").len();
    type_into(&field, "brain attack");
    settle().await;
    let narrow = all(&host, ".app-finder-result").len();
    assert!(narrow >= 1 && narrow <= broad, "{narrow} of {broad}");
    let matched = texts(&host, ".app-finder-result__match");
    assert!(
        matched
            .iter()
            .any(|line| line.contains("matches:") && line.contains("brain attack")),
        "the synonym is shown: {matched:?}"
    );
}

#[wasm_bindgen_test]
async fn the_url_restores_query_and_category() {
    let (host, _handle) = mount_fresh("/conditions?q=Zuckerkrankheit&category=metabolic");
    settle().await;
    assert_eq!(
        field_labelled(&host, "Search for a condition or medical goal").value(),
        "Zuckerkrankheit"
    );
    let select: web_sys::HtmlSelectElement = field_labelled(&host, "Category").unchecked_into();
    assert_eq!(select.value(), "metabolic");
    let names = texts(&host, ".app-finder-result__link");
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].starts_with("Diabetes"), "{names:?}");
}

#[wasm_bindgen_test]
async fn nothing_found_offers_suggestions_and_a_request_anyway() {
    let (host, _handle) = mount_fresh("/conditions?q=xyzzy%20sclerosis%20qqq");
    settle().await;
    let title = texts(&host, "h2").join(" ");
    assert!(title.contains("No condition matches"), "{title}");
    let request = all(&host, ".app-finder-no-match__request");
    assert_eq!(
        request[0].get_attribute("href").as_deref(),
        Some("/request/who-for?something_else=xyzzy%20sclerosis%20qqq")
    );
    let suggested = texts(&host, ".app-finder-no-match__link");
    assert!(
        suggested.iter().any(|name| name.contains("sclerosis")),
        "{suggested:?}"
    );
}

#[wasm_bindgen_test]
async fn a_condition_page_links_to_the_wizard_and_an_unknown_id_to_the_search() {
    let (host, handle) = mount_fresh("/conditions/multiple-sclerosis");
    settle().await;
    assert_eq!(texts(&host, "h1"), ["Multiple sclerosis"]);
    let request = all(&host, ".app-condition__request");
    assert_eq!(
        request[0].get_attribute("href").as_deref(),
        Some("/request/who-for?condition=multiple-sclerosis")
    );
    drop(handle);
    let (host, _handle) = mount_fresh("/conditions/no-such-thing");
    settle().await;
    assert_eq!(texts(&host, "h1"), ["Condition not found"]);
    field_labelled(&host, "Search for a condition or medical goal");
}
