//! The frame of every page but the embed: skip link, header, main content, footer.

use domain::Msg;
use leptos::prelude::*;

use crate::components::{SiteFooter, SiteHeader};
use crate::i18n::use_i18n;

#[component]
pub fn SiteLayout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="app-skip-link" href="#main">{i18n.t(Msg::SkipToContent)}</a>
        <SiteHeader />
        <main id="main" class="app-main" tabindex="-1">{children()}</main>
        <SiteFooter />
    }
}
