//! The hand-over from a page's prerendered copy to the app (`crate::start`): the `<head>`
//! elements the copy brought, and the answers a reader gave in the copy's form fields before the
//! app ran, moved to the same fields of the app's copy.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// The comments around the `<head>` elements the prerender wrote (`prerender/src/document.rs`).
const HEAD_START: &str = "app-head";
const HEAD_END: &str = "/app-head";

/// A field of the copy the reader changed: its position among the copy's fields, and what it
/// holds.
#[derive(Debug)]
pub struct Answer {
    index: u32,
    checked: bool,
    value: String,
}

const FIELDS: &str = "input, textarea";

/// The fields of `copy` whose state differs from what the page was served with.
pub fn answers_in(copy: &Element) -> Vec<Answer> {
    let Ok(list) = copy.query_selector_all(FIELDS) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| {
            let input = list.item(index)?.dyn_into::<HtmlInputElement>().ok()?;
            let kind = input.type_();
            let changed = if kind == "radio" || kind == "checkbox" {
                input.checked() != input.default_checked()
            } else {
                input.value() != input.default_value()
            };
            changed.then(|| Answer {
                index,
                checked: input.checked(),
                value: input.value(),
            })
        })
        .collect()
}

/// Gives the app's fields the reader's answers, announced as the reader's own input, so the
/// app's state follows as if they had been typed there.
pub fn answer_again(answers: &[Answer]) {
    if answers.is_empty() {
        return;
    }
    let document = leptos::prelude::document();
    let Some(list) = document
        .body()
        .and_then(|b| b.query_selector_all(FIELDS).ok())
    else {
        return;
    };
    for answer in answers {
        let Some(input) = list
            .item(answer.index)
            .and_then(|node| node.dyn_into::<HtmlInputElement>().ok())
        else {
            continue;
        };
        let kind = input.type_();
        let event = if kind == "radio" || kind == "checkbox" {
            input.set_checked(answer.checked);
            "change"
        } else {
            input.set_value(&answer.value);
            "input"
        };
        if let Ok(event) = web_sys::Event::new_with_event_init_dict(event, &bubbling()) {
            let _ = input.dispatch_event(&event);
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
