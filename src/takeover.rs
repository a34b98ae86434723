//! The hand-over from a page's prerendered copy to the app (`crate::start`): the `<head>`
//! elements the copy brought, and the answers a reader gave in the copy's form fields before the
//! app ran, moved to the same fields of the app's copy.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// The comments around the `<head>` elements the prerender wrote (`prerender/src/document.rs`).
const HEAD_START: &str = "app-head";
const HEAD_END: &str = "/app-head";

/// A field of the copy the reader changed: its position among the copy's fields, and what it
/// holds.
#[derive(Debug)]
pub struct Answer {
    index: usize,
    given: Given,
}

/// What a field holds: whether it is checked (a radio or checkbox), or its value.
#[derive(Debug)]
struct Given {
    checked: bool,
    value: String,
}

const FIELDS: &str = "input, textarea, select";

/// A form field of either copy, seen the way the takeover needs it.
enum Field {
    Choice(HtmlInputElement),
    Text(HtmlInputElement),
    Area(HtmlTextAreaElement),
    Select(HtmlSelectElement),
}

impl Field {
    fn of(element: Element) -> Option<Field> {
        let element = match element.dyn_into::<HtmlInputElement>() {
            Ok(input) if matches!(input.type_().as_str(), "radio" | "checkbox") => {
                return Some(Field::Choice(input));
            }
            Ok(input) => return Some(Field::Text(input)),
            Err(element) => element,
        };
        match element.dyn_into::<HtmlTextAreaElement>() {
            Ok(area) => Some(Field::Area(area)),
            Err(element) => element
                .dyn_into::<HtmlSelectElement>()
                .ok()
                .map(Field::Select),
        }
    }

    /// What the reader changed since the page was served, if anything.
    fn changed(&self) -> Option<Given> {
        let (checked, value, changed) = match self {
            Field::Choice(input) => (
                input.checked(),
                String::new(),
                input.checked() != input.default_checked(),
            ),
            Field::Text(input) => (false, input.value(), input.value() != input.default_value()),
            Field::Area(area) => (
                false,
                area.value(),
                area.default_value()
                    .is_ok_and(|served| area.value() != served),
            ),
            // A select's served choice is the option marked `selected` (the first without one).
            Field::Select(select) => {
                let served = select
                    .query_selector("option[selected]")
                    .ok()
                    .flatten()
                    .or_else(|| select.query_selector("option").ok().flatten())
                    .and_then(|o| o.get_attribute("value"))
                    .unwrap_or_default();
                (false, select.value(), select.value() != served)
            }
        };
        changed.then_some(Given { checked, value })
    }

    /// Gives the field what the reader gave and announces it as the reader's own input.
    fn answer(&self, answer: &Given) {
        let (target, event): (&web_sys::EventTarget, &str) = match self {
            Field::Choice(input) => {
                input.set_checked(answer.checked);
                (input, "change")
            }
            Field::Text(input) => {
                input.set_value(&answer.value);
                (input, "input")
            }
            Field::Area(area) => {
                area.set_value(&answer.value);
                (area, "input")
            }
            Field::Select(select) => {
                select.set_value(&answer.value);
                (select, "change")
            }
        };
        if let Ok(event) = web_sys::Event::new_with_event_init_dict(event, &bubbling()) {
            let _ = target.dispatch_event(&event);
        }
    }
}

/// The fields of `root`, in document order.
fn fields(root: &Element) -> Vec<Option<Field>> {
    let Ok(list) = root.query_selector_all(FIELDS) else {
        return Vec::new();
    };
    (0..list.length())
        .map(|i| list.item(i)?.dyn_into::<Element>().ok().and_then(Field::of))
        .collect()
}

/// The fields of `copy` whose state differs from what the page was served with.
pub fn answers_in(copy: &Element) -> Vec<Answer> {
    fields(copy)
        .iter()
        .enumerate()
        .filter_map(|(index, field)| {
            let given = field.as_ref()?.changed()?;
            Some(Answer { index, given })
        })
        .collect()
}

/// Gives the app's fields the reader's answers, announced as the reader's own input, so the
/// app's state follows as if they had been typed there.
pub fn answer_again(answers: &[Answer]) {
    if answers.is_empty() {
        return;
    }
    let Some(body) = leptos::prelude::document().body() else {
        return;
    };
    let fields = fields(&body);
    for answer in answers {
        if let Some(Some(field)) = fields.get(answer.index) {
            field.answer(&answer.given);
        }
    }
}

fn bubbling() -> web_sys::EventInit {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init
}

/// Removes the `<head>` elements between the prerender's comments: the app's own (leptos_meta)
/// take their place.
pub fn remove_prerendered_head() {
    let Some(head) = leptos::prelude::document().head() else {
        return;
    };
    let mut inside = false;
    let mut node = head.first_child();
    while let Some(current) = node {
        node = current.next_sibling();
        let comment = (current.node_type() == web_sys::Node::COMMENT_NODE)
            .then(|| current.text_content())
            .flatten();
        match comment.as_deref() {
            Some(HEAD_START) => inside = true,
            Some(HEAD_END) => inside = false,
            _ if !inside => continue,
            _ => {}
        }
        if let Some(parent) = current.parent_node() {
            let _ = parent.remove_child(&current);
        }
    }
}
