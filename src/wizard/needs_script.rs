//! What the wizard's page says when the form cannot run: without JavaScript, or when the app
//! could not start (no WebAssembly, as in iOS Lockdown Mode, or a file that failed to load: the
//! loader then marks `<html>` with `app-no-app`, see `prerender/src/loader.rs`). Hidden by
//! style/base.css while the app runs, so the app's copy of the page equals the prerendered one.

use domain::Msg;
use domain::operator::OPERATOR;
use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn NeedsScript() -> impl IntoView {
    let i18n = use_i18n();
    let other_ways = move || {
        i18n.format(
            Msg::NeedsScriptOtherWays,
            &[("email", OPERATOR.email), ("phone", OPERATOR.phone_display)],
        )
    };
    view! {
        <div class="app-needs-script" role="note">
            <h2 class="app-heading-m">{i18n.t(Msg::NeedsScriptTitle)}</h2>
            <p class="app-body">{i18n.t(Msg::NeedsScriptBody)}</p>
            <p class="app-body">{other_ways}</p>
            <p class="app-body">
                <a href="/contact">{i18n.t(Msg::ContactReachUs)}</a>
            </p>
        </div>
    }
}
