//! The outbox view: the requests saved on this device, one `OutboxItem` each, and a polite live
//! region saying what the reader just did to one (discarded it). Nothing here sends by itself;
//! `crate::offline` does.

use domain::Msg;
use leptos::prelude::*;

use super::outbox_item::{OUTCOME_ID, OutboxItemView};
use crate::i18n::use_i18n;
use crate::offline::use_offline;

#[component]
pub fn OutboxList() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    let items = Memo::new(move |_| offline.with(|s| s.items.clone()));
    let said = RwSignal::new(String::new());
    view! {
        <Show when=move || items.with(|items| !items.is_empty())>
            <section class="app-outbox" aria-labelledby="app-outbox-heading">
                <h2 class="app-heading-m" id="app-outbox-heading">
                    {i18n.t(Msg::OutboxHeading)}
                </h2>
                <ul class="app-outbox__list">
                    // Keyed by what an item shows, so a report that changes nothing about an item
                    // keeps its element (and the focus and an open confirmation inside it).
                    <For
                        each=move || items.get()
                        key=|item| {
                            (item.reference.clone(), item.attention, item.detail.clone(), item.old)
                        }
                        children=move |item| view! { <OutboxItemView item=item said=said /> }
                    />
                </ul>
            </section>
        </Show>
        <p class="app-body app-outbox__outcome" id=OUTCOME_ID tabindex="-1" aria-live="polite">
            {move || said.get()}
        </p>
    }
}
