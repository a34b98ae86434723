//! The frame of every page but the embed: skip link, header, main content, footer.

use domain::Msg;
use leptos::html::Main;
use leptos::prelude::*;

use crate::components::{OfflineNotices, SiteFooter, SiteHeader};
use crate::i18n::use_i18n;

#[component]
pub fn SiteLayout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let main = NodeRef::<Main>::new();
    // The router turns `#main` into a client-side navigation that scrolls but does not move
    // focus, so the skip link moves focus itself: a keyboard user lands in the content.
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = main.get() {
            let _ = main.focus();
        }
    };
    view! {
        <a class="app-skip-link" href="#main" on:click=skip>
            {i18n.t(Msg::SkipToContent)}
        </a>
        <SiteHeader />
        <OfflineNotices />
        <main id="main" class="app-main" tabindex="-1" node_ref=main>
            {children()}
        </main>
        <SiteFooter />
    }
}
