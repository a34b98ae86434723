//! The outbox view: the requests saved on this device with their state, a warning for any
//! waiting more than 7 days, and for one the server refused its words, a way to change the
//! answers and "Try again". Nothing here sends by itself; `crate::offline` does.

use domain::Msg;
use domain::request::Step;
use leptos::prelude::*;

use super::step_href;
use crate::i18n::use_i18n;
use crate::offline::{retry, use_offline};

#[component]
pub fn OutboxList() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    let items = move || offline.with(|s| s.items.clone());
    move || {
        let items = items();
        (!items.is_empty()).then(|| {
            view! {
                <section class="app-outbox" aria-labelledby="app-outbox-heading">
                    <h2 class="app-heading-m" id="app-outbox-heading">{i18n.t(Msg::OutboxHeading)}</h2>
                    <ul class="app-outbox__list">
                        {items
                            .into_iter()
                            .map(|item| {
                                let reference = item.reference.clone();
                                let state = if item.attention {
                                    i18n.format(Msg::OutboxAttention, &[("detail", &item.detail)])
                                } else {
                                    i18n.t(Msg::OutboxWaiting)().to_owned()
                                };
                                view! {
                                    <li class="app-outbox__item">
                                        <p class="app-body"><strong>{item.reference.clone()}</strong>": "{state}</p>
                                        {item.old.then(|| view! { <p class="app-body app-outbox__warning">{i18n.t(Msg::OutboxOld)}</p> })}
                                        {item.attention.then(|| view! {
                                            <p class="app-body">
                                                <a href=step_href(Step::Check, false)>{i18n.t(Msg::OutboxFix)}</a>
                                            </p>
                                            <button class="app-button app-button--secondary" type="button" on:click=move |_| retry(&reference)>
                                                {i18n.t(Msg::OutboxRetry)}
                                            </button>
                                        })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
