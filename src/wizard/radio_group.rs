//! A question answered by one choice: a fieldset whose legend may be the page's heading, a hint,
//! an inline error, and one radio per option. The first radio carries the field's id, so the
//! error summary's link lands on it.

use domain::Msg;
use leptos::prelude::*;

use super::field_parts::{ErrorMessage, described_by, hint_id};
use crate::i18n::{I18n, use_i18n};

/// Options whose labels are translation keys, as the radios need them.
pub fn msg_options<T: Clone>(i18n: I18n, items: &[(T, Msg)]) -> Vec<(T, Signal<String>)> {
    items
        .iter()
        .map(|(value, msg)| {
            let msg = *msg;
            (
                value.clone(),
                Signal::derive(move || i18n.locale().text(msg).to_owned()),
            )
        })
        .collect()
}

#[component]
pub fn RadioGroup<T>(
    /// The field's id, from `FieldError::field_id`.
    #[prop(into)]
    id: String,
    legend: Msg,
    /// True when the legend is the page's `<h1>` (a one-question page).
    #[prop(optional)]
    heading: bool,
    #[prop(optional)] hint: Option<Msg>,
    options: Vec<(T, Signal<String>)>,
    #[prop(into)] value: Signal<Option<T>>,
    on_change: Callback<T>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Sub-headings shown before the option at each index (the condition's two lists).
    #[prop(optional)]
    groups: Vec<(usize, Msg)>,
    /// Lay the options side by side (yes / no questions).
    #[prop(optional)]
    inline: bool,
    /// The indices of the options to show; `None` shows them all (the condition step's search).
    #[prop(optional, into)]
    shown: Option<Signal<Option<Vec<usize>>>>,
    /// Shown inside the fieldset above the radios (the condition step's search box).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let hint_id = hint_id(&id);
    let described = described_by(&id, hint.is_some(), error);
    let legend_view = if heading {
        view! {
            <legend class="app-fieldset__legend app-fieldset__legend--l">
                <h1 class="app-fieldset__heading" id="app-step-heading" tabindex="-1">
                    {i18n.t(legend)}
                </h1>
            </legend>
        }
        .into_any()
    } else {
        view! {
            <legend class="app-fieldset__legend app-fieldset__legend--m">{i18n.t(legend)}</legend>
        }
        .into_any()
    };
    let name = id.clone();
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, (option, label))| {
            let input_id = if i == 0 {
                id.clone()
            } else {
                format!("{id}-{}", i + 1)
            };
            let group = groups
                .iter()
                .find(|(at, _)| *at == i)
                .map(|(_, msg)| view! { <p class="app-radios__group">{i18n.t(*msg)}</p> });
            let checked_value = option.clone();
            let checked = move || value.with(|v| v.as_ref() == Some(&checked_value));
            let hidden = move || {
                shown.is_some_and(|shown| {
                    shown.with(|s| s.as_ref().is_some_and(|s| !s.contains(&i)))
                })
            };
            view! {
                {group}
                <div class="app-radios__item" class:app-radios__item--hidden=hidden>
                    <input
                        class="app-radios__input"
                        type="radio"
                        id=input_id.clone()
                        name=name.clone()
                        value=i.to_string()
                        prop:checked=checked
                        on:change=move |_| on_change.run(option.clone())
                    />
                    <label class="app-radios__label" for=input_id>
                        {move || label.get()}
                    </label>
                </div>
            }
        })
        .collect_view();
    let group_class = move || {
        if error.with(Option::is_some) {
            "app-form-group app-form-group--error"
        } else {
            "app-form-group"
        }
    };
    let radios_class = if inline {
        "app-radios app-radios--inline"
    } else {
        "app-radios"
    };
    view! {
        <div class=group_class>
            <fieldset class="app-fieldset" aria-describedby=described>
                {legend_view}
                {hint.map(|msg| view! { <div class="app-hint" id=hint_id>{i18n.t(msg)}</div> })}
                <ErrorMessage field=id.clone() error=error />
                {children.map(|children| children())}
                <div class=radios_class>{radios}</div>
            </fieldset>
        </div>
    }
}
