//! A question answered by choosing from a list: a `<select>` in a [`FormGroup`], its options
//! plain or in `<optgroup>`s, and optionally narrowed by a search text (the time zones).

use domain::Msg;
use leptos::prelude::*;

use super::form_group::{Aria, FormGroup, GroupKind, field_error};
use super::state::Bind;

/// One `<option>`: the value sent and the text shown.
#[derive(Clone)]
pub struct SelectOption {
    pub value: String,
    pub label: Signal<String>,
}

/// Options under one heading (`<optgroup>`), or loose ones (`label: None`).
#[derive(Clone)]
pub struct OptionGroup {
    pub label: Option<Signal<String>>,
    pub options: Vec<SelectOption>,
}

/// True when `option` matches the search text (ignoring case, `_` read as a space); an empty
/// search matches everything.
fn matches(option: &SelectOption, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return true;
    }
    let text = format!("{} {}", option.value, option.label.get_untracked())
        .replace('_', " ")
        .to_lowercase();
    text.contains(&query)
}

#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    label: Msg,
    #[prop(optional)] hint: Option<Msg>,
    groups: Vec<OptionGroup>,
    bind: Bind<Option<String>>,
    /// Hides the options that do not match this text (the chosen one always shows).
    #[prop(optional, into)]
    search: Option<Signal<String>>,
    /// Shown in the group above the select (the time zones' search box).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let error = field_error(&id);
    let aria = Aria::new(&id, hint, error);
    let hidden = move |option: &SelectOption| {
        let option = option.clone();
        move || {
            let chosen = bind
                .value
                .with(|v| v.as_deref() == Some(option.value.as_str()));
            !chosen && search.is_some_and(|q| q.with(|q| !matches(&option, q)))
        }
    };
    let render = move |options: Vec<SelectOption>| {
        options
            .into_iter()
            .map(|option| {
                let value = option.value.clone();
                let selected = move || bind.value.with(|v| v.as_deref() == Some(value.as_str()));
                let is_hidden = hidden(&option);
                view! {
                    <option value=option.value.clone() prop:selected=selected hidden=is_hidden>
                        {move || option.label.get()}
                    </option>
                }
            })
            .collect_view()
    };
    let options = groups
        .into_iter()
        .map(|group| match group.label {
            Some(label) => {
                let all = group.options.clone();
                let empty = move || {
                    all.iter().all(|o| {
                        let hidden = hidden(o);
                        hidden()
                    })
                };
                view! {
                    <optgroup label=move || label.get() hidden=empty>
                        {render(group.options)}
                    </optgroup>
                }
                .into_any()
            }
            None => render(group.options).into_any(),
        })
        .collect_view();
    view! {
        <FormGroup id=id.clone() kind=GroupKind::Field label=Some(label) hint=hint error=error>
            {children.map(|children| children())}
            <select
                class="app-select"
                id=id.clone()
                name=id.clone()
                aria-describedby=aria.described_by
                aria-invalid=aria.invalid
                on:change=move |ev| bind.set.run(Some(event_target_value(&ev)))
            >
                {options}
            </select>
        </FormGroup>
    }
}
