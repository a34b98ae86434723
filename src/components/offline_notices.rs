//! The notices of the offline bridge above every page's content: the new version on offer, the
//! saved copy on show while offline, and the outbox's status in a live region. Outside `<main>`,
//! so the page itself is the same as the prerendered copy; a polite live region rather than
//! `role="status"`, which the pages keep for their own announcements.

use domain::Msg;
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::offline::{apply_update, use_offline};

#[component]
pub fn OfflineNotices() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    let update = move || {
        offline.with(|s| s.update).then(|| {
            view! {
                <div class="app-offline-notice">
                    <p class="app-body">{i18n.t(Msg::OfflineUpdateAvailable)}</p>
                    <button
                        class="app-button app-button--secondary"
                        type="button"
                        on:click=|_| apply_update()
                    >
                        {i18n.t(Msg::OfflineUpdateReload)}
                    </button>
                </div>
            }
        })
    };
    let copy = move || {
        offline.with(|s| s.saved_at).map(|ms| {
            let date = i18n.date(ms);
            view! {
                <p class="app-offline-notice app-body">
                    {i18n.format(Msg::OfflineCopyNote, &[("date", &date)])}
                </p>
            }
        })
    };
    // "Sent" is said only of a request that was waiting in this page's life and that the server
    // has acknowledged since (a discarded one was not sent; the outbox view says so).
    let seen = StoredValue::new(Vec::<String>::new());
    let status = move || {
        offline.with(|s| {
            let waiting = s.items.iter().filter(|i| !i.attention).count();
            seen.update_value(|seen| {
                for item in &s.items {
                    if !seen.contains(&item.reference) {
                        seen.push(item.reference.clone());
                    }
                }
            });
            let sent = seen.with_value(|seen| {
                s.sent.iter().any(|(ours, _)| {
                    seen.contains(ours) && !s.items.iter().any(|i| &i.reference == ours)
                })
            });
            if s.items.iter().any(|i| i.attention) {
                i18n.t(Msg::OutboxStatusAttention)().to_owned()
            } else if waiting > 0 {
                i18n.format(Msg::OutboxStatusWaiting, &[("count", &waiting.to_string())])
            } else if sent {
                i18n.t(Msg::OutboxStatusSent)().to_owned()
            } else {
                String::new()
            }
        })
    };
    view! {
        <div class="app-offline-notices">
            {update} {copy} <p class="app-visually-hidden" aria-live="polite">
                {status}
            </p>
        </div>
    }
}
