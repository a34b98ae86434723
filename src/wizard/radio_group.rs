//! A question answered by one choice: a fieldset [`FormGroup`] with one radio per option. The
//! first radio carries the field's id, so the error summary's link lands on it.

use domain::Msg;
use leptos::prelude::*;

use super::form_group::{FormGroup, GroupKind, LabelStyle, field_error};
use super::state::Bind;
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

/// How the radios stand: one under another, or side by side (yes / no questions).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RadiosLayout {
    #[default]
    Stacked,
    Inline,
}

impl RadiosLayout {
    fn class(self) -> &'static str {
        match self {
            RadiosLayout::Stacked => "app-radios",
            RadiosLayout::Inline => "app-radios app-radios--inline",
        }
    }
}

#[component]
pub fn RadioGroup<T>(
    /// The field's id, from `FieldError::field_id`.
    #[prop(into)]
    id: String,
    legend: Msg,
    #[prop(optional)] style: LabelStyle,
    #[prop(optional)] hint: Option<Msg>,
    options: Vec<(T, Signal<String>)>,
    bind: Bind<Option<T>>,
    /// Sub-headings shown before the option at each index (the condition's two lists).
    #[prop(optional)]
    groups: Vec<(usize, Msg)>,
    #[prop(optional)] layout: RadiosLayout,
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
    let error = field_error(&id);
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
            let checked = move || bind.value.with(|v| v.as_ref() == Some(&checked_value));
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
                        on:change=move |_| bind.set.run(Some(option.clone()))
                    />
                    <label class="app-radios__label" for=input_id>
                        {move || label.get()}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <FormGroup
            id=id.clone()
            kind=GroupKind::Fieldset
            label=Some(legend)
            style=style
            hint=hint
            error=error
        >
            {children.map(|children| children())}
            <div class=layout.class()>{radios}</div>
        </FormGroup>
    }
}
