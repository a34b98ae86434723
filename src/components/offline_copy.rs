//! The footer's "saved for offline" line: whether the site is saved on this device for reading
//! without a connection and since when, with one button to remove the saved copy or to save it
//! again, and a polite live region saying what that button just did.

use domain::Msg;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::use_i18n;
use crate::offline::{SavedCopy, remove_copy, save_copy, use_offline};

#[component]
pub fn OfflineCopy() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    let copy = Memo::new(move |_| offline.with(|s| (s.copy, s.copy_saved_at)));
    // What the last press did, said once; and whether it is still under way.
    let said = RwSignal::new(Vec::<Msg>::new());
    let busy = RwSignal::new(false);
    let press = move |_| {
        let state = copy.get_untracked().0;
        if busy.get_untracked() || state == SavedCopy::Saving {
            return;
        }
        busy.set(true);
        said.set(Vec::new());
        let requests_kept = offline.with_untracked(|s| !s.items.is_empty());
        spawn_local(async move {
            let outcome = match state {
                SavedCopy::Saved if remove_copy().await => {
                    let mut words = vec![Msg::OfflineCopyRemoved];
                    if requests_kept {
                        words.push(Msg::OfflineCopyRequestsKept);
                    }
                    words
                }
                SavedCopy::Saved => vec![Msg::OfflineCopyRemoveFailed],
                _ if save_copy().await => vec![Msg::OfflineCopySavedNow],
                _ => vec![Msg::OfflineCopySaveFailed],
            };
            said.set(outcome);
            busy.set(false);
        });
    };
    let line = move || {
        let (state, at) = copy.get();
        match (state, at) {
            (SavedCopy::Saved, Some(at)) => {
                i18n.format(Msg::OfflineCopySaved, &[("when", &i18n.date_time(at))])
            }
            (SavedCopy::Saving, _) => i18n.t(Msg::OfflineCopySaving)().to_owned(),
            _ => i18n.t(Msg::OfflineCopyAbsent)().to_owned(),
        }
    };
    let button = move || {
        let msg = match copy.get().0 {
            SavedCopy::Saved => Msg::OfflineCopyRemove,
            _ => Msg::OfflineCopySave,
        };
        i18n.t(msg)()
    };
    let waiting = move || busy.get() || copy.get().0 == SavedCopy::Saving;
    let outcome = move || {
        let locale = i18n.locale();
        said.with(|words| {
            words
                .iter()
                .map(|msg| locale.text(*msg))
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    // One button whose words change, so focus stays on it after a press.
    view! {
        <Show when=move || copy.get().0 != SavedCopy::Unsupported>
            <div class="app-offline-copy">
                <p class="app-offline-copy__state">{line}</p>
                <button
                    class="app-button app-button--secondary app-offline-copy__button"
                    type="button"
                    aria-disabled=move || waiting().then_some("true")
                    on:click=press
                >
                    {button}
                </button>
            </div>
        </Show>
        <p class="app-offline-copy__outcome" aria-live="polite">
            {outcome}
        </p>
    }
}
