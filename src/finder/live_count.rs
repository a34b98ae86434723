//! The polite live region that says how many conditions are shown. It waits until the typing
//! pauses, so a screen reader hears one count, not one per keystroke.

use std::time::Duration;

use domain::Msg;
use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle};
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// How long the count must stay the same before it is announced.
const SETTLE: Duration = Duration::from_millis(600);

/// `role=status` with "N conditions found", updated `SETTLE` after the last change of `count`.
#[component]
pub fn LiveCount(#[prop(into)] count: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let announced = RwSignal::new(count.get_untracked());
    let timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |_| {
        let latest = count.get();
        if let Some(previous) = timer.try_update_value(Option::take).flatten() {
            previous.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                announced.try_set(latest);
            },
            SETTLE,
        )
        .ok();
        timer.set_value(handle);
    });
    on_cleanup(move || {
        if let Some(previous) = timer.try_update_value(Option::take).flatten() {
            previous.clear();
        }
    });
    let text = move || {
        let count = announced.get();
        match count {
            0 => i18n.t(Msg::FinderCountNone)().to_owned(),
            1 => i18n.t(Msg::FinderCountOne)().to_owned(),
            _ => i18n.format(Msg::FinderCount, &[("count", &count.to_string())]),
        }
    };
    view! {
        <p class="app-finder-count" role="status" aria-live="polite">
            {text}
        </p>
    }
}
