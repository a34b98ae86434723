//! `/embed/request` and `/embed/request/{step}`: the wizard without the site's frame, inside a
//! partner's iframe. It applies the partner's theme, reports height and journey events to the
//! parent (all through `crate::embed`), says when answers cannot be kept on this device or when
//! it is in test mode, and shows the same wizard as `/request/{step}`.

use domain::Msg;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::embed::{self, EmbedEvent, Journey};
use crate::i18n::use_i18n;
use crate::pages::RequestPage;
use crate::storage;

#[component]
pub fn EmbedRequestPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = embed::current().unwrap_or_default();
    let test = params.test;
    let theme = params.theme;
    let root = NodeRef::<leptos::html::Main>::new();
    let location = use_location();
    // The first run (after the first render) says "ready" and starts the height reports; every
    // run then tells what arriving on the current page means. The journey is the effect's value.
    Effect::new(move |journey: Option<Journey>| {
        let path = location.pathname.get();
        let mut journey = journey.unwrap_or_else(|| {
            if let Some(root) = root.get_untracked() {
                if let Some(colour) = theme {
                    embed::apply_theme(&root, colour);
                }
                embed::observe_height(&root);
            }
            embed::post(&EmbedEvent::Ready);
            Journey::default()
        });
        let events = journey.arrive(embed::embed_slug(&path), test, storage::sent_reference);
        events.iter().for_each(embed::post);
        journey
    });
    let storage_notice = (!storage::is_available()).then(|| {
        view! {
            <p class="app-embed__notice" role="note">
                {i18n.t(Msg::EmbedStorageNotice)}
            </p>
        }
    });
    let test_notice = test.then(|| {
        view! {
            <p class="app-embed__notice app-embed__notice--test" role="note">
                {i18n.t(Msg::EmbedTestNotice)}
            </p>
        }
    });
    view! {
        <main id="main" class="app-main app-main--embed app-embed" node_ref=root>
            {test_notice}
            {storage_notice}
            <RequestPage />
        </main>
    }
}
